#!/usr/bin/env bash
# Prints which module's files include which modules' headers: one row per including module
# (src/<module>/...), one column per included module, each cell the number of #include lines.
# Usage: scripts/include-matrix.sh [git-revision]   (default: the working tree)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rev="${1:-}"
modules=(domain logging storage net news services gui app)

list_files() {
  if [[ -n "$rev" ]]; then
    git ls-tree -r --name-only "$rev" -- src | grep -E '\.(h|cpp)$'
  else
    git ls-files --cached --others --exclude-standard -- src | grep -E '\.(h|cpp)$'
  fi
}
read_file() {
  if [[ -n "$rev" ]]; then git show "$rev:$1"; else cat "$1"; fi
}

declare -A count
while read -r file; do
  from="${file#src/}"
  from="${from%%/*}"
  while read -r to; do
    count["$from,$to"]=$((${count["$from,$to"]:-0} + 1))
  done < <(read_file "$file" | sed -n -E 's|^#include "([a-z]+)/.*"|\1|p')
done < <(list_files)

printf '%-9s' 'from\to'
for to in "${modules[@]}"; do printf '%9s' "$to"; done
printf '\n'
for from in "${modules[@]}"; do
  printf '%-9s' "$from"
  for to in "${modules[@]}"; do
    n="${count["$from,$to"]:-0}"
    [[ "$n" == 0 ]] && n='.'
    printf '%9s' "$n"
  done
  printf '\n'
done
