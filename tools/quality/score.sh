#!/usr/bin/env bash
# Scores straytext's line verdicts on the pasted-page benchmark: builds the release CLI, runs
# it on every page of each bench file, and prints the scorer's line / char / clean-text token
# P/R/F1 of the noise class, per source and overall, then the single-threaded speed.
#
#   tools/quality/score.sh [--html] [BENCH_DIR]      (default ../shared/bench)
#
# --html puts each page's HTML (`html_path`) in the JSONL record's `html` field, as the
# clipboard's text/html, so the verdicts use its line hints; without it, plain text only.
set -euo pipefail
cd "$(dirname "$0")/../.."
HTML=()
TAG=
if [ "${1:-}" = "--html" ]; then
  HTML=(--html)
  TAG=.html
  shift
fi
BENCH=${1:-../shared/bench}
OUT=${OUT:-target/quality}
mkdir -p "$OUT"
cargo build --release --quiet
for name in dev dev-multi; do
  python3 tools/quality/to_records.py "$BENCH/$name.jsonl.gz" ${HTML[@]+"${HTML[@]}"} > "$OUT/$name$TAG.records.jsonl"
  start=$(date +%s.%N)
  target/release/straytext --format jsonl --threads 1 "$OUT/$name$TAG.records.jsonl" > "$OUT/$name$TAG.reports.jsonl"
  end=$(date +%s.%N)
  python3 tools/quality/to_predictions.py < "$OUT/$name$TAG.reports.jsonl" > "$OUT/$name$TAG.pred.jsonl"
  echo "== $name${TAG:+ (with HTML)}"
  python3 "$BENCH/tools/score_noise.py" --bench "$BENCH/$name.jsonl.gz" --pred straytext="$OUT/$name$TAG.pred.jsonl"
  python3 - "$OUT/$name$TAG.records.jsonl" "$start" "$end" <<'PY'
import json, sys
n = h = 0
for l in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(l)
    n += len(r['text'].encode('utf-8'))
    h += len(r.get('html', '').encode('utf-8'))
t = float(sys.argv[3]) - float(sys.argv[2])
extra = f" (plus {h / 1e6:.1f} MB of HTML)" if h else ""
print(f"speed: {n / 1e6:.2f} MB of text{extra} in {t:.2f} s with --threads 1 (CLI, JSON in and out): {n / 1e6 / t:.1f} MB/s of text")
PY
done
