//! The first pass over each line: its characters counted (letters by case, digits, punctuation,
//! commas, separators, tabs; ASCII ones by 16-bit lanes, without a branch), its words hashed,
//! how it opens and how it ends; and the line breaks between two lines.

use super::hashes::{fnv, word_hash, FNV_SEED};
use crate::segment::{self, Line};
use std::ops::Range;

/// True for sentence-ending punctuation in any script.
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '।'
            | '॥'
            | '؟'
            | '۔'
            | '።'
            | '׃'
            | ';'
            | ':'
            | '؛'
    )
}

/// True for characters that may close a sentence after its punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '«' | ')' | ']' | '」' | '』' | '）' | '›'
    )
}

/// True for letters of scripts written without spaces between words.
fn is_unspaced(c: char) -> bool {
    use unicode_script::Script;
    // Thai (U+0E00) is the first of these scripts: everything below is spaced.
    c >= '\u{0E00}'
        && matches!(
            crate::script::script_of(c),
            Script::Han
                | Script::Hiragana
                | Script::Katakana
                | Script::Thai
                | Script::Lao
                | Script::Khmer
                | Script::Myanmar
        )
}

/// Per-line counts gathered in the first pass.
pub(super) struct LineCounts {
    /// Tabs (by the ASCII lanes: a tab is one byte, never part of another character).
    pub(super) tabs: usize,
    pub(super) chars: usize,
    pub(super) letters: usize,
    pub(super) digits: usize,
    pub(super) upper: usize,
    pub(super) cased: usize,
    pub(super) words: f32,
    pub(super) title_words: usize,
    pub(super) spaced_words: usize,
    pub(super) terminal: bool,
    /// Its words' hashes: a range of the page's list of word hashes (one list for the page,
    /// not an allocation per line).
    pub(super) word_hashes: Range<usize>,
    /// Punctuation and symbols (not letters, digits or spaces).
    pub(super) punct: usize,
    /// Commas in any script.
    pub(super) commas: usize,
    /// Separators that menus and breadcrumbs use (`|`, `·`, `•`, `»`, `/`, `>`).
    pub(super) separators: usize,
    /// Letters of scripts written without spaces.
    pub(super) unspaced: usize,
    /// The line opens with a bullet, a dash or a list number.
    pub(super) bullet: bool,
    /// The line ends with a colon.
    pub(super) colon: bool,
    /// The line ends with `?` or `!` (in any script).
    pub(super) question: bool,
    /// The line opens with a quotation mark.
    pub(super) quote: bool,
    /// The first letter is upper case.
    pub(super) starts_upper: bool,
    /// The line holds a URL, an e-mail address or a handle.
    pub(super) url: bool,
    /// The line is all ASCII.
    pub(super) ascii: bool,
}

/// The characters of the General Punctuation block that are neither letters, digits nor
/// white space (all but its spaces, line and paragraph separators and format characters up to
/// U+2027, and U+205F and after): dashes, quotation marks, bullets, the ellipsis. A test checks
/// every one of them.
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
}

/// `http`, `www.` and `.com` as the four bytes of a big-endian `u32`.
const WEB_HTTP: u32 = u32::from_be_bytes(*b"http");
const WEB_WWW: u32 = u32::from_be_bytes(*b"www.");
const WEB_COM: u32 = u32::from_be_bytes(*b".com");

/// The classes of ASCII characters for [`count_line`].
const A_OTHER: u8 = 0;
const A_UPPER: u8 = 1;
const A_LOWER: u8 = 2;
const A_DIGIT: u8 = 3;
const A_SPACE: u8 = 4;
const A_COMMA: u8 = 5;
const A_SEPARATOR: u8 = 6;
const A_AT: u8 = 7;
/// A tab (white space, counted apart).
const A_TAB: u8 = 8;
/// The bits of a class in [`ASCII_KIND`].
const A_CLASS: u8 = 15;
/// Added to the class of `p`, `m` and `.`, the last characters of `http`, `.com` and `www.`:
/// only after them can the last four characters be one of those.
const A_WEB_END: u8 = 0x80;

/// [`count_line`]'s class of every ASCII character: letters by case, digits, white space
/// (`char::is_whitespace`), and among the rest (punctuation, symbols, controls) the comma,
/// the separators and `@`; [`A_WEB_END`] marks the characters that can end a web marker.
const ASCII_KIND: [u8; 128] = {
    let mut t = [A_OTHER; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'A'..=b'Z' => A_UPPER,
            b'a'..=b'z' => A_LOWER,
            b'0'..=b'9' => A_DIGIT,
            b'\t' => A_TAB,
            b'\n' | 0x0B | 0x0C | b'\r' | b' ' => A_SPACE,
            b',' => A_COMMA,
            b'|' | b'/' | b'>' => A_SEPARATOR,
            b'@' => A_AT,
            _ => A_OTHER,
        } | match b as u8 {
            b'p' | b'm' | b'.' => A_WEB_END,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// What one ASCII character of each class (its [`ASCII_KIND`] without [`A_WEB_END`]) adds to
/// [`count_line`]'s counts, in 16-bit lanes: upper-case letters, lower-case letters, digits,
/// punctuation and symbols.
const ASCII_LANES: [u64; 16] = {
    let mut t = [0u64; 16];
    t[A_UPPER as usize] = 1;
    t[A_LOWER as usize] = 1 << 16;
    t[A_DIGIT as usize] = 1 << 32;
    t[A_OTHER as usize] = 1 << 48;
    t[A_COMMA as usize] = 1 << 48;
    t[A_SEPARATOR as usize] = 1 << 48;
    t[A_AT as usize] = 1 << 48;
    t
};

/// The same for commas, separators, `@` and tabs.
const ASCII_MARKS: [u64; 16] = {
    let mut t = [0u64; 16];
    t[A_COMMA as usize] = 1;
    t[A_SEPARATOR as usize] = 1 << 16;
    t[A_AT as usize] = 1 << 32;
    t[A_TAB as usize] = 1 << 48;
    t
};

/// [`count_line`]'s counts of ASCII characters, by table (ASCII is most of most pages), added
/// without a branch: one 16-bit lane a count (see [`ASCII_LANES`]), emptied into `counts`
/// before a lane can overflow; and whether the last four characters were ever `http`, `www.`
/// or `.com`.
#[derive(Default)]
struct AsciiTally {
    /// Upper-case letters, lower-case letters, digits, punctuation, then commas, separators,
    /// `@` and tabs.
    counts: [usize; 8],
    /// The first four counts in 16-bit lanes, since the last emptying.
    lanes: u64,
    /// The last four, likewise.
    marks: u64,
    /// Characters added since the last emptying.
    pending: u32,
    /// The last four characters, one byte each (0 for a character beyond ASCII).
    window: u32,
    /// A web marker was seen.
    web: bool,
}

impl AsciiTally {
    /// Adds an ASCII character.
    #[inline(always)]
    fn ascii(&mut self, b: u8) {
        self.window = self.window << 8 | u32::from(b);
        let k = ASCII_KIND[usize::from(b & 0x7f)];
        if k & A_WEB_END != 0 {
            self.web |= matches!(self.window, WEB_HTTP | WEB_WWW | WEB_COM);
        }
        self.lanes += ASCII_LANES[usize::from(k & A_CLASS)];
        self.marks += ASCII_MARKS[usize::from(k & A_CLASS)];
        self.pending += 1;
        if self.pending == 0xFFFF {
            self.empty_lanes();
        }
    }

    /// Notes a character beyond ASCII (it breaks the web markers).
    fn other(&mut self) {
        self.window <<= 8;
    }

    fn empty_lanes(&mut self) {
        for (i, n) in self.counts.iter_mut().enumerate() {
            let (word, lane) = if i < 4 {
                (self.lanes, i)
            } else {
                (self.marks, i - 4)
            };
            *n += ((word >> (16 * lane)) & 0xFFFF) as usize;
        }
        (self.lanes, self.marks, self.pending) = (0, 0, 0);
    }

    /// The tally of an all-ASCII line, in a loop of its own (a few registers, no decoding).
    fn of_ascii(bytes: &[u8]) -> Self {
        let mut tally = AsciiTally::default();
        for &b in bytes {
            tally.ascii(b);
        }
        tally.empty_lanes();
        tally
    }
}

pub(super) fn count_line(text: &str, line: &Line, word_hashes: &mut Vec<u64>) -> LineCounts {
    let s = &text[line.range.clone()];
    let (mut chars, mut letters, mut digits, mut upper, mut cased, mut unspaced) =
        (0, 0, 0, 0, 0, 0);
    let (mut punct, mut commas, mut separators, mut at) = (0, 0, 0, false);
    let ascii_line = s.is_ascii();
    let tally = if ascii_line {
        chars = s.len();
        AsciiTally::of_ascii(s.as_bytes())
    } else {
        let mut tally = AsciiTally::default();
        for c in s.chars() {
            chars += 1;
            if c.is_ascii() {
                tally.ascii(c as u8);
                continue;
            }
            tally.other();
            if is_general_punctuation(c) {
                // Curly quotes, dashes, bullets, the ellipsis (most characters beyond ASCII
                // of many pages): punctuation, without the Unicode look-ups below.
                punct += 1;
                separators += usize::from(matches!(c, '•' | '›'));
                continue;
            }
            if !c.is_alphanumeric() && !c.is_whitespace() {
                punct += 1;
                match c {
                    ',' | '،' | '，' | '、' => commas += 1,
                    '|' | '·' | '•' | '»' | '›' | '/' | '>' | '｜' | '・' => {
                        separators += 1
                    }
                    '@' => at = true,
                    _ => {}
                }
            }
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                    cased += 1;
                } else if c.is_lowercase() {
                    cased += 1;
                }
                if is_unspaced(c) {
                    unspaced += 1;
                }
            } else if c.is_numeric() {
                digits += 1;
            }
        }
        tally.empty_lanes();
        tally
    };
    let web = tally.web;
    let [a_upper, a_lower, a_digit, a_punct, a_commas, a_separators, a_at, tabs] = tally.counts;
    letters += a_upper + a_lower;
    upper += a_upper;
    cased += a_upper + a_lower;
    digits += a_digit;
    punct += a_punct;
    commas += a_commas;
    separators += a_separators;
    at |= a_at > 0;
    let mut spaced_words = 0;
    let mut title_words = 0;
    let first_hash = word_hashes.len();
    if ascii_line {
        for w in segment::ascii_line_words(text, line.range.clone()) {
            // By bytes: spaced, title case for A–Z, the ASCII hash of `word_hash`.
            let word = text.as_bytes().get(w).unwrap_or(&[]);
            spaced_words += 1;
            title_words += usize::from(word.first().is_some_and(u8::is_ascii_uppercase));
            word_hashes.push(
                word.iter()
                    .fold(FNV_SEED, |h, &b| fnv(h, char::from(b.to_ascii_lowercase()))),
            );
        }
    } else {
        for w in segment::words(text, line.range.clone()) {
            let word = &text[w];
            let first = word.chars().next().unwrap_or(' ');
            if is_unspaced(first) {
                word_hashes.push(word_hash(word));
                continue;
            }
            spaced_words += 1;
            if first.is_uppercase() {
                title_words += 1;
            }
            word_hashes.push(word_hash(word));
        }
    }
    let last = s.chars().rev().find(|&c| !is_closer(c));
    let first = s.chars().next().unwrap_or(' ');
    let second = s.chars().nth(1).unwrap_or(' ');
    let bullet = matches!(
        first,
        '•' | '-' | '–' | '—' | '*' | '·' | '▪' | '►' | '→' | '>'
    ) || first.is_numeric() && matches!(second, '.' | ')');
    let url = at || web;
    LineCounts {
        punct,
        commas,
        separators,
        unspaced,
        bullet,
        colon: matches!(s.chars().last(), Some(':' | '：')),
        question: matches!(last, Some('?' | '!' | '？' | '！' | '؟')),
        quote: matches!(
            first,
            '"' | '“' | '„' | '«' | '「' | '『' | '\'' | '‘' | '»'
        ),
        starts_upper: s
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase),
        url,
        chars,
        letters,
        digits,
        upper,
        cased,
        words: spaced_words as f32 + unspaced as f32 / 2.0,
        title_words,
        spaced_words,
        terminal: last.is_some_and(is_terminal),
        word_hashes: first_hash..word_hashes.len(),
        ascii: ascii_line,
        tabs,
    }
}

/// The line breaks in the gap between two lines (`\r\n` once).
pub(super) fn line_breaks(gap: &str) -> usize {
    // The common gaps, without the loops below.
    match gap.as_bytes() {
        b"\n" => return 1,
        b"\n\n" => return 2,
        _ => {}
    }
    if gap.is_ascii() {
        // The same count by bytes.
        let b = gap.as_bytes();
        let crlf = b.windows(2).filter(|w| *w == b"\r\n").count();
        return b.iter().filter(|&&c| c == b'\n' || c == b'\r').count() - crlf;
    }
    let crlf = gap.matches("\r\n").count();
    gap.chars().filter(|&c| segment::is_line_break(c)).count() - crlf
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::extract;

    #[test]
    fn cjk_counts_half_a_word_per_ideograph() {
        let text = "日本語の文章です";
        let ls = segment::lines(text);
        let (f, _) = extract(text, &ls, None);
        assert!((f[0].words - 4.0).abs() < 0.01, "{}", f[0].words);
    }

    #[test]
    fn line_breaks_by_fast_paths_are_the_counted_ones() {
        let alphabet = ['\n', '\r', ' ', '\t', '\u{2028}', '\u{2029}', '\u{85}'];
        let mut rng = crate::testing::XorShift(23);
        for n in 0..5_000 {
            let gap = rng.string(&alphabet, n % 6);
            let crlf = gap.matches("\r\n").count();
            let want = gap.chars().filter(|&c| segment::is_line_break(c)).count() - crlf;
            assert_eq!(line_breaks(&gap), want, "{gap:?}");
        }
        assert_eq!((line_breaks("\n"), line_breaks("\n\n")), (1, 2));
    }

    #[test]
    fn counts_by_lanes_are_the_counts_by_characters() {
        // Lines over every ASCII class and a few other characters, some longer than a lane holds.
        let alphabet: Vec<char> = "aZ5 \t,|/>@.!\u{1}é·，Ü’—•›\u{2009}\u{205F}"
            .chars()
            .collect();
        let mut rng = crate::testing::XorShift(0x5851_f42d_4c95_7f2d);
        for i in 0..300usize {
            let len = if i % 50 == 7 { 65_530 + 3 * i } else { i % 40 };
            let ascii_only = i % 3 == 0;
            let s = if i < alphabet.len() {
                // One character over and over: its lane fills past 16 bits.
                alphabet[i].to_string().repeat(70_000 + i)
            } else {
                rng.string(
                    &alphabet[..if ascii_only { 13 } else { alphabet.len() }],
                    len,
                )
            };
            let mut hashes = Vec::new();
            let c = count_line(
                &s,
                &Line {
                    range: 0..s.len(),
                    full: 0..s.len(),
                },
                &mut hashes,
            );
            // The ASCII test and the ASCII lines' own word scan.
            assert_eq!(c.ascii, s.is_ascii(), "{i}");
            let words: Vec<u64> = segment::words(&s, 0..s.len())
                .map(|w| word_hash(&s[w]))
                .collect();
            assert_eq!(hashes, words, "{i}");
            let count = |f: &dyn Fn(char) -> bool| s.chars().filter(|&c| f(c)).count();
            let punct = |c: char| !c.is_alphanumeric() && !c.is_whitespace();
            assert_eq!(c.letters, count(&|c| c.is_alphabetic()), "{i}");
            assert_eq!(c.upper, count(&|c| c.is_uppercase()), "{i}");
            assert_eq!(
                c.cased,
                count(&|c| c.is_uppercase() || c.is_lowercase()),
                "{i}"
            );
            assert_eq!(
                c.digits,
                count(&|c| c.is_numeric() && !c.is_alphabetic()),
                "{i}"
            );
            assert_eq!(c.punct, count(&punct), "{i}");
            assert_eq!(c.commas, count(&|c| matches!(c, ',' | '，')), "{i}");
            assert_eq!(
                c.separators,
                count(&|c| matches!(c, '|' | '/' | '>' | '·' | '•' | '›')),
                "{i}"
            );
            assert_eq!(c.url, s.contains('@'), "{i}");
            assert_eq!(c.tabs, count(&|c| c == '\t'), "{i}");
        }
    }

    #[test]
    fn general_punctuation_is_neither_letter_digit_nor_space() {
        let all = ('\u{2000}'..='\u{206F}').filter(|&c| is_general_punctuation(c));
        assert_eq!(all.clone().count(), 24 + 47);
        for c in all {
            assert!(
                !c.is_alphanumeric() && !c.is_whitespace() && !c.is_alphabetic(),
                "{c:?}"
            );
            assert!(
                !c.is_numeric() && !c.is_uppercase() && !c.is_lowercase(),
                "{c:?}"
            );
            assert!(!is_unspaced(c), "{c:?}");
        }
    }

    #[test]
    fn web_markers_are_found_wherever_they_stand() {
        // Random lines over the markers' characters: the line holds a URL (or a handle) exactly
        // when it contains one of the markers or `@`.
        let alphabet: Vec<char> = "htpw.comé @x".chars().collect();
        let mut rng = crate::testing::XorShift(0x9e37_79b9_7f4a_7c15);
        for len in 0..20_000 {
            let s = rng.string(&alphabet, len % 16);
            let line = Line {
                range: 0..s.len(),
                full: 0..s.len(),
            };
            let want = ["http", "www.", ".com", "@"].iter().any(|m| s.contains(m));
            assert_eq!(count_line(&s, &line, &mut Vec::new()).url, want, "{s:?}");
        }
    }
}
