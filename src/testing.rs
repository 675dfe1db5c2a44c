//! Support shared by the unit tests: a small deterministic source of random inputs.
//!
//! The table-driven and fast-path tests compare a fast scanner with a plain one on thousands of
//! generated strings; they need the same strings on every run and on every machine, and no
//! dependency for it (the integration tests use proptest).

/// Marsaglia's xorshift64 generator: deterministic, fast, good enough to pick test inputs.
pub(crate) struct XorShift(pub(crate) u64);

impl XorShift {
    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (`n` > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A string of `len` characters drawn from `alphabet`.
    pub(crate) fn string(&mut self, alphabet: &[char], len: usize) -> String {
        (0..len)
            .map(|_| alphabet[self.below(alphabet.len())])
            .collect()
    }
}
