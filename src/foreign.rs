//! Foreign fragments: runs of letters in a script the document's writing system does not use
//! (`foreign_script`), and lines in the document's script but in another language
//! (`foreign_language`).
//!
//! Legitimate mixes are not flagged: Latin brand names, acronyms, units and codes inside
//! non-Latin text (`iPhone`, `COVID-19`, `5 km`), URLs and e-mail addresses, letters in math
//! (`α + β = 90°`), Serbian in both alphabets, Japanese and Korean script mixes (see
//! [`crate::script`]), Hanja glosses in parentheses after Hangul (`인권(人權)`), and look-alike
//! letters inside one word, which are [`crate::homoglyph`]'s.

use crate::language::{self, Detected, LangSet};
use crate::report::{Kind, RawFinding};
use crate::script::{letter_script, WritingSystem};
use crate::segment::Line;
use std::ops::Range;
use std::sync::Arc;
use unicode_script::Script;
use whatlang::Lang;

/// What the foreign-fragment step needs to know about the document.
pub struct Host<'a> {
    /// The document's writing system.
    pub system: WritingSystem,
    /// The document's language, if told.
    pub language: Option<Detected>,
    /// The text.
    pub text: &'a str,
}

impl Host<'_> {
    /// "a Latin-script English page".
    fn describe(&self) -> String {
        match self.language {
            Some(d) => format!("a {}-script {} page", self.system.name(), d.lang.eng_name()),
            None => format!("a {}-script page", self.system.name()),
        }
    }

    /// True when the document's language is written in both Latin and Cyrillic letters
    /// (Serbian and its close kin, as whatlang names them).
    fn digraphic(&self) -> bool {
        self.language.is_some_and(|d| is_serbo_croatian(d.lang))
            && matches!(self.system.main, Script::Latin | Script::Cyrillic)
    }
}

/// Serbian, Croatian and Bosnian: one language in two alphabets, which whatlang tells apart by
/// script as much as by words.
fn is_serbo_croatian(lang: Lang) -> bool {
    matches!(lang, Lang::Srp | Lang::Hrv)
}

// ---------------------------------------------------------------------------------------------
// Masks: stretches of a line whose letters say nothing about its language.
// ---------------------------------------------------------------------------------------------

/// True for a character that can continue a URL.
fn url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'*+,;=%".contains(c)
}

/// True for a character of the local part of an e-mail address.
fn email_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._%+-".contains(c)
}

/// True for operators that make a formula.
fn is_operator(c: char) -> bool {
    matches!(
        c,
        '=' | '+'
            | '<'
            | '>'
            | '×'
            | '÷'
            | '±'
            | '−'
            | '≤'
            | '≥'
            | '≈'
            | '≠'
            | '∑'
            | '∫'
            | '√'
            | '∞'
            | '∂'
            | '∈'
            | '→'
    )
}

/// True for characters that may sit inside a formula besides letters: digits, operators,
/// superscripts and subscripts, brackets, spaces, a decimal point.
fn is_formula_char(c: char) -> bool {
    c.is_ascii_digit()
        || is_operator(c)
        || matches!(
            c,
            ' ' | '\u{a0}' | '.' | ',' | '(' | ')' | '^' | '°' | '/' | '*' | '·' | '-'
        )
        || matches!(c, '²' | '³' | '¹' | '\u{2070}'..='\u{209F}')
}

/// The byte ranges of `text[line]` that are URLs, e-mail addresses or formulas, sorted and
/// merged (disjoint). Their letters are neither foreign nor host.
pub fn masks(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[line.clone()];
    let base = line.start;
    let mut out: Vec<Range<usize>> = Vec::new();
    // Most lines hold none of the three: tell that cheaply.
    // The ASCII operators by bytes, the others among the characters beyond ASCII only.
    let formula = s.bytes().any(|b| matches!(b, b'=' | b'+' | b'<' | b'>'))
        || !s.is_ascii() && crate::script::non_ascii_chars(s).any(is_operator);
    if !formula && !s.contains('@') && !s.contains("://") && !s.contains("www.") {
        return out;
    }
    // URLs.
    for pat in ["https://", "http://", "www."] {
        let mut from = 0;
        while let Some(i) = s[from..].find(pat) {
            let start = from + i;
            let len: usize = s[start..]
                .chars()
                .take_while(|&c| url_char(c))
                .map(char::len_utf8)
                .sum();
            // Trailing punctuation ends a sentence, not the URL.
            let url = s[start..start + len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
            out.push(base + start..base + start + url.len().max(pat.len()));
            from = start + len.max(pat.len());
        }
    }
    // E-mail addresses.
    for (at, _) in s.match_indices('@') {
        let local: usize = s[..at]
            .chars()
            .rev()
            .take_while(|&c| email_local_char(c))
            .map(char::len_utf8)
            .sum();
        let domain = &s[at + 1..];
        let dlen: usize = domain
            .chars()
            .take_while(|&c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
            .map(char::len_utf8)
            .sum();
        let dom = domain[..dlen].trim_end_matches('.');
        if local > 0 && dom.contains('.') {
            out.push(base + at - local..base + at + 1 + dom.len());
        }
    }
    if !formula {
        return crate::sort::merged_ranges(out);
    }
    // Formulas: around an operator, the stretch of formula characters and letter runs of at
    // most two letters (`E = mc²`, `Δt = 0.5 s`, `α + β = 90°`).
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let word_len = |i: usize| -> (usize, usize) {
        // The letter run (one script) around chars[i]: its first and last index.
        let script = letter_script(chars[i].1);
        let same = |j: usize| {
            let c = chars[j].1;
            c.is_alphabetic() && letter_script(c) == script
                || crate::script::script_of(c) == Script::Inherited
        };
        let mut a = i;
        while a > 0 && same(a - 1) {
            a -= 1;
        }
        let mut b = i;
        while b + 1 < chars.len() && same(b + 1) {
            b += 1;
        }
        (a, b)
    };
    let mut i = 0;
    while i < chars.len() {
        if !is_operator(chars[i].1) || chars[i].1 == '+' && is_plus_in_number(&chars, i) {
            i += 1;
            continue;
        }
        let step = |j: usize, forward: bool| -> Option<usize> {
            // Returns the index past the item at j in the given direction, if it belongs.
            let c = chars[j].1;
            if is_formula_char(c) {
                return Some(j);
            }
            if c.is_alphabetic() {
                let (a, b) = word_len(j);
                let letters = chars[a..=b]
                    .iter()
                    .filter(|(_, c)| c.is_alphabetic())
                    .count();
                if letters <= 2 {
                    return Some(if forward { b } else { a });
                }
            }
            None
        };
        let mut a = i;
        while a > 0 {
            match step(a - 1, false) {
                Some(j) => a = j,
                None => break,
            }
        }
        let mut b = i;
        while b + 1 < chars.len() {
            match step(b + 1, true) {
                Some(j) => b = j,
                None => break,
            }
        }
        let has_letter = chars[a..=b].iter().any(|(_, c)| c.is_alphabetic());
        if has_letter {
            // Trim spaces at both ends.
            while a < b && chars[a].1.is_whitespace() {
                a += 1;
            }
            while b > a && chars[b].1.is_whitespace() {
                b -= 1;
            }
            let end = chars[b].0 + chars[b].1.len_utf8();
            out.push(base + chars[a].0..base + end);
        }
        i = b + 1;
    }
    crate::sort::merged_ranges(out)
}

/// True for a `+` that starts a phone number or a signed number rather than a sum.
fn is_plus_in_number(chars: &[(usize, char)], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| chars[j].1);
    before.is_none_or(|c| c.is_whitespace())
        && chars.get(i + 1).is_some_and(|(_, c)| c.is_ascii_digit())
}

/// True when `at` lies in one of `masks` (sorted and disjoint, as [`masks`] returns them): a
/// binary search, as this is asked for every character of a line.
fn masked(masks: &[Range<usize>], at: usize) -> bool {
    let i = masks.partition_point(|m| m.end <= at);
    masks.get(i).is_some_and(|m| m.start <= at)
}

// ---------------------------------------------------------------------------------------------
// Runs of one script inside a line.
// ---------------------------------------------------------------------------------------------

/// A run of letters of one script, Common characters between them included.
#[derive(Debug, Clone)]
struct Run {
    script: Script,
    range: Range<usize>,
    letters: usize,
}

/// The runs of letters of `text[line]`, skipping masked letters (which end a run).
fn line_runs(text: &str, line: &Range<usize>, masks: &[Range<usize>]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut open = false;
    for (i, c) in text[line.clone()].char_indices() {
        let at = line.start + i;
        let end = at + c.len_utf8();
        if masked(masks, at) {
            open = false;
            continue;
        }
        match letter_script(c) {
            Some(s) => match out.last_mut() {
                Some(run) if open && run.script == s => {
                    run.range.end = end;
                    run.letters += 1;
                }
                _ => {
                    out.push(Run {
                        script: s,
                        range: at..end,
                        letters: 1,
                    });
                    open = true;
                }
            },
            None => {
                if crate::script::script_of(c) == Script::Inherited {
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

/// Scripts with letters that pass for one another.
fn confusable(s: Script) -> bool {
    crate::homoglyph::confusable_script(s)
}

/// True when a run touches a letter of another confusable script with nothing between: one
/// word mixing scripts, which is a homoglyph's business, not a foreign fragment.
fn inside_mixed_word(runs: &[Run], i: usize) -> bool {
    let r = &runs[i];
    if !confusable(r.script) {
        return false;
    }
    let touches = |o: &Run| {
        o.script != r.script
            && confusable(o.script)
            && (o.range.end == r.range.start || r.range.end == o.range.start)
    };
    i.checked_sub(1).is_some_and(|j| touches(&runs[j])) || runs.get(i + 1).is_some_and(touches)
}

/// True for a Han run that glosses the Hangul before it: `인권(人權)`.
fn is_hanja_gloss(text: &str, line: &Range<usize>, run: &Range<usize>) -> bool {
    let before = text[line.start..run.start].trim_end();
    let after = text[run.end..line.end].trim_start();
    let Some(open) = before.chars().last() else {
        return false;
    };
    if !matches!(open, '(' | '（' | '[') || !after.starts_with([')', '）', ']']) {
        return false;
    }
    before[..before.len() - open.len_utf8()]
        .trim_end()
        .chars()
        .last()
        .is_some_and(|c| crate::script::script_of(c) == Script::Hangul)
}

/// True when `script` is at home in the document, at this place of the line.
fn accepted(host: &Host, line: &Range<usize>, run: &Run) -> bool {
    if host.system.main == Script::Hangul && run.script == Script::Han {
        // Korean pages gloss words with Hanja in parentheses; longer Han text is Chinese.
        return is_hanja_gloss(host.text, line, &run.range);
    }
    host.system.accepts(run.script)
}

/// True when a Latin run inside non-Latin text is a legitimate borrowing: one or two tokens
/// that read as a brand, an acronym, a unit, a currency code or a product code (`iPhone`,
/// `COVID-19`, `PDF`, `Wi-Fi`, `USB-C`, `US$`).
fn is_latin_borrowing(run_text: &str) -> bool {
    let tokens: Vec<&str> = run_text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .filter(|t| !t.is_empty())
        .collect();
    // One or two capitalized words read as a brand or a proper name (`Apple`, `Aramco`);
    // longer runs of them are foreign prose.
    let few = tokens
        .iter()
        .filter(|t| t.chars().any(char::is_alphabetic))
        .count()
        <= 2;
    let mut words = 0;
    let mut after_number = false;
    for t in tokens {
        let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.is_empty() {
            after_number = t.chars().any(|c| c.is_numeric());
            continue;
        }
        words += 1;
        let upper_inside = letters.iter().skip(1).any(|c| c.is_uppercase());
        let all_upper = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        let digit = t.chars().any(|c| c.is_ascii_digit());
        // A unit after a number: `5 km`, `90 km/h`.
        let unit = after_number && letters.len() <= 3;
        let capitalized = few && letters[0].is_uppercase();
        if letters.len() > 12 || !(upper_inside || all_upper || digit || unit || capitalized) {
            return false;
        }
        after_number = false;
    }
    words <= 3
}

/// The language whatlang hears in a foreign run, if it holds enough letters to tell.
fn run_language(text: &str, letters: usize) -> Option<Lang> {
    if letters < 6 {
        return None;
    }
    language::detect(text).map(|d| d.lang)
}

/// Widens a foreign run over the numbers that belong to it: a count just before it (`5天后`,
/// `15 分後`), unless it is a year that closes a date before it (`AUGUST 2025 يوم متبقٍ`), and
/// the numbers between it and an edge of the line (`13 Ιουνίου 2025`).
fn with_numbers(text: &str, line: &Range<usize>, range: Range<usize>) -> Range<usize> {
    let is_num = |c: char| c.is_numeric();
    let is_sep = |c: char| matches!(c, '.' | ',' | ':' | '/' | '-' | '%');
    let is_space = |c: char| c == ' ' || c == '\u{a0}' || c == '\u{202f}';
    // Left: everything before, when it is only numbers (`13 Ιουνίου`); else the one count
    // just before (`GRUDZIEŃ 2025 5天后`), never a year (`AUGUST 2025 يوم متبقٍ`).
    let before = &text[line.start..range.start];
    let mut start = range.start;
    let is_currency = |c: char| "$£€¥₹₽₩₺₪₫฿￥".contains(c);
    // `all` first: it stops at the first letter, where `any` would read the whole line for
    // every run (quadratic on a long line with many runs).
    if before
        .chars()
        .all(|c| is_num(c) || is_sep(c) || is_space(c) || c.is_whitespace() || is_currency(c))
        && before.chars().any(|c| is_num(c) || is_currency(c))
    {
        start = line.start + (before.len() - before.trim_start().len());
    } else {
        let trimmed = before
            .strip_suffix([' ', '\u{a0}', '\u{202f}'])
            .unwrap_or(before);
        let token_len: usize = trimmed
            .chars()
            .rev()
            .take_while(|&c| is_num(c) || matches!(c, '.' | ','))
            .map(char::len_utf8)
            .sum();
        let token = &trimmed[trimmed.len() - token_len..];
        let digits = token.chars().filter(|&c| is_num(c)).count();
        let glued = trimmed[..trimmed.len() - token_len]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace());
        if (1..=3).contains(&digits) && !glued {
            start = line.start + trimmed.len() - token_len;
        }
    }
    // Right: only numbers and punctuation up to the end of the line.
    let after = &text[range.end..line.end];
    let end = if !after.is_empty()
        && after
            .chars()
            .all(|c| is_num(c) || is_sep(c) || is_space(c) || c.is_whitespace() || is_currency(c))
        && after.chars().any(|c| is_num(c) || is_currency(c))
    {
        line.end
    } else {
        range.end
    };
    start..end
}

/// A group of neighbouring foreign runs.
struct Group {
    script: Script,
    range: Range<usize>,
    letters: usize,
}

/// Every foreign-script run in the given lines.
pub fn find_foreign_scripts(host: &Host, lines: &[Line]) -> Vec<RawFinding> {
    let text = host.text;
    let mut out = Vec::new();
    for line in lines {
        let line_text = &text[line.range.clone()];
        let in_host_system = |s: Script| {
            host.system.accepts(s) && !(host.system.main == Script::Hangul && s == Script::Han)
        };
        // ASCII letters are Latin: looked up once, the other characters one by one.
        let ascii_letters = || line_text.bytes().any(|b| b.is_ascii_alphabetic());
        if line_text.is_ascii() && host.system.main == Script::Latin
            || (in_host_system(Script::Latin) || !ascii_letters())
                && crate::script::non_ascii_chars(line_text)
                    .filter_map(letter_script)
                    .all(in_host_system)
        {
            continue;
        }
        let masks = masks(text, line.range.clone());
        let runs = line_runs(text, &line.range, &masks);
        let mut groups: Vec<Group> = Vec::new();
        let mut open = false;
        for (i, run) in runs.iter().enumerate() {
            // In a two-alphabet page, both alphabets are the page's; their words are weighed
            // by language in `find_foreign_languages`.
            let other_alphabet =
                host.digraphic() && matches!(run.script, Script::Latin | Script::Cyrillic);
            if accepted(host, &line.range, run) || other_alphabet || inside_mixed_word(&runs, i) {
                open = false;
                continue;
            }
            match groups.last_mut() {
                Some(g) if open => {
                    g.range.end = run.range.end;
                    g.letters += run.letters;
                    if run.letters > g.letters - run.letters {
                        g.script = run.script;
                    }
                }
                _ => {
                    groups.push(Group {
                        script: run.script,
                        range: run.range.clone(),
                        letters: run.letters,
                    });
                    open = true;
                }
            }
        }
        for mut g in groups {
            g.range = with_numbers(text, &line.range, g.range);
            let run_text = &text[g.range.clone()];
            if g.script == Script::Latin && is_latin_borrowing(run_text) {
                continue;
            }
            // A lone Greek letter in another script's text is a math symbol (`σ`, `μ`, `π`).
            if g.script == Script::Greek && g.letters == 1 && host.system.main != Script::Greek {
                continue;
            }
            let lang = run_language(run_text, g.letters);
            let score = (0.6 + 0.05 * g.letters as f32).min(0.97);
            // The language in brackets unless it is the script's name ("Arabic words", not
            // "Arabic words (Arabic)").
            let what = match lang {
                Some(l) if l.eng_name() != g.script.full_name() => {
                    format!("{} words ({})", g.script.full_name(), l.eng_name())
                }
                _ => format!("{} words", g.script.full_name()),
            };
            out.push(RawFinding {
                kind: Kind::ForeignScript,
                subkind: None,
                script: Some(g.script.full_name().to_string()),
                language: lang.map(|l| l.code().to_string()),
                reason: format!("{what} in {}", host.describe()),
                score,
                range: g.range,
            });
        }
    }
    out
}

/// A line shorter than this many letters is never judged by whatlang alone.
const MIN_LETTERS_FOR_LANGUAGE: usize = 40;

/// Whether a line has the [`MIN_LETTERS_FOR_LANGUAGE`] letters that whatlang needs to judge
/// it alone.
fn enough_letters(line: &str) -> bool {
    line.chars().filter(|c| c.is_alphabetic()).count() >= MIN_LETTERS_FOR_LANGUAGE
}

/// One word of a line, with its same-script evidence.
struct Word {
    range: Range<usize>,
    /// The languages whose function words include it.
    langs: LangSet,
    /// Its letters that no host language writes (lower case).
    alien: Vec<char>,
    /// Its letters beyond a–z (lower case), which a candidate language must write.
    marked: Vec<char>,
    /// Whether punctuation (not only space) separates it from the word before.
    break_before: bool,
    /// Whether it holds a letter (else it is a number).
    letters: bool,
    /// Whether it is a number of four digits (a year, which belongs to the date before it).
    year: bool,
    /// Whether it is written in another script than the host's.
    other_script: bool,
}

/// The languages of the page: its own, with the other alphabet's name for the same language
/// (whatlang calls Serbian in Latin letters Croatian). `pair` is the storage for the second
/// case (no allocation per line).
fn host_langs(doc: &Lang, pair: &mut [Lang; 2]) -> usize {
    if is_serbo_croatian(*doc) {
        *pair = [Lang::Srp, Lang::Hrv];
        2
    } else {
        pair[0] = *doc;
        1
    }
}

/// The words of `text[range]` as byte ranges: maximal runs of letters, digits and combining
/// marks. Cheaper than UAX #29, and enough for function words (`l’homme` gives `l` and
/// `homme`).
fn fast_words(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    // An ASCII line (most lines of most pages): runs of ASCII letters and digits, by bytes.
    let ascii = text[range.clone()].is_ascii();
    let bytes = if ascii {
        &text.as_bytes()[range.clone()]
    } else {
        &[][..]
    };
    let base = range.start;
    let mut at = 0;
    let by_bytes = std::iter::from_fn(move || {
        let start = at + bytes[at..].iter().position(u8::is_ascii_alphanumeric)?;
        let len = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - start);
        at = start + len;
        Some(base + start..base + at)
    });
    let by_chars = (!ascii)
        .then(|| chars_words(text, range))
        .into_iter()
        .flatten();
    by_bytes.chain(by_chars)
}

/// [`fast_words`] for any text, character by character.
fn chars_words(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = range.start;
    let mut start: Option<usize> = None;
    let mut iter = text[range.clone()].char_indices();
    let end = range.end;
    std::iter::from_fn(move || loop {
        match iter.next() {
            Some((i, c)) => {
                let inside = c.is_alphanumeric()
                    || !c.is_ascii() && crate::script::script_of(c) == Script::Inherited;
                match (inside, start) {
                    (true, None) => start = Some(base + i),
                    (false, Some(s)) => {
                        start = None;
                        return Some(s..base + i);
                    }
                    _ => {}
                }
            }
            None => return start.take().map(|s| s..end),
        }
    })
}

/// The words of a line that the same-script step weighs: those of the host's script (or, in
/// a two-alphabet page, of either alphabet), outside URLs and formulas.
/// `masks`: the line's [`masks`].
fn line_words(
    host: &Host,
    line: &Range<usize>,
    masks: &[Range<usize>],
    hosts: &[Lang],
) -> Vec<Word> {
    let text = host.text;
    let fw = language::function_words();
    let mut out: Vec<Word> = Vec::with_capacity(line.len() / 6 + 1);
    let mut prev_end = line.start;
    let mut lower = String::new();
    for r in fast_words(text, line.clone()) {
        if masked(masks, r.start) {
            prev_end = r.end;
            continue;
        }
        let w = &text[r.clone()];
        let (script_ok, has_letters) = if w.is_ascii() {
            // ASCII letters are Latin, ASCII digits have no letter script.
            let letters = w.bytes().any(|b| b.is_ascii_alphabetic());
            let latin_ok = host.system.main == Script::Latin || host.digraphic();
            (!letters || latin_ok, letters)
        } else {
            let script_ok = w.chars().filter_map(letter_script).all(|s| {
                s == host.system.main
                    || host.digraphic() && matches!(s, Script::Latin | Script::Cyrillic)
            });
            (script_ok, w.chars().any(char::is_alphabetic))
        };
        if !script_ok || !has_letters {
            let gap = &text[prev_end.min(r.start)..r.start];
            let number = !has_letters && w.chars().any(char::is_numeric);
            out.push(Word {
                range: r.clone(),
                langs: 0,
                alien: Vec::new(),
                marked: Vec::new(),
                break_before: !number || gap.chars().any(|c| !c.is_whitespace()),
                letters: false,
                year: number && w.chars().filter(|c| c.is_numeric()).count() == 4,
                other_script: false,
            });
            prev_end = r.end;
            if !number {
                // A word of another script (foreign_script's business) ends any stretch.
                if let Some(last) = out.last_mut() {
                    last.other_script = true;
                }
            }
            continue;
        }
        crate::lexicon::lower_into(&mut lower, w);
        let mut alien = Vec::new();
        let mut marked = Vec::new();
        // An ASCII word of a Latin page has no letter to weigh here (a–z are skipped below).
        let skip = w.is_ascii() && host.system.main == Script::Latin;
        for c in lower
            .chars()
            .filter(|c| c.is_alphabetic())
            .take_while(|_| !skip)
        {
            if c.is_ascii_lowercase() && host.system.main == Script::Latin {
                continue;
            }
            if !c.is_ascii_lowercase() && !marked.contains(&c) {
                marked.push(c);
            }
            let written = hosts.iter().any(|&h| fw.writes(h, c) != Some(false));
            if !written && !alien.contains(&c) {
                alien.push(c);
            }
        }
        let gap = &text[prev_end.min(r.start)..r.start];
        let break_before = gap.chars().any(|c| !c.is_whitespace());
        // A capitalized word inside a sentence is a name (`Condé Nast`, `Juli Clover`, `Dan`):
        // it says nothing about the language around it.
        let opens = |c: char| ".!?:;\"'«»“”„‘’([¿¡-–—|•·".contains(c);
        let name = w.chars().next().is_some_and(char::is_uppercase)
            && !out.is_empty()
            && !gap
                .chars()
                .rev()
                .find(|c| !c.is_whitespace())
                .is_some_and(opens);
        prev_end = r.end;
        if name {
            alien.clear();
            marked.clear();
        }
        out.push(Word {
            range: r,
            langs: if name { 0 } else { fw.langs_of(&lower) },
            alien,
            marked,
            break_before,
            letters: true,
            year: false,
            other_script: false,
        });
    }
    out
}

/// What the first look at a line found.
struct FirstLook {
    /// How many of its words may be evidence of another language, counted up to two (a
    /// fragment needs two).
    evidence: usize,
    /// How many words it has (counted in full only when `evidence` is below two).
    words: usize,
}

/// A cheap first look at a line: the words that may be evidence of another language (an
/// ASCII word that is another language's function word, or another word that is one or
/// holds a letter no host language writes), so that most lines of a page cost one hash
/// lookup per word. [`line_words`] finds no other evidence: a word it scores above zero
/// ([`word_score`]) is one of these.
fn first_look(
    text: &str,
    line: &Range<usize>,
    host_bits: LangSet,
    hosts: &[Lang],
    filter: &[u64],
) -> FirstLook {
    let fw = language::function_words();
    let foreign_only = |langs: LangSet| langs & !host_bits != 0 && langs & host_bits == 0;
    // Allocated only for the few words looked up.
    let mut lower = String::new();
    let mut look = FirstLook {
        evidence: 0,
        words: 0,
    };
    scan_words(text, line.clone(), |r, ascii| {
        look.words += 1;
        let w = &text[r];
        let evidence = if ascii {
            // Long ASCII words are not looked up; most others are not in the filter.
            if w.len() > 24 || !language::in_filter(filter, w.as_bytes()) {
                return true;
            }
            foreign_only(fw.langs_of_ascii(w, &mut lower))
        } else {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            let alien = lower.chars().any(|c| {
                !c.is_ascii()
                    && c.is_alphabetic()
                    && hosts.iter().all(|&h| fw.writes(h, c) == Some(false))
            });
            alien || foreign_only(fw.langs_of(&lower))
        };
        if evidence {
            look.evidence += 1;
        }
        look.evidence < 2
    });
    look
}

/// Which of eight ASCII bytes (read little-endian) are letters or digits: bit `k` for byte
/// `k`. Each byte is compared with the ranges by an addition whose carry its high bit keeps
/// (the bytes are below `0x80`, so no carry crosses into the next byte).
fn ascii_alnum8(eight: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = ONES * 0x80;
    // Bit 7 of a byte: at least `lo`, and not above `hi`.
    let within = |x: u64, lo: u64, hi: u64| {
        x.wrapping_add(ONES * (0x80 - lo)) & !x.wrapping_add(ONES * (0x7f - hi))
    };
    // `| 0x20` takes exactly `A`–`Z` and `a`–`z` to `a`–`z`.
    let letters = within(eight | (ONES * 0x20), 0x61, 0x7a);
    let digits = within(eight, 0x30, 0x39);
    // Gather bit 7 of byte k at bit 56 + k (the products do not overlap), then down.
    (((letters | digits) & HIGH) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Which bytes of `s[at..at + 64]` (or to its end) are inside a word of [`fast_words`]: bit
/// `j` for byte `at + j`; `prev`, whether the byte before is. A character of several bytes
/// is inside or not as a whole.
fn inside_mask(s: &str, at: usize, prev: u64) -> u64 {
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let block = s.as_bytes().get(at..).unwrap_or(&[]);
    let block = block.get(..64).unwrap_or(block);
    let (mut mask, mut last) = (0u64, prev & 1);
    for (c, chunk) in block.chunks(8).enumerate() {
        let eight = chunk.first_chunk::<8>().map(|e| u64::from_le_bytes(*e));
        if let Some(eight) = eight.filter(|e| e & HIGH == 0) {
            let m = ascii_alnum8(eight);
            mask |= m << (8 * c);
            last = m >> 7;
            continue;
        }
        for (k, &b) in chunk.iter().enumerate() {
            let bit = match b {
                0..0x80 => u64::from(b.is_ascii_alphanumeric()),
                // A continuation byte: as the character it belongs to.
                0x80..0xc0 => last,
                _ => s
                    .get(at + 8 * c + k..)
                    .and_then(|t| t.chars().next())
                    .map_or(0, |ch| {
                        let inside = ch.is_alphanumeric()
                            || crate::script::script_of(ch) == Script::Inherited;
                        u64::from(inside)
                    }),
            };
            mask |= bit << (8 * c + k);
            last = bit;
        }
    }
    mask
}

/// The words of [`fast_words`], by 64-byte blocks of the line: the bytes inside words are found
/// as one bit each ([`inside_mask`], eight ASCII bytes at a time), the words' edges as the
/// bits where that changes, without a branch per byte (whether a byte starts or ends a word
/// is what the CPU cannot predict); then `f` is called with each word's range and whether it
/// is all ASCII, until it returns false.
fn scan_words(text: &str, range: Range<usize>, mut f: impl FnMut(Range<usize>, bool) -> bool) {
    let base = range.start;
    let s = &text[range];
    let ascii_line = s.is_ascii();
    let is_ascii = |r: &Range<usize>| ascii_line || s.get(r.clone()).is_some_and(str::is_ascii);
    // The start of a word that runs on from the blocks before.
    let mut open: Option<usize> = None;
    let mut at = 0;
    while at < s.len() {
        let n = (s.len() - at).min(64);
        let prev = u64::from(open.is_some());
        let inside = inside_mask(s, at, prev);
        let before = inside << 1 | prev;
        let mut starts = inside & !before;
        // An end is the first byte after a word (inside the block: the line's end is below).
        let mut ends = !inside & before & (u64::MAX >> (64 - n));
        // Edges alternate: each end closes the word open before it.
        while ends != 0 {
            let e = ends.trailing_zeros() as usize;
            ends &= ends - 1;
            let start = match open.take() {
                Some(s) => s,
                None => {
                    let s = starts.trailing_zeros() as usize;
                    starts &= starts.wrapping_sub(1);
                    at + s
                }
            };
            let r = start..at + e;
            if !f(base + r.start..base + r.end, is_ascii(&r)) {
                return;
            }
        }
        // A word still open at the block's end.
        if starts != 0 {
            open = Some(at + starts.trailing_zeros() as usize);
        }
        at += n;
    }
    if let Some(start) = open {
        let r = start..s.len();
        f(base + r.start..base + r.end, is_ascii(&r));
    }
}

/// Whether a line of `words` words may hold at most one host function word in twenty, which
/// [`whole_line_by_whatlang`] needs to hear a line with a single word of evidence. Counts
/// only the host function words [`line_words`] surely counts too (lower-case words in the
/// host's script: a capitalised one may be a name) and stops at the first too many; a line
/// with a URL, an address or a formula, whose words `line_words` masks, may.
fn few_host_words(host: &Host, line: &Range<usize>, host_bits: LangSet, words: usize) -> bool {
    let text = host.text;
    if !masks(text, line.clone()).is_empty() {
        return true;
    }
    let fw = language::function_words();
    let in_host_script = |s: Script| {
        s == host.system.main || host.digraphic() && matches!(s, Script::Latin | Script::Cyrillic)
    };
    let ascii_in_host_script = in_host_script(Script::Latin);
    let mut lower = String::with_capacity(32);
    let mut hits = 0;
    for r in fast_words(text, line.clone()) {
        let w = &text[r];
        if !w.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        let langs = if w.is_ascii() {
            if !ascii_in_host_script {
                continue;
            }
            fw.langs_of_ascii(w, &mut lower)
        } else {
            if !w.chars().filter_map(letter_script).all(in_host_script) {
                continue;
            }
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            fw.langs_of(&lower)
        };
        if langs & host_bits != 0 {
            hits += 1;
            if hits * 20 > words {
                return false;
            }
        }
    }
    true
}

/// The quoted or bracketed stretches of a line (`“…”`, `«…»`, `"…"`, `„…“`, `(…)`) that hold
/// two to twelve words, as first and last word indices.
fn quoted_segments(text: &str, line: &Range<usize>, words: &[Word]) -> Vec<(usize, usize)> {
    const PAIRS: [(char, char); 6] = [
        ('“', '”'),
        ('«', '»'),
        ('"', '"'),
        ('„', '“'),
        ('(', ')'),
        ('‘', '’'),
    ];
    let s = &text[line.clone()];
    let mut out = Vec::new();
    for (open, close) in PAIRS {
        let mut from = 0;
        while let Some(i) = s[from..].find(open) {
            let inner_start = from + i + open.len_utf8();
            let Some(j) = s[inner_start..].find(close) else {
                break;
            };
            let inner_end = inner_start + j;
            from = inner_end + close.len_utf8();
            let (a, b) = (line.start + inner_start, line.start + inner_end);
            let inside: Vec<usize> = (0..words.len())
                .filter(|&k| words[k].range.start >= a && words[k].range.end <= b)
                .collect();
            if let (Some(&first), Some(&last)) = (inside.first(), inside.last()) {
                let n = last - first + 1;
                if (2..=12).contains(&n) && !words[first..=last].iter().any(|w| w.other_script) {
                    out.push((first, last));
                }
            }
        }
    }
    out
}

/// The most a word can say for a candidate language in [`word_score`]: one of its function
/// words that is none of the host's, with a letter no host language writes.
const MAX_WORD_SCORE: f32 = 3.0;

/// What a stretch of words must score for a finding ([`best_stretch`]'s sum, or the positive
/// scores of a quoted stretch).
const MIN_STRETCH_SCORE: f32 = 1.5;

/// A second look at a line the first look let through, at one function-word lookup per word:
/// whether a finding is still possible, by an upper bound of every word's [`word_score`] over
/// every candidate language, and a lower bound of its host function words. The bound is exact
/// for ASCII words in a Latin page (the words of most lines that get here); any other word is
/// taken at [`MAX_WORD_SCORE`] and as no host word. False only where `same_script_fragments`
/// can find nothing: no stretch of words whose bounds reach [`MIN_STRETCH_SCORE`] (nor a run
/// without a word below [`NEUTRAL_WORD`] whose positive bounds do, for the quoted stretches),
/// and too many host function words or too few letters for [`whole_line_by_whatlang`].
/// `masks`: the line's [`masks`].
fn second_look(
    host: &Host,
    line: &Range<usize>,
    masks: &[Range<usize>],
    host_bits: LangSet,
) -> bool {
    let text = host.text;
    let fw = language::function_words();
    let latin = host.system.main == Script::Latin;
    let (mut words, mut host_words) = (0usize, 0usize);
    // The best stretch's bound so far and the best one ending at this word (as
    // `best_stretch`); the positive bounds of the run of words none of which is surely below
    // `NEUTRAL_WORD`.
    let (mut best, mut ending, mut positive) = (0.0f32, 0.0f32, 0.0f32);
    let mut lower = String::new();
    for r in fast_words(text, line.clone()) {
        if masked(masks, r.start) {
            continue;
        }
        words += 1;
        let w = &text[r];
        let bound = if !(latin && w.is_ascii()) {
            MAX_WORD_SCORE
        } else if !w.bytes().any(|b| b.is_ascii_alphabetic()) {
            // A number weighs nothing; anything else without letters is of no script.
            if w.bytes().any(|b| b.is_ascii_digit()) {
                0.0
            } else {
                -10.0
            }
        } else {
            let langs = fw.langs_of_ascii(w, &mut lower);
            let in_host = langs & host_bits != 0;
            // A capitalized word may be read as a name, which says nothing.
            let capital = w.bytes().next().is_some_and(|b| b.is_ascii_uppercase());
            host_words += usize::from(in_host && !capital);
            let as_other = if in_host { -1.5 } else { NEUTRAL_WORD };
            let as_candidate = match (langs & !host_bits != 0, in_host) {
                (false, _) => f32::NEG_INFINITY,
                (true, true) => 0.0,
                (true, false) if w.len() == 1 => 0.5,
                (true, false) => 1.0,
            };
            let as_name = if capital {
                NEUTRAL_WORD
            } else {
                f32::NEG_INFINITY
            };
            as_other.max(as_candidate).max(as_name)
        };
        ending = ending.max(0.0) + bound;
        best = best.max(ending);
        positive = if bound < NEUTRAL_WORD {
            0.0
        } else {
            positive + bound.max(0.0)
        };
        if best >= MIN_STRETCH_SCORE || positive >= MIN_STRETCH_SCORE {
            return true;
        }
    }
    host_words * 20 <= words && enough_letters(&text[line.clone()])
}

/// How much a word says for `cand` against the host languages: function words of one and not
/// the other, letters one writes and the other does not.
fn word_score(w: &Word, cand: Lang, cand_bit: LangSet, host_bits: LangSet) -> f32 {
    if w.other_script {
        return -10.0;
    }
    let fw = language::function_words();
    let in_cand = w.langs & cand_bit != 0;
    let in_host = w.langs & host_bits != 0;
    let mut s = 0.0;
    if in_cand && !in_host {
        // A one-letter word (`u`, `s`, `a`) is also an initial or an abbreviation.
        s += if w.range.len() == 1 { 0.5 } else { 1.0 };
    }
    if in_host && !in_cand {
        s -= 1.5;
    }
    if w.marked.iter().any(|&c| fw.writes(cand, c) == Some(false)) {
        s -= 1.5;
    } else if !w.alien.is_empty() {
        s += 2.0;
    }
    if s == 0.0 && !in_host && !in_cand && w.letters {
        // A word with no evidence either way thins the evidence around it.
        s = NEUTRAL_WORD;
    }
    s
}

/// What a word with no evidence either way adds to a stretch.
const NEUTRAL_WORD: f32 = -0.25;

/// The best-scoring stretch of words (maximum-sum subarray): first, last, sum.
fn best_stretch(scores: &[f32]) -> Option<(usize, usize, f32)> {
    let mut best: Option<(usize, usize, f32)> = None;
    let mut start = 0;
    let mut sum = 0.0f32;
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0.0 {
            start = i;
            sum = 0.0;
        }
        sum += s;
        if sum > 0.0 && best.is_none_or(|(_, _, b)| sum > b) {
            best = Some((start, i, sum));
        }
    }
    best
}

/// Foreign-language fragments of one line, in the host's script.
fn same_script_fragments(
    host: &Host,
    page: &PageLanguages,
    line: &Line,
    out: &mut Vec<RawFinding>,
) {
    let fw = language::function_words();
    let (doc, hosts, host_bits) = (page.doc, page.hosts(), page.host_bits);
    // The line's URLs, addresses and formulas, found once for the second look and the words.
    let mut line_masks = None;
    if let Some(filter) = page.foreign_only.as_ref().filter(|_| page.look_first) {
        // Only where the result can change: a fragment needs two words of evidence, a whole
        // line heard by whatlang alone one word and hardly a host function word.
        let look = first_look(host.text, &line.range, host_bits, hosts, filter);
        // With one word of evidence only `whole_line_by_whatlang` can find something, and it
        // hears no line of fewer than `MIN_LETTERS_FOR_LANGUAGE` letters.
        if look.evidence == 0
            || look.evidence == 1
                && (!enough_letters(&host.text[line.range.clone()])
                    || !few_host_words(host, &line.range, host_bits, look.words))
        {
            return;
        }
        let found = masks(host.text, line.range.clone());
        if !second_look(host, &line.range, &found, host_bits) {
            return;
        }
        line_masks = Some(found);
    }
    // After the first look, which turns most lines away (this test turns away few).
    if !in_page_alphabets(host, &line.range) {
        return;
    }
    let masks = line_masks.unwrap_or_else(|| masks(host.text, line.range.clone()));
    let words = line_words(host, &line.range, &masks, hosts);
    if words.is_empty() {
        return;
    }
    if host_bits == 0 {
        // No function words for the page's language: whatlang alone, on long lines of a
        // script that several languages share.
        if shared_script(host.system.main) {
            whole_line_by_whatlang(host.text, hosts, doc, line, words.len(), 0, out);
        }
        return;
    }
    // Candidate languages: those whose function words or letters the line holds.
    let mut votes: Vec<(Lang, f32)> = Vec::new();
    let mut vote = |l: Lang, n: f32| match votes.iter_mut().find(|(x, _)| *x == l) {
        Some((_, v)) => *v += n,
        None => votes.push((l, n)),
    };
    let mut host_hits = 0;
    for w in words.iter().filter(|w| !w.other_script) {
        if w.langs & host_bits != 0 {
            host_hits += 1;
        }
        for l in fw.members(w.langs & !host_bits) {
            vote(l, 1.0);
        }
        if !w.alien.is_empty() {
            for l in fw.members(!host_bits) {
                if w.marked.iter().all(|&c| fw.writes(l, c) == Some(true)) {
                    vote(l, 1.0);
                }
            }
        }
    }
    votes.retain(|&(l, _)| !hosts.contains(&l));
    crate::sort::sort_by(&mut votes, |a, b| b.1.total_cmp(&a.1));
    votes.truncate(3);
    let text = host.text;
    if votes.is_empty() {
        return;
    }
    // Quoted and bracketed segments first: the quotes draw the fragment's edges.
    let mut words = words;
    for (a, b) in quoted_segments(text, &line.range, &words) {
        for &(cand, _) in &votes {
            let Some(cb) = fw.bit(cand) else { continue };
            let scores: Vec<f32> = words[a..=b]
                .iter()
                .map(|w| word_score(w, cand, cb, host_bits))
                .collect();
            let evidence = scores.iter().filter(|&&x| x > 0.0).count();
            let sum: f32 = scores.iter().filter(|&&x| x > 0.0).sum();
            if evidence < 2 || sum < 1.5 || scores.iter().any(|&x| x < NEUTRAL_WORD) {
                continue;
            }
            let range = words[a].range.start..words[b].range.end;
            let mut allowed = hosts.to_vec();
            allowed.push(cand);
            if language::detect_among(&text[range.clone()], allowed).is_some_and(|d| d.lang == cand)
            {
                out.push(language_finding(doc, cand, range, false, sum));
                for w in &mut words[a..=b] {
                    w.other_script = true;
                }
                break;
            }
        }
    }
    let mut best: Option<(Lang, usize, usize, f32)> = None;
    for &(cand, _) in &votes {
        let Some(cb) = fw.bit(cand) else { continue };
        let scores: Vec<f32> = words
            .iter()
            .map(|w| word_score(w, cand, cb, host_bits))
            .collect();
        if let Some((i, j, sum)) = best_stretch(&scores) {
            if best.is_none_or(|(_, _, _, b)| sum > b) {
                best = Some((cand, i, j, sum));
            }
        }
    }
    // A stretch is the whole line when it covers most of it, or half of it with no host
    // function word outside it.
    let whole_line = |a: usize, b: usize| -> bool {
        let covered = words[b].range.end - words[a].range.start;
        let host_outside = words[..a]
            .iter()
            .chain(&words[b + 1..])
            .any(|w| w.langs & host_bits != 0);
        covered * 10 >= line.range.len() * 8 || !host_outside && covered * 2 >= line.range.len()
    };
    if let Some((cand, mut i, mut j, sum)) = best {
        let cb = fw.bit(cand).unwrap_or(0);
        // Widen over neutral words and counts, up to punctuation (in a short line, which may
        // be a list, up to the line's edges), at most three words on each side.
        let short = words.len() <= 8;
        let neutral = |w: &Word| {
            w.langs & host_bits == 0
                && !w.year
                && (!w.letters || word_score(w, cand, cb, host_bits) == NEUTRAL_WORD)
        };
        let crosses = |w: &Word| {
            w.break_before
                && !(short && text[..w.range.start].trim_end().ends_with([',', '、', '،']))
        };
        for _ in 0..3 {
            if i > 0 && !crosses(&words[i]) && neutral(&words[i - 1]) {
                i -= 1;
            }
            if j + 1 < words.len() && !crosses(&words[j + 1]) && neutral(&words[j + 1]) {
                j += 1;
            }
        }
        let whole = whole_line(i, j);
        let evidence = words[i..=j]
            .iter()
            .filter(|w| word_score(w, cand, cb, host_bits) > 0.0)
            .count();
        let strong = evidence >= 2 && (sum >= 2.5 || short && sum >= 1.5);
        // Thinner evidence (two words, a lower score) stands when whatlang, free to choose any
        // language, hears the candidate in the stretch too.
        let thin = !strong && evidence >= 2 && sum >= 1.5 && {
            let stretch = &text[words[i].range.start..words[j].range.end];
            stretch.chars().filter(|c| c.is_alphabetic()).count() >= 12
                && language::detect(stretch).is_some_and(|d| d.lang == cand)
        };
        if strong || thin {
            let range = if whole {
                line.range.clone()
            } else {
                words[i].range.start..words[j].range.end
            };
            let fragment = &text[range.clone()];
            let mut allowed = hosts.to_vec();
            allowed.push(cand);
            let duel = language::detect_among(fragment, allowed);
            if duel.is_some_and(|d| d.lang == cand) {
                out.push(language_finding(doc, cand, range, whole, sum));
                return;
            }
        }
    }
    // Evidence too thin for a fragment: a long line with some foreign evidence and hardly a
    // host function word is still worth asking whatlang about.
    if !votes.is_empty() {
        whole_line_by_whatlang(text, hosts, doc, line, words.len(), host_hits, out);
    }
}

/// True for scripts that several languages whatlang knows are written in.
fn shared_script(s: Script) -> bool {
    matches!(
        s,
        Script::Latin | Script::Cyrillic | Script::Arabic | Script::Devanagari
    )
}

/// Asks whatlang about a whole line, when the line is long enough and holds hardly a host
/// function word (`host_hits` of `words`).
fn whole_line_by_whatlang(
    text: &str,
    hosts: &[Lang],
    doc: Lang,
    line: &Line,
    words: usize,
    host_hits: usize,
    out: &mut Vec<RawFinding>,
) {
    if host_hits * 20 > words {
        return;
    }
    let line_text = &text[line.range.clone()];
    if !enough_letters(line_text) {
        return;
    }
    let Some(found) = language::detect(line_text) else {
        return;
    };
    if hosts.contains(&found.lang) || !found.reliable {
        return;
    }
    let mut allowed = hosts.to_vec();
    allowed.push(found.lang);
    let Some(duel) = language::detect_among(line_text, allowed) else {
        return;
    };
    if duel.lang != found.lang || duel.confidence < 0.5 {
        return;
    }
    out.push(language_finding(
        doc,
        found.lang,
        line.range.clone(),
        true,
        3.0,
    ));
}

fn language_finding(
    doc: Lang,
    lang: Lang,
    range: Range<usize>,
    whole: bool,
    evidence: f32,
) -> RawFinding {
    RawFinding {
        kind: Kind::ForeignLanguage,
        subkind: None,
        script: None,
        language: Some(lang.code().to_string()),
        reason: if whole {
            format!("a {} line in a {} page", lang.eng_name(), doc.eng_name())
        } else {
            format!("{} words in a {} page", lang.eng_name(), doc.eng_name())
        },
        score: (0.6 + 0.1 * evidence).min(0.95),
        range,
    }
}

/// Lines and fragments in the document's script but, by strong evidence, in another
/// language: function words and letters of another language (cheap, everywhere), confirmed by
/// whatlang choosing between the page's language and the candidate only.
pub fn find_foreign_languages(host: &Host, lines: &[Line]) -> Vec<RawFinding> {
    // Without a reliable page language there is no prior to weigh another language against.
    let Some(doc) = host.language.filter(|d| d.reliable) else {
        return Vec::new();
    };
    let page = PageLanguages::new(doc.lang);
    let mut out = Vec::new();
    for line in lines {
        same_script_fragments(host, &page, line, &mut out);
    }
    out
}

/// The page's languages as the same-script step weighs them, worked out once per page.
struct PageLanguages {
    /// The page's language.
    doc: Lang,
    /// The page's languages ([`host_langs`]): the first `n_hosts`.
    pair: [Lang; 2],
    n_hosts: usize,
    /// Their bits among the function words' languages (0 when the data knows none of them).
    host_bits: LangSet,
    /// The filter of the function words foreign to them
    /// ([`language::FunctionWords::foreign_only_filter`]), when `host_bits` is not 0.
    foreign_only: Option<Arc<[u64]>>,
    /// Whether lines pass the first look before they are weighed (false only in a test that
    /// checks that the first look turns away no line that would give a finding).
    look_first: bool,
}

impl PageLanguages {
    fn new(doc: Lang) -> Self {
        let fw = language::function_words();
        let mut pair = [doc; 2];
        let n_hosts = host_langs(&doc, &mut pair);
        let host_bits: LangSet = pair[..n_hosts]
            .iter()
            .filter_map(|&h| fw.bit(h))
            .fold(0, |a, b| a | b);
        PageLanguages {
            doc,
            pair,
            n_hosts,
            host_bits,
            foreign_only: (host_bits != 0).then(|| fw.foreign_only_filter(host_bits)),
            look_first: true,
        }
    }

    /// The page's languages.
    fn hosts(&self) -> &[Lang] {
        &self.pair[..self.n_hosts]
    }
}

/// Whether a line is mostly written in the page's writing system or, in a two-alphabet page,
/// in its other alphabet: only such lines are weighed by language (the others are
/// [`find_foreign_scripts`]' business).
fn in_page_alphabets(host: &Host, line: &Range<usize>) -> bool {
    let line_text = &host.text[line.clone()];
    language::mostly_in(line_text, host.system)
        || host.digraphic() && {
            let other = if host.system.main == Script::Latin {
                Script::Cyrillic
            } else {
                Script::Latin
            };
            language::mostly_in(line_text, WritingSystem::of(other))
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::lines;

    /// The spans `finder` finds in `text`, with the host told as `analyze` tells it.
    fn spans(text: &str, finder: fn(&Host, &[Line]) -> Vec<RawFinding>) -> Vec<&str> {
        let ls = lines(text);
        let system = crate::script::host_system(text, &ls);
        let host = Host {
            system: system.unwrap(),
            language: language::document_language(text, &ls, system),
            text,
        };
        finder(&host, &ls)
            .into_iter()
            .map(|f| &text[f.range])
            .collect()
    }

    /// The foreign-script spans straytext finds in `text`.
    fn foreign(text: &str) -> Vec<&str> {
        spans(text, find_foreign_scripts)
    }

    #[test]
    fn ascii_words_by_bytes_match_words_by_chars() {
        let alphabet: Vec<char> = "aZ09 _.,'-\t\x7f!".chars().collect();
        let mut rng = crate::testing::XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let s = rng.string(&alphabet, 20);
            let text = format!("é {s} é");
            let range = 3..3 + s.len();
            let fast: Vec<_> = fast_words(&text, range.clone()).collect();
            let slow: Vec<_> = chars_words(&text, range).collect();
            assert_eq!(fast, slow, "{s:?}");
        }
    }

    #[test]
    fn eight_ascii_bytes_are_classified_as_one_by_one() {
        for at in 0..8 {
            for b in 0..0x80u8 {
                for filler in [
                    b'a', b'Z', b'0', b'9', b'@', b'[', b'`', b'{', b'/', b':', 0, 0x7f,
                ] {
                    let mut eight = [filler; 8];
                    eight[at] = b;
                    let want = (0..8)
                        .filter(|&k| eight[k].is_ascii_alphanumeric())
                        .fold(0u64, |m, k| m | 1 << k);
                    assert_eq!(ascii_alnum8(u64::from_le_bytes(eight)), want, "{eight:?}");
                }
            }
        }
    }

    #[test]
    fn scanned_words_are_the_fast_words() {
        let alphabet: Vec<char> = "aZ09 _.,'-é中ı\u{301}\u{200b}“”Жß!".chars().collect();
        let mut rng = crate::testing::XorShift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let s = rng.string(&alphabet, 16);
            let text = format!("x {s} y");
            let range = 2..2 + s.len();
            let mut scanned = Vec::new();
            scan_words(&text, range.clone(), |r, ascii| {
                assert_eq!(ascii, text[r.clone()].is_ascii(), "{s:?}");
                scanned.push(r);
                true
            });
            let fast: Vec<_> = fast_words(&text, range).collect();
            assert_eq!(scanned, fast, "{s:?}");
        }
        // Long lines, read 64 bytes at a time: words and characters of several bytes across
        // the blocks' edges, a line that ends inside a word, and `f` stopping the scan.
        let ascii: Vec<char> = "aZ09 _.,'-!\t".chars().collect();
        for i in 0..4000usize {
            let s = match i % 4 {
                0 => rng.string(&ascii[..4], i % 300),
                1 => rng.string(&ascii, i % 300),
                _ => rng.string(&alphabet, i % 300),
            };
            let text = format!("x {s}");
            let range = 2..2 + s.len();
            let stop = i % 7;
            let mut scanned = Vec::new();
            scan_words(&text, range.clone(), |r, ascii| {
                assert_eq!(ascii, text[r.clone()].is_ascii(), "{s:?}");
                scanned.push(r);
                scanned.len() != stop
            });
            let mut fast: Vec<_> = fast_words(&text, range).collect();
            if stop > 0 {
                fast.truncate(stop);
            }
            assert_eq!(scanned, fast, "{s:?}");
        }
    }

    #[test]
    fn legitimate_mixes_are_not_flagged() {
        let cases = [
            // Japanese: Han, Hiragana and Katakana together.
            "すべての人は、生命、自由及び身体の安全に対する権利を有する。カタカナも使います。",
            // Korean with a Hanja gloss.
            "모든 사람은 법 앞에 평등(平等)하며 인권(人權)이 보호되어야 한다.",
            // Latin brands, acronyms, codes and units in non-Latin text.
            "Каждый человек имеет право на iPhone и COVID-19, а также PDF и Wi-Fi, 5 km.",
            "لا يدان أي شخص iPhone من جراء أداء عمل أو الإمتناع عن أداء عمل USB-C.",
            "ทุกคนมีสิทธิในอิสรภาพแห่งการเคลื่อนไหวYouTubeและถิ่นที่อยู่",
            // Capitalized brand names, one or two words.
            "Компания Apple показала новое поколение смартфонов с разъёмом Lightning.",
            "وأضاف المحللون أن شركات كبرى مثل Aramco ستتأثر بالقرار.",
            // Math with Greek and Latin letters.
            "For a population with standard deviation σ and mean μ, a change Δx is small.",
            "Everyone has the right to α + β = 90° freedom of peaceful assembly.",
            "Κανείς δεν μπορεί να υποχρεωθεί Δt = 0.5 s να συμμετέχει σε σωματείο E = mc².",
            "ทุกคนมีสิทธิในอิสรภาพแห่งการเคลื่อนไหวแลE = mc²ะสถานที่อยู่",
            // URLs and e-mail addresses.
            "הפליה להגנה שווה של החוק. הכל q6h4@example.net זכאים להגנה שווה מפני כל הפליה.",
            "すべて人は、www.example.org/ji3l自己の利益を保護するために労働組合を組織する。",
            "Каждый человек https://example.com/?q=w6jlo&page=2 имеет право на жизнь.",
            // Emoji.
            "Все люди рождаются свободными 👨\u{200D}👩\u{200D}👧 и равными ✅ в своем достоинстве.",
            // Currency codes.
            "Каждый человек имеет право 2500,00\u{a0}US$ на жизнь, 10\u{a0}JP¥ на свободу.",
        ];
        for text in cases {
            assert!(foreign(text).is_empty(), "{text}: {:?}", foreign(text));
        }
    }

    #[test]
    fn serbian_in_both_alphabets() {
        let text = "Свако има право на живот, слободу и безбедност личности и право на рад.\n\
            Svako ima pravo da učestvuje u upravljanju svojom zemljom, neposredno ili preko slobodno izabranih predstavnika.\n\
            Нико не сме бити држан у ропству или потчињености; ропство и трговина робљем забрањени су у свим облицима.\n\
            Roditelji imaju септембар 2025. prvenstveno pravo da biraju vrstu školovanja za svoju decu.\n";
        assert!(foreign(text).is_empty(), "{:?}", foreign(text));
    }

    #[test]
    fn foreign_runs_are_flagged_alone() {
        let cases: [(&str, &[&str]); 8] = [
            // Counts belong to the foreign words after them; a year closes the date before.
            ("Każdy człowiek ma prawo do życia, wolności i bezpieczeństwa swojej osoby.\nGRUDZIEŃ 2025 5天后\n", &["5天后"]),
            ("לכל אדם הזכות לחיים, לחירות ולבטחון אישי.\nפברואר 2025 12 日前\n", &["12 日前"]),
            ("Καθένας έχει δικαίωμα στη ζωή, την ελευθερία και την προσωπική του ασφάλεια.\n£५०.००\n", &["£५०.००"]),
            ("AUGUST 2025 يوم متبقٍ\nThe talks in Doha ended on Sunday without an agreement, officials said.", &["يوم متبقٍ"]),
            // A Chinese menu in a Spanish page.
            ("Toda persona tiene derecho a la vida, a la libertad y a la seguridad de su persona.\n宫保鸡丁 麻婆豆腐 回锅肉\n", &["宫保鸡丁 麻婆豆腐 回锅肉"]),
            // Chinese in a Korean page is not a gloss.
            ("모든 사람은 법 앞에 평등하며 어떠한 차별도 없이 법의 보호를 받을 권리를 가진다.\n意大利、埃及和墨西哥\n", &["意大利、埃及和墨西哥"]),
            // Japanese (kana and Han together) in a Korean page.
            ("모든 사람은 굴욕적인 처우 또는 형벌을 権利は 받지 아니한다.", &["権利は"]),
            // Thai words in a Latin page, written without spaces.
            ("Everyone has the right to life ในอีก ๒ สัปดาห์ and liberty.", &["ในอีก ๒ สัปดาห์"]),
        ];
        for (text, want) in cases {
            assert_eq!(foreign(text), want, "{text}");
        }
    }

    #[test]
    fn homoglyph_letters_are_not_foreign_runs() {
        assert!(foreign("Everyone has the right to equаl pay for equal work, аpple.").is_empty());
    }

    /// The foreign-language spans straytext finds in `text`.
    fn foreign_language(text: &str) -> Vec<&str> {
        spans(text, find_foreign_languages)
    }

    const PORTUGUESE: &str = "Todo o indivíduo tem direito à liberdade de opinião e de expressão, o que implica o direito de não ser inquietado pelas suas opiniões.\n\
        Toda a pessoa tem direito ao trabalho, à livre escolha do trabalho, a condições equitativas e satisfatórias de trabalho e à protecção contra o desemprego.\n\
        Ninguém pode ser arbitrariamente privado da sua propriedade.\n";

    const ENGLISH: &str = "Everyone has the right to freedom of thought, conscience and religion; this right includes freedom to change his religion or belief.\n\
        Everyone has the right to freedom of opinion and expression; this right includes freedom to hold opinions without interference.\n\
        No one shall be held in slavery or servitude; slavery and the slave trade shall be prohibited in all their forms.\n";

    #[test]
    fn same_script_fragments_are_flagged() {
        let cases: [(String, &str); 4] = [
            // A Spanish line in a Portuguese page.
            (
                format!("{PORTUGUESE}Toda persona tiene el derecho de acceso, en condiciones de igualdad, a las funciones públicas de su país.\n"),
                "Toda persona tiene el derecho de acceso, en condiciones de igualdad, a las funciones públicas de su país.",
            ),
            // An Italian phrase in quotes inside an English sentence.
            (
                format!("{ENGLISH}Everyone has the right «e senza riguardo a frontiere della sua» to take part in the government.\n"),
                "e senza riguardo a frontiere della sua",
            ),
            // A Turkish countdown after an English date.
            (format!("{ENGLISH}January 2025 5 gün önce\n"), "5 gün önce"),
            // A German line in an English page.
            (
                format!("{ENGLISH}Durch die Nutzung dieser Website stimmen Sie der Verwendung von Cookies zu.\n"),
                "Durch die Nutzung dieser Website stimmen Sie der Verwendung von Cookies zu.",
            ),
        ];
        for (text, want) in &cases {
            assert_eq!(foreign_language(text), [*want], "{text}");
        }
    }

    #[test]
    fn the_first_look_turns_away_no_line_with_a_finding() {
        // Lines of English, Spanish, German and Italian words drawn at random, in runs of one
        // language or mixed word by word, with names, numbers and quotes, after English prose.
        let languages: [&[&str]; 4] = [
            &[
                "the", "of", "and", "to", "in", "is", "it", "house", "river", "went", "we", "our",
            ],
            &[
                "el", "los", "que", "y", "de", "una", "para", "niño", "mañana", "está", "sus",
                "también",
            ],
            &[
                "der", "die", "und", "das", "nicht", "mit", "für", "straße", "schnell", "über",
                "wir",
            ],
            &[
                "il", "che", "per", "non", "della", "sono", "città", "più", "questo", "anche",
                "gli",
            ],
        ];
        let extras = [
            "Juli", "Clover", "2025", "5", "«", "»", "(", ")", ",", "a", "en",
        ];
        let mut rng = crate::testing::XorShift(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| rng.below(n);
        let (mut found, mut turned_away) = (0, 0);
        for _ in 0..30 {
            let mut text = ENGLISH.to_string();
            for _ in 0..8 {
                let mut lang = next(4);
                for _ in 0..3 + next(25) {
                    match next(10) {
                        0 => lang = next(4),
                        1 => text.push_str(extras[next(extras.len())]),
                        _ => text.push_str(languages[lang][next(languages[lang].len())]),
                    }
                    text.push(' ');
                }
                text.push('\n');
            }
            let ls = lines(&text);
            let system = crate::script::host_system(&text, &ls).unwrap();
            let language = language::document_language(&text, &ls, Some(system));
            let Some(doc) = language.filter(|d| d.reliable) else {
                continue;
            };
            let host = Host {
                system,
                language,
                text: &text,
            };
            let looked = PageLanguages::new(doc.lang);
            let unlooked = PageLanguages {
                look_first: false,
                ..PageLanguages::new(doc.lang)
            };
            for line in &ls {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                same_script_fragments(&host, &looked, line, &mut a);
                same_script_fragments(&host, &unlooked, line, &mut b);
                let spans = |v: &[RawFinding]| -> Vec<_> {
                    v.iter()
                        .map(|f| (f.range.clone(), f.language.clone()))
                        .collect()
                };
                assert_eq!(spans(&a), spans(&b), "{}", &text[line.range.clone()]);
                found += b.len();
                let found = masks(&text, line.range.clone());
                let second = second_look(&host, &line.range, &found, looked.host_bits);
                turned_away += usize::from(!second);
                assert!(second || b.is_empty(), "{}", &text[line.range.clone()]);
            }
        }
        assert!(found >= 10, "only {found} findings: the test tests little");
        assert!(
            turned_away >= 10,
            "the second look turned away {turned_away} lines: the test tests little"
        );
    }

    #[test]
    fn host_language_lines_and_names_are_not_flagged() {
        let cases = [
            format!("{ENGLISH}promote the development of friendly relations\nThe U.S. embassy in Kabul did not confirm it.\n"),
            format!("{ENGLISH}Condé Nast Traveller\nJuli Clover and Dan Barbera wrote that the dish is sautéed, a cliché.\n"),
            format!("{ENGLISH}Everyone has the right to α + β = 90° freedom of peaceful assembly.\n"),
            format!("{PORTUGUESE}a condições equitativas\nToda a pessoa tem direito à educação.\n"),
        ];
        for text in &cases {
            assert!(
                foreign_language(text).is_empty(),
                "{text}: {:?}",
                foreign_language(text)
            );
        }
    }

    #[test]
    fn a_foreign_script_after_the_other_alphabet_of_a_serbian_page() {
        let text = "Svako ima pravo na život, slobodu i bezbednost ličnosti, i to je veoma važno za sve ljude.\n\
            Свако има право на живот, слободу и безбедност личности и право на рад и образовање.\n\
            април 2025. ३ माह में\n";
        assert_eq!(foreign(text), ["३ माह में"]);
    }

    proptest::proptest! {
        /// On any text, the fragment finders stay on char boundaries, inside the text, and
        /// never panic.
        #[test]
        fn never_panic_and_stay_on_boundaries(
            text in "[a-zA-Zé ıñ.,;:!?()«»“”\"'@/=+²0-9٠-٩۰-۹абвгдеЈјљ αβΔ日本語のカタカナ한국어人權ไทย๕יוםيوم\u{200B}\u{200D}\u{202E}\u{0301}\n-]{0,120}"
        ) {
            let ls = lines(&text);
            let system = crate::script::host_system(&text, &ls);
            let language = language::document_language(&text, &ls, system);
            let mut found = crate::homoglyph::find(&text, &ls);
            found.extend(crate::invisible::find(&text));
            if let Some(system) = system {
                let host = Host { system, language, text: &text };
                found.extend(find_foreign_scripts(&host, &ls));
                found.extend(find_foreign_languages(&host, &ls));
            }
            for f in found {
                proptest::prop_assert!(f.range.start < f.range.end && f.range.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
            }
        }
    }
}
