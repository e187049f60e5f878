#!/usr/bin/env bash
# Set up, build with -Werror and run every test headless. Extra arguments go to ctest (e.g. -R loghub).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$ROOT/scripts/setup-deps.sh"
"$ROOT/scripts/check-format.sh"
"$ROOT/scripts/check-layering.sh"
export QT_QPA_PLATFORM=offscreen
cmake --preset dev -S "$ROOT" >/dev/null
cmake --build "$ROOT/build/dev" -j "$JOBS"
ctest --test-dir "$ROOT/build/dev" --output-on-failure -j "$JOBS" "$@"
