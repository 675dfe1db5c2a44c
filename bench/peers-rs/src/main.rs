//! The Rust side of `bench/run.sh`.
//!
//! ```text
//! peers mixed METHOD GOLD.jsonl > PRED.jsonl   span predictions for mixed-dev.jsonl (UTF-16 offsets)
//! peers speed PAGES.jsonl [--reps N] [--slow-bytes N] [--growth]   MB/s of straytext and the peers
//! peers latency FILE [--calls N]               straytext::analyze on one page, microseconds
//! ```
//! METHOD: whatlang-line | lingua-line | lingua-multi | script-runs | unicode-security.
//! Every command prints one JSON object with its timing on standard error (`mixed`) or standard
//! output (`speed`, `latency`).

use lingua::{Language as L, LanguageDetector, LanguageDetectorBuilder};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::time::Instant;
use unicode_script::{Script, UnicodeScript};
use unicode_security::MixedScript;

/// The 21 languages of mixed-dev.jsonl: lingua is restricted to them.
const LANGS: [L; 21] = [
    L::English,
    L::Spanish,
    L::French,
    L::German,
    L::Portuguese,
    L::Italian,
    L::Polish,
    L::Turkish,
    L::Vietnamese,
    L::Russian,
    L::Ukrainian,
    L::Serbian,
    L::Arabic,
    L::Persian,
    L::Chinese,
    L::Japanese,
    L::Korean,
    L::Hindi,
    L::Greek,
    L::Hebrew,
    L::Thai,
];

type Span = (usize, usize); // byte offsets, end exclusive

/// Trimmed non-empty lines, as byte ranges.
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut push = |s: usize, e: usize| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let t = piece.trim();
        if !t.is_empty() {
            out.push((s + lead, s + lead + t.len()));
        }
    };
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            push(start, i);
            start = i + c.len_utf8();
        }
    }
    push(start, text.len());
    out
}

/// Whitespace-separated words trimmed of leading and trailing non-alphanumerics, as byte ranges.
fn words(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    let mut push = |s: usize, e: usize| {
        let w = &text[s..e];
        let a = w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let b = w.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        if a < b {
            out.push((s + a, s + b));
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                push(s, i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    out
}

fn is_letter_script(s: Script) -> bool {
    !matches!(s, Script::Common | Script::Inherited | Script::Unknown)
}

fn whatlang_line(text: &str) -> Vec<Span> {
    let Some(page) = whatlang::detect_lang(text) else {
        return Vec::new();
    };
    lines(text)
        .into_iter()
        .filter(|&(s, e)| whatlang::detect_lang(&text[s..e]).is_some_and(|l| l != page))
        .collect()
}

fn lingua_line(det: &LanguageDetector, text: &str) -> Vec<Span> {
    let Some(page) = det.detect_language_of(text) else {
        return Vec::new();
    };
    lines(text)
        .into_iter()
        .filter(|&(s, e)| det.detect_language_of(&text[s..e]).is_some_and(|l| l != page))
        .collect()
}

fn lingua_multi(det: &LanguageDetector, text: &str) -> Vec<Span> {
    let page = det.detect_language_of(text);
    let mut out = Vec::new();
    for r in det.detect_multiple_languages_of(text) {
        if Some(r.language()) != page {
            let (s, e) = (r.start_index(), r.end_index());
            let w = &text[s..e];
            let a = w.len() - w.trim_start().len();
            let b = w.trim_end().len();
            if a < b {
                out.push((s + a, s + b));
            }
        }
    }
    out
}

/// Naive script runs: the host script is the one with most letters; every maximal run of letters
/// of other scripts (Common and Inherited characters between them included, line breaks and host
/// letters ending it) is flagged, and so is every word whose letters come from two or more scripts.
fn script_runs(text: &str) -> Vec<Span> {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for c in text.chars() {
        let s = c.script();
        if is_letter_script(s) {
            match counts.iter_mut().find(|(k, _)| *k == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
    }
    let Some(&(host, _)) = counts.iter().max_by_key(|(_, n)| *n) else {
        return Vec::new();
    };
    let mixed: Vec<Span> = words(text)
        .into_iter()
        .filter(|&(s, e)| {
            let mut first = None;
            text[s..e].chars().map(|c| c.script()).filter(|&x| is_letter_script(x)).any(|x| {
                if first.is_none() {
                    first = Some(x);
                }
                Some(x) != first
            })
        })
        .collect();
    let mut out = mixed.clone();
    let mut run: Option<Span> = None;
    let close = |run: &mut Option<Span>, out: &mut Vec<Span>| {
        if let Some((s, e)) = run.take() {
            if !mixed.iter().any(|&(ms, me)| ms <= s && e <= me) {
                out.push((s, e));
            }
        }
    };
    for (i, c) in text.char_indices() {
        let s = c.script();
        if c == '\n' || c == '\r' || s == host {
            close(&mut run, &mut out);
        } else if is_letter_script(s) {
            let end = i + c.len_utf8();
            run = Some(run.map_or((i, end), |(a, _)| (a, end)));
        }
    }
    close(&mut run, &mut out);
    out.sort();
    out
}

fn unicode_security_words(text: &str) -> Vec<Span> {
    words(text)
        .into_iter()
        .filter(|&(s, e)| !text[s..e].is_single_script())
        .collect()
}

/// UTF-16 offset of every byte offset that is a char boundary.
fn u16_index(text: &str) -> Vec<usize> {
    let mut v = vec![0; text.len() + 1];
    let mut u = 0;
    for (i, c) in text.char_indices() {
        v[i] = u;
        u += c.len_utf16();
    }
    v[text.len()] = u;
    v
}

fn read_jsonl(path: &str) -> Vec<Value> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(&l).expect("a JSON line"))
        .collect()
}

fn texts(records: &[Value]) -> Vec<String> {
    records.iter().map(|r| r["text"].as_str().expect("a text field").to_string()).collect()
}

fn detector() -> LanguageDetector {
    LanguageDetectorBuilder::from_languages(&LANGS).with_preloaded_language_models().build()
}

/// A method as a function from a page to its flagged spans.
fn method(name: &str) -> Box<dyn Fn(&str) -> Vec<Span>> {
    match name {
        "whatlang-line" => Box::new(whatlang_line),
        "script-runs" => Box::new(script_runs),
        "unicode-security" => Box::new(unicode_security_words),
        "lingua-line" => {
            let d = detector();
            Box::new(move |t| lingua_line(&d, t))
        }
        "lingua-multi" => {
            let d = detector();
            Box::new(move |t| lingua_multi(&d, t))
        }
        "straytext" => Box::new(|t| {
            // A page that makes straytext panic counts as nothing flagged (bench.py reports it).
            std::panic::catch_unwind(|| straytext::analyze(t, &straytext::Options::default()))
                .map(|r| r.findings.iter().map(|f| (f.bytes().start, f.bytes().end)).collect())
                .unwrap_or_default()
        }),
        other => panic!("unknown method {other}"),
    }
}

fn cmd_mixed(name: &str, gold: &str) {
    let recs = read_jsonl(gold);
    let f = method(name);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut secs, mut bytes) = (0.0, 0usize);
    for r in &recs {
        let text = r["text"].as_str().expect("text");
        let t0 = Instant::now();
        let spans = f(text);
        secs += t0.elapsed().as_secs_f64();
        bytes += text.len();
        let ix = u16_index(text);
        let spans: Vec<Value> =
            spans.iter().map(|&(s, e)| json!({"start": ix[s], "end": ix[e]})).collect();
        writeln!(out, "{}", json!({"id": r["id"], "spans": spans})).unwrap();
    }
    out.flush().unwrap();
    eprintln!(
        "{}",
        json!({"method": name, "docs": recs.len(), "bytes": bytes, "seconds": secs,
               "mb_s": bytes as f64 / 1e6 / secs})
    );
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Median seconds of `reps` passes of `f` over `pages`.
fn time_pages(pages: &[&str], reps: usize, f: &dyn Fn(&str) -> Vec<Span>) -> f64 {
    let mut sink = 0usize;
    let runs = (0..reps)
        .map(|_| {
            let t0 = Instant::now();
            for p in pages {
                sink = sink.wrapping_add(f(p).len());
            }
            t0.elapsed().as_secs_f64()
        })
        .collect();
    std::hint::black_box(sink);
    median(runs)
}

/// Pages from the front of `pages` up to about `budget` bytes (all when budget is 0).
fn prefix<'a>(pages: &[&'a str], budget: usize) -> Vec<&'a str> {
    if budget == 0 {
        return pages.to_vec();
    }
    let mut n = 0;
    pages
        .iter()
        .take_while(|p| {
            let keep = n < budget;
            n += p.len();
            keep
        })
        .copied()
        .collect()
}

fn flag(args: &[String], name: &str, default: usize) -> usize {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map_or(default, |v| v.parse().expect("a number"))
}

fn cmd_speed(path: &str, args: &[String]) {
    let reps = flag(args, "--reps", 5);
    let slow = flag(args, "--slow-bytes", 1_000_000);
    let owned = texts(&read_jsonl(path));
    let pages: Vec<&str> = owned.iter().map(String::as_str).collect();
    let mut rows = Vec::new();
    let methods: [(&str, &str, bool); 6] = [
        ("straytext", "straytext::analyze (native)", false),
        ("whatlang-line", "whatlang 0.18 on every line (straytext's vendored copy)", false),
        ("script-runs", "script runs + mixed words (unicode-script 0.5)", false),
        ("unicode-security", "unicode-security 0.1 per word", false),
        ("lingua-line", "lingua 1.8 on every line (21 languages)", true),
        ("lingua-multi", "lingua 1.8 detect_multiple_languages_of (21 languages)", true),
    ];
    for (name, label, is_slow) in methods {
        let f = method(name);
        let input = if is_slow { prefix(&pages, slow) } else { pages.clone() };
        let bytes: usize = input.iter().map(|p| p.len()).sum();
        let _ = f(input[0]); // warm up (lingua loads its models here when not preloaded)
        let secs = time_pages(&input, if is_slow { 1 } else { reps }, &*f);
        rows.push(json!({"method": name, "label": label, "pages": input.len(), "bytes": bytes,
                         "seconds": secs, "mb_s": bytes as f64 / 1e6 / secs,
                         "ms_per_page": secs * 1e3 / input.len() as f64}));
    }
    let mut growth = Vec::new();
    if args.iter().any(|a| a == "--growth") {
        let all = owned.join("\n");
        for (size, n) in [(10_000usize, 200usize), (1_000_000, 5), (10_000_000, 3)] {
            let mut text = String::with_capacity(size + 1024);
            while text.len() < size {
                let room = size - text.len();
                let piece = if all.len() <= room { all.as_str() } else { &all[..floor(&all, room)] };
                text.push_str(piece);
                text.push('\n');
            }
            let o = straytext::Options::default();
            let _ = straytext::analyze(&text, &o);
            let runs = (0..n.min(reps.max(1) * 40))
                .map(|_| {
                    let t0 = Instant::now();
                    std::hint::black_box(straytext::analyze(&text, &o));
                    t0.elapsed().as_secs_f64()
                })
                .collect();
            let secs = median(runs);
            growth.push(json!({"bytes": text.len(), "seconds": secs,
                               "mb_s": text.len() as f64 / 1e6 / secs}));
        }
    }
    println!("{}", json!({"rows": rows, "growth": growth}));
}

/// The largest char boundary <= i.
fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn cmd_latency(path: &str, args: &[String]) {
    let calls = flag(args, "--calls", 300);
    let text = std::fs::read_to_string(path).expect("a UTF-8 file");
    let o = straytext::Options::default();
    for _ in 0..20 {
        std::hint::black_box(straytext::analyze(&text, &o));
    }
    let mut v: Vec<f64> = (0..calls)
        .map(|_| {
            let t0 = Instant::now();
            std::hint::black_box(straytext::analyze(&text, &o));
            t0.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let p90 = v[(v.len() * 9 / 10).min(v.len() - 1)];
    println!(
        "{}",
        json!({"bytes": text.len(), "calls": calls, "median_ms": median(v), "p90_ms": p90})
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("mixed") if args.len() >= 3 => cmd_mixed(&args[1], &args[2]),
        Some("speed") if args.len() >= 2 => cmd_speed(&args[1], &args[2..]),
        Some("latency") if args.len() >= 2 => cmd_latency(&args[1], &args[2..]),
        _ => {
            eprintln!("usage: peers mixed METHOD GOLD.jsonl | peers speed PAGES.jsonl [--reps N] [--slow-bytes N] [--growth] | peers latency FILE [--calls N]");
            std::process::exit(2);
        }
    }
}
