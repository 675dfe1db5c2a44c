//! Whether the lines around a line repeat a small pattern (a comment thread, a listing, a
//! shop's tiles) and where the line stands relative to the prose outside such patterns: the
//! model's `per_…` inputs.

use super::inputs::{bool_f, phrase_code, shape_code};
use super::LineFeatures;

/// The periodicity inputs of one line (see [`periodicity`]).
pub(super) const PERIOD_INPUTS: usize = 8;

/// The longest period the periodicity inputs look for, in lines.
const MAX_PERIOD: usize = 6;

/// Lines on each side of a line in which its periodicity is measured.
const PERIOD_WINDOW: usize = 12;

/// A coarse class of a line for the periodicity inputs: its shape, else its UI phrase, else
/// "long" for prose and lines over 100 characters (a comment's or a teaser's text varies in
/// length), else its length (up to 30 characters, up to 100) and whether it ends a sentence.
fn line_class(f: &LineFeatures) -> u8 {
    match (f.shape, f.phrase) {
        (Some(_), _) => shape_code(f) as u8,
        (None, Some(_)) => 8 + phrase_code(f) as u8,
        (None, None) if f.prose || f.chars > 100 => 16,
        (None, None) => 17 + 2 * u8::from(f.chars > 30) + u8::from(f.terminal),
    }
}

/// Bit p - 1 of the j-th byte: the pair of lines (j, j + p) matches (same `class`, and a line
/// that is not prose among the p lines from j: `not_prose[j]` counts those before j, with one
/// entry more than `class`). Every test is made, without a branch per pair (whether a pair
/// matches is what the CPU cannot predict).
fn period_bits(class: &[u8], not_prose: &[u32]) -> Vec<u8> {
    let n = class.len();
    (0..n)
        .map(|j| {
            let c = class.get(j).copied();
            let before = not_prose.get(j).copied().unwrap_or(u32::MAX);
            let mut bits = 0u8;
            for p in 1..=MAX_PERIOD {
                let k = j + p;
                // Past the end, `get` gives `None` / 0: never a match, as `k < n` says.
                let same = class.get(k).copied() == c;
                let other = not_prose.get(k).copied().unwrap_or(0) > before;
                bits |= u8::from((k < n) & same & other) << (p - 1);
            }
            bits
        })
        .collect()
}

/// Whether the lines around each line repeat a small pattern (a comment thread's name / date /
/// text / "Reply", a listing's title / summary, a shop's product tiles), unlike an article's run
/// of prose paragraphs, and where the line stands relative to the prose outside such patterns
/// (an article's, not a thread's). `logs` holds each line's `log_chars`.
///
/// For each period p from 1 to [`MAX_PERIOD`], a pair of lines p apart matches when both have
/// the same [`line_class`] and the p lines from the first hold a line that is not prose (so a
/// run of prose paragraphs does not repeat). Per line, in the ±[`PERIOD_WINDOW`] lines around
/// it (the inputs `per_…` of [`INPUT_NAMES`](super::INPUT_NAMES)):
/// - the best share of matching pairs over the periods p ≥ 2, and its excess over p = 1 (a
///   menu repeats at every period, a pattern only at its own);
/// - at that period, the repeats of the pattern (the run of consecutive matching pairs) the line
///   is part of, and whether the line is the longest of its cycle in a pattern repeated at least
///   twice (a teaser's summary, a comment's text);
/// - the share of the window's characters in periodic lines (part of a pattern whose best share
///   is at least one half);
/// - the share of the page's non-periodic prose characters before and after the line, and their
///   amount (log).
///
/// Linear in the lines (prefix sums per period); a few arrays per page, none per line.
pub(super) fn periodicity(feats: &[LineFeatures], logs: &[f32]) -> Vec<[f32; PERIOD_INPUTS]> {
    let n = feats.len();
    let class: Vec<u8> = feats.iter().map(line_class).collect();
    // not_prose[j]: non-prose lines before j.
    let mut not_prose = vec![0u32; n + 1];
    for (j, f) in feats.iter().enumerate() {
        not_prose[j + 1] = not_prose[j] + u32::from(!f.prose);
    }
    let bits = period_bits(&class, &not_prose);
    let matching =
        |j: usize, p: usize| -> bool { bits.get(j).is_some_and(|b| b >> (p - 1) & 1 == 1) };
    // For each period p (at (p - 1) * stride): matching pairs starting before j (prefix sums),
    // and the first and last pair of the run of consecutive matching pairs that j is in.
    let stride = n + 1;
    let mut matches = vec![0u32; MAX_PERIOD * stride];
    let mut run_start = vec![0u32; MAX_PERIOD * stride];
    let mut run_end = vec![0u32; MAX_PERIOD * stride];
    for p in 1..=MAX_PERIOD {
        let base = (p - 1) * stride;
        // Without a branch on `m` (where runs start and end is what the CPU cannot predict):
        // every line gets a value, read only for the lines whose pair matches.
        let (mut start, mut prev) = (0usize, false);
        for j in 0..n {
            let m = matching(j, p);
            matches[base + j + 1] = matches[base + j] + u32::from(m);
            start = if m & !prev { j } else { start };
            run_start[base + j] = start as u32;
            prev = m;
        }
        let (mut end, mut next) = (0usize, false);
        for j in (0..n).rev() {
            let m = matching(j, p);
            end = if m & !next { j } else { end };
            run_end[base + j] = end as u32;
            next = m;
        }
    }
    // The share of matching pairs (j, j + p) inside the window around i.
    let share = |i: usize, p: usize| -> f32 {
        let a = i.saturating_sub(PERIOD_WINDOW);
        let b = (i + PERIOD_WINDOW + 1).min(n);
        if b < a + p + 1 {
            return 0.0;
        }
        let base = (p - 1) * stride;
        let last = b - p; // pairs start in a..last
        (matches[base + last] - matches[base + a]) as f32 / (last - a) as f32
    };
    let mut out = Vec::with_capacity(n);
    // Characters before each line: all, of periodic lines, of prose outside periodic lines.
    let mut chars = vec![0f64; n + 1];
    let mut periodic_chars = vec![0f64; n + 1];
    let mut article = vec![0f64; n + 1];
    for (i, f) in feats.iter().enumerate() {
        let s1 = share(i, 1);
        let (mut best, mut period) = (0f32, 0usize);
        for p in 2..=MAX_PERIOD {
            let s = share(i, p);
            if s > best {
                best = s;
                period = p;
            }
        }
        let (mut repeats, mut long_member, mut periodic) = (0f32, false, false);
        if period > 0 {
            let base = (period - 1) * stride;
            // The run of matching pairs the line is in, as the first or the second of a pair.
            let run = if matching(i, period) {
                Some(i)
            } else if i >= period && matching(i - period, period) {
                Some(i - period)
            } else {
                None
            };
            if let Some(j) = run {
                let (s, e) = (run_start[base + j] as usize, run_end[base + j] as usize);
                repeats = (e - s + 1 + period) as f32 / period as f32;
                let cycle = i - (i - s) % period;
                let longest = logs
                    .get(cycle..(cycle + period).min(n))
                    .unwrap_or(&[])
                    .iter()
                    .all(|&g| g <= logs[i]);
                long_member = longest && repeats >= 2.0;
                periodic = best >= 0.5;
            }
        }
        chars[i + 1] = chars[i] + f.chars as f64;
        periodic_chars[i + 1] = periodic_chars[i] + if periodic { f.chars as f64 } else { 0.0 };
        article[i + 1] = article[i]
            + if f.prose && !periodic {
                f.chars as f64
            } else {
                0.0
            };
        out.push([
            best,
            best - s1,
            repeats.min(50.0),
            bool_f(long_member),
            0.0,
            0.0,
            0.0,
            0.0,
        ]);
    }
    let total = article[n];
    for (i, o) in out.iter_mut().enumerate() {
        let a = i.saturating_sub(PERIOD_WINDOW);
        let b = (i + PERIOD_WINDOW + 1).min(n);
        let c = chars[b] - chars[a];
        if c > 0.0 {
            o[4] = ((periodic_chars[b] - periodic_chars[a]) / c) as f32;
        }
        if total > 0.0 {
            o[5] = (article[i] / total) as f32;
            o[6] = ((total - article[i + 1]) / total) as f32;
        }
        o[7] = (1.0 + total as f32).ln();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{extract, model_inputs, INPUTS, INPUT_NAMES};
    use crate::segment;

    #[test]
    fn period_bits_are_the_pairs_that_match() {
        let mut rng = crate::testing::XorShift(5);
        for round in 0..3000 {
            let n = round % 40;
            let class: Vec<u8> = (0..n).map(|_| (rng.next_u64() % 4) as u8).collect();
            let mut not_prose = vec![0u32; n + 1];
            for j in 0..n {
                not_prose[j + 1] = not_prose[j] + u32::from(rng.next_u64() % 3 == 0);
            }
            let slow: Vec<u8> = (0..n)
                .map(|j| {
                    (1..=MAX_PERIOD)
                        .filter(|&p| {
                            j + p < n && class[j] == class[j + p] && not_prose[j + p] > not_prose[j]
                        })
                        .fold(0u8, |b, p| b | 1 << (p - 1))
                })
                .collect();
            assert_eq!(period_bits(&class, &not_prose), slow);
        }
    }

    #[test]
    fn repeating_patterns_of_lines() {
        // An article of prose paragraphs, then a comment thread: name / date / text / "Reply".
        let mut text = String::from("A Headline About Things\n\n");
        for k in 0..16 {
            text.push_str(&format!(
                "This is paragraph {k} of the article, and it goes on for a while so that it \
                 reads as prose with a full stop, the way an article's paragraphs do.\n\n"
            ));
        }
        for k in 0..6 {
            text.push_str(&format!(
                "user{k}\n3 hours ago\nI think this comment number {k} is a long enough text \
                 with its own sentence, and it ends with a full stop as comments do.\nReply\n"
            ));
        }
        let ls = segment::lines(&text);
        let (feats, facts) = extract(&text, &ls, None);
        let inputs = model_inputs(&feats, &facts);
        let at = |i: usize, name: &str| {
            let k = INPUT_NAMES.iter().position(|n| *n == name).unwrap();
            inputs[i * INPUTS + k]
        };
        let line = |needle: &str| {
            ls.iter()
                .position(|l| text[l.range.clone()].contains(needle))
                .unwrap()
        };
        // The article's paragraphs do not repeat a pattern; the thread does, with period 4.
        let para = line("paragraph 2 ");
        assert!(at(para, "per_best") < 0.3, "{}", at(para, "per_best"));
        assert_eq!(at(para, "per_long_member"), 0.0);
        let comment = line("comment number 3");
        assert!(
            at(comment, "per_best") >= 0.5,
            "{}",
            at(comment, "per_best")
        );
        assert!(
            at(comment, "per_repeats") >= 4.0,
            "{}",
            at(comment, "per_repeats")
        );
        assert_eq!(at(comment, "per_long_member"), 1.0);
        let reply = comment + 1;
        assert_eq!(at(reply, "per_long_member"), 0.0);
        assert!(
            at(reply, "per_win_share") > 0.5,
            "{}",
            at(reply, "per_win_share")
        );
    }
}
