//! The tree builder: html5gum's tokens to the page's visible text, in runs of the same
//! context, with its elements, their text and the Readability article block.

use super::names::{
    bit, class_bits, initial_score, item_bits, name_hash, role_bits, style_hides, tag_code,
    tag_info, Kind,
};
use super::MAX_DEPTH;
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};
use std::collections::HashMap;
use std::convert::Infallible;

/// True for the invisible format characters that neither text nor HTML count (soft hyphen,
/// zero-width characters, bidi controls, byte-order mark).
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Appends the comparison form of `c` (lower case; nothing for white space, controls and
/// format characters) to `out`; returns whether anything was appended.
fn push_normalized(out: &mut String, c: char) -> bool {
    if c.is_whitespace() || c.is_control() || is_format(c) {
        return false;
    }
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
    true
}

/// The comparison form of a line: lower case, without white space or format characters.
pub(super) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_normalized(&mut out, c);
    }
    out
}

/// An element of the parsed page.
#[derive(Debug, Clone)]
pub(super) struct Elem {
    pub(super) parent: u32,
    pub(super) kind: Kind,
    /// Context bits in force inside it.
    pub(super) ctx: u32,
    /// The last element id inside it (ids are in document order, so its subtree is
    /// `id..=end`).
    pub(super) end: u32,
    /// Visible characters whose innermost block this is, and how many are inside links.
    pub(super) own_chars: u32,
    pub(super) own_link_chars: u32,
    pub(super) own_commas: u32,
    /// The same over the whole subtree, and the number of elements in it.
    pub(super) sub_chars: u32,
    pub(super) sub_link_chars: u32,
    pub(super) sub_elems: u32,
    /// Readability score (`None` until the element is a candidate).
    pub(super) score: Option<f32>,
    /// The tag's [`tag_code`].
    pub(super) tag: u8,
    /// Elements above it.
    pub(super) depth: u16,
    /// A hash of its path from the root: each ancestor's tag and class (without digits).
    pub(super) path: u64,
    /// Where its text starts and ends in the page's text (byte offsets).
    pub(super) text_start: u32,
    pub(super) text_end: u32,
}

/// An open element.
#[derive(Debug, Clone, Copy)]
struct Frame {
    name: u64,
    kind: Kind,
    elem: u32,
    /// The innermost block element at or above it.
    block: u32,
    ctx: u32,
}

/// A run of visible text with the same context, as a byte range of the normalized text
/// (from `start` to the next segment's start).
#[derive(Debug, Clone, Copy)]
pub(super) struct Segment {
    pub(super) start: u32,
    pub(super) ctx: u32,
    pub(super) block: u32,
    /// The innermost element around the text.
    pub(super) elem: u32,
    pub(super) depth: u16,
}

/// The page as the hints need it: its visible text, normalized, in runs of the same context,
/// cut into the lines `innerText` would show.
#[derive(Debug, Default)]
pub(super) struct Page {
    /// The visible text, normalized (see [`normalize`]).
    pub(super) text: String,
    pub(super) segments: Vec<Segment>,
    /// The page's lines, as byte ranges of `text`.
    pub(super) lines: Vec<(u32, u32)>,
    pub(super) elems: Vec<Elem>,
    /// The Readability top candidate and its siblings, as element id ranges (disjoint, in
    /// document order).
    pub(super) article: Vec<(u32, u32)>,
    /// The article's top element and its score.
    pub(super) top: Option<(u32, f32)>,
    /// Where the article's text starts and ends in `text`.
    pub(super) article_text: Option<(u32, u32)>,
    /// The first `h1`.
    pub(super) h1: Option<u32>,
    /// For each element with text, its index in `paths` (`u32::MAX` without text).
    pub(super) path_of: Vec<u32>,
    pub(super) paths: Vec<PathStat>,
    /// How many children each element has.
    pub(super) children: Vec<u32>,
}

/// The elements with text that share one path from the root (tags and classes).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct PathStat {
    pub(super) count: u32,
    /// Characters inside the article block.
    pub(super) article_chars: u32,
    /// How many different parents they have (in document order, elements of one path under
    /// one parent come together).
    pub(super) parents: u32,
    pub(super) last_parent: u32,
    pub(super) chars: u32,
}

/// The tree builder: a stack of open elements over the tokenizer's events.
struct Builder {
    page: Page,
    stack: Vec<Frame>,
    /// The start tag being read: name, kind, bits from the tag and its attributes, whether it
    /// has an `href`, whether it has `open`.
    pending: Option<Pending>,
    /// Which attribute's value comes next.
    attr: Attr,
    line_start: u32,
    /// Whether the last segment may be extended (no element boundary since).
    seg_open: bool,
}

#[derive(Debug, Clone, Copy)]
struct Pending {
    name: u64,
    kind: Kind,
    bits: u32,
    breaks: bool,
    href: bool,
    open: bool,
    positive: bool,
    tag: u8,
    /// Hash of the class value without digits (0 without a class).
    class: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attr {
    None,
    Class,
    Id,
    Item,
    Role,
    Style,
    AriaHidden,
}

/// How far down the stack an implied end tag looks.
pub(super) const SCOPE_SEARCH: usize = 64;

impl Builder {
    fn new() -> Self {
        let mut page = Page::default();
        // Element 0 is the document itself.
        page.elems.push(Elem {
            parent: u32::MAX,
            kind: Kind::Html,
            ctx: 0,
            end: 0,
            own_chars: 0,
            own_link_chars: 0,
            own_commas: 0,
            sub_chars: 0,
            sub_link_chars: 0,
            sub_elems: 0,
            score: None,
            tag: 0,
            depth: 0,
            path: 0,
            text_start: 0,
            text_end: 0,
        });
        Builder {
            page,
            stack: Vec::new(),
            pending: None,
            attr: Attr::None,
            line_start: 0,
            seg_open: false,
        }
    }

    fn ctx(&self) -> u32 {
        self.stack.last().map_or(0, |f| f.ctx)
    }

    fn elem(&self) -> u32 {
        self.stack.last().map_or(0, |f| f.elem)
    }

    fn block(&self) -> u32 {
        self.stack.last().map_or(0, |f| f.block)
    }

    /// Ends the current line of the page's text.
    fn break_line(&mut self) {
        let end = self.page.text.len() as u32;
        if end > self.line_start {
            self.page.lines.push((self.line_start, end));
        }
        self.line_start = end;
    }

    fn event(&mut self, event: CallbackEvent<'_>) {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                let (kind, bits, breaks) = tag_info(name);
                self.pending = Some(Pending {
                    name: name_hash(name),
                    kind,
                    bits,
                    breaks,
                    href: false,
                    open: false,
                    positive: false,
                    tag: tag_code(name),
                    class: 0,
                });
                self.attr = Attr::None;
            }
            CallbackEvent::AttributeName { name } => {
                self.attr = Attr::None;
                let Some(p) = self.pending.as_mut() else {
                    return;
                };
                self.attr = match name {
                    b"class" => Attr::Class,
                    b"id" => Attr::Id,
                    b"itemprop" | b"itemtype" => Attr::Item,
                    b"role" => Attr::Role,
                    b"style" => Attr::Style,
                    b"aria-hidden" => Attr::AriaHidden,
                    _ => Attr::None,
                };
                match name {
                    b"href" => p.href = true,
                    b"open" => p.open = true,
                    b"hidden" => p.bits |= bit::HIDDEN,
                    _ => {}
                }
            }
            CallbackEvent::AttributeValue { value } => {
                let Some(p) = self.pending.as_mut() else {
                    return;
                };
                if self.attr == Attr::Class {
                    p.class = value
                        .iter()
                        .filter(|b| !b.is_ascii_digit())
                        .fold(0x9e37_79b9_7f4a_7c15u64, |h, &b| {
                            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
                        });
                }
                match self.attr {
                    Attr::Item => p.bits |= item_bits(value),
                    Attr::Class | Attr::Id => {
                        let b = class_bits(value);
                        // The page's own outer elements carry page-wide classes
                        // (`single-post comments-open`): only their positive names count.
                        if matches!(p.kind, Kind::Html | Kind::Body) || p.bits & bit::MAIN != 0 {
                            p.positive |= b & bit::POSITIVE != 0;
                        } else {
                            p.positive |= b & bit::POSITIVE != 0;
                            p.bits |= if b & bit::VETO_ALL != 0 {
                                // `td-content-and-menu`: a wrapper around the content
                                // (`entry-meta` stays a byline).
                                b & bit::BYLINE
                            } else if b & bit::VETO != 0 {
                                // `content-sidebar-wrap`, but `main-menu` is a menu.
                                b & !(bit::WIDGET | bit::ASIDE)
                            } else {
                                b
                            } & !(bit::POSITIVE | bit::VETO | bit::VETO_ALL);
                        }
                    }
                    Attr::Role => p.bits |= role_bits(value),
                    Attr::Style => {
                        if style_hides(value) {
                            p.bits |= bit::HIDDEN;
                        }
                    }
                    Attr::AriaHidden => {
                        if value.eq_ignore_ascii_case(b"true") {
                            p.bits |= bit::ARIA_HIDDEN;
                        }
                    }
                    Attr::None => {}
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                if let Some(p) = self.pending.take() {
                    self.start_tag(p, self_closing);
                }
                self.attr = Attr::None;
            }
            CallbackEvent::EndTag { name } => {
                self.pending = None;
                self.end_tag(name);
            }
            CallbackEvent::String { value } => {
                let s = String::from_utf8_lossy(value);
                self.text(&s);
            }
            CallbackEvent::Comment { .. }
            | CallbackEvent::Doctype { .. }
            | CallbackEvent::Error(_) => {}
        }
    }

    /// Pops the stack down to (and including) the topmost element `is_target` accepts, if one
    /// lies above every element `is_boundary` accepts within [`SCOPE_SEARCH`] frames.
    fn close_to(
        &mut self,
        is_target: impl Fn(&Frame) -> bool,
        is_boundary: impl Fn(&Frame) -> bool,
    ) {
        let n = self.stack.len();
        for i in (n.saturating_sub(SCOPE_SEARCH)..n).rev() {
            let f = &self.stack[i];
            if is_target(f) {
                while self.stack.len() > i {
                    self.pop();
                }
                return;
            }
            if is_boundary(f) {
                return;
            }
        }
    }

    fn pop(&mut self) {
        if let Some(f) = self.stack.pop() {
            let last = self.page.elems.len() as u32 - 1;
            let at = self.page.text.len() as u32;
            if let Some(e) = self.page.elems.get_mut(f.elem as usize) {
                e.end = last;
                e.text_end = at;
            }
            if tag_breaks(f.kind) {
                self.break_line();
            }
            self.seg_open = false;
        }
    }

    fn start_tag(&mut self, p: Pending, self_closing: bool) {
        use Kind::*;
        let scope_boundary =
            |f: &Frame| matches!(f.kind, Table | Cell | Html | Body) || f.ctx & bit::FOREIGN != 0;
        // A flow element closes an open `head` (which, like everything skipped, sets SKIP).
        if self.ctx() & bit::SKIP != 0 && !matches!(p.kind, HeadContent | Void | Head | Html) {
            self.close_to(|f| f.kind == Head, |_| false);
        }
        // Implied end tags.
        if matches!(
            p.kind,
            P | Div | Block | ListLike | Heading | Table | Li | DdDt | Details | Dialog
        ) {
            self.close_to(|f| f.kind == P, |f| scope_boundary(f) || f.kind == A);
        }
        match p.kind {
            Li => self.close_to(
                |f| f.kind == Li,
                |f| scope_boundary(f) || matches!(f.kind, ListLike | Div | Block),
            ),
            DdDt => self.close_to(
                |f| f.kind == DdDt,
                |f| scope_boundary(f) || matches!(f.kind, ListLike | Div | Block),
            ),
            Option => self.close_to(|f| f.kind == Option, |f| f.kind != Option),
            Optgroup => {
                self.close_to(|f| f.kind == Option, |f| f.kind != Option);
                self.close_to(|f| f.kind == Optgroup, |f| f.kind != Optgroup);
            }
            Heading => self.close_to(|f| f.kind == Heading, |f| f.kind != Heading),
            A => self.close_to(
                |f| f.kind == A,
                |f| matches!(f.kind, Table | Cell | Html | Body),
            ),
            Tr => self.close_to(|f| matches!(f.kind, Tr), |f| f.kind == Table),
            Cell => self.close_to(|f| f.kind == Cell, |f| matches!(f.kind, Tr | Table)),
            TableSection => self.close_to(|f| matches!(f.kind, TableSection), |f| f.kind == Table),
            _ => {}
        }
        if p.breaks {
            self.break_line();
        }
        self.seg_open = false;
        let parent_ctx = self.ctx();
        let foreign_self_closing = self_closing && parent_ctx & bit::FOREIGN != 0;
        if matches!(p.kind, Void | Br) || foreign_self_closing || self.stack.len() >= MAX_DEPTH {
            return;
        }
        let mut ctx = parent_ctx | p.bits;
        if p.kind == A && p.href {
            ctx |= bit::LINK;
        }
        if p.kind == Dialog && !p.open {
            ctx |= bit::HIDDEN;
        }
        if p.kind == Details && !p.open {
            ctx = (ctx | bit::CLOSED_DETAILS) & !bit::SUMMARY;
        }
        let id = self.page.elems.len() as u32;
        let parent = self.elem();
        let (path, depth) = self.page.elems.get(parent as usize).map_or((0, 0), |e| {
            let mut h = e.path ^ u64::from(p.tag).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            h = (h ^ p.class).wrapping_mul(0x0100_0000_01b3);
            (h.rotate_left(17), e.depth.saturating_add(1))
        });
        let at = self.page.text.len() as u32;
        let block = if tag_breaks(p.kind) || p.kind == Cell {
            id
        } else {
            self.block()
        };
        self.page.elems.push(Elem {
            parent,
            kind: p.kind,
            ctx: ctx | if p.positive { bit::POSITIVE } else { 0 },
            end: id,
            own_chars: 0,
            own_link_chars: 0,
            own_commas: 0,
            sub_chars: 0,
            sub_link_chars: 0,
            sub_elems: 0,
            score: None,
            tag: p.tag,
            depth,
            path,
            text_start: at,
            text_end: at,
        });
        self.stack.push(Frame {
            name: p.name,
            kind: p.kind,
            elem: id,
            block,
            ctx: ctx & !bit::POSITIVE,
        });
    }

    fn end_tag(&mut self, name: &[u8]) {
        let (kind, _, _) = tag_info(name);
        if kind == Kind::Br {
            // `</br>` is read as `<br>`.
            self.break_line();
            return;
        }
        let h = name_hash(name);
        let n = self.stack.len();
        // Formatting elements and inline elements stop at the nearest block; block elements and
        // links look through the whole stack.
        let through = kind != Kind::Other;
        for i in (0..n).rev() {
            let f = self.stack[i];
            if f.name == h {
                while self.stack.len() > i {
                    self.pop();
                }
                return;
            }
            if !through && (tag_breaks(f.kind) || f.kind == Kind::Cell) {
                return;
            }
        }
    }

    fn text(&mut self, s: &str) {
        let ctx = self.ctx();
        if ctx & bit::INVISIBLE != 0 || (ctx & bit::CLOSED_DETAILS != 0 && ctx & bit::SUMMARY == 0)
        {
            return;
        }
        let block = self.block();
        let elem = self.elem();
        let depth = self.stack.len().min(u16::MAX as usize) as u16;
        let link = ctx & bit::LINK != 0;
        let mut chars = 0u32;
        let mut commas = 0u32;
        for c in s.chars() {
            if ctx & bit::PRE != 0 && c == '\n' {
                self.break_line();
                continue;
            }
            if matches!(c, ',' | '،' | '，') {
                commas += 1;
            }
            let at = self.page.text.len() as u32;
            if !push_normalized(&mut self.page.text, c) {
                continue;
            }
            chars += 1;
            let extend = self.seg_open
                && self
                    .page
                    .segments
                    .last()
                    .is_some_and(|g| g.ctx == ctx && g.block == block && g.elem == elem);
            if !extend {
                self.page.segments.push(Segment {
                    start: at,
                    ctx,
                    block,
                    elem,
                    depth,
                });
                self.seg_open = true;
            }
        }
        if let Some(e) = self.page.elems.get_mut(block as usize) {
            e.own_chars += chars;
            e.own_commas += commas;
            if link {
                e.own_link_chars += chars;
            }
        }
    }

    /// Closes everything, sums the subtrees and finds the article block.
    fn finish(mut self) -> Page {
        while !self.stack.is_empty() {
            self.pop();
        }
        self.break_line();
        let mut page = self.page;
        let last = page.elems.len() as u32 - 1;
        page.elems[0].end = last;

        // Subtree sums, children before parents (ids are in document order).
        for e in page.elems.iter_mut() {
            e.sub_chars = e.own_chars;
            e.sub_link_chars = e.own_link_chars;
        }
        for i in (1..page.elems.len()).rev() {
            let (c, l, n) = {
                let e = &page.elems[i];
                (e.sub_chars, e.sub_link_chars, e.sub_elems + 1)
            };
            let p = page.elems[i].parent as usize;
            if let Some(pe) = page.elems.get_mut(p) {
                pe.sub_chars += c;
                pe.sub_link_chars += l;
                pe.sub_elems += n;
            }
        }

        // Readability: each paragraph's score goes to its ancestors, less the further up.
        for i in 0..page.elems.len() {
            let (own, commas, ctx, parent) = {
                let e = &page.elems[i];
                (e.own_chars, e.own_commas, e.ctx, e.parent)
            };
            if own < 25 || ctx & (bit::UNLIKELY | bit::INVISIBLE) != 0 {
                continue;
            }
            let score = 1.0 + commas as f32 + (own as f32 / 100.0).min(3.0);
            let mut a = parent;
            for level in 0..5u32 {
                let Some(anc) = page.elems.get_mut(a as usize) else {
                    break;
                };
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                let init = anc.score.unwrap_or_else(|| {
                    let mut s = initial_score(anc.kind);
                    if anc.ctx & bit::POSITIVE != 0 {
                        s += 25.0;
                    }
                    if anc.ctx & bit::UNLIKELY != 0 {
                        s -= 25.0;
                    }
                    s
                });
                anc.score = Some(init + score / divider);
                a = anc.parent;
            }
        }
        let link_density = |e: &Elem| {
            if e.sub_chars == 0 {
                0.0
            } else {
                e.sub_link_chars as f32 / e.sub_chars as f32
            }
        };
        let final_score = |e: &Elem| e.score.map(|s| s * (1.0 - link_density(e)));
        // The five best candidates, best first (earlier first among equals).
        let mut ranked: Vec<(usize, f32)> = Vec::with_capacity(6);
        for (i, e) in page.elems.iter().enumerate() {
            if let Some(s) = final_score(e) {
                let at = ranked.partition_point(|&(_, r)| r >= s);
                if at < 5 {
                    ranked.insert(at, (i, s));
                    ranked.truncate(5);
                }
            }
        }
        let mut top = ranked.first().copied();
        if let Some((mut t, top_score)) = top {
            let is_page = |e: &Elem| matches!(e.kind, Kind::Body | Kind::Html);
            // As Readability: when three of the next four candidates score nearly as well, the
            // article is their common ancestor.
            let alternatives: Vec<usize> = ranked[1..]
                .iter()
                .filter(|&&(_, s)| s >= 0.75 * top_score)
                .map(|&(i, _)| i)
                .collect();
            if alternatives.len() >= 3 {
                let mut a = page.elems[t].parent;
                while let Some(e) = page.elems.get(a as usize) {
                    if is_page(e) {
                        break;
                    }
                    let inside = alternatives
                        .iter()
                        .filter(|&&i| a as usize <= i && i <= e.end as usize)
                        .count();
                    if inside >= 3 {
                        t = a as usize;
                        break;
                    }
                    a = e.parent;
                }
            }
            // Climb while the parent scores better, and past parents with one child.
            let mut last = final_score(&page.elems[t]).unwrap_or(0.0);
            let threshold = last / 3.0;
            let mut a = page.elems[t].parent;
            while let Some(e) = page.elems.get(a as usize) {
                if is_page(e) {
                    break;
                }
                match final_score(e) {
                    None => {}
                    Some(s) if s < threshold => break,
                    Some(s) if s > last => {
                        t = a as usize;
                        break;
                    }
                    Some(s) => last = s,
                }
                a = e.parent;
            }
            while let Some(p) = page.elems.get(page.elems[t].parent as usize) {
                if is_page(p) || p.sub_elems != page.elems[t].sub_elems + 1 {
                    break;
                }
                t = page.elems[t].parent as usize;
            }
            top = Some((t, final_score(&page.elems[t]).unwrap_or(top_score)));
        }
        if let Some((t, top_score)) = top {
            if top_score > 0.0 {
                let threshold = (top_score * 0.2).max(10.0);
                let parent = page.elems[t].parent;
                for (i, e) in page.elems.iter().enumerate() {
                    let sibling = i == t
                        || e.parent == parent
                            && parent != u32::MAX
                            && (e
                                .score
                                .is_some_and(|s| s * (1.0 - link_density(e)) >= threshold)
                                || e.kind == Kind::P && e.sub_chars > 80 && link_density(e) < 0.25);
                    if sibling {
                        page.article.push((i as u32, e.end));
                    }
                }
            }
        }
        page.top = top.filter(|&(_, s)| s > 0.0).map(|(t, s)| (t as u32, s));
        page.article_text = page
            .article
            .iter()
            .filter_map(|&(i, _)| page.elems.get(i as usize))
            .fold(None, |acc, e| match acc {
                None => Some((e.text_start, e.text_end)),
                Some((a, b)) => Some((a.min(e.text_start), b.max(e.text_end))),
            });
        page.h1 = page.elems.iter().position(|e| e.tag == 4).map(|i| i as u32);
        page.children = vec![0; page.elems.len()];
        for e in &page.elems {
            if let Some(c) = page.children.get_mut(e.parent as usize) {
                *c += 1;
            }
        }
        let mut index: HashMap<u64, u32> = HashMap::new();
        page.path_of = vec![u32::MAX; page.elems.len()];
        for (i, e) in page.elems.iter().enumerate() {
            if e.sub_chars == 0 {
                continue;
            }
            let k = *index.entry(e.path).or_insert_with(|| {
                page.paths.push(PathStat {
                    last_parent: u32::MAX,
                    ..PathStat::default()
                });
                page.paths.len() as u32 - 1
            });
            page.path_of[i] = k;
            let at = page.article.partition_point(|&(x, _)| x <= i as u32);
            let in_article = at > 0 && i as u32 <= page.article[at - 1].1;
            if let Some(st) = page.paths.get_mut(k as usize) {
                st.count += 1;
                if in_article {
                    st.article_chars += e.sub_chars;
                }
                st.chars += e.sub_chars;
                if st.last_parent != e.parent {
                    st.parents += 1;
                    st.last_parent = e.parent;
                }
            }
        }
        page
    }
}

/// True for the elements whose start and end break lines in `innerText`.
pub(super) fn tag_breaks(kind: Kind) -> bool {
    !matches!(
        kind,
        Kind::A
            | Kind::Cell
            | Kind::Other
            | Kind::Void
            | Kind::Svg
            | Kind::Math
            | Kind::HeadContent
    )
}

/// html5gum's string reader behind calls that are not inlined: the tokenizer inlines its
/// reader into each of its ~80 states, and the reader's SWAR scan, copied into every state,
/// was most of the tokenizer's size in the wasm.
struct SlimReader<'a>(html5gum::StringReader<'a>);

impl html5gum::Reader for SlimReader<'_> {
    type Error = Infallible;

    #[inline]
    fn read_byte(&mut self) -> Result<Option<u8>, Infallible> {
        self.0.read_byte()
    }

    #[inline(never)]
    fn try_read_string(&mut self, s: &[u8], case_sensitive: bool) -> Result<bool, Infallible> {
        self.0.try_read_string(s, case_sensitive)
    }

    #[inline(never)]
    fn read_until<'b>(
        &'b mut self,
        needle: &[u8],
        char_buf: &'b mut [u8; 4],
    ) -> Result<Option<&'b [u8]>, Infallible> {
        self.0.read_until(needle, char_buf)
    }
}

/// Writes each listed method of a trait as a call to the same method of the wrapped value
/// (`self.0`), behind `#[inline(never)]`.
macro_rules! forward_not_inlined {
    ($(fn $name:ident(&mut self $(, $arg:ident: $ty:ty)*) $(-> $ret:ty)?;)*) => {
        $(
            #[inline(never)]
            fn $name(&mut self $(, $arg: $ty)*) $(-> $ret)? {
                self.0.$name($($arg),*)
            }
        )*
    };
}

/// An emitter behind calls that are not inlined, that asks for no parse errors: the tokenizer
/// inlines its emitter into each state too, and skips its error paths when errors are not
/// wanted (we never use them).
struct SlimEmitter<E>(E);

impl<E: html5gum::Emitter> html5gum::Emitter for SlimEmitter<E> {
    type Token = E::Token;

    #[inline]
    fn should_emit_errors(&mut self) -> bool {
        false
    }

    forward_not_inlined! {
        fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>);
        fn emit_eof(&mut self);
        fn emit_error(&mut self, error: html5gum::Error);
        fn pop_token(&mut self) -> Option<Self::Token>;
        fn init_string(&mut self);
        fn emit_string(&mut self, c: &[u8]);
        fn init_start_tag(&mut self);
        fn init_end_tag(&mut self);
        fn init_comment(&mut self);
        fn emit_current_tag(&mut self) -> Option<html5gum::State>;
        fn emit_current_comment(&mut self);
        fn emit_current_doctype(&mut self);
        fn set_self_closing(&mut self);
        fn set_force_quirks(&mut self);
        fn push_tag_name(&mut self, s: &[u8]);
        fn push_comment(&mut self, s: &[u8]);
        fn push_doctype_name(&mut self, s: &[u8]);
        fn init_doctype(&mut self);
        fn init_attribute(&mut self);
        fn init_attribute_value(&mut self);
        fn push_attribute_name(&mut self, s: &[u8]);
        fn push_attribute_value(&mut self, s: &[u8]);
        fn set_doctype_public_identifier(&mut self, value: &[u8]);
        fn set_doctype_system_identifier(&mut self, value: &[u8]);
        fn push_doctype_public_identifier(&mut self, s: &[u8]);
        fn push_doctype_system_identifier(&mut self, s: &[u8]);
        fn start_open_tag(&mut self);
        fn current_is_appropriate_end_tag_token(&mut self) -> bool;
        fn adjusted_current_node_present_but_not_in_html_namespace(&mut self) -> bool;
        fn move_position(&mut self, offset: isize);
    }
}

/// Parses `html` into its visible text and structure.
pub(super) fn parse(html: &str) -> Page {
    let mut builder = Builder::new();
    {
        let mut emitter = CallbackEmitter::new(
            |event: CallbackEvent<'_>, _span: Span<()>| -> Option<Infallible> {
                builder.event(event);
                None
            },
        );
        emitter.naively_switch_states(true);
        // The string reader cannot fail; the tokenizer recovers from every parse error.
        let reader = SlimReader(html5gum::Readable::to_reader(html));
        let _ = Tokenizer::new_with_emitter(reader, SlimEmitter(emitter)).finish();
    }
    builder.finish()
}
