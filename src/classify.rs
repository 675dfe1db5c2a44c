//! Step 5 of the pipeline: verdicts. Each line's evidence, read with the context of the lines
//! around it (as jusText re-classes short paragraphs by their neighbours), becomes a verdict
//! (content or noise) and, for noise, a `ui_text` finding with a subkind, a reason and a score.

use crate::features::{self, LineFeatures, PageFacts, Shape, HEADLINE_REACH};
use crate::model::{self, Forest};
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

    /// Noise by the rules: a copy of a line that stands `copies` times in the page.
    fn repeated(copies: usize) -> Self {
        Decision::noise(
            0.85,
            Subkind::Duplicate,
            format!("a line repeated {copies} times in the page"),
        )
    }
}

/// The hand rules, used only when no line model is available.
fn decide_by_rules(
    i: usize,
    f: &LineFeatures,
    feats: &[LineFeatures],
    page: &PageFacts,
) -> Decision {
    let inside =
        matches!((page.first_prose, page.last_prose), (Some(a), Some(b)) if a <= i && i <= b);

    if let Some(shape) = f.shape {
        let score = match shape {
            Shape::Amount => 0.95,
            Shape::Date => 0.85,
            Shape::Counter | Shape::Symbol => 0.9,
        };
        let (subkind, reason) = shape_reason(shape);
        return Decision::noise(score, subkind, reason);
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
            return Decision::repeated(f.copies);
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
        let what = phrase_reason(k);
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

/// Below this many lines, a plain-text page without running prose is judged line by line
/// ([`decide_by_own_evidence`]) instead of by the line model. The model learned from whole
/// pasted pages: 95 % of the benchmark's have over 30 lines; its pages without prose (shop
/// and listing pages of 100 lines and more) it judges better than the lines' own evidence.
const SMALL_PAGE_LINES: usize = 10;

/// The verdict of a line in a small page without running prose, from what the line shows by itself:
/// a shape (an amount, a counter, a date, symbols), a known UI phrase, or a later copy of a
/// line. Anything else stays content: without prose there is no article for it to stand
/// outside of, so no reason to remove it.
fn decide_by_own_evidence(f: &LineFeatures) -> Decision {
    if let Some(shape) = f.shape {
        let (subkind, reason) = shape_reason(shape);
        return Decision::noise(0.9, subkind, reason);
    }
    if let Some(k) = f.phrase {
        return Decision::noise(0.9, k, phrase_reason(k));
    }
    if f.copies > 1 && !f.first_copy {
        return Decision::repeated(f.copies);
    }
    Decision::content(0.6)
}

/// Where a line stands relative to the article's prose, in words.
fn place(i: usize, f: &LineFeatures, page: &PageFacts) -> &'static str {
    match (page.first_prose, page.last_prose) {
        (None, _) | (_, None) => "in a page with no running prose",
        (Some(a), _) if i < a => {
            if f.prose_distance > 3 {
                "before the article's text, far from its prose"
            } else {
                "just before the article's text"
            }
        }
        (_, Some(b)) if i > b => {
            if f.prose_distance > 3 {
                "after the article's text, far from its prose"
            } else {
                "just after the article's text"
            }
        }
        _ => "inside the article's text",
    }
}

/// The `ui_text` subkind a line of this shape is, and why.
pub fn shape_reason(shape: Shape) -> (Subkind, &'static str) {
    match shape {
        Shape::Amount => (Subkind::Amount, "a currency amount standing alone"),
        Shape::Counter => (
            Subkind::Counter,
            "a number standing alone or counting something",
        ),
        Shape::Date => (Subkind::Date, "a date or time standing alone"),
        Shape::Symbol => (Subkind::Symbol, "symbols with no words"),
    }
}

/// What a line that reads as a UI phrase of this subkind reads like.
fn phrase_reason(subkind: Subkind) -> &'static str {
    match subkind {
        Subkind::Control => "reads like a button or form control",
        Subkind::Navigation => "reads like a menu item",
        Subkind::Share => "reads like a share button",
        Subkind::Comments => "reads like part of a comment widget",
        Subkind::Consent => "reads like a cookie or consent notice",
        Subkind::Caption => "reads like an image caption or credit",
        _ => "reads like UI text",
    }
}

/// `p` (a probability, so finite and not negative) with two decimals, as `{:.2}` prints it: the
/// exact value rounded half to even (an f32 times 100 is exact in f64). Without Rust's float
/// formatting, which would add 7 KB to the wasm (tools/size/RESULTS.md).
#[cfg(test)]
fn two_decimals(p: f32) -> String {
    let mut s = String::new();
    push_two_decimals(&mut s, p);
    s
}

/// Appends `p` with two decimals (see [`two_decimals`]).
fn push_two_decimals(s: &mut String, p: f32) {
    let hundredths = (f64::from(p.max(0.0)) * 100.0).round_ties_even() as u64;
    push_decimal(s, hundredths / 100);
    s.push('.');
    let cents = (hundredths % 100) as u8;
    s.push(char::from(b'0' + cents / 10));
    s.push(char::from(b'0' + cents % 10));
}

/// Appends `n` in decimal digits.
fn push_decimal(s: &mut String, n: u64) {
    if n >= 10 {
        push_decimal(s, n / 10);
    }
    s.push(char::from(b'0' + (n % 10) as u8));
}

/// A reason made of `parts` and then the model's score, `… (model score 0.87)`. Written by
/// appending, not by `format!`: one reason per noise line made the formatter 5 % of
/// `analyze`'s time (tools/speed/RESULTS.md, round 3).
fn with_score(parts: &[&str], p: f32) -> String {
    let mut s = String::with_capacity(parts.iter().map(|x| x.len()).sum::<usize>() + 20);
    for part in parts {
        s.push_str(part);
    }
    s.push_str(" (model score ");
    push_two_decimals(&mut s, p);
    s.push(')');
    s
}

/// The subkind and reason of a line the model calls noise, from the evidence that reads best.
fn explain(i: usize, f: &LineFeatures, page: &PageFacts, p: f32) -> (Subkind, String) {
    if let Some(shape) = f.shape {
        let (subkind, reason) = shape_reason(shape);
        return (subkind, reason.into());
    }
    if let Some(k) = f.phrase {
        return (
            k,
            with_score(&[phrase_reason(k), ", ", place(i, f, page)], p),
        );
    }
    // The clipboard's HTML, where it is unambiguous: all link text inside a `nav` or a footer.
    let h = &f.hint;
    if h.found && h.link_density >= 0.9 && (h.in_nav || h.in_footer) {
        let where_ = if h.in_nav { "a menu" } else { "the footer" };
        return (
            Subkind::Navigation,
            with_score(&["a link in ", where_, " of the page's HTML"], p),
        );
    }
    if f.copies > 1 {
        let mut copies = String::new();
        push_decimal(&mut copies, f.copies as u64);
        return (
            Subkind::Duplicate,
            with_score(&["a line repeated ", &copies, " times in the page"], p),
        );
    }
    if f.short_run >= 3 {
        let mut run = String::new();
        push_decimal(&mut run, f.short_run as u64);
        return (
            Subkind::Navigation,
            with_score(
                &[
                    "one of a run of ",
                    &run,
                    " short lines, like a menu, ",
                    place(i, f, page),
                ],
                p,
            ),
        );
    }
    let inside =
        matches!((page.first_prose, page.last_prose), (Some(a), Some(b)) if a <= i && i <= b);
    if inside && f.upper_ratio > 0.9 && f.words <= 3.0 && f.letter_ratio > 0.5 {
        return (
            Subkind::Caption,
            with_score(
                &["a short all-capitals line inside the article, like a caption"],
                p,
            ),
        );
    }
    let what = if f.prose || f.words >= 12.0 {
        "a paragraph"
    } else {
        "a short line"
    };
    let like = if f.prose && !inside {
        ", like a teaser, a comment or a notice"
    } else {
        ""
    };
    (
        Subkind::Other,
        with_score(&[what, " ", place(i, f, page), like], p),
    )
}

/// The model score a prose line inside the article must reach to be called noise.
const INSIDE_PROSE_THRESHOLD: f32 = 0.4;

/// The model score a prose line right after a prose line kept as content must reach to be
/// called noise: the article's paragraphs go on until the evidence is clear (its last one,
/// before a share bar or a comment count, scores just above the page's threshold in every
/// language, as the model learned that the last paragraph of a page is often a note, a bio
/// or a prompt; `tools/quality/RESULTS.md`).
const CONTINUED_PROSE_THRESHOLD: f32 = 0.6;

/// A paste of fewer prose lines than this is a deliberate selection, not a page: the model,
/// which learned from whole pages, has no page around its prose lines to judge them against,
/// so they stay content.
const SELECTION_PROSE_LINES: usize = 4;

/// How far the page's threshold follows the page's mean model score (weighted by characters):
/// a page the model scores as mostly noise gets a higher threshold, one it scores as mostly
/// content a lower one (`tools/quality/train.py`, `PAGE_BETA`).
const PAGE_BETA: f32 = 0.3;

/// The mean score at which a page keeps the model's own threshold.
const PAGE_MEAN_REFERENCE: f32 = 0.4;

/// The least share of a page's characters that stays content: when the model would remove more,
/// the lines it scores lowest stay content until this share is kept (`PAGE_MIN_KEPT` in
/// `tools/quality/train.py`).
const PAGE_MIN_KEPT: f64 = 0.1;

/// The noise probability of every line and, for the plain-text model, each line's threshold
/// after the page rules (the threshold follows the page's mean score; a page keeps at least
/// [`PAGE_MIN_KEPT`] of its characters). Cross-validated in `tools/quality/RESULTS.md`.
/// `inputs` holds `width` inputs a line.
fn page_scores(
    forest: &Forest,
    feats: &[LineFeatures],
    (inputs, width): (&[f32], usize),
    page_rule: bool,
) -> (Vec<f32>, Vec<f32>) {
    let scores = forest.probabilities(inputs, width, feats.len());
    let mut thresholds = vec![forest.threshold(); feats.len()];
    if !page_rule || feats.is_empty() {
        return (scores, thresholds);
    }
    let total: f64 = feats.iter().map(|f| f.chars as f64).sum();
    if total <= 0.0 {
        return (scores, thresholds);
    }
    let mean = feats
        .iter()
        .zip(&scores)
        .map(|(f, &p)| f.chars as f64 * f64::from(p))
        .sum::<f64>()
        / total;
    let t = forest.threshold() + PAGE_BETA * (mean as f32 - PAGE_MEAN_REFERENCE);
    thresholds.fill(t);
    let kept: f64 = feats
        .iter()
        .zip(&scores)
        .filter(|&(_, &p)| p < t)
        .map(|(f, _)| f.chars as f64)
        .sum();
    if kept < PAGE_MIN_KEPT * total {
        // Keep the lowest-scored lines until the share is reached (ties in line order).
        let mut order: Vec<usize> = (0..feats.len()).collect();
        order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(a.cmp(&b)));
        let mut sum = 0.0;
        for j in order {
            if let Some(t) = thresholds.get_mut(j) {
                *t = f32::INFINITY;
            }
            sum += feats.get(j).map_or(0.0, |f| f.chars as f64);
            if sum >= PAGE_MIN_KEPT * total {
                break;
            }
        }
    }
    (scores, thresholds)
}

/// Decisions from the line model: the verdict is the model's, the explanation the evidence's.
/// `page_rule`: apply the page rules of [`page_scores`] (measured for the plain-text model).
fn decide_by_model(
    forest: &Forest,
    feats: &[LineFeatures],
    page: &PageFacts,
    page_rule: bool,
) -> Vec<Decision> {
    // Rows as wide as the model reads (the plain-text models read none of the HTML's inputs).
    let (inputs, width) = if forest.inputs() > features::PLAIN_INPUTS {
        (features::model_inputs(feats, page), features::INPUTS)
    } else {
        (
            features::plain_model_inputs(feats, page),
            features::PLAIN_INPUTS,
        )
    };
    let selection = feats.iter().filter(|f| f.prose).count() < SELECTION_PROSE_LINES;
    let (scores, thresholds) = page_scores(forest, feats, (&inputs, width), page_rule);
    let mut out: Vec<Decision> = feats
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let p = scores.get(i).copied().unwrap_or(0.0);
            let line_threshold = thresholds.get(i).copied().unwrap_or(forest.threshold());
            // Lines with no words at all are noise whatever their place, and so is a date
            // standing alone (measured: char F1 unchanged on dev and dev-multi, +4 fixture
            // dates in Persian, Serbian, Thai and Chinese).
            let forced = matches!(f.shape, Some(Shape::Symbol | Shape::Amount | Shape::Date));
            // A prose line inside the article needs a little more evidence to go (cross-
            // validated: -0.001 character F1 on dev, +0.014 on dev-multi).
            let inside = matches!((page.first_prose, page.last_prose), (Some(a), Some(b)) if a <= i && i <= b);
            let threshold = if f.prose && inside {
                line_threshold.max(INSIDE_PROSE_THRESHOLD)
            } else {
                line_threshold
            };
            if (p >= threshold && !(selection && f.prose)) || forced {
                let (k, why) = explain(i, f, page, p);
                Decision::noise(p.max(0.5), k, why)
            } else {
                Decision::content(1.0 - p)
            }
        })
        .collect();

    // Prose that continues kept prose stays content unless the model is sure (line by line, so
    // that a run of such paragraphs is kept from the first).
    for i in 1..out.len() {
        let p = scores.get(i).copied().unwrap_or(1.0);
        let continues = feats[i].prose
            && feats[i - 1].prose
            && out[i - 1].verdict == Verdict::Content
            && out[i].verdict == Verdict::Noise
            && p < CONTINUED_PROSE_THRESHOLD
            && feats[i].shape.is_none();
        if continues {
            out[i] = Decision::content(1.0 - p);
        }
    }

    // The headline: the nearest line of a few words standing just before the first prose line
    // stays content (a title has no sentence punctuation and is often shorter than the model
    // likes). This costs 0.001 of cross-validated character F1 on dev and keeps titles.
    if let Some(p) = page.first_prose {
        let headline = (p.saturating_sub(2)..p).rev().find(|&j| {
            feats.get(j).is_some_and(|f| {
                f.words >= 3.0
                    && f.shape.is_none()
                    && f.phrase.is_none()
                    && !f.terminal
                    && f.upper_ratio < 0.9
            })
        });
        if let Some(d) = headline.and_then(|j| out.get_mut(j)) {
            if d.verdict == Verdict::Noise {
                *d = Decision::content(1.0 - d.score);
            }
        }
    }

    // Of lines with the same words, at most one stays content: a headline copy standing just
    // before the prose (the title that opens the article), else the first copy the model kept.
    let mut copies: Vec<(usize, usize)> = feats
        .iter()
        .enumerate()
        .filter(|(_, f)| f.copies > 1)
        .map(|(j, f)| (f.copy_of, j))
        .collect();
    crate::sort::sort(&mut copies);
    for group in copies.chunk_by(|a, b| a.0 == b.0) {
        let headline = group.iter().rev().map(|&(_, j)| j).find(|&j| {
            feats.get(j).is_some_and(|f| {
                !f.prose
                    && f.words >= 4.0
                    && f.upper_ratio < 0.9
                    && page
                        .first_prose
                        .is_some_and(|p| j < p && p - j <= HEADLINE_REACH)
            })
        });
        let keep = headline.or_else(|| {
            group
                .iter()
                .map(|&(_, j)| j)
                .find(|&j| out.get(j).is_some_and(|d| d.verdict == Verdict::Content))
        });
        for &(_, j) in group {
            let Some(d) = out.get_mut(j) else { continue };
            if Some(j) == keep {
                if d.verdict == Verdict::Noise {
                    *d = Decision::content(0.6);
                }
            } else if d.verdict == Verdict::Content
                || d.why.as_ref().is_some_and(|w| w.0 != Subkind::Duplicate) && keep.is_some()
            {
                let n = feats.get(j).map_or(2, |f| f.copies);
                *d = Decision::noise(
                    d.score.max(0.8),
                    Subkind::Duplicate,
                    format!("a line repeated {n} times in the page, kept once"),
                );
            }
        }
    }
    out
}

/// The share of a page's tokens the word table must know for the plain-text model that reads
/// the word scores (below it, the page is in a language the table has not learned, and the
/// model without them judges it; see `tools/quality/word_grams.py`).
const WORD_MODEL_COVERAGE: f32 = 0.45;

/// The plain-text line model for this page: the one reading the word scores when the word
/// table knows enough of the page's tokens, else the one without them.
fn plain_model(feats: &[LineFeatures]) -> Option<&'static Forest> {
    if features::word_coverage(feats) >= WORD_MODEL_COVERAGE {
        model::word_line_model().or_else(model::line_model)
    } else {
        model::line_model()
    }
}

/// Decides every line; returns the verdicts and the `ui_text` findings for the noise lines.
///
/// The verdicts come from a line model when it is available (the HTML model when the
/// clipboard's HTML was given, else the plain-text model that `plain_model` picks), else
/// from hand rules; the subkind and reason of each noise line come from the evidence that
/// best explains it (its shape, a known UI phrase, repetition, a run of short lines, its place
/// relative to the article's prose).
pub fn classify(
    lines: &[Line],
    feats: &[LineFeatures],
    page: &PageFacts,
) -> (Vec<RawVerdict>, Vec<RawFinding>) {
    // With the clipboard's HTML (some line found in it), the model that reads its hints.
    let has_html = feats.iter().any(|f| f.hint.found);
    let html_forest = if has_html {
        model::html_line_model()
    } else {
        None
    };
    let page_rule = html_forest.is_none();
    let forest = html_forest.or_else(|| plain_model(feats));
    let decisions: Vec<Decision> = match forest {
        // The model places a line relative to the page's running prose, and learned from
        // whole pages; a few lines of plain text without any prose (a word or two, a button,
        // a counter) give it nothing to place them against.
        Some(_) if page_rule && page.first_prose.is_none() && feats.len() < SMALL_PAGE_LINES => {
            feats.iter().map(decide_by_own_evidence).collect()
        }
        Some(forest) => decide_by_model(forest, feats, page, page_rule),
        None => (0..feats.len())
            .filter_map(|i| feats.get(i).map(|f| decide_by_rules(i, f, feats, page)))
            .collect(),
    };
    let mut verdicts = Vec::with_capacity(lines.len());
    let mut findings = Vec::new();
    for (line, d) in lines.iter().zip(decisions) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_pages_rows_without_the_html_inputs_score_the_same() {
        let text = "The talks in Doha ended on Sunday without an agreement, officials from both \
                    delegations said on the record.\nRead more\n55 Comments\nShare\nHome\n\
                    A second paragraph follows here, and it says more about the talks and who \
                    was there.\n";
        let lines = crate::segment::lines(text);
        let (feats, page) = features::extract(text, &lines, None);
        for forest in [model::line_model(), model::word_line_model()] {
            let forest = forest.expect("the shipped models parse");
            let full = features::model_inputs(&feats, &page);
            let narrow = features::plain_model_inputs(&feats, &page);
            assert_eq!(narrow.len(), feats.len() * features::PLAIN_INPUTS);
            let (a, _) = page_scores(forest, &feats, (&full, features::INPUTS), true);
            let (b, _) = page_scores(forest, &feats, (&narrow, features::PLAIN_INPUTS), true);
            assert_eq!(a, b);
        }
    }

    #[test]
    fn the_word_model_judges_pages_whose_words_the_table_knows() {
        let pick = |text: &str| {
            let lines = crate::segment::lines(text);
            let (feats, _) = features::extract(text, &lines, None);
            (
                features::word_coverage(&feats),
                plain_model(&feats).map(|f| f.inputs()),
            )
        };
        let english = "The talks in Doha ended on Sunday without an agreement, officials from \
                       both delegations said on the record.\nRead more\n55 Comments\n";
        let thai = "กรุงเทพมหานครเปิดเผยแผนการก่อสร้างรถไฟฟ้าสายใหม่\nข่าว\nกีฬา\n";
        let (known, model) = pick(english);
        assert!(known >= WORD_MODEL_COVERAGE, "English coverage {known}");
        assert_eq!(model, Some(features::PLAIN_INPUTS));
        let (known, model) = pick(thai);
        assert!(known < WORD_MODEL_COVERAGE, "Thai coverage {known}");
        assert_eq!(model, Some(features::PLAIN_INPUTS - features::WORD_INPUTS));
        assert_eq!(pick("").0, 0.0);
    }

    /// A page of menu items only: the model calls every line noise, the page rule keeps the
    /// lowest-scored tenth of its characters.
    #[test]
    fn a_page_keeps_a_tenth_of_its_characters() {
        let words = [
            "Home",
            "World",
            "Politics",
            "Business",
            "Sports",
            "Weather",
            "Travel",
            "Style",
            "Health",
            "Science",
            "Opinion",
            "Video",
            "Podcasts",
            "Sign in",
            "Subscribe",
            "Menu",
        ];
        let text: String = words
            .iter()
            .zip(words.iter().cycle().skip(3))
            .chain(words.iter().zip(words.iter().cycle().skip(7)))
            .map(|(a, b)| format!("{a} {b}\n"))
            .collect();
        let lines = crate::segment::lines(&text);
        let (feats, page) = features::extract(&text, &lines, None);
        let Some(forest) = model::line_model() else {
            return;
        };
        let inputs = features::model_inputs(&feats, &page);
        let (scores, plain) = page_scores(forest, &feats, (&inputs, features::INPUTS), false);
        let total: usize = feats.iter().map(|f| f.chars).sum();
        let kept = |thresholds: &[f32]| -> usize {
            feats
                .iter()
                .zip(scores.iter().zip(thresholds))
                .filter(|(_, (p, t))| p < t)
                .map(|(f, _)| f.chars)
                .sum()
        };
        assert!(
            kept(&plain) * 10 < total,
            "the model alone keeps {}",
            kept(&plain)
        );
        let (_, ruled) = page_scores(forest, &feats, (&inputs, features::INPUTS), true);
        assert!(
            kept(&ruled) * 10 >= total,
            "the page rule keeps {}",
            kept(&ruled)
        );
        let (verdicts, _) = classify(&lines, &feats, &page);
        let content: usize = verdicts
            .iter()
            .zip(&feats)
            .filter(|(v, _)| v.verdict == Verdict::Content)
            .map(|(_, f)| f.chars)
            .sum();
        assert!(content * 10 >= total, "classify keeps {content} of {total}");
    }

    #[test]
    fn decimals_are_written_as_the_formatter_writes_them() {
        for n in [0u64, 1, 9, 10, 11, 99, 100, 101, 12_345, u64::MAX] {
            let mut s = String::new();
            super::push_decimal(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }

    #[test]
    fn two_decimals_prints_what_the_float_formatting_prints() {
        let check = |p: f32| assert_eq!(super::two_decimals(p), format!("{p:.2}"), "{p}");
        for p in [
            0.0, 1.0, 0.125, 0.375, 0.625, 0.875, 0.005, 0.015, 0.045, 0.995, 0.5,
        ] {
            check(p);
        }
        // Every 997th f32 in [0, 1], and each one's neighbours.
        let one = 1.0f32.to_bits();
        for bits in (0..=one).step_by(997) {
            for b in [bits.saturating_sub(1), bits, (bits + 1).min(one)] {
                check(f32::from_bits(b));
            }
        }
    }
}
