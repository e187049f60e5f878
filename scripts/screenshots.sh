#!/usr/bin/env bash
# Regenerates docs/screenshots/ (shown by the README and the AppStream metainfo) from the loopback
# fakes: the assembled app — real MainWindow, services and SQLite in a throw-away folder, pointed
# at the demo market on 127.0.0.1 — driven as a user drives it by tests/app/tst_themescenario.cpp:
# the main window light and dark, the log viewer, the health panel and Settings, in English and
# French, at 1600×1000. Offscreen: no display needed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$ROOT/scripts/setup-deps.sh"
cmake --preset dev -S "$ROOT" >/dev/null
cmake --build "$ROOT/build/dev" --target test_themescenario -j "$JOBS"

out="$ROOT/docs/screenshots"
home="$(mktemp -d -t bitcoin-analyzer-screenshots.XXXXXX)"
trap 'rm -rf "$home"' EXIT
mkdir -p "$out"
rm -f "$out"/*.png
for lang in en fr; do
  echo "== screenshots in $lang"
  env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
    QT_QPA_PLATFORM=offscreen BA_SCREENSHOT_DIR="$out" BA_SCREENSHOT_LANG="$lang" \
    "$ROOT/build/dev/tests/test_themescenario" -silent
done
ls -l "$out"
