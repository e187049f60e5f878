#!/usr/bin/env bash
# The icons rendered from the SVG at build time (cmake/AppIcons.cmake): each hicolor PNG has its
# folder's size and an alpha channel, is not blank, and the .ico and .icns hold every size they
# should. Usage: check-icons.sh ICON_DIR APP_ID "PNG_SIZES" "ICO_SIZES" "ICNS_SIZES"
set -euo pipefail
dir="$1" id="$2"
read -r -a png_sizes <<<"$3"
read -r -a ico_sizes <<<"$4"
read -r -a icns_sizes <<<"$5"
fail() {
  echo "check-icons.sh: $*" >&2
  exit 1
}

for size in "${png_sizes[@]}"; do
  png="$dir/hicolor/${size}x${size}/apps/$id.png"
  [[ -f "$png" ]] || fail "missing $png"
  # Width, height, alpha channel, and how many colours: a failed render is one flat colour.
  read -r w h alpha colours < <(identify -format '%w %h %A %k\n' "$png")
  [[ "$w" == "$size" && "$h" == "$size" ]] || fail "$png is ${w}x$h"
  [[ "${alpha,,}" == blend || "${alpha,,}" == true ]] || fail "$png has no alpha channel ($alpha)"
  [[ "$colours" -ge 3 ]] || fail "$png has $colours colour(s): the SVG did not render"
done

ico="$dir/$id.ico"
[[ -f "$ico" ]] || fail "missing $ico"
got="$(icotool --list "$ico" | sed -nE 's/.*--width=([0-9]+).*/\1/p' | sort -n | tr '\n' ' ')"
want="$(printf '%s\n' "${ico_sizes[@]}" | sort -n | tr '\n' ' ')"
[[ "$got" == "$want" ]] || fail "$ico holds sizes '$got', expected '$want'"

icns="$dir/$id.icns"
[[ -f "$icns" ]] || fail "missing $icns"
got="$(icns2png --list "$icns" 2>&1 | sed -nE "s/^ *'[a-z0-9]{4}' ([0-9]+)x[0-9]+ .*/\1/p" | sort -nu | tr '\n' ' ')"
want="$(printf '%s\n' "${icns_sizes[@]}" | sort -n | tr '\n' ' ')"
[[ "$got" == "$want" ]] || fail "$icns holds sizes '$got', expected '$want'"
echo "check-icons.sh: ${#png_sizes[@]} PNGs, .ico (${ico_sizes[*]}), .icns (${icns_sizes[*]})"
