//! One sort for the whole crate. Every `sort_by` with its own closure is a new copy of the
//! standard library's sort (3–10 KB of WebAssembly each); in WebAssembly, sorting a permutation
//! of indices with one comparator behind a reference leaves a single copy
//! (tools/size/RESULTS.md). Natively, where a few KB of code cost nothing, each caller gets the
//! standard sort itself (no indirection per comparison). Both are stable, so both give the same
//! order.

use std::cmp::Ordering;
use std::ops::Range;

/// Sorts `v` by `cmp`, stably (equal elements keep their order), like `slice::sort_by`.
// A `Vec`, not a slice: the WebAssembly form drains and refills it.
#[allow(clippy::ptr_arg)]
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(cmp);
    #[cfg(target_arch = "wasm32")]
    sort_in_one_copy(v, cmp);
}

/// [`sort_by`] through [`sort_indices`], the one instantiation of the standard sort.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn sort_in_one_copy<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &|a, b| match (v.get(a), v.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => Ordering::Equal,
    });
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `v` by the key `key` gives, stably, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts byte ranges and merges those that overlap or touch: the result is sorted and disjoint.
pub fn merged_ranges(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    sort_by_key(&mut ranges, |r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Sorts `v` in ascending order (stably, so the result is that of `sort_unstable`).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The one instantiation of the standard sort.
#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_like_the_standard_sorts() {
        let mut rng = 7u64;
        for n in 0..200usize {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    rng = rng
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (((rng >> 33) % 7) as u8, i)
                })
                .collect();
            let (mut a, mut b, mut c) = (v.clone(), v.clone(), v.clone());
            a.sort_by_key(|x| x.0);
            super::sort_by_key(&mut b, |x| x.0);
            super::sort_in_one_copy(&mut c, |x, y| x.0.cmp(&y.0));
            assert_eq!(a, b);
            assert_eq!(a, c);
            let (mut a, mut b) = (v.clone(), v);
            a.sort_unstable();
            super::sort(&mut b);
            assert_eq!(a, b);
        }
    }
}
