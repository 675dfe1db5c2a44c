//! Hostile text: huge lines, millions of empty lines, walls of combining marks, every bidi
//! control, ZWJ emoji runs, every code point, mixed line breaks, NUL bytes, a 50 MB paste.
//! Each gets a correct report (every invariant of the contract, checked independently) in time
//! proportional to its size.
//!
//! Built with `[profile.test] opt-level = 1` (see Cargo.toml), so this runs in seconds.

mod common;

use common::pages;
use std::time::Instant;
use straytext::{analyze, Kind, Options, Report};

fn analyzed(name: &str, text: &str) -> Report {
    let t = Instant::now();
    let report = analyze(text, &Options::default());
    eprintln!(
        "{name}: {:.1} MB in {:.2} s, {} findings, {} lines",
        text.len() as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        report.findings.len(),
        report.lines.len()
    );
    common::check_report(text, &report);
    report
}

#[test]
fn ten_megabytes_on_one_line() {
    let text = "The quick brown fox jumps over the lazy dog, and the dog does not mind. "
        .repeat(10_000_000 / 72);
    let r = analyzed("10 MB line", &text);
    assert_eq!(r.lines.len(), 1);
}

#[test]
fn a_million_empty_lines() {
    for brk in ["\n", "\r\n", "\r", "\u{2028}"] {
        let text = brk.repeat(1_000_000);
        let r = analyzed("1M empty lines", &text);
        assert!(r.lines.is_empty() && r.findings.is_empty());
        assert_eq!(straytext::clean_with(&text, &r), text);
    }
    let text = format!("{}Subscribe{}", "\n".repeat(500_000), " \n".repeat(500_000));
    let r = analyzed("1M empty lines around one", &text);
    assert_eq!(r.lines.len(), 1);
}

#[test]
fn a_hundred_thousand_combining_marks_on_one_letter() {
    for mark in ['\u{0301}', '\u{064B}', '\u{0E31}', '\u{093F}'] {
        let text = format!(
            "Zalgo text is hard to read.\na{}\nThe end of the page, where the text stops.",
            mark.to_string().repeat(100_000)
        );
        let r = analyzed("100k combining marks", &text);
        assert_eq!(r.lines.len(), 3);
    }
}

#[test]
fn every_bidi_control_is_flagged() {
    let controls = [
        '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
        '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    ];
    let mut text = String::from("The invoice file is attached below.\n");
    for c in controls {
        text.push_str(&format!("file{c}name.txt\n"));
    }
    let r = analyzed("bidi controls", &text);
    for c in controls {
        assert!(
            r.findings
                .iter()
                .any(|f| f.kind == Kind::Invisible && text[f.bytes()] == c.to_string()),
            "U+{:04X} is flagged",
            c as u32
        );
    }
    // All of them in one run, repeated across a megabyte.
    let run: String = controls.iter().collect();
    let text = format!("abc {run} def\n").repeat(30_000);
    let r = analyzed("bidi runs", &text);
    assert_eq!(
        r.findings
            .iter()
            .filter(|f| f.kind == Kind::Invisible)
            .count(),
        30_000,
        "one finding per run of controls"
    );
}

#[test]
fn long_zwj_emoji_runs_are_not_invisible_characters() {
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
    let text = format!("Our family photo {}\n", family.repeat(200_000));
    let r = analyzed("ZWJ emoji", &text);
    assert!(r.findings.iter().all(|f| f.kind != Kind::Invisible));
    // A joiner between letters of a Latin word is not legitimate.
    let text = "pay\u{200D}pal ".repeat(100_000);
    let r = analyzed("ZWJ in Latin words", &text);
    assert_eq!(
        r.findings
            .iter()
            .filter(|f| f.kind == Kind::Invisible)
            .count(),
        100_000
    );
}

#[test]
fn every_code_point_in_order() {
    let all: String = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
    assert_eq!(all.chars().count(), 0x110000 - 0x800);
    analyzed("all code points", &all);
    // And in reverse, one per line.
    let lines: String = (0..=0x10FFFFu32)
        .rev()
        .filter_map(char::from_u32)
        .flat_map(|c| [c, '\n'])
        .collect();
    analyzed("all code points, one per line", &lines);
}

#[test]
fn mixed_line_breaks() {
    let breaks = ["\r\n", "\r", "\n", "\u{2028}", "\u{2029}", "\r\r\n", "\n\r"];
    let mut text = String::new();
    let mut want = 0;
    for i in 0..200_000 {
        text.push_str(if i % 5 == 0 { "Subscribe" } else { "word" });
        want += 1;
        text.push_str(breaks[i % breaks.len()]);
    }
    let r = analyzed("mixed breaks", &text);
    assert_eq!(r.lines.len(), want);
}

#[test]
fn nul_bytes() {
    let text = "\0".repeat(1_000_000);
    let r = analyzed("NUL", &text);
    assert_eq!(r.lines.len(), 1);
    let text = pages(500_000).replace(' ', "\0 ");
    analyzed("NUL in a page", &text);
}

#[test]
fn a_fifty_megabyte_paste() {
    let text = pages(50_000_000);
    let r = analyzed("50 MB paste", &text);
    assert!(r.findings.iter().any(|f| f.kind == Kind::ForeignScript));
    let clean = straytext::clean_with(&text, &r);
    assert!(clean.len() < text.len() && clean.contains("Negotiators from both sides"));
}

/// Hostile HTML on the clipboard: deep nesting, unclosed tags, huge attributes, entities,
/// script and style: no stack overflow, a correct report, and text inside `<script>`/`<style>`
/// is never found as page text.
#[test]
fn hostile_html() {
    let text = "Subscribe\nThe talks in Doha ended on Sunday without an agreement, officials from both delegations said.\nvar tracker = load('ads');\n";
    let lines = straytext::segment::lines(text);
    let cases = [
        format!("{}{}", "<div>".repeat(10_000), "The talks in Doha"),
        format!("{}x{}", "<b><i>".repeat(50_000), "</i></b>".repeat(50_000)),
        "<p>unclosed <b>tags <a href='x".repeat(20_000),
        format!("<p title=\"{}\">Subscribe</p>", "x".repeat(5_000_000)),
        "&amp;&lt;&#x41;&#65;&#0;&#xD800;&#x110000;&unknown;&".repeat(50_000),
        format!("<!--{}", "-".repeat(1_000_000)),
        "<script>var tracker = load('ads');</script><style>.a{}</style><p>The talks in Doha ended on Sunday without an agreement, officials from both delegations said.</p>".to_string(),
        "<svg><script>var tracker = load('ads');</script></svg><noscript>Subscribe</noscript>".to_string(),
    ];
    for html in &cases {
        let report = analyze(text, &Options::default().with_html(html.as_str()));
        common::check_report(text, &report);
        let hints = straytext::html::line_hints(html, text, &lines);
        assert_eq!(hints.len(), lines.len());
        if html.contains("<script>var tracker") {
            assert!(!hints[2].found, "script text is never page text");
        }
    }
}
