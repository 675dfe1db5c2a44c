//! Foreign fragments: runs of letters in a script the document's writing system does not use
//! (`foreign_script`), and lines in the document's script but in another language
//! (`foreign_language`).
//!
//! Legitimate mixes are not flagged: Latin brand names, acronyms, units and codes inside
//! non-Latin text (`iPhone`, `COVID-19`, `5 km`), URLs and e-mail addresses, Greek letters in
//! math, Serbian in both alphabets, Japanese and Korean script mixes (see [`crate::script`]).

use crate::language::{self, Detected};
use crate::report::{Kind, RawFinding};
use crate::script::{runs, ScriptRun, WritingSystem};
use crate::segment::Line;
use std::ops::Range;
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

/// A line shorter than this many letters is never judged by its language alone.
const MIN_LETTERS_FOR_LANGUAGE: usize = 40;

/// True when a Latin run inside non-Latin text is a legitimate borrowing: a short token such as
/// a brand, an acronym, a unit or a code.
fn is_latin_borrowing(run_text: &str) -> bool {
    let words: Vec<&str> = run_text.split_whitespace().collect();
    words.len() <= 2
        && words.iter().all(|w| {
            w.chars().count() <= 12
                && (w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
                    || w.chars().count() <= 3)
        })
}

/// True for a Greek run that reads as math: one or two letters standing alone.
fn is_math_symbol(text: &str, run: &ScriptRun) -> bool {
    run.script == Script::Greek
        && run.letters <= 2
        && !text[run.range.end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic())
}

/// Tells whether script runs lie inside a URL or an e-mail address (the white-space-delimited
/// token around the run holds `://` or `@` and `.`, or starts with `www.`).
///
/// The runs of a line are asked about in order, so the white space around them is found by
/// cursors that only move forward, and a token shared by successive runs is checked once: the
/// cost is linear in the line, even for a long line without spaces holding many runs.
struct UrlTokens<'a> {
    text: &'a str,
    line: Range<usize>,
    /// The token start is known for run starts up to here.
    start_scanned: usize,
    token_start: usize,
    /// `[end_from, token_end)` holds no white space; `token_end` is white space or the line end.
    end_from: usize,
    token_end: usize,
    /// The last token checked and the answer.
    last: Option<(usize, usize, bool)>,
}

impl<'a> UrlTokens<'a> {
    fn new(text: &'a str, line: Range<usize>) -> Self {
        UrlTokens {
            text,
            start_scanned: line.start,
            token_start: line.start,
            end_from: line.start,
            token_end: line.start,
            last: None,
            line,
        }
    }

    /// True when `range` (a run of this line, after the runs asked about before) lies inside a
    /// URL or an e-mail address.
    fn contains(&mut self, range: &Range<usize>) -> bool {
        let text = self.text;
        if range.start < self.start_scanned {
            // Out of order: start again from the line's start.
            self.start_scanned = self.line.start;
            self.token_start = self.line.start;
        }
        if let Some((i, c)) = text[self.start_scanned..range.start]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
        {
            self.token_start = self.start_scanned + i + c.len_utf8();
        }
        self.start_scanned = range.start;
        if !(self.end_from <= range.end && range.end <= self.token_end) {
            self.token_end = text[range.end..self.line.end]
                .find(char::is_whitespace)
                .map_or(self.line.end, |i| range.end + i);
            self.end_from = range.end;
        }
        let (s, e) = (self.token_start, self.token_end);
        if let Some((ls, le, answer)) = self.last {
            if (ls, le) == (s, e) {
                return answer;
            }
        }
        let token = &text[s..e];
        let answer = token.contains("://")
            || token.starts_with("www.")
            || token.contains('@') && token.contains('.');
        self.last = Some((s, e, answer));
        answer
    }
}

/// The language whatlang hears in a foreign run, if its script leaves a choice.
fn run_language(text: &str) -> Option<Lang> {
    language::detect(text).map(|d| d.lang)
}

fn script_phrase(script: Script) -> String {
    format!("{} words", script.full_name())
}

/// Every foreign-script run in the given lines.
pub fn find_foreign_scripts(host: &Host, lines: &[Line]) -> Vec<RawFinding> {
    let text = host.text;
    let serbian = host
        .language
        .is_some_and(|d| matches!(d.lang, Lang::Srp | Lang::Hrv));
    let mut out = Vec::new();
    for line in lines {
        let line_text = &text[line.range.clone()];
        if line_text.is_ascii() && host.system.main == Script::Latin {
            continue;
        }
        let mut pending: Option<(Script, Range<usize>, usize)> = None;
        let mut urls = UrlTokens::new(text, line.range.clone());
        let mut flush = |p: Option<(Script, Range<usize>, usize)>, out: &mut Vec<RawFinding>| {
            if let Some((script, range, letters)) = p {
                let run_text = &text[range.clone()];
                if script == Script::Latin && is_latin_borrowing(run_text) {
                    return;
                }
                if urls.contains(&range) {
                    return;
                }
                let lang = if letters >= 6 {
                    run_language(run_text)
                } else {
                    None
                };
                let host_desc = match host.language {
                    Some(d) => {
                        format!("a {}-script {} page", host.system.name(), d.lang.eng_name())
                    }
                    None => format!("a {}-script page", host.system.name()),
                };
                let score = (0.6 + 0.05 * letters as f32).min(0.97);
                out.push(RawFinding {
                    kind: Kind::ForeignScript,
                    subkind: None,
                    script: Some(script.full_name().to_string()),
                    language: lang.map(|l| l.code().to_string()),
                    reason: format!("{} in {}", script_phrase(script), host_desc),
                    score,
                    range,
                });
            }
        };
        for run in runs(text, line.range.clone()) {
            if host.system.accepts(run.script)
                || is_math_symbol(text, &run)
                || (serbian && matches!(run.script, Script::Latin | Script::Cyrillic))
            {
                flush(pending.take(), &mut out);
                continue;
            }
            match &mut pending {
                Some((s, r, n)) if *s == run.script => {
                    r.end = run.range.end;
                    *n += run.letters;
                }
                _ => {
                    flush(pending.take(), &mut out);
                    pending = Some((run.script, run.range.clone(), run.letters));
                }
            }
        }
        flush(pending.take(), &mut out);
    }
    out
}

/// Lines in the document's script but, by strong evidence, in another language.
pub fn find_foreign_languages(host: &Host, lines: &[Line]) -> Vec<RawFinding> {
    let Some(doc) = host.language else {
        return Vec::new();
    };
    let text = host.text;
    let mut out = Vec::new();
    for line in lines {
        let line_text = &text[line.range.clone()];
        let letters = line_text.chars().filter(|c| c.is_alphabetic()).count();
        if letters < MIN_LETTERS_FOR_LANGUAGE {
            continue;
        }
        let Some(found) = language::detect(line_text) else {
            continue;
        };
        if found.lang == doc.lang || !found.reliable {
            continue;
        }
        // A second opinion between the two candidates only: the document's language is the
        // prior, so the other one must win clearly.
        let Some(duel) = language::detect_among(line_text, vec![doc.lang, found.lang]) else {
            continue;
        };
        if duel.lang != found.lang || duel.confidence < 0.5 {
            continue;
        }
        out.push(RawFinding {
            kind: Kind::ForeignLanguage,
            subkind: None,
            script: None,
            language: Some(found.lang.code().to_string()),
            reason: format!(
                "a {} line in a {} page",
                found.lang.eng_name(),
                doc.lang.eng_name()
            ),
            score: (found.confidence as f32 * 0.9).min(0.95),
            range: line.range.clone(),
        });
    }
    out
}
