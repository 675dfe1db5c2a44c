#!/usr/bin/env bash
# The main job. Until the paste box lands: the CLI on the example page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build --release --quiet
example=../shared/examples/news-article-pasted.txt
[ -f "$example" ] || { echo "start: $example is absent; run target/release/straytext on a file of your own" >&2; exit 0; }
target/release/straytext "$example"
