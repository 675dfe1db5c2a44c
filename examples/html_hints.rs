//! Prints the HTML hints of every line, for `tools/html/coverage.py`.
//!
//! Reads JSON Lines `{"id": ..., "text": ..., "html": ...}` on standard input and writes one
//! `{"id": ..., "lines": [{"char_start": ..., "char_end": ..., <hint fields>}, ...]}` per record.

use std::io::{self, BufRead, BufWriter, Write};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = serde_json::from_str(&line)?;
        let text = rec["text"].as_str().unwrap_or_default();
        let html = rec["html"].as_str().unwrap_or_default();
        let lines = straytext::segment::lines(text);
        let t = std::time::Instant::now();
        let hints = straytext::html::line_hints(html, text, &lines);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        // Byte offsets to character offsets, in one pass.
        let mut rows = Vec::with_capacity(lines.len());
        let (mut byte, mut chars) = (0usize, 0usize);
        for (l, h) in lines.iter().zip(&hints) {
            chars += text[byte..l.range.start].chars().count();
            let start = chars;
            chars += text[l.range.clone()].chars().count();
            byte = l.range.end;
            rows.push(serde_json::json!({
                "char_start": start, "char_end": chars,
                "found": h.found, "link_density": h.link_density,
                "in_nav": h.in_nav, "in_footer": h.in_footer, "in_aside": h.in_aside,
                "in_header": h.in_header, "in_list_item": h.in_list_item,
                "in_heading": h.in_heading, "in_control": h.in_control,
                "in_caption": h.in_caption, "in_widget": h.in_widget, "in_form": h.in_form,
                "in_byline": h.in_byline, "in_main": h.in_main, "in_article": h.in_article,
                "aria_hidden": h.aria_hidden, "text_density": h.text_density,
                "depth": h.depth, "position": h.position,
            }));
        }
        let row = serde_json::json!({"id": rec["id"], "ms": ms, "lines": rows});
        writeln!(out, "{row}")?;
    }
    out.flush()
}
