//! Step 3 of the pipeline: languages, through whatlang behind one door.
//!
//! Language identification is expensive (about 1 MB/s) and unreliable on short text, so the
//! pipeline asks for it only where it can change a verdict, on as little text as decides it:
//! once for the document (on a sample of its longest lines), and per line only for lines long
//! enough to be told apart.

use crate::report::Language;
use crate::script::{letter_script, WritingSystem};
use crate::segment::Line;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use whatlang::{Detector, Lang};

/// At most this many bytes of the document's longest lines are given to whatlang to tell the
/// document's language.
pub const DOCUMENT_SAMPLE_BYTES: usize = 1200;

/// whatlang first hears this many bytes of the sample, and the rest only when it is not
/// certain.
pub const FIRST_TRY_BYTES: usize = 400;

/// The first try takes the start of this many lines at least (a share of [`FIRST_TRY_BYTES`]
/// each), so that no line decides it alone.
const FIRST_TRY_LINES: usize = 3;

/// A detected language with whatlang's confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detected {
    /// The language.
    pub lang: Lang,
    /// whatlang's confidence in [0, 1].
    pub confidence: f64,
    /// whatlang's own reliability verdict.
    pub reliable: bool,
}

impl Detected {
    /// The report's form of the language.
    pub fn to_report(self) -> Language {
        Language {
            code: self.lang.code().to_string(),
            name: self.lang.eng_name().to_string(),
            confidence: (self.confidence * 1000.0).round() / 1000.0,
            reliable: self.reliable,
        }
    }

    /// The ISO 639-3 code.
    pub fn code(self) -> &'static str {
        self.lang.code()
    }
}

/// Detects the language of a fragment.
pub fn detect(fragment: &str) -> Option<Detected> {
    whatlang::detect(fragment).map(|info| {
        let lang = by_arabic_orthography(fragment, info.lang(), |_| true);
        Detected {
            lang,
            confidence: info.confidence(),
            reliable: info.is_reliable(),
        }
    })
}

/// Detects the language of a fragment, choosing only among `allowed`.
pub fn detect_among(fragment: &str, allowed: Vec<Lang>) -> Option<Detected> {
    // Which of the Arabic-script languages are allowed, kept before the list moves into the
    // detector (no copy of the list per call).
    const ARABIC_SCRIPT: [Lang; 3] = [Lang::Ara, Lang::Pes, Lang::Urd];
    let permitted = ARABIC_SCRIPT.map(|l| allowed.contains(&l));
    let detected = Detector::with_allowlist(allowed).detect(fragment)?;
    let lang = by_arabic_orthography(fragment, detected.lang(), |l| {
        ARABIC_SCRIPT
            .iter()
            .zip(permitted)
            .any(|(&a, ok)| a == l && ok)
    });
    Some(Detected {
        lang,
        confidence: detected.confidence(),
        reliable: detected.is_reliable(),
    })
}

/// Arabic, Persian and Urdu share a script but not every letter: Persian and Urdu write yeh
/// and kaf as `ی` (U+06CC) and `ک` (U+06A9) and add `پ چ ژ گ`, Urdu adds `ٹ ڈ ڑ ں ہ ھ ے`, while
/// Arabic writes `ي` (U+064A) and `ك` (U+0643), which look alike but are other characters.
/// whatlang's trigrams cannot see this on a few words (it names `يوم متبقٍ` Persian), so when
/// the fragment's letters belong to one orthography only and whatlang named another of the
/// three, the orthography's language is taken (if `allowed`).
fn by_arabic_orthography(fragment: &str, lang: Lang, allowed: impl Fn(Lang) -> bool) -> Lang {
    if !matches!(lang, Lang::Ara | Lang::Pes | Lang::Urd) {
        return lang;
    }
    let (mut arabic, mut persian, mut urdu) = (false, false, false);
    for c in fragment.chars() {
        match c {
            '\u{064A}' | '\u{0643}' => arabic = true,
            '\u{06CC}' | '\u{06A9}' | '\u{067E}' | '\u{0686}' | '\u{0698}' | '\u{06AF}' => {
                persian = true
            }
            '\u{0679}' | '\u{0688}' | '\u{0691}' | '\u{06BA}' | '\u{06C1}' | '\u{06BE}'
            | '\u{06D2}' => urdu = true,
            _ => {}
        }
    }
    let by_letters = match (arabic, persian || urdu) {
        (true, false) => Lang::Ara,
        // Urdu's own letters decide between Urdu and Persian only when whatlang hesitated
        // between the two orthographies' family, not against its choice of Persian or Urdu.
        (false, true) if lang == Lang::Ara => {
            if urdu {
                Lang::Urd
            } else {
                Lang::Pes
            }
        }
        _ => return lang,
    };
    if allowed(by_letters) {
        by_letters
    } else {
        lang
    }
}

/// The document's language, told from a sample of its longest lines (the prose, where
/// language identification is reliable), at most [`DOCUMENT_SAMPLE_BYTES`] of them. Given the
/// document's writing system, only lines mostly written in it are heard, so that one long
/// foreign paragraph does not name the page's language. whatlang first hears the start of the
/// longest lines ([`FIRST_TRY_BYTES`]); its answer stands when it is certain and the whole
/// sample's function words agree, else the whole sample is heard.
pub fn document_language(
    text: &str,
    lines: &[Line],
    system: Option<WritingSystem>,
) -> Option<Detected> {
    // Longest first (as a stable sort: equal lengths keep the text's order); the writing
    // system is checked only on the lines the sample takes, not on every line of the page.
    let heard = |l: &Line| system.is_none_or(|ws| mostly_in(&text[l.range.clone()], ws));
    let mut pieces: Vec<&str> = Vec::new();
    let mut taken = 0;
    let mut take = |line: &Line| {
        let s = &text[line.range.clone()];
        let piece = &s[..floor_char_boundary(s, DOCUMENT_SAMPLE_BYTES - taken)];
        taken += piece.len() + 1;
        pieces.push(piece);
        taken >= DOCUMENT_SAMPLE_BYTES
    };
    // The lines before the first one heard are not heard: they are skipped without asking
    // again (when none is heard, every line is taken).
    let mut order = LongestFirst::new(lines);
    match order.by_ref().find(|l| heard(l)) {
        Some(first) => {
            if !take(first) {
                for line in order.filter(|l| heard(l)) {
                    if take(line) {
                        break;
                    }
                }
            }
        }
        None => {
            for line in LongestFirst::new(lines) {
                if take(line) {
                    break;
                }
            }
        }
    }
    // Most pages are told for certain by a few hundred bytes of their prose, and whatlang's
    // cost grows with the sample: a short first try, the whole sample only when it leaves a
    // doubt. The first try takes the start of several lines, so that one long line in
    // another language (a quote) does not name the page's language alone.
    let first_try = joined(&pieces, FIRST_TRY_BYTES / FIRST_TRY_LINES, FIRST_TRY_BYTES);
    let sample = joined(&pieces, DOCUMENT_SAMPLE_BYTES, DOCUMENT_SAMPLE_BYTES);
    if first_try.len() < sample.len() {
        let certain = detect(&first_try).filter(|d| d.confidence >= 1.0);
        if let Some(d) = certain.filter(|d| most_function_words_in(&sample, d.lang)) {
            return Some(d);
        }
    }
    // Confidence 0 is whatlang's tie between its best languages (a word or two, a few
    // letters): the language cannot be told.
    detect(&sample).filter(|d| d.confidence > 0.0)
}

/// A page's lines longest first, in the order of a stable sort by decreasing length, found by
/// selection: the document-language sample takes only the few longest lines, so a sort of
/// every line would be mostly wasted. After [`SELECTED_LINES`] lines the rest is sorted.
struct LongestFirst<'a> {
    lines: &'a [Line],
    /// The length and index of the last line given.
    last: Option<(usize, usize)>,
    steps: usize,
    rest: Option<std::vec::IntoIter<&'a Line>>,
}

/// How many lines [`LongestFirst`] finds by selection before it sorts the rest.
const SELECTED_LINES: usize = 16;

impl<'a> LongestFirst<'a> {
    fn new(lines: &'a [Line]) -> Self {
        Self {
            lines,
            last: None,
            steps: 0,
            rest: None,
        }
    }

    /// Whether the line of length `len` at `i` comes after the last line given.
    fn after(&self, len: usize, i: usize) -> bool {
        self.last
            .is_none_or(|(ll, li)| len < ll || len == ll && i > li)
    }
}

impl<'a> Iterator for LongestFirst<'a> {
    type Item = &'a Line;

    fn next(&mut self) -> Option<&'a Line> {
        if let Some(rest) = self.rest.as_mut() {
            return rest.next();
        }
        if self.steps == SELECTED_LINES {
            let mut rest: Vec<&Line> = (self.lines.iter().enumerate())
                .filter(|(i, l)| self.after(l.range.len(), *i))
                .map(|(_, l)| l)
                .collect();
            crate::sort::sort_by_key(&mut rest, |l| std::cmp::Reverse(l.range.len()));
            return self.rest.insert(rest.into_iter()).next();
        }
        self.steps += 1;
        let mut best: Option<(usize, usize)> = None;
        for (i, l) in self.lines.iter().enumerate() {
            let len = l.range.len();
            // The first of the longest lines left (ties keep the text's order).
            if self.after(len, i) && best.is_none_or(|(bl, _)| len > bl) {
                best = Some((len, i));
            }
        }
        let (len, i) = best?;
        self.last = Some((len, i));
        self.lines.get(i)
    }
}

/// Whether no language has more function words in `sample` than `lang` (and `lang` has
/// some): a cheap check that the whole sample agrees with what its start was heard as.
fn most_function_words_in(sample: &str, lang: Lang) -> bool {
    let fw = function_words();
    let Some(bit) = fw.bit(lang) else {
        return false;
    };
    let mut counts = [0u32; 64];
    let mut lower = String::with_capacity(32);
    for word in sample.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() || word.len() > 24 {
            continue;
        }
        crate::lexicon::lower_into(&mut lower, word);
        let mut langs = fw.langs_of(&lower);
        while langs != 0 {
            counts[langs.trailing_zeros() as usize] += 1;
            langs &= langs - 1;
        }
    }
    let own = counts[bit.trailing_zeros() as usize];
    own > 0 && counts.iter().all(|&c| c <= own)
}

/// The pieces, one a line, each cut at `per_piece` bytes, until `total` bytes are taken.
fn joined(pieces: &[&str], per_piece: usize, total: usize) -> String {
    let mut out = String::with_capacity(total + 8);
    for piece in pieces {
        if out.len() >= total {
            break;
        }
        let take = floor_char_boundary(piece, per_piece.min(total - out.len()));
        out.push_str(&piece[..take]);
        out.push('\n');
    }
    out
}

/// True when at least two thirds of the letters of `s` belong to the writing system `ws`.
pub fn mostly_in(s: &str, ws: WritingSystem) -> bool {
    if s.is_ascii() {
        // ASCII letters are Latin.
        return ws.main == unicode_script::Script::Latin
            || !s.bytes().any(|b| b.is_ascii_alphabetic());
    }
    let (mut inside, mut all) = (0usize, 0usize);
    // ASCII letters are Latin, other ASCII characters no letters.
    let latin = usize::from(ws.accepts(unicode_script::Script::Latin));
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                all += 1;
                inside += latin;
            }
        } else if let Some(sc) = letter_script(c) {
            all += 1;
            if ws.accepts(sc) {
                inside += 1;
            }
        }
    }
    inside * 3 >= all * 2
}

/// The largest char boundary of `s` at or below `at`.
pub fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    let mut i = at;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

// ---------------------------------------------------------------------------------------------
// Function words and alphabets: cheap same-script evidence (data/function-words.txt).
// ---------------------------------------------------------------------------------------------

const FUNCTION_WORDS: &str = include_str!("../data/function-words.txt");

/// A set of languages of [`function_words`], as bits.
pub type LangSet = u64;

/// Function words and alphabets of the languages the data file knows.
pub struct FunctionWords {
    langs: Vec<Lang>,
    words: HashMap<&'static str, LangSet, BuildFnv>,
    /// A filter of the ASCII words of `words`, 2^16 bits: a word whose bit ([`filter_slot`])
    /// is clear is not in `words`, which most words of a page are not.
    ascii_filter: Vec<u64>,
    /// Per language: whether it is written in Latin letters, and its letters (sorted).
    letters: Vec<Option<(bool, Vec<char>)>>,
}

impl FunctionWords {
    /// The bit of a language, if the data knows it.
    pub fn bit(&self, lang: Lang) -> Option<LangSet> {
        self.langs
            .iter()
            .position(|&l| l == lang)
            .map(|i| 1u64 << i)
    }

    /// The languages whose function words include `lower` (a lower-case word).
    pub fn langs_of(&self, lower: &str) -> LangSet {
        if lower.is_ascii() && !in_filter(&self.ascii_filter, lower.as_bytes()) {
            return 0;
        }
        self.words.get(lower).copied().unwrap_or(0)
    }

    /// [`FunctionWords::langs_of`] an ASCII word in any case: its filter bit is read first
    /// (the filter does not see case), so that most words are never copied into `lower` (a
    /// buffer) to be lower-cased.
    pub fn langs_of_ascii(&self, word: &str, lower: &mut String) -> LangSet {
        if !in_filter(&self.ascii_filter, word.as_bytes()) {
            return 0;
        }
        lower.clear();
        lower.push_str(word);
        lower.make_ascii_lowercase();
        self.words.get(lower.as_str()).copied().unwrap_or(0)
    }

    /// A filter of the ASCII function words of another language than `host_bits`'s and of
    /// none of them (in the bits of `filter_slot`): an ASCII word whose bit is clear
    /// ([`in_filter`]) is no such word. Built once per set of host languages.
    pub fn foreign_only_filter(&self, host_bits: LangSet) -> Arc<[u64]> {
        static CACHE: Mutex<Vec<(LangSet, Arc<[u64]>)>> = Mutex::new(Vec::new());
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, f)) = cache.iter().find(|(h, _)| *h == host_bits) {
            return Arc::clone(f);
        }
        let mut bits = vec![0u64; 1 << 10];
        for (w, &langs) in &self.words {
            if w.is_ascii() && langs & !host_bits != 0 && langs & host_bits == 0 {
                let slot = filter_slot(w.as_bytes());
                if let Some(b) = bits.get_mut(slot >> 6) {
                    *b |= 1u64 << (slot & 63);
                }
            }
        }
        let f: Arc<[u64]> = bits.into();
        cache.push((host_bits, Arc::clone(&f)));
        f
    }

    /// The languages of a set, in the data's order.
    pub fn members(&self, set: LangSet) -> impl Iterator<Item = Lang> + '_ {
        let mut rest = set;
        std::iter::from_fn(move || loop {
            if rest == 0 {
                return None;
            }
            let i = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            if let Some(&l) = self.langs.get(i) {
                return Some(l);
            }
        })
    }

    /// Whether `lang` writes the letter `c` (lower case): `None` when the data does not say.
    /// For Latin-script languages the letters a–z always count as written.
    pub fn writes(&self, lang: Lang, c: char) -> Option<bool> {
        let i = self.langs.iter().position(|&l| l == lang)?;
        let (latin, letters) = self.letters.get(i)?.as_ref()?;
        if c.is_ascii_lowercase() {
            return Some(*latin);
        }
        Some(letters.binary_search(&c).is_ok())
    }
}

/// Whether the ASCII word `w` (any case) has its bit in `filter` (see
/// [`FunctionWords::foreign_only_filter`]).
pub fn in_filter(filter: &[u64], w: &[u8]) -> bool {
    let slot = filter_slot(w);
    filter
        .get(slot >> 6)
        .is_none_or(|b| b & (1u64 << (slot & 63)) != 0)
}

/// The bit of [`FunctionWords`]'s ASCII filter for a word: a mix of its length and its first,
/// second and last bytes, in 16 bits.
/// Upper-case ASCII letters count as their lower case.
fn filter_slot(w: &[u8]) -> usize {
    let byte = |b: Option<&u8>| u32::from(b.copied().unwrap_or(0).to_ascii_lowercase());
    let n = w.len() as u32;
    let first = byte(w.first());
    let second = byte(w.get(1));
    let last = byte(w.last());
    let h = n.wrapping_mul(0x9E37_79B9)
        ^ first.wrapping_mul(0x85EB_CA6B)
        ^ second.wrapping_mul(0xC2B2_AE35)
        ^ last.wrapping_mul(0x27D4_EB2F);
    let h = h ^ (h >> 15);
    (h.wrapping_mul(0x2C1B_3C6D) >> 16) as usize
}

/// FNV-1a: a fast hash for the short keys of the function-word table (no untrusted keys are
/// inserted, so SipHash's protection is not needed).
#[derive(Default, Clone, Copy)]
pub struct BuildFnv;

/// The hasher of [`BuildFnv`].
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x100_0000_01b3);
        }
    }
}

impl std::hash::BuildHasher for BuildFnv {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

/// The function-word data, parsed once.
pub fn function_words() -> &'static FunctionWords {
    static DATA: OnceLock<FunctionWords> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut fw = FunctionWords {
            langs: Vec::new(),
            words: HashMap::default(),
            ascii_filter: vec![0; 1 << 10],
            letters: Vec::new(),
        };
        let index = |fw: &mut FunctionWords, code: &str| -> Option<usize> {
            let lang = Lang::from_code(code)?;
            Some(match fw.langs.iter().position(|&l| l == lang) {
                Some(i) => i,
                None if fw.langs.len() < 64 => {
                    fw.langs.push(lang);
                    fw.letters.push(None);
                    fw.langs.len() - 1
                }
                None => return None,
            })
        };
        for line in FUNCTION_WORDS.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((head, rest)) = line.split_once(':') else {
                continue;
            };
            if let Some(code) = head.strip_prefix("letters ") {
                if let Some(i) = index(&mut fw, code.trim()) {
                    let mut letters: Vec<char> = rest.trim().chars().collect();
                    crate::sort::sort(&mut letters);
                    letters.dedup();
                    let latin = letters.iter().all(|&l| {
                        !l.is_alphabetic()
                            || letter_script(l) == Some(unicode_script::Script::Latin)
                    });
                    fw.letters[i] = Some((latin, letters));
                }
                continue;
            }
            let Some(i) = index(&mut fw, head.trim()) else {
                continue;
            };
            for w in rest.split_whitespace() {
                *fw.words.entry(w).or_insert(0) |= 1u64 << i;
            }
        }
        for w in fw.words.keys().filter(|w| w.is_ascii()) {
            let slot = filter_slot(w.as_bytes());
            if let Some(bits) = fw.ascii_filter.get_mut(slot >> 6) {
                *bits |= 1u64 << (slot & 63);
            }
        }
        fw
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::lines;

    #[test]
    fn arabic_persian_and_urdu_by_their_own_letters() {
        // (fragment, language expected): short fragments whose letters belong to one
        // orthography, and sentences whatlang already names right, which must stay so.
        let cases: &[(&str, Lang)] = &[
            ("يوم متبقٍ", Lang::Ara),
            ("اشترك الآن في النشرة", Lang::Ara),
            ("كتب الطالب الدرس في البيت", Lang::Ara),
            ("این یک کتاب خوب است", Lang::Pes),
            ("من به مدرسه می‌روم و درس می‌خوانم", Lang::Pes),
            ("یہ ایک اچھی کتاب ہے اور میں اسے پڑھ رہا ہوں", Lang::Urd),
        ];
        for &(text, want) in cases {
            assert_eq!(detect(text).map(|d| d.lang), Some(want), "{text}");
        }
        // Letters of both orthographies: whatlang's choice stands.
        let mixed = "كتاب یک";
        let raw = whatlang::detect(mixed).map(|i| i.lang());
        assert_eq!(detect(mixed).map(|d| d.lang), raw);
        // Only an allowed language is taken.
        let among = |allowed: Vec<Lang>| detect_among("يوم متبقٍ", allowed).map(|d| d.lang);
        assert_eq!(
            among(vec![Lang::Ara, Lang::Pes, Lang::Eng]),
            Some(Lang::Ara)
        );
        assert_ne!(among(vec![Lang::Pes, Lang::Urd]), Some(Lang::Ara));
        assert_eq!(
            by_arabic_orthography("يوم", Lang::Pes, |l| l != Lang::Ara),
            Lang::Pes
        );
        assert_eq!(by_arabic_orthography("يوم", Lang::Eng, |_| true), Lang::Eng);
    }

    #[test]
    fn longest_first_is_the_stable_sort_by_length() {
        let mut rng = crate::testing::XorShift(0x9e37_79b9_7f4a_7c15);
        for n in 0..80 {
            let spread = 1 + rng.below(12);
            let ls: Vec<Line> = (0..n)
                .map(|i| {
                    let len = rng.below(spread);
                    Line {
                        range: i * 100..i * 100 + len,
                        full: i * 100..i * 100 + len,
                    }
                })
                .collect();
            let mut sorted: Vec<&Line> = ls.iter().collect();
            sorted.sort_by_key(|l| std::cmp::Reverse(l.range.len()));
            let selected: Vec<&Line> = LongestFirst::new(&ls).collect();
            assert_eq!(selected, sorted, "{n} lines");
            // Taken in part, then again from the start: the same order.
            let mut order = LongestFirst::new(&ls);
            let head: Vec<&Line> = order.by_ref().take(n / 3).collect();
            assert_eq!(head, sorted[..n / 3]);
            assert_eq!(order.collect::<Vec<_>>(), sorted[n / 3..]);
        }
    }

    #[test]
    fn tells_the_document_language_from_its_prose() {
        let text = "Menu\nHome\nDer Bundestag hat am Donnerstag über das neue Gesetz abgestimmt, das die Förderung von Wärmepumpen regelt.\nLogin";
        let d = document_language(text, &lines(text), None).unwrap();
        assert_eq!(d.code(), "deu");
    }

    #[test]
    fn a_page_too_short_to_tell_has_no_language() {
        // whatlang names a language at confidence 0 for these; the contract wants null.
        for text in ["x", "a", "1 2 3", "", "?!"] {
            let d = document_language(text, &lines(text), None);
            assert!(d.is_none(), "{text:?}: {d:?}");
        }
        let text = "Subscribe to our newsletter for the latest news and updates.";
        assert!(document_language(text, &lines(text), None).is_some());
    }

    #[test]
    fn one_long_line_in_another_language_does_not_name_the_page() {
        // The longest line is English; the page, in more lines, is German.
        let text = "Everyone has the right to freedom of thought, conscience and religion; this right includes freedom to change his religion or belief, and freedom, either alone or in community with others and in public or private, to manifest his religion or belief in teaching, practice, worship and observance.\n\
            Der Bundestag hat am Donnerstag über das neue Gesetz abgestimmt, das die Förderung von Wärmepumpen in den kommenden Jahren regelt.\n\
            Die Opposition kritisierte, dass die Regierung die Kosten für die Mieter nicht ausreichend berücksichtigt habe.\n\
            Nach der Abstimmung kündigten mehrere Verbände an, gegen das Gesetz vor dem Verfassungsgericht zu klagen.\n\
            Die Länder müssen dem Gesetz im Bundesrat noch zustimmen, bevor es im Januar in Kraft treten kann.\n";
        let d = document_language(text, &lines(text), None).unwrap();
        assert_eq!(d.code(), "deu");
        assert!(most_function_words_in(text, Lang::Deu));
        assert!(!most_function_words_in(text, Lang::Eng));
    }

    #[test]
    fn floor_char_boundary_never_splits_a_char() {
        let s = "aé中";
        assert_eq!(floor_char_boundary(s, 2), 1);
        assert_eq!(floor_char_boundary(s, 4), 3);
        assert_eq!(floor_char_boundary(s, 99), s.len());
    }

    #[test]
    fn function_words_know_languages_and_letters() {
        let fw = function_words();
        let eng = fw.bit(Lang::Eng).unwrap();
        assert!(fw.langs_of("the") & eng != 0);
        assert!(fw.langs_of("der") & fw.bit(Lang::Deu).unwrap() != 0);
        assert_eq!(fw.writes(Lang::Eng, 'ş'), Some(false));
        assert_eq!(fw.writes(Lang::Eng, 'é'), Some(true));
        assert_eq!(fw.writes(Lang::Deu, 'ü'), Some(true));
        assert_eq!(fw.writes(Lang::Tur, 'ı'), Some(true));
        assert_eq!(fw.writes(Lang::Spa, 'k'), Some(true));
        assert_eq!(fw.writes(Lang::Rus, 'ї'), Some(false));
        assert_eq!(fw.writes(Lang::Ukr, 'ї'), Some(true));
    }

    #[test]
    fn the_ascii_filter_keeps_every_ascii_function_word() {
        let fw = function_words();
        let mut seen = 0;
        for (w, &langs) in &fw.words {
            assert_eq!(fw.langs_of(w), langs, "{w}");
            seen += usize::from(w.is_ascii());
        }
        assert!(seen > 100);
        // It lets few other words through to the table.
        let set = fw.ascii_filter.iter().map(|b| b.count_ones()).sum::<u32>();
        assert!(set < 1 << 14, "{set} of 65536 bits set");
        assert_eq!(fw.langs_of("photosynthesis"), 0);
        // The foreign-only filter of English holds every function word English does not
        // share, whatever its case.
        let eng = fw.bit(Lang::Eng).unwrap();
        let filter = fw.foreign_only_filter(eng);
        for (w, &langs) in &fw.words {
            if w.is_ascii() && langs & eng == 0 {
                assert!(in_filter(&filter, w.as_bytes()), "{w}");
                assert!(in_filter(&filter, w.to_ascii_uppercase().as_bytes()), "{w}");
            }
        }
    }
}
