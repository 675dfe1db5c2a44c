//! CPU cost of the tree walk alone, for a model file given at run time (so that model variants
//! can be compared without rebuilding the crate): parses `MODEL.bin` and scores the input rows
//! of a feature dump (`examples/dump_features.rs` output, the first `inputs` numbers of each
//! row) `ROUNDS` times, with [`straytext::model::Forest::probabilities`].
//!
//! `taskset -c 0 target/release/examples/forest_speed data/line-model.bin target/quality/dev.plain.tsv [ROUNDS]`

#[path = "common/cpu.rs"]
mod cpu;
use cpu::cpu_seconds;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: forest_speed MODEL.bin DUMP.tsv [ROUNDS]";
    let model = std::fs::read(args.next().ok_or(usage)?)?;
    let dump = std::fs::read_to_string(args.next().ok_or(usage)?)?;
    let rounds: usize = args.next().map_or(Ok(10), |r| r.parse())?;
    let forest = straytext::model::Forest::parse(&model).ok_or("not a model file")?;
    let stride = forest.inputs();
    // Dump columns: id, source, line, gold, label, chars, then the inputs.
    let mut rows = Vec::new();
    let mut n = 0usize;
    for line in dump.lines().skip(1) {
        let cols: Vec<f32> = line
            .split('\t')
            .skip(6)
            .take(stride)
            .map(|v| v.parse().unwrap_or(0.0))
            .collect();
        if cols.len() == stride {
            rows.extend(cols);
            n += 1;
        }
    }
    let c = cpu_seconds();
    let mut noise = 0usize;
    for _ in 0..rounds {
        let p = forest.probabilities(&rows, stride, n);
        noise += p.iter().filter(|&&p| p >= forest.threshold()).count();
    }
    let cpu = cpu_seconds() - c;
    println!(
        "{} bytes, {n} lines x {rounds} rounds in {cpu:.2} s CPU = {:.0} ns a line ({noise} at or above the threshold)",
        model.len(),
        cpu * 1e9 / (n * rounds) as f64
    );
    Ok(())
}
