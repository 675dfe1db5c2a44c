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

mod align;
mod names;
#[cfg(test)]
mod tests;
mod tree;

pub use align::line_hints;

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

/// How many steps up from a line's block [`LineHint::ancestor_score`] looks.
pub const ANCESTOR_REACH: usize = 5;
