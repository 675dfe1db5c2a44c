//! The `straytext` binary: every option, JSON Lines order and ids, errors and exit codes.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use straytext::{analyze, clean, Options};

const PAGE: &str = "Subscribe\n2,500 $\nAUGUST 2025 يوم متبقٍ\nThe talks in Doha ended on Sunday without an agreement, officials from both delegations said.\nMediators said that a new round would begin next week, and that both sides had agreed to the venue.\n55 Comments\n";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_straytext"))
}

/// Runs the binary with `args`, feeding `stdin`.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// A file in a fresh temporary directory: one directory per call (tests run in parallel
/// threads of one process, and two of them writing `page.html` in the same directory made
/// `html_file_is_passed_to_the_library` read the other test's HTML now and then).
fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "straytext-cli-{}-{call}-{}",
        std::process::id(),
        name.replace(['.', '/'], "_")
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn text_output_marks_the_noise_plainly_off_a_terminal() {
    for args in [&["--color", "never"][..], &[][..], &["--color", "auto"][..]] {
        let out = stdout(&run(args, PAGE.as_bytes()));
        assert!(!out.contains('\x1b'), "no colour off a terminal: {args:?}");
        // Adjacent removed lines make one mark, labelled with every kind inside it.
        let first = out.split('⟧').next().unwrap();
        assert!(first.starts_with("⟦Subscribe\n2,500 $\n"), "{out}");
        assert!(first.ends_with("يوم متبقٍ"), "{out}");
        let labels = out.split('⟧').nth(1).unwrap();
        assert!(
            labels.starts_with('{')
                && labels.contains("foreign_script")
                && labels.contains("ui_text/amount"),
            "{out}"
        );
        assert!(out.contains("⟦55 Comments⟧{ui_text/counter}"), "{out}");
        assert!(
            out.contains("\nThe talks in Doha ended on Sunday"),
            "content unmarked"
        );
        let summary = out.lines().last().unwrap();
        let report = analyze(PAGE, &Options::default());
        assert!(
            summary.starts_with(&format!("straytext: {} findings", report.findings.len())),
            "{summary}"
        );
        assert!(summary.contains("English"), "{summary}");
        // Removing the marks gives back the input.
        let mut unmarked = String::new();
        for line in out.lines().take(out.lines().count() - 1) {
            let mut l = line.replace(['⟦', '⟧'], "");
            while let Some(i) = l.find('{') {
                let j = l[i..].find('}').map_or(l.len(), |j| i + j + 1);
                l.replace_range(i..j, "");
            }
            unmarked.push_str(&l);
            unmarked.push('\n');
        }
        assert_eq!(unmarked, PAGE);
    }
}

#[test]
fn color_always_uses_ansi_and_never_the_plain_marks() {
    let out = stdout(&run(&["--color", "always"], PAGE.as_bytes()));
    assert!(out.contains("\x1b["), "ANSI escapes");
    assert!(out.contains("\x1b[0m"), "reset after each span");
    assert!(!out.contains('⟦'));
    assert!(out.contains("يوم متبقٍ"));
}

#[test]
fn json_is_the_library_report_serialized() {
    let want = serde_json::to_value(analyze(PAGE, &Options::default())).unwrap();
    let from_stdin: Value =
        serde_json::from_str(&stdout(&run(&["--format", "json"], PAGE.as_bytes()))).unwrap();
    assert_eq!(from_stdin, want);
    let path = temp_file("page.txt", PAGE.as_bytes());
    let from_file: Value = serde_json::from_str(&stdout(&run(
        &["--format", "json", path.to_str().unwrap()],
        b"",
    )))
    .unwrap();
    assert_eq!(from_file, want);
    let dash: Value =
        serde_json::from_str(&stdout(&run(&["--format", "json", "-"], PAGE.as_bytes()))).unwrap();
    assert_eq!(dash, want);
    // Fields that do not apply are left out, not null.
    let text = serde_json::to_string(&from_stdin).unwrap();
    assert!(!text.contains("null"), "{text}");
}

#[test]
fn clean_prints_the_library_clean_text() {
    let out = stdout(&run(&["--clean"], PAGE.as_bytes()));
    assert_eq!(out, clean(PAGE, &Options::default()));
    assert!(!out.contains("Subscribe") && !out.contains("يوم"));
    assert!(out.contains("The talks in Doha"));
}

#[test]
fn html_file_is_passed_to_the_library() {
    let html = "<nav><a href=/>Subscribe</a></nav><article><p>The talks in Doha ended on Sunday without an agreement, officials from both delegations said.</p></article>";
    let html_path = temp_file("page.html", html.as_bytes());
    let out = stdout(&run(
        &["--format", "json", "--html", html_path.to_str().unwrap()],
        PAGE.as_bytes(),
    ));
    let want = serde_json::to_value(analyze(PAGE, &Options::default().with_html(html))).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), want);
}

/// Many records of different sizes, so that batches are analysed out of order on threads.
fn records(n: usize) -> (String, Vec<(Value, String)>) {
    let texts = [
        PAGE,
        "",
        "Подписаться\nКомпания Apple показала новый iPhone 15 на презентации в Купертино, и продажи начнутся в пятницу.\n",
        "日本語の文章です。\nコメントを残す\n",
        "p\u{0430}ypal \u{200B}",
    ];
    let mut input = String::new();
    let mut want = Vec::new();
    for i in 0..n {
        let id: Value = if i % 3 == 0 {
            Value::from(format!("doc-{i}"))
        } else {
            Value::from(i as u64)
        };
        let text = texts[i % texts.len()].repeat(1 + (i * 7919) % 13);
        let rec = serde_json::json!({"id": id, "text": text});
        input.push_str(&rec.to_string());
        input.push('\n');
        if i % 97 == 0 {
            input.push_str("   \n");
        }
        want.push((id, text));
    }
    (input, want)
}

#[test]
fn jsonl_keeps_input_order_and_ids_on_any_thread_count() {
    let (input, want) = records(1500);
    let mut outputs = Vec::new();
    for threads in ["1", "2", "4"] {
        let out = stdout(&run(
            &["--format", "jsonl", "--threads", threads],
            input.as_bytes(),
        ));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines.len(),
            want.len(),
            "one report per record (threads {threads})"
        );
        for (line, (id, text)) in lines.iter().zip(&want) {
            let mut got: Value = serde_json::from_str(line).unwrap();
            assert_eq!(&got["id"], id, "threads {threads}");
            got.as_object_mut().unwrap().remove("id");
            let report = serde_json::to_value(analyze(text, &Options::default())).unwrap();
            assert_eq!(got, report, "record {id}");
        }
        outputs.push(out);
    }
    assert!(
        outputs.windows(2).all(|w| w[0] == w[1]),
        "same output on every thread count"
    );
}

#[test]
fn jsonl_clean_and_html_records() {
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": PAGE}),
        serde_json::json!({"id": ["b", 2], "text": PAGE, "html": "<p>The talks</p>"})
    );
    let out = stdout(&run(&["--format", "jsonl", "--clean"], input.as_bytes()));
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["clean"], clean(PAGE, &Options::default()));
    assert_eq!(lines[1]["id"], serde_json::json!(["b", 2]));
    let out = stdout(&run(&["--format", "jsonl"], input.as_bytes()));
    let second: Value = serde_json::from_str(out.lines().nth(1).unwrap()).unwrap();
    let mut want = serde_json::to_value(analyze(
        PAGE,
        &Options::default().with_html("<p>The talks</p>"),
    ))
    .unwrap();
    want["id"] = serde_json::json!(["b", 2]);
    assert_eq!(second, want);
}

/// One line on standard error, a non-zero exit, nothing half-printed as a success.
fn error_of(o: &Output) -> String {
    assert!(!o.status.success(), "should fail");
    assert_ne!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one-line message: {err:?}"
    );
    err
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let mut bytes = b"Hello w".to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(b"rld\n");
    for args in [&[][..], &["--format", "json"][..], &["--clean"][..]] {
        let err = error_of(&run(args, &bytes));
        assert!(err.contains("UTF-8") && err.contains("offset 7"), "{err}");
    }
    let path = temp_file("bad.txt", &bytes);
    let err = error_of(&run(&[path.to_str().unwrap()], b""));
    assert!(err.contains("bad.txt") && err.contains("offset 7"), "{err}");
    // A truncated multi-byte character at the end.
    let err = error_of(&run(&[], "añ".as_bytes().split_at(2).0));
    assert!(err.contains("offset 1"), "{err}");
}

#[test]
fn bad_jsonl_record_names_its_line() {
    let good = serde_json::json!({"id": 1, "text": "Hello"}).to_string();
    for (bad, what) in [
        ("{\"id\": 2, \"text\": ", "truncated JSON"),
        ("{\"id\": 2}", "no text"),
        ("{\"id\": 2, \"text\": 5}", "text not a string"),
        ("[1, 2]", "not an object"),
    ] {
        let input = format!("{good}\n{good}\n{bad}\n{good}\n");
        let err = error_of(&run(&["--format", "jsonl"], input.as_bytes()));
        assert!(err.contains("line 3"), "{what}: {err}");
    }
    let mut bytes = format!("{good}\n\n").into_bytes();
    bytes.extend_from_slice(b"{\"id\": 3, \"text\": \"a\xFFb\"}\n");
    let err = error_of(&run(&["--format", "jsonl"], &bytes));
    assert!(err.contains("line 3") && err.contains("UTF-8"), "{err}");
}

#[test]
fn missing_file_is_an_error() {
    let err = error_of(&run(&["/nonexistent/straytext/page.txt"], b""));
    assert!(err.contains("/nonexistent/straytext/page.txt"), "{err}");
    let err = error_of(&run(&["--format", "jsonl", "/nonexistent/x.jsonl"], b""));
    assert!(err.contains("/nonexistent/x.jsonl"), "{err}");
    let err = error_of(&run(&["--html", "/nonexistent/p.html"], PAGE.as_bytes()));
    assert!(err.contains("/nonexistent/p.html"), "{err}");
}

#[test]
fn bad_options_fail() {
    for args in [
        &["--format", "xml"][..],
        &["--color", "sometimes"][..],
        &["--nope"][..],
        &["--threads", "-1"][..],
        &["--threads", "many"][..],
        // Used to start that many threads (10,000 took a minute for one record).
        &["--format", "jsonl", "--threads", "20000"][..],
        &["--format", "jsonl", "--threads", "1025"][..],
    ] {
        let t = std::time::Instant::now();
        let o = run(args, b"{\"id\":1,\"text\":\"a\"}\n");
        assert!(!o.status.success(), "{args:?}");
        assert!(!o.stderr.is_empty());
        assert!(
            t.elapsed().as_secs() < 10,
            "{args:?} took {:?}",
            t.elapsed()
        );
    }
    let input = b"{\"id\":1,\"text\":\"a\"}\n";
    for n in ["0", "1", "1024"] {
        let out = stdout(&run(&["--format", "jsonl", "--threads", n], input));
        assert_eq!(out.lines().count(), 1, "--threads {n}");
    }
}

#[test]
fn empty_input_succeeds() {
    let out = stdout(&run(&["--format", "json"], b""));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["findings"], serde_json::json!([]));
    assert_eq!(v["lines"], serde_json::json!([]));
    assert_eq!(stdout(&run(&["--clean"], b"")), "");
    assert_eq!(stdout(&run(&["--format", "jsonl"], b"")), "");
    assert!(stdout(&run(&[], b"")).starts_with("straytext: 0 findings"));
}

#[test]
fn help_explains_every_option() {
    let out = stdout(&run(&["--help"], b""));
    for option in [
        "--format",
        "--clean",
        "--html",
        "--threads",
        "--color",
        "--help",
        "--version",
    ] {
        assert!(out.contains(option), "--help mentions {option}");
    }
    for word in [
        "json",
        "jsonl",
        "text",
        "always",
        "never",
        "Examples",
        "standard input",
    ] {
        assert!(out.contains(word), "--help mentions {word}");
    }
    assert!(stdout(&run(&["--version"], b"")).starts_with("straytext "));
}

/// Used to take quadratic time: the plain marking looked for each removed span's findings
/// among all findings (a line with 40,000 foreign runs took 4× as long as the JSON report).
#[test]
fn marking_many_spans_takes_linear_time() {
    let text = "The quick brown fox jumps يوم متبقٍ over the lazy dog. ".repeat(30_000);
    let time = |args: &[&str]| {
        (0..2)
            .map(|_| {
                let t = std::time::Instant::now();
                let o = run(args, text.as_bytes());
                assert!(o.status.success());
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let json = time(&["--format", "json"]);
    let marked = time(&["--color", "never"]);
    eprintln!("30,000 spans: json {json:.2} s, marked text {marked:.2} s");
    assert!(
        marked <= 2.5 * json + 0.2,
        "marking took {marked:.2} s, the JSON report {json:.2} s"
    );
}

/// Windows tools (PowerShell's `Out-File -Encoding utf8`, Notepad) start a file with a byte
/// order mark; it used to make the first record "expected value at line 1 column 1".
#[test]
fn jsonl_accepts_a_byte_order_mark_before_the_first_record() {
    let good = serde_json::json!({"id": 1, "text": PAGE}).to_string();
    let mut input = b"\xEF\xBB\xBF".to_vec();
    input.extend_from_slice(format!("{good}\n{good}\n").as_bytes());
    let out = stdout(&run(&["--format", "jsonl"], &input));
    assert_eq!(out.lines().count(), 2, "{out}");
    let want = serde_json::to_value(analyze(PAGE, &Options::default())).unwrap();
    for line in out.lines() {
        let mut v: Value = serde_json::from_str(line).unwrap();
        v.as_object_mut().unwrap().remove("id");
        assert_eq!(v, want);
    }
    // Anywhere else a byte order mark is still not JSON.
    let input = format!("{good}\n\u{FEFF}{good}\n");
    let err = error_of(&run(&["--format", "jsonl"], input.as_bytes()));
    assert!(err.contains("line 2"), "{err}");
}

/// `JSON.stringify` and Python's `json.dumps` write a lone surrogate as `\ud800`; such a record
/// used to stop the whole run. It reads as U+FFFD, as in the npm package.
#[test]
fn jsonl_reads_lone_surrogate_escapes_as_the_npm_package_does() {
    let input = "{\"id\":\"a\",\"text\":\"\\ud83d Subscribe\\n2,500 $\\n\"}\n{\"id\":\"b\",\"text\":\"ok\"}\n";
    let out = stdout(&run(&["--format", "jsonl"], input.as_bytes()));
    let first: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let want = serde_json::to_value(analyze(
        "\u{FFFD} Subscribe\n2,500 $\n",
        &Options::default(),
    ))
    .unwrap();
    assert_eq!(first["findings"], want["findings"]);
    assert_eq!(out.lines().count(), 2);
}

/// A bad record's message used to say "line 3: … at line 1 column 2" (serde_json's position
/// within the one-line record).
#[test]
fn bad_jsonl_record_gives_its_line_once() {
    let input = "{\"id\":1,\"text\":\"a\"}\n{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":5}\n";
    let err = error_of(&run(&["--format", "jsonl"], input.as_bytes()));
    assert!(err.contains("line 3:"), "{err}");
    assert!(!err.contains("line 1"), "{err}");
    assert!(err.contains("column 16"), "{err}");
}

/// `--html` with `--format jsonl` used to be ignored without a word.
#[test]
fn html_file_with_jsonl_is_refused() {
    let html = temp_file("page.html", b"<nav><a>Home</a></nav>");
    let input = serde_json::json!({"id": 1, "text": PAGE}).to_string();
    let err = error_of(&run(
        &["--format", "jsonl", "--html", html.to_str().unwrap()],
        input.as_bytes(),
    ));
    assert!(err.contains("--html") && err.contains("\"html\""), "{err}");
}

/// The marked text goes to a terminal: escape sequences in the page (ESC [8m conceals the
/// rest of the line, OSC retitles the window, CSI moves the cursor over the marks) used to be
/// passed through and obeyed. They are shown as their code points instead (they are invisible
/// findings; any other control character the text brings is shown as a symbol); off a
/// terminal and without colour, the text is printed as it is.
#[test]
fn control_characters_of_the_text_are_shown_on_a_terminal() {
    let text = format!(
        "Hello\x1b[8m hidden\x1b[0m\x07\x7f\u{9b}2J\n{PAGE}\x1b]0;title\x07Subscribe\x1b[1A\n"
    );
    let out = stdout(&run(&["--color", "always"], text.as_bytes()));
    for ours in out.match_indices('\x1b') {
        let rest = &out[ours.0..];
        assert!(
            [
                "\x1b[0m",
                "\x1b[2;9m",
                "\x1b[1;35;4m",
                "\x1b[33;4m",
                "\x1b[1;31;4m",
                "\x1b[41m"
            ]
            .iter()
            .any(|s| rest.starts_with(s)),
            "an escape the text brought: {:?}",
            &rest[..rest.len().min(12)]
        );
    }
    assert!(!out.contains('\x07') && !out.contains('\x7f') && !out.contains('\u{9b}'));
    // They are invisible findings, printed as their code points.
    assert!(
        out.contains("Hello<U+001B>[8m hidden<U+001B>[0m<U+0007><U+007F><U+009B>2J"),
        "{out:?}"
    );
    assert!(out.contains("<U+001B>]0;title<U+0007>"), "{out:?}");
    // Tabs and line breaks stay as they are.
    let mut out = stdout(&run(&["--color", "always"], b"a\tb\r\nc\n"));
    for ours in [
        "\x1b[0m",
        "\x1b[2;9m",
        "\x1b[1;35;4m",
        "\x1b[33;4m",
        "\x1b[1;31;4m",
        "\x1b[41m",
    ] {
        out = out.replace(ours, "");
    }
    assert!(out.starts_with("a\tb\r\nc\n"), "{out:?}");
    // Off a terminal, without colour, every byte passes unchanged.
    let out = stdout(&run(&["--color", "never"], text.as_bytes()));
    assert!(
        out.contains("Hello\x1b[8m hidden\x1b[0m\x07\x7f\u{9b}2J"),
        "{out:?}"
    );
}

/// A UTF-16 file (Windows' "Unicode" text, PowerShell's `>`) used to get only "invalid byte at
/// offset 0"; the message now says what the file is and how to convert it.
#[test]
fn utf16_input_is_named_as_such() {
    let mut le = vec![0xFF, 0xFE];
    le.extend("Subscribe\n".encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend("Subscribe\n".encode_utf16().flat_map(u16::to_be_bytes));
    for bytes in [le, be] {
        let err = error_of(&run(&[], &bytes));
        assert!(
            err.contains("offset 0") && err.contains("UTF-16") && err.contains("iconv"),
            "{err}"
        );
    }
    let err = error_of(&run(&[], b"Hello w\xFFrld"));
    assert!(!err.contains("UTF-16"), "{err}");
    let mut jsonl = vec![0xFF, 0xFE];
    jsonl.extend(
        "{\"id\":1,\"text\":\"a\"}\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let err = error_of(&run(&["--format", "jsonl"], &jsonl));
    assert!(err.contains("line 1") && err.contains("UTF-16"), "{err}");
}

/// On a terminal a zero-width character coloured is still zero wide, and a bidi override would
/// reorder the line: the marked text used to print them as they are, so an `invisible` finding
/// showed as nothing. They are printed as `<U+…>` codes; off a terminal, as they are.
#[test]
fn invisible_characters_are_shown_as_codes_on_a_terminal() {
    let text = "The talks in Doha ended on Sunday without an agree\u{200B}ment, officials said.\nThe two sides will meet again next month, said a \u{202E}statement.\n";
    let report = analyze(text, &Options::default());
    assert!(report
        .findings
        .iter()
        .any(|f| f.kind == straytext::Kind::Invisible));
    let out = stdout(&run(&["--color", "always"], text.as_bytes()));
    assert!(out.contains("agree\x1b[41m<U+200B>\x1b[0mment"), "{out:?}");
    assert!(
        out.contains("a \x1b[41m<U+202E>\x1b[0mstatement"),
        "{out:?}"
    );
    assert!(!out.contains(['\u{200B}', '\u{202E}']), "{out:?}");
    let out = stdout(&run(&["--color", "never"], text.as_bytes()));
    assert!(out.contains("agree⟦\u{200B}⟧{invisible}ment"), "{out:?}");
}

/// A full disk used to be reported as "cannot read standard output".
#[test]
fn a_failed_write_says_write() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not Linux
    };
    let path = temp_file("page.txt", PAGE.as_bytes());
    let jsonl = temp_file(
        "pages.jsonl",
        format!("{}\n", serde_json::json!({"id": 1, "text": PAGE})).as_bytes(),
    );
    for args in [
        vec!["--format", "json", path.to_str().unwrap()],
        vec!["--clean", path.to_str().unwrap()],
        vec!["--color", "never", path.to_str().unwrap()],
        vec!["--format", "jsonl", jsonl.to_str().unwrap()],
    ] {
        let o = bin()
            .args(&args)
            .stdout(full.try_clone().unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = error_of(&o);
        assert!(
            err.contains("cannot write to standard output"),
            "{args:?}: {err}"
        );
    }
}

/// `--html -` with the text on standard input too used to read the text to its end and then an
/// empty HTML, without a word.
#[test]
fn html_and_text_cannot_both_be_standard_input() {
    for args in [&["--html", "-"][..], &["--html", "-", "-"][..]] {
        let err = error_of(&run(args, PAGE.as_bytes()));
        assert!(err.contains("--html -"), "{err}");
    }
    // The HTML from standard input, the text from a file: fine.
    let path = temp_file("page.txt", PAGE.as_bytes());
    let html = "<nav><a href=/>Subscribe</a></nav><article><p>The talks.</p></article>";
    let out = stdout(&run(
        &["--format", "json", "--html", "-", path.to_str().unwrap()],
        html.as_bytes(),
    ));
    let want = serde_json::to_value(analyze(PAGE, &Options::default().with_html(html))).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), want);
}

/// README.md's "What a report looks like" is the CLI's real output for the text its `printf`
/// writes: the language, the script and every finding (the `lines` are abbreviated there).
#[test]
fn the_readme_example_is_real_output() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let section = &readme[readme
        .find("## What a report looks like")
        .expect("the section")..];
    let printf = section
        .lines()
        .find(|l| l.starts_with("$ printf '"))
        .expect("the printf");
    let quoted = &printf["$ printf '".len()..printf.rfind("' >").expect("the quote's end")];
    let text = quoted.replace("\\n", "\n");
    let json_block = section
        .split("```json\n")
        .nth(1)
        .and_then(|s| s.split("\n```").next())
        .expect("the JSON block");
    let shown: Value = serde_json::from_str(json_block).expect("the README's JSON parses");
    let out: Value = serde_json::from_str(&stdout(&run(&["--format", "json"], text.as_bytes())))
        .expect("the CLI's JSON parses");
    for field in ["language", "script", "findings"] {
        assert_eq!(out[field], shown[field], "README's {field}");
    }
    assert_eq!(out["lines"][0], shown["lines"][0]);
}
