#!/usr/bin/env bash
# Fails when a tracked C++ file differs from .clang-format. Pinned to Debian 12's clang-format-15
# (the first version with InsertBraces); scripts/setup-deps.sh installs it.
# --fix rewrites the files instead of checking them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLANG_FORMAT="${CLANG_FORMAT:-clang-format-15}"
cd "$ROOT"
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [[ "${1:-}" == "--fix" ]]; then
  "$CLANG_FORMAT" -i "${files[@]}"
  exit 0
fi
mapfile -t bad < <("$CLANG_FORMAT" --dry-run --Werror "${files[@]}" 2>&1 |
  sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
if [[ ${#bad[@]} -gt 0 ]]; then
  echo "check-format.sh: ${#bad[@]} file(s) differ from .clang-format (fix with scripts/check-format.sh --fix):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "check-format.sh: ${#files[@]} files match .clang-format"
