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

/// Converts a set of byte offsets, all on char boundaries of `text`, into [`Position`]s.
///
/// The offsets are sorted and visited in one walk over the text, so the cost is
/// `O(text + k log k)` for `k` offsets, whatever their order.
pub struct Converter {
    /// The positions of the wanted offsets, sorted by byte offset (binary-searched: a hash map
    /// of millions of entries costs more, and more than in proportion, in cache misses).
    positions: Vec<Position>,
}

impl Converter {
    /// Prepares the conversion of `offsets` (byte offsets on char boundaries of `text`).
    pub fn new(text: &str, offsets: impl IntoIterator<Item = usize>) -> Self {
        let mut wanted: Vec<usize> = offsets.into_iter().collect();
        crate::sort::sort(&mut wanted);
        wanted.dedup();
        let mut positions = Vec::with_capacity(wanted.len());
        let mut pos = Position::default();
        let bytes = text.as_bytes();
        let mut at = 0;
        for &byte in &wanted {
            // The characters that start before `byte` are counted by their first bytes (every
            // byte but the continuation bytes 0x80–0xBF); those of four bytes (first byte
            // ≥ 0xF0) are two UTF-16 units.
            let end = byte.min(bytes.len());
            if end > at {
                let span = &bytes[at..end];
                let chars = span.iter().filter(|&&b| (b as i8) >= -0x40).count();
                let astral = span.iter().filter(|&&b| b >= 0xF0).count();
                pos.char += chars;
                pos.utf16 += chars + astral;
                at = end;
            }
            pos.byte = byte;
            positions.push(pos);
        }
        Converter { positions }
    }

    /// The position of a byte offset given to [`Converter::new`].
    ///
    /// An offset that was not given yields a position holding only the byte offset; the
    /// pipeline never asks for one (a test checks every offset in the report).
    pub fn position(&self, byte: usize) -> Position {
        match self.positions.binary_search_by_key(&byte, |p| p.byte) {
            Ok(i) => self.positions[i],
            Err(_) => Position {
                byte,
                char: byte,
                utf16: byte,
            },
        }
    }
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

    #[test]
    fn byte_counts_match_a_char_walk() {
        let text = "aé𝄞中 x\u{200b}y😀\nÑ—z";
        let all: Vec<usize> = (0..=text.len())
            .filter(|&b| text.is_char_boundary(b))
            .collect();
        let conv = Converter::new(text, all.iter().rev().copied());
        for &b in &all {
            let head = &text[..b];
            let want = Position {
                byte: b,
                char: head.chars().count(),
                utf16: head.encode_utf16().count(),
            };
            assert_eq!(conv.position(b), want, "byte {b}");
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
