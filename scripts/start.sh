#!/usr/bin/env bash
# The main job: install what is missing, build what is missing or stale, serve the paste box.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
wasm=pkg/straytext_bg.wasm
if [ ! -f "$wasm" ] || [ -n "$(find src data Cargo.toml Cargo.lock -newer "$wasm" -print -quit)" ]; then
  npm run --silent build
else
  # The extension's copies of the core and of the DOM layer (js/dom.js changes without a
  # rebuild of the wasm): refreshed when missing or different.
  for f in pkg/straytext.js pkg/straytext_bg.wasm js/dom.js; do
    if ! cmp -s "$f" "www/extension/lib/$(basename "$f")"; then
      npm run --silent build:ext
      break
    fi
  done
fi
exec node scripts/serve.mjs
