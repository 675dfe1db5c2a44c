//! One test per bug found by the hardening work (hostile input, property tests, fuzzing), so
//! that none comes back. Each names what used to go wrong.

use straytext::{analyze, clean, Options};

/// Checks the invariants every report must satisfy (offsets on char boundaries, findings
/// sorted and inside the text).
fn check(text: &str) {
    let report = analyze(text, &Options::default());
    for f in &report.findings {
        assert!(f.byte_start <= f.byte_end && f.byte_end <= text.len());
        assert!(text.is_char_boundary(f.byte_start) && text.is_char_boundary(f.byte_end));
    }
    let _ = clean(text, &Options::default());
}

/// Used to panic: the token around a foreign run was cut one byte after a multi-byte white
/// space (U+00A0 no-break space, U+3000 ideographic space), inside the character.
#[test]
fn foreign_run_after_a_multibyte_space_does_not_panic() {
    for space in ['\u{00A0}', '\u{2003}', '\u{3000}', '\u{205F}'] {
        let text = format!(
            "The talks in Doha ended on Sunday without an agreement, officials said.\nAUGUST 2025{space}يوم متبقٍ\n"
        );
        check(&text);
        let report = analyze(&text, &Options::default());
        assert!(
            report
                .findings
                .iter()
                .any(|f| &text[f.bytes()] == "يوم متبقٍ"),
            "U+{:04X}: the Arabic run is still found",
            space as u32
        );
    }
}
