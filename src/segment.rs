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
    text[range]
        .unicode_word_indices()
        .map(move |(i, w)| base + i..base + i + w.len())
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
}
