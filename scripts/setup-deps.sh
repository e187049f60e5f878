#!/usr/bin/env bash
# Installs every Debian 12 package Bitcoin Analyzer needs to build, run, test and package.
# Idempotent: when everything is present it only checks and returns.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # formatting check (InsertBraces needs 15)
  clang-format-15
  # fuzzing with libFuzzer (preset "fuzz", scripts/fuzz.sh); llvm-14 brings llvm-symbolizer
  clang-14 libclang-rt-14-dev llvm-14
  # Qt 6 modules
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-webengine-dev qt6-webengine-dev-tools
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins libgl1-mesa-dev libxkbcommon-dev
  qtkeychain-qt6-dev
  # headless GUI tests, screenshots, fonts
  xvfb xauth imagemagick fonts-dejavu-core
  # test and diagnostics tools
  sqlite3 python3
  # packaging and metadata validation (scripts/package.sh, scripts/package-check.sh, tests/packaging):
  # icons rendered from the SVG (rsvg-convert) and packed for Windows (icotool) and macOS (png2icns),
  # the manual page from --help (help2man) and checked with man, the Flatpak manifest read by Python
  dpkg-dev file lintian desktop-file-utils appstream librsvg2-bin icoutils icnsutils help2man man-db
  python3-yaml
  # secret service for keychain tests; QtKeychain loads libsecret at run time (no package dependency)
  dbus dbus-x11 gnome-keyring libsecret-1-0
)

if [[ ! -r /etc/debian_version ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-deps.sh: this script supports Debian 12 (apt-get) only; install the packages listed in it by other means." >&2
  exit 1
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-deps.sh: missing packages (${missing[*]}) and not root; run as root or install sudo." >&2
    exit 1
  fi
fi

echo "setup-deps.sh: installing ${#missing[@]} package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
