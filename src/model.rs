//! The line model: a small forest of gradient-boosted decision trees that reads the inputs of
//! [`crate::features::model_inputs`] and gives the probability that a line is noise.
//!
//! The trees are trained by `tools/quality/train.py` (LightGBM, page-grouped cross-validation)
//! and shipped as three compact little-endian files of complete binary trees of one depth `d`:
//! `data/line-model-words.bin` reads the plain-text inputs (the first
//! [`PLAIN_INPUTS`](crate::features::PLAIN_INPUTS)) and serves the plain-text pages whose words
//! the word table knows; `data/line-model.bin` reads the same inputs but the word scores (the
//! last [`WORD_INPUTS`](crate::features::WORD_INPUTS) of them) and serves the other plain-text
//! pages (a language the table has not learned); `data/line-model-html.bin` reads all of them,
//! the clipboard HTML's line hints too, and serves the pages whose HTML was given:
//!
//! ```text
//! "STM3"  u16 inputs  u16 trees  u8 d  f32 threshold  f32 leaf_scale
//! per tree: (2^d - 1) × u8 input, (2^d - 1) × f32 split, 2^d × i16 leaf (times leaf_scale)
//! ```
//!
//! Nodes are in level order (node k has children 2k+1 and 2k+2); a line goes right when its
//! input is greater than the split value. Every tree is walked in exactly `d` steps, without
//! data-dependent branches, which keeps the evaluation fast. The probability is the logistic
//! function of the sum of the leaves reached. A malformed file yields no model (the classifier
//! then falls back to its rules); evaluation never panics.

use std::sync::OnceLock;

const MODEL: &[u8] = include_bytes!("../data/line-model.bin");
const WORD_MODEL: &[u8] = include_bytes!("../data/line-model-words.bin");
const HTML_MODEL: &[u8] = include_bytes!("../data/line-model-html.bin");

/// A forest of complete binary-classification trees of one depth, stored flat.
#[derive(Debug, Clone)]
pub struct Forest {
    inputs: usize,
    depth: usize,
    threshold: f32,
    /// Per tree, `2^depth - 1` split inputs.
    split_inputs: Vec<u8>,
    /// Per tree, `2^depth - 1` split values.
    split_values: Vec<f32>,
    /// Per tree, `2^depth` leaves.
    leaves: Vec<f32>,
    /// The same trees in the evaluation layout of [`Fast`], when the depth has one.
    fast: Option<Fast>,
    /// The same trees in the layout of [`Masked`], for many lines at once, when the depth has
    /// one and the target has vector compares by default (not WebAssembly without SIMD, where
    /// [`Fast`]'s walk is faster).
    masked: Option<Masked>,
}

/// The trees laid out for evaluation without bounds checks: per tree, one array of `N` split
/// inputs and split values (node `k < 2^d - 1` at index `k`) and one of `N` leaves (leaf `j` at
/// index `j`), with `N` a power of two at least `2^d`, so that every index is masked by `N - 1`
/// and provably in bounds. Two sizes, so that the walks are compiled twice and not once per
/// depth (each per-depth copy of the 16-line walk was ≈ 1.5 KB of WebAssembly).
#[derive(Debug, Clone)]
enum Fast {
    /// Depths 1 to 5.
    Small(usize, Vec<Tree<32>>),
    /// Depths 6 to 8.
    Large(usize, Vec<Tree<256>>),
}

/// One tree of [`Fast`]: room for `N` nodes.
#[derive(Debug, Clone)]
struct Tree<const N: usize> {
    inputs: [u8; N],
    splits: [f32; N],
    leaves: [f32; N],
}

impl<const N: usize> Tree<N> {
    /// Lays out the trees of a parsed forest of this depth (`2^depth <= N`).
    fn all(
        depth: usize,
        split_inputs: &[u8],
        split_values: &[f32],
        leaves: &[f32],
    ) -> Vec<Tree<N>> {
        let n_split = (1usize << depth) - 1;
        split_inputs
            .chunks_exact(n_split)
            .zip(split_values.chunks_exact(n_split))
            .zip(leaves.chunks_exact(n_split + 1))
            .map(|((i, v), l)| {
                let mut t = Tree {
                    inputs: [0; N],
                    splits: [0.0; N],
                    leaves: [0.0; N],
                };
                t.inputs[..n_split].copy_from_slice(i);
                t.splits[..n_split].copy_from_slice(v);
                t.leaves[..=n_split].copy_from_slice(l);
                t
            })
            .collect()
    }

    /// The sum of the leaves the line `x` reaches, tree after tree (the order of the sum is
    /// the file's, so the result is the same float as a plain walk gives).
    #[inline(always)]
    fn sum(trees: &[Tree<N>], depth: usize, x: &[f32; 256]) -> f32 {
        let mask = N - 1;
        let n_split = (1usize << depth) - 1;
        let mut sum = 0.0f32;
        for t in trees {
            let mut k = 0usize;
            for _ in 0..depth {
                let at = k & mask;
                let v = x[usize::from(t.inputs[at])];
                k = 2 * k + 1 + usize::from(v > t.splits[at]);
            }
            sum += t.leaves[k.wrapping_sub(n_split) & mask];
        }
        sum
    }

    /// [`Tree::sum`] of `L` lines at once: independent walks per tree keep more work in
    /// flight while each waits for its loads (each sum in the file's order, so the same floats).
    #[inline(always)]
    fn sum_lines<const L: usize>(
        trees: &[Tree<N>],
        depth: usize,
        xs: &[[f32; 256]; L],
    ) -> [f32; L] {
        let mask = N - 1;
        let n_split = (1usize << depth) - 1;
        let mut sums = [0.0f32; L];
        for t in trees {
            let mut ks = [0usize; L];
            for _ in 0..depth {
                for (k, x) in ks.iter_mut().zip(xs) {
                    let at = *k & mask;
                    *k = 2 * *k + 1 + usize::from(x[usize::from(t.inputs[at])] > t.splits[at]);
                }
            }
            for (sum, k) in sums.iter_mut().zip(ks) {
                *sum += t.leaves[k.wrapping_sub(n_split) & mask];
            }
        }
        sums
    }
}

impl Fast {
    /// The evaluation layout of a parsed forest of this depth, if there is one for it.
    fn build(
        depth: usize,
        split_inputs: &[u8],
        split_values: &[f32],
        leaves: &[f32],
    ) -> Option<Fast> {
        let (i, v, l) = (split_inputs, split_values, leaves);
        Some(match depth {
            1..=5 => Fast::Small(depth, Tree::all(depth, i, v, l)),
            6..=8 => Fast::Large(depth, Tree::all(depth, i, v, l)),
            _ => return None,
        })
    }

    /// The raw score of a line whose inputs are `x` (zero past the real inputs).
    fn raw(&self, x: &[f32; 256]) -> f32 {
        match self {
            Fast::Small(d, t) => Tree::sum(t, *d, x),
            Fast::Large(d, t) => Tree::sum(t, *d, x),
        }
    }

    /// [`Fast::raw`] of `L` lines.
    fn raw_lines<const L: usize>(&self, xs: &[[f32; 256]; L]) -> [f32; L] {
        match self {
            Fast::Small(d, t) => Tree::sum_lines(t, *d, xs),
            Fast::Large(d, t) => Tree::sum_lines(t, *d, xs),
        }
    }
}

/// The trees of depth ≤ 5 laid out for evaluating [`LANES`] lines at once by the leaves each
/// split rules out (as in QuickScorer, Lucchese et al. 2015): a line that goes right at a node
/// cannot reach the leaves of its left subtree, and the leaf it reaches is the leftmost leaf
/// that none of the nodes where it goes right rules out. Every node's test is made for all
/// lines at once over a transposed copy of their inputs (one row of `LANES` values per input),
/// a loop without data-dependent branches or loads that the compiler turns into vector
/// compares (SSE2 / NEON; on an x86-64 CPU with AVX2, the same loop in AVX2 vectors through
/// `pulp`, see [`WideLines`]); the per-line walk instead waits on a chain of dependent loads
/// per tree. Nodes whose subtree has one leaf value everywhere are left out: whichever of its
/// leaves a line is taken to reach, the value is the same.
#[derive(Debug, Clone)]
struct Masked {
    /// The inputs the trees read, in order; a node's `input` is an index into this list.
    used: Vec<u8>,
    /// Every tree's nodes that matter, tree after tree.
    nodes: Vec<MaskedNode>,
    /// Per tree, the end of its nodes in `nodes`.
    ends: Vec<usize>,
    /// Per tree, its leaves (`2^depth` of the 32).
    leaves: Vec<[f32; 32]>,
}

/// One node of [`Masked`].
#[derive(Debug, Clone, Copy)]
struct MaskedNode {
    split: f32,
    /// The leaves a line keeps when it goes right: all but those of the node's left subtree.
    keep_right: u32,
    /// Index of the node's input in [`Masked::used`].
    input: u8,
}

/// Lines evaluated at once by [`Masked`] (measured on dev with AVX2: 32 lines take 3 % less
/// time in all than 16, 64 no less than 32).
const LANES: usize = 32;

impl Masked {
    /// The layout of a parsed forest of depth 1 to 5 without NaN split values.
    fn build(
        depth: usize,
        split_inputs: &[u8],
        split_values: &[f32],
        leaves: &[f32],
    ) -> Option<Masked> {
        if !(1..=5).contains(&depth) || split_values.iter().any(|v| v.is_nan()) {
            return None;
        }
        let (n_split, n_leaf) = ((1usize << depth) - 1, 1usize << depth);
        let mut used: Vec<u8> = split_inputs.to_vec();
        used.sort_unstable();
        used.dedup();
        let mut m = Masked {
            used,
            nodes: Vec::new(),
            ends: Vec::new(),
            leaves: Vec::new(),
        };
        for ((inputs, values), tree_leaves) in split_inputs
            .chunks_exact(n_split)
            .zip(split_values.chunks_exact(n_split))
            .zip(leaves.chunks_exact(n_leaf))
        {
            for k in 0..n_split {
                // Node k is on level `level`; its subtree's leaves are `first..first + width`.
                let level = (usize::BITS - 1 - (k + 1).leading_zeros()) as usize;
                let width = n_leaf >> level;
                let first = (k + 1 - (1 << level)) * width;
                let below = tree_leaves.get(first..first + width)?;
                if below.iter().all(|l| l.to_bits() == below[0].to_bits()) {
                    continue;
                }
                let left = (((1u64 << (width / 2)) - 1) << first) as u32;
                let input = m.used.binary_search(inputs.get(k)?).ok()?;
                m.nodes.push(MaskedNode {
                    split: *values.get(k)?,
                    keep_right: !left,
                    input: u8::try_from(input).ok()?,
                });
            }
            m.ends.push(m.nodes.len());
            let mut l = [0.0f32; 32];
            l[..n_leaf].copy_from_slice(tree_leaves);
            m.leaves.push(l);
        }
        Some(m)
    }

    /// The raw scores of the lines whose inputs are the columns of `xt` (row `c` holds input
    /// `used[c]` of every line); each line's sum is taken tree after tree, in the file's order,
    /// so the floats are those of the per-line walk.
    fn raw_lines(&self, xt: &[[f32; LANES]; 256]) -> [f32; LANES] {
        #[cfg(target_arch = "x86_64")]
        if let Some(avx2) = pulp::x86::V3::try_new() {
            return avx2.vectorize(WideLines {
                simd: avx2,
                masked: self,
                xt,
            });
        }
        self.raw_lines_plain(xt)
    }

    /// [`Masked::raw_lines`] in the vectors the compiler picks for the build's target (SSE2
    /// on x86-64): the reference [`WideLines`] is tested against.
    fn raw_lines_plain(&self, xt: &[[f32; LANES]; 256]) -> [f32; LANES] {
        let mut sums = [0.0f32; LANES];
        let mut start = 0;
        for (&end, leaves) in self.ends.iter().zip(&self.leaves) {
            let mut live = [u32::MAX; LANES];
            for n in self.nodes.get(start..end).unwrap_or(&[]) {
                let row = &xt[usize::from(n.input)];
                for (keep, &v) in live.iter_mut().zip(row) {
                    // All ones unless the line goes right (no branch, so vector compares);
                    // `xt` holds no NaN, so "not above" is "at most".
                    let stays = u32::from(v <= n.split).wrapping_neg();
                    *keep &= n.keep_right | stays;
                }
            }
            for (sum, keep) in sums.iter_mut().zip(live) {
                *sum += leaves[(keep.trailing_zeros() & 31) as usize];
            }
            start = end;
        }
        sums
    }

    /// [`Forest::probabilities`] by this layout.
    fn probabilities<'a>(&self, row: impl Fn(usize) -> &'a [f32], n: usize) -> Vec<f32> {
        let mut out = Vec::with_capacity(n);
        let mut xt = [[0.0f32; LANES]; 256];
        // A line's inputs padded to 256 (a `u8` indexes it without checks); past `written`,
        // still zero.
        let (mut padded, mut written) = ([0.0f32; 256], 0usize);
        for start in (0..n).step_by(LANES) {
            let lines = (n - start).min(LANES);
            for lane in 0..lines {
                let x = row(start + lane);
                let m = x.len().min(256);
                // NaN, which passes no test, as -∞, which passes none either (a loop over the
                // whole row, which the compiler vectorizes, not a test per input read).
                for (p, &v) in padded.iter_mut().zip(&x[..m]) {
                    *p = if v.is_nan() { f32::NEG_INFINITY } else { v };
                }
                if let Some(stale) = padded.get_mut(m..written) {
                    stale.fill(0.0);
                }
                written = m;
                for (t, &input) in xt.iter_mut().zip(&self.used) {
                    t[lane] = padded[usize::from(input)];
                }
            }
            out.extend(self.raw_lines(&xt)[..lines].iter().map(|&r| logistic(r)));
        }
        out
    }
}

/// [`Masked::raw_lines`] in AVX2 vectors (eight lines a vector), through `pulp`'s safe
/// run-time dispatch (the crate forbids `unsafe`, which calling an AVX2 function from code
/// built for plain x86-64 needs): the same compares, and each line's leaves summed in the same
/// order, so the same floats as [`Masked::raw_lines_plain`]. The leaf a line reaches is read in
/// the vectors too: the lowest bit left in its mask, isolated (`m & -m`) and converted to a
/// float, whose exponent is the bit's number; that number picks the leaf out of the tree's 32
/// (four vectors of eight: a permute within each, two blends between them). Measured on dev:
/// the whole pipeline 4 % faster than in SSE2 with the leaves read one line at a time, and
/// 1.9 % fewer instructions in all with them read in the vectors (AVX-512 through `pulp` was
/// 3 % slower than SSE2, and the compiler's own vectors for AVX2, from the plain loop, 8 %
/// slower).
#[cfg(target_arch = "x86_64")]
struct WideLines<'a> {
    simd: pulp::x86::V3,
    masked: &'a Masked,
    xt: &'a [[f32; LANES]; 256],
}

#[cfg(target_arch = "x86_64")]
impl pulp::NullaryFnOnce for WideLines<'_> {
    type Output = [f32; LANES];

    #[inline(always)]
    fn call(self) -> [f32; LANES] {
        use core::arch::x86_64::{__m256, __m256i, _CMP_LE_OQ};
        /// Vectors of eight lines in a group.
        const V: usize = LANES / 8;
        let WideLines { simd, masked, xt } = self;
        let (avx, avx2) = (simd.avx, simd.avx2);
        let zero = avx._mm256_setzero_si256();
        let (exponent_mask, bias) = (avx._mm256_set1_epi32(0xff), avx._mm256_set1_epi32(127));
        let mut sums = [avx._mm256_setzero_ps(); V];
        let mut start = 0;
        for (&end, leaves) in masked.ends.iter().zip(&masked.leaves) {
            let mut live = [avx._mm256_set1_epi32(-1); V];
            for n in masked.nodes.get(start..end).unwrap_or(&[]) {
                let row: [__m256; V] = pulp::cast(xt[usize::from(n.input)]);
                let split = avx._mm256_set1_ps(n.split);
                let keep_right = avx._mm256_set1_epi32(n.keep_right as i32);
                for (keep, v) in live.iter_mut().zip(row) {
                    // As in `raw_lines_plain`: all ones where the line stays left.
                    let stays: __m256i = pulp::cast(avx._mm256_cmp_ps::<_CMP_LE_OQ>(v, split));
                    *keep = avx2._mm256_and_si256(*keep, avx2._mm256_or_si256(keep_right, stays));
                }
            }
            let l: [__m256; 4] = pulp::cast(*leaves);
            for (sum, keep) in sums.iter_mut().zip(live) {
                // The lowest bit left (never none: no node rules out the last leaf), a power of
                // two that converts exactly (bit 31 to -2^31: the exponent is read past the sign).
                let lowest = avx2._mm256_and_si256(keep, avx2._mm256_sub_epi32(zero, keep));
                let float: __m256i = pulp::cast(avx._mm256_cvtepi32_ps(lowest));
                let exponent =
                    avx2._mm256_and_si256(avx2._mm256_srli_epi32::<23>(float), exponent_mask);
                let leaf = avx2._mm256_sub_epi32(exponent, bias);
                // Bits 0-2 of the leaf's number pick within a vector of eight, bit 3 between
                // the two of each half (a blend reads a lane's sign bit), bit 4 the half.
                let within = |v: __m256| avx2._mm256_permutevar8x32_ps(v, leaf);
                let bit3: __m256 = pulp::cast(avx2._mm256_slli_epi32::<28>(leaf));
                let bit4: __m256 = pulp::cast(avx2._mm256_slli_epi32::<27>(leaf));
                let low = avx._mm256_blendv_ps(within(l[0]), within(l[1]), bit3);
                let high = avx._mm256_blendv_ps(within(l[2]), within(l[3]), bit3);
                *sum = avx._mm256_add_ps(*sum, avx._mm256_blendv_ps(low, high, bit4));
            }
            start = end;
        }
        pulp::cast(sums)
    }
}

/// A little-endian reader over a byte slice that never panics.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let out = self.bytes.get(self.at..self.at + N)?.try_into().ok()?;
        self.at += N;
        Some(out)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take::<1>().map(|b| b[0])
    }
    fn u16(&mut self) -> Option<u16> {
        self.take::<2>().map(u16::from_le_bytes)
    }
    fn i16(&mut self) -> Option<i16> {
        self.take::<2>().map(i16::from_le_bytes)
    }
    fn f32(&mut self) -> Option<f32> {
        self.take::<4>().map(f32::from_le_bytes)
    }
}

impl Forest {
    /// Reads a forest from the format above; `None` if the bytes are not one.
    pub fn parse(bytes: &[u8]) -> Option<Forest> {
        let mut r = Reader { bytes, at: 0 };
        if r.take::<4>()? != *b"STM3" {
            return None;
        }
        let inputs = usize::from(r.u16()?);
        let count = usize::from(r.u16()?);
        let depth = usize::from(r.u8()?);
        if depth == 0 || depth > 12 {
            return None;
        }
        let threshold = r.f32()?;
        let scale = r.f32()?;
        let (n_split, n_leaf) = ((1usize << depth) - 1, 1usize << depth);
        let mut split_inputs = Vec::with_capacity(count * n_split);
        let mut split_values = Vec::with_capacity(count * n_split);
        let mut leaves = Vec::with_capacity(count * n_leaf);
        for _ in 0..count {
            for _ in 0..n_split {
                let input = r.u8()?;
                if usize::from(input) >= inputs {
                    return None;
                }
                split_inputs.push(input);
            }
            for _ in 0..n_split {
                split_values.push(r.f32()?);
            }
            for _ in 0..n_leaf {
                leaves.push(f32::from(r.i16()?) * scale);
            }
        }
        (r.at == bytes.len())
            .then_some(Forest {
                inputs,
                depth,
                threshold,
                split_inputs,
                split_values,
                leaves,
                fast: None,
                masked: None,
            })
            .map(Forest::with_fast_layout)
    }

    /// Adds the evaluation layout ([`Fast`]) built from the parsed fields.
    fn with_fast_layout(mut self) -> Forest {
        self.fast = Fast::build(
            self.depth,
            &self.split_inputs,
            &self.split_values,
            &self.leaves,
        );
        if !cfg!(target_arch = "wasm32") {
            self.masked = Masked::build(
                self.depth,
                &self.split_inputs,
                &self.split_values,
                &self.leaves,
            );
        }
        self
    }

    /// The number of inputs the forest reads per line.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// The probability above which a line is called noise (chosen in cross-validation).
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The forest's raw score (log-odds of noise) for one line's inputs. Inputs past the end of
    /// `x` read as 0.
    pub fn raw(&self, x: &[f32]) -> f32 {
        if let Some(fast) = &self.fast {
            // Split inputs are bytes: a 256-wide copy of the line's inputs needs no checks.
            let mut padded = [0.0f32; 256];
            let n = x.len().min(256);
            padded[..n].copy_from_slice(&x[..n]);
            return fast.raw(&padded);
        }
        self.raw_plain(x)
    }

    /// [`Forest::raw`] over the parsed fields, for depths [`Fast`] does not lay out.
    fn raw_plain(&self, x: &[f32]) -> f32 {
        let n_split = (1usize << self.depth) - 1;
        let mut sum = 0.0f32;
        for ((inputs, values), leaves) in self
            .split_inputs
            .chunks_exact(n_split)
            .zip(self.split_values.chunks_exact(n_split))
            .zip(self.leaves.chunks_exact(n_split + 1))
        {
            let mut k = 0usize;
            for _ in 0..self.depth {
                let input = inputs.get(k).map_or(0, |&i| usize::from(i));
                let v = x.get(input).copied().unwrap_or(0.0);
                let split = values.get(k).copied().unwrap_or(0.0);
                k = 2 * k + 1 + usize::from(v > split);
            }
            sum += leaves.get(k - n_split).copied().unwrap_or(0.0);
        }
        sum
    }

    /// The probability that a line is noise, in [0, 1].
    pub fn probability(&self, x: &[f32]) -> f32 {
        logistic(self.raw(x))
    }

    /// [`Forest::probability`] of `n` lines whose inputs are rows of `stride` numbers in
    /// `inputs` (a row past its end reads as no inputs): the same floats, two lines at a time.
    pub fn probabilities(&self, inputs: &[f32], stride: usize, n: usize) -> Vec<f32> {
        let row = |i: usize| {
            i.checked_mul(stride)
                .and_then(|a| inputs.get(a..a.checked_add(stride)?))
                .unwrap_or(&[])
        };
        // (Never built for WebAssembly: the test keeps the code out of the wasm.)
        if let (false, Some(masked)) = (cfg!(target_arch = "wasm32"), &self.masked) {
            return masked.probabilities(row, n);
        }
        let Some(fast) = &self.fast else {
            return (0..n).map(|i| self.probability(row(i))).collect();
        };
        // Lines in groups of `GROUP` (measured on dev: 4, 8 and 16 lines take 6, 12 and 14 %
        // less time than one by one), each padded to 256 inputs; the lines left one by one.
        const GROUP: usize = 16;
        let mut out = Vec::with_capacity(n);
        let mut xs = [[0.0f32; 256]; GROUP];
        // How much of each padded row the last group wrote: past it, the row is still zero,
        // so only what a shorter row leaves of a longer one is zeroed again.
        let mut written = [0usize; GROUP];
        let whole = n - n % GROUP;
        for start in (0..whole).step_by(GROUP) {
            for (j, (padded, w)) in xs.iter_mut().zip(&mut written).enumerate() {
                let x = row(start + j);
                let m = x.len().min(256);
                padded[..m].copy_from_slice(&x[..m]);
                if let Some(stale) = padded.get_mut(m..*w) {
                    stale.fill(0.0);
                }
                *w = m;
            }
            out.extend(fast.raw_lines(&xs).map(logistic));
        }
        out.extend((whole..n).map(|i| self.probability(row(i))));
        out
    }
}

/// The logistic function of a raw score.
fn logistic(raw: f32) -> f32 {
    1.0 / (1.0 + (-raw).exp())
}

/// The shipped line model for plain text without the word inputs (for pages in a language the
/// word table does not know), if `data/line-model.bin` matches the features of this build.
pub fn line_model() -> Option<&'static Forest> {
    static FOREST: OnceLock<Option<Forest>> = OnceLock::new();
    FOREST
        .get_or_init(|| {
            let inputs = crate::features::PLAIN_INPUTS - crate::features::WORD_INPUTS;
            Forest::parse(MODEL).filter(|f| f.inputs == inputs)
        })
        .as_ref()
}

/// The shipped line model for plain text with the word inputs (for pages whose words the word
/// table knows), if `data/line-model-words.bin` matches the features of this build.
pub fn word_line_model() -> Option<&'static Forest> {
    static FOREST: OnceLock<Option<Forest>> = OnceLock::new();
    FOREST
        .get_or_init(|| {
            Forest::parse(WORD_MODEL).filter(|f| f.inputs == crate::features::PLAIN_INPUTS)
        })
        .as_ref()
}

/// The shipped line model for text with its HTML's line hints, if `data/line-model-html.bin`
/// matches the features of this build.
pub fn html_line_model() -> Option<&'static Forest> {
    static FOREST: OnceLock<Option<Forest>> = OnceLock::new();
    FOREST
        .get_or_init(|| Forest::parse(HTML_MODEL).filter(|f| f.inputs == crate::features::INPUTS))
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_loads_and_matches_the_features() {
        let m = line_model().expect("data/line-model.bin parses");
        assert_eq!(
            m.inputs(),
            crate::features::PLAIN_INPUTS - crate::features::WORD_INPUTS
        );
        assert!(m.threshold() > 0.0 && m.threshold() < 1.0);
        let m = word_line_model().expect("data/line-model-words.bin parses");
        assert_eq!(m.inputs(), crate::features::PLAIN_INPUTS);
        assert!(m.threshold() > 0.0 && m.threshold() < 1.0);
        let m = html_line_model().expect("data/line-model-html.bin parses");
        assert_eq!(m.inputs(), crate::features::INPUTS);
        assert!(m.threshold() > 0.0 && m.threshold() < 1.0);
    }

    #[test]
    fn the_fast_layout_gives_the_plain_walk_s_scores() {
        for m in [line_model(), html_line_model()] {
            let m = m.expect("the shipped models parse");
            assert!(m.fast.is_some());
            // Inputs on, just below and just above the split values, and short input rows.
            let mut rng = crate::testing::XorShift(0x9e37_79b9_7f4a_7c15);
            let mut next = || rng.next_u64();
            for round in 0..2000 {
                let len = if round % 10 == 0 {
                    (next() % 200) as usize
                } else {
                    m.inputs()
                };
                let x: Vec<f32> = (0..len)
                    .map(|_| {
                        let v = m.split_values[(next() as usize) % m.split_values.len()];
                        match next() % 3 {
                            0 => v,
                            1 => v - v.abs() * 1e-3 - 1e-6,
                            _ => v + v.abs() * 1e-3 + 1e-6,
                        }
                    })
                    .collect();
                assert_eq!(m.raw(&x).to_bits(), m.raw_plain(&x).to_bits());
            }
        }
    }

    #[test]
    fn probabilities_of_rows_are_those_of_each_line() {
        for m in [line_model(), html_line_model()] {
            let m = m.expect("the shipped models parse");
            assert_eq!(m.masked.is_some(), !cfg!(target_arch = "wasm32"));
            let stride = m.inputs();
            // Rows of varied values around the splits; the input ends in the middle of the
            // 31st row, so the last ones read as short or empty; whole groups and parts of them.
            let inputs: Vec<f32> = (0..stride * 30 + stride / 2)
                .map(|i| m.split_values[(i * 7919) % m.split_values.len()] + (i % 3) as f32 - 1.0)
                .collect();
            for n in [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 65] {
                let all = m.probabilities(&inputs, stride, n);
                assert_eq!(all.len(), n);
                for (i, p) in all.iter().enumerate() {
                    let x = inputs.get(i * stride..(i + 1) * stride).unwrap_or(&[]);
                    assert_eq!(p.to_bits(), m.probability(x).to_bits(), "row {i} of {n}");
                }
            }
        }
    }

    #[test]
    fn the_avx2_kernel_gives_the_plain_kernels_floats() {
        #[cfg(target_arch = "x86_64")]
        {
            let Some(avx2) = pulp::x86::V3::try_new() else {
                println!("skipped: this CPU has no AVX2");
                return;
            };
            let mut rng = crate::testing::XorShift(0x9e37_79b9_7f4a_7c15);
            for m in [line_model(), word_line_model(), html_line_model()] {
                let masked = m.and_then(|m| m.masked.clone()).expect("a masked layout");
                for _ in 0..50 {
                    // Values around the splits, and a few infinities (NaN reads as -inf).
                    let mut xt = [[0.0f32; LANES]; 256];
                    for row in xt.iter_mut() {
                        for v in row.iter_mut() {
                            let n = masked.nodes[rng.below(masked.nodes.len())];
                            *v = match rng.below(20) {
                                0 => f32::NEG_INFINITY,
                                1 => f32::INFINITY,
                                2 => n.split,
                                k => n.split + (k as f32 - 10.0) / 64.0,
                            };
                        }
                    }
                    let wide = avx2.vectorize(WideLines {
                        simd: avx2,
                        masked: &masked,
                        xt: &xt,
                    });
                    let plain = masked.raw_lines_plain(&xt);
                    assert_eq!(wide.map(f32::to_bits), plain.map(f32::to_bits));
                }
            }
        }
    }

    #[test]
    fn malformed_models_are_refused_not_panicked_on() {
        assert!(Forest::parse(b"").is_none());
        assert!(Forest::parse(b"STM3\x01").is_none());
        let mut truncated = MODEL.to_vec();
        truncated.truncate(MODEL.len() / 2);
        assert!(Forest::parse(&truncated).is_none());
    }

    /// A random forest in the file format: `trees` complete trees of `depth` over `inputs`
    /// inputs, split values in [-1, 1), leaves of either sign.
    fn random_forest(
        rng: &mut crate::testing::XorShift,
        inputs: u16,
        trees: u16,
        depth: u8,
        leaf_values: usize,
    ) -> Vec<u8> {
        let (n_split, n_leaf) = ((1usize << depth) - 1, 1usize << depth);
        let mut b = b"STM3".to_vec();
        b.extend(inputs.to_le_bytes());
        b.extend(trees.to_le_bytes());
        b.push(depth);
        b.extend(0.4f32.to_le_bytes());
        b.extend((1.0f32 / 4096.0).to_le_bytes());
        for _ in 0..trees {
            for _ in 0..n_split {
                b.push(rng.below(usize::from(inputs)) as u8);
            }
            for _ in 0..n_split {
                b.extend((rng.below(2000) as f32 / 1000.0 - 1.0).to_le_bytes());
            }
            for _ in 0..n_leaf {
                b.extend((rng.below(leaf_values) as i16 - 4000).to_le_bytes());
            }
        }
        b
    }

    #[test]
    fn deeper_forests_parse_and_their_fast_walk_is_the_plain_one() {
        // Depths 6-8 use the 256-node layout (a model trained with `train.py --depth 6` or 7),
        // 1-5 the 32-node one; 9 and more have no fast layout and walk the parsed fields.
        let mut rng = crate::testing::XorShift(0x2545_f491_4f6c_dd1d);
        for depth in 1..=9u8 {
            let bytes = random_forest(&mut rng, 114, 7, depth, 8001);
            let f = Forest::parse(&bytes).expect("a well-formed forest parses");
            assert_eq!(f.depth, usize::from(depth));
            assert_eq!(f.fast.is_some(), depth <= 8, "depth {depth}");
            assert!(Forest::parse(&bytes[..bytes.len() - 1]).is_none());
            let rows: Vec<f32> = (0..114 * 40)
                .map(|_| rng.below(2200) as f32 / 1000.0 - 1.1)
                .collect();
            let all = f.probabilities(&rows, 114, 40);
            for (i, p) in all.iter().enumerate() {
                let x = &rows[i * 114..(i + 1) * 114];
                assert_eq!(
                    f.raw(x).to_bits(),
                    f.raw_plain(x).to_bits(),
                    "depth {depth}"
                );
                assert_eq!(p.to_bits(), f.probability(x).to_bits(), "depth {depth}");
            }
        }
    }

    #[test]
    fn the_masked_layout_gives_the_walk_s_scores_with_constant_subtrees_and_nan() {
        // Leaves of two values only, so that many subtrees have one value everywhere and
        // their nodes are left out of the masked layout; whole groups of lines and a part of one.
        let mut rng = crate::testing::XorShift(0x5851_f42d_4c95_7f2d);
        for depth in 1..=5u8 {
            for round in 0..20 {
                let bytes = random_forest(&mut rng, 40, 30, depth, 2 + round % 3);
                let f = Forest::parse(&bytes).expect("a well-formed forest parses");
                assert_eq!(f.masked.is_some(), !cfg!(target_arch = "wasm32"));
                let Some(masked) = &f.masked else {
                    return;
                };
                let all_nodes = 30 * ((1usize << depth) - 1);
                assert!(masked.nodes.len() <= all_nodes);
                let n = LANES * 3 + round;
                // Some NaN and infinite inputs too (NaN passes no test).
                let rows: Vec<f32> = (0..40 * n)
                    .map(|_| match rng.below(40) {
                        0 => f32::NAN,
                        1 => f32::INFINITY,
                        2 => f32::NEG_INFINITY,
                        _ => rng.below(2200) as f32 / 1000.0 - 1.1,
                    })
                    .collect();
                let all = f.probabilities(&rows, 40, n);
                assert_eq!(all.len(), n);
                for (i, p) in all.iter().enumerate() {
                    let x = &rows[i * 40..(i + 1) * 40];
                    let walked = logistic(f.raw_plain(x));
                    assert_eq!(p.to_bits(), walked.to_bits(), "depth {depth}, row {i}");
                }
            }
        }
    }

    #[test]
    fn a_tiny_forest_evaluates_by_hand() {
        // One tree of depth 1: x0 <= 0.5 ? -1.0 : +1.0 (leaves -2 and 2, scale 0.5).
        let mut b = b"STM3".to_vec();
        b.extend(1u16.to_le_bytes());
        b.extend(1u16.to_le_bytes());
        b.push(1);
        b.extend(0.5f32.to_le_bytes());
        b.extend(0.5f32.to_le_bytes());
        b.push(0);
        b.extend(0.5f32.to_le_bytes());
        b.extend((-2i16).to_le_bytes());
        b.extend(2i16.to_le_bytes());
        let f = Forest::parse(&b).expect("parses");
        assert_eq!(f.raw(&[0.2]), -1.0);
        assert_eq!(f.raw(&[0.5]), -1.0);
        assert_eq!(f.raw(&[0.7]), 1.0);
        assert_eq!(f.raw(&[]), -1.0);
        assert!((f.probability(&[0.7]) - 0.731).abs() < 0.001);
    }
}
