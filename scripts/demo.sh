#!/usr/bin/env bash
# Try Bitcoin Analyzer offline: builds (Release) the app and ba-fake-services, starts the fakes on
# 127.0.0.1 — an invented, coherent market for every coin and currency, "Demo:" headlines and a demo
# AI, every answer marked as demo data — and the app pointed at them with a throw-away data folder.
# The window title says "demo data". Extra arguments go to the app (e.g. --lang fr).
# Without a display: xvfb-run -a ./scripts/demo.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$ROOT/scripts/setup-deps.sh"
cmake --preset demo -S "$ROOT" >/dev/null
cmake --build "$ROOT/build/demo" --target bitcoin-analyzer ba-fake-services -j "$JOBS"
bin="$ROOT/build/demo/bin"

work="$(mktemp -d -t bitcoin-analyzer-demo.XXXXXX)"
fakes_pid=""
cleanup() {
  [[ -n "$fakes_pid" ]] && kill "$fakes_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$bin/ba-fake-services" --gemini-delay-ms 1500 >"$work/fakes.txt" 2>"$work/fakes.err" &
fakes_pid=$!
for _ in $(seq 100); do
  [[ -s "$work/fakes.txt" ]] && break
  sleep 0.1
done
read -r -a urls <"$work/fakes.txt" || { cat "$work/fakes.err" >&2; exit 1; }
echo "Demo market on 127.0.0.1: ${urls[*]}"

# The fakes never rate-limit: let the app ask as often as the clicks need (the keyless default is
# 10 requests a minute). Placeholder keys, so that no key from the keychain is sent to the fakes.
mkdir -p "$work/profile"
printf '[coingecko]\nrequestsPerMinute=100\n' >"$work/profile/settings.ini"
GEMINI_API_KEY=demo-key-for-the-fake COINGECKO_API_KEY=demo-key-for-the-fake \
  "$bin/bitcoin-analyzer" --data-dir "$work/profile" "${urls[@]}" "$@"
