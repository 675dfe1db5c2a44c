//! The word-edge score of a line: how much the beginnings and endings of its words look like
//! those of noise lines rather than content lines, learned from the benchmark's labelled lines
//! (`tools/quality/edge_grams.py` writes the table, `data/line-edge-grams.bin`).
//!
//! Every whitespace-separated word, lower-cased and padded with a space on each side, gives
//! its first and last 2, 3 and 4 characters: `" ©"`, `"ts "`, `" our"`, `". "`, `"; "`, `" {"`
//! (a copyright sign, a plural, a possessive, a sentence ending inside the line, code). The
//! table holds a weight for 5,000 of them; a line's score is the sum of its edges' weights
//! divided by the square root of its number of edges (0 for a line without words). Edges the
//! table does not hold weigh nothing, so text in a language the table has not seen scores near
//! 0 and the line model decides it from its other inputs, which it was trained to do.

use std::sync::OnceLock;

use super::cuckoo::{fold_hash, table_entries, Cuckoo};

/// The shipped table.
const TABLE: &[u8] = include_bytes!("../../data/line-edge-grams.bin");

/// A table of edge weights. Every edge is in a cuckoo table, looked up by a hash of its
/// characters, so that a lookup reads two slots without a branch (an edge sits in one of its
/// two slots); the beginnings and endings of one or two ASCII characters (most of an English
/// page's edges) are also in two small arrays, indexed by their characters.
#[derive(Debug)]
pub(crate) struct EdgeTable {
    /// Every edge's weight (i8, in units of `scale`).
    cuckoo: Cuckoo<SLOTS>,
    /// The weights of the ASCII edges `" a"` (at `a`) and `"a "` (at `128 + a`).
    ones: Box<[i8; 256]>,
    /// The weights of the ASCII edges `" ab"` (at `a << 7 | b`) and `"ba "` (at
    /// `1 << 14 | a << 7 | b`): the character next to the space first.
    twos: Box<[i8; 1 << 15]>,
    /// The weight of one unit.
    scale: f32,
}

/// The cuckoo table's slots (64 KB; the shipped table fills a third).
const SLOTS: usize = 1 << 14;

/// The shipped table (an empty one, scoring every line 0, if the file does not parse; a test
/// checks that it does).
pub(crate) fn edge_table() -> &'static EdgeTable {
    static SHIPPED: OnceLock<EdgeTable> = OnceLock::new();
    SHIPPED.get_or_init(|| EdgeTable::parse(TABLE).unwrap_or_else(EdgeTable::empty))
}

/// Where an edge stands in its padded word: at its start (`" ab"`), at its end (`"ba "`), or
/// all of it (`" ab "`, for words of one or two characters).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Start = 0,
    End = 1,
    Whole = 2,
}

/// A number per side and count of characters, so that edges of the same characters on
/// different sides or of different lengths (`" a"`, `"a "`, `" a\0"`) hash apart.
const SEEDS: [[u64; 3]; 3] = [
    [
        0x9d3c_5a6e_1f27_b481,
        0x51e8_0cf3_a972_d60b,
        0xc46b_97d2_3e80_5af5,
    ],
    [
        0x2f71_e4b8_6c0d_935f,
        0xe0a5_3b19_d7f6_4c23,
        0x7b92_c60e_85a1_f3d7,
    ],
    [
        0x36d8_f125_4b7e_a09b,
        0xa84f_7d63_0e95_c2e9,
        // (No edge is a whole word of three characters: its padded form has five.)
        0x0000_0000_0000_0000,
    ],
];

/// An edge's characters (their code points) from the padding space outward (`" abc"` as
/// `a, b, c`; `"cba "` as `a, b, c`), up to three, 21 bits each.
fn packed(codes: impl IntoIterator<Item = u64>) -> u64 {
    codes
        .into_iter()
        .take(3)
        .enumerate()
        .fold(0, |p, (m, c)| p | c << (21 * m))
}

/// Where the ASCII edge of the character `a` on `side` (start or end) sits in
/// [`EdgeTable::ones`].
fn one_index(side: Side, a: usize) -> usize {
    (side as usize) << 7 | a & 0x7f
}

/// Where the ASCII edge of the characters `a` (next to the space) and `b` on `side` (start or
/// end) sits in [`EdgeTable::twos`].
fn two_index(side: Side, a: usize, b: usize) -> usize {
    ((side as usize) << 14 | (a & 0x7f) << 7 | b & 0x7f) & 0x7fff
}

/// The hash of an edge of `n` (1 to 3) characters packed as by [`packed`].
fn edge_hash(side: Side, n: usize, packed: u64) -> u64 {
    // Row `n - 1` for `n` of 1 to 3, without a subtraction that could underflow.
    fold_hash(packed ^ SEEDS[side as usize][(n + 2) % 3])
}

/// The side and characters (from the padding space outward) of an edge as the table file
/// writes it: `None` for anything an edge cannot be (no padding space, more than three
/// characters beside it).
fn parse_edge(edge: &str) -> Option<(Side, Vec<char>)> {
    let chars: Vec<char> = edge.chars().collect();
    let (side, inner) = match chars.as_slice() {
        [' ', inner @ .., ' '] if !inner.is_empty() => (Side::Whole, inner.to_vec()),
        [' ', inner @ ..] => (Side::Start, inner.to_vec()),
        [inner @ .., ' '] => (Side::End, inner.iter().rev().copied().collect()),
        _ => return None,
    };
    let fits = match side {
        Side::Whole => inner.len() <= 2,
        _ => (1..=3).contains(&inner.len()),
    };
    fits.then_some((side, inner))
}

impl EdgeTable {
    fn empty() -> Self {
        EdgeTable {
            cuckoo: Cuckoo::new(),
            ones: Box::new([0; 256]),
            twos: Box::new([0; 1 << 15]),
            scale: 0.0,
        }
    }

    /// Reads `"STEG"`, version 1, the number of edges (u32), the scale (f32), then per edge its
    /// UTF-8 length (u8), its characters and its weight (i8). `None` for anything else, for
    /// more edges than the table holds, or for a string that is no edge.
    fn parse(bytes: &[u8]) -> Option<Self> {
        let (scale, entries) = table_entries(bytes, b"STEG", Cuckoo::<SLOTS>::CAPACITY)?;
        let mut table = EdgeTable::empty();
        table.scale = scale;
        for (edge, weight) in entries {
            let (side, inner) = parse_edge(edge)?;
            let codes = inner.iter().map(|&c| u64::from(c));
            if !table
                .cuckoo
                .insert(edge_hash(side, inner.len(), packed(codes)), weight)
            {
                return None;
            }
            // The later weight wins, as in the cuckoo table.
            let ascii: Option<Vec<usize>> = inner
                .iter()
                .map(|&c| c.is_ascii().then_some(c as usize))
                .collect();
            if let (Side::Start | Side::End, Some(cs)) = (side, ascii) {
                match *cs.as_slice() {
                    [a] => table.ones[one_index(side, a)] = weight as i8,
                    [a, b] => table.twos[two_index(side, a, b)] = weight as i8,
                    _ => {}
                }
            }
        }
        Some(table)
    }

    /// The weight (in units of `scale`) of the edge with this hash, 0 if the table lacks it.
    fn weight(&self, hash: u64) -> i32 {
        self.cuckoo.weight(hash)
    }

    /// The line's edge score (see the module's documentation).
    pub(crate) fn score(&self, line: &str) -> f32 {
        // Wide sums: a line of millions of words must neither overflow nor panic.
        let (mut sum, mut edges) = (0i64, 0u64);
        let mut add = |(s, n): (i32, u32)| {
            sum += i64::from(s);
            edges += u64::from(n);
        };
        // Words found byte by byte, between white space (ASCII or not), noting whether each
        // is all ASCII.
        let bytes = line.as_bytes();
        let (mut start, mut i, mut ascii) = (0, 0, true);
        let mut word = |start: usize, end: usize, ascii: bool| {
            if end > start {
                let edges = if ascii {
                    bytes.get(start..end).map(|b| self.ascii_word(b))
                } else {
                    line.get(start..end).map(|w| self.word(w))
                };
                add(edges.unwrap_or((0, 0)));
            }
        };
        while i < bytes.len() {
            // Eight bytes at a time while none of them can end a word or leave ASCII.
            if let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
                match first_stop(u64::from_le_bytes(*chunk)) {
                    None => {
                        i += 8;
                        continue;
                    }
                    Some(k) => i += k,
                }
            }
            let Some(&b) = bytes.get(i) else { break };
            let space = if b < 0x80 {
                usize::from(ascii_splits(b))
            } else {
                space_len(bytes.get(i..).unwrap_or(&[]))
            };
            if space > 0 {
                word(start, i, ascii);
                i += space;
                (start, ascii) = (i, true);
            } else {
                ascii &= b < 0x80;
                i += 1;
            }
        }
        word(start, bytes.len(), ascii);
        if edges == 0 {
            0.0
        } else {
            (sum as f64 * f64::from(self.scale) / (edges as f64).sqrt()) as f32
        }
    }

    /// The summed weights and the number of the edges of one ASCII word (not empty): its
    /// edges of one or two characters from the arrays, the others from the cuckoo table.
    fn ascii_word(&self, b: &[u8]) -> (i32, u32) {
        let low = |b: u8| usize::from(b.to_ascii_lowercase() & 0x7f);
        let one = |side: Side, a: usize| i32::from(self.ones[one_index(side, a)]);
        let two = |side: Side, a: usize, b: usize| i32::from(self.twos[two_index(side, a, b)]);
        let hashed = |side: Side, cs: &[usize]| {
            let p = packed(cs.iter().map(|&c| c as u64));
            self.weight(edge_hash(side, cs.len(), p))
        };
        match *b {
            [.., z2, z1, z0] => {
                // Only its first and last three bytes matter: read them in place.
                let [a0, a1, a2] = [b[0], b[1], b[2]].map(low);
                let [z0, z1, z2] = [z0, z1, z2].map(low);
                let sum = one(Side::Start, a0)
                    + one(Side::End, z0)
                    + two(Side::Start, a0, a1)
                    + two(Side::End, z0, z1)
                    + hashed(Side::Start, &[a0, a1, a2])
                    + hashed(Side::End, &[z0, z1, z2]);
                (sum, 6)
            }
            [a, x] => {
                let (a, x) = (low(a), low(x));
                let sum = one(Side::Start, a)
                    + one(Side::End, x)
                    + two(Side::Start, a, x)
                    + two(Side::End, x, a)
                    + hashed(Side::Whole, &[a, x]);
                (sum, 5)
            }
            [a] => {
                let a = low(a);
                (
                    one(Side::Start, a) + one(Side::End, a) + hashed(Side::Whole, &[a]),
                    3,
                )
            }
            [] => (0, 0),
        }
    }

    /// The summed weights and the number of the edges of one word with a character beyond
    /// ASCII.
    fn word(&self, word: &str) -> (i32, u32) {
        // Lower case may change the number of characters: take it as it comes.
        let (mut first, mut last, mut k) = (['\0'; 3], ['\0'; 3], 0usize);
        let push = |c: char| {
            if let Some(f) = first.get_mut(k) {
                *f = c;
            }
            last = [c, last[0], last[1]];
            k += 1;
        };
        if word.contains('Σ') {
            // A final capital sigma becomes ς, as in Python's `lower()`: only the whole
            // word's lower case knows where it stands.
            word.to_lowercase().chars().for_each(push);
        } else {
            word.chars().flat_map(char::to_lowercase).for_each(push);
        }
        self.edges_of(first, last, k)
    }

    /// The summed weights and the number of the edges of a word of `k` lower-case characters
    /// whose first three are `first` and whose last three, from the last, are `last`.
    fn edges_of(&self, first: [char; 3], last: [char; 3], k: usize) -> (i32, u32) {
        // Beginnings and endings of 1, 2, 3 characters beside the padding space, each packed
        // from the shorter one.
        let (mut head, mut tail, mut sum) = (0u64, 0u64, 0);
        for m in 0..k.min(3) {
            head |= u64::from(first[m]) << (21 * m);
            tail |= u64::from(last[m]) << (21 * m);
            sum += self.weight(edge_hash(Side::Start, m + 1, head))
                + self.weight(edge_hash(Side::End, m + 1, tail));
        }
        match k {
            0 => (0, 0),
            3.. => (sum, 6),
            // A word of one or two characters: its padded form is itself an edge, beginning
            // and ending at once.
            _ => (
                sum + self.weight(edge_hash(Side::Whole, k, head)),
                2 * k as u32 + 1,
            ),
        }
    }
}

/// The index of the first of eight bytes (read little-endian) that may split words or is not
/// ASCII: a byte below `'!'` or from `0x80` on; `None` if there is none. (Subtracting `0x21`
/// from every byte borrows across bytes only out of a byte below `0x21`, itself flagged, so the
/// lowest flag is exact; a flag above it may not be, and is not read.)
fn first_stop(eight: u64) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let below = eight.wrapping_sub(ONES * 0x21) & !eight;
    let flags = (below | eight) & HIGH;
    (flags != 0).then(|| flags.trailing_zeros() as usize / 8)
}

/// The length in bytes of the white space character `bytes` starts with, if it starts with one
/// beyond ASCII (0 otherwise). These are all the characters beyond ASCII with the Unicode
/// property White_Space, where Python's `str.split()` splits words too (a test checks them
/// against `char::is_whitespace`).
fn space_len(bytes: &[u8]) -> usize {
    match bytes {
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// Whether an ASCII byte splits words: white space and the four information separators, as
/// Python's `str.split()` splits them (the training script splits words so).
fn ascii_splits(b: u8) -> bool {
    /// Bit b set for the bytes that split words: tab to carriage return, the information
    /// separators and the space.
    const SPLITS: u64 = 0b1_1111_0000_0000_0000_0011_1110_0000_0000;
    b < 64 && (SPLITS >> b) & 1 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where white space splits words, as Python's `str.split()` splits them (the training
    /// script splits them so): Unicode white space and the four ASCII information separators.
    fn splits_words(c: char) -> bool {
        c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
    }

    /// The edges of a line, as `tools/quality/edge_grams.py`'s `edges` lists them.
    fn edges(line: &str) -> Vec<String> {
        let mut out = Vec::new();
        for w in line
            .to_lowercase()
            .split(splits_words)
            .filter(|w| !w.is_empty())
        {
            let p: Vec<char> = format!(" {w} ").chars().collect();
            for n in 2..=4 {
                if n > p.len() {
                    break;
                }
                out.push(p[..n].iter().collect());
                if n < p.len() {
                    out.push(p[p.len() - n..].iter().collect());
                }
            }
        }
        out
    }

    /// The hash of an edge as the table file writes it, if it is one.
    fn hash_of(edge: &str) -> Option<u64> {
        let (side, inner) = parse_edge(edge)?;
        let codes = inner.iter().map(|&c| u64::from(c));
        Some(edge_hash(side, inner.len(), packed(codes)))
    }

    impl EdgeTable {
        /// The weight of an edge written as the table file writes it, from the cuckoo table.
        fn weight_of(&self, edge: &str) -> i32 {
            hash_of(edge).map_or(0, |h| self.weight(h))
        }
    }

    /// A table giving each of these edges its weight.
    fn table_of(entries: &[(&str, i8)], scale: f32) -> EdgeTable {
        let mut bytes = b"STEG\x01".to_vec();
        bytes.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&scale.to_le_bytes());
        for (edge, w) in entries {
            bytes.push(edge.len() as u8);
            bytes.extend_from_slice(edge.as_bytes());
            bytes.push(*w as u8);
        }
        EdgeTable::parse(&bytes).expect("parses")
    }

    #[test]
    fn the_shipped_table_parses_and_is_not_empty() {
        let t = EdgeTable::parse(TABLE).expect("data/line-edge-grams.bin parses");
        assert!(t.cuckoo.filled() > 1000);
        assert!(EdgeTable::parse(TABLE).is_some());
        assert!(t.scale > 0.0);
    }

    /// The shipped table file's edges and weights, read as plainly as the format says.
    fn shipped_entries() -> Vec<(String, i32)> {
        let mut out = Vec::new();
        let mut rest = &TABLE[13..];
        while let Some((&len, after)) = rest.split_first() {
            let edge = std::str::from_utf8(&after[..usize::from(len)]).expect("UTF-8");
            out.push((edge.to_string(), i32::from(after[usize::from(len)] as i8)));
            rest = &after[usize::from(len) + 1..];
        }
        out
    }

    #[test]
    fn every_edge_of_the_shipped_table_is_found_with_its_weight() {
        let t = EdgeTable::parse(TABLE).expect("parses");
        let mut lost = Vec::new();
        for (edge, weight) in shipped_entries() {
            if t.weight_of(&edge) != weight {
                lost.push((edge.clone(), weight, t.weight_of(&edge)));
            }
        }
        assert!(
            lost.is_empty(),
            "{} edges lost: {:?}",
            lost.len(),
            &lost[..lost.len().min(10)]
        );
    }

    #[test]
    fn edges_the_shipped_table_lacks_weigh_nothing() {
        // Every edge of the fixtures' words and of short letter runs: the table's weight if it
        // holds the edge, else 0.
        let held: std::collections::HashMap<String, i32> = shipped_entries().into_iter().collect();
        let t = EdgeTable::parse(TABLE).expect("parses");
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let (mut checked, mut wrong) = (0, Vec::new());
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
            for e in edges(&text) {
                let want = held.get(&e).copied().unwrap_or(0);
                if t.weight_of(&e) != want {
                    wrong.push(e);
                }
                checked += 1;
            }
        }
        // And every beginning and ending of one to three lower-case ASCII letters.
        let letters = || ('a'..='z').map(String::from);
        let pairs: Vec<String> = letters()
            .flat_map(|a| letters().map(move |b| a.clone() + &b))
            .collect();
        let triples: Vec<String> = pairs
            .iter()
            .flat_map(|p| letters().map(move |c| p.clone() + &c))
            .collect();
        for w in letters().chain(pairs.iter().cloned()).chain(triples) {
            for e in [format!(" {w}"), format!("{w} ")] {
                let want = held.get(&e).copied().unwrap_or(0);
                if t.weight_of(&e) != want {
                    wrong.push(e);
                }
                checked += 1;
            }
        }
        assert!(checked > 40_000, "{checked}");
        assert!(
            wrong.is_empty(),
            "{} of {checked} edges: {:?}",
            wrong.len(),
            &wrong[..wrong.len().min(10)]
        );
    }

    #[test]
    fn a_line_scores_the_mean_weight_of_its_edges_over_their_square_root() {
        // Table: (edges of the line, expected score).
        let t = table_of(&[(" ©", 10), ("s ", -4), (" ab", 3), (" ab ", 100)], 0.5);
        let cases: &[(&str, f32)] = &[
            ("", 0.0),
            ("   \t ", 0.0),
            // " ©" and "© " (the padded word " © " has 3 characters: " ©", "© ", " © ").
            ("©", 10.0 * 0.5 / 3f32.sqrt()),
            // "Tabs": " t", "s ", " ta", "bs ", " tab", "abs ": only "s " is held.
            ("Tabs", -4.0 * 0.5 / 6f32.sqrt()),
            // "ab": " a", "b ", " ab", "ab ", " ab " (whole word, once).
            ("AB", (3.0 + 100.0) * 0.5 / 5f32.sqrt()),
            // Both words: 3 + 6 edges.
            ("© tabs", (10.0 - 4.0) * 0.5 / 9f32.sqrt()),
        ];
        for &(line, want) in cases {
            let got = t.score(line);
            assert!((got - want).abs() < 1e-6, "{line:?}: {got} != {want}");
        }
    }

    #[test]
    fn edges_are_counted_as_the_training_script_lists_them() {
        // Every edge of these lines in the table with weight 1: the score times the square
        // root of the number of edges is that number, so the two countings agree.
        let lines = [
            "Hello, World! © 2024",
            "a bb ccc dddd eeeee",
            "İstanbul ÉCOLE straße",
            "日本語のテキスト x",
            "emoji 👍🏽 mixed\u{a0}space\u{1f}sep",
            "مرحبا بالعالم",
        ];
        for line in lines {
            let all = edges(line);
            let mut entries: Vec<&str> = all.iter().map(String::as_str).collect();
            entries.sort_unstable();
            entries.dedup();
            let t = table_of(&entries.iter().map(|&e| (e, 1)).collect::<Vec<_>>(), 1.0);
            let n = all.len() as f32;
            let got = t.score(line) * n.sqrt();
            assert!((got - n).abs() < 1e-3, "{line:?}: {got} != {n}");
        }
    }

    #[test]
    fn every_edge_is_looked_up_as_the_training_script_names_it() {
        // Random lines of ASCII and other words, every edge of them in the table with its own
        // weight: the score must be the sum of exactly the edges `edges` lists.
        let alphabet: Vec<char> = "aB9.,;©{ éÉİΣßー日本\u{a0}\t\u{1f}x-'".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..300 {
            let len = next(40);
            let line: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            let all = edges(&line);
            let mut distinct: Vec<&str> = all.iter().map(String::as_str).collect();
            distinct.sort_unstable();
            distinct.dedup();
            let weight = |e: &str| (distinct.binary_search(&e).unwrap_or(0) % 250) as i8 - 120;
            let t = table_of(
                &distinct.iter().map(|&e| (e, weight(e))).collect::<Vec<_>>(),
                1.0,
            );
            let want: i32 = all.iter().map(|e| i32::from(weight(e))).sum();
            let n = all.len() as f32;
            let got = t.score(&line) * n.max(1.0).sqrt();
            assert!(
                (got - want as f32).abs() < 1e-2,
                "{line:?}: {got} != {want}"
            );
        }
    }

    #[test]
    fn the_eight_byte_scan_stops_at_the_first_byte_that_may_split_or_is_not_ascii() {
        // Every byte value at every position, among bytes that do not stop and bytes that do
        // (after it: its flag must win over theirs, borrows and all).
        for at in 0..8 {
            for b in 0..=255u8 {
                for filler in [b'a', b'~', b'!', b' ', 0x00, 0x20, 0x21, 0x80, 0xff] {
                    let mut eight = [b'x'; 8];
                    eight[at] = b;
                    eight[at + 1..].fill(filler);
                    let want = eight.iter().position(|&c| !(0x21..0x80).contains(&c));
                    assert_eq!(first_stop(u64::from_le_bytes(eight)), want, "{eight:?}");
                }
            }
        }
    }

    #[test]
    fn white_space_is_found_in_utf8_as_splits_words_finds_it() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let want = if splits_words(c) { bytes.len() } else { 0 };
            assert_eq!(space_len(bytes), want, "U+{:04X}", u32::from(c));
        }
        for b in 0..0x80u8 {
            assert_eq!(ascii_splits(b), splits_words(char::from(b)), "{b:#x}");
        }
    }

    #[test]
    fn bad_tables_are_refused() {
        assert!(EdgeTable::parse(b"").is_none());
        assert!(EdgeTable::parse(b"STEG\x02\0\0\0\0\0\0\0\0").is_none());
        assert!(EdgeTable::parse(b"STEG\x01\x01\0\0\0\0\0\x80\x3f").is_none());
        // A trailing byte.
        assert!(EdgeTable::parse(b"STEG\x01\0\0\0\0\0\0\x80\x3f\0").is_none());
        assert!(EdgeTable::parse(b"STEG\x01\0\0\0\0\0\0\x80\x3f").is_some());
        // Strings that are no edge: no padding space, four characters beside it.
        for edge in ["ab", "abcd ", " abcd", " abc "] {
            let mut bytes = b"STEG\x01\x01\0\0\0\0\0\x80\x3f".to_vec();
            bytes.push(edge.len() as u8);
            bytes.extend_from_slice(edge.as_bytes());
            bytes.push(1);
            assert!(EdgeTable::parse(&bytes).is_none(), "{edge:?}");
        }
    }
}
