//! Step 1 of the pipeline: cut the text into lines and words, as byte ranges.
//!
//! A line is a maximal run of characters between line breaks (`\n`, `\r\n`, `\r`, U+2028,
//! U+2029), trimmed of surrounding white space; empty lines are dropped. Words follow the
//! Unicode word boundaries of UAX #29.

use std::ops::Range;

/// One non-empty line of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The trimmed content of the line, as a byte range of the text.
    pub range: Range<usize>,
    /// The line with its surrounding white space and the line break that ends it (if any):
    /// what removing the whole line removes.
    pub full: Range<usize>,
}

/// True for the characters the contract counts as line breaks (`\r\n` counts once).
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// The non-empty lines of `text`, in order.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    let mut push = |start: usize, end: usize, next: usize| {
        let raw = &text[start..end];
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            let lead = raw.len() - raw.trim_start().len();
            let s = start + lead;
            out.push(Line {
                range: s..s + trimmed.len(),
                full: start..next,
            });
        }
    };
    while let Some((i, c)) = iter.next() {
        if is_line_break(c) {
            let mut next = i + c.len_utf8();
            if c == '\r' && bytes.get(next) == Some(&b'\n') {
                iter.next();
                next += 1;
            }
            push(start, i, next);
            start = next;
        }
    }
    if start < text.len() {
        push(start, text.len(), text.len());
    }
    out
}

/// The words inside `range` of `text`, as byte ranges: Unicode word boundaries (UAX #29, by
/// `unicode-segmentation`), keeping only the pieces that hold a letter or a digit. Han and
/// kana come out one character at a time, Thai as runs: the later steps group them by script.
pub fn words(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    use unicode_segmentation::UnicodeSegmentation;
    let base = range.start;
    let s = &text[range];
    // Most lines are ASCII: their UAX #29 words come from a byte scan (the same words; a test
    // below compares the two on arbitrary ASCII).
    let ascii = s.is_ascii().then(|| ascii_words(s.as_bytes(), base));
    let unicode = (!s.is_ascii()).then(|| {
        s.unicode_word_indices()
            .map(move |(i, w)| base + i..base + i + w.len())
    });
    ascii
        .into_iter()
        .flatten()
        .chain(unicode.into_iter().flatten())
}

/// The UAX #29 word class of an ASCII byte, as far as the word rules tell them apart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AsciiClass {
    /// A letter, a digit or `_` (ALetter, Numeric, ExtendNumLet): never a break between two.
    Word,
    /// `:` (MidLetter).
    MidLetter,
    /// `,` and `;` (MidNum).
    MidNum,
    /// `.` and `'` (MidNumLet, Single_Quote).
    MidBoth,
    /// Anything else: a break on both sides.
    Other,
}

fn ascii_class(b: u8) -> AsciiClass {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' => AsciiClass::Word,
        b':' => AsciiClass::MidLetter,
        b',' | b';' => AsciiClass::MidNum,
        b'.' | b'\'' => AsciiClass::MidBoth,
        _ => AsciiClass::Other,
    }
}

/// `unicode_word_indices` on ASCII text: runs of letters, digits and `_`, joined across one
/// `:`/`.`/`'` between letters (WB6, WB7) or one `,`/`;`/`.`/`'` between digits (WB11, WB12),
/// keeping those that hold a letter or a digit.
fn ascii_words(b: &[u8], base: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            if ascii_class(b[i]) != AsciiClass::Word {
                i += 1;
                continue;
            }
            let start = i;
            let mut alnum = false;
            loop {
                while i < b.len() && ascii_class(b[i]) == AsciiClass::Word {
                    alnum |= b[i] != b'_';
                    i += 1;
                }
                let (Some(&p), Some(&m), Some(&n)) =
                    (b.get(i.wrapping_sub(1)), b.get(i), b.get(i + 1))
                else {
                    break;
                };
                let joins = match ascii_class(m) {
                    AsciiClass::MidLetter => p.is_ascii_alphabetic() && n.is_ascii_alphabetic(),
                    AsciiClass::MidNum => p.is_ascii_digit() && n.is_ascii_digit(),
                    AsciiClass::MidBoth => {
                        p.is_ascii_alphabetic() && n.is_ascii_alphabetic()
                            || p.is_ascii_digit() && n.is_ascii_digit()
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                i += 1;
            }
            if alnum {
                return Some(base + start..base + i);
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_texts(text: &str) -> Vec<&str> {
        lines(text).iter().map(|l| &text[l.range.clone()]).collect()
    }

    #[test]
    fn every_break_kind_ends_a_line() {
        let text = "a\nb\r\nc\rd\u{2028}e\u{2029}f";
        assert_eq!(line_texts(text), ["a", "b", "c", "d", "e", "f"]);
    }

    #[test]
    fn crlf_is_one_break_and_empty_lines_are_dropped() {
        let text = "  one \r\n\r\n\ttwo\r\n";
        let ls = lines(text);
        assert_eq!(line_texts(text), ["one", "two"]);
        assert_eq!(ls[0].full, 0..8);
        assert_eq!(ls[1].full, 10..16);
    }

    #[test]
    fn last_line_without_break() {
        let ls = lines("x\ny");
        assert_eq!(ls[1].range, 2..3);
        assert_eq!(ls[1].full, 2..3);
    }

    #[test]
    fn words_keep_inner_apostrophes_and_numbers() {
        let text = "Don't stop, Afghan-born — 2,500 comments!";
        let ws: Vec<&str> = words(text, 0..text.len()).map(|r| &text[r]).collect();
        assert_eq!(ws, ["Don't", "stop", "Afghan", "born", "2,500", "comments"]);
    }

    #[test]
    fn words_keep_combining_marks() {
        let text = "متبقٍ नमस्ते";
        let ws: Vec<&str> = words(text, 0..text.len()).map(|r| &text[r]).collect();
        assert_eq!(ws, ["متبقٍ", "नमस्ते"]);
    }

    #[test]
    fn ascii_words_agree_with_uax29() {
        use unicode_segmentation::UnicodeSegmentation;
        // A small alphabet that exercises every rule, in every order up to length 5, plus
        // longer pseudo-random strings.
        let alphabet = b"aZ0_:,;.' -\t\x0b\r\n\"!";
        let check = |s: &str| {
            let fast: Vec<Range<usize>> = words(s, 0..s.len()).collect();
            let want: Vec<Range<usize>> = s
                .unicode_word_indices()
                .map(|(i, w)| i..i + w.len())
                .collect();
            assert_eq!(fast, want, "{s:?}");
        };
        let mut buf = Vec::new();
        fn rec(buf: &mut Vec<u8>, alphabet: &[u8], left: usize, check: &dyn Fn(&str)) {
            check(std::str::from_utf8(buf).unwrap_or_default());
            if left == 0 {
                return;
            }
            for &c in alphabet {
                buf.push(c);
                rec(buf, alphabet, left - 1, check);
                buf.pop();
            }
        }
        rec(&mut buf, alphabet, 4, &check);
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let s: String = (0..24)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    char::from(alphabet[(x % alphabet.len() as u64) as usize])
                })
                .collect();
            check(&s);
        }
    }
}
