//! Cost against input size: `analyze` on each file given, repeated until at least half a
//! second of CPU time has passed, in MB/s of CPU time (single thread).
//!
//! `cargo run --release --example scaling -- 10k.txt 1m.txt 10m.txt`

#[path = "common/cpu.rs"]
mod cpu;
use cpu::cpu_seconds;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let options = straytext::Options::default();
        let started = cpu_seconds();
        let mut runs = 0u32;
        let mut lines = 0usize;
        while runs == 0 || cpu_seconds() - started < 0.5 {
            lines += straytext::analyze(&text, &options).lines.len();
            runs += 1;
        }
        let cpu = (cpu_seconds() - started) / f64::from(runs);
        println!(
            "{path}: {} bytes, {} lines, {:.3} ms CPU per call, {:.1} MB/s ({runs} runs)",
            text.len(),
            lines / runs as usize,
            cpu * 1e3,
            text.len() as f64 / cpu / 1e6
        );
    }
    Ok(())
}
