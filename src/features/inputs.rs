//! The model's inputs: their names ([`INPUT_NAMES`]) and, for every line, the numbers
//! [`model_inputs`] writes from its features, its neighbours', its place in the page, the page
//! itself, the patterns around it and the HTML's hints.

use super::periodicity::{periodicity, PERIOD_INPUTS};
use super::{known_share, word_coverage, LineFeatures, PageFacts, Shape};
use crate::html::LineHint;
use crate::report::Subkind;

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
    // The word edges of the line and of the lines around it (see `edge_grams`).
    "edge_score",
    "edge_p1",
    "edge_n1",
    "edge_win3",
    // The words of the line and of the lines around it (see `word_grams`): the line's score,
    // its neighbours', the means over 3 and 10 lines each way, the page's mean (by characters)
    // and the line's difference from it.
    "lex_score",
    "lex_p1",
    "lex_n1",
    "lex_win3",
    "lex_win10",
    "lex_page",
    "lex_rel",
    // The share of the line's tokens, and of the page's, that the word table knows.
    "lex_known",
    "lex_known_page",
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
/// on): the page's 3 and the line's `HINT_INPUTS` (its own hint's, its neighbours', the lines
/// around it and its block's place in the HTML's tree).
pub const HTML_INPUTS: usize = 3 + HINT_INPUTS;

/// The number of inputs from the text alone, the first ones of [`INPUT_NAMES`]: what the
/// plain-text model reads.
pub const PLAIN_INPUTS: usize = INPUTS - HTML_INPUTS;

/// The number of word inputs (`lex_*`, see `word_grams`), the last of the plain-text inputs:
/// only the plain-text model for pages whose words the table knows reads them.
pub const WORD_INPUTS: usize = 9;

/// The inputs from the HTML's hints after the page's `html` inputs: the line's own (19), its two
/// neighbours' (3 each) and 5 of the lines around it.
const HINT_INPUTS: usize = 19 + 2 * 3 + 5 + STRUCTURE_INPUTS;

/// The inputs from the line's block element and its place in the HTML's tree.
const STRUCTURE_INPUTS: usize = 29;

/// The inputs measured on each neighbour.
const NEIGHBOUR_INPUTS: usize = 10;

pub(super) fn bool_f(b: bool) -> f32 {
    // 1.0 or 0.0 without a branch (the model's flags are what the CPU cannot predict).
    f32::from(u8::from(b))
}

pub(super) fn shape_code(f: &LineFeatures) -> f32 {
    match f.shape {
        None => 0.0,
        Some(Shape::Amount) => 1.0,
        Some(Shape::Counter) => 2.0,
        Some(Shape::Date) => 3.0,
        Some(Shape::Symbol) => 4.0,
    }
}

pub(super) fn phrase_code(f: &LineFeatures) -> f32 {
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

/// Whether a line is short and not prose (a menu item, a button, a label).
fn is_short(f: &LineFeatures) -> bool {
    !f.prose && f.words <= 4.0
}

/// The model's inputs for every line (named by [`INPUT_NAMES`]), `INPUTS` numbers a line, one
/// line after another: the line's own evidence, its neighbours', where it stands relative to
/// the page's prose, and the page's size.
pub fn model_inputs(feats: &[LineFeatures], page: &PageFacts) -> Vec<f32> {
    inputs_of(feats, page, true)
}

/// [`model_inputs`] without the HTML's: [`PLAIN_INPUTS`] numbers a line, all that the
/// plain-text models read.
pub(crate) fn plain_model_inputs(feats: &[LineFeatures], page: &PageFacts) -> Vec<f32> {
    inputs_of(feats, page, false)
}

/// The inputs of every line, with the HTML's (`INPUTS` a line) or without (`PLAIN_INPUTS`).
fn inputs_of(feats: &[LineFeatures], page: &PageFacts, with_html: bool) -> Vec<f32> {
    let width = if with_html { INPUTS } else { PLAIN_INPUTS };
    let n = feats.len();
    let mut out = Vec::with_capacity(n * width);
    // Prefix sums (index i holds the sum over lines before i).
    let mut chars = vec![0f64; n + 1];
    let mut prose_chars = vec![0f64; n + 1];
    let mut prose_lines = vec![0usize; n + 1];
    let mut logc = vec![0f64; n + 1];
    let mut term = vec![0usize; n + 1];
    let mut short = vec![0usize; n + 1];
    let mut edge = vec![0f64; n + 1];
    let mut lex = vec![0f64; n + 1];
    let mut lex_by_chars = 0f64;
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
        edge[i + 1] = edge[i] + f64::from(f.edge_score);
        lex[i + 1] = lex[i] + f64::from(f.lex_score);
        lex_by_chars += f64::from(f.lex_score) * f.chars as f64;
    }
    let total_chars = chars[n].max(1.0);
    let lex_page = lex_by_chars / total_chars;
    let lex_known_page = word_coverage(feats);
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
        // A learned score's value for the line, its two neighbours (0 past the page's ends)
        // and its mean over `w` lines each way, from its prefix sums.
        let around = |score: fn(&LineFeatures) -> f32, pre: &[f64], w: usize| {
            let (sum, k) = window(pre, i, w);
            [
                score(f),
                i.checked_sub(1)
                    .and_then(|j| feats.get(j))
                    .map_or(0.0, score),
                feats.get(i + 1).map_or(0.0, score),
                (sum / k.max(1) as f64) as f32,
            ]
        };
        out.extend_from_slice(&around(|g| g.edge_score, &edge, 3));
        out.extend_from_slice(&around(|g| g.lex_score, &lex, 3));
        let (lex10, k10) = window(&lex, i, 10);
        out.extend_from_slice(&[
            (lex10 / k10.max(1) as f64) as f32,
            lex_page as f32,
            (f64::from(f.lex_score) - lex_page) as f32,
            known_share(f.lex_known, f.lex_tokens),
            lex_known_page,
        ]);

        // The HTML's hints: all 0 for a page without HTML (the plain-text model reads only the
        // inputs before these; the HTML model reads them all), or not written at all.
        if !with_html {
            continue;
        }
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
    fn flags_are_one_and_zero() {
        assert_eq!(bool_f(true).to_bits(), 1.0f32.to_bits());
        assert_eq!(bool_f(false).to_bits(), 0.0f32.to_bits());
    }
}
