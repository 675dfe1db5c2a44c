#!/usr/bin/env bash
# Runs every cargo-fuzz target for a bounded time: `bash scripts/fuzz.sh [SECONDS]` (default 60
# each). Installs cargo-fuzz when missing (idempotent). The toolchain is stable: libFuzzer's
# instrumentation needs nightly flags, which RUSTC_BOOTSTRAP=1 unlocks on stable.
#
# The committed seed corpus (fuzz/corpus/TARGET, built from the golden fixtures) is only read;
# what the fuzzer discovers goes to fuzz/target/corpus/TARGET (ignored by git). A crash leaves
# its input in fuzz/artifacts/TARGET and fails this script.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${1:-60}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz (a few minutes, once)" >&2
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

export RUSTC_BOOTSTRAP=1
# No AddressSanitizer: the library forbids unsafe code, and without ASan libFuzzer runs five to
# seven times more inputs in the same time (measured: ~30 vs ~150-200 per second). Set
# FUZZ_SANITIZER=address to fuzz with it.
sanitizer=${FUZZ_SANITIZER:-none}
targets=$(cd fuzz && cargo fuzz list)
(cd fuzz && cargo fuzz build -s "$sanitizer")
status=0
for t in $targets; do
  mkdir -p "fuzz/target/corpus/$t"
  echo "fuzz: $t for ${seconds}s" >&2
  # -rss_limit_mb: analysing must stay far below this on any input the fuzzer makes.
  if ! (cd fuzz && cargo fuzz run -s "$sanitizer" "$t" "target/corpus/$t" "corpus/$t" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1); then
    echo "fuzz: $t FAILED (see fuzz/artifacts/$t)" >&2
    status=1
  fi
done
exit $status
