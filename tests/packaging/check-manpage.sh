#!/usr/bin/env bash
# The manual page against the program it documents: every option that --help lists is in the
# OPTIONS section, every environment variable the program reads is in the ENVIRONMENT section,
# and man renders the page without a warning (as lintian checks it).
# Environment variables: those --help names, and every BITCOIN_ANALYZER_* or *_API_KEY name that
# appears in the sources (src/), so that a new variable cannot go undocumented.
# Usage: check-manpage.sh PROGRAM MAN_PAGE SOURCE_DIR
set -euo pipefail
program="$1" page="$2" sources="$3"
fail() {
  echo "check-manpage.sh: $*" >&2
  exit 1
}
[[ -f "$page" ]] || fail "no manual page at $page"

help="$(QT_QPA_PLATFORM=offscreen "$program" --help)" || fail "$program --help failed"
# roff escapes the hyphens of options (\-\-data\-dir); what a reader sees is what is compared.
text="$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\fI\\,//g' -e 's/\\\/\\fR//g' "$page")"
section() { awk -v name="$1" '/^\.SH /{on = ($2 == name)} on' <<<"$text"; }
options_section="$(section OPTIONS)"
environment_section="$(section ENVIRONMENT)"
[[ -n "$options_section" && -n "$environment_section" ]] || fail "the page lacks an OPTIONS or ENVIRONMENT section"

mapfile -t options < <(grep -oE -- '(^|[ ,])--?[a-z][a-z-]*' <<<"$help" | sed -E 's/^[ ,]*//' | sort -u)
[[ ${#options[@]} -ge 5 ]] || fail "found only ${#options[@]} options in --help: ${options[*]}"
missing=()
for option in "${options[@]}"; do
  grep -qE -- "(^|[^a-z-])$option([^a-z-]|$)" <<<"$options_section" || missing+=("$option")
done
[[ ${#missing[@]} -eq 0 ]] || fail "options in --help but not in the page's OPTIONS: ${missing[*]}"

mapfile -t variables < <({
  grep -oE '\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\b' <<<"$help"
  grep -rhoE '"(BITCOIN_ANALYZER_[A-Z0-9_]+|[A-Z]+_API_KEY)"' "$sources" | tr -d '"'
} | sort -u)
[[ ${#variables[@]} -ge 3 ]] || fail "found only ${#variables[@]} environment variables: ${variables[*]}"
missing=()
for variable in "${variables[@]}"; do
  grep -qE "^\.B $variable\$|^$variable\$" <<<"$environment_section" || missing+=("$variable")
done
[[ ${#missing[@]} -eq 0 ]] || fail "environment variables not in the page's ENVIRONMENT: ${missing[*]}"

warnings="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)" || true
[[ -z "$warnings" ]] || fail "man warns about the page: $warnings"
echo "check-manpage.sh: ${#options[@]} options and ${#variables[@]} environment variables documented"
