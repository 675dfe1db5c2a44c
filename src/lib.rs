//! # straytext
//!
//! Finds the noise in text pasted from web pages: stray UI text (`2,500 $`, `Subscribe`,
//! `55 Comments`, a repeated title), fragments in another script or language (an Arabic
//! countdown inside an English article), look-alike letters from another script, and invisible
//! characters. Every finding says where (byte, character and UTF-16 offsets) and why (a kind,
//! a reason a person can read, and a score).
//!
//! ```
//! let text = "2,500 $\nAUGUST 2025 يوم متبقٍ\nThe talks in Doha ended on Sunday without an agreement, officials from both delegations said.\n";
//! let report = straytext::analyze(text, &straytext::Options::default());
//! let amount = &report.findings[0];
//! assert_eq!(amount.kind, straytext::Kind::UiText);
//! assert_eq!(&text[amount.bytes()], "2,500 $");
//! assert!(report
//!     .findings
//!     .iter()
//!     .any(|f| f.kind == straytext::Kind::ForeignScript && &text[f.bytes()] == "يوم متبقٍ"));
//! assert_eq!(straytext::clean(text, &straytext::Options::default()),
//!     "The talks in Doha ended on Sunday without an agreement, officials from both delegations said.\n");
//! ```
//!
//! ## The pipeline
//! [`analyze`] runs these steps in order, one module each:
//! 1. [`segment`]: lines and words, as byte ranges;
//! 2. [`script`]: the script of every letter, script runs, the document's writing system;
//! 3. [`language`]: the document's language (whatlang), and per-line languages where they can
//!    change a verdict;
//! 4. [`features`]: the evidence about each line, alone and in the page (with [`html`] hints
//!    when the clipboard's HTML is given);
//! 5. [`classify`]: verdicts from the evidence and the neighbouring lines (a small tree model,
//!    [`model`]); [`foreign`],
//!    [`homoglyph`] and [`invisible`] find the sub-line fragments;
//! 6. [`report`]: sorted findings with offsets in the three units ([`offsets`]).

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod classify;
pub mod features;
pub mod foreign;
pub mod homoglyph;
pub mod html;
pub mod invisible;
pub mod language;
pub mod lexicon;
pub mod model;
pub mod offsets;
#[cfg(not(target_arch = "wasm32"))]
pub mod records;
pub mod report;
pub mod script;
pub mod segment;
mod sort;
#[cfg(test)]
mod testing;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use report::{Finding, Kind, Language, LineVerdict, Report, Subkind, Verdict};

use std::ops::Range;

/// What the caller knows besides the text.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// The clipboard's HTML for the same text (`text/html`), whose structure improves the
    /// verdicts.
    pub html: Option<String>,
}

impl Options {
    /// Options carrying the clipboard's HTML.
    pub fn with_html(mut self, html: impl Into<String>) -> Self {
        self.html = Some(html.into());
        self
    }
}

/// Analyzes `text`: finds its noise and judges each of its lines.
pub fn analyze(text: &str, options: &Options) -> Report {
    // 1. Lines.
    let lines = segment::lines(text);

    // 2. Scripts: the document's writing system, by a vote of its letters and lines.
    let system = script::host_system(text, &lines);

    // 3. The document's language, told from the lines in its writing system.
    let doc_language = language::document_language(text, &lines, system);

    // 4. Line evidence.
    let hints = options
        .html
        .as_deref()
        .map(|html| html::line_hints(html, text, &lines));
    let (feats, page) = features::extract(text, &lines, hints.as_deref());

    // 5. Verdicts and findings.
    let (mut verdicts, mut findings) = classify::classify(&lines, &feats, &page);
    findings.extend(invisible::find(text));
    findings.extend(homoglyph::find(text, &lines));
    if let Some(system) = system {
        let host = foreign::Host {
            system,
            language: doc_language,
            text,
        };
        let foreign_runs = foreign::find_foreign_scripts(&host, &lines);
        findings.extend(widgets_around(text, &lines, &mut verdicts, &foreign_runs));
        findings.extend(foreign_runs);
        let foreign_lines = foreign::find_foreign_languages(&host, &lines);
        for f in &foreign_lines {
            // Verdicts are in line order: a binary search, not a scan per finding.
            let at = verdicts.partition_point(|v| v.range.start < f.range.start);
            if let Some(v) = verdicts.get_mut(at).filter(|v| v.range == f.range) {
                v.verdict = Verdict::Noise;
                v.score = v.score.max(f.score);
            }
        }
        findings.extend(foreign_lines);
    }

    // 6. The report.
    report::build(
        text,
        doc_language.map(|d| d.to_report()),
        system.map(|s| s.name().to_string()),
        findings,
        verdicts,
    )
}

/// Lines that are a widget once their foreign-script runs are set aside (`AUGUST 2025` beside
/// an Arabic countdown, `5,000` beside a price in another script, a line that is nothing but
/// foreign words): they become noise, with a `ui_text` finding when what remains has the shape
/// of a date, an amount or a counter.
fn widgets_around(
    text: &str,
    lines: &[segment::Line],
    verdicts: &mut [report::RawVerdict],
    runs: &[report::RawFinding],
) -> Vec<report::RawFinding> {
    let mut out = Vec::new();
    let mut runs = runs.iter().peekable();
    for (line, verdict) in lines.iter().zip(verdicts.iter_mut()) {
        let mut rest = String::new();
        let mut at = line.range.start;
        let mut any = false;
        while let Some(run) = runs.next_if(|r| r.range.start < line.range.end) {
            if run.range.start < line.range.start || run.range.end > line.range.end {
                continue;
            }
            rest.push_str(text.get(at..run.range.start).unwrap_or(""));
            rest.push(' ');
            at = run.range.end;
            any = true;
        }
        if !any || verdict.verdict == Verdict::Noise {
            continue;
        }
        rest.push_str(text.get(at..line.range.end).unwrap_or(""));
        let rest = rest.trim();
        let shape = features::shape(rest).filter(|_| !rest.is_empty());
        if shape.is_none() && rest.chars().any(char::is_alphanumeric) {
            continue;
        }
        verdict.verdict = Verdict::Noise;
        verdict.score = verdict.score.max(0.8);
        if let Some(shape) = shape {
            let subkind = classify::shape_reason(shape).0;
            out.push(report::RawFinding {
                kind: Kind::UiText,
                subkind: Some(subkind),
                script: None,
                language: None,
                reason: format!(
                    "a widget: {} beside words in another script",
                    match subkind {
                        Subkind::Date => "a date",
                        Subkind::Amount => "an amount",
                        _ => "a number",
                    }
                ),
                score: 0.85,
                range: line.range.clone(),
            });
        }
    }
    out
}

/// The text without its noise: `text` minus every flagged span, byte for byte elsewhere. A
/// span that covers a whole line takes the line's surrounding white space and line break with
/// it, so no blank line is left where a line was removed.
pub fn clean(text: &str, options: &Options) -> String {
    let report = analyze(text, options);
    clean_with(text, &report)
}

/// The text without the noise a report found in it (see [`clean`]).
pub fn clean_with(text: &str, report: &Report) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in removed_ranges(text, report) {
        out.push_str(&text[at..r.start]);
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The byte ranges [`clean_with`] removes, sorted and disjoint.
pub fn removed_ranges(text: &str, report: &Report) -> Vec<Range<usize>> {
    let lines = segment::lines(text);
    let ranges: Vec<Range<usize>> = report
        .findings
        .iter()
        .map(|f| {
            let r = f.bytes();
            match lines.binary_search_by(|l| l.range.start.cmp(&r.start)) {
                Ok(i) if lines[i].range == r => lines[i].full.clone(),
                _ => r,
            }
        })
        .collect();
    crate::sort::merged_ranges(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SELECTION: &str = "2,500 $\nAUGUST 2025 يوم متبقٍ\nThe talks in Doha ended on Sunday without an agreement, officials from both delegations said.\nThe two sides will meet again next month in the same city, according to a statement.\n";

    #[test]
    fn a_short_selection_keeps_its_prose() {
        let report = analyze(SELECTION, &Options::default());
        let verdicts: Vec<Verdict> = report.lines.iter().map(|l| l.verdict).collect();
        assert_eq!(
            verdicts,
            [
                Verdict::Noise,
                Verdict::Noise,
                Verdict::Content,
                Verdict::Content
            ]
        );
    }

    #[test]
    fn a_date_beside_a_foreign_countdown_is_a_widget() {
        let report = analyze(SELECTION, &Options::default());
        let line = "AUGUST 2025 يوم متبقٍ";
        let date = report
            .findings
            .iter()
            .find(|f| &SELECTION[f.bytes()] == line)
            .expect("a finding over the whole line");
        assert_eq!(
            (date.kind, date.subkind),
            (Kind::UiText, Some(Subkind::Date))
        );
        assert!(clean(SELECTION, &Options::default()).starts_with("The talks in Doha"));
    }
}
