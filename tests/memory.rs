//! Memory: the peak heap `analyze` uses, measured by a counting global allocator (in a test
//! binary of its own, with a single test, so nothing else allocates meanwhile).
//!
//! The bound is 20× the input, plus a fixed allowance per finding and per line for inputs
//! dense with them (each finding carries a reason and offsets in three units: about 200 bytes).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use straytext::{analyze, Options};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged; only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                let now = CURRENT.fetch_add(new_size - layout.size(), Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(now, Relaxed);
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Peak heap growth while analysing `text` (the text itself excluded), with the report's
/// finding and line counts.
fn peak_of(text: &str) -> (usize, usize, usize) {
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    let report = analyze(text, &Options::default());
    let peak = PEAK.load(Relaxed) - base;
    (peak, report.findings.len(), report.lines.len())
}

#[test]
fn peak_memory_stays_within_bounds() {
    let page = "Subscribe\n2,500 $\nAUGUST 2025 يوم متبقٍ\nNegotiators from both sides returned to Doha on Thursday for a fresh round of talks, with mediators saying the gap had narrowed.\nThe discussions are focused on a phased exchange of prisoners and the reopening of two border crossings.\n55 Comments\n";
    let cases: Vec<(&str, String)> = vec![
        ("pages, 5 MB", page.repeat(5_000_000 / page.len())),
        (
            "one 10 MB line",
            "The quick brown fox jumps over the lazy dog. ".repeat(10_000_000 / 45),
        ),
        ("1M empty lines", "\n".repeat(1_000_000)),
        (
            "100k combining marks",
            format!("a{}", "\u{0301}".repeat(100_000)),
        ),
        (
            "ZWJ emoji",
            "👨\u{200D}👩\u{200D}👧\u{200D}👦".repeat(200_000),
        ),
        (
            "all code points",
            (0..=0x10FFFFu32).filter_map(char::from_u32).collect(),
        ),
        ("NUL", "\0".repeat(5_000_000)),
        ("CJK", "日本語の文章を書きます。".repeat(300_000)),
        (
            "dense findings",
            "Subscribe\np\u{0430}ypal word\u{200B}\n".repeat(100_000),
        ),
        (
            "one long mixed-script word",
            "p\u{0430}ypal".repeat(200_000),
        ),
        (
            "alternating scripts, no spaces",
            "a\u{0431}".repeat(500_000),
        ),
    ];
    let mut failures = Vec::new();
    for (name, text) in &cases {
        let (peak, findings, lines) = peak_of(text);
        let ratio = peak as f64 / text.len() as f64;
        // Known exception: letters alternating between two scripts make one script run per
        // letter inside `foreign.rs` (about 40 bytes each), so that input may take up to 30×.
        let factor = if name.starts_with("alternating") {
            30
        } else {
            20
        };
        let bound = factor * text.len() + 400 * (findings + lines);
        eprintln!(
            "{name}: {:.1} MB, peak {:.1} MB ({ratio:.1}× the input), {findings} findings, {lines} lines",
            text.len() as f64 / 1e6,
            peak as f64 / 1e6
        );
        if peak > bound {
            failures.push(format!("{name}: peak {peak} bytes > bound {bound}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
