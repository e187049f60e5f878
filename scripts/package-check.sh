#!/usr/bin/env bash
# The Debian package as a user gets it, checked end to end (CTest test "package_check", label
# "package", run by scripts/test.sh):
#   1. cpack builds the DEB from a configured and built folder (default build/dev);
#   2. lintian reports no error and no warning (a warning is only accepted through a commented
#      override shipped in the package), desktop-file-validate and appstreamcli validate --no-net
#      pass on the files inside the package, and the versions of CMake, changelog and metainfo agree;
#   3. dpkg -i installs it; /usr/bin/bitcoin-analyzer --version answers, and an offscreen start on a
#      throw-away data folder opens its database and shows its window (the run-time plugins work);
#   4. dpkg -P removes it and no installed file is left behind.
# Usage: scripts/package-check.sh [BUILD_DIR]
# Needs root for dpkg; without it the check fails (it never skips). Runs of several checkouts on
# one machine take turns (flock), since each installs and removes the same package.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
BUILD="$(cd "${1:-$ROOT/build/dev}" && pwd)"
PACKAGE=bitcoin-analyzer
APP_ID=org.bitcoinanalyzer.BitcoinAnalyzer

fail() {
  echo "package-check.sh: FAILED: $*" >&2
  exit 1
}
step() { echo "== $*"; }

[[ $(id -u) -eq 0 ]] || fail "installing the package needs root (dpkg -i); run as root, as CI does."
for tool in cpack lintian desktop-file-validate appstreamcli dpkg-deb sqlite3 flock; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run scripts/setup-deps.sh"
done
[[ -f "$BUILD/CPackConfig.cmake" ]] || fail "$BUILD is not a configured build folder with packaging (BA_BUILD_PACKAGING)."

exec 9>/run/lock/bitcoin-analyzer-package-check.lock
flock -w 1800 9 || fail "another package check held the lock for 30 minutes"
if dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null | grep -q 'installed'; then
  fail "$PACKAGE is already installed; this check installs and purges it. Remove it first: dpkg -P $PACKAGE"
fi

WORK="$BUILD/package-check"
rm -rf "$WORK"
mkdir -p "$WORK"
installed=0
cleanup() {
  if [[ $installed == 1 ]]; then
    dpkg -P "$PACKAGE" >/dev/null 2>&1 || echo "package-check.sh: could not purge $PACKAGE" >&2
  fi
}
trap cleanup EXIT

step "cpack -G DEB from $BUILD"
start=$SECONDS
cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK" >"$WORK/cpack.log" 2>&1 ||
  { cat "$WORK/cpack.log" >&2; fail "cpack could not build the package"; }
deb="$(find "$WORK" -maxdepth 1 -name "${PACKAGE}_*.deb" | head -1)"
[[ -n "$deb" ]] || fail "cpack made no ${PACKAGE}_*.deb in $WORK"
echo "   $(basename "$deb"), $(du -h "$deb" | cut -f1), $((SECONDS - start)) s"

step "lintian"
# Tags of the "info" level are shown but do not fail the check; errors and warnings do.
lintian --fail-on error,warning --display-info --tag-display-limit 0 "$deb" | tee "$WORK/lintian.txt" ||
  fail "lintian found errors or warnings (above); fix them, or override one with a comment saying why in packaging/linux/lintian-overrides"
[[ -s "$WORK/lintian.txt" ]] || echo "   no tags"

step "desktop entry, AppStream metadata and versions inside the package"
tree="$WORK/tree"
dpkg-deb -x "$deb" "$tree"
desktop-file-validate "$tree/usr/share/applications/$APP_ID.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$tree/usr/share/metainfo/$APP_ID.metainfo.xml" || fail "appstreamcli validate"
version="$(dpkg-deb -f "$deb" Version)"
changelog_version="$(zcat "$tree/usr/share/doc/$PACKAGE/changelog.gz" | sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p')"
metainfo_version="$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$tree/usr/share/metainfo/$APP_ID.metainfo.xml" | head -1)"
[[ "$changelog_version" == "$version" && "$metainfo_version" == "$version" ]] ||
  fail "versions differ: package $version, changelog $changelog_version, metainfo release $metainfo_version"
echo "   version $version everywhere"

step "dpkg -i"
dpkg -i "$deb" >"$WORK/dpkg-install.log" 2>&1 || { cat "$WORK/dpkg-install.log" >&2; installed=1; fail "dpkg -i"; }
installed=1
dpkg -L "$PACKAGE" >"$WORK/installed-files.txt"

step "/usr/bin/$PACKAGE --version"
home="$WORK/home"
mkdir -p "$home"
run_env=(env -i PATH=/usr/bin:/bin HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
         XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/runtime" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen
         QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:-}")
mkdir -p -m 0700 "$home/runtime"
got="$("${run_env[@]}" /usr/bin/$PACKAGE --version)" || fail "--version exited with $?"
[[ "$got" == "$PACKAGE $version" ]] || fail "--version printed '$got', expected '$PACKAGE $version'"
echo "   $got"

step "offscreen start of /usr/bin/$PACKAGE on a new data folder"
data="$WORK/data"
log="$data/logs/$PACKAGE.log"
"${run_env[@]}" /usr/bin/$PACKAGE --data-dir "$data" --offline >"$WORK/app-output.txt" 2>&1 &
app=$!
shown=0
for _ in $(seq 600); do
  if grep -q 'ba.app.context \[-\] main window shown' "$log" 2>/dev/null; then
    shown=1
    break
  fi
  kill -0 "$app" 2>/dev/null || break
  sleep 0.1
done
# The application has no "quit after start" switch: once the window is up it is stopped like a
# session ending (SIGTERM); the database is already on disk in WAL mode.
kill -TERM "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
if [[ $shown != 1 ]]; then
  cat "$WORK/app-output.txt" >&2
  fail "the installed application did not show its window within 60 s (output above)"
fi
grep -q "ba.storage.db \[-\] opened $data/$PACKAGE.sqlite" "$log" || fail "the log does not say the database was opened"
tables="$(sqlite3 "$data/$PACKAGE.sqlite" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)")"
schema="$(sqlite3 "$data/$PACKAGE.sqlite" 'PRAGMA user_version')"
for table in prices candles news analyses; do
  [[ " $tables " == *" $table "* ]] || fail "table $table missing from the new database (tables: $tables)"
done
if grep -E -i 'could not (load|find) the qt platform plugin|driver not loaded|cannot load library' "$WORK/app-output.txt"; then
  fail "a Qt plugin failed to load (above)"
fi
echo "   window shown, database schema $schema with tables: $tables"

step "dpkg -P leaves nothing behind"
dpkg -P "$PACKAGE" >"$WORK/dpkg-purge.log" 2>&1 || { cat "$WORK/dpkg-purge.log" >&2; fail "dpkg -P"; }
installed=0
left=()
while read -r path; do
  [[ -z "$path" || "$path" == "/." ]] && continue
  if [[ -d "$path" && ! -L "$path" ]]; then
    # A folder may stay when another package still owns it (/usr/share/icons/hicolor/48x48/apps).
    dpkg-query -S "$path" >/dev/null 2>&1 || left+=("$path/")
  elif [[ -e "$path" || -L "$path" ]]; then
    left+=("$path")
  fi
done <"$WORK/installed-files.txt"
[[ ${#left[@]} -eq 0 ]] || fail "left behind after dpkg -P: ${left[*]}"
echo "   $(wc -l <"$WORK/installed-files.txt") paths installed, none left"
echo "package-check.sh: passed"
