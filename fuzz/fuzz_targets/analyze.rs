//! `analyze` on arbitrary UTF-8 text: no panic, and the report's invariants hold (offsets on
//! char boundaries and agreeing across the three units, findings sorted and inside the text,
//! `clean` equal to the text minus the removed ranges).
#![no_main]

use libfuzzer_sys::fuzz_target;
use straytext::{analyze, clean_with, removed_ranges, Options};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let report = analyze(text, &Options::default());
    check(text, &report);
});

pub fn check(text: &str, report: &straytext::Report) {
    let mut last = 0;
    for f in &report.findings {
        assert!(f.start >= last, "findings sorted by start");
        last = f.start;
        assert!(f.byte_start <= f.byte_end && f.byte_end <= text.len());
        assert!(text.is_char_boundary(f.byte_start) && text.is_char_boundary(f.byte_end));
        let before = &text[..f.byte_start];
        assert_eq!(f.char_start, before.chars().count());
        assert_eq!(f.start, before.encode_utf16().count());
        let inside = &text[f.bytes()];
        assert_eq!(f.char_end - f.char_start, inside.chars().count());
        assert_eq!(f.end - f.start, inside.encode_utf16().count());
        assert!((0.0..=1.0).contains(&f.score));
    }
    for l in &report.lines {
        assert!(text.is_char_boundary(l.byte_start) && text.is_char_boundary(l.byte_end));
        let line = &text[l.bytes()];
        assert!(!line.is_empty() && line.trim() == line);
    }
    let clean = clean_with(text, report);
    let mut expect = String::new();
    let mut at = 0;
    for r in removed_ranges(text, report) {
        assert!(r.start >= at && r.end <= text.len());
        expect.push_str(&text[at..r.start]);
        at = r.end;
    }
    expect.push_str(&text[at..]);
    assert_eq!(clean, expect);
}
