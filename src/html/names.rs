//! The vocabulary of the page's markup: what a tag is to the tree builder, and the words of
//! class, id, role and itemprop values that name menus, footers, widgets, comments and the
//! article.

/// Context bits an element passes down to everything inside it.
pub(super) mod bit {
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
pub(super) enum Kind {
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
pub(super) fn tag_info(name: &[u8]) -> (Kind, u32, bool) {
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
pub(super) fn tag_code(name: &[u8]) -> u8 {
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
pub(super) fn initial_score(kind: Kind) -> f32 {
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
pub(super) fn class_bits(value: &[u8]) -> u32 {
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
pub(super) fn item_bits(value: &[u8]) -> u32 {
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
pub(super) fn role_bits(value: &[u8]) -> u32 {
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
pub(super) fn style_hides(value: &[u8]) -> bool {
    let squeezed: Vec<u8> = value
        .iter()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let has = |needle: &[u8]| squeezed.windows(needle.len()).any(|w| w == needle);
    has(b"display:none") || has(b"visibility:hidden")
}

/// A cheap hash of a tag name, to match end tags with start tags.
pub(super) fn name_hash(name: &[u8]) -> u64 {
    name.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    })
}
