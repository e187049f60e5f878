#!/usr/bin/env bash
# Fails when a file includes what its module may not (docs/ARCHITECTURE.md, "Modules and what they
# may include"): a header of a higher module, a storage header from a gui header, QtWidgets below
# gui/, or Qt Charts outside gui/PriceChartView* and gui/chart/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
QT_HEADERS="$(qtpaths6 --query QT_INSTALL_HEADERS)"

declare -A allowed=(
  [domain]="domain"
  [logging]="logging"
  [storage]="domain logging storage"
  [net]="domain logging net"
  [news]="domain logging net news"
  [services]="domain logging storage net news services"
  [gui]="domain logging storage services gui"
  [app]="domain logging storage net news services gui app"
)

problems=()
while read -r file; do
  module="${file#src/}"
  module="${module%%/*}"
  [[ -n "${allowed[$module]:-}" ]] || continue
  while IFS=: read -r line target; do
    used="${target%%/*}"
    if [[ -n "${allowed[$used]:-}" && " ${allowed[$module]} " != *" $used "* ]]; then
      problems+=("$file:$line: $module/ may not include $target")
    elif [[ "$module" == gui && "$used" == storage && "$file" == *.h ]]; then
      problems+=("$file:$line: a gui header may not include $target (records live in domain/)")
    fi
  done < <(grep -n -E '^#include "[a-z]+/' "$file" | sed -E 's/^([0-9]+):#include "([^"]+)".*/\1:\2/')
  while IFS=: read -r line qtHeader; do
    if [[ "$module" != gui && "$module" != app && -e "$QT_HEADERS/QtWidgets/$qtHeader" ]]; then
      problems+=("$file:$line: QtWidgets ($qtHeader) below gui/")
    fi
    if [[ -e "$QT_HEADERS/QtCharts/$qtHeader" && "$file" != src/gui/PriceChartView* && "$file" != src/gui/chart/* ]]; then
      problems+=("$file:$line: Qt Charts ($qtHeader) outside gui/PriceChartView* and gui/chart/")
    fi
  done < <(grep -n -E '^#include <Q[A-Za-z]+>' "$file" | sed -E 's/^([0-9]+):#include <([A-Za-z]+)>.*/\1:\2/')
done < <(git ls-files 'src/*.h' 'src/*.cpp')

if [[ ${#problems[@]} -gt 0 ]]; then
  echo "check-layering.sh: ${#problems[@]} include(s) break the module rules:" >&2
  printf '  %s\n' "${problems[@]}" >&2
  exit 1
fi
echo "check-layering.sh: every include in src/ follows the module rules"
