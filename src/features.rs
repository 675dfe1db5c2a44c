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
use crate::segment::{self, Line};
use std::ops::Range;

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
    use unicode_script::Script;
    // Thai (U+0E00) is the first of these scripts: everything below is spaced.
    c >= '\u{0E00}'
        && matches!(
            crate::script::script_of(c),
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

/// True for numbers glued to date units with no space, as CJK writes dates and times
/// (`2024年11月20日`, `10時32分`): alternating numbers and date words, at least one of each.
fn is_glued_date(t: &str) -> bool {
    // Both a number and a unit are needed: a token of only one kind is none.
    if !t.chars().any(char::is_numeric) || t.chars().all(char::is_numeric) {
        return false;
    }
    let mut numbers = 0;
    let mut units = 0;
    let mut rest = t;
    while let Some(c) = rest.chars().next() {
        let numeric = c.is_numeric();
        let len: usize = rest
            .chars()
            .take_while(|c| c.is_numeric() == numeric)
            .map(char::len_utf8)
            .sum();
        if numeric {
            numbers += 1;
        } else if lexicon::is_date_word(&rest[..len].to_lowercase()) {
            units += 1;
        } else {
            return false;
        }
        rest = &rest[len..];
    }
    numbers >= 1 && units >= 1
}

/// The shape of a short line, if it has a telling one.
pub fn shape(line: &str) -> Option<Shape> {
    // One pass: at most 60 characters, their letters and digits.
    let (mut chars, mut letters, mut digits) = (0usize, 0usize, 0usize);
    for c in line.chars() {
        chars += 1;
        if chars > 60 {
            return None;
        }
        // Both for letter numbers (`Ⅻ`), as two separate counts gave.
        letters += usize::from(c.is_alphabetic());
        digits += usize::from(c.is_numeric());
    }
    shape_counted(line, letters, digits)
}

/// [`shape`] of a line of at most 60 characters, `letters` of them alphabetic and `digits`
/// numeric (for an ASCII line, [`count_line`] has counted both).
fn shape_counted(line: &str, letters: usize, digits: usize) -> Option<Shape> {
    if digits == 0 && letters <= 1 {
        return Some(Shape::Symbol);
    }
    if digits == 0 {
        // Without a digit no token is a number, so no shape below can hold (an amount, a date
        // and a counter all need one), and with two letters some token is not empty: the
        // most common short line (a menu item, a heading) stops here.
        return None;
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
    // A date needs a digit: lines without one (most short lines) skip the date words.
    if tokens.iter().any(|t| t.chars().any(char::is_numeric)) {
        // One pass over the tokens: each lower-cased once, each glued-date test once.
        let (mut glued_count, mut date_words, mut has_month_or_unit) = (0, 0, false);
        let mut lower = String::new();
        for t in &tokens {
            let trimmed = t.trim_end_matches(['.', ',']);
            lower.clear();
            if trimmed.is_ascii() {
                lower.push_str(trimmed);
                lower.make_ascii_lowercase();
            } else {
                lower.push_str(&trimmed.to_lowercase());
            }
            let glued = is_glued_date(t);
            let date_word = lexicon::is_date_word(&lower);
            glued_count += usize::from(glued);
            has_month_or_unit |= date_word || glued;
            date_words += usize::from(
                date_word
                    || glued
                    || lower
                        .chars()
                        .all(|c| c.is_numeric() || matches!(c, '.' | '/' | '-' | ':' | ',')),
            );
        }
        let numbers = numbers + glued_count;
        let dotted_date = tokens.iter().any(|t| {
            // Three parts of ASCII digits, counted without collecting them.
            let parts = t.split(['.', '/', '-']).filter(|p| !p.is_empty());
            parts.clone().count() == 3
                && parts.clone().all(|p| p.bytes().all(|c| c.is_ascii_digit()))
        });
        if (numbers >= 1 && has_month_or_unit || dotted_date) && date_words + 1 >= tokens.len() {
            return Some(Shape::Date);
        }
    }
    if numbers == tokens.len() {
        return Some(Shape::Counter);
    }
    if numbers == 1 && rest <= 2 && tokens.len() <= 3 && is_number(tokens[0]) {
        return Some(Shape::Counter);
    }
    None
}

/// The FNV-1a offset basis.
const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// One FNV-1a step over a character.
fn fnv(h: u64, c: char) -> u64 {
    (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// A hash of a word's lower-case form, computed without allocating.
fn word_hash(word: &str) -> u64 {
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

/// A line's key as [`extract`] computes it (for the tests): the hash of its form.
#[cfg(test)]
fn line_key(line: &str, buf: &mut Vec<u8>) -> Option<u64> {
    let n = line_form(line, buf);
    (n > 0).then(|| key_hash(buf.get(..n).unwrap_or(&[])))
}

/// A line's words as [`lexicon::normalize`] keeps them (lower case, digits, punctuation and
/// symbols dropped, one space between words), written at the start of `buf` (reused from line
/// to line); the form's length, 0 for a line without letters. The form keys repeated lines
/// ([`key_hash`]: lines with the same words get the same key, whichever path wrote the form)
/// and, for ASCII lines, serves the UI phrases.
fn line_form(line: &str, buf: &mut Vec<u8>) -> usize {
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
fn key_hash(bytes: &[u8]) -> u64 {
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

/// Per-line counts gathered in the first pass.
struct LineCounts {
    /// Tabs (by the ASCII lanes: a tab is one byte, never part of another character).
    tabs: usize,
    chars: usize,
    letters: usize,
    digits: usize,
    upper: usize,
    cased: usize,
    words: f32,
    title_words: usize,
    spaced_words: usize,
    terminal: bool,
    /// Its words' hashes: a range of the page's list of word hashes (one list for the page,
    /// not an allocation per line).
    word_hashes: Range<usize>,
    /// Punctuation and symbols (not letters, digits or spaces).
    punct: usize,
    /// Commas in any script.
    commas: usize,
    /// Separators that menus and breadcrumbs use (`|`, `·`, `•`, `»`, `/`, `>`).
    separators: usize,
    /// Letters of scripts written without spaces.
    unspaced: usize,
    /// The line opens with a bullet, a dash or a list number.
    bullet: bool,
    /// The line ends with a colon.
    colon: bool,
    /// The line ends with `?` or `!` (in any script).
    question: bool,
    /// The line opens with a quotation mark.
    quote: bool,
    /// The first letter is upper case.
    starts_upper: bool,
    /// The line holds a URL, an e-mail address or a handle.
    url: bool,
    /// The line is all ASCII.
    ascii: bool,
}

/// The characters of the General Punctuation block that are neither letters, digits nor
/// white space (all but its spaces, line and paragraph separators and format characters up to
/// U+2027, and U+205F and after): dashes, quotation marks, bullets, the ellipsis. A test checks
/// every one of them.
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
}

/// `http`, `www.` and `.com` as the four bytes of a big-endian `u32`.
const WEB_HTTP: u32 = u32::from_be_bytes(*b"http");
const WEB_WWW: u32 = u32::from_be_bytes(*b"www.");
const WEB_COM: u32 = u32::from_be_bytes(*b".com");

/// The classes of ASCII characters for [`count_line`].
const A_OTHER: u8 = 0;
const A_UPPER: u8 = 1;
const A_LOWER: u8 = 2;
const A_DIGIT: u8 = 3;
const A_SPACE: u8 = 4;
const A_COMMA: u8 = 5;
const A_SEPARATOR: u8 = 6;
const A_AT: u8 = 7;
/// A tab (white space, counted apart).
const A_TAB: u8 = 8;
/// The bits of a class in [`ASCII_KIND`].
const A_CLASS: u8 = 15;
/// Added to the class of `p`, `m` and `.`, the last characters of `http`, `.com` and `www.`:
/// only after them can the last four characters be one of those.
const A_WEB_END: u8 = 0x80;

/// [`count_line`]'s class of every ASCII character: letters by case, digits, white space
/// (`char::is_whitespace`), and among the rest (punctuation, symbols, controls) the comma,
/// the separators and `@`; [`A_WEB_END`] marks the characters that can end a web marker.
const ASCII_KIND: [u8; 128] = {
    let mut t = [A_OTHER; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'A'..=b'Z' => A_UPPER,
            b'a'..=b'z' => A_LOWER,
            b'0'..=b'9' => A_DIGIT,
            b'\t' => A_TAB,
            b'\n' | 0x0B | 0x0C | b'\r' | b' ' => A_SPACE,
            b',' => A_COMMA,
            b'|' | b'/' | b'>' => A_SEPARATOR,
            b'@' => A_AT,
            _ => A_OTHER,
        } | match b as u8 {
            b'p' | b'm' | b'.' => A_WEB_END,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// What one ASCII character of each class (its [`ASCII_KIND`] without [`A_WEB_END`]) adds to
/// [`count_line`]'s counts, in 16-bit lanes: upper-case letters, lower-case letters, digits,
/// punctuation and symbols.
const ASCII_LANES: [u64; 16] = {
    let mut t = [0u64; 16];
    t[A_UPPER as usize] = 1;
    t[A_LOWER as usize] = 1 << 16;
    t[A_DIGIT as usize] = 1 << 32;
    t[A_OTHER as usize] = 1 << 48;
    t[A_COMMA as usize] = 1 << 48;
    t[A_SEPARATOR as usize] = 1 << 48;
    t[A_AT as usize] = 1 << 48;
    t
};

/// The same for commas, separators, `@` and tabs.
const ASCII_MARKS: [u64; 16] = {
    let mut t = [0u64; 16];
    t[A_COMMA as usize] = 1;
    t[A_SEPARATOR as usize] = 1 << 16;
    t[A_AT as usize] = 1 << 32;
    t[A_TAB as usize] = 1 << 48;
    t
};

fn count_line(text: &str, line: &Line, word_hashes: &mut Vec<u64>) -> LineCounts {
    let s = &text[line.range.clone()];
    let (mut chars, mut letters, mut digits, mut upper, mut cased, mut unspaced) =
        (0, 0, 0, 0, 0, 0);
    let (mut punct, mut commas, mut separators, mut at) = (0, 0, 0, false);
    // The last four characters, one byte each (0 for a non-ASCII one), to find `http`, `www.`
    // and `.com` in the same pass.
    let (mut window, mut web) = (0u32, false);
    // ASCII counts in 16-bit lanes (see `ASCII_LANES`), at most 0xFFFF characters at a time.
    let (mut lanes, mut marks, mut pending) = (0u64, 0u64, 0u32);
    let mut ascii_counts = [0usize; 8];
    let mut ascii_line = true;
    let mut flush = |lanes: u64, marks: u64| {
        for (i, n) in ascii_counts.iter_mut().enumerate() {
            let (word, lane) = if i < 4 { (lanes, i) } else { (marks, i - 4) };
            *n += ((word >> (16 * lane)) & 0xFFFF) as usize;
        }
    };
    for c in s.chars() {
        chars += 1;
        if c.is_ascii() {
            window = window << 8 | u32::from(c as u8);
            // The same counts by a table (ASCII is most of most pages), added without a
            // branch: one 16-bit lane a count, emptied before a lane can overflow.
            let k = ASCII_KIND[usize::from(c as u8 & 0x7f)];
            if k & A_WEB_END != 0 {
                web |= matches!(window, WEB_HTTP | WEB_WWW | WEB_COM);
            }
            lanes += ASCII_LANES[usize::from(k & A_CLASS)];
            marks += ASCII_MARKS[usize::from(k & A_CLASS)];
            pending += 1;
            if pending == 0xFFFF {
                flush(lanes, marks);
                (lanes, marks, pending) = (0, 0, 0);
            }
            continue;
        }
        ascii_line = false;
        window <<= 8;
        if is_general_punctuation(c) {
            // Curly quotes, dashes, bullets, the ellipsis (most characters beyond ASCII of
            // many pages): punctuation, without the Unicode look-ups below.
            punct += 1;
            separators += usize::from(matches!(c, '•' | '›'));
            continue;
        }
        if !c.is_alphanumeric() && !c.is_whitespace() {
            punct += 1;
            match c {
                ',' | '،' | '，' | '、' => commas += 1,
                '|' | '·' | '•' | '»' | '›' | '/' | '>' | '｜' | '・' => separators += 1,
                '@' => at = true,
                _ => {}
            }
        }
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
    flush(lanes, marks);
    let [a_upper, a_lower, a_digit, a_punct, a_commas, a_separators, a_at, tabs] = ascii_counts;
    letters += a_upper + a_lower;
    upper += a_upper;
    cased += a_upper + a_lower;
    digits += a_digit;
    punct += a_punct;
    commas += a_commas;
    separators += a_separators;
    at |= a_at > 0;
    let mut spaced_words = 0;
    let mut title_words = 0;
    let first_hash = word_hashes.len();
    if ascii_line {
        for w in segment::ascii_line_words(text, line.range.clone()) {
            // By bytes: spaced, title case for A–Z, the ASCII hash of `word_hash`.
            let word = text.as_bytes().get(w).unwrap_or(&[]);
            spaced_words += 1;
            title_words += usize::from(word.first().is_some_and(u8::is_ascii_uppercase));
            word_hashes.push(
                word.iter()
                    .fold(FNV_SEED, |h, &b| fnv(h, char::from(b.to_ascii_lowercase()))),
            );
        }
    } else {
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
    }
    let last = s.chars().rev().find(|&c| !is_closer(c));
    let first = s.chars().next().unwrap_or(' ');
    let second = s.chars().nth(1).unwrap_or(' ');
    let bullet = matches!(
        first,
        '•' | '-' | '–' | '—' | '*' | '·' | '▪' | '►' | '→' | '>'
    ) || first.is_numeric() && matches!(second, '.' | ')');
    let url = at || web;
    LineCounts {
        punct,
        commas,
        separators,
        unspaced,
        bullet,
        colon: matches!(s.chars().last(), Some(':' | '：')),
        question: matches!(last, Some('?' | '!' | '？' | '！' | '؟')),
        quote: matches!(
            first,
            '"' | '“' | '„' | '«' | '「' | '『' | '\'' | '‘' | '»'
        ),
        starts_upper: s
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase),
        url,
        chars,
        letters,
        digits,
        upper,
        cased,
        words: spaced_words as f32 + unspaced as f32 / 2.0,
        title_words,
        spaced_words,
        terminal: last.is_some_and(is_terminal),
        word_hashes: first_hash..word_hashes.len(),
        ascii: ascii_line,
        tabs,
    }
}

/// A few distinct 64-bit hashes (the page's function words), looked up without a branch: one
/// slot per byte `(h >> shift) & 255`, with a `shift` at which no two of them share a slot, so a
/// hash is in the set exactly when its slot holds it. An empty slot holds a value whose own
/// slot is another (no hash can equal it there). `None` when no shift separates them (24
/// hashes in 256 slots: about two chances in three at each of the 57 shifts to fail): then
/// the hashes are compared one by one.
enum HashTable {
    /// The shift and the 256 slots.
    Slots(u32, Box<[u64; 256]>),
    /// The hashes, when no shift separates them.
    List(Vec<u64>),
}

impl HashTable {
    fn new(hashes: &[u64]) -> HashTable {
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
    fn count(&self, hs: &[u64]) -> usize {
        match self {
            HashTable::Slots(shift, slots) => hs
                .iter()
                .map(|&h| usize::from(slots[((h >> shift) & 255) as usize] == h))
                .sum(),
            HashTable::List(hashes) => hs.iter().filter(|h| hashes.contains(h)).count(),
        }
    }
}

/// The line breaks in the gap between two lines (`\r\n` once).
fn line_breaks(gap: &str) -> usize {
    // The common gaps, without the loops below.
    match gap.as_bytes() {
        b"\n" => return 1,
        b"\n\n" => return 2,
        _ => {}
    }
    if gap.is_ascii() {
        // The same count by bytes.
        let b = gap.as_bytes();
        let crlf = b.windows(2).filter(|w| *w == b"\r\n").count();
        return b.iter().filter(|&&c| c == b'\n' || c == b'\r').count() - crlf;
    }
    let crlf = gap.matches("\r\n").count();
    gap.chars().filter(|&c| segment::is_line_break(c)).count() - crlf
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

/// The names of the model's inputs, in the order [`model_inputs`] writes them (the training
/// script in `tools/quality/` reads them from the feature dump).
pub const INPUT_NAMES: &[&str] = &[
    // The line itself.
    "log_chars",
    "words",
    "letter_ratio",
    "digit_ratio",
    "upper_ratio",
    "title_ratio",
    "terminal",
    "function_density",
    "prose",
    "punct_ratio",
    "commas",
    "separators",
    "unspaced_ratio",
    "bullet",
    "colon",
    "question",
    "quote",
    "starts_upper",
    "url",
    "word_len",
    "shape",
    "phrase",
    "copies",
    "first_copy",
    // Its neighbours (see NEIGHBOUR_NAMES), for offsets -2, -1, +1, +2.
    "p2_log_chars",
    "p2_words",
    "p2_terminal",
    "p2_prose",
    "p2_function_density",
    "p2_title_ratio",
    "p2_shape",
    "p2_phrase",
    "p2_upper_ratio",
    "p2_punct_ratio",
    "p1_log_chars",
    "p1_words",
    "p1_terminal",
    "p1_prose",
    "p1_function_density",
    "p1_title_ratio",
    "p1_shape",
    "p1_phrase",
    "p1_upper_ratio",
    "p1_punct_ratio",
    "n1_log_chars",
    "n1_words",
    "n1_terminal",
    "n1_prose",
    "n1_function_density",
    "n1_title_ratio",
    "n1_shape",
    "n1_phrase",
    "n1_upper_ratio",
    "n1_punct_ratio",
    "n2_log_chars",
    "n2_words",
    "n2_terminal",
    "n2_prose",
    "n2_function_density",
    "n2_title_ratio",
    "n2_shape",
    "n2_phrase",
    "n2_upper_ratio",
    "n2_punct_ratio",
    // Where it stands in the page.
    "rel_pos",
    "char_pos",
    "prose_before",
    "prose_after",
    "prose_lines_before",
    "dist_prev_prose",
    "dist_next_prose",
    "log_chardist_prev_prose",
    "log_chardist_next_prose",
    "inside",
    "before_first_prose",
    "after_last_prose",
    "short_run",
    "run_index",
    "run_rel",
    "long_run",
    "win3_prose",
    "win10_prose",
    "win30_prose",
    "win3_log_chars",
    "win10_log_chars",
    "win5_terminal",
    "win10_short",
    "similar_len_win5",
    "kept_headline",
    "chars_vs_max",
    "chars_vs_mean_prose",
    "breaks_before",
    "breaks_after",
    "tabs",
    "block_lines",
    "block_log_chars",
    "block_prose_share",
    "win5_blank",
    "page_blank_share",
    // The page.
    "page_log_lines",
    "page_log_chars",
    "page_log_prose_lines",
    "page_prose_share",
    "page_mean_log_chars",
    "page_short_share",
    "page_unspaced",
    // Repeating patterns of lines around it (see `periodicity`).
    "per_best",
    "per_excess",
    "per_repeats",
    "per_long_member",
    "per_win_share",
    "per_article_before",
    "per_article_after",
    "per_page_article",
    // The clipboard's HTML (all 0 when there is none; the plain-text model reads none of
    // these, see `PLAIN_INPUTS`).
    "html",
    "page_html_found",
    "page_html_article",
    "h_found",
    "h_link_density",
    "h_nav",
    "h_footer",
    "h_aside",
    "h_header",
    "h_list_item",
    "h_heading",
    "h_control",
    "h_caption",
    "h_widget",
    "h_form",
    "h_byline",
    "h_main",
    "h_article",
    "h_aria_hidden",
    "h_log_text_density",
    "h_depth",
    "h_position",
    "h_p1_found",
    "h_p1_article",
    "h_p1_link_density",
    "h_n1_found",
    "h_n1_article",
    "h_n1_link_density",
    "h_win3_article",
    "h_win3_link_density",
    "h_win10_article",
    "h_article_before",
    "h_article_after",
    "h_table",
    "h_pre",
    "h_quote",
    "h_comment",
    "h_share",
    "h_related",
    "h_tags",
    "h_notice",
    "h_ad",
    "h_article_body",
    "h_block_tag",
    "h_inner_tag",
    "h_block_log_chars",
    "h_block_link_density",
    "h_parent_log_chars",
    "h_parent_link_density",
    "h_path_log_count",
    "h_path_parents",
    "h_path_share",
    "h_ancestor_score",
    "h_article_steps",
    "h_article_lca_share",
    "h_h1_steps",
    "h_h1_lca_share",
    "h_article_from_start",
    "h_article_to_end",
    "h_h1_from",
    "h_path_article_share",
    "h_log_siblings",
];

/// The number of model inputs per line.
pub const INPUTS: usize = INPUT_NAMES.len();

/// The number of inputs from the HTML's hints, the last ones of [`INPUT_NAMES`] (from `html`
/// on): the page's 3 and the line's [`HINT_INPUTS`].
pub const HTML_INPUTS: usize = 3 + HINT_INPUTS;

/// The number of inputs from the text alone, the first ones of [`INPUT_NAMES`]: what the
/// plain-text model reads.
pub const PLAIN_INPUTS: usize = INPUTS - HTML_INPUTS;

/// The inputs from the HTML's hints after the page's `html` inputs: the line's own (19), its two
/// neighbours' (3 each) and 5 of the lines around it.
const HINT_INPUTS: usize = 19 + 2 * 3 + 5 + STRUCTURE_INPUTS;

/// The inputs from the line's block element and its place in the HTML's tree.
const STRUCTURE_INPUTS: usize = 29;

/// The inputs measured on each neighbour.
const NEIGHBOUR_INPUTS: usize = 10;

fn bool_f(b: bool) -> f32 {
    // 1.0 or 0.0 without a branch (the model's flags are what the CPU cannot predict).
    f32::from(u8::from(b))
}

fn shape_code(f: &LineFeatures) -> f32 {
    match f.shape {
        None => 0.0,
        Some(Shape::Amount) => 1.0,
        Some(Shape::Counter) => 2.0,
        Some(Shape::Date) => 3.0,
        Some(Shape::Symbol) => 4.0,
    }
}

fn phrase_code(f: &LineFeatures) -> f32 {
    match f.phrase {
        None => 0.0,
        Some(Subkind::Control) => 1.0,
        Some(Subkind::Navigation) => 2.0,
        Some(Subkind::Share) => 3.0,
        Some(Subkind::Comments) => 4.0,
        Some(Subkind::Consent) => 5.0,
        Some(Subkind::Caption) => 6.0,
        Some(_) => 7.0,
    }
}

fn log_chars(f: &LineFeatures) -> f32 {
    (1.0 + f.chars as f32).ln()
}

/// The inputs a line gives as a line's neighbour; `lc` is its [`log_chars`] (a missing
/// neighbour, past the page's ends, gives -1 for every input).
fn neighbour_row(f: &LineFeatures, lc: f32) -> [f32; NEIGHBOUR_INPUTS] {
    [
        lc,
        f.words.min(200.0),
        bool_f(f.terminal),
        bool_f(f.prose),
        f.function_density,
        f.title_ratio,
        shape_code(f),
        phrase_code(f),
        f.upper_ratio,
        f.punct_ratio,
    ]
}

/// The inputs from one line's HTML hint.
fn hint_inputs(h: &LineHint) -> [f32; 19] {
    [
        bool_f(h.found),
        h.link_density,
        bool_f(h.in_nav),
        bool_f(h.in_footer),
        bool_f(h.in_aside),
        bool_f(h.in_header),
        bool_f(h.in_list_item),
        bool_f(h.in_heading),
        bool_f(h.in_control),
        bool_f(h.in_caption),
        bool_f(h.in_widget),
        bool_f(h.in_form),
        bool_f(h.in_byline),
        bool_f(h.in_main),
        bool_f(h.in_article),
        bool_f(h.aria_hidden),
        (1.0 + h.text_density).ln(),
        f32::from(h.depth.min(200)),
        h.position,
    ]
}

/// The inputs from the line's block element and its place in the HTML's tree.
fn structure_inputs(h: &LineHint) -> [f32; STRUCTURE_INPUTS] {
    let log = |x: u32| (1.0 + x as f32).ln();
    [
        bool_f(h.in_table),
        bool_f(h.in_pre),
        bool_f(h.in_quote),
        bool_f(h.in_comment),
        bool_f(h.in_share),
        bool_f(h.in_related),
        bool_f(h.in_tags),
        bool_f(h.in_notice),
        bool_f(h.in_ad),
        bool_f(h.in_article_body),
        f32::from(h.block_tag),
        f32::from(h.inner_tag),
        log(h.block_chars),
        h.block_link_density,
        log(h.parent_chars),
        h.parent_link_density,
        log(h.path_count),
        h.path_parents.min(1000) as f32,
        h.path_share,
        h.ancestor_score,
        f32::from(h.article_steps.min(100)),
        h.article_lca_share,
        f32::from(h.h1_steps.min(100)),
        h.h1_lca_share,
        h.article_from_start,
        h.article_to_end,
        h.h1_from,
        h.path_article_share,
        log(h.siblings),
    ]
}

/// The inputs a neighbour's HTML hint gives (-1 past the page's ends).
fn hint_neighbour(out: &mut Vec<f32>, f: Option<&LineFeatures>) {
    match f {
        None => out.extend_from_slice(&[-1.0; 3]),
        Some(f) => out.extend_from_slice(&[
            bool_f(f.hint.found),
            bool_f(f.hint.in_article),
            f.hint.link_density,
        ]),
    }
}

/// The periodicity inputs of one line (see [`periodicity`]).
const PERIOD_INPUTS: usize = 8;

/// The longest period the periodicity inputs look for, in lines.
const MAX_PERIOD: usize = 6;

/// Lines on each side of a line in which its periodicity is measured.
const PERIOD_WINDOW: usize = 12;

/// A coarse class of a line for the periodicity inputs: its shape, else its UI phrase, else
/// "long" for prose and lines over 100 characters (a comment's or a teaser's text varies in
/// length), else its length (up to 30 characters, up to 100) and whether it ends a sentence.
fn line_class(f: &LineFeatures) -> u8 {
    match (f.shape, f.phrase) {
        (Some(_), _) => shape_code(f) as u8,
        (None, Some(_)) => 8 + phrase_code(f) as u8,
        (None, None) if f.prose || f.chars > 100 => 16,
        (None, None) => 17 + 2 * u8::from(f.chars > 30) + u8::from(f.terminal),
    }
}

/// Bit p - 1 of the j-th byte: the pair of lines (j, j + p) matches (same `class`, and a line
/// that is not prose among the p lines from j: `not_prose[j]` counts those before j, with one
/// entry more than `class`). Every test is made, without a branch per pair (whether a pair
/// matches is what the CPU cannot predict).
fn period_bits(class: &[u8], not_prose: &[u32]) -> Vec<u8> {
    let n = class.len();
    (0..n)
        .map(|j| {
            let c = class.get(j).copied();
            let before = not_prose.get(j).copied().unwrap_or(u32::MAX);
            let mut bits = 0u8;
            for p in 1..=MAX_PERIOD {
                let k = j + p;
                // Past the end, `get` gives `None` / 0: never a match, as `k < n` says.
                let same = class.get(k).copied() == c;
                let other = not_prose.get(k).copied().unwrap_or(0) > before;
                bits |= u8::from((k < n) & same & other) << (p - 1);
            }
            bits
        })
        .collect()
}

/// Whether the lines around each line repeat a small pattern (a comment thread's name / date /
/// text / "Reply", a listing's title / summary, a shop's product tiles), unlike an article's run
/// of prose paragraphs, and where the line stands relative to the prose outside such patterns
/// (an article's, not a thread's). `logs` holds each line's [`log_chars`].
///
/// For each period p from 1 to [`MAX_PERIOD`], a pair of lines p apart matches when both have
/// the same [`line_class`] and the p lines from the first hold a line that is not prose (so a
/// run of prose paragraphs does not repeat). Per line, in the ±[`PERIOD_WINDOW`] lines around
/// it (the inputs `per_…` of [`INPUT_NAMES`]):
/// - the best share of matching pairs over the periods p ≥ 2, and its excess over p = 1 (a
///   menu repeats at every period, a pattern only at its own);
/// - at that period, the repeats of the pattern (the run of consecutive matching pairs) the line
///   is part of, and whether the line is the longest of its cycle in a pattern repeated at least
///   twice (a teaser's summary, a comment's text);
/// - the share of the window's characters in periodic lines (part of a pattern whose best share
///   is at least one half);
/// - the share of the page's non-periodic prose characters before and after the line, and their
///   amount (log).
///
/// Linear in the lines (prefix sums per period); a few arrays per page, none per line.
fn periodicity(feats: &[LineFeatures], logs: &[f32]) -> Vec<[f32; PERIOD_INPUTS]> {
    let n = feats.len();
    let class: Vec<u8> = feats.iter().map(line_class).collect();
    // not_prose[j]: non-prose lines before j.
    let mut not_prose = vec![0u32; n + 1];
    for (j, f) in feats.iter().enumerate() {
        not_prose[j + 1] = not_prose[j] + u32::from(!f.prose);
    }
    let bits = period_bits(&class, &not_prose);
    let matching =
        |j: usize, p: usize| -> bool { bits.get(j).is_some_and(|b| b >> (p - 1) & 1 == 1) };
    // For each period p (at (p - 1) * stride): matching pairs starting before j (prefix sums),
    // and the first and last pair of the run of consecutive matching pairs that j is in.
    let stride = n + 1;
    let mut matches = vec![0u32; MAX_PERIOD * stride];
    let mut run_start = vec![0u32; MAX_PERIOD * stride];
    let mut run_end = vec![0u32; MAX_PERIOD * stride];
    for p in 1..=MAX_PERIOD {
        let base = (p - 1) * stride;
        // Without a branch on `m` (where runs start and end is what the CPU cannot predict):
        // every line gets a value, read only for the lines whose pair matches.
        let (mut start, mut prev) = (0usize, false);
        for j in 0..n {
            let m = matching(j, p);
            matches[base + j + 1] = matches[base + j] + u32::from(m);
            start = if m & !prev { j } else { start };
            run_start[base + j] = start as u32;
            prev = m;
        }
        let (mut end, mut next) = (0usize, false);
        for j in (0..n).rev() {
            let m = matching(j, p);
            end = if m & !next { j } else { end };
            run_end[base + j] = end as u32;
            next = m;
        }
    }
    // The share of matching pairs (j, j + p) inside the window around i.
    let share = |i: usize, p: usize| -> f32 {
        let a = i.saturating_sub(PERIOD_WINDOW);
        let b = (i + PERIOD_WINDOW + 1).min(n);
        if b < a + p + 1 {
            return 0.0;
        }
        let base = (p - 1) * stride;
        let last = b - p; // pairs start in a..last
        (matches[base + last] - matches[base + a]) as f32 / (last - a) as f32
    };
    let mut out = Vec::with_capacity(n);
    // Characters before each line: all, of periodic lines, of prose outside periodic lines.
    let mut chars = vec![0f64; n + 1];
    let mut periodic_chars = vec![0f64; n + 1];
    let mut article = vec![0f64; n + 1];
    for (i, f) in feats.iter().enumerate() {
        let s1 = share(i, 1);
        let (mut best, mut period) = (0f32, 0usize);
        for p in 2..=MAX_PERIOD {
            let s = share(i, p);
            if s > best {
                best = s;
                period = p;
            }
        }
        let (mut repeats, mut long_member, mut periodic) = (0f32, false, false);
        if period > 0 {
            let base = (period - 1) * stride;
            // The run of matching pairs the line is in, as the first or the second of a pair.
            let run = if matching(i, period) {
                Some(i)
            } else if i >= period && matching(i - period, period) {
                Some(i - period)
            } else {
                None
            };
            if let Some(j) = run {
                let (s, e) = (run_start[base + j] as usize, run_end[base + j] as usize);
                repeats = (e - s + 1 + period) as f32 / period as f32;
                let cycle = i - (i - s) % period;
                let longest = logs
                    .get(cycle..(cycle + period).min(n))
                    .unwrap_or(&[])
                    .iter()
                    .all(|&g| g <= logs[i]);
                long_member = longest && repeats >= 2.0;
                periodic = best >= 0.5;
            }
        }
        chars[i + 1] = chars[i] + f.chars as f64;
        periodic_chars[i + 1] = periodic_chars[i] + if periodic { f.chars as f64 } else { 0.0 };
        article[i + 1] = article[i]
            + if f.prose && !periodic {
                f.chars as f64
            } else {
                0.0
            };
        out.push([
            best,
            best - s1,
            repeats.min(50.0),
            bool_f(long_member),
            0.0,
            0.0,
            0.0,
            0.0,
        ]);
    }
    let total = article[n];
    for (i, o) in out.iter_mut().enumerate() {
        let a = i.saturating_sub(PERIOD_WINDOW);
        let b = (i + PERIOD_WINDOW + 1).min(n);
        let c = chars[b] - chars[a];
        if c > 0.0 {
            o[4] = ((periodic_chars[b] - periodic_chars[a]) / c) as f32;
        }
        if total > 0.0 {
            o[5] = (article[i] / total) as f32;
            o[6] = ((total - article[i + 1]) / total) as f32;
        }
        o[7] = (1.0 + total as f32).ln();
    }
    out
}

/// Whether a line is short and not prose (a menu item, a button, a label).
fn is_short(f: &LineFeatures) -> bool {
    !f.prose && f.words <= 4.0
}

/// The model's inputs for every line (named by [`INPUT_NAMES`]), `INPUTS` numbers a line, one
/// line after another: the line's own evidence, its neighbours', where it stands relative to
/// the page's prose, and the page's size.
pub fn model_inputs(feats: &[LineFeatures], page: &PageFacts) -> Vec<f32> {
    let n = feats.len();
    let mut out = Vec::with_capacity(n * INPUTS);
    // Prefix sums (index i holds the sum over lines before i).
    let mut chars = vec![0f64; n + 1];
    let mut prose_chars = vec![0f64; n + 1];
    let mut prose_lines = vec![0usize; n + 1];
    let mut logc = vec![0f64; n + 1];
    let mut term = vec![0usize; n + 1];
    let mut short = vec![0usize; n + 1];
    // From the HTML: characters inside the article block, link characters, lines found.
    let mut article_chars = vec![0f64; n + 1];
    let mut link = vec![0f64; n + 1];
    let mut found = 0usize;
    // Each line's log length, computed once (a line is its neighbours' neighbour and in ten
    // windows).
    let logs: Vec<f32> = feats.iter().map(log_chars).collect();
    let periodic = periodicity(feats, &logs);
    for (i, f) in feats.iter().enumerate() {
        article_chars[i + 1] = article_chars[i]
            + if f.hint.in_article {
                f.chars as f64
            } else {
                0.0
            };
        link[i + 1] = link[i] + f64::from(f.hint.link_density);
        found += usize::from(f.hint.found);
        chars[i + 1] = chars[i] + f.chars as f64;
        prose_chars[i + 1] = prose_chars[i] + if f.prose { f.chars as f64 } else { 0.0 };
        prose_lines[i + 1] = prose_lines[i] + usize::from(f.prose);
        logc[i + 1] = logc[i] + f64::from(logs[i]);
        term[i + 1] = term[i] + usize::from(f.terminal);
        short[i + 1] = short[i] + usize::from(is_short(f));
    }
    let total_chars = chars[n].max(1.0);
    let total_prose = prose_chars[n];
    let total_prose_lines = prose_lines[n];
    let max_chars = feats.iter().map(|f| f.chars).max().unwrap_or(1).max(1) as f32;
    let mean_prose = if total_prose_lines > 0 {
        (total_prose / total_prose_lines as f64) as f32
    } else {
        1.0
    };
    let unspaced: f32 = feats
        .iter()
        .map(|f| f.unspaced_ratio * f.chars as f32)
        .sum::<f32>()
        / total_chars as f32;
    let has_html = found > 0;
    let total_article = article_chars[n];
    let html_page = [
        bool_f(has_html),
        if n > 0 { found as f32 / n as f32 } else { 0.0 },
        (total_article / total_chars) as f32,
    ];
    let page_inputs = [
        (1.0 + n as f32).ln(),
        (total_chars as f32).ln(),
        (1.0 + total_prose_lines as f32).ln(),
        (total_prose / total_chars) as f32,
        if n > 0 {
            (logc[n] / n as f64) as f32
        } else {
            0.0
        },
        if n > 0 {
            short[n] as f32 / n as f32
        } else {
            0.0
        },
        unspaced,
    ];

    // The nearest prose line before and after each line.
    let mut prev_prose = vec![None; n];
    let mut next_prose = vec![None; n];
    let mut last = None;
    for (i, f) in feats.iter().enumerate() {
        prev_prose[i] = last;
        if f.prose {
            last = Some(i);
        }
    }
    last = None;
    for (i, f) in feats.iter().enumerate().rev() {
        next_prose[i] = last;
        if f.prose {
            last = Some(i);
        }
    }
    // Blocks: lines between blank lines.
    let blank = |i: usize| feats.get(i).is_some_and(|f| f.breaks_before > 1);
    let mut blanks = vec![0usize; n + 1];
    for i in 0..n {
        blanks[i + 1] = blanks[i] + usize::from(blank(i));
    }
    let page_blank = if n > 1 {
        blanks[n] as f32 / (n - 1) as f32
    } else {
        0.0
    };
    let mut block = vec![(0usize, 0f32, 0f32); n];
    let mut i = 0;
    while i < n {
        let start = i;
        i += 1;
        while i < n && !blank(i) {
            i += 1;
        }
        let c = chars[i] - chars[start];
        let p = prose_chars[i] - prose_chars[start];
        let v = (
            i - start,
            (1.0 + c as f32).ln(),
            if c > 0.0 { (p / c) as f32 } else { 0.0 },
        );
        for b in &mut block[start..i] {
            *b = v;
        }
    }
    // Runs of lines that are not short.
    let mut long_run = vec![0usize; n];
    let mut i = 0;
    while i < n {
        if is_short(&feats[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && !is_short(&feats[i]) {
            i += 1;
        }
        for r in &mut long_run[start..i] {
            *r = i - start;
        }
    }

    let window = |pre: &[f64], i: usize, w: usize| -> (f64, usize) {
        let a = i.saturating_sub(w);
        let b = (i + w + 1).min(n);
        (pre[b] - pre[a], b - a)
    };
    let window_usize = |pre: &[usize], i: usize, w: usize| -> f32 {
        let a = i.saturating_sub(w);
        let b = (i + w + 1).min(n);
        (pre[b] - pre[a]) as f32 / (b - a).max(1) as f32
    };
    let prose_share = |i: usize, w: usize| -> f32 {
        let (p, _) = window(&prose_chars, i, w);
        let (c, _) = window(&chars, i, w);
        if c > 0.0 {
            (p / c) as f32
        } else {
            0.0
        }
    };

    // Each line's inputs as a neighbour, computed once (a line is four lines' neighbour), two
    // rows of -1 (no line) on each side.
    let none = [-1.0f32; NEIGHBOUR_INPUTS];
    let mut rows = Vec::with_capacity(n + 4);
    rows.extend([none, none]);
    rows.extend(feats.iter().zip(&logs).map(|(f, &lc)| neighbour_row(f, lc)));
    rows.extend([none, none]);

    const FAR: f32 = 100.0;
    for (i, f) in feats.iter().enumerate() {
        out.extend_from_slice(&[
            logs[i],
            f.words.min(200.0),
            f.letter_ratio,
            f.digit_ratio,
            f.upper_ratio,
            f.title_ratio,
            bool_f(f.terminal),
            f.function_density,
            bool_f(f.prose),
            f.punct_ratio,
            f.commas.min(50) as f32,
            f.separators.min(50) as f32,
            f.unspaced_ratio,
            bool_f(f.bullet),
            bool_f(f.colon),
            bool_f(f.question),
            bool_f(f.quote),
            bool_f(f.starts_upper),
            bool_f(f.url),
            f.word_len.min(50.0),
            shape_code(f),
            phrase_code(f),
            f.copies.min(50) as f32,
            bool_f(f.first_copy),
        ]);
        // Lines i - 2 and i - 1, then i + 1 and i + 2 (`rows` starts two rows early).
        for r in [i..i + 2, i + 3..i + 5] {
            out.extend_from_slice(rows.get(r).unwrap_or(&[]).as_flattened());
        }

        let own_prose = if f.prose { f.chars as f64 } else { 0.0 };
        let (before, after) = if total_prose > 0.0 {
            (
                (prose_chars[i] / total_prose) as f32,
                ((total_prose - prose_chars[i] - own_prose) / total_prose) as f32,
            )
        } else {
            (0.0, 0.0)
        };
        let dist_prev = prev_prose[i].map_or(FAR, |p| ((i - p) as f32).min(FAR));
        let dist_next = next_prose[i].map_or(FAR, |p| ((p - i) as f32).min(FAR));
        let chardist_prev =
            prev_prose[i].map_or(15.0, |p| ((1.0 + chars[i] - chars[p + 1]) as f32).ln());
        let chardist_next =
            next_prose[i].map_or(15.0, |p| ((1.0 + chars[p] - chars[i + 1]) as f32).ln());
        let (first, lastp) = (page.first_prose, page.last_prose);
        let inside = matches!((first, lastp), (Some(a), Some(b)) if a <= i && i <= b);
        let before_first = first.is_none_or(|a| i < a);
        let after_last = lastp.is_none_or(|b| i > b);
        let (logc3, k3) = window(&logc, i, 3);
        let (logc10, k10) = window(&logc, i, 10);
        let lc = logs[i];
        let similar = (i.saturating_sub(5)..(i + 6).min(n))
            .filter(|&j| j != i)
            .filter(|&j| logs.get(j).is_some_and(|&g| (g - lc).abs() < 0.3))
            .count();
        let kept_headline = f.copies > 1
            && !f.prose
            && first.is_some_and(|p| {
                i < p
                    && p - i <= HEADLINE_REACH
                    && !feats
                        .get(i + 1..p)
                        .unwrap_or(&[])
                        .iter()
                        .any(|g| g.copies == f.copies && g.chars == f.chars)
            });
        out.extend_from_slice(&[
            if n > 1 {
                i as f32 / (n - 1) as f32
            } else {
                0.0
            },
            (chars[i] / total_chars) as f32,
            before,
            after,
            if total_prose_lines > 0 {
                prose_lines[i] as f32 / total_prose_lines as f32
            } else {
                0.0
            },
            dist_prev,
            dist_next,
            chardist_prev,
            chardist_next,
            bool_f(inside),
            bool_f(before_first),
            bool_f(after_last),
            f.short_run.min(200) as f32,
            f.run_index.min(200) as f32,
            if f.short_run > 0 {
                f.run_index as f32 / f.short_run as f32
            } else {
                -1.0
            },
            long_run.get(i).copied().unwrap_or(0).min(200) as f32,
            prose_share(i, 3),
            prose_share(i, 10),
            prose_share(i, 30),
            (logc3 / k3.max(1) as f64) as f32,
            (logc10 / k10.max(1) as f64) as f32,
            window_usize(&term, i, 5),
            window_usize(&short, i, 10),
            similar as f32,
            bool_f(kept_headline),
            f.chars as f32 / max_chars,
            f.chars as f32 / mean_prose,
            f.breaks_before.min(4) as f32,
            feats.get(i + 1).map_or(0, |g| g.breaks_before.min(4)) as f32,
            f.tabs.min(50) as f32,
            block.get(i).map_or(0, |b| b.0.min(500)) as f32,
            block.get(i).map_or(0.0, |b| b.1),
            block.get(i).map_or(0.0, |b| b.2),
            window_usize(&blanks, i, 5),
            page_blank,
        ]);
        out.extend_from_slice(&page_inputs);
        out.extend_from_slice(periodic.get(i).unwrap_or(&[0.0; PERIOD_INPUTS]));

        // The HTML's hints: all 0 for a page without HTML (the plain-text model reads only the
        // inputs before these; the HTML model reads them all).
        out.extend_from_slice(&html_page);
        if has_html {
            out.extend_from_slice(&hint_inputs(&f.hint));
            hint_neighbour(&mut out, i.checked_sub(1).and_then(|j| feats.get(j)));
            hint_neighbour(&mut out, feats.get(i + 1));
            let share = |w: usize| -> f32 {
                let (a, _) = window(&article_chars, i, w);
                let (c, _) = window(&chars, i, w);
                if c > 0.0 {
                    (a / c) as f32
                } else {
                    0.0
                }
            };
            let (l3, k3) = window(&link, i, 3);
            let own = if f.hint.in_article {
                f.chars as f64
            } else {
                0.0
            };
            let (before, after) = if total_article > 0.0 {
                (
                    (article_chars[i] / total_article) as f32,
                    ((total_article - article_chars[i] - own) / total_article) as f32,
                )
            } else {
                (0.0, 0.0)
            };
            out.extend_from_slice(&[
                share(3),
                (l3 / k3.max(1) as f64) as f32,
                share(10),
                before,
                after,
            ]);
            out.extend_from_slice(&structure_inputs(&f.hint));
        } else {
            out.extend_from_slice(&[0.0; HINT_INPUTS]);
        }
    }
    out
}

/// How many lines before the first prose line a headline may stand.
pub const HEADLINE_REACH: usize = 4;

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

    #[test]
    fn period_bits_are_the_pairs_that_match() {
        let mut rng = crate::testing::XorShift(5);
        for round in 0..3000 {
            let n = round % 40;
            let class: Vec<u8> = (0..n).map(|_| (rng.next_u64() % 4) as u8).collect();
            let mut not_prose = vec![0u32; n + 1];
            for j in 0..n {
                not_prose[j + 1] = not_prose[j] + u32::from(rng.next_u64() % 3 == 0);
            }
            let slow: Vec<u8> = (0..n)
                .map(|j| {
                    (1..=MAX_PERIOD)
                        .filter(|&p| {
                            j + p < n && class[j] == class[j + p] && not_prose[j + p] > not_prose[j]
                        })
                        .fold(0u8, |b, p| b | 1 << (p - 1))
                })
                .collect();
            assert_eq!(period_bits(&class, &not_prose), slow);
        }
    }

    #[test]
    fn line_breaks_by_fast_paths_are_the_counted_ones() {
        let alphabet = ['\n', '\r', ' ', '\t', '\u{2028}', '\u{2029}', '\u{85}'];
        let mut rng = crate::testing::XorShift(23);
        for n in 0..5_000 {
            let gap = rng.string(&alphabet, n % 6);
            let crlf = gap.matches("\r\n").count();
            let want = gap.chars().filter(|&c| segment::is_line_break(c)).count() - crlf;
            assert_eq!(line_breaks(&gap), want, "{gap:?}");
        }
        assert_eq!((line_breaks("\n"), line_breaks("\n\n")), (1, 2));
    }

    #[test]
    fn flags_are_one_and_zero() {
        assert_eq!(bool_f(true).to_bits(), 1.0f32.to_bits());
        assert_eq!(bool_f(false).to_bits(), 0.0f32.to_bits());
    }

    #[test]
    fn counts_by_lanes_are_the_counts_by_characters() {
        // Lines over every ASCII class and a few other characters, some longer than a lane holds.
        let alphabet: Vec<char> = "aZ5 \t,|/>@.!\u{1}é·，Ü’—•›\u{2009}\u{205F}"
            .chars()
            .collect();
        let mut rng = crate::testing::XorShift(0x5851_f42d_4c95_7f2d);
        for i in 0..300usize {
            let len = if i % 50 == 7 { 65_530 + 3 * i } else { i % 40 };
            let ascii_only = i % 3 == 0;
            let s = if i < alphabet.len() {
                // One character over and over: its lane fills past 16 bits.
                alphabet[i].to_string().repeat(70_000 + i)
            } else {
                rng.string(
                    &alphabet[..if ascii_only { 13 } else { alphabet.len() }],
                    len,
                )
            };
            let mut hashes = Vec::new();
            let c = count_line(
                &s,
                &Line {
                    range: 0..s.len(),
                    full: 0..s.len(),
                },
                &mut hashes,
            );
            // The ASCII test and the ASCII lines' own word scan.
            assert_eq!(c.ascii, s.is_ascii(), "{i}");
            let words: Vec<u64> = segment::words(&s, 0..s.len())
                .map(|w| word_hash(&s[w]))
                .collect();
            assert_eq!(hashes, words, "{i}");
            let count = |f: &dyn Fn(char) -> bool| s.chars().filter(|&c| f(c)).count();
            let punct = |c: char| !c.is_alphanumeric() && !c.is_whitespace();
            assert_eq!(c.letters, count(&|c| c.is_alphabetic()), "{i}");
            assert_eq!(c.upper, count(&|c| c.is_uppercase()), "{i}");
            assert_eq!(
                c.cased,
                count(&|c| c.is_uppercase() || c.is_lowercase()),
                "{i}"
            );
            assert_eq!(
                c.digits,
                count(&|c| c.is_numeric() && !c.is_alphabetic()),
                "{i}"
            );
            assert_eq!(c.punct, count(&punct), "{i}");
            assert_eq!(c.commas, count(&|c| matches!(c, ',' | '，')), "{i}");
            assert_eq!(
                c.separators,
                count(&|c| matches!(c, '|' | '/' | '>' | '·' | '•' | '›')),
                "{i}"
            );
            assert_eq!(c.url, s.contains('@'), "{i}");
            assert_eq!(c.tabs, count(&|c| c == '\t'), "{i}");
        }
    }

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

    #[test]
    fn general_punctuation_is_neither_letter_digit_nor_space() {
        let all = ('\u{2000}'..='\u{206F}').filter(|&c| is_general_punctuation(c));
        assert_eq!(all.clone().count(), 24 + 47);
        for c in all {
            assert!(
                !c.is_alphanumeric() && !c.is_whitespace() && !c.is_alphabetic(),
                "{c:?}"
            );
            assert!(
                !c.is_numeric() && !c.is_uppercase() && !c.is_lowercase(),
                "{c:?}"
            );
            assert!(!is_unspaced(c), "{c:?}");
        }
    }

    #[test]
    fn web_markers_are_found_wherever_they_stand() {
        // Random lines over the markers' characters: the line holds a URL (or a handle) exactly
        // when it contains one of the markers or `@`.
        let alphabet: Vec<char> = "htpw.comé @x".chars().collect();
        let mut rng = crate::testing::XorShift(0x9e37_79b9_7f4a_7c15);
        for len in 0..20_000 {
            let s = rng.string(&alphabet, len % 16);
            let line = Line {
                range: 0..s.len(),
                full: 0..s.len(),
            };
            let want = ["http", "www.", ".com", "@"].iter().any(|m| s.contains(m));
            assert_eq!(count_line(&s, &line, &mut Vec::new()).url, want, "{s:?}");
        }
    }

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
            ("2024年11月20日", Some(Shape::Date)),
            ("2025年3月18日 10:32", Some(Shape::Date)),
            ("۲۵ آبان ۱۴۰۳", Some(Shape::Date)),
            ("10 जून 2025", Some(Shape::Date)),
            ("3. мај 2025.", Some(Shape::Date)),
            ("5 มกราคม 2568", Some(Shape::Date)),
            ("Mis à jour le 18/04/2025 à 09:15", Some(Shape::Date)),
            ("5天后", None),
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

    #[test]
    fn repeating_patterns_of_lines() {
        // An article of prose paragraphs, then a comment thread: name / date / text / "Reply".
        let mut text = String::from("A Headline About Things\n\n");
        for k in 0..16 {
            text.push_str(&format!(
                "This is paragraph {k} of the article, and it goes on for a while so that it \
                 reads as prose with a full stop, the way an article's paragraphs do.\n\n"
            ));
        }
        for k in 0..6 {
            text.push_str(&format!(
                "user{k}\n3 hours ago\nI think this comment number {k} is a long enough text \
                 with its own sentence, and it ends with a full stop as comments do.\nReply\n"
            ));
        }
        let ls = segment::lines(&text);
        let (feats, facts) = extract(&text, &ls, None);
        let inputs = model_inputs(&feats, &facts);
        let at = |i: usize, name: &str| {
            let k = INPUT_NAMES.iter().position(|n| *n == name).unwrap();
            inputs[i * INPUTS + k]
        };
        let line = |needle: &str| {
            ls.iter()
                .position(|l| text[l.range.clone()].contains(needle))
                .unwrap()
        };
        // The article's paragraphs do not repeat a pattern; the thread does, with period 4.
        let para = line("paragraph 2 ");
        assert!(at(para, "per_best") < 0.3, "{}", at(para, "per_best"));
        assert_eq!(at(para, "per_long_member"), 0.0);
        let comment = line("comment number 3");
        assert!(
            at(comment, "per_best") >= 0.5,
            "{}",
            at(comment, "per_best")
        );
        assert!(
            at(comment, "per_repeats") >= 4.0,
            "{}",
            at(comment, "per_repeats")
        );
        assert_eq!(at(comment, "per_long_member"), 1.0);
        let reply = comment + 1;
        assert_eq!(at(reply, "per_long_member"), 0.0);
        assert!(
            at(reply, "per_win_share") > 0.5,
            "{}",
            at(reply, "per_win_share")
        );
    }
}
