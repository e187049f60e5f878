# Shared by run.sh and test.sh: headless-friendly environment for Qt and Qt WebEngine.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="${JOBS:-$(nproc)}"
if [[ $(id -u) -eq 0 ]]; then
  # Chromium refuses to run as root with its sandbox on.
  export QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:-} --no-sandbox"
fi
# ccache: hit across checkouts of the same sources (CI builds a fresh clone in another folder).
export CCACHE_BASEDIR="$ROOT"
export CCACHE_NOHASHDIR=true
