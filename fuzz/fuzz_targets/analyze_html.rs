//! `analyze` with the clipboard's HTML (the HTML path): the input is split at the first NUL
//! byte into the text and the HTML, both arbitrary. No panic, no stack overflow, and the
//! report's offsets stay inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use straytext::{analyze, clean_with, Options};

fuzz_target!(|data: &[u8]| {
    let (text, html) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, data),
    };
    let (Ok(text), Ok(html)) = (std::str::from_utf8(text), std::str::from_utf8(html)) else {
        return;
    };
    let report = analyze(text, &Options::default().with_html(html));
    let mut last = 0;
    for f in &report.findings {
        assert!(f.start >= last);
        last = f.start;
        assert!(text.is_char_boundary(f.byte_start) && text.is_char_boundary(f.byte_end));
        assert!(f.byte_start <= f.byte_end && f.byte_end <= text.len());
    }
    assert_eq!(report.lines.len(), straytext::segment::lines(text).len());
    let _ = clean_with(text, &report);
});
