//! Invisible characters: zero-width and bidi-control characters and other format characters
//! that change how text reads or compares without being seen.

use crate::report::{Kind, RawFinding};
use unicode_script::Script;

/// The name of an invisible character, or `None` for a visible one.
///
/// A zero-width joiner inside an emoji sequence (between two pictographs) is legitimate and is
/// not reported; see [`find`].
pub fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00AD}' => "soft hyphen",
        '\u{061C}' => "Arabic letter mark",
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => "Hangul filler",
        '\u{180E}' => "Mongolian vowel separator",
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{200E}' => "left-to-right mark",
        '\u{200F}' => "right-to-left mark",
        '\u{202A}' => "left-to-right embedding",
        '\u{202B}' => "right-to-left embedding",
        '\u{202C}' => "pop directional formatting",
        '\u{202D}' => "left-to-right override",
        '\u{202E}' => "right-to-left override",
        '\u{2060}' => "word joiner",
        '\u{2061}'..='\u{2064}' => "invisible operator",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{206A}'..='\u{206F}' => "deprecated format character",
        '\u{FEFF}' => "zero-width no-break space (byte order mark)",
        '\u{FFF9}'..='\u{FFFB}' => "interlinear annotation character",
        '\u{E0001}' | '\u{E0020}'..='\u{E007F}' => "tag character",
        // Control characters that are not white space (tab, line breaks, form feed and next
        // line are): bytes of a binary file or a terminal's escape sequences, never text.
        '\u{0}' => "null character (NUL)",
        '\u{1B}' => "escape character (ESC)",
        '\u{7F}' => "delete character (DEL)",
        '\u{1}'..='\u{8}' | '\u{E}'..='\u{1F}' => "control character",
        '\u{80}'..='\u{84}' | '\u{86}'..='\u{9F}' => "C1 control character",
        _ => return None,
    })
}

/// True for emoji and pictographs, between which a zero-width joiner builds one glyph.
fn is_pictographic(c: char) -> bool {
    matches!(c as u32,
        0x2190..=0x21FF | 0x2300..=0x23FF | 0x2460..=0x27BF | 0x2900..=0x297F | 0x2B00..=0x2BFF
        | 0x1F000..=0x1FAFF | 0xFE0F)
}

/// True for a letter or mark of a script beyond ASCII (where joiners shape the letters).
fn in_complex_script(c: char) -> bool {
    !c.is_ascii() && crate::script::letter_script(c).is_some()
        || crate::script::script_of(c) == Script::Inherited
}

/// True where a joiner or non-joiner does legitimate work: between two letters of a script
/// that uses them (Persian, Indic scripts), or between pictographs in an emoji sequence.
fn joins_legitimately(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    match c {
        '\u{200D}' => {
            (is_pictographic(p) || p == '\u{FE0F}') && is_pictographic(n)
                || (in_complex_script(p) && in_complex_script(n))
        }
        '\u{200C}' => in_complex_script(p) && in_complex_script(n),
        _ => false,
    }
}

/// True when the eight bytes of `w` are ASCII at or above 0x20 and not DEL (the classic
/// zero-byte test on `w` masked to its top three bits, and on `w ^ DEL`).
fn plain_ascii(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    w & HIGH == 0 && !has_zero(w & 0xE0E0_E0E0_E0E0_E0E0) && !has_zero(w ^ 0x7F7F_7F7F_7F7F_7F7F)
}

/// Every run of invisible characters in `text`, one finding per run.
pub fn find(text: &str) -> Vec<RawFinding> {
    let mut out: Vec<RawFinding> = Vec::new();
    // Every character [`name`] knows starts with one of these bytes in UTF-8: a scan of the
    // bytes finds the few places worth decoding (none in most pages).
    // The ASCII control characters are their own byte.
    let lead = |b: u8| {
        matches!(b, 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF | 0xF3 | 0x7F)
            || b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let i = at;
        // Eight bytes at a time are passed over at once when they are ASCII without a byte
        // below 0x20 or DEL (lines whose chunk holds a line break or a tab go byte by byte).
        let eight = bytes
            .get(i..i + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok());
        if eight.is_some_and(|c| plain_ascii(u64::from_le_bytes(c))) {
            at += 8;
            continue;
        }
        at += 1;
        if !bytes.get(i).copied().is_some_and(lead) {
            continue;
        }
        // A lead byte starts a character: `i` is a char boundary.
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
            continue;
        };
        let Some(what) = name(c) else {
            continue;
        };
        let end = i + c.len_utf8();
        let prev = text[..i].chars().next_back();
        let next = text[end..].chars().next();
        if joins_legitimately(c, prev, next) {
            continue;
        }
        match out.last_mut() {
            Some(f) if f.range.end == i => {
                f.range.end = end;
                if !f.reason.contains(what) {
                    f.reason.push_str(", ");
                    f.reason.push_str(what);
                }
            }
            _ => out.push(RawFinding {
                kind: Kind::Invisible,
                subkind: None,
                script: None,
                language: None,
                reason: format!("invisible character: {what}"),
                score: 0.99,
                range: i..end,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_zero_width_and_bidi_controls() {
        let text = "pay\u{200B}pal and \u{202E}txt.exe";
        let f = find(text);
        assert_eq!(f.len(), 2);
        assert_eq!(&text[f[0].range.clone()], "\u{200B}");
        assert!(f[0].reason.contains("zero-width space"));
        assert!(f[1].reason.contains("right-to-left override"));
    }

    #[test]
    fn emoji_joiners_are_legitimate() {
        assert!(find("family 👨\u{200D}👩\u{200D}👧 and 🏳️\u{200D}🌈").is_empty());
    }

    #[test]
    fn persian_non_joiner_is_legitimate() {
        assert!(find("می\u{200C}خواهم").is_empty());
    }

    #[test]
    fn found_at_every_offset_among_ascii_bytes() {
        for c in ['\u{00AD}', '\u{200B}', '\u{202E}', '\u{FEFF}', '\u{E0001}'] {
            for before in 0..20 {
                for after in 0..10 {
                    let text = format!("{}{c}{}", "a".repeat(before), "b".repeat(after));
                    let f = find(&text);
                    assert_eq!(f.len(), 1, "{c:?} after {before} bytes");
                    assert_eq!(f[0].range, before..before + c.len_utf8());
                }
            }
        }
    }

    #[test]
    fn control_characters_but_not_white_space() {
        let text = "a\u{0}b\u{1B}[8mc\td\r\ne\u{B}\u{C}f\u{7F}g\u{85}h\u{9B}i";
        let found: Vec<&str> = find(text).iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(found, ["\u{0}", "\u{1B}", "\u{7F}", "\u{9B}"]);
        let f = find("x\u{1B}y");
        assert_eq!(f[0].reason, "invisible character: escape character (ESC)");
    }

    #[test]
    fn plain_ascii_is_the_byte_test() {
        let mut rng = crate::testing::XorShift(0x0123_4567_89ab_cdef);
        for _ in 0..20_000 {
            // Bytes mostly printable ASCII, some controls, DEL and high bytes.
            let bytes: [u8; 8] = std::array::from_fn(|_| match rng.below(12) {
                0 => rng.below(0x20) as u8,
                1 => 0x7F,
                2 => 0x80 + rng.below(0x80) as u8,
                _ => 0x20 + rng.below(0x5F) as u8,
            });
            let want = bytes.iter().all(|&b| (0x20..0x7F).contains(&b));
            assert_eq!(plain_ascii(u64::from_le_bytes(bytes)), want, "{bytes:?}");
        }
    }

    #[test]
    fn a_run_is_one_finding() {
        let f = find("a\u{200B}\u{200B}\u{FEFF}b");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].range, 1..10);
    }
}
