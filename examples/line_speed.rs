//! Single-threaded speed of the line verdicts (segment → features → model → classify) and of
//! the whole `analyze`, on the texts of a JSON Lines file of `{"text": ...}` records.
//!
//! `cargo run --release --example line_speed -- target/quality/dev.records.jsonl`

use std::time::Instant;

#[path = "common/cpu.rs"]
mod cpu;
use cpu::cpu_seconds;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: line_speed RECORDS.jsonl")?;
    let texts: Vec<String> = std::fs::read_to_string(path)?
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;

    let (t, c) = (Instant::now(), cpu_seconds());
    let mut noise = 0usize;
    for text in &texts {
        let lines = straytext::segment::lines(text);
        let (feats, page) = straytext::features::extract(text, &lines, None);
        let (verdicts, _) = straytext::classify::classify(&lines, &feats, &page);
        noise += verdicts
            .iter()
            .filter(|v| v.verdict == straytext::Verdict::Noise)
            .count();
    }
    let (lines_s, lines_c) = (t.elapsed().as_secs_f64(), cpu_seconds() - c);
    println!(
        "line verdicts: {mb:.2} MB in {lines_s:.2} s wall = {:.1} MB/s; {lines_c:.2} s CPU = {:.1} MB/s ({noise} noise lines)",
        mb / lines_s,
        mb / lines_c.max(0.01)
    );

    if std::env::args().nth(2).as_deref() == Some("--lines-only") {
        return Ok(());
    }
    let (t, c) = (Instant::now(), cpu_seconds());
    for text in &texts {
        let report = straytext::analyze(text, &straytext::Options::default());
        std::hint::black_box(report);
    }
    let (all_s, all_c) = (t.elapsed().as_secs_f64(), cpu_seconds() - c);
    println!(
        "whole analyze: {mb:.2} MB in {all_s:.2} s wall = {:.1} MB/s; {all_c:.2} s CPU = {:.1} MB/s",
        mb / all_s,
        mb / all_c.max(0.01)
    );
    Ok(())
}
