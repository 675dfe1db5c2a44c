#!/usr/bin/env bash
# Rebuilds data/line-model.bin from the benchmark: dumps every line's model inputs with the
# crate's own feature code (examples/dump_features.rs), trains with page-grouped
# cross-validation (train.py), and scores the cross-validated verdicts with the bench scorer.
#
#   pip install -r tools/quality/requirements.txt
#   tools/quality/train.sh [BENCH_DIR]      (default ../shared/bench)
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH=${1:-../shared/bench}
OUT=${OUT:-target/quality}
mkdir -p "$OUT"
cargo build --release --quiet --example dump_features
for name in dev dev-multi; do
  zcat "$BENCH/$name.jsonl.gz" | target/release/examples/dump_features > "$OUT/$name.tsv"
done
python3 tools/quality/train.py --dev "$OUT/dev.tsv" --multi "$OUT/dev-multi.tsv" \
  --out data/line-model.bin --cv-pred "$OUT"
for name in dev dev-multi; do
  echo "== $name, page-grouped 5-fold cross-validation"
  python3 "$BENCH/tools/score_noise.py" --bench "$BENCH/$name.jsonl.gz" --pred cv="$OUT/$name.cv-pred.jsonl"
done
