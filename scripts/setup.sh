#!/usr/bin/env bash
# Installs whatever this machine lacks to build and test straytext. Idempotent: when everything
# is present it takes well under a second. Used by `npm test`, `npm start` and `npm run bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*" >&2; }

# Rust's wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen CLI, at exactly the version of the wasm-bindgen crate in Cargo.lock.
wb=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
  say "installing wasm-bindgen-cli $wb (a few minutes, once)"
  # No --locked: its lockfile pins a webpki-roots version this registry does not offer.
  cargo install wasm-bindgen-cli --version "=$wb"
fi

# Debian's Chromium and its driver, for the browser tests (never a downloaded browser).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
# A CJK font, so that screenshots of Chinese and Japanese pages show glyphs, not boxes.
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages, exactly as package-lock.json pins them.
if [ -f package-lock.json ]; then
  stamp=node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    say "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
