//! Invariants every report must satisfy, checked independently of the library's own code:
//! the offsets are recomputed from the text, the lines re-cut, the clean text rebuilt.
#![allow(dead_code)]

use std::ops::Range;
use straytext::{clean_with, removed_ranges, Report};

/// The non-empty trimmed lines of `text` as byte ranges, per the contract: a line is a maximal
/// run between `\n`, `\r\n`, `\r`, U+2028 and U+2029, trimmed of white space.
pub fn expected_lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let b = text.as_bytes();
    let mut push = |s: usize, e: usize| {
        let raw = &text[s..e];
        let t = raw.trim_start();
        let lead = raw.len() - t.len();
        let t = t.trim_end();
        if !t.is_empty() {
            out.push(s + lead..s + lead + t.len());
        }
    };
    while i < b.len() {
        let brk = match b[i] {
            b'\n' => Some(1),
            b'\r' if b.get(i + 1) == Some(&b'\n') => Some(2),
            b'\r' => Some(1),
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => {
                Some(3)
            }
            _ => None,
        };
        match brk {
            Some(n) => {
                push(start, i);
                i += n;
                start = i;
            }
            None => i += 1,
        }
    }
    push(start, b.len());
    out
}

/// (char, utf16) offsets of every byte offset in `wanted` (sorted, on char boundaries), by a
/// single walk over the text: usable on very large texts.
fn positions(
    text: &str,
    wanted: &mut Vec<usize>,
) -> std::collections::HashMap<usize, (usize, usize)> {
    wanted.sort_unstable();
    wanted.dedup();
    let mut map = std::collections::HashMap::with_capacity(wanted.len());
    let (mut chars, mut units, mut at) = (0usize, 0usize, 0usize);
    for &w in wanted.iter() {
        assert!(w <= text.len(), "offset {w} past the end ({})", text.len());
        assert!(
            text.is_char_boundary(w),
            "offset {w} is not on a char boundary"
        );
        for c in text[at..w].chars() {
            chars += 1;
            units += c.len_utf16();
        }
        at = w;
        map.insert(w, (chars, units));
    }
    map
}

/// Checks every invariant of the contract on `report` for `text`; panics with the reason.
pub fn check_report(text: &str, report: &Report) {
    // Lines: exactly the non-empty trimmed lines, in order.
    let got: Vec<Range<usize>> = report.lines.iter().map(|l| l.bytes()).collect();
    let want = expected_lines(text);
    if got != want {
        let first = got.iter().zip(&want).position(|(a, b)| a != b);
        panic!(
            "lines differ: {} reported, {} expected; first difference at {:?}",
            got.len(),
            want.len(),
            first.map(|i| (&got[i], &want[i]))
        );
    }

    // Offsets in the three units, recomputed from the text.
    let mut wanted: Vec<usize> = report
        .findings
        .iter()
        .flat_map(|f| [f.byte_start, f.byte_end])
        .chain(report.lines.iter().flat_map(|l| [l.byte_start, l.byte_end]))
        .collect();
    let pos = positions(text, &mut wanted);
    for f in &report.findings {
        assert!(f.byte_start < f.byte_end, "empty finding {f:?}");
        assert_eq!(
            (f.char_start, f.start),
            pos[&f.byte_start],
            "start of {f:?}"
        );
        assert_eq!((f.char_end, f.end), pos[&f.byte_end], "end of {f:?}");
        assert!((0.0..=1.0).contains(&f.score), "score of {f:?}");
        assert!(!f.reason.is_empty(), "reason of {f:?}");
        assert_eq!(
            f.subkind.is_some(),
            f.kind == straytext::Kind::UiText,
            "a subkind exactly for ui_text: {f:?}"
        );
    }
    for l in &report.lines {
        assert_eq!((l.char_start, l.start), pos[&l.byte_start]);
        assert_eq!((l.char_end, l.end), pos[&l.byte_end]);
        assert!((0.0..=1.0).contains(&l.score));
    }

    // Findings sorted by start (in every unit).
    for w in report.findings.windows(2) {
        assert!(w[0].start <= w[1].start, "findings out of order: {w:?}");
        assert!(w[0].byte_start <= w[1].byte_start);
    }

    // Clean text: the input minus the removed ranges, byte-identical elsewhere; every removed
    // range is made of flagged spans (plus the white space and break of removed lines).
    let ranges = removed_ranges(text, report);
    let mut rebuilt = String::with_capacity(text.len());
    let mut at = 0;
    for r in &ranges {
        assert!(
            r.start >= at && r.start < r.end && r.end <= text.len(),
            "range {r:?}"
        );
        rebuilt.push_str(&text[at..r.start]);
        at = r.end;
    }
    rebuilt.push_str(&text[at..]);
    let clean = clean_with(text, report);
    assert!(
        clean == rebuilt,
        "clean differs from the text minus the removed ranges"
    );
    // Inside removed ranges, everything not flagged is white space or a line break.
    let mut fi = 0;
    for r in &ranges {
        let mut covered = r.start;
        while fi < report.findings.len() && report.findings[fi].byte_start < r.end {
            let f = &report.findings[fi];
            if f.byte_start > covered {
                let gap = &text[covered..f.byte_start];
                assert!(
                    gap.chars().all(char::is_whitespace),
                    "removed range {r:?} takes unflagged text {gap:?}"
                );
            }
            covered = covered.max(f.byte_end);
            fi += 1;
        }
        if covered < r.end {
            let gap = &text[covered..r.end];
            assert!(
                gap.chars().all(char::is_whitespace),
                "removed range {r:?} takes unflagged text {gap:?}"
            );
        }
    }
    for f in &report.findings {
        let i = ranges.partition_point(|r| r.end <= f.byte_start);
        assert!(
            i < ranges.len() && ranges[i].start <= f.byte_start && f.byte_end <= ranges[i].end,
            "finding {:?} not removed",
            f.bytes()
        );
    }
}

/// Seconds of CPU this thread has used (Linux: `/proc/thread-self/schedstat`, nanoseconds), so
/// that other processes on a busy machine do not distort time ratios; elsewhere wall time. The
/// clock of a running thread advances at scheduler ticks: time inputs that take many ticks.
pub fn cpu_seconds() -> f64 {
    thread_local!(static START: std::time::Instant = std::time::Instant::now());
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .filter(|&ns| ns > 0)
        .map_or_else(
            || START.with(|s| s.elapsed().as_secs_f64()),
            |ns| ns as f64 / 1e9,
        )
}

/// CPU seconds per call of `f`: the smallest of `n` measurements, each of which calls `f` as
/// many times as it takes to use at least 50 ms of CPU (the clock advances at scheduler ticks of
/// up to 10 ms, so a single fast call would read as zero or one tick).
pub fn min_time(n: usize, mut f: impl FnMut()) -> f64 {
    (0..n)
        .map(|_| {
            let t = cpu_seconds();
            let mut calls = 0u32;
            loop {
                f();
                calls += 1;
                let spent = cpu_seconds() - t;
                if spent >= 0.05 {
                    return spent / f64::from(calls);
                }
            }
        })
        .fold(f64::INFINITY, f64::min)
}

/// A page of the kind people paste, about 2 KB: menu, widgets, prose, a foreign run.
pub fn page() -> String {
    let mut p = String::new();
    for line in [
        "Home",
        "World",
        "Subscribe",
        "2,500 $",
        "AUGUST 2025 يوم متبقٍ",
        "Talks resume in Doha as negotiators report progress",
        "Negotiators from both sides returned to Doha on Thursday for a fresh round of talks, with mediators saying the gap between the two delegations had narrowed.",
        "The discussions are focused on a phased exchange of prisoners and the reopening of two border crossings that have been closed since the spring.",
        "\"We are closer than we have been at any point this year,\" one mediator told reporters outside the hotel, speaking on condition of anonymity.",
        "Previous rounds collapsed over the sequencing of the releases and over guarantees that the crossings would stay open once the first phase was complete.",
        "Share this article",
        "55 Comments",
        "Notify of",
        "We use cookies to improve your experience. By continuing to browse the site you agree to our use of cookies.",
    ] {
        p.push_str(line);
        p.push('\n');
    }
    p
}

/// `page()` repeated to about `bytes`, each copy numbered so that lines are not all duplicates.
pub fn pages(bytes: usize) -> String {
    let one = page();
    let mut s = String::with_capacity(bytes + one.len());
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&one);
        s.push_str(&format!("Page {i} of the archive\n"));
        i += 1;
    }
    s
}
