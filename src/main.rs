//! The `straytext` command line: annotated text, the JSON report, JSON Lines corpora, clean
//! text.

use clap::{Parser, ValueEnum};
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::ops::Range;
use std::path::PathBuf;
use std::process::ExitCode;
use straytext::{analyze, clean_with, removed_ranges, Kind, Options, Report};

/// Find the stray UI text and foreign fragments in text pasted from a web page.
///
/// Reads FILE (or standard input when FILE is absent or `-`) and prints what it found.
#[derive(Parser, Debug)]
#[command(
    name = "straytext",
    version,
    after_help = "Examples:\n  \
        straytext page.txt                       the text, with the noise marked\n  \
        straytext --format json page.txt         the report as JSON\n  \
        straytext --clean page.txt > clean.txt   the text without the noise\n  \
        straytext --html page.html page.txt      use the page's HTML for better verdicts\n  \
        straytext --format jsonl pages.jsonl     one report per {\"id\",\"text\",\"html\"} record"
)]
struct Cli {
    /// The file to read; standard input when absent or `-`.
    file: Option<PathBuf>,

    /// What to print: `text` (the input with the noise marked, then a one-line summary),
    /// `json` (the report), or `jsonl` (the input is JSON Lines of {"id", "text", "html"?}
    /// records; prints one report per record, in input order, with the record's id).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Print the text without the noise instead of a report. With `--format jsonl`, prints one
    /// {"id", "clean"} record per input record.
    #[arg(long)]
    clean: bool,

    /// The page's HTML (the clipboard's text/html) for the same text, read from this file (`-`:
    /// standard input, the text then comes from FILE). Not with `--format jsonl`, whose records
    /// carry their own "html".
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,

    /// Worker threads for `--format jsonl` (default, or 0: every core; at most 1024).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(0..=1024))]
    threads: Option<u16>,

    /// Colour the marked text: `auto` (when printing to a terminal), `always` or `never`.
    #[arg(long, value_enum, default_value_t = Colour::Auto)]
    color: Colour,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Colour {
    Auto,
    Always,
    Never,
}

/// Everything that can go wrong, each with the one-line message the user sees.
#[derive(Debug)]
enum CliError {
    Io {
        what: String,
        source: io::Error,
    },
    InvalidUtf8 {
        what: String,
        offset: usize,
        utf16: bool,
    },
    BadRecord {
        line: usize,
        message: String,
    },
    Usage(String),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Io { what, source } => write!(f, "cannot {what}: {source}"),
            CliError::InvalidUtf8 {
                what,
                offset,
                utf16,
            } => {
                write!(
                    f,
                    "{what} is not valid UTF-8 (invalid byte at offset {offset})"
                )?;
                if *utf16 {
                    write!(f, "; it looks like UTF-16: convert it first, e.g. with `iconv -f UTF-16 -t UTF-8`")?;
                }
                Ok(())
            }
            CliError::BadRecord { line, message } => write!(f, "line {line}: {message}"),
            CliError::Usage(message) => f.write_str(message),
        }
    }
}

fn read_bytes(file: Option<&PathBuf>) -> Result<(Vec<u8>, String), CliError> {
    let mut bytes = Vec::new();
    let what = match file {
        Some(p) if p.as_os_str() != "-" => {
            let what = p.display().to_string();
            bytes = std::fs::read(p).map_err(|source| CliError::Io {
                what: format!("read {what}"),
                source,
            })?;
            what
        }
        _ => {
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|source| CliError::Io {
                    what: "read standard input".into(),
                    source,
                })?;
            "standard input".to_string()
        }
    };
    Ok((bytes, what))
}

fn into_text(bytes: Vec<u8>, what: &str) -> Result<String, CliError> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        // A UTF-16 byte order mark (Windows' "Unicode" text, PowerShell's `>`).
        let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
        CliError::InvalidUtf8 {
            what: what.to_string(),
            offset: e.utf8_error().valid_up_to(),
            utf16,
        }
    })
}

fn write_err(e: io::Error) -> CliError {
    CliError::Io {
        what: "write to standard output".into(),
        source: e,
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("straytext: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> Result<(), CliError> {
    if cli.format == Format::Jsonl && cli.html.is_some() {
        return Err(CliError::Usage(
            "--html gives the HTML of one text; with --format jsonl, put each record's HTML in its \"html\" field".into(),
        ));
    }
    let is_stdin = |p: Option<&PathBuf>| p.is_none_or(|p| p.as_os_str() == "-");
    if cli.html.is_some() && is_stdin(cli.html.as_ref()) && is_stdin(cli.file.as_ref()) {
        return Err(CliError::Usage(
            "--html - reads the HTML from standard input, so the text must come from a file: straytext --html - page.txt".into(),
        ));
    }
    if cli.format == Format::Jsonl {
        return jsonl::run(cli);
    }
    let (bytes, what) = read_bytes(cli.file.as_ref())?;
    let text = into_text(bytes, &what)?;
    let mut options = Options::default();
    if let Some(path) = &cli.html {
        let (bytes, what) = read_bytes(Some(path))?;
        options = options.with_html(into_text(bytes, &what)?);
    }
    let report = analyze(&text, &options);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if cli.clean {
        out.write_all(clean_with(&text, &report).as_bytes())
            .map_err(write_err)?;
    } else if cli.format == Format::Json {
        serde_json::to_writer_pretty(&mut out, &report).map_err(|e| write_err(e.into()))?;
        writeln!(out).map_err(write_err)?;
    } else {
        let terminal = io::stdout().is_terminal();
        let colour = match cli.color {
            Colour::Always => true,
            Colour::Never => false,
            Colour::Auto => terminal && std::env::var_os("NO_COLOR").is_none(),
        };
        // On a terminal the text's own control characters would be obeyed (an escape sequence
        // in a page could hide lines, retitle the window, fake the marks): show them instead.
        annotate(&mut out, &text, &report, colour, colour || terminal).map_err(write_err)?;
    }
    out.flush().map_err(write_err)
}

/// ANSI colour and underline for a kind.
fn style(kind: Kind) -> &'static str {
    match kind {
        Kind::UiText => "\x1b[2;9m",
        Kind::ForeignScript => "\x1b[1;35;4m",
        Kind::ForeignLanguage => "\x1b[33;4m",
        Kind::MixedScriptWord => "\x1b[1;31;4m",
        Kind::Invisible => "\x1b[41m",
    }
}

/// Writes `text`, with its control characters (C0 but tab and line breaks, DEL, C1) shown as
/// visible symbols when `show` is set, so a terminal never obeys the text's own escapes.
fn put(out: &mut impl Write, text: &str, show: bool) -> io::Result<()> {
    if !show {
        return out.write_all(text.as_bytes());
    }
    let mut from = 0;
    for (i, c) in text.char_indices() {
        let shown = match c {
            '\t' | '\n' | '\r' => continue,
            '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
            '\u{7f}' => Some('\u{2421}'),
            '\u{80}'..='\u{9f}' => None,
            _ => continue,
        };
        out.write_all(&text.as_bytes()[from..i])?;
        match shown {
            Some(symbol) => write!(out, "{symbol}")?,
            None => write!(out, "<U+{:04X}>", c as u32)?,
        }
        from = i + c.len_utf8();
    }
    out.write_all(&text.as_bytes()[from..])
}

/// Writes the marked span `text[body]`. With `show`, the characters of its `invisible`
/// findings are written as `<U+200B>` codes (a zero-width character coloured is still zero
/// wide), and control characters as [`put`] writes them.
fn put_body(
    out: &mut impl Write,
    text: &str,
    body: Range<usize>,
    inside: &[&straytext::Finding],
    show: bool,
) -> io::Result<()> {
    let mut at = body.start;
    if show {
        for f in inside.iter().filter(|f| f.kind == Kind::Invisible) {
            let (start, end) = (f.byte_start.max(at), f.byte_end.min(body.end));
            if start >= end {
                continue;
            }
            put(out, &text[at..start], true)?;
            for c in text[start..end].chars() {
                write!(out, "<U+{:04X}>", c as u32)?;
            }
            at = end;
        }
    }
    put(out, &text[at..body.end], show)
}

/// Prints the text with every removed span marked: coloured on a terminal, otherwise wrapped
/// in `⟦…⟧` followed by the kinds found in it, then a one-line summary. `show_controls`: the
/// text's control characters are printed as visible symbols (see [`put`]).
fn annotate(
    out: &mut impl Write,
    text: &str,
    report: &Report,
    colour: bool,
    show_controls: bool,
) -> io::Result<()> {
    let mut at = 0;
    // Findings are sorted by start and every one lies inside one removed range: one cursor
    // walks them along the ranges (linear, however many spans are removed).
    let mut next = 0;
    for r in removed_ranges(text, report) {
        put(out, &text[at..r.start], show_controls)?;
        while next < report.findings.len() && report.findings[next].byte_start < r.start {
            next += 1;
        }
        let from = next;
        while next < report.findings.len() && report.findings[next].byte_start < r.end {
            next += 1;
        }
        let inside: Vec<&straytext::Finding> = report.findings[from..next]
            .iter()
            .filter(|f| f.byte_end <= r.end)
            .collect();
        // Keep the line break that ends a removed line outside the mark.
        let body = text[r.clone()].trim_end_matches(['\n', '\r', '\u{2028}', '\u{2029}']);
        let tail = &text[r.start + body.len()..r.end];
        let mut labels: Vec<String> = Vec::new();
        for f in &inside {
            let label = match f.subkind {
                Some(s) => format!("{}/{}", f.kind.as_str(), s.as_str()),
                None => f.kind.as_str().to_string(),
            };
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        // The mark around the body: a colour, or brackets and the labels.
        let (open, close) = if colour {
            let kind = inside.first().map_or(Kind::UiText, |f| f.kind);
            (style(kind), "\x1b[0m".to_string())
        } else {
            ("⟦", format!("⟧{{{}}}", labels.join(",")))
        };
        out.write_all(open.as_bytes())?;
        put_body(
            out,
            text,
            r.start..r.start + body.len(),
            &inside,
            show_controls,
        )?;
        out.write_all(close.as_bytes())?;
        out.write_all(tail.as_bytes())?;
        at = r.end;
    }
    put(out, &text[at..], show_controls)?;
    if !text.is_empty() && !text.ends_with(['\n', '\r']) {
        writeln!(out)?;
    }
    let mut counts: Vec<(Kind, usize)> = Vec::new();
    for f in &report.findings {
        match counts.iter_mut().find(|(k, _)| *k == f.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((f.kind, 1)),
        }
    }
    counts.sort();
    let noise = report
        .lines
        .iter()
        .filter(|l| l.verdict == straytext::Verdict::Noise)
        .count();
    let language = report
        .language
        .as_ref()
        .map_or("unknown language".to_string(), |l| l.name.clone());
    let by_kind: Vec<String> = counts
        .iter()
        .map(|(k, n)| format!("{n} {}", k.as_str()))
        .collect();
    writeln!(
        out,
        "straytext: {} findings ({}); {} of {} lines noise; {}, {} script",
        report.findings.len(),
        if by_kind.is_empty() {
            "none".to_string()
        } else {
            by_kind.join(", ")
        },
        noise,
        report.lines.len(),
        language,
        report.script.as_deref().unwrap_or("no")
    )
}

/// `--format jsonl`: streaming, in batches, each batch analysed on every core, output in input
/// order. Memory is bounded by the batch size.
mod jsonl {
    use super::*;
    use rayon::prelude::*;
    use straytext::records::{process_line, Output};

    /// Records per batch; a batch also ends after this many bytes.
    const BATCH_RECORDS: usize = 512;
    const BATCH_BYTES: usize = 32 << 20;

    pub(super) fn run(cli: &Cli) -> Result<(), CliError> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(cli.threads.unwrap_or(0)))
            .build()
            .map_err(|e| CliError::Io {
                what: "start the worker threads".into(),
                source: io::Error::other(e),
            })?;
        let input: Box<dyn BufRead> = match &cli.file {
            Some(p) if p.as_os_str() != "-" => Box::new(io::BufReader::new(
                std::fs::File::open(p).map_err(|source| CliError::Io {
                    what: format!("read {}", p.display()),
                    source,
                })?,
            )),
            _ => Box::new(io::BufReader::new(io::stdin())),
        };
        let output = if cli.clean {
            Output::Clean
        } else {
            Output::Report
        };
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        let mut lines = input.split(b'\n').enumerate();
        loop {
            let mut batch: Vec<(usize, Vec<u8>)> = Vec::new();
            let mut bytes = 0;
            for (i, line) in lines.by_ref() {
                let mut line = line.map_err(|source| CliError::Io {
                    what: "read the input".into(),
                    source,
                })?;
                // A byte order mark before the first record (Windows tools write one) is
                // the file's encoding signature, not part of the JSON.
                if i == 0 && line.starts_with(b"\xEF\xBB\xBF") {
                    line.drain(..3);
                }
                if i == 0 && (line.starts_with(b"\xFF\xFE") || line.starts_with(b"\xFE\xFF")) {
                    return Err(CliError::BadRecord {
                        line: 1,
                        message: "not valid UTF-8: the input looks like UTF-16; convert it first, e.g. with `iconv -f UTF-16 -t UTF-8`".into(),
                    });
                }
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                bytes += line.len();
                batch.push((i + 1, line));
                if batch.len() >= BATCH_RECORDS || bytes >= BATCH_BYTES {
                    break;
                }
            }
            if batch.is_empty() {
                break;
            }
            let results: Vec<Result<String, CliError>> = pool.install(|| {
                batch
                    .par_iter()
                    .map(|(n, bytes)| {
                        process_line(bytes, output).map_err(|e| CliError::BadRecord {
                            line: *n,
                            message: e.to_string(),
                        })
                    })
                    .collect()
            });
            for r in results {
                let line = r?;
                out.write_all(line.as_bytes()).map_err(write_err)?;
                out.write_all(b"\n").map_err(write_err)?;
            }
        }
        out.flush().map_err(write_err)
    }
}
