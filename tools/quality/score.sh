#!/usr/bin/env bash
# Scores straytext's line verdicts on the pasted-page benchmark (plain text only):
# builds the release CLI, runs it on every page of each bench file, and prints the scorer's
# line / char / clean-text token P/R/F1 of the noise class, per source and overall, then the
# single-threaded speed.
#
#   tools/quality/score.sh [BENCH_DIR]      (default ../shared/bench)
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH=${1:-../shared/bench}
OUT=${OUT:-target/quality}
mkdir -p "$OUT"
cargo build --release --quiet
for name in dev dev-multi; do
  python3 tools/quality/to_records.py "$BENCH/$name.jsonl.gz" > "$OUT/$name.records.jsonl"
  start=$(date +%s.%N)
  target/release/straytext --format jsonl --threads 1 "$OUT/$name.records.jsonl" > "$OUT/$name.reports.jsonl"
  end=$(date +%s.%N)
  python3 tools/quality/to_predictions.py < "$OUT/$name.reports.jsonl" > "$OUT/$name.pred.jsonl"
  echo "== $name"
  python3 "$BENCH/tools/score_noise.py" --bench "$BENCH/$name.jsonl.gz" --pred straytext="$OUT/$name.pred.jsonl"
  python3 - "$OUT/$name.records.jsonl" "$start" "$end" <<'PY'
import json, sys
n = sum(len(json.loads(l)['text'].encode('utf-8')) for l in open(sys.argv[1], encoding='utf-8'))
t = float(sys.argv[3]) - float(sys.argv[2])
print(f"speed: {n / 1e6:.2f} MB of text in {t:.2f} s with --threads 1 (CLI, JSON in and out): {n / 1e6 / t:.1f} MB/s")
PY
done
