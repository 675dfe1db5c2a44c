//! The examples' CPU clock (shared by `line_speed` and `scaling`).

/// This process's CPU time in seconds (user + system, from /proc; 0 where there is none): on a
/// loaded machine it measures the work better than the wall clock.
pub fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1.to_string();
            let f: Vec<&str> = rest.split_whitespace().collect();
            // Fields 14 and 15 of stat (utime, stime, in ticks of 1/100 s) come 12th and 13th
            // after the ')'.
            let utime: f64 = f.get(11)?.parse().ok()?;
            let stime: f64 = f.get(12)?.parse().ok()?;
            Some((utime + stime) / 100.0)
        })
        .unwrap_or(0.0)
}
