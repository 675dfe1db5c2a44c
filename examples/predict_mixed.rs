//! Runs straytext on every record of a mixed-script benchmark file (`mixed-dev.jsonl`: one
//! `{id, text, ...}` per line) and prints one prediction per record in the format of
//! `score_mixed.py`: `{id, spans: [{start, end, kind}]}`, offsets in UTF-16 code units.
//!
//! ```text
//! cargo run --release --example predict_mixed -- ../shared/bench/mixed-dev.jsonl > pred.jsonl
//! ```
//!
//! Which findings become predictions, and under which benchmark kind:
//! - `mixed_script_word` → `homoglyph`;
//! - `foreign_script` and `foreign_language` → `ui_widget` when short or holding digits,
//!   `foreign_line` when the finding covers its whole line, else `inline_fragment` (see
//!   `bench_kind`; the scorer matches spans whatever their kind, so the kind only sharpens the
//!   per-kind precision);
//! - `ui_text` of subkind `amount` (a currency amount standing alone on its line) → `ui_widget`;
//! - other kinds (other stray UI text, invisible characters) are not what this benchmark labels
//!   and are left out.
//!
//! The time spent in `analyze` alone is printed on standard error, in MB/s; with `--stages`
//! as second argument, the time of each step of the pipeline as well.

use std::io::{BufRead, BufWriter, Write};
use std::time::{Duration, Instant};
use straytext::{analyze, Kind, Options, Subkind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: predict_mixed MIXED.jsonl > PRED.jsonl")?;
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let stages = std::env::args().nth(2).as_deref() == Some("--stages");
    let mut stage_times = [Duration::ZERO; 6];
    let mut spent = Duration::ZERO;
    let mut bytes = 0usize;
    for (n, line) in file.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{path}: line {}: {e}", n + 1))?;
        let text = record["text"].as_str().unwrap_or_default();
        let started = Instant::now();
        let report = analyze(text, &Options::default());
        spent += started.elapsed();
        bytes += text.len();
        if stages {
            time_stages(text, &mut stage_times);
        }
        let mut seen = std::collections::HashSet::new();
        let spans: Vec<serde_json::Value> = report
            .findings
            .iter()
            .filter_map(|f| {
                let kind = match f.kind {
                    Kind::MixedScriptWord => "homoglyph",
                    Kind::ForeignScript | Kind::ForeignLanguage => bench_kind(text, &report, f),
                    // A currency amount standing alone is a widget whatever its locale.
                    Kind::UiText if f.subkind == Some(Subkind::Amount) => "ui_widget",
                    _ => return None,
                };
                // One span flagged under two kinds (a foreign amount is also an amount) is one
                // prediction.
                if !seen.insert((f.start, f.end)) {
                    return None;
                }
                Some(serde_json::json!({
                    "start": f.start,
                    "end": f.end,
                    "kind": kind,
                    "finding": f.kind.as_str(),
                }))
            })
            .collect();
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({"id": record["id"], "spans": spans}),
        )?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    let secs = spent.as_secs_f64();
    eprintln!(
        "analyzed {:.2} MB in {:.3} s: {:.1} MB/s",
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
    if stages {
        let names = [
            "lines+host system",
            "document language",
            "features+classify",
            "invisible+homoglyph",
            "foreign scripts",
            "foreign languages",
        ];
        for (name, t) in names.iter().zip(stage_times) {
            eprintln!(
                "  {name:>20}: {:.3} s ({:.1} MB/s)",
                t.as_secs_f64(),
                bytes as f64 / 1e6 / t.as_secs_f64().max(1e-9)
            );
        }
    }
    Ok(())
}

/// The benchmark kind of a foreign finding, from its shape: a widget is short or holds
/// digits (a date, a countdown, a unit, a list on a line of its own), a foreign line covers its
/// whole line, anything else is an inline fragment. The scorer matches spans whatever their
/// kind; the kind only sharpens its per-kind precision.
fn bench_kind(text: &str, report: &straytext::Report, f: &straytext::Finding) -> &'static str {
    let Some(line) = report
        .lines
        .iter()
        .find(|l| l.byte_start <= f.byte_start && f.byte_end <= l.byte_end)
    else {
        return "inline_fragment";
    };
    let line_text = &text[line.bytes()];
    let span = &text[f.bytes()];
    let tokens = line_text.split_whitespace().count();
    let whole = line.byte_start == f.byte_start && line.byte_end == f.byte_end;
    let digits = |s: &str| s.chars().any(|c| c.is_numeric());
    let at_end = f.byte_end == line.byte_end;
    if digits(span)
        || tokens <= 4
        || at_end && digits(line_text) && tokens <= 8
        || whole && line_text.contains(", ") && tokens <= 6
    {
        "ui_widget"
    } else if whole {
        "foreign_line"
    } else {
        "inline_fragment"
    }
}

/// Times each step of the pipeline on one text, adding to `times`.
fn time_stages(text: &str, times: &mut [Duration; 6]) {
    use straytext::{classify, features, foreign, homoglyph, invisible, language, script, segment};
    let t = Instant::now();
    let lines = segment::lines(text);
    let system = script::host_system(text, &lines);
    times[0] += t.elapsed();
    let t = Instant::now();
    let doc = language::document_language(text, &lines, system);
    times[1] += t.elapsed();
    let t = Instant::now();
    let (feats, page) = features::extract(text, &lines);
    let _ = classify::classify(&lines, &feats, &page);
    times[2] += t.elapsed();
    let t = Instant::now();
    let _ = invisible::find(text);
    let _ = homoglyph::find(text, &lines);
    times[3] += t.elapsed();
    if let Some(system) = system {
        let host = foreign::Host {
            system,
            language: doc,
            text,
        };
        let t = Instant::now();
        let _ = foreign::find_foreign_scripts(&host, &lines);
        times[4] += t.elapsed();
        let t = Instant::now();
        let _ = foreign::find_foreign_languages(&host, &lines);
        times[5] += t.elapsed();
    }
}
