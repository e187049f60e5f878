#!/usr/bin/env bash
# Builds the benchmarks (Release) and runs them. Each prints medians and ratios against a baseline
# measured in the same run. Not part of ./scripts/test.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
"$ROOT/scripts/setup-deps.sh"
cmake -S "$ROOT" -B "$ROOT/build/bench" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBA_BUILD_TESTS=ON >/dev/null
cmake --build "$ROOT/build/bench" --target benchmarks -j "$JOBS"
export QT_QPA_PLATFORM=offscreen
only="${1:-}"
run() { [[ -z "$only" || "$1" == *"$only"* ]]; }
run startup && python3 "$ROOT/bench/startup.py" "$ROOT/build/bench/bench/bench_startup" 15
# A benchmark that exits non-zero (a crash, or bench_logging's FAIL) must not hide the others.
failed=()
for b in "$ROOT"/build/bench/bench/bench_*; do
  name=$(basename "$b")
  [[ -f "$b" && -x "$b" && "$name" != bench_startup ]] || continue
  if run "$name"; then
    "$b" || failed+=("$name")
  fi
done
if ((${#failed[@]})); then
  echo "benchmarks that exited with an error: ${failed[*]}" >&2
  exit 1
fi
