//! Multilingual UI phrases (`data/ui-phrases.tsv`), one signal among many: the classifier never
//! flags a line for its words alone, but a line that reads like a known control or widget
//! leans towards noise of that subkind.

use crate::report::Subkind;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small multiply-rotate hasher (the scheme of rustc's FxHash), for the maps of one page:
/// keys are our own 64-bit word and line hashes and the lexicon's short strings, and SipHash,
/// which guards maps that outlive many untrusted requests, cost a tenth of `analyze`.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(Self::K);
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

const PHRASES: &str = include_str!("../data/ui-phrases.tsv");
const DATE_WORDS: &str = include_str!("../data/date-words.txt");

/// Puts `word` lower-cased, character by character (`char::to_lowercase`), into `buf`,
/// which is cleared first: a look-up key for the word lists without a new `String` per word,
/// and by bytes when the word is ASCII.
pub fn lower_into(buf: &mut String, word: &str) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// True for a word (already lower case) that helps make up a date, a time or a countdown:
/// month and day names and units of time, in many languages.
pub fn is_date_word(word: &str) -> bool {
    static WORDS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            DATE_WORDS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
                .collect()
        })
        .contains(word)
}

struct Lexicon {
    exact: FastMap<String, Subkind>,
    prefixes: Vec<(String, Subkind)>,
    /// The length in bytes of the longest phrase and prefix.
    longest: usize,
}

fn parse_subkind(s: &str) -> Option<Subkind> {
    Some(match s {
        "control" => Subkind::Control,
        "navigation" => Subkind::Navigation,
        "share" => Subkind::Share,
        "comments" => Subkind::Comments,
        "consent" => Subkind::Consent,
        "caption" => Subkind::Caption,
        _ => return None,
    })
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut exact = FastMap::default();
        let mut prefixes = Vec::new();
        for line in PHRASES.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((kind, phrase)) = line.split_once('\t') else {
                continue;
            };
            let Some(kind) = parse_subkind(kind) else {
                continue;
            };
            match phrase.strip_suffix('*') {
                Some(p) => prefixes.push((normalize(p), kind)),
                None => {
                    exact.entry(normalize(phrase)).or_insert(kind);
                }
            }
        }
        let longest = exact
            .keys()
            .chain(prefixes.iter().map(|(p, _)| p))
            .map(String::len)
            .max()
            .unwrap_or(0);
        Lexicon {
            exact,
            prefixes,
            longest,
        }
    })
}

/// A line reduced to its words: lower case, digits, punctuation and symbols dropped, white
/// space collapsed.
pub fn normalize(line: &str) -> String {
    normalize_up_to(line, usize::MAX)
}

/// [`normalize`], stopped as soon as the result is longer than `limit` bytes: its first
/// `limit` bytes are those of the whole result.
fn normalize_up_to(line: &str, limit: usize) -> String {
    let mut out = String::with_capacity(line.len().min(limit.saturating_add(8)));
    let mut space = false;
    if line.is_ascii() {
        // The same by bytes: ASCII letters are the only ASCII characters with a script.
        for b in line.bytes() {
            if out.len() > limit {
                break;
            }
            if b.is_ascii_alphabetic() {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b'-' | b'\'') {
                space = true;
            }
        }
        return out;
    }
    for c in line.chars() {
        if out.len() > limit {
            break;
        }
        if c.is_alphabetic() || crate::script::letter_script(c).is_some() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if c.is_whitespace() || c == '-' || c == '\'' || c == '’' {
            space = true;
        }
    }
    out
}

/// The subkind of UI phrase a line reads as, if any.
pub fn ui_phrase(line: &str) -> Option<Subkind> {
    if line.len() > 200 {
        return None;
    }
    let lex = lexicon();
    // Past the longest phrase no exact phrase can match and a prefix reads only the start.
    // (The line features read an ASCII line's phrase from the form they already made,
    // `ui_phrase_of_ascii_form`; this is for the other lines.)
    lex.phrase(&normalize_up_to(line, lex.longest))
}

/// Where [`normalize_up_to`] stops in an ASCII line whose whole normalized form is `form`:
/// at the first letter that takes it past `limit` (with the space before it, if any), or at
/// the form's end.
fn ascii_form_cut(form: &[u8], limit: usize) -> usize {
    if form.len() <= limit {
        form.len()
    } else if form.get(limit) == Some(&b' ') {
        // A space is always followed by a letter: the letter after it is the one.
        limit + 2
    } else {
        limit + 1
    }
}

/// [`ui_phrase`] of an ASCII line, from its whole normalized form ([`normalize`]) when the
/// caller has it already: the same subkind, without normalizing the line again.
pub(crate) fn ui_phrase_of_ascii_form(line: &str, form: &[u8]) -> Option<Subkind> {
    if line.len() > 200 {
        return None;
    }
    let lex = lexicon();
    let cut = ascii_form_cut(form, lex.longest);
    lex.phrase(std::str::from_utf8(form.get(..cut)?).ok()?)
}

impl Lexicon {
    /// The subkind of a normalized line: an exact phrase, else the first prefix it starts with.
    fn phrase(&self, norm: &str) -> Option<Subkind> {
        if norm.is_empty() {
            return None;
        }
        if let Some(&k) = self.exact.get(norm) {
            return Some(k);
        }
        self.prefixes
            .iter()
            .find(|(p, _)| norm.starts_with(p.as_str()))
            .map(|&(_, k)| k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_words() {
        assert!(is_date_word("august") && is_date_word("октября") && is_date_word("月"));
        assert!(!is_date_word("taliban"));
    }

    #[test]
    fn ascii_forms_are_cut_where_normalizing_stops() {
        let alphabet: Vec<char> = "aZq -'\t1.,!xY".chars().collect();
        let mut rng = crate::testing::XorShift(0x3c6e_f372_fe94_f82b);
        for round in 0..20_000 {
            let line = rng.string(&alphabet, round % 90);
            let form = normalize(&line);
            for limit in [0, 1, 2, 5, 20, 43, 80, 200] {
                let cut = ascii_form_cut(form.as_bytes(), limit);
                assert_eq!(
                    &form[..cut],
                    normalize_up_to(&line, limit),
                    "{line:?} at {limit}"
                );
            }
            assert_eq!(
                ui_phrase_of_ascii_form(&line, form.as_bytes()),
                ui_phrase(&line),
                "{line:?}"
            );
        }
        for line in [
            "Subscribe",
            "55 Comments",
            "Notify of",
            "Read more - it's free",
        ] {
            let form = normalize(line);
            assert_eq!(
                ui_phrase_of_ascii_form(line, form.as_bytes()),
                ui_phrase(line)
            );
        }
    }

    #[test]
    fn phrases_in_many_languages() {
        let table = [
            ("Subscribe", Some(Subkind::Control)),
            ("Notify of", Some(Subkind::Control)),
            ("55 Comments", Some(Subkind::Comments)),
            ("Подписаться", Some(Subkind::Control)),
            ("コメントを残す", Some(Subkind::Comments)),
            ("Suscríbete", Some(Subkind::Control)),
            ("تعليقات", Some(Subkind::Comments)),
            (
                "We use cookies to improve your experience.",
                Some(Subkind::Consent),
            ),
            ("The minister said the talks would continue.", None),
        ];
        for (line, want) in table {
            assert_eq!(ui_phrase(line), want, "{line}");
        }
    }
}
