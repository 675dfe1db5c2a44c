//! Time in proportion to size, in a test binary of its own so that no other test competes for
//! the cores while it measures (cargo runs test binaries one after the other).
//!
//! Built with `[profile.test] opt-level = 1` (see Cargo.toml).

mod common;

use common::{min_time, pages};
use straytext::{analyze, Options};

/// Time in proportion to size: 10 MB takes at most 20 times as long as 1 MB, measured in one
/// run (CPU time, the smallest of a few timings), on a page, on one long
/// line, and on a text dense with findings. Linear work measures 11–14× here (the larger
/// input's maps and vectors no longer fit the caches); a quadratic step would give ≈ 100×,
/// and n^1.35 already 22×. The bound was 15×, which a loaded machine crossed once
/// (15.1×) with no change in the code's cost.
#[test]
fn ten_megabytes_take_at_most_twenty_times_one() {
    type Make = Box<dyn Fn(usize) -> String>;
    let inputs: Vec<(&str, Make)> = vec![
        ("pages", Box::new(pages)),
        (
            "one line",
            Box::new(|n| "The quick brown fox jumps over the lazy dog. ".repeat(n / 45)),
        ),
        (
            "dense findings",
            Box::new(|n| "Subscribe\np\u{0430}ypal word\u{200B}\n".repeat(n / 30)),
        ),
    ];
    for (name, make) in inputs {
        let small = make(1_000_000);
        let large = make(10_000_000);
        let time = |s: &str, n: usize| min_time(n, || drop(analyze(s, &Options::default())));
        let t1 = time(&small, 3);
        let t10 = time(&large, 2);
        let ratio = t10 / t1;
        eprintln!("{name}: 1 MB {t1:.3} s, 10 MB {t10:.3} s, ratio {ratio:.1}");
        assert!(
            ratio <= 20.0,
            "{name}: 10 MB took {ratio:.1}× the time of 1 MB"
        );
    }
}
