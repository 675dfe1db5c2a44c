//! Hints from the clipboard's HTML: for each line of the pasted text, where it stood in the
//! page's structure (links, lists, buttons, `nav`/`footer`/`aside`, headings, captions, widgets,
//! the block that holds the article).
//!
//! The HTML is untrusted: it is only tokenized (by `html5gum`, a WHATWG tokenizer), never
//! rendered, and nothing in it runs. On top of the tokens a small tree builder keeps an explicit
//! stack of open elements (capped at [`MAX_DEPTH`]), closes the elements HTML closes implicitly
//! (`<p>`, `<li>`, table cells, …) and collects the visible text the way a browser's `innerText`
//! would: the content of `script`, `style`, `template`, `noscript`, `iframe`, `textarea`,
//! `head`, `svg` and comments is never text, and elements hidden by `hidden`, an inline
//! `display:none`/`visibility:hidden` or a closed `dialog`/`details` are skipped.
//!
//! The visible text is then aligned with the pasted text's lines (see [`line_hints`]). All of it
//! runs in time linear in the input (n log n for the anchor step) and no input can panic it.

use crate::segment::Line;
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};
use std::collections::HashMap;
use std::convert::Infallible;

/// What the HTML says about one line of the text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LineHint {
    /// The line was found in the HTML's text.
    pub found: bool,
    /// Share of the line's characters inside links (`<a href>`), in [0, 1].
    pub link_density: f32,
    /// Inside `nav`, `menu`, `role=navigation`/`menu`/`menubar`/`tablist`, or an element whose
    /// class or id names a menu (`menu`, `nav`, `navbar`, …).
    pub in_nav: bool,
    /// Inside `footer`, `role=contentinfo`, or an element whose class or id names a footer.
    pub in_footer: bool,
    /// Inside `aside`, `role=complementary`, or an element whose class or id names a sidebar.
    pub in_aside: bool,
    /// Inside `header`, `role=banner`, or an element whose class or id names a header or
    /// masthead.
    pub in_header: bool,
    /// Inside a list item (`li`, `role=listitem`).
    pub in_list_item: bool,
    /// Inside a heading `h1`–`h6` (or `role=heading`).
    pub in_heading: bool,
    /// Inside a button, a label or a form control (`select`, `option`, `role=button`, …).
    pub in_control: bool,
    /// Inside `figcaption`.
    pub in_caption: bool,
    /// Inside an element whose class or id names a widget (comment, share, social, related,
    /// cookie, consent, newsletter, subscribe, sidebar, breadcrumb, pagination, promo, sponsor,
    /// popup, modal, trending, …; not `widget`, `banner` or `ad`, which name content as often
    /// as not), unless a content word (`content`, `main`, `post`, …) stands in the same name.
    pub in_widget: bool,
    /// Inside a `form` element (kept apart from [`in_control`](Self::in_control): some sites
    /// wrap the whole page in one form).
    pub in_form: bool,
    /// Inside `time`, `address`, or an element whose class or id names a byline, an author, a
    /// date or the post's metadata.
    pub in_byline: bool,
    /// Inside `main`, `article`, or `role=main`/`article`.
    pub in_main: bool,
    /// Inside the block that holds most of the article's text: Readability's top candidate
    /// (paragraph text scored by length and commas, credited to the ancestors, discounted by
    /// link density) and its siblings that score nearly as well.
    pub in_article: bool,
    /// Inside an element marked `aria-hidden=true` (shown, but decorative for screen readers).
    pub aria_hidden: bool,
    /// Text density of the line's innermost block element: its visible characters per element
    /// inside it (characters / (1 + descendant elements)). 0 when not found.
    pub text_density: f32,
    /// Nesting depth of the line's text in the HTML (capped at [`MAX_DEPTH`]).
    pub depth: u16,
    /// Where the line's text starts in the HTML's visible text, as a share of it, in [0, 1].
    pub position: f32,
    /// Inside a `table`.
    pub in_table: bool,
    /// Inside `pre` (or `listing`, `xmp`).
    pub in_pre: bool,
    /// Inside `blockquote` or `q`.
    pub in_quote: bool,
    /// Inside an element whose class or id names comments or replies (or schema.org's
    /// `Comment`).
    pub in_comment: bool,
    /// Inside an element whose class or id names sharing (`share`, `social`).
    pub in_share: bool,
    /// Inside an element whose class or id names teasers (`related`, `recommend`, `teaser`,
    /// `card`, `promo`, `trending`, …).
    pub in_related: bool,
    /// Inside an element whose class or id names tags, categories, breadcrumbs or pages.
    pub in_tags: bool,
    /// Inside an element whose class or id names a notice (`newsletter`, `subscribe`,
    /// `cookie`, `consent`, `popup`, `banner`, …).
    pub in_notice: bool,
    /// Inside an element whose class or id names an ad (`ad`, `ads`, `advert`, `sponsor`).
    pub in_ad: bool,
    /// Inside schema.org's `articleBody`.
    pub in_article_body: bool,
    /// The tag of the line's block element (a small code, see `tag_code`).
    pub block_tag: u8,
    /// The tag of the line's innermost element when it is inside its block (`a`, `span`,
    /// `time`, …), else 0.
    pub inner_tag: u8,
    /// Visible characters of the line's block element, and the share inside links.
    pub block_chars: u32,
    /// Share of the block's characters inside links.
    pub block_link_density: f32,
    /// Visible characters of the block element around the line's block.
    pub parent_chars: u32,
    /// Share of the parent block's characters inside links.
    pub parent_link_density: f32,
    /// How many elements with text share the block's path from the root (each ancestor's tag
    /// and class): lists of teasers, comments and product cards repeat one.
    pub path_count: u32,
    /// How many different parents those elements have (article paragraphs share one).
    pub path_parents: u32,
    /// Their characters, as a share of the page's visible text.
    pub path_share: f32,
    /// The best Readability score among the block and its nearest ancestors (up to
    /// [`ANCESTOR_REACH`] steps up), as a share of the article block's score.
    pub ancestor_score: f32,
    /// Steps up from the line's block to the nearest common ancestor with the article block.
    pub article_steps: u16,
    /// That common ancestor's characters, as a share of the page's visible text (-1 without
    /// an article block).
    pub article_lca_share: f32,
    /// Steps up from the line's block to the nearest common ancestor with the first `h1`.
    pub h1_steps: u16,
    /// That common ancestor's characters, as a share of the page's visible text (-1 without
    /// an `h1`).
    pub h1_lca_share: f32,
    /// How far the line starts after the article block's text starts (negative before it),
    /// as a share of the page's visible text.
    pub article_from_start: f32,
    /// How far the line ends before the article block's text ends (negative after it), as a
    /// share of the page's visible text.
    pub article_to_end: f32,
    /// How far the line starts after the first `h1` starts (negative before it), as a share of
    /// the page's visible text; -2 without an `h1`.
    pub h1_from: f32,
    /// Share of the characters of the block's path (see [`path_count`](Self::path_count))
    /// that lie inside the article block.
    pub path_article_share: f32,
    /// How many elements the block's parent holds.
    pub siblings: u32,
}

/// The deepest nesting of elements the tree builder tracks; deeper elements are read as text
/// only.
pub const MAX_DEPTH: usize = 512;

/// Context bits an element passes down to everything inside it.
mod bit {
    pub const LINK: u32 = 1 << 0;
    pub const NAV: u32 = 1 << 1;
    pub const FOOTER: u32 = 1 << 2;
    pub const ASIDE: u32 = 1 << 3;
    pub const HEADER: u32 = 1 << 4;
    pub const LIST_ITEM: u32 = 1 << 5;
    pub const HEADING: u32 = 1 << 6;
    pub const CONTROL: u32 = 1 << 7;
    pub const CAPTION: u32 = 1 << 8;
    pub const WIDGET: u32 = 1 << 9;
    pub const FORM: u32 = 1 << 10;
    pub const BYLINE: u32 = 1 << 11;
    pub const MAIN: u32 = 1 << 12;
    pub const ARIA_HIDDEN: u32 = 1 << 13;
    /// Content that is never text (`script`, `style`, `head`, …).
    pub const SKIP: u32 = 1 << 14;
    /// Hidden content (`hidden`, inline `display:none`, closed `dialog`).
    pub const HIDDEN: u32 = 1 << 15;
    /// Preformatted: line breaks in the text count.
    pub const PRE: u32 = 1 << 16;
    /// Inside a closed `details`: only its `summary` shows.
    pub const CLOSED_DETAILS: u32 = 1 << 17;
    pub const SUMMARY: u32 = 1 << 18;
    /// Class or id names the main content (`content`, `article`, `entry`, …): a Readability
    /// positive weight. Not inherited.
    pub const POSITIVE: u32 = 1 << 19;
    /// Inside `svg` or `math`, where `/>` closes an element.
    pub const FOREIGN: u32 = 1 << 20;
    /// Class or id has a word that vetoes the widget and sidebar names of the other words
    /// (after Readability's `and|article|body|column|content|main|shadow`:
    /// `content-sidebar-wrap`). Only seen while reading attributes.
    pub const VETO: u32 = 1 << 21;
    /// Class or id joins two names with `and` (`td-content-and-menu`): none of its names
    /// count but the byline ones. Only seen while reading attributes.
    pub const VETO_ALL: u32 = 1 << 22;
    /// Inside a `table`.
    pub const TABLE: u32 = 1 << 23;
    /// Inside a `blockquote` or `q`.
    pub const QUOTE: u32 = 1 << 24;
    /// Class or id names comments or replies (`comment`, `reply`, `disqus`, `respond`), or
    /// `itemprop`/`itemtype` names a comment.
    pub const COMMENT: u32 = 1 << 25;
    /// Class or id names sharing (`share`, `social`).
    pub const SHARE: u32 = 1 << 26;
    /// Class or id names teasers (`related`, `recommend`, `teaser`, `card`, `promo`, …).
    pub const RELATED: u32 = 1 << 27;
    /// Class or id names tags, categories, breadcrumbs or pagination.
    pub const TAGS: u32 = 1 << 28;
    /// Class or id names a notice (`newsletter`, `subscribe`, `cookie`, `consent`, `popup`, …).
    pub const NOTICE: u32 = 1 << 29;
    /// Class or id names an ad (`ad`, `ads`, `advert`, `sponsor`).
    pub const AD: u32 = 1 << 30;
    /// `itemprop=articleBody` (schema.org), or a class or id `articlebody`.
    pub const ARTICLE_BODY: u32 = 1 << 31;

    /// The bits that make an element an unlikely home for the article.
    pub const UNLIKELY: u32 = NAV | FOOTER | ASIDE | WIDGET | HEADER;
    /// The bits that keep text from showing.
    pub const INVISIBLE: u32 = SKIP | HIDDEN;
}

/// What the tree builder needs to know about a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    A,
    P,
    Li,
    DdDt,
    Option,
    Optgroup,
    Tr,
    Cell,
    TableSection,
    Table,
    Heading,
    Head,
    Body,
    Html,
    Details,
    Dialog,
    Svg,
    Math,
    Div,
    /// Another element that breaks lines.
    Block,
    /// Readability's "-3" blocks (lists, `dd`, forms, `address`).
    ListLike,
    /// An element whose start tag stands alone (`br`, `img`, `input`, …).
    Void,
    Br,
    /// An element allowed in `head`.
    HeadContent,
    Other,
}

/// A tag's kind, the context bits it adds, and whether it breaks lines in `innerText`.
fn tag_info(name: &[u8]) -> (Kind, u32, bool) {
    use bit::*;
    match name {
        b"a" => (Kind::A, 0, false),
        b"p" => (Kind::P, 0, true),
        b"li" => (Kind::Li, LIST_ITEM, true),
        b"dd" | b"dt" => (Kind::DdDt, 0, true),
        b"option" => (Kind::Option, CONTROL, true),
        b"optgroup" => (Kind::Optgroup, CONTROL, true),
        b"tr" => (Kind::Tr, 0, true),
        // innerText puts a tab between cells: a row is one line.
        b"td" | b"th" => (Kind::Cell, 0, false),
        b"tbody" | b"thead" | b"tfoot" => (Kind::TableSection, 0, true),
        b"table" => (Kind::Table, TABLE, true),
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => (Kind::Heading, HEADING, true),
        b"head" => (Kind::Head, SKIP, true),
        b"body" => (Kind::Body, 0, true),
        b"html" => (Kind::Html, 0, true),
        b"details" => (Kind::Details, 0, true),
        b"dialog" => (Kind::Dialog, 0, true),
        b"svg" => (Kind::Svg, SKIP | FOREIGN, false),
        b"math" => (Kind::Math, FOREIGN, false),
        b"div" => (Kind::Div, 0, true),
        b"nav" | b"menu" => (Kind::Block, NAV, true),
        b"footer" => (Kind::Block, FOOTER, true),
        b"aside" => (Kind::Block, ASIDE, true),
        b"header" => (Kind::Block, HEADER, true),
        b"main" | b"article" => (Kind::Block, MAIN, true),
        b"figcaption" => (Kind::Block, CAPTION, true),
        b"summary" => (Kind::Block, SUMMARY, true),
        b"pre" | b"listing" | b"xmp" => (Kind::Block, PRE, true),
        b"form" => (Kind::ListLike, FORM, true),
        b"ul" | b"ol" | b"dl" | b"address" => {
            let b = if name == b"address" { BYLINE } else { 0 };
            (Kind::ListLike, b, true)
        }
        b"blockquote" => (Kind::Block, QUOTE, true),
        b"q" => (Kind::Other, QUOTE, false),
        b"center" | b"dir" | b"fieldset" | b"figure" | b"hgroup" | b"legend" | b"section"
        | b"caption" | b"search" => (Kind::Block, 0, true),
        b"button" | b"label" | b"select" => (Kind::Other, CONTROL, false),
        b"time" => (Kind::Other, BYLINE, false),
        b"br" => (Kind::Br, 0, true),
        b"hr" => (Kind::Void, 0, true),
        b"area" | b"col" | b"embed" | b"img" | b"input" | b"keygen" | b"param" | b"source"
        | b"track" | b"wbr" => (Kind::Void, 0, false),
        b"base" | b"link" | b"meta" => (Kind::Void, 0, false),
        b"title" | b"style" | b"script" | b"noscript" | b"template" => {
            (Kind::HeadContent, SKIP, false)
        }
        b"iframe" | b"textarea" | b"noembed" | b"noframes" | b"canvas" | b"object" | b"audio"
        | b"video" | b"datalist" | b"plaintext" => (Kind::Other, SKIP, false),
        _ => (Kind::Other, 0, false),
    }
}

/// A small code for a tag, for the model: the line's block element and its innermost element.
fn tag_code(name: &[u8]) -> u8 {
    match name {
        b"p" => 1,
        b"li" => 2,
        b"td" | b"th" => 3,
        b"h1" => 4,
        b"h2" => 5,
        b"h3" | b"h4" | b"h5" | b"h6" => 6,
        b"div" => 7,
        b"pre" | b"code" | b"kbd" | b"samp" => 8,
        b"blockquote" | b"q" => 9,
        b"figcaption" | b"caption" => 10,
        b"dd" | b"dt" => 11,
        b"section" | b"article" | b"main" => 12,
        b"header" | b"footer" | b"nav" | b"aside" => 13,
        b"a" => 14,
        b"span" => 15,
        b"em" | b"strong" | b"b" | b"i" | b"u" | b"small" | b"mark" | b"cite" => 16,
        b"time" => 17,
        b"button" | b"label" | b"option" | b"select" | b"summary" => 18,
        b"form" | b"fieldset" | b"legend" => 19,
        _ => 20,
    }
}

/// Readability's initial score for a candidate by its tag.
fn initial_score(kind: Kind) -> f32 {
    match kind {
        Kind::Div => 5.0,
        Kind::Cell => 3.0,
        Kind::ListLike | Kind::Li | Kind::DdDt => -3.0,
        Kind::Heading => -5.0,
        _ => 0.0,
    }
}

/// Context bits named by the tokens of a `class` or `id` value (`comment-list`,
/// `socialShare`, `site-footer`).
fn class_bits(value: &[u8]) -> u32 {
    let mut bits = 0;
    for word in value.split(|b| b.is_ascii_whitespace()) {
        let lower = word.to_ascii_lowercase();
        // WordPress-style taxonomy classes (`tag-cookies`, `category-social`) name the post's
        // topics, not its widgets.
        if [
            &b"tag-"[..],
            b"category-",
            b"format-",
            b"type-",
            b"status-",
            b"has-",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
        {
            continue;
        }
        // Split on punctuation and on camelCase humps.
        let mut start = 0;
        for i in 0..=word.len() {
            let boundary = i == word.len()
                || !word[i].is_ascii_alphanumeric()
                || (i > start && word[i].is_ascii_uppercase() && word[i - 1].is_ascii_lowercase());
            if boundary {
                if i > start {
                    bits |= token_bits(&lower[start..i]);
                }
                start = if i < word.len() && !word[i].is_ascii_alphanumeric() {
                    i + 1
                } else {
                    i
                };
            }
        }
    }
    bits
}

/// Context bits named by one lower-case class or id token.
fn token_bits(t: &[u8]) -> u32 {
    use bit::*;
    const WIDGET_STEMS: &[&[u8]] = &[
        b"comment",
        b"share",
        b"sharing",
        b"social",
        b"related",
        b"cookie",
        b"consent",
        b"gdpr",
        b"newsletter",
        b"subscri",
        b"signup",
        b"sidebar",
        b"breadcrumb",
        b"paginat",
        b"pager",
        b"promo",
        b"sponsor",
        b"disqus",
        b"popup",
        b"modal",
        b"recommend",
        b"trending",
        b"popular",
        b"outbrain",
        b"taboola",
        b"shoutbox",
        b"replies",
        b"community",
    ];
    // Measured on the bench and left out, as no more often noise than any text: `widget`
    // (page builders wrap everything in `elementor-widget`), `banner`, `ad`, `ads`, `advert`.
    const WIDGET_WORDS: &[&[u8]] = &[b"adsbygoogle", b"rss", b"tags", b"share"];
    const NAV_WORDS: &[&[u8]] = &[
        b"nav",
        b"navbar",
        b"navigation",
        b"menu",
        b"menubar",
        b"megamenu",
        b"topbar",
        b"toc",
    ];
    const POSITIVE_WORDS: &[&[u8]] = &[
        b"article", b"body", b"content", b"entry", b"main", b"page", b"post", b"text", b"blog",
        b"story", b"prose",
    ];
    const BYLINE_STEMS: &[&[u8]] = &[
        b"byline",
        b"author",
        b"dateline",
        b"timestamp",
        b"published",
        b"date",
        b"meta",
    ];
    let mut bits = family_bits(t);
    if WIDGET_WORDS.contains(&t) || WIDGET_STEMS.iter().any(|s| t.starts_with(s)) {
        bits |= WIDGET;
    }
    if NAV_WORDS.contains(&t) {
        bits |= NAV;
    }
    if t.starts_with(b"footer") || t == b"colophon" {
        bits |= FOOTER;
    }
    if t == b"header" || t == b"masthead" {
        bits |= HEADER;
    }
    if t.starts_with(b"sidebar") {
        bits |= ASIDE;
    }
    if BYLINE_STEMS.iter().any(|s| t.starts_with(s)) {
        bits |= BYLINE;
    }
    if POSITIVE_WORDS.contains(&t) {
        bits |= POSITIVE | VETO;
    }
    if matches!(t, b"column" | b"shadow") {
        bits |= VETO;
    }
    if t == b"and" {
        bits |= VETO_ALL;
    }
    bits
}

/// Names as byte strings (class and id tokens are compared as lower-case ASCII bytes).
type Names = &'static [&'static [u8]];

/// The finer families of widget names: each family's bit, the token stems (prefixes) and the
/// whole tokens that name it.
const FAMILIES: &[(u32, Names, Names)] = &[
    (
        bit::COMMENT,
        &[
            b"comment",
            b"repl",
            b"disqus",
            b"discussion",
            b"respond",
            b"shoutbox",
        ],
        &[],
    ),
    (bit::SHARE, &[b"share", b"sharing", b"social"], &[b"sns"]),
    (
        bit::RELATED,
        &[
            b"related",
            b"recommend",
            b"teaser",
            b"card",
            b"promo",
            b"trending",
            b"popular",
            b"similar",
            b"suggest",
            b"outbrain",
            b"taboola",
            b"tile",
        ],
        &[],
    ),
    (
        bit::TAGS,
        &[b"categor", b"breadcrumb", b"paginat", b"pager", b"tagcloud"],
        &[b"tags", b"tag", b"crumbs"],
    ),
    (
        bit::NOTICE,
        &[
            b"newsletter",
            b"subscri",
            b"signup",
            b"cookie",
            b"consent",
            b"gdpr",
            b"popup",
            b"modal",
            b"banner",
            b"notice",
            b"alert",
        ],
        &[],
    ),
    (
        bit::AD,
        &[b"advert", b"sponsor", b"adsbygoogle", b"adslot", b"adunit"],
        &[b"ad", b"ads", b"dfp"],
    ),
];

/// The finer families of widget names a lower-case class or id token belongs to.
fn family_bits(t: &[u8]) -> u32 {
    use bit::*;
    let mut bits = 0;
    for &(family, stems, words) in FAMILIES {
        if stems.iter().any(|s| t.starts_with(s)) || words.contains(&t) {
            bits |= family;
        }
    }
    if t == b"articlebody" {
        bits |= ARTICLE_BODY;
    }
    bits
}

/// Context bits named by an `itemprop` or `itemtype` value (schema.org).
fn item_bits(value: &[u8]) -> u32 {
    let lower = value.to_ascii_lowercase();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    let mut bits = 0;
    if has(b"articlebody") {
        bits |= bit::ARTICLE_BODY;
    }
    if has(b"comment") {
        bits |= bit::COMMENT;
    }
    bits
}

/// Context bits named by a `role` value.
fn role_bits(value: &[u8]) -> u32 {
    use bit::*;
    let mut bits = 0;
    for role in value.split(|b| b.is_ascii_whitespace()) {
        bits |= match role.to_ascii_lowercase().as_slice() {
            b"navigation" | b"menu" | b"menubar" | b"menuitem" | b"tablist" | b"tab" => NAV,
            b"contentinfo" => FOOTER,
            b"banner" => HEADER,
            b"complementary" => ASIDE,
            b"main" | b"article" => MAIN,
            b"button" | b"checkbox" | b"switch" | b"combobox" | b"listbox" | b"option" => CONTROL,
            b"dialog" | b"alertdialog" => WIDGET,
            b"heading" => HEADING,
            b"listitem" => LIST_ITEM,
            _ => 0,
        };
    }
    bits
}

/// True when an inline `style` hides the element.
fn style_hides(value: &[u8]) -> bool {
    let squeezed: Vec<u8> = value
        .iter()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let has = |needle: &[u8]| squeezed.windows(needle.len()).any(|w| w == needle);
    has(b"display:none") || has(b"visibility:hidden")
}

/// A cheap hash of a tag name, to match end tags with start tags.
fn name_hash(name: &[u8]) -> u64 {
    name.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    })
}

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
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_normalized(&mut out, c);
    }
    out
}

/// An element of the parsed page.
#[derive(Debug, Clone)]
struct Elem {
    parent: u32,
    kind: Kind,
    /// Context bits in force inside it.
    ctx: u32,
    /// The last element id inside it (ids are in document order, so its subtree is
    /// `id..=end`).
    end: u32,
    /// Visible characters whose innermost block this is, and how many are inside links.
    own_chars: u32,
    own_link_chars: u32,
    own_commas: u32,
    /// The same over the whole subtree, and the number of elements in it.
    sub_chars: u32,
    sub_link_chars: u32,
    sub_elems: u32,
    /// Readability score (`None` until the element is a candidate).
    score: Option<f32>,
    /// The tag's [`tag_code`].
    tag: u8,
    /// Elements above it.
    depth: u16,
    /// A hash of its path from the root: each ancestor's tag and class (without digits).
    path: u64,
    /// Where its text starts and ends in the page's text (byte offsets).
    text_start: u32,
    text_end: u32,
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
struct Segment {
    start: u32,
    ctx: u32,
    block: u32,
    /// The innermost element around the text.
    elem: u32,
    depth: u16,
}

/// The page as the hints need it: its visible text, normalized, in runs of the same context,
/// cut into the lines `innerText` would show.
#[derive(Debug, Default)]
struct Page {
    /// The visible text, normalized (see [`normalize`]).
    text: String,
    segments: Vec<Segment>,
    /// The page's lines, as byte ranges of `text`.
    lines: Vec<(u32, u32)>,
    elems: Vec<Elem>,
    /// The Readability top candidate and its siblings, as element id ranges (disjoint, in
    /// document order).
    article: Vec<(u32, u32)>,
    /// The article's top element and its score.
    top: Option<(u32, f32)>,
    /// Where the article's text starts and ends in `text`.
    article_text: Option<(u32, u32)>,
    /// The first `h1`.
    h1: Option<u32>,
    /// For each element with text, its index in `paths` (`u32::MAX` without text).
    path_of: Vec<u32>,
    paths: Vec<PathStat>,
    /// How many children each element has.
    children: Vec<u32>,
}

/// The elements with text that share one path from the root (tags and classes).
#[derive(Debug, Clone, Copy, Default)]
struct PathStat {
    count: u32,
    /// Characters inside the article block.
    article_chars: u32,
    /// How many different parents they have (in document order, elements of one path under
    /// one parent come together).
    parents: u32,
    last_parent: u32,
    chars: u32,
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
const SCOPE_SEARCH: usize = 64;

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
fn tag_breaks(kind: Kind) -> bool {
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
fn parse(html: &str) -> Page {
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
fn longest_increasing(pairs: &[(usize, u32)]) -> Vec<(usize, u32)> {
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

/// How many steps up from a line's block [`LineHint::ancestor_score`] looks.
const ANCESTOR_REACH: usize = 5;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn hints(html: &str, text: &str) -> Vec<LineHint> {
        line_hints(html, text, &segment::lines(text))
    }

    /// The hint of the one line of `text` in `html`.
    fn hint(html: &str, text: &str) -> LineHint {
        let h = hints(html, text);
        assert_eq!(h.len(), 1, "{text:?} is one line");
        h[0]
    }

    #[test]
    fn link_density() {
        let cases: &[(&str, &str, f32)] = &[
            (r#"<p><a href="/">Home</a></p>"#, "Home", 1.0),
            (
                r##"<p>Read <a href="#">more</a> here</p>"##,
                "Read more here",
                4.0 / 12.0,
            ),
            (
                r#"<p>Read <a name="x">more</a> here</p>"#,
                "Read more here",
                0.0,
            ),
            (r#"<p>No links at all.</p>"#, "No links at all.", 0.0),
            (
                r#"<li><a href=/a><b>Bold</b> link</a></li>"#,
                "Bold link",
                1.0,
            ),
        ];
        for &(html, text, want) in cases {
            let h = hint(html, text);
            assert!(h.found, "{html}");
            assert!(
                (h.link_density - want).abs() < 1e-4,
                "{html}: {}",
                h.link_density
            );
        }
    }

    #[test]
    fn structure_flags() {
        type Check = fn(&LineHint) -> bool;
        let cases: &[(&str, &str, Check)] = &[
            ("<nav><ul><li>Sports</li></ul></nav>", "Sports", |h| {
                h.in_nav && h.in_list_item
            }),
            (r#"<div role="navigation">Sports</div>"#, "Sports", |h| {
                h.in_nav
            }),
            (r#"<div class="main-menu">Sports</div>"#, "Sports", |h| {
                h.in_nav
            }),
            (
                "<footer><p>© 2025 Example</p></footer>",
                "© 2025 Example",
                |h| h.in_footer,
            ),
            (r#"<div id="site-footer">Contact</div>"#, "Contact", |h| {
                h.in_footer
            }),
            ("<aside>More stories</aside>", "More stories", |h| {
                h.in_aside
            }),
            ("<header>Example News</header>", "Example News", |h| {
                h.in_header
            }),
            ("<h2>Results</h2>", "Results", |h| h.in_heading),
            ("<button>Subscribe</button>", "Subscribe", |h| h.in_control),
            (r#"<span role="button">Close</span>"#, "Close", |h| {
                h.in_control
            }),
            (
                "<select><option>English</option></select>",
                "English",
                |h| h.in_control,
            ),
            ("<form><label>Email</label></form>", "Email", |h| {
                h.in_form && h.in_control
            }),
            (
                "<figure><figcaption>Photo: AP</figcaption></figure>",
                "Photo: AP",
                |h| h.in_caption,
            ),
            (r#"<div class="share-buttons">Share</div>"#, "Share", |h| {
                h.in_widget
            }),
            (r#"<div class="socialShare">Tweet</div>"#, "Tweet", |h| {
                h.in_widget
            }),
            (
                r#"<section id="comments">55 Comments</section>"#,
                "55 Comments",
                |h| h.in_widget,
            ),
            (
                r#"<div class="cookie-banner">We use cookies</div>"#,
                "We use cookies",
                |h| h.in_widget,
            ),
            (
                r#"<div class="sponsored-ad">Buy now</div>"#,
                "Buy now",
                |h| h.in_widget,
            ),
            (r#"<div class="adsbygoogle">x y</div>"#, "x y", |h| {
                h.in_widget
            }),
            (
                r#"<div class="elementor-widget-wrap">Text</div>"#,
                "Text",
                |h| !h.in_widget,
            ),
            // Names that only contain a widget word are not widgets.
            (r#"<div class="shadow">Text</div>"#, "Text", |h| {
                !h.in_widget
            }),
            (r#"<div class="address">Text</div>"#, "Text", |h| {
                !h.in_widget
            }),
            // Page-wide classes on body and article, and post taxonomy, are not widgets.
            (
                r#"<body class="single comments-open"><p>Text</p>"#,
                "Text",
                |h| !h.in_widget,
            ),
            (
                r#"<article class="post category-social"><p>Text</p>"#,
                "Text",
                |h| !h.in_widget && h.in_main,
            ),
            (
                r#"<div class="content-sidebar-wrap">Text</div>"#,
                "Text",
                |h| !h.in_widget,
            ),
            (
                r#"<div class="inline-and-sidebar">Text</div>"#,
                "Text",
                |h| !h.in_aside,
            ),
            (
                r#"<div class="td-content-and-menu">Text</div>"#,
                "Text",
                |h| !h.in_nav,
            ),
            (r#"<div class="entry-meta">By Jo</div>"#, "By Jo", |h| {
                h.in_byline
            }),
            (r#"<p class="byline">By Jane Doe</p>"#, "By Jane Doe", |h| {
                h.in_byline
            }),
            ("<p><time>May 2, 2025</time></p>", "May 2, 2025", |h| {
                h.in_byline
            }),
            ("<main><p>Body</p></main>", "Body", |h| h.in_main),
            (r#"<div role="main"><p>Body</p></div>"#, "Body", |h| {
                h.in_main
            }),
            (
                r#"<span aria-hidden="true">★★★</span>"#,
                "★★★",
                |h| h.found && h.aria_hidden,
            ),
            // Implied end tags: the list item ends where the list does.
            ("<ul><li>One<li>Two</ul><p>After", "After", |h| {
                !h.in_list_item
            }),
            ("<p>One<h2>Title</h2>", "Title", |h| h.in_heading),
            ("<table><tr><td>A<td>B</table><p>After", "After", |h| {
                h.found
            }),
        ];
        for (html, text, check) in cases {
            let h = hint(html, text);
            assert!(h.found, "{html}: not found");
            assert!(check(&h), "{html}: {h:?}");
        }
    }

    #[test]
    fn hidden_elements_are_skipped() {
        let cases: &[&str] = &[
            "<div hidden>Secret</div>",
            r#"<div style="color: red; display : none">Secret</div>"#,
            r#"<div style="VISIBILITY:hidden">Secret</div>"#,
            "<dialog><p>Secret</p></dialog>",
            "<details><summary>Open me</summary><p>Secret</p></details>",
            "<div hidden><p><span>Secret</span></p></div>",
        ];
        for html in cases {
            let html = format!("{html}<p>Visible</p>");
            let h = hints(&html, "Secret\nVisible");
            assert!(!h[0].found, "{html}");
            assert!(h[1].found, "{html}");
        }
        let h = hints(
            "<details><summary>Open me</summary>Secret</details><dialog open>Shown</dialog>",
            "Open me\nShown",
        );
        assert!(h[0].found && h[1].found);
    }

    #[test]
    fn script_style_template_and_comments_are_never_text() {
        let html = concat!(
            r#"<script>var s = "Hello"; document.write("<p>Hello</p>");</script>"#,
            "<style>p::before { content: 'Hello' }</style>",
            "<template><p>Hello</p></template>",
            "<noscript><p>Hello</p></noscript>",
            "<!-- Hello --><textarea>Hello</textarea><iframe>Hello</iframe>",
            "<svg><title>Hello</title><text>Hello</text></svg>",
            "<head><title>Hello</title></head><p>World</p>",
        );
        let h = hints(html, "Hello\nWorld");
        assert!(!h[0].found, "{:?}", h[0]);
        assert!(h[1].found);
        let page = parse(html);
        assert_eq!(page.text, "world");
        // An unclosed script swallows the rest, as in a browser.
        let page = parse("<p>Before</p><script>x = 1; <p>After</p>");
        assert_eq!(page.text, "before");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        for tag in ["div", "span", "a href=x", "li", "table", "b"] {
            let name = tag.split(' ').next().unwrap_or(tag);
            let html = format!(
                "{}Deep text{}",
                format!("<{tag}>").repeat(10_000),
                format!("</{name}>").repeat(10_000)
            );
            let h = hint(&html, "Deep text");
            assert!(h.found, "{tag}");
            assert!(usize::from(h.depth) <= MAX_DEPTH, "{tag}");
        }
        // Unclosed, then a flood of end tags.
        let html = format!("{}x y{}", "<div>".repeat(10_000), "</span>".repeat(10_000));
        assert!(hint(&html, "x y").found);
    }

    #[test]
    fn entities_are_decoded() {
        let cases: &[(&str, &str)] = &[
            (
                "<p>Caf&eacute; &amp; cr&#232;me&nbsp;br&ucirc;l&#xE9;e</p>",
                "Café & crème brûlée",
            ),
            ("<p>&bogus; &amp</p>", "&bogus; &"),
            ("<p>&#0; x&#x110000;y</p>", "\u{fffd} x\u{fffd}y"),
            ("<p>5 &lt; 6 &gt; 4</p>", "5 < 6 > 4"),
        ];
        for (html, text) in cases {
            assert!(hint(html, text).found, "{html}");
        }
    }

    #[test]
    fn malformed_html_does_not_panic() {
        let huge_attr = format!(r#"<div class="{}">Text</div>"#, "a".repeat(1 << 20));
        let many_amps = format!("<p>{}</p>", "&amp;".repeat(100_000));
        let cases: Vec<String> = vec![
            String::new(),
            "<".into(),
            "<<>>".into(),
            "</".into(),
            "<div class=\"".into(),
            "<!--".into(),
            "<!-- never closed <p>Text</p>".into(),
            "<!DOCTYPE".into(),
            "</div></div></p></li>Text".into(),
            "<p>one<p>two<li>three".into(),
            "<a href=x>link<div>block</a>rest".into(),
            "<table><td>cell<tr>row</table>".into(),
            "<svg><path/><p>x</p>".into(),
            "<math><mi/>x</math>".into(),
            "<plaintext><p>all text".into(),
            "\u{0}\u{feff}<p>\u{0}x</p>".into(),
            "<select><optgroup><option>a<option>b<optgroup>c".into(),
            huge_attr,
            many_amps,
        ];
        for html in &cases {
            let _ = hints(html, "Text\nrest\none\n\u{fffd}x");
        }
        assert!(hints(&cases[17], "Text")[0].found);
    }

    #[test]
    fn alignment_crlf_non_ascii_and_rtl() {
        let html = concat!(
            "<nav><a href=/>Startseite</a> <a href=/w>Wirtschaft</a></nav>",
            "<h1>Straße in Zürich gesperrt</h1>",
            "<p>Die Straße bleibt bis Montag gesperrt, teilte die Polizei mit.</p>",
            "<p>中文段落，内容很长。</p>",
            "<p dir=rtl>المحادثات في الدوحة انتهت يوم الأحد</p>",
            "<p>שלום עולם</p>",
            "<footer><a href=/i>Impressum</a></footer>",
        );
        let text = "Startseite\r\nWirtschaft\r\n\r\nSTRASSE IN ZÜRICH GESPERRT\r\n  Die Straße bleibt bis Montag gesperrt, teilte die Polizei mit.\r\n中文段落，内容很长。\r\n\u{200f}المحادثات في الدوحة انتهت يوم الأحد\u{200f}\r\nשלום  עולם\r\nNot in the HTML\r\nImpressum";
        let h = hints(html, text);
        assert_eq!(h.len(), 9);
        assert!(h[0].in_nav && h[0].link_density == 1.0);
        assert!(h[1].in_nav);
        // text-transform: uppercase, with ß as SS: case-folding does not reach it.
        assert!(!h[2].found);
        assert!(h[3].found && !h[3].in_nav && h[3].link_density == 0.0);
        assert!(h[4].found, "CJK");
        assert!(h[5].found, "Arabic with bidi marks");
        assert!(h[6].found, "Hebrew with doubled space");
        assert!(!h[7].found);
        assert!(h[8].found && h[8].in_footer);
        // Positions go forward.
        let found: Vec<f32> = h.iter().filter(|h| h.found).map(|h| h.position).collect();
        assert!(found.windows(2).all(|w| w[0] < w[1]), "{found:?}");
    }

    #[test]
    fn alignment_joins_and_splits_blocks() {
        // Table cells become one line (innerText joins them with tabs); `<br>` splits one.
        let html = "<table><tr><td>Name</td><td><a href=/x>Age</a></td></tr></table><p>First<br>Second</p>";
        let h = hints(html, "Name\tAge\nFirst\nSecond");
        assert!(h.iter().all(|h| h.found), "{h:?}");
        assert!((h[0].link_density - 3.0 / 7.0).abs() < 1e-4);
    }

    #[test]
    fn repeated_lines_match_in_order() {
        let html = concat!(
            "<header><a href=/s>Share</a></header>",
            "<article><p>A long first paragraph of the article, with words.</p>",
            "<p>Share</p>",
            "<p>A second paragraph of the article, with more words.</p></article>",
            "<footer><a href=/s>Share</a></footer>",
        );
        let text = "Share\nA long first paragraph of the article, with words.\nShare\nA second paragraph of the article, with more words.\nShare";
        let h = hints(html, text);
        assert!(h[0].in_header && h[0].link_density == 1.0);
        assert!(h[2].in_main && h[2].link_density == 0.0);
        assert!(h[4].in_footer && h[4].link_density == 1.0);
    }

    #[test]
    fn article_block_is_found() {
        let para = "The talks in Doha ended on Sunday without an agreement, officials from both delegations said, and no new date was set.";
        let html = format!(
            r#"<body><div id=top><ul><li><a href=/a>World</a><li><a href=/b>Sports</a></ul></div>
            <div class=wrap><div class=story><h1>Talks end</h1><p>{para}</p><p>{para}</p><p>{para}</p></div>
            <div class=more><p><a href=/x>Another story, with a long enough title to count here</a></p></div></div>
            <div id=bottom>Copyright, all rights reserved, 2025, Example Inc.</div></body>"#
        );
        let text = format!("World\nSports\nTalks end\n{para}\n{para}\n{para}\nAnother story, with a long enough title to count here\nCopyright, all rights reserved, 2025, Example Inc.");
        let h = hints(&html, &text);
        assert!(h.iter().all(|h| h.found), "{h:?}");
        let article: Vec<bool> = h.iter().map(|h| h.in_article).collect();
        assert_eq!(
            article,
            [false, false, true, true, true, true, false, false]
        );
        assert!(h[3].text_density > h[0].text_density);
    }

    #[test]
    fn block_path_and_tree_distance() {
        let para = "The talks in Doha ended on Sunday without an agreement, officials from both delegations said, and no new date was set.";
        let card = |n: u32| {
            format!(
                "<div class=card-{n}><h3><a href=/s{n}>Story number {n} of the list</a></h3>\
                 <p class=summary>A short summary of story {n}, in a teaser card.</p></div>"
            )
        };
        let html = format!(
            r#"<body><div class=wrap><article class=story><h1>Talks end</h1><p>{para}</p><p>{para}</p><p>{para}</p></article>
            <section class=related-stories>{}{}{}</section></div>
            <div class=comments><div class=comment><p>Great article, thanks for sharing it with us.</p></div></div></body>"#,
            card(1),
            card(2),
            card(3)
        );
        let text = format!(
            "Talks end\n{para}\n{para}\n{para}\n{}\nGreat article, thanks for sharing it with us.",
            (1..=3)
                .map(|n| format!(
                    "Story number {n} of the list\nA short summary of story {n}, in a teaser card."
                ))
                .collect::<Vec<_>>()
                .join("\n")
        );
        let h = hints(&html, &text);
        assert!(h.iter().all(|h| h.found), "{h:?}");
        // Headline and paragraphs: in the article, under one parent.
        assert_eq!(h[0].block_tag, 4);
        assert_eq!(
            (h[1].block_tag, h[1].path_count, h[1].path_parents),
            (1, 3, 1)
        );
        assert!(h[1].in_article && h[1].article_steps <= 1, "{:?}", h[1]);
        assert!(h[1].ancestor_score > 0.9, "{:?}", h[1]);
        // The teasers' summaries repeat one path (digits of `card-1` left out) under three
        // parents, out of the article, and are marked as related.
        let summary = h[5];
        assert_eq!((summary.path_count, summary.path_parents), (3, 3));
        assert!(summary.in_related && !summary.in_article);
        assert!(summary.article_steps > h[1].article_steps);
        assert!(summary.h1_lca_share > h[1].h1_lca_share);
        assert_eq!(h[4].inner_tag, 14);
        assert!(h[4].block_link_density > 0.99 && summary.block_link_density == 0.0);
        // The comment.
        assert!(h[10].in_comment && h[10].article_from_start > 0.0 && h[10].article_to_end < 0.0);
        assert!(h[1].article_from_start >= 0.0 && h[1].article_to_end > 0.0);
    }

    #[test]
    fn class_families_and_schema_items() {
        type Check = fn(&LineHint) -> bool;
        let cases: &[(&str, Check)] = &[
            (r#"<div class="post-comments">Text</div>"#, |h| h.in_comment),
            (r#"<div id="respond">Text</div>"#, |h| h.in_comment),
            (
                r#"<div itemtype="https://schema.org/Comment">Text</div>"#,
                |h| h.in_comment,
            ),
            (r#"<div itemprop="articleBody">Text</div>"#, |h| {
                h.in_article_body
            }),
            (r#"<div class="socialShare">Text</div>"#, |h| h.in_share),
            (r#"<div class="teaser-card">Text</div>"#, |h| h.in_related),
            (r#"<div class="breadcrumbs">Text</div>"#, |h| h.in_tags),
            (r#"<div class="cookie-banner">Text</div>"#, |h| h.in_notice),
            (r#"<div class="ad-slot">Text</div>"#, |h| h.in_ad),
            (r#"<div class="header">Text</div>"#, |h| !h.in_ad),
            (r#"<div class="reading">Text</div>"#, |h| !h.in_ad),
            (r#"<table><tr><td>Text</td></tr></table>"#, |h| {
                h.in_table && h.block_tag == 3
            }),
            (r#"<blockquote><p>Text</p></blockquote>"#, |h| {
                h.in_quote && h.block_tag == 1
            }),
            (r#"<pre>Text</pre>"#, |h| h.in_pre && h.block_tag == 8),
        ];
        for &(html, check) in cases {
            let h = hint(html, "Text");
            assert!(check(&h), "{html}: {h:?}");
        }
    }

    #[test]
    fn article_split_in_sections_is_one_block() {
        let para = "Officials said on Sunday that the talks, which began in March, would resume next week, and that both sides had agreed on a text.";
        let html = format!(
            "<body><nav><a href=/a>World</a></nav><div class=story>\
             <div><p>{para}</p><p>{para}</p></div><div><p>{para}</p><p>{para}</p></div>\
             <div><p>{para}</p><p>{para}</p></div><div><p>{para}</p><p>{para}</p></div></div>\
             <footer><a href=/p>Privacy</a></footer></body>"
        );
        let text = format!("World\n{}\nPrivacy", [para; 8].join("\n"));
        let h = hints(&html, &text);
        let article: Vec<bool> = h.iter().map(|h| h.in_article).collect();
        assert!(!article[0]);
        assert!(article[1..9].iter().all(|&a| a), "{article:?}");
        assert!(!article[9]);
    }

    #[test]
    fn empty_inputs() {
        assert!(hints("", "").is_empty());
        assert_eq!(hints("", "Text"), vec![LineHint::default()]);
        assert!(!hints("<p>Text</p>", "\u{200b}")[0].found);
    }

    #[test]
    fn longest_increasing_keeps_order() {
        let pairs = [(0, 5), (1, 1), (2, 2), (3, 9), (4, 3), (5, 4)];
        let got: Vec<u32> = longest_increasing(&pairs).iter().map(|p| p.1).collect();
        assert_eq!(got, [1, 2, 3, 4]);
        assert!(longest_increasing(&[]).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn tag_soup_never_panics(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::string::string_regex("<(/?)(p|div|a href=x|li|td|tr|table|script|style|nav|b|svg|details|br|h2)( hidden)?>").unwrap(),
                    proptest::string::string_regex("[a-z &;#<>!\"=/\u{e9}\u{5d0}\u{4e2d}\n-]{0,12}").unwrap(),
                ],
                0..60,
            ),
            text in "[a-z \n\r\u{e9}\u{5d0}]{0,40}",
        ) {
            let html: String = parts.concat();
            let ls = segment::lines(&text);
            let h = line_hints(&html, &text, &ls);
            proptest::prop_assert_eq!(h.len(), ls.len());
            for x in h {
                proptest::prop_assert!((0.0..=1.0).contains(&x.link_density));
                proptest::prop_assert!((0.0..=1.0).contains(&x.position));
            }
        }
    }
}
