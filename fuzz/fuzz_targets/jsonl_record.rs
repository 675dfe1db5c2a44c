//! The CLI's JSONL path (`straytext::records`, which `--format jsonl` calls for every input
//! line): any bytes either give a `RecordError` or one line of valid JSON carrying the record's
//! id and a report whose findings lie inside the text. No panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use straytext::records::{parse, process_line, Output};

fuzz_target!(|data: &[u8]| {
    let Ok(printed) = process_line(data, Output::Report) else {
        assert!(parse(data).is_err());
        return;
    };
    let record = parse(data).expect("a line that printed parses");
    assert!(!printed.contains('\n'));
    let back: serde_json::Value = serde_json::from_str(&printed).expect("printed JSON parses");
    assert_eq!(back["id"], record.id);
    let units = record.text.encode_utf16().count() as u64;
    for f in back["findings"].as_array().expect("findings") {
        let (s, e) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
        assert!(s < e && e <= units, "{f}");
    }
    let clean = process_line(data, Output::Clean).expect("the same line parses again");
    let clean: serde_json::Value = serde_json::from_str(&clean).expect("clean JSON parses");
    assert!(clean["clean"].as_str().expect("clean text").len() <= record.text.len());
});
