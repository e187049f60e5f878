#!/bin/sh
# Runs a command inside a private D-Bus session with its own unlocked gnome-keyring secret service,
# in a throw-away home, so that keychain tests never touch the user's real session or keyring.
#   with-secret-service.sh COMMAND [ARGS...]
# Any failure to set the session up is a test failure with a message, never a skip.
set -u

fail() {
    echo "with-secret-service.sh: $*" >&2
    exit 1
}

[ $# -ge 1 ] || fail "usage: with-secret-service.sh COMMAND [ARGS...]"
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 ||
        fail "'$tool' is not installed; run scripts/setup-deps.sh (packages dbus, dbus-x11, gnome-keyring)"
done

base=$(mktemp -d "${TMPDIR:-/tmp}/ba-secret-service.XXXXXX") || fail "cannot create a temporary folder"
trap 'rm -rf "$base"' EXIT
trap 'exit 1' INT TERM
mkdir -p "$base/home" "$base/config" "$base/data" "$base/cache" "$base/runtime" || fail "cannot prepare $base"
chmod 700 "$base/runtime"

# A fresh home: gnome-keyring creates a new "login" keyring there, unlocked with the password on stdin.
export HOME="$base/home" XDG_CONFIG_HOME="$base/config" XDG_DATA_HOME="$base/data" \
    XDG_CACHE_HOME="$base/cache" XDG_RUNTIME_DIR="$base/runtime" BA_SECRET_SERVICE_SANDBOX="$base"
unset DISPLAY WAYLAND_DISPLAY XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION \
    GNOME_DESKTOP_SESSION_ID GNOME_KEYRING_CONTROL DBUS_SESSION_BUS_ADDRESS

dbus-run-session -- sh -c '
    if ! printf "%s" pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; then
        echo "with-secret-service.sh: gnome-keyring-daemon failed to start in the private D-Bus session" >&2
        exit 1
    fi
    exec "$@"' with-secret-service "$@"
status=$?
exit $status
