#!/usr/bin/env bash
# The main job: install what is missing, build what is missing or stale, serve the paste box.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
wasm=pkg/straytext_bg.wasm
if [ ! -f "$wasm" ] || [ -n "$(find src data Cargo.toml Cargo.lock -newer "$wasm" -print -quit)" ]; then
  npm run --silent build
elif [ ! -d www/extension/lib ]; then
  npm run --silent build:ext
fi
exec node scripts/serve.mjs
