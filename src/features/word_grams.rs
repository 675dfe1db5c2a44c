//! The word score of a line: how much its words and pairs of adjacent words look like those of
//! noise lines rather than content lines (`comments`, `reply`, `© 2024`, `read more`), learned
//! from the benchmark's labelled lines (`tools/quality/word_grams.py` writes the table,
//! `data/line-word-grams.bin`).
//!
//! A line's tokens are its runs of word characters and, one token each, its punctuation and
//! symbol characters (see [`Class`]), lower-cased character by character. The table holds a
//! weight for 20,000 tokens and pairs of adjacent tokens; a line's score is the sum of its
//! tokens' and pairs' weights divided by the square root of its number of tokens (0 for a line
//! without tokens). What the table lacks weighs nothing, so a line in a language the table has
//! not seen scores 0 and the line model decides it from its other inputs. The word edges
//! (`edge_grams`) see the first and last characters of every word; this sees whole words and
//! their order.

use std::sync::OnceLock;

use super::cuckoo::{fold_hash, table_entries, Cuckoo};

/// The shipped table.
const TABLE: &[u8] = include_bytes!("../../data/line-word-grams.bin");

/// The cuckoo table's slots (256 KB; the shipped table fills less than a third).
const SLOTS: usize = 1 << 16;

/// A table of the weights of tokens and pairs of tokens, looked up by hash.
#[derive(Debug)]
pub(crate) struct WordTable {
    /// Every token's and pair's weight (i8, in units of `scale`).
    cuckoo: Cuckoo<SLOTS>,
    /// The weight of one unit.
    scale: f32,
}

/// The shipped table (an empty one, scoring every line 0, if the file does not parse; a test
/// checks that it does).
pub(crate) fn word_table() -> &'static WordTable {
    static SHIPPED: OnceLock<WordTable> = OnceLock::new();
    SHIPPED.get_or_init(|| WordTable::parse(TABLE).unwrap_or_else(WordTable::empty))
}

/// What a character is to the tokens (the training script's `tokens` splits the same way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Part of a word: an ASCII letter or digit, `_`, or any other character beyond ASCII that
    /// is not listed in [`SPLIT_RANGES`] nor white space.
    Word,
    /// White space (`char::is_whitespace`): ends a word.
    Space,
    /// Punctuation or a symbol: ends a word and is a token by itself (ASCII characters other
    /// than letters, digits and `_`; the ranges of [`SPLIT_RANGES`]).
    Split,
}

/// The characters beyond ASCII that are a token each (punctuation and symbols), as inclusive
/// ranges of code points, in order.
const SPLIT_RANGES: [(u32, u32); 12] = [
    (0x00A1, 0x00BF),
    (0x00D7, 0x00D7),
    (0x00F7, 0x00F7),
    // General punctuation: dashes, quotes, bullets, the ellipsis.
    (0x2010, 0x205E),
    // Currency signs.
    (0x20A0, 0x20CF),
    // Letterlike symbols, number forms, arrows, mathematical and technical signs, shapes,
    // dingbats.
    (0x2100, 0x2BFF),
    // CJK punctuation.
    (0x3000, 0x303F),
    // Full-width punctuation.
    (0xFF01, 0xFF0F),
    (0xFF1A, 0xFF20),
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
    // Emoji and pictographs.
    (0x1F000, 0x1FAFF),
];

/// The class of every ASCII character.
const ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Split; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() || c == b'_' {
            Class::Word
        } else if c.is_ascii_whitespace() || c == 0x0b {
            Class::Space
        } else {
            Class::Split
        };
        b += 1;
    }
    table
};

fn class(c: char) -> Class {
    if c.is_ascii() {
        ASCII_CLASS[c as usize & 0x7f]
    } else if c.is_whitespace() {
        Class::Space
    } else {
        let code = u32::from(c);
        // The last range starting at or below `code`.
        let k = SPLIT_RANGES.partition_point(|&(start, _)| start <= code);
        let inside = k
            .checked_sub(1)
            .and_then(|k| SPLIT_RANGES.get(k))
            .is_some_and(|&(_, end)| code <= end);
        if inside {
            Class::Split
        } else {
            Class::Word
        }
    }
}

/// Multiplies a token's running hash after each eight bytes (odd).
const STEP: u64 = 0xc2b2_ae3d_27d4_eb4f;
/// A token's running hash before its first bytes.
const START: u64 = 0x27d4_eb2f_1656_67c5;
/// Sets a pair's hash apart from its tokens'.
const PAIR: u64 = 0x85eb_ca77_c2b2_ae63;

/// A running hash after eight more bytes (read little-endian).
fn mix(hash: u64, eight: u64) -> u64 {
    (hash ^ eight).wrapping_mul(STEP)
}

/// Hashes a token's lower-case UTF-8 bytes, eight at a time, as they come.
#[derive(Debug, Clone, Copy)]
struct TokenHasher {
    /// The running hash of the whole groups of eight bytes so far.
    hash: u64,
    /// The bytes after them (fewer than eight), little-endian.
    pending: u64,
    /// The bytes so far.
    len: u64,
}

impl TokenHasher {
    const fn new() -> Self {
        TokenHasher {
            hash: START,
            pending: 0,
            len: 0,
        }
    }

    fn byte(&mut self, b: u8) {
        self.pending |= u64::from(b) << (8 * (self.len % 8));
        self.len += 1;
        if self.len % 8 == 0 {
            self.hash = mix(self.hash, self.pending);
            self.pending = 0;
        }
    }

    /// Adds a character, lower-cased (an ASCII one without the Unicode tables).
    fn lower(&mut self, c: char) {
        if c.is_ascii() {
            self.byte(c.to_ascii_lowercase() as u8);
        } else {
            for l in c.to_lowercase() {
                let mut buf = [0u8; 4];
                l.encode_utf8(&mut buf).bytes().for_each(|b| self.byte(b));
            }
        }
    }

    /// The token's running hash (what [`token_hash`] and [`pair_hash`] take).
    fn finish(self) -> u64 {
        mix(self.hash, self.pending) ^ self.len
    }
}

/// [`TokenHasher`]'s running hash of an ASCII token, lower-cased, eight bytes at a time.
fn ascii_running_hash(token: &[u8]) -> u64 {
    let mut chunks = token.chunks_exact(8);
    let hash = chunks.by_ref().fold(START, |h, c| {
        mix(
            h,
            lower8(u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))),
        )
    });
    let pending = chunks
        .remainder()
        .iter()
        .rev()
        .fold(0u64, |p, &b| p << 8 | u64::from(b));
    mix(hash, lower8(pending)) ^ token.len() as u64
}

/// Eight ASCII bytes (below `0x80`), their capitals `A`–`Z` lower-cased: bit 7 of a byte's
/// sums marks at least `A` and not above `Z` (no sum carries into the next byte), and `0x20`
/// is added to those.
fn lower8(eight: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    let upper =
        eight.wrapping_add(ONES * (0x80 - 0x41)) & !eight.wrapping_add(ONES * (0x7f - 0x5a));
    eight | (upper & (ONES * 0x80)) >> 2
}

/// The hash of a token from its running hash.
fn token_hash(running: u64) -> u64 {
    fold_hash(running)
}

/// The hash of a pair of adjacent tokens from their running hashes.
fn pair_hash(first: u64, second: u64) -> u64 {
    fold_hash(first.rotate_left(29) ^ second ^ PAIR)
}

/// The running hash of a token written out (lower case already).
fn running_hash(token: &str) -> u64 {
    let mut h = TokenHasher::new();
    token.bytes().for_each(|b| h.byte(b));
    h.finish()
}

impl WordTable {
    fn empty() -> Self {
        WordTable {
            cuckoo: Cuckoo::new(),
            scale: 0.0,
        }
    }

    /// Reads `"STWG"`, version 1, the number of entries (u32), the scale (f32), then per entry
    /// its UTF-8 length (u8), its text (a token, or two tokens with a space between them) and
    /// its weight (i8). `None` for anything else or for more entries than the table holds.
    fn parse(bytes: &[u8]) -> Option<Self> {
        let (scale, entries) = table_entries(bytes, b"STWG", Cuckoo::<SLOTS>::CAPACITY)?;
        let mut table = WordTable::empty();
        table.scale = scale;
        for (text, weight) in entries {
            if !table.cuckoo.insert(entry_hash(text)?, weight) {
                return None;
            }
        }
        Some(table)
    }

    /// The line's word score (see the module's documentation) and how many of its tokens the
    /// table knows.
    pub(crate) fn score(&self, line: &str) -> WordScore {
        // Wide sums: a line of millions of tokens must neither overflow nor panic.
        let (mut sum, mut tokens, mut known) = (0i64, 0u64, 0u64);
        let mut previous: Option<u64> = None;
        let mut add = |running: u64| {
            let weight = self.cuckoo.weight(token_hash(running));
            sum += i64::from(weight);
            known += u64::from(weight != 0);
            if let Some(p) = previous {
                sum += i64::from(self.cuckoo.weight(pair_hash(p, running)));
            }
            previous = Some(running);
            tokens += 1;
        };
        if line.is_ascii() {
            // Byte by byte; a word's bytes hashed eight at a time once its end is found.
            let bytes = line.as_bytes();
            let class = |i: usize| bytes.get(i).map(|&b| ASCII_CLASS[usize::from(b & 0x7f)]);
            let mut i = 0;
            while let Some(c) = class(i) {
                let start = i;
                i += 1;
                match c {
                    Class::Space => {}
                    Class::Split => add(ascii_running_hash(&bytes[start..i])),
                    Class::Word => {
                        while class(i) == Some(Class::Word) {
                            i += 1;
                        }
                        add(ascii_running_hash(&bytes[start..i]));
                    }
                }
            }
        } else {
            // The word being read, if any.
            let mut word: Option<TokenHasher> = None;
            for c in line.chars() {
                match class(c) {
                    Class::Word => word.get_or_insert_with(TokenHasher::new).lower(c),
                    other => {
                        if let Some(h) = word.take() {
                            add(h.finish());
                        }
                        if other == Class::Split {
                            let mut h = TokenHasher::new();
                            h.lower(c);
                            add(h.finish());
                        }
                    }
                }
            }
            if let Some(h) = word {
                add(h.finish());
            }
        }
        let score = if tokens == 0 {
            0.0
        } else {
            (sum as f64 * f64::from(self.scale) / (tokens as f64).sqrt()) as f32
        };
        WordScore {
            score,
            tokens,
            known,
        }
    }
}

/// A line's word score and its counts of tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct WordScore {
    /// The score (see the module's documentation).
    pub(crate) score: f32,
    /// Its tokens.
    pub(crate) tokens: u64,
    /// Its tokens the table knows (whose weight is not 0): few in a language the table has not
    /// seen, where the score says little.
    pub(crate) known: u64,
}

/// The hash of a table entry as the file writes it (a token, or two with a space between
/// them); `None` for anything else.
fn entry_hash(text: &str) -> Option<u64> {
    let mut parts = text.split(' ');
    let first = parts.next().filter(|t| !t.is_empty())?;
    match (parts.next(), parts.next()) {
        (None, _) => Some(token_hash(running_hash(first))),
        (Some(second), None) if !second.is_empty() => {
            Some(pair_hash(running_hash(first), running_hash(second)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of a line, as `tools/quality/word_grams.py`'s `tokens` lists them.
    fn tokens(line: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut word = String::new();
        for c in line.chars() {
            match class(c) {
                Class::Word => word.extend(c.to_lowercase()),
                other => {
                    if !word.is_empty() {
                        out.push(std::mem::take(&mut word));
                    }
                    if other == Class::Split {
                        out.push(c.to_lowercase().collect());
                    }
                }
            }
        }
        if !word.is_empty() {
            out.push(word);
        }
        out
    }

    impl WordTable {
        fn score_of(&self, line: &str) -> f32 {
            self.score(line).score
        }
    }

    /// A table giving each of these entries its weight.
    fn table_of(entries: &[(&str, i8)], scale: f32) -> WordTable {
        let mut bytes = b"STWG\x01".to_vec();
        bytes.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&scale.to_le_bytes());
        for (text, w) in entries {
            bytes.push(text.len() as u8);
            bytes.extend_from_slice(text.as_bytes());
            bytes.push(*w as u8);
        }
        WordTable::parse(&bytes).expect("parses")
    }

    /// The shipped table's entries and weights, read directly from the file.
    fn shipped_entries() -> Vec<(String, i32)> {
        let mut rest = &TABLE[13..];
        let mut out = Vec::new();
        while let Some((&len, after)) = rest.split_first() {
            let len = usize::from(len);
            let text = std::str::from_utf8(&after[..len])
                .expect("UTF-8")
                .to_string();
            out.push((text, i32::from(after[len] as i8)));
            rest = &after[len + 1..];
        }
        out
    }

    #[test]
    fn every_entry_of_the_shipped_table_is_found_with_its_weight() {
        let t = WordTable::parse(TABLE).expect("data/line-word-grams.bin parses");
        let entries = shipped_entries();
        assert!(entries.len() > 10_000, "{} entries", entries.len());
        for (text, w) in &entries {
            let h = entry_hash(text).expect("a token or a pair");
            assert_eq!(t.cuckoo.weight(h), *w, "{text:?}");
        }
    }

    #[test]
    fn every_entry_of_the_shipped_table_is_found_when_scanned_in_a_line() {
        // A line holding just the entry, in upper case where that round-trips: its score is
        // the sum of its tokens' and pair's weights over the root of its tokens, so the line
        // scan finds the entry as the file's reader placed it (ASCII and not, every length).
        let t = word_table();
        let entries = shipped_entries();
        let lookup: std::collections::HashMap<&str, i32> =
            entries.iter().map(|(e, w)| (e.as_str(), *w)).collect();
        let w = |e: &str| lookup.get(e).copied().unwrap_or(0);
        for (text, _) in &entries {
            let upper = text.to_uppercase();
            let line = if upper.to_lowercase() == *text {
                upper
            } else {
                text.clone()
            };
            let toks = tokens(&line);
            let mut sum: i32 = toks.iter().map(|k| w(k)).sum();
            if let [a, b] = toks.as_slice() {
                sum += w(&format!("{a} {b}"));
            }
            let want = (f64::from(sum) * f64::from(t.scale) / (toks.len() as f64).sqrt()) as f32;
            assert_eq!(t.score(&line).score, want, "{line:?}");
        }
    }

    #[test]
    fn tokens_the_shipped_table_lacks_weigh_nothing() {
        let t = word_table();
        let known: std::collections::HashSet<String> =
            shipped_entries().into_iter().map(|(e, _)| e).collect();
        let mut absent = 0;
        for a in 0..2000u32 {
            for text in [format!("zq{a}x"), format!("w{a}v k{a}")] {
                assert!(!known.contains(&text));
                absent += 1;
                assert_eq!(
                    t.cuckoo.weight(entry_hash(&text).expect("hashes")),
                    0,
                    "{text:?}"
                );
            }
        }
        assert_eq!(absent, 4000);
    }

    #[test]
    fn lines_are_split_into_tokens_as_the_training_script_splits_them() {
        // (line, its tokens as word_grams.py's `tokens` gives them)
        let cases: &[(&str, &[&str])] = &[
            ("Read more »", &["read", "more", "»"]),
            ("55 Comments", &["55", "comments"]),
            ("© 2024 Acme, Inc.", &["©", "2024", "acme", ",", "inc", "."]),
            ("“Quoted”—dash…", &["“", "quoted", "”", "—", "dash", "…"]),
            ("snake_case x\u{b}y", &["snake_case", "x", "y"]),
            ("ΣΟΦΙΑ Straße", &["σοφια", "straße"]),
            ("İstanbul", &["i\u{307}stanbul"]),
            ("コメントを残す。", &["コメントを残す", "。"]),
            ("Подписаться!", &["подписаться", "!"]),
            ("👍 12", &["👍", "12"]),
            ("a\u{a0}b\u{3000}c", &["a", "b", "c"]),
            ("café\u{301}", &["café\u{301}"]),
            ("", &[]),
        ];
        for (line, want) in cases {
            assert_eq!(tokens(line), *want, "{line:?}");
        }
    }

    #[test]
    fn a_line_scores_its_tokens_and_pairs_over_the_square_root_of_its_tokens() {
        let t = table_of(
            &[("read", 2), ("read more", 5), ("»", -1), ("more", 0)],
            0.5,
        );
        // Tokens read, more, »: 2 + 0 - 1 and the pairs 5 + 0, over √3.
        let want = (6.0 * 0.5 / 3f64.sqrt()) as f32;
        assert_eq!(t.score_of("Read MORE »"), want);
        assert_eq!(t.score_of("READ   more\t»"), want);
        // The pair counts only for adjacent tokens.
        assert_eq!(t.score_of("read , more"), (2.0 * 0.5 / 3f64.sqrt()) as f32);
        assert_eq!(t.score_of(""), 0.0);
        // Known: read, », more (weight 0 is as unknown); tokens 4.
        let s = t.score("read more » zz");
        assert_eq!((s.tokens, s.known), (4, 2));
        assert_eq!(t.score_of("   "), 0.0);
    }

    #[test]
    fn every_character_class_is_as_listed() {
        for c in (0..=0x11_0000u32).filter_map(char::from_u32) {
            let code = u32::from(c);
            let want = if c.is_whitespace() {
                Class::Space
            } else if c.is_ascii() {
                if c.is_ascii_alphanumeric() || c == '_' {
                    Class::Word
                } else {
                    Class::Split
                }
            } else if SPLIT_RANGES.iter().any(|&(a, b)| a <= code && code <= b) {
                Class::Split
            } else {
                Class::Word
            };
            assert_eq!(class(c), want, "U+{code:04X}");
        }
    }

    #[test]
    fn eight_ascii_bytes_are_lower_cased_as_one_by_one() {
        for b in 0..0x80u8 {
            for k in 0..8 {
                let mut eight = *b"aZ0 _~@[";
                eight[k] = b;
                let want = eight.map(|x| x.to_ascii_lowercase());
                assert_eq!(
                    lower8(u64::from_le_bytes(eight)),
                    u64::from_le_bytes(want),
                    "{b:#x} at {k}"
                );
            }
        }
    }

    #[test]
    fn an_ascii_token_hashes_as_its_bytes_one_by_one() {
        let text = "TheQuickBrownFox_jumps0verTheLazyDog42AndKeepsRunningFarAway";
        for len in 0..text.len() {
            let token = &text[..len];
            let mut h = TokenHasher::new();
            token.chars().for_each(|c| h.lower(c));
            assert_eq!(
                ascii_running_hash(token.as_bytes()),
                h.finish(),
                "{token:?}"
            );
            assert_eq!(h.finish(), running_hash(&token.to_lowercase()), "{token:?}");
        }
    }

    #[test]
    fn bad_tables_are_refused() {
        let good = b"STWG\x01\x01\x00\x00\x00\x00\x00\x80\x3f\x01a\x05";
        assert!(WordTable::parse(good).is_some());
        assert!(WordTable::parse(&good[..good.len() - 1]).is_none());
        assert!(WordTable::parse(b"STEG\x01\x00\x00\x00\x00\x00\x00\x80\x3f").is_none());
        assert!(WordTable::parse(b"STWG\x02\x00\x00\x00\x00\x00\x00\x80\x3f").is_none());
        for bad in [" a", "a ", "a b c", "a  b", ""] {
            assert!(entry_hash(bad).is_none(), "{bad:?}");
        }
    }
}
