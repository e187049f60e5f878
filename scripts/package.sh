#!/usr/bin/env bash
# Builds the release packages of this host: on Debian, bitcoin-analyzer_<version>_<arch>.deb (with
# its split-off debug symbols, bitcoin-analyzer-dbgsym_<version>_<arch>.ddeb) and a .tar.gz, from
# an optimised build with debug info (preset "package": RelWithDebInfo, no tests) in build/package.
# The files land in build/package/dist/; lintian runs on the DEB. Windows, macOS and Flatpak:
# packaging/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$ROOT/scripts/setup-deps.sh"
BUILD="$ROOT/build/package"
cmake --preset package -S "$ROOT" >/dev/null
cmake --build "$BUILD" -j "$JOBS"
rm -rf "$BUILD/dist"
cpack -G "DEB;TGZ" --config "$BUILD/CPackConfig.cmake" -B "$BUILD/dist"
rm -rf "$BUILD/dist/_CPack_Packages"
echo "package.sh: built"
ls -l "$BUILD/dist"
lintian --info "$BUILD"/dist/*.deb || true
