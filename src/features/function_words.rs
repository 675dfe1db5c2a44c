//! The page's function words as a set of their hashes, looked up without a branch.

/// A few distinct 64-bit hashes (the page's function words), looked up without a branch: one
/// slot per byte `(h >> shift) & 255`, with a `shift` at which no two of them share a slot, so a
/// hash is in the set exactly when its slot holds it. An empty slot holds a value whose own
/// slot is another (no hash can equal it there). `None` when no shift separates them (24
/// hashes in 256 slots: about two chances in three at each of the 57 shifts to fail): then
/// the hashes are compared one by one.
pub(super) enum HashTable {
    /// The shift and the 256 slots.
    Slots(u32, Box<[u64; 256]>),
    /// The hashes, when no shift separates them.
    List(Vec<u64>),
}

impl HashTable {
    pub(super) fn new(hashes: &[u64]) -> HashTable {
        let slot = |h: u64, shift: u32| ((h >> shift) & 255) as usize;
        let table = (0..=56u32).find_map(|shift| {
            let mut taken = [false; 256];
            for &h in hashes {
                let t = taken.get_mut(slot(h, shift))?;
                if *t {
                    return None;
                }
                *t = true;
            }
            let mut slots = Box::new([0u64; 256]);
            for (i, v) in slots.iter_mut().enumerate() {
                *v = ((i ^ 1) as u64) << shift;
            }
            for &h in hashes {
                if let Some(v) = slots.get_mut(slot(h, shift)) {
                    *v = h;
                }
            }
            Some((shift, slots))
        });
        match table {
            Some((shift, slots)) => HashTable::Slots(shift, slots),
            None => HashTable::List(hashes.to_vec()),
        }
    }

    /// How many of `hs` are in the set.
    pub(super) fn count(&self, hs: &[u64]) -> usize {
        match self {
            HashTable::Slots(shift, slots) => hs
                .iter()
                .map(|&h| usize::from(slots[((h >> shift) & 255) as usize] == h))
                .sum(),
            HashTable::List(hashes) => hs.iter().filter(|h| hashes.contains(h)).count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_table_counts_as_a_hash_set_does() {
        let mut rng = crate::testing::XorShift(17);
        for round in 0..2000 {
            let size = round % 30;
            // Some sets share their low bits (they need a higher shift), some are random.
            let common = if round % 3 == 0 {
                rng.next_u64() & 0xFFFF
            } else {
                0
            };
            let mask = if round % 3 == 0 { !0xFFFFu64 } else { !0 };
            let mut set: Vec<u64> = Vec::new();
            while set.len() < size {
                let h = (rng.next_u64() & mask) | common;
                if !set.contains(&h) {
                    set.push(h);
                }
            }
            let table = HashTable::new(&set);
            let hash_set: crate::lexicon::FastSet<u64> = set.iter().copied().collect();
            let mut queries: Vec<u64> = (0..50).map(|_| (rng.next_u64() & mask) | common).collect();
            queries.extend(&set);
            // Values that sit in empty slots, and zero.
            queries.extend((0..64).map(|s| 1u64 << s));
            queries.push(0);
            for q in queries.chunks(7) {
                let want = q.iter().filter(|h| hash_set.contains(h)).count();
                assert_eq!(table.count(q), want, "set {set:?} queries {q:?}");
            }
        }
        // Hashes no shift separates fall back to the comparison.
        let table = HashTable::new(&[0, 1 << 63, 0x8000_0000_0000_0001]);
        assert!(matches!(table, HashTable::List(_)));
        assert_eq!(table.count(&[0, 1 << 63, 1, 0x8000_0000_0000_0001]), 3);
    }
}
