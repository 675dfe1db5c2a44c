use hashbrown::HashMap;

use super::TEXT_TRIGRAMS_SIZE;
use super::Trigram;
use crate::core::LowercaseText;
use crate::utils::is_stop_char;

// straytext: upstream's table of positions, kept for the tests (the detection uses
// `ranked_trigrams`).
#[cfg(test)]
pub struct TrigramsWithPositions {
    pub(crate) _total_trigrams: u32,
    pub(crate) trigram_positions: HashMap<Trigram, u32>,
}

#[cfg(test)]
#[inline]
pub fn get_trigrams_with_positions(text: &LowercaseText) -> TrigramsWithPositions {
    let CountResult {
        total_trigrams,
        trigram_occurances,
    } = count(text);
    let trigram_positions = trigram_occurances_to_positions(trigram_occurances);
    TrigramsWithPositions {
        _total_trigrams: total_trigrams,
        trigram_positions,
    }
}

/// straytext: the text's trigrams in the order of their positions (the first
/// `TEXT_TRIGRAMS_SIZE`), without the table of positions `get_trigrams_with_positions` builds:
/// the index of the profiles only walks them (a trigram's position is its index here).
#[inline]
pub fn ranked_trigrams(text: &LowercaseText) -> Vec<Trigram> {
    ranked(count(text).trigram_occurances)
}

/// The trigrams by decreasing `(count, trigram)`, the first `TEXT_TRIGRAMS_SIZE` of them.
#[allow(clippy::unnecessary_sort_by)]
fn ranked(trigram_occurances: HashMap<Trigram, u32>) -> Vec<Trigram> {
    // Sort in descending order by number of occurrences and trigrams
    // straytext: by one u128 key per trigram, `(count, trigram)` packed in that order (a char
    // fits 21 bits), so that each comparison is one integer comparison instead of four; the
    // keys are distinct (so are the trigrams), so the order is the tuples' own. Only the keys
    // are sorted (half the bytes to move): the trigram is read back from its key.
    let key = |count: u32, Trigram(a, b, c): Trigram| {
        u128::from(count) << 64 | u128::from(a) << 42 | u128::from(b) << 21 | u128::from(c)
    };
    let char_at = |key: u128, shift: u32| {
        char::from_u32((key >> shift) as u32 & 0x1F_FFFF).unwrap_or(' ')
    };
    let mut keys: Vec<u128> = trigram_occurances
        .into_iter()
        .map(|(trigram, count)| key(count, trigram))
        .collect();
    keys.sort_unstable_by(|a, b| b.cmp(a));
    keys.truncate(TEXT_TRIGRAMS_SIZE); // we're interested only in the first 600 (2 * MAX_TRIGRAM_DISTANCE)
    keys.into_iter()
        .map(|k| Trigram(char_at(k, 42), char_at(k, 21), char_at(k, 0)))
        .collect()
}

#[cfg(test)]
#[inline]
fn trigram_occurances_to_positions(
    trigram_occurances: HashMap<Trigram, u32>,
) -> HashMap<Trigram, u32> {
    ranked(trigram_occurances)
        .into_iter()
        .enumerate()
        .map(|(i, trigram)| (trigram, i as u32))
        .collect()
}

struct CountResult {
    #[cfg_attr(not(test), allow(dead_code))]
    total_trigrams: u32,
    trigram_occurances: HashMap<Trigram, u32>,
}

#[inline]
fn count(text: &LowercaseText) -> CountResult {
    let hash_capacity = calculate_initial_hash_capacity(text);
    let mut trigram_occurances: HashMap<Trigram, u32> = HashMap::with_capacity(hash_capacity);
    let mut total_trigrams = 0;

    // iterate through the string and count trigrams
    let mut chars_iter = text
        .chars()
        .map(to_trigram_char)
        //.flat_map(char::to_lowercase)
        .chain(Some(' '));
    let mut c1 = ' ';
    // unwrap is safe, because we always chain a space character on the end of the iterator
    let mut c2 = chars_iter.next().unwrap();
    for cur_char in chars_iter {
        let c3 = cur_char;
        if !(c2 == ' ' && (c1 == ' ' || c3 == ' ')) {
            let trigram = Trigram(c1, c2, c3);
            let count = trigram_occurances.entry(trigram).or_insert(0);
            *count += 1;
            total_trigrams += 1;
        }
        c1 = c2;
        c2 = c3;
    }

    CountResult {
        total_trigrams,
        trigram_occurances,
    }
}

// Convert punctuations and digits to a space.
#[inline]
fn to_trigram_char(ch: char) -> char {
    if is_stop_char(ch) { ' ' } else { ch }
}

// In order to improve performance, define the initial capacity for trigrams hash map,
// based on the size of the input text.
#[inline]
fn calculate_initial_hash_capacity(text: &str) -> usize {
    const MAX_INITIAL_HASH_CAPACITY: usize = 2048;

    let len = text.len();
    if len > MAX_INITIAL_HASH_CAPACITY {
        MAX_INITIAL_HASH_CAPACITY
    } else {
        len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// straytext: the positions by packed keys are those of the sort by `(count, trigram)`
    /// tuples, on random counts of random trigrams (ties of counts, characters of every width).
    #[test]
    fn positions_by_packed_keys_are_the_tuples_order() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n.max(1)
        };
        let chars: Vec<char> = "abcdeféжع中\u{10FFFF} ".chars().collect();
        for round in 0..300 {
            let mut occurances = HashMap::new();
            for _ in 0..next(if round % 10 == 0 { 1500 } else { 100 }) {
                let mut c = || chars[next(chars.len() as u64) as usize];
                occurances.insert(Trigram(c(), c(), c()), next(5) as u32 + 1);
            }
            let mut tuples: Vec<_> = occurances.iter().map(|(&t, &n)| (n, t)).collect();
            tuples.sort_unstable_by(|a, b| b.cmp(a));
            let want: HashMap<Trigram, u32> = tuples
                .into_iter()
                .take(TEXT_TRIGRAMS_SIZE)
                .enumerate()
                .map(|(i, (_, t))| (t, i as u32))
                .collect();
            assert_eq!(trigram_occurances_to_positions(occurances), want);
        }
    }

    fn assert_valuable_trigram_chars(chars: &[char]) {
        for &ch in chars.iter() {
            assert_eq!(to_trigram_char(ch), ch);
        }
    }

    fn assert_not_valuable_trigram_chars(chars: &[char]) {
        for &ch in chars.iter() {
            assert_eq!(to_trigram_char(ch), ' ');
        }
    }

    #[test]
    fn test_to_trigram_char() {
        // valuable chars, that matters
        assert_valuable_trigram_chars(&['a', 'z', 'A', 'Z', 'Ж', 'ß']);

        // punctuations, digits, etc..
        //
        // 0x00 - 0x40
        assert_not_valuable_trigram_chars(&['\t', '\n', ' ', '.', '0', '9', ',', '@']);
        // 0x5B - 0x60
        assert_not_valuable_trigram_chars(&['[', ']', '^', '\\', '`']);
        // 0x7B - 0x7E
        assert_not_valuable_trigram_chars(&['[', '|', '{', '}', '~']);
    }

    fn assert_count(text: &str, pairs: &[(&str, u32)]) {
        let lowercase_text = LowercaseText::new(text);
        let CountResult {
            total_trigrams: _,
            trigram_occurances,
        } = count(&lowercase_text);
        for &(trigram_str, expected_n) in pairs.iter() {
            let chars: Vec<char> = trigram_str.chars().collect();
            let trigram = Trigram(chars[0], chars[1], chars[2]);
            let actual_n = trigram_occurances[&trigram];
            assert_eq!(
                actual_n, expected_n,
                "trigram '{:?}' expected to occur {} times, got {}",
                trigram, expected_n, actual_n
            );
        }
        assert_eq!(trigram_occurances.len(), pairs.len());
    }

    #[test]
    fn test_count() {
        assert_count("", &[]);
        assert_count(",", &[]);
        assert_count("a", &[(" a ", 1)]);
        assert_count("-a-", &[(" a ", 1)]);
        assert_count("yes", &[(" ye", 1), ("yes", 1), ("es ", 1)]);
        assert_count(
            "Give - IT...",
            &[
                (" gi", 1),
                ("giv", 1),
                ("ive", 1),
                ("ve ", 1),
                (" it", 1),
                ("it ", 1),
            ],
        );
    }

    #[test]
    fn test_get_trigrams_with_positions() {
        let lowercase_text = LowercaseText::new("xaaaaabbbb    d");
        let TrigramsWithPositions {
            _total_trigrams,
            trigram_positions,
        } = get_trigrams_with_positions(&lowercase_text);

        assert_eq!(trigram_positions[&Trigram('a', 'a', 'a')], 0);
        assert_eq!(trigram_positions[&Trigram('b', 'b', 'b')], 1);
        assert_eq!(_total_trigrams, 11);
    }
}
