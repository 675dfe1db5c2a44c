#!/usr/bin/env bash
# Makes www/extension/ loadable unpacked: copies the built wasm core (pkg/, from the wasm build)
# and the shared DOM layer (js/dom.js) into www/extension/lib/, which git ignores.
set -euo pipefail
cd "$(dirname "$0")/.."
ext=www/extension
sources=(pkg/straytext.js pkg/straytext_bg.wasm js/dom.js)
for f in "${sources[@]}"; do
  [ -f "$f" ] || { echo "build-extension: $f is missing; build the wasm package first" >&2; exit 1; }
done
rm -rf "$ext/lib"
mkdir -p "$ext/lib"
cp "${sources[@]}" "$ext/lib/"
echo "build-extension: $ext is ready to load unpacked ($(du -sk "$ext" | cut -f1) KB)"
