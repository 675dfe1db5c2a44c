//! A table of small weights (i8) keyed by 64-bit hashes, for the learned scores of the line
//! model's lexical inputs (`edge_grams`, `word_grams`): a cuckoo table, so that a lookup reads
//! two slots without a branch (a key sits in one of its two slots).

/// A cuckoo table of `SLOTS` slots (a power of two: a slot number masked by `SLOTS - 1` needs
/// no bounds check). It holds up to `SLOTS / 2` keys (cuckoo insertion practically never fails
/// below half full).
#[derive(Debug)]
pub(super) struct Cuckoo<const SLOTS: usize> {
    /// Per slot, its key's 24-bit tag (never 0) above its weight (i8); 0 for an empty slot.
    slots: Box<[u32; SLOTS]>,
}

impl<const SLOTS: usize> Cuckoo<SLOTS> {
    /// The most keys a table holds.
    pub(super) const CAPACITY: usize = SLOTS / 2;

    /// An empty table.
    pub(super) fn new() -> Self {
        Cuckoo {
            slots: Box::new([0; SLOTS]),
        }
    }

    /// A key's tag (24 bits, never 0) and its first slot, from disjoint bits of the upper half
    /// of its hash (the hash must mix every bit of the key into those).
    fn tag_and_slot(hash: u64) -> (u32, usize) {
        let tag = ((hash >> 40) as u32) | 1;
        let slot = (hash >> (40 - SLOTS.trailing_zeros())) as usize & (SLOTS - 1);
        (tag, slot)
    }

    /// The other slot of a key with this tag in this slot (either of its two): the slot number
    /// flipped by the tag's low bits (the lowest always set), which the slot's bits do not
    /// decide.
    fn other_slot(slot: usize, tag: u32) -> usize {
        slot ^ (tag as usize & (SLOTS - 1))
    }

    /// Places a key, moving others to their other slot as needed; false if that fails.
    pub(super) fn insert(&mut self, hash: u64, weight: u8) -> bool {
        let (tag, mut slot) = Self::tag_and_slot(hash);
        let mut entry = tag << 8 | u32::from(weight);
        for _ in 0..1000 {
            let other = Self::other_slot(slot, entry >> 8);
            for s in [slot, other] {
                let e = &mut self.slots[s & (SLOTS - 1)];
                // Empty, or the same key again (the later weight wins).
                if *e == 0 || *e >> 8 == entry >> 8 {
                    *e = entry;
                    return true;
                }
            }
            // Both full: take the first slot, move its key to its other slot.
            std::mem::swap(&mut self.slots[slot & (SLOTS - 1)], &mut entry);
            slot = Self::other_slot(slot, entry >> 8);
        }
        false
    }

    /// How many slots hold a key.
    #[cfg(test)]
    pub(super) fn filled(&self) -> usize {
        self.slots.iter().filter(|&&e| e != 0).count()
    }

    /// The weight of the key with this hash, 0 if the table lacks it.
    pub(super) fn weight(&self, hash: u64) -> i32 {
        let (tag, slot) = Self::tag_and_slot(hash);
        let pick = |s: usize| {
            let e = self.slots[s & (SLOTS - 1)];
            // The weight when the tag matches, else 0 (no branch).
            i32::from(e as u8 as i8) & -i32::from(e >> 8 == tag)
        };
        pick(slot) + pick(Self::other_slot(slot, tag))
    }
}

/// The entries of a table file: `magic` (4 bytes), version 1, the number of entries (u32), the
/// scale (f32), then per entry its UTF-8 length (u8), its text and its weight (i8, as a byte).
/// Returns the scale and the entries; `None` for anything else or for more than `most`
/// entries.
pub(super) fn table_entries<'a>(
    bytes: &'a [u8],
    magic: &[u8; 4],
    most: usize,
) -> Option<(f32, Vec<(&'a str, u8)>)> {
    let rest = bytes.strip_prefix(magic)?;
    let (&version, rest) = rest.split_first()?;
    if version != 1 {
        return None;
    }
    let count = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    let scale = f32::from_le_bytes(rest.get(4..8)?.try_into().ok()?);
    if count > most {
        return None;
    }
    let mut rest = rest.get(8..)?;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        let (&len, after) = rest.split_first()?;
        let text = std::str::from_utf8(after.get(..usize::from(len))?).ok()?;
        entries.push((text, *after.get(usize::from(len))?));
        rest = after.get(usize::from(len) + 1..)?;
    }
    rest.is_empty().then_some((scale, entries))
}

/// The two halves of `key`'s product with an odd constant, XORed: a multiply carries a bit of
/// the key only upward; folding the high half back down lets every bit reach every bit the
/// table reads.
pub(super) fn fold_hash(key: u64) -> u64 {
    let product = u128::from(key) * 0x9e37_79b9_7f4a_7c15;
    product as u64 ^ (product >> 64) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_with_their_weight_and_others_weigh_nothing() {
        let mut t = Cuckoo::<{ 1 << 10 }>::new();
        let keys: Vec<u64> = (0..Cuckoo::<{ 1 << 10 }>::CAPACITY as u64)
            .map(fold_hash)
            .collect();
        for (i, &k) in keys.iter().enumerate() {
            assert!(t.insert(k, (i % 251) as u8), "key {i} placed");
        }
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(t.weight(k), i32::from((i % 251) as u8 as i8), "key {i}");
        }
        let absent = (1_000_000..1_100_000u64)
            .map(fold_hash)
            .filter(|h| t.weight(*h) != 0)
            .count();
        assert_eq!(absent, 0, "absent keys found");
    }

    #[test]
    fn the_later_weight_of_a_key_wins() {
        let mut t = Cuckoo::<{ 1 << 4 }>::new();
        let k = fold_hash(7);
        assert!(t.insert(k, 3));
        assert!(t.insert(k, (-5i8) as u8));
        assert_eq!(t.weight(k), -5);
    }
}
