//! Dumps the model inputs of every line of a labelled benchmark, for `tools/quality/train.py`.
//!
//! Reads JSON Lines on standard input, one page a line (`{"id", "source", "text", "lines":
//! [{"start", "end", "label"}], "html"?}`, character offsets, as in `../shared/bench/`, with the
//! page's HTML in `html` when its line hints should be computed), and writes a
//! tab-separated table: `id`, `source`, `line` (index of straytext's line), `gold` (index of
//! the benchmark line it starts in, -1 if none), `label` (1 noise, 0 content, -1 unlabelled),
//! `chars`, then one column per model input.
//!
//! `zcat ../shared/bench/dev.jsonl.gz | cargo run --release --example dump_features > dev.tsv`
//! `tools/quality/to_records.py ../shared/bench/dev.jsonl.gz --keep --html | target/release/examples/dump_features > dev.html.tsv`

use std::io::{BufRead, BufWriter, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    write!(out, "id\tsource\tline\tgold\tlabel\tchars")?;
    for name in straytext::features::INPUT_NAMES {
        write!(out, "\t{name}")?;
    }
    writeln!(out)?;
    for (n, record) in stdin.lock().lines().enumerate() {
        let record = record?;
        if record.trim().is_empty() {
            continue;
        }
        let page: serde_json::Value =
            serde_json::from_str(&record).map_err(|e| format!("line {}: {e}", n + 1))?;
        let id = page["id"].as_str().unwrap_or("");
        let source = page["source"].as_str().unwrap_or("");
        let text = page["text"].as_str().unwrap_or("");
        // Gold lines as (char start, char end, label).
        let gold: Vec<(u64, u64, i32)> = page["lines"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|l| {
                        let label = match l["label"].as_str() {
                            Some("noise") => 1,
                            Some("content") => 0,
                            _ => -1,
                        };
                        (
                            l["start"].as_u64().unwrap_or(0),
                            l["end"].as_u64().unwrap_or(0),
                            label,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let lines = straytext::segment::lines(text);
        // The clipboard's HTML, when the record has it (`tools/quality/to_records.py --html`).
        let hints = page["html"]
            .as_str()
            .map(|html| straytext::html::line_hints(html, text, &lines));
        let (feats, facts) = straytext::features::extract(text, &lines, hints.as_deref());
        let inputs = straytext::features::model_inputs(&feats, &facts);
        // Byte offset -> char offset, for the line starts.
        let mut char_at = 0u64;
        let mut byte_at = 0usize;
        for (i, line) in lines.iter().enumerate() {
            char_at += text[byte_at..line.range.start].chars().count() as u64;
            byte_at = line.range.start;
            let found = gold
                .iter()
                .position(|g| g.0 <= char_at && char_at < g.1.max(g.0 + 1));
            let label = found.and_then(|k| gold.get(k)).map_or(-1, |g| g.2);
            let gold_line = found.map_or(-1, |k| k as i64);
            write!(
                out,
                "{id}\t{source}\t{i}\t{gold_line}\t{label}\t{}",
                feats[i].chars
            )?;
            for x in inputs
                .get(i * straytext::features::INPUTS..(i + 1) * straytext::features::INPUTS)
                .unwrap_or(&[])
            {
                write!(out, "\t{x}")?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}
