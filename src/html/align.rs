//! The pasted text's lines found in the page's visible text, and each line's hint from where
//! it stands.

use super::names::{bit, Kind};
use super::tree::{normalize, parse, tag_breaks, Elem, Page, Segment, SCOPE_SEARCH};
use super::{LineHint, ANCESTOR_REACH, MAX_DEPTH};
use crate::segment::Line;
use std::collections::HashMap;

/// How many bytes of the page's text the sequential search may read per line, at least.
const WINDOW: usize = 4096;

/// The hints for each line, in order. Lines the HTML does not account for get the default
/// (`found: false`).
///
/// The pasted text is roughly the browser's `innerText` of the HTML, so its lines are looked
/// for in the HTML's visible text in order, compared without case, white space or format
/// characters:
/// 1. anchors: lines whose text occurs exactly once among the text's lines and once among the
///    HTML's lines, kept where they are in the same order (a longest increasing subsequence,
///    as patience diff does);
/// 2. between two anchors, each line is searched for from where the previous one ended
///    (within a window, so a line that is not there costs little), which also finds lines
///    that are part of an HTML line or span several (table rows, CSS blocks);
/// 3. a line still not found takes the HTML line with the same text nearest to where the
///    search stood.
pub fn line_hints(html: &str, text: &str, lines: &[Line]) -> Vec<LineHint> {
    let page = parse(html);
    let keys: Vec<String> = lines
        .iter()
        .map(|l| normalize(text.get(l.range.clone()).unwrap_or("")))
        .collect();
    let matches = align(&page, &keys);
    matches
        .iter()
        .map(|m| m.map_or_else(LineHint::default, |(a, b)| hint_for(&page, a, b)))
        .collect()
}

/// Where each key stands in the page's text, as a byte range of it.
fn align(page: &Page, keys: &[String]) -> Vec<Option<(u32, u32)>> {
    let h = page.text.as_str();
    let mut out: Vec<Option<(u32, u32)>> = vec![None; keys.len()];

    // The page's lines by their text.
    let mut html_lines: HashMap<&str, Vec<u32>> = HashMap::new();
    for &(a, b) in &page.lines {
        if let Some(s) = h.get(a as usize..b as usize) {
            html_lines.entry(s).or_default().push(a);
        }
    }
    let mut text_counts: HashMap<&str, u32> = HashMap::new();
    for k in keys.iter().filter(|k| !k.is_empty()) {
        *text_counts.entry(k.as_str()).or_insert(0) += 1;
    }

    // 1. Anchors: unique in both, in the same order.
    let pairs: Vec<(usize, u32)> = keys
        .iter()
        .enumerate()
        .filter(|(_, k)| !k.is_empty() && text_counts.get(k.as_str()) == Some(&1))
        .filter_map(|(i, k)| match html_lines.get(k.as_str()) {
            Some(v) if v.len() == 1 => Some((i, v[0])),
            _ => None,
        })
        .collect();
    for &(i, a) in &longest_increasing(&pairs) {
        out[i] = Some((a, a + keys[i].len() as u32));
    }

    // 2. Between anchors, in order.
    let mut budget = 16 * (h.len() + keys.iter().map(String::len).sum::<usize>()) + (1 << 20);
    let mut cursor = 0usize;
    let mut cursors = vec![0usize; keys.len()];
    let mut i = 0;
    while i < keys.len() {
        if let Some((_, b)) = out[i] {
            cursor = b as usize;
            cursors[i] = cursor;
            i += 1;
            continue;
        }
        // The next anchor bounds the search.
        let limit = out[i + 1..]
            .iter()
            .find_map(|m| m.map(|(a, _)| a as usize))
            .unwrap_or(h.len());
        while i < keys.len() && out[i].is_none() {
            let k = keys[i].as_str();
            cursors[i] = cursor;
            if !k.is_empty() && cursor <= limit && budget > 0 {
                let end = floor_boundary(h, limit.min(cursor + WINDOW.max(4 * k.len())));
                let start = floor_boundary(h, cursor);
                if let Some(hay) = h.get(start..end) {
                    budget = budget.saturating_sub(hay.len() + k.len());
                    if let Some(p) = hay.find(k) {
                        let a = start + p;
                        out[i] = Some((a as u32, (a + k.len()) as u32));
                        cursor = a + k.len();
                    }
                }
            }
            i += 1;
        }
    }

    // 3. The same text elsewhere, nearest to where the search stood.
    for (i, k) in keys.iter().enumerate() {
        if out[i].is_some() || k.is_empty() {
            continue;
        }
        if let Some(v) = html_lines.get(k.as_str()) {
            let c = cursors[i] as u32;
            let j = v.partition_point(|&a| a < c);
            let best = [j.checked_sub(1), Some(j)]
                .into_iter()
                .flatten()
                .filter_map(|j| v.get(j).copied())
                .min_by_key(|&a| a.abs_diff(c));
            if let Some(a) = best {
                out[i] = Some((a, a + k.len() as u32));
            }
        }
    }
    out
}

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The longest subsequence of `pairs` (sorted by their first member) whose second members
/// increase strictly; O(n log n).
pub(super) fn longest_increasing(pairs: &[(usize, u32)]) -> Vec<(usize, u32)> {
    // tails[k]: index into pairs of the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = vec![usize::MAX; pairs.len()];
    for (j, &(_, v)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].1 < v);
        if k > 0 {
            prev[j] = tails[k - 1];
        }
        if k == tails.len() {
            tails.push(j);
        } else {
            tails[k] = j;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut j = tails.last().copied().unwrap_or(usize::MAX);
    while j != usize::MAX {
        out.push(pairs[j]);
        j = prev[j];
    }
    out.reverse();
    out
}

/// The hint for the page's text from byte `a` to byte `b`: each context weighed by how much of
/// the range it covers.
fn hint_for(page: &Page, a: u32, b: u32) -> LineHint {
    let segs = &page.segments;
    let total = b.saturating_sub(a).max(1) as f32;
    let mut j = segs.partition_point(|s| s.start <= a).saturating_sub(1);
    let mut weight = [0f32; 32];
    let mut article = 0f32;
    let mut density = 0f32;
    let mut depth = (0u16, 0u32);
    let mut main_seg = None;
    while let Some(s) = segs.get(j) {
        if s.start >= b {
            break;
        }
        let end = segs.get(j + 1).map_or(page.text.len() as u32, |n| n.start);
        let w = end.min(b).saturating_sub(s.start.max(a));
        if w > 0 {
            let wf = w as f32;
            for (k, slot) in weight.iter_mut().enumerate() {
                if s.ctx & (1 << k) != 0 {
                    *slot += wf;
                }
            }
            // The article's ranges are disjoint and in document order.
            let k = page.article.partition_point(|&(x, _)| x <= s.block);
            if k > 0 && s.block <= page.article[k - 1].1 {
                article += wf;
            }
            if let Some(e) = page.elems.get(s.block as usize) {
                density += wf * e.sub_chars as f32 / (1 + e.sub_elems) as f32;
            }
            if w > depth.1 {
                depth = (s.depth, w);
                main_seg = Some(*s);
            }
        }
        j += 1;
    }
    let share = |bitv: u32| weight[bitv.trailing_zeros() as usize] / total;
    let most = |bitv: u32| share(bitv) >= 0.5;
    LineHint {
        found: true,
        link_density: share(bit::LINK).min(1.0),
        in_nav: most(bit::NAV),
        in_footer: most(bit::FOOTER),
        in_aside: most(bit::ASIDE),
        in_header: most(bit::HEADER),
        in_list_item: most(bit::LIST_ITEM),
        in_heading: most(bit::HEADING),
        in_control: most(bit::CONTROL),
        in_caption: most(bit::CAPTION),
        in_widget: most(bit::WIDGET),
        in_form: most(bit::FORM),
        in_byline: most(bit::BYLINE),
        in_main: most(bit::MAIN),
        in_article: article / total >= 0.5,
        aria_hidden: most(bit::ARIA_HIDDEN),
        text_density: density / total,
        depth: depth.0,
        position: if page.text.is_empty() {
            0.0
        } else {
            a as f32 / page.text.len() as f32
        },
        in_table: most(bit::TABLE),
        in_pre: most(bit::PRE),
        in_quote: most(bit::QUOTE),
        in_comment: most(bit::COMMENT),
        in_share: most(bit::SHARE),
        in_related: most(bit::RELATED),
        in_tags: most(bit::TAGS),
        in_notice: most(bit::NOTICE),
        in_ad: most(bit::AD),
        in_article_body: most(bit::ARTICLE_BODY),
        ..structure_hint(page, main_seg, a, b)
    }
}

/// The parts of a line's hint that come from its block element (the one holding most of its
/// text) and where that stands in the tree.
fn structure_hint(page: &Page, seg: Option<Segment>, a: u32, b: u32) -> LineHint {
    let Some(seg) = seg else {
        return LineHint::default();
    };
    let elems = &page.elems;
    let Some(block) = elems.get(seg.block as usize) else {
        return LineHint::default();
    };
    let total = page.text.len().max(1) as f32;
    let density = |e: &Elem| {
        if e.sub_chars == 0 {
            0.0
        } else {
            e.sub_link_chars as f32 / e.sub_chars as f32
        }
    };
    // The block element around the block.
    let mut parent = block.parent;
    let mut steps = 0;
    while let Some(e) = elems.get(parent as usize) {
        if steps >= SCOPE_SEARCH || tag_breaks(e.kind) || e.kind == Kind::Cell {
            break;
        }
        parent = e.parent;
        steps += 1;
    }
    let parent = elems.get(parent as usize);
    let path_id = page
        .path_of
        .get(seg.block as usize)
        .copied()
        .unwrap_or(u32::MAX);
    let path = page
        .paths
        .get(path_id as usize)
        .copied()
        .unwrap_or_default();
    // The best score among the block and its nearest ancestors.
    let mut best = 0f32;
    let mut at = seg.block;
    for _ in 0..ANCESTOR_REACH {
        let Some(e) = elems.get(at as usize) else {
            break;
        };
        if let Some(s) = e.score {
            best = best.max(s * (1.0 - density(e)));
        }
        at = e.parent;
    }
    let top_score = page.top.map_or(0.0, |(_, s)| s);
    let lca = |other: Option<u32>| -> (u16, f32) {
        let Some(mut y) = other else {
            return (0, -1.0);
        };
        let mut x = seg.block;
        let mut up = 0u16;
        let depth = |i: u32| elems.get(i as usize).map_or(0, |e| e.depth);
        let parent_of = |i: u32| elems.get(i as usize).map_or(0, |e| e.parent);
        while depth(x) > depth(y) {
            x = parent_of(x);
            up += 1;
        }
        while depth(y) > depth(x) {
            y = parent_of(y);
        }
        // Bounded: depths are at most MAX_DEPTH and every step goes up.
        while x != y && x != 0 && y != 0 && (up as usize) <= MAX_DEPTH {
            x = parent_of(x);
            y = parent_of(y);
            up += 1;
        }
        if x != y {
            x = 0;
        }
        let share = elems
            .get(x as usize)
            .map_or(1.0, |e| e.sub_chars as f32 / total);
        (up, share.min(1.0))
    };
    let (article_steps, article_lca_share) = lca(page.top.map(|(t, _)| t));
    let (h1_steps, h1_lca_share) = lca(page.h1);
    let (from_start, to_end) = page.article_text.map_or((0.0, 0.0), |(s, e)| {
        ((a as f32 - s as f32) / total, (e as f32 - b as f32) / total)
    });
    LineHint {
        block_tag: block.tag,
        inner_tag: if seg.elem == seg.block {
            0
        } else {
            elems.get(seg.elem as usize).map_or(0, |e| e.tag)
        },
        block_chars: block.sub_chars,
        block_link_density: density(block),
        parent_chars: parent.map_or(0, |e| e.sub_chars),
        parent_link_density: parent.map_or(0.0, density),
        path_count: path.count,
        path_parents: path.parents,
        path_share: path.chars as f32 / total,
        ancestor_score: if top_score > 0.0 {
            (best / top_score).min(2.0)
        } else {
            0.0
        },
        article_steps,
        article_lca_share,
        h1_steps,
        h1_lca_share,
        article_from_start: from_start,
        article_to_end: to_end,
        h1_from: page
            .h1
            .and_then(|h| elems.get(h as usize))
            .map_or(-2.0, |h| (a as f32 - h.text_start as f32) / total),
        path_article_share: if path.chars > 0 {
            path.article_chars as f32 / path.chars as f32
        } else {
            0.0
        },
        siblings: page
            .children
            .get(block.parent as usize)
            .copied()
            .unwrap_or(0),
        ..LineHint::default()
    }
}
