//! Step 4 of the pipeline: the evidence about each line, from the line itself (length, words,
//! punctuation, digits, case, function-word density, what it looks like) and from the page
//! around it (repetition, position, distance to the page's prose).
//!
//! Everything here is language-agnostic: function words are the page's own most frequent short
//! words, so they exist for any language that whatlang knows, and for scripts written without
//! spaces each ideograph counts as half a word.

use crate::html::LineHint;
use crate::lexicon;
use crate::lexicon::FastMap;
use crate::report::Subkind;
use crate::segment::Line;

mod count;
mod cuckoo;
mod edge_grams;
mod function_words;
mod hashes;
mod inputs;
mod periodicity;
mod shape;
mod word_grams;

use count::{count_line, line_breaks, LineCounts};
use edge_grams::edge_table;
use function_words::HashTable;
use hashes::{key_hash, line_form};
use shape::shape_counted;
use word_grams::word_table;

pub(crate) use inputs::plain_model_inputs;
pub use inputs::{
    model_inputs, HEADLINE_REACH, HTML_INPUTS, INPUTS, INPUT_NAMES, PLAIN_INPUTS, WORD_INPUTS,
};
pub use shape::shape;

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
    /// The index of the first line with the same words (this line's own index if none).
    pub copy_of: usize,
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
    /// This line's place in its run of short lines (0 for the first).
    pub run_index: usize,
    /// Share of characters that are punctuation or symbols.
    pub punct_ratio: f32,
    /// Commas, in any script.
    pub commas: usize,
    /// Separators that menus and breadcrumbs use (`|`, `·`, `•`, `»`, `/`).
    pub separators: usize,
    /// Share of letters from scripts written without spaces.
    pub unspaced_ratio: f32,
    /// Opens with a bullet, a dash or a list number.
    pub bullet: bool,
    /// Ends with a colon.
    pub colon: bool,
    /// Ends with a question or exclamation mark.
    pub question: bool,
    /// Opens with a quotation mark.
    pub quote: bool,
    /// The first letter is upper case.
    pub starts_upper: bool,
    /// Holds a URL, an e-mail address or a handle.
    pub url: bool,
    /// Letters per word.
    pub word_len: f32,
    /// Line breaks between the previous line and this one (1 when adjacent, more after blank
    /// lines; 0 for the first line). Browsers copy paragraphs with a blank line between them.
    pub breaks_before: usize,
    /// Tabs inside the line (browsers copy table cells with tabs between them).
    pub tabs: usize,
    /// How much the beginnings and endings of its words look like those of noise lines
    /// (positive) or of content lines (negative), learned from labelled pages (see
    /// `edge_grams`); 0 for a line without words or whose words the table does not know.
    pub edge_score: f32,
    /// How much its words and pairs of adjacent words look like those of noise lines
    /// (positive) or of content lines (negative), learned from labelled pages (see
    /// `word_grams`); 0 for a line without words or whose words the table does not know.
    pub lex_score: f32,
    /// The line's tokens (see `word_grams`).
    pub lex_tokens: u64,
    /// Its tokens the word table knows.
    pub lex_known: u64,
    /// What the clipboard's HTML says about the line (the default when there is no HTML).
    pub hint: LineHint,
}

/// The share of the page's tokens that the word table knows (0 for a page without tokens): how
/// far its word scores can be trusted.
pub fn word_coverage(feats: &[LineFeatures]) -> f32 {
    let (known, tokens) = feats.iter().fold((0u64, 0u64), |(k, t), f| {
        (k + f.lex_known, t + f.lex_tokens)
    });
    known_share(known, tokens)
}

/// `known` of `tokens` as a share (0 for no tokens).
fn known_share(known: u64, tokens: u64) -> f32 {
    if tokens == 0 {
        0.0
    } else {
        (known as f64 / tokens as f64) as f32
    }
}

/// The page-level facts the line features are measured against.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    /// Index of the first prose line.
    pub first_prose: Option<usize>,
    /// Index of the last prose line.
    pub last_prose: Option<usize>,
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
    let mut hashes: Vec<u64> = Vec::with_capacity(text.len() / 5 + 1);
    let counts: Vec<LineCounts> = lines
        .iter()
        .map(|l| count_line(text, l, &mut hashes))
        .collect();
    let hashes_of = |c: &LineCounts| hashes.get(c.word_hashes.clone()).unwrap_or(&[]);

    // The page's function words: its most frequent words, counted in sentence-like lines.
    // Sized for every word counted, so that it never grows (each growth re-inserts every
    // entry); the order it is read in does not matter, as `ranked` is sorted by a total order.
    let counted = |c: &&LineCounts| c.words >= 6.0;
    let words: usize = counts
        .iter()
        .filter(counted)
        .map(|c| c.word_hashes.len())
        .sum();
    let mut freq: FastMap<u64, u32> = FastMap::with_capacity_and_hasher(words, Default::default());
    for c in counts.iter().filter(counted) {
        for &h in hashes_of(c) {
            *freq.entry(h).or_insert(0) += 1;
        }
    }
    let mut ranked: Vec<(u64, u32)> = freq.into_iter().filter(|&(_, n)| n >= 3).collect();
    crate::sort::sort_by(&mut ranked, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let function_hashes: Vec<u64> = ranked
        .iter()
        .take(FUNCTION_WORDS)
        .map(|&(h, _)| h)
        .collect();
    let function = HashTable::new(&function_hashes);

    // Repetition: lines with the same words.
    // Each line's normalized form serves both its key and, for an ASCII line, its UI phrase.
    let mut buf = Vec::new();
    let mut phrases: Vec<Option<Subkind>> = Vec::with_capacity(lines.len());
    let keys: Vec<Option<u64>> = lines
        .iter()
        .zip(&counts)
        .map(|(l, c)| {
            let s = &text[l.range.clone()];
            let n = line_form(s, &mut buf);
            let form = buf.get(..n).unwrap_or(&[]);
            phrases.push(if c.ascii {
                lexicon::ui_phrase_of_ascii_form(s, form)
            } else {
                lexicon::ui_phrase(s)
            });
            (n > 0).then(|| key_hash(form))
        })
        .collect();
    let mut copies: FastMap<u64, (usize, usize)> =
        FastMap::with_capacity_and_hasher(keys.len(), Default::default());
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = *k {
            copies.entry(k).or_insert((0, i)).0 += 1;
        }
    }

    let edges = edge_table();
    let words = word_table();
    let mut feats: Vec<LineFeatures> = counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let fw = function.count(hashes_of(c));
            let function_density = if c.word_hashes.is_empty() {
                0.0
            } else {
                fw as f32 / c.word_hashes.len() as f32
            };
            let prose =
                c.words >= 10.0 && c.terminal || c.words >= 20.0 && function_density >= 0.25;
            let (n, first) = keys
                .get(i)
                .copied()
                .flatten()
                .and_then(|k| copies.get(&k).copied())
                .unwrap_or((1, i));
            let line_text = &text[lines[i].range.clone()];
            let lex = words.score(line_text);
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
                copy_of: first,
                shape: if c.chars > 60 {
                    None
                } else if c.ascii {
                    // ASCII letters and digits are all the alphabetic and numeric characters.
                    shape_counted(line_text, c.letters, c.digits)
                } else {
                    shape(line_text)
                },
                phrase: phrases.get(i).copied().flatten(),
                prose_distance: usize::MAX,
                prose_before: 0.0,
                short_run: 0,
                run_index: 0,
                punct_ratio: c.punct as f32 / c.chars.max(1) as f32,
                commas: c.commas,
                separators: c.separators,
                unspaced_ratio: c.unspaced as f32 / c.letters.max(1) as f32,
                bullet: c.bullet,
                colon: c.colon,
                question: c.question,
                quote: c.quote,
                starts_upper: c.starts_upper,
                url: c.url,
                word_len: if c.words > 0.0 {
                    c.letters as f32 / c.words
                } else {
                    0.0
                },
                breaks_before: i
                    .checked_sub(1)
                    .and_then(|p| lines.get(p))
                    .and_then(|p| text.get(p.range.end..lines[i].range.start))
                    .map_or(0, line_breaks),
                tabs: c.tabs,
                edge_score: edges.score(line_text),
                lex_score: lex.score,
                lex_tokens: lex.tokens,
                lex_known: lex.known,
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
            for (k, f) in feats[start..i].iter_mut().enumerate() {
                f.short_run = i - start;
                f.run_index = k;
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
