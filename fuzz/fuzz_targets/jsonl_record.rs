//! The JSONL reader's path as far as the library reaches it: the record parsing lives in
//! `src/main.rs` (a binary, not reachable from here), so this target parses a line as a
//! `{"id", "text", "html"?}` record with serde_json exactly as the CLI does, then analyses it
//! and serializes the report with its id, as the CLI prints it. No panic; the output is one
//! line of valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use straytext::{analyze, Options};

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else {
        return;
    };
    let Some(text) = record.get("text").and_then(|t| t.as_str()) else {
        return;
    };
    let mut options = Options::default();
    if let Some(html) = record.get("html").and_then(|h| h.as_str()) {
        options = options.with_html(html);
    }
    let report = analyze(text, &options);
    let mut out = serde_json::to_value(&report).expect("a report serializes");
    out["id"] = record.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let printed = serde_json::to_string(&out).expect("a report prints");
    assert!(!printed.contains('\n'));
    let back: serde_json::Value = serde_json::from_str(&printed).expect("printed JSON parses");
    assert_eq!(
        back["findings"].as_array().map(Vec::len),
        Some(report.findings.len())
    );
});
