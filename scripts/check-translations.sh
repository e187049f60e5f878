#!/usr/bin/env bash
# Fails unless every catalogue in translations/ is complete and current:
#   - running lupdate on src/ and ui/ would add no source string and drop none (an entry whose
#     source is gone is obsolete), and lupdate has no warning (a tr() it cannot give a context to
#     is never translated at run time);
#   - no entry is unfinished, vanished or obsolete, or has an empty translation (each plural form
#     of a %n message included);
#   - each translation keeps its source's %1…%9 and %n place markers.
# CTest runs it as the test "translations_complete" (label "translations").
# Usage: scripts/check-translations.sh [--update]
#   --update  runs lupdate on the catalogues in place first (what a translator does before
#             opening them in Qt Linguist), then checks.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LUPDATE="${LUPDATE:-$(qtpaths6 --query QT_HOST_BINS)/lupdate}"
# The options of qt_add_translations in src/app/CMakeLists.txt, so that both see the same strings.
LUPDATE_ARGS=(-no-obsolete -locations none "$ROOT/src" "$ROOT/ui")
[[ -x "$LUPDATE" ]] || { echo "check-translations.sh: lupdate not found (qt6-l10n-tools)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
shopt -s nullglob
catalogues=("$ROOT"/translations/*.ts)
[[ ${#catalogues[@]} -gt 0 ]] || { echo "check-translations.sh: no catalogue in translations/" >&2; exit 1; }

for ts in "${catalogues[@]}"; do
  name="$(basename "$ts")"
  if [[ "${1:-}" == "--update" ]]; then
    "$LUPDATE" "${LUPDATE_ARGS[@]}" -ts "$ts"
  fi
  cp "$ts" "$work/$name"
  if ! "$LUPDATE" -silent "${LUPDATE_ARGS[@]}" -ts "$work/$name" >"$work/lupdate.log" 2>&1; then
    cat "$work/lupdate.log" >&2
    echo "check-translations.sh: lupdate failed on $name" >&2
    exit 1
  fi
  if [[ -s "$work/lupdate.log" ]]; then
    echo "$name: lupdate warns (such a tr() gets no usable context and stays untranslated):"
    sed 's/^/  /' "$work/lupdate.log"
    status=1
  fi
  python3 - "$ts" "$work/$name" <<'PY' || status=1
import re
import sys
import xml.etree.ElementTree as ET

MAX_LISTED = 15

def messages(path):
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        cname = context.findtext("name", "")
        for msg in context.iter("message"):
            key = (cname, msg.findtext("source", ""), msg.findtext("comment", ""))
            found[key] = msg
    return found

def report(title, keys):
    """Lists the first entries of a problem; returns how many there are."""
    keys = sorted(keys)
    if keys:
        print(f"{title}: {len(keys)}")
        for cname, source, _ in keys[:MAX_LISTED]:
            print(f"  [{cname}] {source!r}")
        if len(keys) > MAX_LISTED:
            print(f"  ... and {len(keys) - MAX_LISTED} more")
    return len(keys)

def markers(text):
    return sorted(set(re.findall(r"%(?:[1-9]|n)", text or "")))

stored, current = messages(sys.argv[1]), messages(sys.argv[2])
name = sys.argv[1].rsplit("/", 1)[-1]
added = current.keys() - stored.keys()
dropped = stored.keys() - current.keys()
problems = report(f"{name}: source strings lupdate would add (run scripts/check-translations.sh --update, "
                  "then translate)", added)
problems += report(f"{name}: entries whose source string is gone (obsolete)", dropped)

unfinished, wrong_markers = [], []
for key, msg in stored.items():
    if key in dropped:
        continue
    translation = msg.find("translation")
    kind = translation.get("type", "") if translation is not None else "missing"
    forms = [f.text for f in translation.iter("numerusform")] if translation is not None else []
    texts = forms if msg.get("numerus") == "yes" else [translation.text if translation is not None else None]
    if kind in ("unfinished", "vanished", "obsolete", "missing") or not texts or not all(t and t.strip() for t in texts):
        unfinished.append(key)
        continue
    expected = markers(key[1])
    for text in texts:
        got = markers(text)
        # A plural form may leave out %n ("une heure"), but never a numbered marker.
        if [m for m in expected if m != "%n"] != [m for m in got if m != "%n"] or (got and "%n" in got and "%n" not in expected):
            wrong_markers.append(key)
            break
problems += report(f"{name}: entries unfinished, vanished, obsolete or empty", unfinished)
problems += report(f"{name}: translations whose %1…%9 place markers differ from the source", wrong_markers)
if problems == 0:
    print(f"{name}: {len(stored)} entries, all translated and current")
sys.exit(1 if problems else 0)
PY
done
exit $status
