//! Property tests on arbitrary Unicode: whatever the text, `analyze` does not panic, every
//! offset lies on a char boundary and agrees across the three units (recomputed here from the
//! text), findings are sorted and inside the text, `lines` are exactly the non-empty trimmed
//! lines, `clean_with` is the input minus `removed_ranges` (byte-identical elsewhere), and two
//! runs give the same report.

mod common;

use proptest::prelude::*;
use straytext::{analyze, clean, Options};

/// Pieces pasted text is made of, weighted towards the troublesome ones.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        // Line breaks of every kind, and white space (incl. no-break and ideographic).
        3 => prop::sample::select(vec![
            "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\n\n", " ", "\t", "\u{00A0}", "\u{3000}",
            "\u{2003}", "\u{000B}", "\u{000C}", "\u{0085}",
        ])
        .prop_map(str::to_string),
        // Words in many scripts.
        4 => prop::sample::select(vec![
            "the", "Subscribe", "55 Comments", "2,500 $", "AUGUST 2025", "Подписаться", "мир",
            "يوم", "متبقٍ", "١٢٣ ر.س", "שלום", "תגובות", "می\u{200C}خواهم", "日本語", "コメントを残す",
            "ひらがな", "中文", "评论", "인권(人權)", "댓글", "नमस्ते", "สวัสดี", "αβγ", "Δx", "iPhone",
            "COVID-19", "https://example.com/a?b=c", "user@example.org", "www.x.y", "p\u{0430}ypal",
            "naïve", "café", ".", "!", "?", "…", "()", "x", "©", "|", "·",
        ])
        .prop_map(str::to_string),
        // Invisible and bidi controls, combining marks, emoji and ZWJ sequences, NUL.
        2 => prop::sample::select(vec![
            "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}",
            "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
            "\u{FEFF}", "\u{00AD}", "\u{0301}", "\u{0301}\u{0301}\u{0301}", "\u{064B}", "\0",
            "👨\u{200D}👩\u{200D}👧", "🏳\u{FE0F}\u{200D}🌈", "👍🏽", "😀", "\u{E0041}", "\u{10FFFF}",
            "\u{FFFD}", "\u{1F1FA}\u{1F1F8}",
        ])
        .prop_map(str::to_string),
        // Anything at all.
        3 => any::<String>(),
        1 => prop::collection::vec(any::<char>(), 0..40).prop_map(|v| v.into_iter().collect()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

/// Realistic pages: lines of words with spaces, so that prose, widgets and foreign runs meet.
fn page() -> impl Strategy<Value = String> {
    let line = prop::collection::vec(piece(), 1..25).prop_map(|v| v.join(" "));
    prop::collection::vec(line, 0..25).prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn reports_hold_their_invariants(s in text()) {
        let report = analyze(&s, &Options::default());
        common::check_report(&s, &report);
    }

    #[test]
    fn pages_hold_their_invariants(s in page()) {
        let report = analyze(&s, &Options::default());
        common::check_report(&s, &report);
        // Determinism: a second run gives the same report, and `clean` agrees with it.
        prop_assert_eq!(&report, &analyze(&s, &Options::default()));
        prop_assert_eq!(clean(&s, &Options::default()), straytext::clean_with(&s, &report));
    }

    #[test]
    fn html_never_breaks_the_report(s in page(), html in text()) {
        let report = analyze(&s, &Options::default().with_html(html));
        common::check_report(&s, &report);
    }

    /// Text with no flagged span is given back byte for byte by `clean`.
    #[test]
    fn unflagged_text_is_kept(s in page()) {
        let report = analyze(&s, &Options::default());
        if report.findings.is_empty() {
            prop_assert_eq!(straytext::clean_with(&s, &report), s);
        }
    }
}

/// The independent line cutter used by the checks agrees with hand-made cases (so the property
/// checks themselves can fail).
#[test]
fn expected_lines_follow_the_contract() {
    let text = " a \r\nb\rc\u{2028}\u{2029}d\n\n \te\u{0085}f ";
    let lines: Vec<&str> = common::expected_lines(text)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    // U+0085 (NEL) is white space but not a line break in the contract.
    assert_eq!(lines, ["a", "b", "c", "d", "e\u{0085}f"]);
}

/// The checks catch a wrong report: an offset off by one unit, an unsorted pair, a lost line.
#[test]
fn checks_catch_wrong_reports() {
    let text = "Subscribe\n😀 The talks in Doha ended on Sunday without an agreement, officials said.\nAUGUST 2025 يوم متبقٍ\n";
    let good = analyze(text, &Options::default());
    common::check_report(text, &good);
    assert!(good.findings.len() >= 2);
    let fails =
        |r: straytext::Report| std::panic::catch_unwind(|| common::check_report(text, &r)).is_err();
    let mut r = good.clone();
    r.findings.last_mut().unwrap().end += 1;
    assert!(fails(r), "a UTF-16 end off by one");
    let mut r = good.clone();
    r.findings.last_mut().unwrap().char_start -= 1;
    assert!(fails(r), "a char start off by one");
    let mut r = good.clone();
    r.findings.reverse();
    assert!(fails(r), "unsorted findings");
    let mut r = good.clone();
    r.lines.pop();
    assert!(fails(r), "a missing line");
}
