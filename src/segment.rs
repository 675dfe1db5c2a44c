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
    // Line breaks by bytes: `\n`, `\r` (`\r\n` once), and U+2028/U+2029 (E2 80 A8/A9; in
    // UTF-8 a lead byte E2 starts a character).
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let len = match b {
            b'\n' => 1,
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => {
                i = skip_to_break_candidate(bytes, i + 1);
                continue;
            }
        };
        push(start, i, i + len);
        start = i + len;
        i = start;
    }
    if start < text.len() {
        push(start, text.len(), text.len());
    }
    out
}

/// The index of the first `\n`, `\r` or lead byte E2 at or after `i`, or of the last bytes
/// (fewer than 8) when none comes before them: a SWAR test, eight bytes at a time. In the
/// chunk that holds one, the lowest flagged byte is the first of them (a false flag of the
/// zero-byte test only ever lies above a true one), so the caller lands on it directly
/// instead of stepping over the chunk's other bytes.
fn skip_to_break_candidate(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Non-zero when some byte of `v` is zero (never zero when one is).
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        let found = zero_byte(x ^ (ONES * 0x0A))
            | zero_byte(x ^ (ONES * 0x0D))
            | zero_byte(x ^ (ONES * 0xE2));
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// The words inside `range` of `text`, as byte ranges: Unicode word boundaries (UAX #29, by
/// `unicode-segmentation`), keeping only the pieces that hold a letter or a digit. Han and
/// kana come out one character at a time, Thai as runs: the later steps group them by script.
pub fn words(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    use unicode_segmentation::UnicodeSegmentation;
    let base = range.start;
    let s = &text[range];
    // Most lines hold only ASCII and a few common marks (curly quotes, dashes): their UAX #29
    // words come from a simple scan (the same words; a test below compares the two).
    let ascii = s.is_ascii();
    let simple = ascii || all_simple(s);
    let bytes = ascii.then(|| ascii_words(s, base));
    let fast = (simple && !ascii).then(|| simple_words(s, base));
    let unicode = (!simple).then(|| {
        s.unicode_word_indices()
            .map(move |(i, w)| base + i..base + i + w.len())
    });
    bytes
        .into_iter()
        .flatten()
        .chain(fast.into_iter().flatten())
        .chain(unicode.into_iter().flatten())
}

/// [`words`] of a range its caller knows to be ASCII (for other text, the words of its ASCII
/// bytes): the scan `words` uses for it, without testing the range again.
pub fn ascii_line_words(
    text: &str,
    range: Range<usize>,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = range.start;
    ascii_words(text.get(range).unwrap_or(""), base)
}

/// The UAX #29 word class of a character, as far as the word rules tell them apart, for
/// ASCII and a few common marks; `None` for every other character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ALetter.
    Letter,
    /// Numeric.
    Digit,
    /// `_` (ExtendNumLet).
    Connector,
    /// `:` (MidLetter).
    MidLetter,
    /// `,` and `;` (MidNum).
    MidNum,
    /// `.`, `'`, `‘` and `’` (MidNumLet, Single_Quote).
    MidBoth,
    /// Anything else: a break on both sides.
    Other,
}

/// [`simple_class`] of every ASCII character, by table.
const ASCII_CLASS: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Connector,
            b':' => Class::MidLetter,
            b',' | b';' => Class::MidNum,
            b'.' | b'\'' => Class::MidBoth,
            _ => Class::Other,
        };
        b += 1;
    }
    t
};

#[inline]
fn simple_class(c: char) -> Option<Class> {
    if c.is_ascii() {
        return Some(ASCII_CLASS[usize::from(c as u8 & 0x7f)]);
    }
    Some(match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Digit,
        '_' => Class::Connector,
        ':' => Class::MidLetter,
        ',' | ';' => Class::MidNum,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Class::MidBoth,
        '\0'..='\x7f' => Class::Other,
        // No-break space, guillemets, dashes, double quotes, ellipsis, bullet, euro, pound.
        '\u{A0}' | '\u{AB}' | '\u{BB}' | '\u{2013}' | '\u{2014}' | '\u{201C}' | '\u{201D}'
        | '\u{2026}' | '\u{2022}' | '\u{20AC}' | '\u{A3}' => Class::Other,
        // The accented letters of Latin-1 and Latin Extended-A/B (ALetter), as in German,
        // French, Spanish, Polish or Czech text, and the marks around them: inverted `¡` `¿`,
        // low quotes `„` `‚`, degree, section, times and division signs (Other).
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}' => Class::Letter,
        '\u{A1}' | '\u{BF}' | '\u{201E}' | '\u{201A}' | '\u{B0}' | '\u{A7}' | '\u{D7}'
        | '\u{F7}' => Class::Other,
        _ => return None,
    })
}

/// `unicode_word_indices` on text whose characters all have a [`simple_class`]: runs of
/// letters, digits and `_`, joined across one `:`/`.`/`'`/`’` between letters (WB6, WB7) or
/// one `,`/`;`/`.`/`'`/`’` between digits (WB11, WB12), keeping those with a letter or digit.
///
/// Read by bytes: ASCII characters (most of such a line) by table, only the others decoded.
fn simple_words(s: &str, base: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = s.as_bytes();
    // The class and byte length of the character starting at byte `i`.
    let char_at = move |i: usize| -> Option<(Class, usize)> {
        let x = *b.get(i)?;
        if x.is_ascii() {
            return Some((ASCII_CLASS[usize::from(x & 0x7f)], 1));
        }
        let c = s.get(i..)?.chars().next()?;
        Some((simple_class(c).unwrap_or(Class::Other), c.len_utf8()))
    };
    let word = |k: Class| matches!(k, Class::Letter | Class::Digit | Class::Connector);
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some((mut k, len)) = char_at(at) {
            let start = at;
            at += len;
            if !word(k) {
                continue;
            }
            let mut alnum = k != Class::Connector;
            loop {
                // The rest of a run of ASCII word characters in a tight loop (most bytes of a
                // word are in one); only its last character's class matters for the marks.
                let rest = b.get(at..).unwrap_or(&[]);
                let run = rest
                    .iter()
                    .take_while(|&&x| x.is_ascii() && ASCII_WORD[usize::from(x & 0x7f)])
                    .count();
                if run > 0 {
                    // `_` alone is no word: look at the run only while nothing else was seen.
                    alnum = alnum || rest.iter().take(run).any(|&x| x != b'_');
                    at += run;
                    k = b
                        .get(at - 1)
                        .map_or(Class::Other, |&x| ASCII_CLASS[usize::from(x & 0x7f)]);
                }
                let Some((mk, len)) = char_at(at) else { break };
                if word(mk) {
                    at += len;
                    alnum |= mk != Class::Connector;
                    k = mk;
                    continue;
                }
                if !mark_joins(mk, k, char_at(at + len).map(|(c, _)| c)) {
                    break;
                }
                // A joining mark is followed by a word character: the word goes on.
                at += len;
            }
            if alnum {
                return Some(base + start..base + at);
            }
        }
        None
    })
}

/// Whether every character of `s` has a [`simple_class`] (ASCII ones all do, so only the
/// others are decoded).
fn all_simple(s: &str) -> bool {
    let mut rest = s;
    while let Some(i) = rest.bytes().position(|x| !x.is_ascii()) {
        let Some(c) = rest.get(i..).and_then(|r| r.chars().next()) else {
            return false;
        };
        if simple_class(c).is_none() {
            return false;
        }
        rest = rest.get(i + c.len_utf8()..).unwrap_or("");
    }
    true
}

/// Whether `mark`, after a character of class `before` and before one of class `after`, stays
/// inside the word: a middle mark joins only two letters or two digits (UAX #29 WB6/7, WB11/12).
#[inline]
fn mark_joins(mark: Class, before: Class, after: Option<Class>) -> bool {
    let between = |k: Class| before == k && after == Some(k);
    match mark {
        Class::MidLetter => between(Class::Letter),
        Class::MidNum => between(Class::Digit),
        Class::MidBoth => between(Class::Letter) || between(Class::Digit),
        _ => false,
    }
}

/// Whether an ASCII byte is a word character (letter, digit or `_`), by table.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = matches!(
            ASCII_CLASS[b],
            Class::Letter | Class::Digit | Class::Connector
        );
        b += 1;
    }
    t
};

/// [`simple_words`] on ASCII text, byte by byte (no decoding).
fn ascii_words(s: &str, base: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = s.as_bytes();
    let class = move |i: usize| b.get(i).map(|&x| ASCII_CLASS[usize::from(x & 0x7f)]);
    let word = |k: Class| matches!(k, Class::Letter | Class::Digit | Class::Connector);
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(k) = class(at) {
            let start = at;
            at += 1;
            if !word(k) {
                continue;
            }
            let mut alnum = k != Class::Connector;
            loop {
                // The rest of a run of word characters in a tight loop (most bytes of a
                // line are in one); only its last character's class matters for the marks.
                let rest = b.get(at..).unwrap_or(&[]);
                let run = rest
                    .iter()
                    .take_while(|&&x| ASCII_WORD[usize::from(x & 0x7f)])
                    .count();
                // `_` alone is no word: look at the run only while nothing else was seen.
                alnum = alnum || rest.iter().take(run).any(|&x| x != b'_');
                at += run;
                let last = class(at - 1).unwrap_or(Class::Other);
                match class(at) {
                    Some(mk) if mark_joins(mk, last, class(at + 1)) => at += 1,
                    _ => break,
                }
            }
            if alnum {
                return Some(base + start..base + at);
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
    fn lines_by_chunks_find_every_break() {
        // Breaks at every offset of a long line, next to bytes that look like them.
        let kinds = ["\n", "\r", "\r\n", "\u{2028}", "\u{2029}"];
        for kind in kinds {
            for at in 0..40 {
                let mut text = "x".repeat(at);
                text.push_str(kind);
                text.push_str("y’yé\u{2026}\u{2027}zzzzzzzzzzzzzzzzzz");
                let got = line_texts(&text);
                let mut want: Vec<&str> = Vec::new();
                if at > 0 {
                    want.push(&text[..at]);
                }
                want.push(&text[at + kind.len()..]);
                assert_eq!(got, want, "{kind:?} at {at}");
            }
        }
    }

    #[test]
    fn the_skip_lands_on_the_first_break_candidate() {
        // Random bytes drawn often from the break bytes and their look-alikes: the skip stops
        // exactly at the first `\n`, `\r` or E2 at or after `i`, or, with none before it, in
        // the last 7 bytes (which the caller steps over one by one).
        let mut rng = crate::testing::XorShift(0x5eed_0009);
        let pool = [
            b'\n', b'\r', 0xE2, 0x80, 0xA8, 0x0B, 0x8A, 0x62, b'x', b' ', 0xE3, 0x02,
        ];
        for _ in 0..5_000 {
            let len = rng.below(40);
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    if rng.below(3) == 0 {
                        pool[rng.below(pool.len())]
                    } else {
                        (rng.next_u64() % 256) as u8
                    }
                })
                .collect();
            for i in 0..=len {
                let got = skip_to_break_candidate(&bytes, i);
                let first = (i..len).find(|&j| matches!(bytes[j], b'\n' | b'\r' | 0xE2));
                let in_tail = got >= i && got <= len && len - got < 8;
                let ok = Some(got) == first || in_tail && first.is_none_or(|j| j >= got);
                assert!(ok, "{bytes:?} from {i}: {got}, first {first:?}");
            }
        }
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
    fn all_simple_decodes_only_what_it_must() {
        let alphabet: Vec<char> = "a ,.’é\u{AD}ж中«\u{2028}".chars().collect();
        let mut rng = crate::testing::XorShift(0x51_7cc1_b727_220a);
        for len in 0..2_000 {
            let s = rng.string(&alphabet, len % 12);
            let want = s.chars().all(|c| simple_class(c).is_some());
            assert_eq!(all_simple(&s), want, "{s:?}");
        }
    }

    #[test]
    fn ascii_line_words_are_the_words() {
        let alphabet: Vec<char> = "aZ0_:,;.' -\t\r\"!".chars().collect();
        let mut rng = crate::testing::XorShift(0x2545_f491_4f6c_dd1d);
        for n in 0..5_000 {
            let s = format!("x {} y", rng.string(&alphabet, n % 60));
            let range = 2..s.len() - 2;
            let fast: Vec<Range<usize>> = ascii_line_words(&s, range.clone()).collect();
            let want: Vec<Range<usize>> = words(&s, range).collect();
            assert_eq!(fast, want, "{s:?}");
        }
    }

    #[test]
    fn ascii_words_agree_with_uax29() {
        use unicode_segmentation::UnicodeSegmentation;
        // A small alphabet that exercises every rule, in every order up to length 3, plus
        // longer pseudo-random strings.
        let alphabet: Vec<char> = "aZ0_:,;.' -\t\x0b\r\n\"!’‘“”—–…•«»€£\u{A0}·é\u{AD}"
            .chars()
            .collect();
        let check = |s: &str| {
            let fast: Vec<Range<usize>> = words(s, 0..s.len()).collect();
            let want: Vec<Range<usize>> = s
                .unicode_word_indices()
                .map(|(i, w)| i..i + w.len())
                .collect();
            assert_eq!(fast, want, "{s:?}");
        };
        let mut buf = String::new();
        fn rec(buf: &mut String, alphabet: &[char], left: usize, check: &dyn Fn(&str)) {
            check(buf);
            if left == 0 {
                return;
            }
            for &c in alphabet {
                buf.push(c);
                rec(buf, alphabet, left - 1, check);
                buf.pop();
            }
        }
        rec(&mut buf, &alphabet, 3, &check);
        let mut rng = crate::testing::XorShift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..50_000 {
            check(&rng.string(&alphabet, 24));
        }
        // Every Latin letter and mark of the fast path beyond ASCII, alone and around letters,
        // digits and middle marks.
        let extra = ('\u{A0}'..='\u{24F}').chain(['\u{201E}', '\u{201A}', '\u{2018}', '\u{2019}']);
        for c in extra.filter(|&c| simple_class(c).is_some()) {
            for ctx in [
                "#", "a#", "#a", "a.#", "#.a", "1#", "#1", "# #", "#'#", "#:#", "#,#", "_#", "#’s",
                "1,#", "#.1",
            ] {
                check(&ctx.replace('#', &c.to_string()));
            }
        }
        // ASCII only (read byte by byte).
        for _ in 0..50_000 {
            check(&rng.string(&alphabet[..14], 24));
        }
    }
}
