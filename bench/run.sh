#!/usr/bin/env bash
# `npm run bench`: straytext next to its peers (quality, speed, size), printed as markdown tables.
#
#   bash bench/run.sh            the full run (≈ 10–20 min the first time on 2 cores, peers cached after)
#   bash bench/run.sh --quick    every 7th page, fewer repetitions (a few minutes)
#   bash bench/run.sh --write    also put the tables into BENCHMARKS.md
#
# Installs the pinned peers outside straytext's dependencies, idempotently: Python ones in
# bench/.venv (bench/requirements.txt), npm ones in bench/node_modules (bench/package.json + lock),
# Rust ones in bench/peers-rs (its own Cargo.lock). Reads ../shared/bench (or
# $STRAYTEXT_BENCH_DATA) and skips plainly when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf 'bench: %s\n' "$*" >&2; }

data="${STRAYTEXT_BENCH_DATA:-../shared/bench}"
if [ ! -f "$data/dev.jsonl.gz" ]; then
  echo "bench: skipped: no benchmark data at $data (set STRAYTEXT_BENCH_DATA)"
  exit 0
fi
export STRAYTEXT_BENCH_DATA="$(cd "$data" && pwd)"
start=$(date +%s)

# The product's own tools (Rust's wasm target, wasm-bindgen, Chromium, the root npm packages).
bash scripts/setup.sh

# Python peers.
if [ ! -x bench/.venv/bin/python ]; then
  say "creating bench/.venv"
  python3 -m venv bench/.venv
fi
if [ ! -f bench/.venv/.installed ] || [ bench/requirements.txt -nt bench/.venv/.installed ]; then
  say "installing the Python peers (bench/requirements.txt)"
  bench/.venv/bin/pip install -q --disable-pip-version-check -r bench/requirements.txt
  touch bench/.venv/.installed
fi

# npm peers; cld compiles CLD2 from source against Node's headers.
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  say "installing the npm peers (bench/package.json)"
  (cd bench && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
if [ ! -f bench/node_modules/cld/build/Release/cld.node ]; then
  say "building npm cld (CLD2; about a minute)"
  (cd bench && npm_config_nodedir=/usr npm rebuild cld --loglevel=error >/dev/null 2>&1) \
    || say "npm cld did not build: the CLD2 rows are left out"
fi

# straytext: the CLI, the wasm package, and the Rust peers' driver (which links straytext).
say "building straytext (release) and bench/peers-rs"
cargo build --release --quiet
cargo build --release --quiet --manifest-path bench/peers-rs/Cargo.toml
if node -e 'process.exit(require("./package.json").scripts?.build ? 0 : 1)'; then
  npm run build --silent >/dev/null
else
  cargo build --lib --release --quiet --target wasm32-unknown-unknown
  wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/straytext.wasm
fi

bench/.venv/bin/python bench/bench.py "$@"
say "done in $(( ($(date +%s) - start) / 60 )) min $(( ($(date +%s) - start) % 60 )) s"
