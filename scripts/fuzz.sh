#!/usr/bin/env bash
# Long fuzzing runs with libFuzzer (clang-14, ASan + UBSan): scripts/fuzz.sh [target|all] [seconds]
#   targets: coingecko gemini openai rss newssites scrapeditem relativedate markdown (default: all)
#   seconds: per target (default 600). Runs one target at a time, one process each.
# The working corpus grows in build/fuzz/corpus/<target>; crashes land in build/fuzz/crashes/<target>.
# A crash file belongs in tests/fuzz/regressions/<target>/ (replayed by CTest) with a fix and a unit test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
TARGETS=(coingecko gemini openai rss newssites scrapeditem relativedate markdown)
target="${1:-all}"
seconds="${2:-600}"
if [[ "$target" != all ]]; then
  if [[ ! " ${TARGETS[*]} " =~ " $target " ]]; then
    echo "fuzz.sh: unknown target '$target' (one of: ${TARGETS[*]})" >&2
    exit 2
  fi
  TARGETS=("$target")
fi

BUILD="$ROOT/build/fuzz"
cmake --preset fuzz -S "$ROOT" >/dev/null
cmake --build "$BUILD" -j "$JOBS" --target "${TARGETS[@]/#/fuzz_}"

export QT_QPA_PLATFORM=offscreen
# The same third-party leak suppressions as the asan preset (fontconfig's cache, for the Markdown
# target's font look-ups); leaks in our code still end the run.
export LSAN_OPTIONS="suppressions=$ROOT/tests/sanitizers/lsan.supp:print_suppressions=0"
status=0
for t in "${TARGETS[@]}"; do
  SEEDS=() DICT="" MAX_LEN=16384
  source "$BUILD/fuzz/$t.env"
  corpus="$BUILD/corpus/$t"
  crashes="$BUILD/crashes/$t"
  seeds="$BUILD/seeds/$t" # libFuzzer reads folders only: the seed folders and files, gathered
  rm -rf "$seeds"
  mkdir -p "$corpus" "$crashes" "$seeds"
  for s in "${SEEDS[@]}"; do
    if [[ -d "$s" ]]; then cp -r "$s/." "$seeds/"; else cp "$s" "$seeds/"; fi
  done
  args=(-max_total_time="$seconds" -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048
        -print_final_stats=1 -artifact_prefix="$crashes/")
  [[ -n "$DICT" ]] && args+=(-dict="$DICT")
  echo "== fuzz_$t for ${seconds}s (log: $BUILD/$t.log)"
  # The first folder collects new inputs; the seeds are only read.
  if ! "$BUILD/fuzz/fuzz_$t" "${args[@]}" "$corpus" "$seeds" >"$BUILD/$t.log" 2>&1; then
    status=1
    echo "   CRASH: see $BUILD/$t.log and $crashes/"
  fi
  grep -E '^#[0-9]+[[:space:]]+DONE' "$BUILD/$t.log" | tail -1 || tail -3 "$BUILD/$t.log"
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$BUILD/$t.log" || true
done
exit $status
