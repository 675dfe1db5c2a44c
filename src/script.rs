//! Step 2 of the pipeline: scripts. Which script each letter is written in (`unicode-script`),
//! runs of one script inside a line, and the document's host writing system.
//!
//! Common characters (digits, punctuation, spaces) and Inherited ones (combining marks) have no
//! script of their own: they belong to their neighbours. The host is a writing system rather
//! than one script, after the augmented script sets of UTS #39: a Japanese page is written in
//! Han, Hiragana and Katakana at once, a Korean one in Hangul and Han.

use std::ops::Range;
use unicode_script::{Script, UnicodeScript};

/// The script of one character (`unicode-script`), with fast paths for the blocks that make
/// up most text: ASCII, Latin-1 letters, the basic Cyrillic, Greek and Arabic letters, CJK
/// ideographs, kana and Hangul syllables. The table search behind `script()` costs more than
/// everything else straytext does per character.
pub fn script_of(c: char) -> Script {
    let u = c as u32;
    match u {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F => Script::Latin,
        0..=0x7F => Script::Common,
        0x3B1..=0x3C9 | 0x391..=0x3A1 | 0x3A3..=0x3A9 => Script::Greek,
        0x400..=0x482 | 0x48A..=0x52F => Script::Cyrillic,
        0x621..=0x63A | 0x641..=0x64A | 0x671..=0x6D3 => Script::Arabic,
        0x905..=0x939 => Script::Devanagari,
        0x5D0..=0x5EA => Script::Hebrew,
        0xE01..=0xE30 => Script::Thai,
        0x4E00..=0x9FFF => Script::Han,
        0x3041..=0x3096 => Script::Hiragana,
        0x30A1..=0x30FA => Script::Katakana,
        0xAC00..=0xD7A3 => Script::Hangul,
        0x2000..=0x200B | 0x200E..=0x2064 => Script::Common,
        _ => c.script(),
    }
}

/// The script of one character, with `None` for Common, Inherited and Unknown.
pub fn letter_script(c: char) -> Option<Script> {
    match script_of(c) {
        Script::Common | Script::Inherited | Script::Unknown => None,
        s => Some(s),
    }
}

/// The characters of `s` beyond ASCII, found by skipping the ASCII bytes without decoding
/// them (a byte below 0x80 is always a whole ASCII character in UTF-8).
pub fn non_ascii_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        at += s.as_bytes().get(at..)?.iter().position(|&b| b >= 0x80)?;
        let c = s.get(at..)?.chars().next()?;
        at += c.len_utf8();
        Some(c)
    })
}

/// How much one letter of a script weighs in the vote for the host: an ideograph or a
/// syllable carries about as much text as a short word.
fn weight(script: Script) -> u32 {
    match script {
        Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul | Script::Yi => 3,
        _ => 1,
    }
}

/// A writing system: the set of scripts that legitimately write one language together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WritingSystem {
    /// The script with the most weight.
    pub main: Script,
    /// Japanese: Han, Hiragana and Katakana together.
    japanese: bool,
    /// Korean: Hangul, with Han for Hanja.
    korean: bool,
}

impl WritingSystem {
    /// A writing system of one script.
    pub fn of(main: Script) -> Self {
        WritingSystem {
            main,
            japanese: matches!(main, Script::Hiragana | Script::Katakana),
            korean: main == Script::Hangul,
        }
    }

    /// Whether `script` belongs to this writing system (UTS #39 augmented script sets).
    pub fn accepts(&self, script: Script) -> bool {
        if script == self.main {
            return true;
        }
        match script {
            Script::Han => self.japanese || self.korean,
            Script::Hiragana | Script::Katakana => self.japanese,
            Script::Bopomofo => self.main == Script::Han,
            _ => false,
        }
    }

    /// The Unicode name of the main script (`"Latin"`).
    pub fn name(&self) -> &'static str {
        self.main.full_name()
    }
}

/// The ASCII letters (`A`–`Z`, `a`–`z`) among `bytes`, eight ASCII bytes at a time: `| 0x20`
/// takes exactly the letters to `a`–`z`, and each byte is compared with that range by an
/// addition whose carry the byte's high bit keeps (bytes below `0x80`: no carry crosses into
/// the next byte); eight bytes with one from `0x80` on, and the last few, one at a time.
fn ascii_letters(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = ONES * 0x80;
    let one_by_one = |b: &[u8]| b.iter().filter(|b| b.is_ascii_alphabetic()).count();
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in chunks.by_ref() {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let eight = u64::from_le_bytes(eight);
        if eight & HIGH != 0 {
            n += one_by_one(chunk);
            continue;
        }
        let x = eight | (ONES * 0x20);
        let letters = x.wrapping_add(ONES * (0x80 - 0x61)) & !x.wrapping_add(ONES * (0x7f - 0x7a));
        // One bit a letter, summed into the top byte by the multiplication.
        n += (((letters & HIGH) >> 7).wrapping_mul(ONES) >> 56) as usize;
    }
    n + one_by_one(chunks.remainder())
}

/// Tallies letters per script, weighted.
#[derive(Debug, Default, Clone)]
pub struct ScriptTally {
    counts: Vec<(Script, u32)>,
}

impl ScriptTally {
    /// Adds every letter of `s`.
    pub fn add_str(&mut self, s: &str) {
        // ASCII letters (Latin, weight 1) are summed and added once, at the place the first
        // of them takes among the scripts (the order breaks ties). They are counted by runs of
        // ASCII bytes, without a branch per byte; only the other characters are decoded.
        let (mut latin, mut seen) = (0u32, false);
        let mut rest = s;
        loop {
            let n = rest
                .bytes()
                .position(|b| !b.is_ascii())
                .unwrap_or(rest.len());
            let (run, after) = rest.split_at(n);
            latin += ascii_letters(run.as_bytes()) as u32;
            let mut chars = after.chars();
            let Some(c) = chars.next() else { break };
            rest = chars.as_str();
            if let Some(script) = letter_script(c) {
                // An ASCII letter came before: Latin takes its place first.
                if latin > 0 && !seen {
                    self.add(Script::Latin, 0);
                    seen = true;
                }
                self.add(script, weight(script));
            }
        }
        if latin > 0 {
            self.add(Script::Latin, latin);
        }
    }

    /// Adds `n` to a script's count.
    pub fn add(&mut self, script: Script, n: u32) {
        match self.counts.iter_mut().find(|(s, _)| *s == script) {
            Some((_, c)) => *c += n,
            None => self.counts.push((script, n)),
        }
    }

    /// The total weight.
    pub fn total(&self) -> u32 {
        self.counts.iter().map(|&(_, n)| n).sum()
    }

    /// The weight of one script.
    pub fn get(&self, script: Script) -> u32 {
        self.counts
            .iter()
            .find(|(s, _)| *s == script)
            .map_or(0, |&(_, n)| n)
    }

    /// The script with the most weight (ties go to the first seen).
    pub fn dominant(&self) -> Option<Script> {
        let mut best: Option<(Script, u32)> = None;
        for &(s, n) in &self.counts {
            if best.is_none_or(|(_, b)| n > b) {
                best = Some((s, n));
            }
        }
        best.map(|(s, _)| s)
    }

    /// The writing system these letters vote for: the dominant script, widened to Japanese
    /// when kana make up a real share of the CJK letters, or to Korean when Hangul does.
    pub fn writing_system(&self) -> Option<WritingSystem> {
        let main = self.dominant()?;
        let kana = self.get(Script::Hiragana) + self.get(Script::Katakana);
        let han = self.get(Script::Han);
        let hangul = self.get(Script::Hangul);
        let mut ws = WritingSystem::of(main);
        if main == Script::Han && kana * 10 >= han + kana && kana > 0 {
            ws.japanese = true;
        }
        if main == Script::Han && hangul * 4 >= han {
            ws.korean = hangul > 0;
        }
        Some(ws)
    }
}

/// The document's writing system, by a vote of its letters and of its lines: each script
/// scores its share of the (weighted) letters plus its share of the lines it dominates. The
/// line vote keeps one long foreign paragraph from taking over a page of many host lines; the
/// letter vote keeps a column of short foreign widgets from doing the same.
pub fn host_system(text: &str, lines: &[crate::segment::Line]) -> Option<WritingSystem> {
    let mut letters = ScriptTally::default();
    let mut line_votes = ScriptTally::default();
    for line in lines {
        let s = &text[line.range.clone()];
        if s.is_ascii() {
            // ASCII: Latin letters or none, counted without the per-character lookup.
            let n = ascii_letters(s.as_bytes()) as u32;
            if n > 0 {
                line_votes.add(Script::Latin, 1);
                letters.add(Script::Latin, n);
            }
            continue;
        }
        let mut t = ScriptTally::default();
        t.add_str(s);
        if let Some(d) = t.dominant() {
            // Kana lines vote for the Han-based Japanese system as a whole.
            line_votes.add(d, 1);
        }
        for &(s, n) in &t.counts {
            letters.add(s, n);
        }
    }
    let total_letters = letters.total().max(1) as f32;
    let total_lines = line_votes.total().max(1) as f32;
    let family = |s: Script| match s {
        Script::Hiragana | Script::Katakana => Script::Han,
        other => other,
    };
    // Score script families (Japanese kana count with Han), then pick the member script.
    let mut best: Option<(Script, f32)> = None;
    for &(s, _) in &letters.counts {
        let fam = family(s);
        let members = |t: &ScriptTally| -> u32 {
            t.counts
                .iter()
                .filter(|&&(x, _)| family(x) == fam)
                .map(|&(_, n)| n)
                .sum()
        };
        let score =
            members(&letters) as f32 / total_letters + members(&line_votes) as f32 / total_lines;
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((fam, score));
        }
    }
    let (fam, _) = best?;
    if fam == Script::Han {
        // Han, or Japanese when kana make up a real share of the CJK letters.
        let kana = letters.get(Script::Hiragana) + letters.get(Script::Katakana);
        let han = letters.get(Script::Han);
        if kana > 0 && kana * 10 >= han + kana {
            let main = if letters.get(Script::Hiragana) >= letters.get(Script::Katakana) {
                Script::Hiragana
            } else {
                Script::Katakana
            };
            return Some(WritingSystem::of(main));
        }
        return Some(WritingSystem::of(Script::Han));
    }
    Some(WritingSystem::of(fam))
}

/// A run of letters of one script inside a line, with the Common and Inherited characters
/// between its letters (but not those at its edges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptRun {
    /// The run's script.
    pub script: Script,
    /// Byte range: from the first letter to the end of the last letter (trailing combining
    /// marks included).
    pub range: Range<usize>,
    /// How many letters of that script the run holds.
    pub letters: usize,
}

/// The script runs of `text[range]`, in order. Runs are separated where a letter of another
/// script appears; characters of no script between two runs belong to neither.
pub fn runs(text: &str, range: Range<usize>) -> Vec<ScriptRun> {
    let mut out: Vec<ScriptRun> = Vec::new();
    let base = range.start;
    for (i, c) in text[range].char_indices() {
        let at = base + i;
        let end = at + c.len_utf8();
        match letter_script(c) {
            Some(s) => match out.last_mut() {
                Some(run) if run.script == s => {
                    run.range.end = end;
                    run.letters += 1;
                }
                _ => out.push(ScriptRun {
                    script: s,
                    range: at..end,
                    letters: 1,
                }),
            },
            None => {
                // A combining mark extends the run it follows.
                if script_of(c) == Script::Inherited {
                    if let Some(run) = out.last_mut() {
                        if run.range.end == at {
                            run.range.end = end;
                        }
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_letters_eight_at_a_time_are_those_byte_by_byte() {
        // Every byte value, often the ranges' edges (`@`, `[`, `` ` ``, `{`), at every length.
        let mut rng = crate::testing::XorShift(29);
        let edges = b"@AZ[`az{ \x7f\x80\xff";
        for len in 0..200 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| match rng.below(3) {
                    0 => rng.below(256) as u8,
                    _ => edges[rng.below(edges.len())],
                })
                .collect();
            let want = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
            assert_eq!(ascii_letters(&bytes), want, "{bytes:?}");
        }
    }

    #[test]
    fn tallies_by_ascii_runs_are_the_tallies_by_characters() {
        // The tally by characters: every letter in turn.
        let by_chars = |s: &str| {
            let mut t = ScriptTally::default();
            for c in s.chars() {
                if let Some(script) = letter_script(c) {
                    t.add(script, weight(script));
                }
            }
            t.counts
        };
        let alphabet: Vec<char> = "aZ1 ,’éЖ中ạ\u{301}".chars().collect();
        let mut rng = crate::testing::XorShift(0x1234_5678_9abc_def1);
        for i in 0..5000usize {
            let s = rng.string(&alphabet, i % 23);
            let mut t = ScriptTally::default();
            t.add_str(&s);
            assert_eq!(t.counts, by_chars(&s), "{s:?}");
        }
    }

    #[test]
    fn non_ascii_chars_are_the_chars_beyond_ascii() {
        for s in [
            "",
            "abc",
            "é",
            "aé𝄞中 x\u{200b}y😀\nÑ—z",
            "“quoted” – dash…",
            "中文",
        ] {
            let want: Vec<char> = s.chars().filter(|c| !c.is_ascii()).collect();
            assert_eq!(non_ascii_chars(s).collect::<Vec<_>>(), want, "{s}");
        }
    }

    #[test]
    fn fast_paths_agree_with_unicode_script() {
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(script_of(c), c.script(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn runs_split_by_script_and_keep_marks() {
        let text = "AUGUST 2025 يوم متبقٍ";
        let rs = runs(text, 0..text.len());
        assert_eq!(rs.len(), 2);
        assert_eq!(rs[0].script, Script::Latin);
        assert_eq!(&text[rs[0].range.clone()], "AUGUST");
        assert_eq!(rs[1].script, Script::Arabic);
        assert_eq!(&text[rs[1].range.clone()], "يوم متبقٍ");
    }

    #[test]
    fn japanese_is_one_writing_system() {
        let mut t = ScriptTally::default();
        t.add_str("日本語の文章を書きます。カタカナも使います。");
        let ws = t.writing_system().unwrap();
        assert!(
            ws.accepts(Script::Han) && ws.accepts(Script::Hiragana) && ws.accepts(Script::Katakana)
        );
        assert!(!ws.accepts(Script::Latin));
    }

    #[test]
    fn chinese_does_not_accept_kana() {
        let mut t = ScriptTally::default();
        t.add_str("我们的文章很长，这是中文的句子。");
        let ws = t.writing_system().unwrap();
        assert_eq!(ws.main, Script::Han);
        assert!(!ws.accepts(Script::Hiragana));
    }

    #[test]
    fn korean_accepts_hanja() {
        let mut t = ScriptTally::default();
        t.add_str("모든 사람은 인권(人權)을 가진다");
        let ws = t.writing_system().unwrap();
        assert_eq!(ws.main, Script::Hangul);
        assert!(ws.accepts(Script::Han));
    }
}
