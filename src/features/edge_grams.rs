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

use super::hashes::{fnv, FNV_SEED};
use std::sync::OnceLock;

/// The shipped table.
const TABLE: &[u8] = include_bytes!("../../data/line-edge-grams.bin");

/// A table of edge weights, looked up by the hash of an edge's characters: a cuckoo table,
/// so that a lookup reads two slots without a branch (an edge sits in one of its two slots).
#[derive(Debug)]
pub(crate) struct EdgeTable {
    /// Per slot, its edge's 24-bit tag (never 0) above its weight (i8, in units of `scale`);
    /// 0 for an empty slot.
    slots: Box<[u32; SLOTS]>,
    /// The weight of one unit.
    scale: f32,
}

/// The table's slots: a fixed power of two (64 KB), so that a slot number masked by
/// `SLOTS - 1` needs no bounds check. It holds up to `SLOTS / 2` edges (cuckoo insertion
/// practically never fails below half full; the shipped table fills a third).
const SLOTS: usize = 1 << 14;

/// The shipped table (an empty one, scoring every line 0, if the file does not parse; a test
/// checks that it does).
pub(crate) fn edge_table() -> &'static EdgeTable {
    static SHIPPED: OnceLock<EdgeTable> = OnceLock::new();
    SHIPPED.get_or_init(|| EdgeTable::parse(TABLE).unwrap_or_else(EdgeTable::empty))
}

/// The hash of an edge: FNV-1a over its characters from its padding space on, so over a word's
/// ending backwards (`"ts "` as `' ', 's', 't'`, from another seed than beginnings, which would
/// otherwise hash `"© "` as `" ©"`), which lets a word's three endings be hashed one from the
/// other, as its three beginnings are.
fn edge_hash(edge: &str) -> u64 {
    if edge.ends_with(' ') && !edge.starts_with(' ') {
        edge.chars().rev().fold(ENDING_SEED, fnv)
    } else {
        edge.chars().fold(FNV_SEED, fnv)
    }
}

/// The seed of the hashes of word endings.
const ENDING_SEED: u64 = FNV_SEED ^ 0x5bd1_e995;

impl EdgeTable {
    fn empty() -> Self {
        EdgeTable {
            slots: Box::new([0; SLOTS]),
            scale: 0.0,
        }
    }

    /// Reads `"STEG"`, version 1, the number of edges (u32), the scale (f32), then per edge its
    /// UTF-8 length (u8), its characters and its weight (i8). `None` for anything else, or for
    /// more edges than the table holds.
    fn parse(bytes: &[u8]) -> Option<Self> {
        let rest = bytes.strip_prefix(b"STEG")?;
        let (&version, rest) = rest.split_first()?;
        if version != 1 {
            return None;
        }
        let count = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let scale = f32::from_le_bytes(rest.get(4..8)?.try_into().ok()?);
        if count > SLOTS / 2 {
            return None;
        }
        let mut rest = rest.get(8..)?;
        let mut table = EdgeTable::empty();
        table.scale = scale;
        for _ in 0..count {
            let (&len, after) = rest.split_first()?;
            let edge = std::str::from_utf8(after.get(..usize::from(len))?).ok()?;
            let weight = *after.get(usize::from(len))?;
            rest = after.get(usize::from(len) + 1..)?;
            if !table.insert(edge_hash(edge), weight) {
                return None;
            }
        }
        rest.is_empty().then_some(table)
    }

    /// An edge's tag (24 bits, never 0) and its first slot, from disjoint bits of the upper
    /// half of its hash times an odd constant, where every bit of the hash has reached. (FNV's
    /// own upper bits do not mix a short edge's last characters well: taken as the tag, they
    /// let `" jep"` pass for `" j"`.)
    fn tag_and_slot(&self, hash: u64) -> (u32, usize) {
        let mixed = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let tag = ((mixed >> 40) as u32) | 1;
        let slot = (mixed >> 26) as usize & (SLOTS - 1);
        (tag, slot)
    }

    /// The other slot of an edge with this tag in this slot (either of its two).
    fn other_slot(&self, slot: usize, tag: u32) -> usize {
        slot ^ ((tag as usize).wrapping_mul(0x5bd1_e995) | 1) & (SLOTS - 1)
    }

    /// Places an edge, moving others to their other slot as needed; false if that fails.
    fn insert(&mut self, hash: u64, weight: u8) -> bool {
        let (tag, mut slot) = self.tag_and_slot(hash);
        let mut entry = tag << 8 | u32::from(weight);
        for _ in 0..1000 {
            let other = self.other_slot(slot, entry >> 8);
            for s in [slot, other] {
                let e = &mut self.slots[s & (SLOTS - 1)];
                // Empty, or the same edge again (the later weight wins).
                if *e == 0 || *e >> 8 == entry >> 8 {
                    *e = entry;
                    return true;
                }
            }
            // Both full: take the first slot, move its edge to its other slot.
            std::mem::swap(&mut self.slots[slot & (SLOTS - 1)], &mut entry);
            slot = self.other_slot(slot, entry >> 8);
        }
        false
    }

    /// The weight (in units of `scale`) of the edge with this hash, 0 if the table lacks it.
    fn weight(&self, hash: u64) -> i32 {
        let (tag, slot) = self.tag_and_slot(hash);
        let pick = |s: usize| {
            let e = self.slots[s & (SLOTS - 1)];
            // The weight when the tag matches, else 0 (no branch).
            i32::from(e as u8 as i8) & -i32::from(e >> 8 == tag)
        };
        pick(slot) + pick(self.other_slot(slot, tag))
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
        while let Some(&b) = bytes.get(i) {
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

    /// The summed weights and the number of the edges of one ASCII word (not empty).
    fn ascii_word(&self, b: &[u8]) -> (i32, u32) {
        let low = |b: u8| char::from(b.to_ascii_lowercase());
        match *b {
            [.., z, y, x] => {
                // Only its first and last three bytes matter: read them in place.
                let [a0, a1, a2] = [b[0], b[1], b[2]].map(low);
                self.edges_of([a0, a1, a2], [low(x), low(y), low(z)], b.len())
            }
            [a, x] => self.edges_of([low(a), low(x), ' '], [low(x), low(a), ' '], 2),
            [a] => self.edges_of([low(a), ' ', ' '], [low(a), ' ', ' '], 1),
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
        // Beginnings and endings of 2, 3, 4 characters, each hashed from the shorter one.
        let (mut head, mut tail, mut sum) = (fnv(FNV_SEED, ' '), fnv(ENDING_SEED, ' '), 0);
        for m in 0..k.min(3) {
            head = fnv(head, first[m]);
            tail = fnv(tail, last[m]);
            sum += self.weight(head) + self.weight(tail);
        }
        if k >= 3 {
            return (sum, 6);
        }
        // A word of one or two characters: its padded form (k + 2 characters) is itself an
        // edge, beginning and ending at once.
        (sum + self.weight(fnv(head, ' ')), 2 * k as u32 + 1)
    }
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
        assert!(t.slots.iter().filter(|&&e| e != 0).count() > 1000);
        assert!(EdgeTable::parse(TABLE).is_some());
        assert!(t.scale > 0.0);
    }

    #[test]
    fn every_edge_of_the_shipped_table_is_found_with_its_weight() {
        let t = EdgeTable::parse(TABLE).expect("parses");
        let mut rest = &TABLE[13..];
        let mut lost = Vec::new();
        while let Some((&len, after)) = rest.split_first() {
            let edge = std::str::from_utf8(&after[..usize::from(len)]).expect("UTF-8");
            let weight = i32::from(after[usize::from(len)] as i8);
            if t.weight(edge_hash(edge)) != weight {
                lost.push((edge.to_string(), weight, t.weight(edge_hash(edge))));
            }
            rest = &after[usize::from(len) + 1..];
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
        let mut held = std::collections::HashMap::new();
        let mut rest = &TABLE[13..];
        while let Some((&len, after)) = rest.split_first() {
            let edge = std::str::from_utf8(&after[..usize::from(len)]).expect("UTF-8");
            held.insert(edge.to_string(), i32::from(after[usize::from(len)] as i8));
            rest = &after[usize::from(len) + 1..];
        }
        let t = EdgeTable::parse(TABLE).expect("parses");
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let (mut checked, mut wrong) = (0, Vec::new());
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
            for e in edges(&text) {
                let want = held.get(&e).copied().unwrap_or(0);
                if t.weight(edge_hash(&e)) != want {
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
                if t.weight(edge_hash(&e)) != want {
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
    }
}
