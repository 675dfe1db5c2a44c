//! Step 4 of the pipeline: the evidence about each line, from the line itself (length, words,
//! punctuation, digits, case, function-word density, what it looks like) and from the page
//! around it (repetition, position, distance to the page's prose).
//!
//! Everything here is language-agnostic: function words are the page's own most frequent short
//! words, so they exist for any language that whatlang knows, and for scripts written without
//! spaces each ideograph counts as half a word.

use crate::html::LineHint;
use crate::lexicon;
use crate::report::Subkind;
use crate::segment::{self, Line};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// What a short line looks like, from its characters alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A currency amount standing alone (`2,500 $`).
    Amount,
    /// A number with a word or two (`55 Comments`, `1.2K shares`), or a number alone.
    Counter,
    /// A date, a time or a countdown (`AUGUST 2025`, `3 hours ago`).
    Date,
    /// Symbols with at most one letter (`()`, `x`, `|`).
    Symbol,
}

/// The evidence about one line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineFeatures {
    /// Characters (Unicode scalar values).
    pub chars: usize,
    /// Words, an ideograph or kana counting as half a word.
    pub words: f32,
    /// Share of characters that are letters.
    pub letter_ratio: f32,
    /// Share of characters that are digits.
    pub digit_ratio: f32,
    /// Share of letters that are upper case (for scripts with case).
    pub upper_ratio: f32,
    /// Share of words that start with a capital.
    pub title_ratio: f32,
    /// Ends in sentence punctuation (closing quotes and brackets aside).
    pub terminal: bool,
    /// Share of words that are the page's function words.
    pub function_density: f32,
    /// Reads as running prose: long enough, with sentence punctuation or function words.
    pub prose: bool,
    /// How many lines of the page have the same words.
    pub copies: usize,
    /// Whether this is the first of its copies.
    pub first_copy: bool,
    /// What the line looks like, if it is short and has a telling shape.
    pub shape: Option<Shape>,
    /// The UI phrase the line reads as, if any.
    pub phrase: Option<Subkind>,
    /// Lines to the nearest prose line (0 for a prose line; `usize::MAX` if none).
    pub prose_distance: usize,
    /// Share of the page's prose characters that come before this line.
    pub prose_before: f32,
    /// Length of the run of consecutive short, non-prose lines this line is in.
    pub short_run: usize,
    /// What the clipboard's HTML says about the line (the default when there is no HTML).
    pub hint: LineHint,
}

/// The page-level facts the line features are measured against.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    /// Index of the first prose line.
    pub first_prose: Option<usize>,
    /// Index of the last prose line.
    pub last_prose: Option<usize>,
}

/// True for sentence-ending punctuation in any script.
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '।'
            | '॥'
            | '؟'
            | '۔'
            | '።'
            | '׃'
            | ';'
            | ':'
            | '؛'
    )
}

/// True for characters that may close a sentence after its punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '«' | ')' | ']' | '」' | '』' | '）' | '›'
    )
}

/// True for letters of scripts written without spaces between words.
fn is_unspaced(c: char) -> bool {
    use unicode_script::{Script, UnicodeScript};
    matches!(
        c.script(),
        Script::Han
            | Script::Hiragana
            | Script::Katakana
            | Script::Thai
            | Script::Lao
            | Script::Khmer
            | Script::Myanmar
    )
}

/// True for currency symbols and the common codes and abbreviations that stand for them.
fn is_currency_token(t: &str) -> bool {
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if matches!(
            c,
            '$' | '€'
                | '£'
                | '¥'
                | '₹'
                | '₽'
                | '₩'
                | '₺'
                | '₪'
                | '₫'
                | '₴'
                | '¢'
                | '₦'
                | '฿'
                | '﷼'
        ) {
            return true;
        }
    }
    matches!(
        t,
        "USD"
            | "EUR"
            | "GBP"
            | "JPY"
            | "CHF"
            | "CNY"
            | "RUB"
            | "INR"
            | "BRL"
            | "CAD"
            | "AUD"
            | "руб"
            | "грн"
            | "zł"
            | "kr"
            | "Kč"
            | "ر.س"
            | "د.إ"
            | "ج.م"
            | "元"
            | "円"
            | "원"
    )
}

/// True for a number in any digit system, with separators and a K/M/B suffix (`2,500`,
/// `1.2K`, `١٢٣`).
fn is_number(t: &str) -> bool {
    let t = t.trim_end_matches(['K', 'k', 'M', 'm', 'B', '+', '%']);
    !t.is_empty()
        && t.chars().any(|c| c.is_numeric())
        && t.chars()
            .all(|c| c.is_numeric() || matches!(c, ',' | '.' | '\'' | ' ' | '٫' | '٬'))
}

/// The shape of a short line, if it has a telling one.
fn shape(line: &str) -> Option<Shape> {
    if line.chars().count() > 60 {
        return None;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let digits = line.chars().filter(|c| c.is_numeric()).count();
    if digits == 0 && letters <= 1 {
        return Some(Shape::Symbol);
    }
    // Split on white space and on symbols glued to numbers (`$2,500`).
    let mut tokens: Vec<&str> = Vec::new();
    for raw in line.split_whitespace() {
        let t = raw.trim_matches(|c: char| {
            matches!(
                c,
                '(' | ')' | '[' | ']' | '|' | '·' | '•' | '-' | '–' | '—' | ':' | '/'
            )
        });
        if t.is_empty() {
            continue;
        }
        let split = t.char_indices().find(|&(i, c)| {
            i > 0
                && (c.is_numeric() != t[..i].chars().last().is_some_and(|p| p.is_numeric()))
                && !matches!(c, ',' | '.')
        });
        match split {
            Some((i, _)) if is_currency_token(&t[..i]) || is_currency_token(&t[i..]) => {
                tokens.push(&t[..i]);
                tokens.push(&t[i..]);
            }
            _ => tokens.push(t),
        }
    }
    if tokens.is_empty() {
        return Some(Shape::Symbol);
    }
    let numbers = tokens.iter().filter(|t| is_number(t)).count();
    let currency = tokens.iter().filter(|t| is_currency_token(t)).count();
    let rest = tokens.len() - numbers - currency;
    if numbers >= 1 && currency >= 1 && rest == 0 {
        return Some(Shape::Amount);
    }
    let date_words = tokens
        .iter()
        .filter(|t| {
            let lower = t.trim_end_matches(['.', ',']).to_lowercase();
            lexicon::is_date_word(&lower)
                || lower
                    .chars()
                    .all(|c| c.is_numeric() || matches!(c, '.' | '/' | '-' | ':' | ','))
        })
        .count();
    let has_month_or_unit = tokens.iter().any(|t| {
        let lower = t.trim_end_matches(['.', ',']).to_lowercase();
        lexicon::is_date_word(&lower)
    });
    let dotted_date = tokens.iter().any(|t| {
        let parts: Vec<&str> = t.split(['.', '/', '-']).filter(|p| !p.is_empty()).collect();
        parts.len() == 3 && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
    });
    if numbers >= 1 && (has_month_or_unit || dotted_date) && date_words + 1 >= tokens.len() {
        return Some(Shape::Date);
    }
    if numbers == tokens.len() {
        return Some(Shape::Counter);
    }
    if numbers == 1 && rest <= 2 && tokens.len() <= 3 && is_number(tokens[0]) {
        return Some(Shape::Counter);
    }
    None
}

/// A hash of a word's lower-case form, computed without allocating.
fn word_hash(word: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        c.hash(&mut h);
    }
    h.finish()
}

/// Per-line counts gathered in the first pass.
struct LineCounts {
    chars: usize,
    letters: usize,
    digits: usize,
    upper: usize,
    cased: usize,
    words: f32,
    title_words: usize,
    spaced_words: usize,
    terminal: bool,
    word_hashes: Vec<u64>,
}

fn count_line(text: &str, line: &Line) -> LineCounts {
    let s = &text[line.range.clone()];
    let (mut chars, mut letters, mut digits, mut upper, mut cased, mut unspaced) =
        (0, 0, 0, 0, 0, 0);
    for c in s.chars() {
        chars += 1;
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
                cased += 1;
            } else if c.is_lowercase() {
                cased += 1;
            }
            if is_unspaced(c) {
                unspaced += 1;
            }
        } else if c.is_numeric() {
            digits += 1;
        }
    }
    let mut spaced_words = 0;
    let mut title_words = 0;
    let mut word_hashes = Vec::new();
    for w in segment::words(text, line.range.clone()) {
        let word = &text[w];
        let first = word.chars().next().unwrap_or(' ');
        if is_unspaced(first) {
            word_hashes.push(word_hash(word));
            continue;
        }
        spaced_words += 1;
        if first.is_uppercase() {
            title_words += 1;
        }
        word_hashes.push(word_hash(word));
    }
    let last = s.chars().rev().find(|&c| !is_closer(c));
    LineCounts {
        chars,
        letters,
        digits,
        upper,
        cased,
        words: spaced_words as f32 + unspaced as f32 / 2.0,
        title_words,
        spaced_words,
        terminal: last.is_some_and(is_terminal),
        word_hashes,
    }
}

/// How many of the page's most frequent words count as its function words.
const FUNCTION_WORDS: usize = 24;

/// Measures every line of the page.
///
/// `hints`, when the clipboard's HTML was given, holds one [`LineHint`] per line; it is only
/// passed through, onto [`LineFeatures::hint`].
pub fn extract(
    text: &str,
    lines: &[Line],
    hints: Option<&[LineHint]>,
) -> (Vec<LineFeatures>, PageFacts) {
    let counts: Vec<LineCounts> = lines.iter().map(|l| count_line(text, l)).collect();

    // The page's function words: its most frequent words, counted in sentence-like lines.
    let mut freq: HashMap<u64, u32> = HashMap::new();
    for c in counts.iter().filter(|c| c.words >= 6.0) {
        for &h in &c.word_hashes {
            *freq.entry(h).or_insert(0) += 1;
        }
    }
    let mut ranked: Vec<(u64, u32)> = freq.into_iter().filter(|&(_, n)| n >= 3).collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let function: std::collections::HashSet<u64> = ranked
        .iter()
        .take(FUNCTION_WORDS)
        .map(|&(h, _)| h)
        .collect();

    // Repetition: lines with the same words.
    let keys: Vec<String> = lines
        .iter()
        .map(|l| lexicon::normalize(&text[l.range.clone()]))
        .collect();
    let mut copies: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        copies.entry(k.as_str()).or_insert((0, i)).0 += 1;
    }

    let mut feats: Vec<LineFeatures> = counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let fw = c
                .word_hashes
                .iter()
                .filter(|h| function.contains(h))
                .count();
            let function_density = if c.word_hashes.is_empty() {
                0.0
            } else {
                fw as f32 / c.word_hashes.len() as f32
            };
            let prose =
                c.words >= 10.0 && c.terminal || c.words >= 20.0 && function_density >= 0.25;
            let key = keys[i].as_str();
            let (n, first) = if key.is_empty() { (1, i) } else { copies[key] };
            let line_text = &text[lines[i].range.clone()];
            LineFeatures {
                chars: c.chars,
                words: c.words,
                letter_ratio: c.letters as f32 / c.chars.max(1) as f32,
                digit_ratio: c.digits as f32 / c.chars.max(1) as f32,
                upper_ratio: if c.cased == 0 {
                    0.0
                } else {
                    c.upper as f32 / c.cased as f32
                },
                title_ratio: if c.spaced_words == 0 {
                    0.0
                } else {
                    c.title_words as f32 / c.spaced_words as f32
                },
                terminal: c.terminal,
                function_density,
                prose,
                copies: n,
                first_copy: first == i,
                shape: shape(line_text),
                phrase: lexicon::ui_phrase(line_text),
                prose_distance: usize::MAX,
                prose_before: 0.0,
                short_run: 0,
                hint: hints.and_then(|h| h.get(i).copied()).unwrap_or_default(),
            }
        })
        .collect();

    // Distance to the nearest prose line, both ways, and the share of prose before each line.
    let total_prose: usize = feats.iter().filter(|f| f.prose).map(|f| f.chars).sum();
    let mut last = None;
    let mut before = 0usize;
    for (i, f) in feats.iter_mut().enumerate() {
        f.prose_before = if total_prose == 0 {
            0.0
        } else {
            before as f32 / total_prose as f32
        };
        if f.prose {
            before += f.chars;
            last = Some(i);
        }
        if let Some(p) = last {
            f.prose_distance = i - p;
        }
    }
    let mut next = None;
    for (i, f) in feats.iter_mut().enumerate().rev() {
        if f.prose {
            next = Some(i);
        }
        if let Some(p) = next {
            f.prose_distance = f.prose_distance.min(p - i);
        }
    }

    // Runs of short lines (menus, link lists, widget stacks).
    let short = |f: &LineFeatures| !f.prose && f.words <= 4.0;
    let mut i = 0;
    while i < feats.len() {
        if short(&feats[i]) {
            let start = i;
            while i < feats.len() && short(&feats[i]) {
                i += 1;
            }
            for f in &mut feats[start..i] {
                f.short_run = i - start;
            }
        } else {
            i += 1;
        }
    }

    let facts = PageFacts {
        first_prose: feats.iter().position(|f| f.prose),
        last_prose: feats.iter().rposition(|f| f.prose),
    };
    (feats, facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_short_lines() {
        let table = [
            ("2,500 $", Some(Shape::Amount)),
            ("$2,500", Some(Shape::Amount)),
            ("5.000 €", Some(Shape::Amount)),
            ("١٢٣ ر.س", Some(Shape::Amount)),
            ("55 Comments", Some(Shape::Counter)),
            ("1.2K shares", Some(Shape::Counter)),
            ("55", Some(Shape::Counter)),
            ("AUGUST 2025", Some(Shape::Date)),
            ("12 октября 2025", Some(Shape::Date)),
            ("3 hours ago", Some(Shape::Date)),
            ("12.10.2025", Some(Shape::Date)),
            ("()", Some(Shape::Symbol)),
            ("x", Some(Shape::Symbol)),
            ("Support SouthFront", None),
            ("He said 55 people came.", None),
        ];
        for (line, want) in table {
            assert_eq!(shape(line), want, "{line}");
        }
    }

    #[test]
    fn cjk_counts_half_a_word_per_ideograph() {
        let text = "日本語の文章です";
        let ls = segment::lines(text);
        let (f, _) = extract(text, &ls, None);
        assert!((f[0].words - 4.0).abs() < 0.01, "{}", f[0].words);
    }
}
