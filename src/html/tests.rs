//! Tests of the hints: HTML in, the hint of each line out.

use super::align::longest_increasing;
use super::tree::parse;
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
    let html =
        "<table><tr><td>Name</td><td><a href=/x>Age</a></td></tr></table><p>First<br>Second</p>";
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
