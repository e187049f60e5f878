#!/usr/bin/env bash
# Set up, build (Release) and launch Bitcoin Analyzer. Extra arguments go to the app.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$ROOT/scripts/setup-deps.sh"
cmake --preset release -S "$ROOT" >/dev/null
cmake --build "$ROOT/build/release" --target bitcoin-analyzer -j "$JOBS"
exec "$ROOT/build/release/bin/bitcoin-analyzer" "$@"
