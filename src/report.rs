//! The report of the public contract (`docs/contract.md`): the serde types that the CLI prints
//! as JSON and the wasm binding hands to JavaScript, and the last step of the pipeline, which
//! turns the pipeline's byte ranges into offsets in all three units.

use crate::offsets::Converter;
use serde::Serialize;
use std::ops::Range;

/// What straytext found in one pasted text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The document's main language, or `None` when it cannot be told.
    pub language: Option<Language>,
    /// The document's dominant script (a Unicode script name such as `"Latin"`), if any.
    pub script: Option<String>,
    /// Every finding, sorted by `start`.
    pub findings: Vec<Finding>,
    /// One verdict per non-empty line, in order.
    pub lines: Vec<LineVerdict>,
}

/// A language as whatlang names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Language {
    /// ISO 639-3 code (`"eng"`).
    pub code: String,
    /// English name (`"English"`).
    pub name: String,
    /// whatlang's confidence, in [0, 1].
    pub confidence: f64,
    /// Whether the detection is reliable.
    pub reliable: bool,
}

/// The kinds of noise straytext reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A run of letters in a script other than the document's.
    ForeignScript,
    /// A segment in the document's script but in another language.
    ForeignLanguage,
    /// One word mixing confusable scripts (UTS #39).
    MixedScriptWord,
    /// Stray user-interface text.
    UiText,
    /// Zero-width, bidi-control and other invisible format characters.
    Invisible,
}

impl Kind {
    /// Every kind, in the order of the contract.
    pub const ALL: [Kind; 5] = [
        Kind::ForeignScript,
        Kind::ForeignLanguage,
        Kind::MixedScriptWord,
        Kind::UiText,
        Kind::Invisible,
    ];

    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ForeignScript => "foreign_script",
            Kind::ForeignLanguage => "foreign_language",
            Kind::MixedScriptWord => "mixed_script_word",
            Kind::UiText => "ui_text",
            Kind::Invisible => "invisible",
        }
    }
}

/// What sort of UI text a `ui_text` finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subkind {
    /// A currency amount (`2,500 $`).
    Amount,
    /// A count of something (`55 Comments`).
    Counter,
    /// A date, time or countdown.
    Date,
    /// A button or form control (`Subscribe`, `Reply`).
    Control,
    /// A menu item or a run of them.
    Navigation,
    /// A share bar.
    Share,
    /// A comment widget.
    Comments,
    /// A cookie or consent notice.
    Consent,
    /// An image caption or credit.
    Caption,
    /// A line repeated from elsewhere in the page (a title shown twice).
    Duplicate,
    /// A lone symbol or number.
    Symbol,
    /// Other UI text.
    Other,
}

impl Subkind {
    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            Subkind::Amount => "amount",
            Subkind::Counter => "counter",
            Subkind::Date => "date",
            Subkind::Control => "control",
            Subkind::Navigation => "navigation",
            Subkind::Share => "share",
            Subkind::Comments => "comments",
            Subkind::Consent => "consent",
            Subkind::Caption => "caption",
            Subkind::Duplicate => "duplicate",
            Subkind::Symbol => "symbol",
            Subkind::Other => "other",
        }
    }
}

/// One flagged span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// What was found.
    pub kind: Kind,
    /// For `ui_text`: what sort of UI text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subkind: Option<Subkind>,
    /// The script of the flagged text, where it applies (a Unicode script name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script: Option<String>,
    /// The language of the flagged text (ISO 639-3), where it applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Why it was flagged, for a person to read.
    pub reason: String,
    /// How sure straytext is, in [0, 1].
    pub score: f64,
    /// Start in UTF-16 code units (a JavaScript string index).
    pub start: usize,
    /// End (exclusive) in UTF-16 code units.
    pub end: usize,
    /// Start in Unicode scalar values (a Python string index).
    pub char_start: usize,
    /// End (exclusive) in Unicode scalar values.
    pub char_end: usize,
    /// Start in UTF-8 bytes.
    pub byte_start: usize,
    /// End (exclusive) in UTF-8 bytes.
    pub byte_end: usize,
}

impl Finding {
    /// The flagged byte range.
    pub fn bytes(&self) -> Range<usize> {
        self.byte_start..self.byte_end
    }
}

/// Whether a line belongs to the page's content or is noise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Part of what the page is about.
    Content,
    /// Noise: UI text, a foreign fragment, a repeated line.
    Noise,
}

/// The verdict on one non-empty line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineVerdict {
    /// Content or noise.
    pub verdict: Verdict,
    /// Confidence in the verdict, in [0, 1].
    pub score: f64,
    /// Start in UTF-16 code units.
    pub start: usize,
    /// End (exclusive) in UTF-16 code units.
    pub end: usize,
    /// Start in Unicode scalar values.
    pub char_start: usize,
    /// End (exclusive) in Unicode scalar values.
    pub char_end: usize,
    /// Start in UTF-8 bytes.
    pub byte_start: usize,
    /// End (exclusive) in UTF-8 bytes.
    pub byte_end: usize,
}

impl LineVerdict {
    /// The line's byte range (trimmed).
    pub fn bytes(&self) -> Range<usize> {
        self.byte_start..self.byte_end
    }
}

/// A finding as the pipeline makes it: byte offsets only.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFinding {
    /// What was found.
    pub kind: Kind,
    /// For `ui_text`: what sort.
    pub subkind: Option<Subkind>,
    /// The script of the flagged text, where it applies.
    pub script: Option<String>,
    /// The language of the flagged text, where it applies.
    pub language: Option<String>,
    /// Why, for a person.
    pub reason: String,
    /// Confidence in [0, 1].
    pub score: f32,
    /// The flagged bytes.
    pub range: Range<usize>,
}

/// A line verdict as the pipeline makes it: byte offsets only.
#[derive(Debug, Clone, PartialEq)]
pub struct RawVerdict {
    /// Content or noise.
    pub verdict: Verdict,
    /// Confidence in the verdict, in [0, 1].
    pub score: f32,
    /// The trimmed line.
    pub range: Range<usize>,
}

/// Rounds a score to three decimals, so that the JSON the CLI prints and the object JavaScript
/// receives hold the same number.
fn round_score(score: f32) -> f64 {
    (f64::from(score.clamp(0.0, 1.0)) * 1000.0).round() / 1000.0
}

/// Two ascending sequences merged into one ascending sequence.
fn merged_in_order(
    a: impl Iterator<Item = usize>,
    b: impl Iterator<Item = usize>,
) -> impl Iterator<Item = usize> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// The last step: sorts the findings and converts every byte range to the three units.
pub fn build(
    text: &str,
    language: Option<Language>,
    script: Option<String>,
    mut findings: Vec<RawFinding>,
    verdicts: Vec<RawVerdict>,
) -> Report {
    crate::sort::sort_by(&mut findings, |a, b| {
        (a.range.start, a.range.end, a.kind).cmp(&(b.range.start, b.range.end, b.kind))
    });
    // The lines' edges are in order and the findings' starts now too: merged, they are the
    // converter's offsets without a sort; each finding's end is counted from its start or a
    // line's edge before it.
    let conv = Converter::new(
        text,
        merged_in_order(
            verdicts.iter().flat_map(|v| [v.range.start, v.range.end]),
            findings.iter().map(|f| f.range.start),
        ),
    );
    // Findings' starts are in order, and so are the lines' edges: each found by a step from
    // the one before (an end from its start).
    let mut cursor = 0;
    let findings = findings
        .into_iter()
        .map(|f| {
            let s = conv.position_from(f.range.start, &mut cursor);
            let mut from_start = cursor;
            let e = conv.position_from(f.range.end, &mut from_start);
            Finding {
                kind: f.kind,
                subkind: f.subkind,
                script: f.script,
                language: f.language,
                reason: f.reason,
                score: round_score(f.score),
                start: s.utf16,
                end: e.utf16,
                char_start: s.char,
                char_end: e.char,
                byte_start: s.byte,
                byte_end: e.byte,
            }
        })
        .collect();
    let mut cursor = 0;
    let lines = verdicts
        .into_iter()
        .map(|v| {
            let s = conv.position_from(v.range.start, &mut cursor);
            let e = conv.position_from(v.range.end, &mut cursor);
            LineVerdict {
                verdict: v.verdict,
                score: round_score(v.score),
                start: s.utf16,
                end: e.utf16,
                char_start: s.char,
                char_end: e.char,
                byte_start: s.byte,
                byte_end: e.byte,
            }
        })
        .collect();
    Report {
        language,
        script,
        findings,
        lines,
    }
}
