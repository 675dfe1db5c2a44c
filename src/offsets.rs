//! Offsets in the three units the report speaks: UTF-8 bytes (Rust), Unicode scalar values
//! (Python) and UTF-16 code units (JavaScript).
//!
//! The pipeline works in byte ranges only. This module is the one place that knows all three
//! units: it converts every byte offset the report needs in a single pass over the text.

/// One position in the text, in the three units side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// UTF-8 byte offset.
    pub byte: usize,
    /// Unicode scalar value offset.
    pub char: usize,
    /// UTF-16 code unit offset.
    pub utf16: usize,
}

/// Converts byte offsets on char boundaries of `text` into [`Position`]s.
///
/// The given offsets are visited in one walk over the text (sorted first unless given in
/// order, as the report's line ranges are); any other offset is counted from the nearest
/// given one before it. The cost is `O(text)` for offsets given in order, plus, for each
/// other offset asked for, the bytes from the given offset before it.
pub struct Converter<'a> {
    text: &'a [u8],
    /// The positions of the given offsets, sorted by byte offset (binary-searched: a hash map
    /// of millions of entries costs more, and more than in proportion, in cache misses).
    positions: Vec<Position>,
}

impl<'a> Converter<'a> {
    /// Prepares the conversion of byte offsets of `text`, given `offsets` (byte offsets on
    /// char boundaries) to start from.
    pub fn new(text: &'a str, offsets: impl IntoIterator<Item = usize>) -> Self {
        let mut wanted: Vec<usize> = offsets.into_iter().collect();
        if !wanted.windows(2).all(|w| w[0] <= w[1]) {
            crate::sort::sort(&mut wanted);
        }
        wanted.dedup();
        let bytes = text.as_bytes();
        let mut positions = Vec::with_capacity(wanted.len());
        let mut pos = Position::default();
        for &byte in &wanted {
            pos = advance(bytes, pos, byte);
            positions.push(pos);
        }
        Converter {
            text: bytes,
            positions,
        }
    }

    /// [`Converter::position`] for offsets asked mostly in ascending order: `cursor` (0 at
    /// first) keeps the index of the converted offset the last one was counted from, so the
    /// next is found by a few steps forward, not by a binary search; an offset before it is
    /// found by the binary search. The same position either way.
    pub fn position_from(&self, byte: usize, cursor: &mut usize) -> Position {
        let mut i = *cursor;
        if self.positions.get(i).is_some_and(|p| p.byte > byte) {
            return self.position(byte);
        }
        while self.positions.get(i + 1).is_some_and(|p| p.byte <= byte) {
            i += 1;
        }
        *cursor = i;
        let from = self
            .positions
            .get(i)
            .copied()
            .filter(|p| p.byte <= byte)
            .unwrap_or_default();
        advance(self.text, from, byte)
    }

    /// The position of a byte offset on a char boundary of the text.
    pub fn position(&self, byte: usize) -> Position {
        let i = self.positions.partition_point(|p| p.byte <= byte);
        let from = i
            .checked_sub(1)
            .and_then(|i| self.positions.get(i).copied())
            .unwrap_or_default();
        advance(self.text, from, byte)
    }
}

/// The position of `byte`, counted from the earlier position `from`: the characters that
/// start in between are counted by their first bytes (every byte but the continuation bytes
/// 0x80–0xBF); those of four bytes (first byte ≥ 0xF0) are two UTF-16 units.
fn advance(bytes: &[u8], from: Position, byte: usize) -> Position {
    let mut pos = from;
    let end = byte.min(bytes.len());
    if let Some(span) = bytes.get(from.byte..end) {
        // Most spans (a line, a word) are ASCII: one character per byte.
        let (chars, astral) = if span.is_ascii() {
            (span.len(), 0)
        } else {
            (
                span.iter().filter(|&&b| (b as i8) >= -0x40).count(),
                span.iter().filter(|&&b| b >= 0xF0).count(),
            )
        };
        pos.char += chars;
        pos.utf16 += chars + astral;
    }
    pos.byte = byte;
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_in_all_three_units() {
        // a (1 byte), é (2 bytes), 𝄞 (4 bytes, 2 UTF-16 units), 中 (3 bytes)
        let text = "aé𝄞中";
        let conv = Converter::new(text, [0, 1, 3, 7, 10]);
        let table = [(0, 0, 0), (1, 1, 1), (3, 2, 2), (7, 3, 4), (10, 4, 5)];
        for (byte, char, utf16) in table {
            assert_eq!(
                conv.position(byte),
                Position { byte, char, utf16 },
                "byte {byte}"
            );
        }
    }

    /// The position of byte `b`, counted the slow way: by walking the text before it.
    fn walked(text: &str, b: usize) -> Position {
        let head = &text[..b];
        Position {
            byte: b,
            char: head.chars().count(),
            utf16: head.encode_utf16().count(),
        }
    }

    #[test]
    fn byte_counts_match_a_char_walk() {
        let text = "aé𝄞中 x\u{200b}y😀\nÑ—z";
        let all: Vec<usize> = (0..=text.len())
            .filter(|&b| text.is_char_boundary(b))
            .collect();
        let conv = Converter::new(text, all.iter().rev().copied());
        for &b in &all {
            assert_eq!(conv.position(b), walked(text, b), "byte {b}");
        }
    }

    #[test]
    fn positions_from_a_cursor_are_the_positions() {
        let text = "aé𝄞中 x\u{200b}y😀\nÑ—z and more";
        let all: Vec<usize> = (0..=text.len())
            .filter(|&b| text.is_char_boundary(b))
            .collect();
        let mut rng = crate::testing::XorShift(0x0dd_ba11_cafe);
        for round in 0..200 {
            let given: Vec<usize> = all.iter().copied().filter(|_| rng.below(3) == 0).collect();
            let conv = Converter::new(text, given);
            // Ascending queries (as the report asks), then random ones, each with a cursor.
            let mut queries: Vec<usize> = (0..20).map(|_| all[rng.below(all.len())]).collect();
            if round % 2 == 0 {
                queries.sort_unstable();
            }
            let mut cursor = 0;
            for b in queries {
                assert_eq!(
                    conv.position_from(b, &mut cursor),
                    walked(text, b),
                    "byte {b}"
                );
            }
        }
    }

    #[test]
    fn offsets_not_given_are_counted_from_the_one_before() {
        let text = "aé𝄞中 x\u{200b}y😀\nÑ—z";
        for given in [vec![], vec![3], vec![0, 7, 20]] {
            let conv = Converter::new(text, given);
            for b in (0..=text.len()).filter(|&b| text.is_char_boundary(b)) {
                assert_eq!(conv.position(b), walked(text, b), "byte {b}");
            }
        }
    }

    #[test]
    fn order_of_offsets_does_not_matter() {
        let text = "x😀y😀z";
        let a = Converter::new(text, [10, 0, 5]);
        assert_eq!(
            a.position(5),
            Position {
                byte: 5,
                char: 2,
                utf16: 3
            }
        );
        assert_eq!(
            a.position(10),
            Position {
                byte: 10,
                char: 4,
                utf16: 6
            }
        );
    }
}
