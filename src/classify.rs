//! Step 5 of the pipeline: verdicts. Each line's evidence, read with the context of the lines
//! around it (as jusText re-classes short paragraphs by their neighbours), becomes a verdict
//! (content or noise) and, for noise, a `ui_text` finding with a subkind, a reason and a score.

use crate::features::{LineFeatures, PageFacts, Shape};
use crate::report::{Kind, RawFinding, RawVerdict, Subkind, Verdict};
use crate::segment::Line;

/// A verdict with its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// Content or noise.
    pub verdict: Verdict,
    /// Confidence in the verdict, in [0, 1].
    pub score: f32,
    /// For noise: the subkind and the reason.
    pub why: Option<(Subkind, String)>,
}

impl Decision {
    fn content(score: f32) -> Self {
        Decision {
            verdict: Verdict::Content,
            score,
            why: None,
        }
    }

    fn noise(score: f32, subkind: Subkind, reason: impl Into<String>) -> Self {
        Decision {
            verdict: Verdict::Noise,
            score,
            why: Some((subkind, reason.into())),
        }
    }
}

/// How many lines before the first prose line a headline may stand.
const HEADLINE_REACH: usize = 4;

/// The clipboard's HTML, where it is unambiguous: a line that is all link text inside a
/// `nav` or a `footer` is navigation. (Kept apart: the model that reads every hint comes later.)
fn decide_from_html(f: &LineFeatures) -> Option<Decision> {
    let h = &f.hint;
    (h.found && h.link_density >= 0.9 && (h.in_nav || h.in_footer)).then(|| {
        let place = if h.in_nav { "a menu" } else { "the footer" };
        Decision::noise(
            0.9,
            Subkind::Navigation,
            format!("a link in {place} of the page's HTML"),
        )
    })
}

fn decide(i: usize, f: &LineFeatures, feats: &[LineFeatures], page: &PageFacts) -> Decision {
    if let Some(d) = decide_from_html(f) {
        return d;
    }
    let inside =
        matches!((page.first_prose, page.last_prose), (Some(a), Some(b)) if a <= i && i <= b);

    if let Some(shape) = f.shape {
        return match shape {
            Shape::Amount => {
                Decision::noise(0.95, Subkind::Amount, "a currency amount standing alone")
            }
            Shape::Counter => Decision::noise(
                0.9,
                Subkind::Counter,
                "a number standing alone or counting something",
            ),
            Shape::Date => Decision::noise(0.85, Subkind::Date, "a date or time standing alone"),
            Shape::Symbol => Decision::noise(0.9, Subkind::Symbol, "symbols with no words"),
        };
    }

    if f.copies > 1 {
        // A repeated paragraph keeps its first copy; a repeated headline keeps the copy
        // nearest the start of the prose; short repeated lines (widgets) keep none.
        let keep = if f.prose {
            f.first_copy
        } else {
            page.first_prose.is_some_and(|p| {
                i < p && p - i <= HEADLINE_REACH && f.words >= 4.0 && {
                    // No later copy stands between this one and the prose.
                    !feats[i + 1..p]
                        .iter()
                        .any(|g| g.copies == f.copies && g.chars == f.chars)
                }
            })
        };
        if !keep {
            return Decision::noise(
                0.85,
                Subkind::Duplicate,
                format!("a line repeated {} times in the page", f.copies),
            );
        }
        return Decision::content(0.7);
    }

    if f.prose {
        if let Some(k) = f.phrase {
            if k == Subkind::Consent {
                return Decision::noise(0.8, k, "reads like a cookie or consent notice");
            }
        }
        let score = 0.6 + 0.4 * (f.words / 30.0).min(1.0);
        return Decision::content(score);
    }

    if let Some(k) = f.phrase {
        let what = match k {
            Subkind::Control => "reads like a button or form control",
            Subkind::Navigation => "reads like a menu item",
            Subkind::Share => "reads like a share button",
            Subkind::Comments => "reads like part of a comment widget",
            Subkind::Consent => "reads like a cookie or consent notice",
            Subkind::Caption => "reads like an image caption or credit",
            _ => "reads like UI text",
        };
        return Decision::noise(0.9, k, what);
    }

    if f.short_run >= 3 {
        return Decision::noise(
            0.8,
            Subkind::Navigation,
            format!("one of a run of {} short lines, like a menu", f.short_run),
        );
    }

    if !inside {
        // A headline just before the article is content.
        if let Some(p) = page.first_prose {
            if i < p && p - i <= HEADLINE_REACH && f.words >= 4.0 && f.upper_ratio < 0.9 {
                return Decision::content(0.6);
            }
        }
        let reason = if page.first_prose.is_none() {
            "a short line in a page with no running prose"
        } else if page.first_prose.is_some_and(|p| i < p) {
            "a short line before the article's text"
        } else {
            "a short line after the article's text"
        };
        return Decision::noise(0.7, Subkind::Other, reason);
    }

    // Inside the article: short lines next to prose are headings and one-line paragraphs.
    if f.upper_ratio > 0.9 && f.words <= 3.0 && f.letter_ratio > 0.5 {
        return Decision::noise(
            0.6,
            Subkind::Caption,
            "a short all-capitals line inside the article, like a caption",
        );
    }
    if f.prose_distance <= 2 {
        return Decision::content(0.6);
    }
    Decision::noise(
        0.55,
        Subkind::Other,
        "a short line far from the article's prose",
    )
}

/// Decides every line; returns the verdicts and the `ui_text` findings for the noise lines.
pub fn classify(
    lines: &[Line],
    feats: &[LineFeatures],
    page: &PageFacts,
) -> (Vec<RawVerdict>, Vec<RawFinding>) {
    let mut verdicts = Vec::with_capacity(lines.len());
    let mut findings = Vec::new();
    for (i, (line, f)) in lines.iter().zip(feats).enumerate() {
        let d = decide(i, f, feats, page);
        verdicts.push(RawVerdict {
            verdict: d.verdict,
            score: d.score,
            range: line.range.clone(),
        });
        if let Some((subkind, reason)) = d.why {
            findings.push(RawFinding {
                kind: Kind::UiText,
                subkind: Some(subkind),
                script: None,
                language: None,
                reason,
                score: d.score,
                range: line.range.clone(),
            });
        }
    }
    (verdicts, findings)
}
