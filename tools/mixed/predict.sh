#!/bin/sh
# Runs straytext on ../shared/bench/mixed-dev.jsonl and scores it with the benchmark's scorer.
#   tools/mixed/predict.sh [GOLD.jsonl] [OUT.jsonl]
# Prints the scorer's tables; the predictions stay in OUT (default target/mixed-pred.jsonl).
set -eu
cd "$(dirname "$0")/../.."
gold=${1:-../shared/bench/mixed-dev.jsonl}
out=${2:-target/mixed-pred.jsonl}
cargo build --release --quiet --example predict_mixed
target/release/examples/predict_mixed "$gold" > "$out"
python3 ../shared/bench/tools/score_mixed.py "$gold" "$out" --markdown
