//! `cargo bench`: straytext's single-threaded speed on the benchmark's dev pages, in MB/s, and how
//! its cost grows with the input (10 KB, 1 MB, 10 MB), plus the example page's latency.
//!
//! Reads `../shared/bench/dev.jsonl.gz` (or `$STRAYTEXT_BENCH_DATA/dev.jsonl.gz`) through
//! `gzip -dc`; skips plainly when it is absent. The side-by-side tables with the peers come from
//! `npm run bench` (`bench/run.sh`).

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use straytext::{analyze, Options};

fn data_dir() -> PathBuf {
    std::env::var_os("STRAYTEXT_BENCH_DATA").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench"),
        PathBuf::from,
    )
}

/// The pasted text of every dev page.
fn pages() -> &'static [String] {
    static PAGES: OnceLock<Vec<String>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let out = Command::new("gzip")
            .arg("-dc")
            .arg(data_dir().join("dev.jsonl.gz"))
            .output()
            .expect("gzip runs");
        String::from_utf8(out.stdout)
            .expect("UTF-8 JSON lines")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("a JSON record");
                v["text"].as_str().expect("a text field").to_string()
            })
            .collect()
    })
}

/// At least `size` bytes of dev pages, one after another.
fn input_of(size: usize) -> String {
    let mut text = String::with_capacity(size + (64 << 10));
    for page in pages().iter().cycle() {
        if text.len() >= size {
            break;
        }
        text.push_str(page);
        text.push('\n');
    }
    text
}

/// Every dev page, one `analyze` call each; 15 passes (about 6 s), so that the median is not
/// one burst of another process's load on a shared machine.
#[divan::bench(sample_count = 15, sample_size = 1)]
fn dev_pages(b: Bencher) {
    let pages = pages();
    let bytes: usize = pages.iter().map(String::len).sum();
    let options = Options::default();
    b.counter(BytesCount::new(bytes)).bench(|| {
        for p in pages {
            black_box(analyze(black_box(p), &options));
        }
    });
}

/// One `analyze` call on an input of about 10 KB, 1 MB and 10 MB.
#[divan::bench(args = [10_000, 1_000_000, 10_000_000], sample_count = 5, sample_size = 1)]
fn growth(b: Bencher, size: usize) {
    let text = input_of(size);
    let options = Options::default();
    b.counter(BytesCount::of_str(&text))
        .bench(|| black_box(analyze(black_box(&text), &options)));
}

/// The example page (`../shared/examples/news-article-pasted.txt`).
#[divan::bench(sample_count = 200)]
fn example_page(b: Bencher) {
    let path = data_dir().join("../examples/news-article-pasted.txt");
    let text = std::fs::read_to_string(path).expect("the example page");
    let options = Options::default();
    b.counter(BytesCount::of_str(&text))
        .bench(|| black_box(analyze(black_box(&text), &options)));
}

fn main() {
    if !data_dir().join("dev.jsonl.gz").exists() {
        println!(
            "skipped: no benchmark data at {} (set STRAYTEXT_BENCH_DATA)",
            data_dir().display()
        );
        return;
    }
    divan::main();
}
