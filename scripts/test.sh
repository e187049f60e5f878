#!/usr/bin/env bash
# Set up, build with -Werror and run every test headless — the package check (label "package":
# build, lint, install, run and purge the DEB) included, which needs root — then build and run the
# whole suite again under AddressSanitizer + UBSan (preset asan, halting on the first error in our
# code; no packaging there). The label "translations" (the French catalogue is complete) is left
# out until that catalogue is filled: ctest --test-dir build/dev -L translations
# Extra arguments go to both ctest runs (e.g. -R loghub). BA_SKIP_ASAN=1 skips the second stage
# for a quick local run; CI never sets it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$ROOT/scripts/setup-deps.sh"
"$ROOT/scripts/check-format.sh"
"$ROOT/scripts/check-layering.sh"
export QT_QPA_PLATFORM=offscreen
cmake --preset dev -S "$ROOT" >/dev/null
cmake --build "$ROOT/build/dev" -j "$JOBS"
ctest --test-dir "$ROOT/build/dev" --output-on-failure -j "$JOBS" -LE translations "$@"

if [[ "${BA_SKIP_ASAN:-0}" == 1 ]]; then
  echo "test.sh: sanitizer stage skipped (BA_SKIP_ASAN=1)"
  exit 0
fi
asan_start=$SECONDS
cmake --preset asan -S "$ROOT" >/dev/null
cmake --build "$ROOT/build/asan" -j "$JOBS"
# The test preset sets ASAN_OPTIONS, LSAN_OPTIONS and UBSAN_OPTIONS with tests/sanitizers/*.supp.
(cd "$ROOT" && ctest --preset asan -j "$JOBS" -LE translations "$@")
echo "test.sh: sanitizer stage (build and tests) took $((SECONDS - asan_start)) s"
