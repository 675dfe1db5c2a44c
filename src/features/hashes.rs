//! The hashes that find the same words: a word's (the page's function words are counted by
//! it) and a line's key, the hash of its normalized form (lines with the same words share one).

/// The FNV-1a offset basis.
pub(super) const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// One FNV-1a step over a character.
pub(super) fn fnv(h: u64, c: char) -> u64 {
    (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// A hash of a word's lower-case form, computed without allocating.
pub(super) fn word_hash(word: &str) -> u64 {
    if word.is_ascii() {
        // The same hash: an ASCII letter's lower case is one ASCII character.
        return word
            .bytes()
            .fold(FNV_SEED, |h, b| fnv(h, char::from(b.to_ascii_lowercase())));
    }
    word.chars()
        .flat_map(char::to_lowercase)
        .fold(FNV_SEED, fnv)
}

/// [`line_form`]'s class of every ASCII byte: 1 for a letter, 2 for what separates words
/// (white space, `-`, `'`), 0 for the rest (digits, punctuation, symbols: dropped).
const KEY_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'A'..=b'Z' | b'a'..=b'z' => 1,
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b'-' | b'\'' => 2,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// A line's key as [`extract`](super::extract) computes it (for the tests): the hash of its form.
#[cfg(test)]
fn line_key(line: &str, buf: &mut Vec<u8>) -> Option<u64> {
    let n = line_form(line, buf);
    (n > 0).then(|| key_hash(buf.get(..n).unwrap_or(&[])))
}

/// A line's words as [`lexicon::normalize`](crate::lexicon::normalize) keeps them (lower case,
/// digits, punctuation and symbols dropped, one space between words), written at the start of
/// `buf` (reused from line to line); the form's length, 0 for a line without letters. The form
/// keys repeated lines ([`key_hash`]: lines with the same words get the same key, whichever
/// path wrote the form) and, for ASCII lines, serves the UI phrases.
pub(super) fn line_form(line: &str, buf: &mut Vec<u8>) -> usize {
    // The form by bytes, ASCII ones without a branch (a letter, a separator or neither, in
    // any order, is what the CPU cannot predict): every step writes a space and the byte in
    // lower case, and keeps what it must. Other characters (a curly quote or a dash in a line
    // of ASCII words, or any letter of another script) are decoded, one step each.
    let b = line.as_bytes();
    // Room for the form of the rest of the line: at most two bytes an ASCII byte (the buffer
    // only grows, so most lines need no writes before their own).
    if buf.len() < 2 * b.len() {
        buf.resize(2 * b.len(), 0);
    }
    let (mut i, mut j, mut pending, mut any) = (0usize, 0usize, 0usize, 0usize);
    while let Some(&c) = b.get(i) {
        if c.is_ascii() {
            let k = KEY_CLASS[usize::from(c & 0x7f)];
            let letter = usize::from(k & 1);
            let space = usize::from(k >> 1);
            // `j <= 2 * i` here (see below), so both writes are inside `buf`.
            if let Some(o) = buf.get_mut(j) {
                *o = b' ';
            }
            j += pending & letter;
            if let Some(o) = buf.get_mut(j) {
                *o = c | 0x20;
            }
            j += letter;
            any |= letter;
            pending = (pending | (space & any)) & (letter ^ 1);
            i += 1;
            continue;
        }
        let Some(ch) = line.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        i += ch.len_utf8();
        if crate::script::letter_script(ch).is_some() || ch.is_alphabetic() {
            // A space and the lower case: at most three characters of four bytes.
            let (mut form, mut n) = ([b' '; 16], pending);
            for l in ch.to_lowercase() {
                n += form.get_mut(n..).map_or(0, |f| l.encode_utf8(f).len());
            }
            // The lower case may be longer than the letter: room again for the rest.
            let need = j + n + 2 * (b.len() - i);
            if buf.len() < need {
                buf.resize(need, 0);
            }
            if let (Some(dst), Some(src)) = (buf.get_mut(j..j + n), form.get(..n)) {
                dst.copy_from_slice(src);
            }
            j += n;
            any = 1;
            pending = 0;
        } else if ch.is_whitespace() || ch == '’' {
            pending |= any;
        }
    }
    debug_assert_eq!(any != 0, j > 0);
    j
}

/// A 64-bit hash of a line's normalized form, eight bytes at a time (a multiply per eight
/// bytes, where FNV-1a waited on one per byte), finished with the length and a final mix.
pub(super) fn key_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K);
        h ^= h >> 29;
    }
    let mut w = [0u8; 8];
    let rest = chunks.remainder();
    w[..rest.len()].copy_from_slice(rest);
    h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K);
    h ^= h >> 29;
    h = (h ^ bytes.len() as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon;

    /// The line key before it was computed from the normalized form: FNV-1a over the
    /// characters of that form.
    fn fnv_line_key(line: &str) -> Option<u64> {
        let (mut h, mut any, mut space) = (FNV_SEED, false, false);
        for c in line.chars() {
            if c.is_alphabetic() || !c.is_ascii() && crate::script::letter_script(c).is_some() {
                if space && any {
                    h = fnv(h, ' ');
                }
                space = false;
                any = true;
                h = c.to_lowercase().fold(h, fnv);
            } else if c.is_whitespace() || matches!(c, '-' | '\'' | '’') {
                space = true;
            }
        }
        any.then_some(h)
    }

    #[test]
    fn line_keys_group_lines_as_the_characters_hash_did() {
        // Short random lines over few characters, so that many share their words: two lines
        // get the same key exactly when FNV over their normalized characters was the same,
        // whether they are ASCII or not.
        let ascii: Vec<char> = "aBz -'1.,\t".chars().collect();
        let all: Vec<char> = "aBz -'1.,\téЖ’\u{a0}ß…İ".chars().collect();
        let mut rng = crate::testing::XorShift(0x2545_f491_4f6c_dd1d);
        let mut lines: Vec<String> = Vec::new();
        for i in 0..6000usize {
            let alphabet = if i % 2 == 0 { &ascii } else { &all };
            let len = if i % 100 == 0 { 200 + i % 37 } else { i % 9 };
            lines.push(rng.string(alphabet, len));
        }
        let mut buf = Vec::new();
        for l in &lines {
            // The form is `lexicon::normalize`'s (the UI phrases read it too).
            let n = line_form(l, &mut buf);
            assert_eq!(&buf[..n], lexicon::normalize(l).as_bytes(), "{l:?}");
        }
        let keys: Vec<(Option<u64>, Option<u64>)> = lines
            .iter()
            .map(|l| (line_key(l, &mut buf), fnv_line_key(l)))
            .collect();
        let mut same = 0;
        for (i, a) in keys.iter().enumerate() {
            assert_eq!(a.0.is_some(), a.1.is_some(), "{:?}", lines[i]);
            for (j, b) in keys.iter().enumerate().skip(i + 1).take(400) {
                assert_eq!(a.0 == b.0, a.1 == b.1, "{:?} {:?}", lines[i], lines[j]);
                same += usize::from(a.0.is_some() && a.0 == b.0 && lines[i] != lines[j]);
            }
        }
        // The test sees lines that differ and share their words, ASCII or not.
        assert!(same > 1000, "{same}");
        let mut buf = Vec::new();
        assert_eq!(
            line_key("Read more – it's free", &mut buf),
            line_key("read   MORE it’s free!", &mut buf)
        );
    }
}
