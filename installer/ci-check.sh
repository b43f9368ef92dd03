#!/usr/bin/env bash
# installer/ci-check.sh: builds the .deb, installs it, proves the installed app works, removes it.
#
#   installer/ci-check.sh            (from the repository root or anywhere; needs root for apt-get/dpkg)
#
# Steps, each failing loudly with the reason:
#   1. installs the build/test tools it needs with apt-get (xvfb, x11-utils, fakeroot, dpkg-dev, binutils)
#   2. ./mvnw -B -Pinstaller package -DskipTests          -> target/installer/sso-setup-console_<v>-1_amd64.deb
#   3. the .deb is at most 60 MB
#   4. apt-get install -y ./file.deb                      (pulls GTK 3, GL, Xtst; menu registration may fail: tolerated)
#      and `sso-setup --version` works from the PATH (/usr/bin/sso-setup, a link the package adds and removes)
#   5. /opt/sso-setup-console/bin/sso-setup --version     prints "sso-setup <version>", and the AOT cache is used
#   6. the installed GUI starts under Xvfb and its window "SSO Setup Console" appears (xwininfo -root -tree)
#   7. apt-get remove -y sso-setup-console                and /opt/sso-setup-console is gone
set -euo pipefail

PKG=sso-setup-console
PREFIX=/opt/$PKG
LAUNCHER=$PREFIX/bin/sso-setup
TITLE="SSO Setup Console"
MAX_BYTES=$((60 * 1024 * 1024))
WINDOW_TIMEOUT_S=${WINDOW_TIMEOUT_S:-120}

cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

step() { printf '\n[installer-check] %s\n' "$*"; }
fail() { printf '\n[installer-check] FAILED: %s\n' "$*" >&2; exit 1; }

xvfb_pid=; app_pid=; workdir=$(mktemp -d)
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$workdir"
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || fail "run as root: the check installs and removes a system package"
[ -x "$JAVA_HOME/bin/jpackage" ] || fail "no jpackage in JAVA_HOME=$JAVA_HOME: point JAVA_HOME at a full JDK 25"

step "1/7 tools (apt-get)"
need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null || need+=(x11-utils)
command -v fakeroot >/dev/null || need+=(fakeroot)
command -v dpkg-shlibdeps >/dev/null || need+=(dpkg-dev)
command -v objcopy >/dev/null || need+=(binutils)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing: ${need[*]}"
    apt-get update -qq || fail "apt-get update failed (network or sources.list)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
        || fail "apt-get could not install ${need[*]}"
fi

step "2/7 build: ./mvnw -B -Pinstaller package -DskipTests"
rm -rf target/installer
./mvnw -B -q -Pinstaller package -DskipTests || fail "the installer build failed (output above)"
shopt -s nullglob
debs=(target/installer/${PKG}_*.deb)
[ ${#debs[@]} -eq 1 ] || fail "expected one target/installer/${PKG}_*.deb, found ${#debs[@]}"
deb=$(realpath "${debs[0]}")
echo "built $deb"

step "3/7 size budget"
bytes=$(stat -c %s "$deb")
printf '%s: %.1f MB (budget 60 MB)\n' "$(basename "$deb")" "$(awk -v b="$bytes" 'BEGIN{print b/1048576}')"
[ "$bytes" -le "$MAX_BYTES" ] || fail ".deb is $bytes bytes, over the 60 MB budget"

step "4/7 install: apt-get install -y $deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" >"$workdir/apt.log" 2>&1 \
    || { cat "$workdir/apt.log"; fail "apt-get install of the .deb failed"; }
dpkg-query -W -f='${Status} ${Version}\n' "$PKG" | grep -q 'install ok installed' \
    || fail "dpkg does not list $PKG as installed"
[ -x "$LAUNCHER" ] || fail "$LAUNCHER is missing after install"
echo "installed $(dpkg-query -W -f='${Package} ${Version}' "$PKG")"
[ "$(command -v sso-setup)" = /usr/bin/sso-setup ] || fail "'sso-setup' is not on the PATH after install"
onpath=$(sso-setup --version 2>&1) || { echo "$onpath"; fail "'sso-setup --version' from the PATH failed"; }
echo "$onpath" | grep -q '^sso-setup [0-9]' || fail "'sso-setup --version' from the PATH printed: $onpath"
echo "sso-setup on the PATH: $(command -v sso-setup) -> $(readlink -f "$(command -v sso-setup)")"
pathaot=$(JAVA_TOOL_OPTIONS=-Xlog:aot sso-setup --version 2>&1 || true)
echo "$pathaot" | grep -q 'Opened AOT cache' \
    || { echo "$pathaot" | grep -i aot | head; fail "'sso-setup' on the PATH did not open the AOT cache"; }
if echo "$pathaot" | grep -iqE 'mismatch|AOT cache.*(disabled|cannot be used)|Unable to (map|use)'; then
    echo "$pathaot" | grep -iE 'mismatch|disabled|cannot|unable' | head
    fail "'sso-setup' on the PATH: the AOT cache was rejected"
fi
pathhits=$(JAVA_TOOL_OPTIONS=-Xlog:class+load sso-setup --version 2>&1 | grep -c 'source: shared objects file' || true)
echo "'sso-setup --version' from the PATH took $pathhits classes from the AOT cache"
[ "$pathhits" -gt 1000 ] || fail "'sso-setup' on the PATH took only $pathhits classes from the AOT cache"
cmp -s "$PREFIX/lib/sso-setup.png" icons/sso-setup-console-256.png \
    || fail "the installed menu icon $PREFIX/lib/sso-setup.png is not icons/sso-setup-console-256.png"
if ls /usr/share/applications/*sso-setup*.desktop /usr/local/share/applications/*sso-setup*.desktop >/dev/null 2>&1; then
    echo "menu entry registered"
else
    echo "note: no menu entry registered (tolerated: xdg-desktop-menu had no writable menu directory)"
fi

step "5/7 $LAUNCHER --version (and the AOT cache is used)"
out=$("$LAUNCHER" --version 2>&1) || { echo "$out"; fail "'sso-setup --version' exited non-zero"; }
echo "$out"
echo "$out" | grep -q '^sso-setup [0-9]' || fail "'sso-setup --version' did not print 'sso-setup <version>'"
aotlog=$(JAVA_TOOL_OPTIONS=-Xlog:aot "$LAUNCHER" --version 2>&1 || true)
echo "$aotlog" | grep -q 'Opened AOT cache' \
    || { echo "$aotlog" | grep -i aot | head; fail "the installed launcher did not open its AOT cache $PREFIX/lib/app/app.aot"; }
if echo "$aotlog" | grep -iqE 'mismatch|AOT cache.*(disabled|cannot be used)|Unable to (map|use)'; then
    echo "$aotlog" | grep -iE 'mismatch|disabled|cannot|unable' | head
    fail "the AOT cache was rejected after moving the image to $PREFIX"
fi
# hits: classes the installed launcher took from the cache against those it still loaded from jars (CLI path)
classlog=$(JAVA_TOOL_OPTIONS=-Xlog:class+load "$LAUNCHER" --version 2>&1 || true)
hits=$(echo "$classlog" | grep -c 'source: shared objects file' || true)
misses=$(echo "$classlog" | grep 'class,load' | grep -vc 'source: shared objects file' || true)
echo "AOT cache opened and accepted: --version took $hits classes from the cache, loaded $misses elsewhere"
[ "$hits" -gt "$misses" ] || fail "the AOT cache served only $hits classes against $misses loaded from jars"

step "6/7 GUI under Xvfb: window \"$TITLE\" must appear within ${WINDOW_TIMEOUT_S}s"
display=:$((600 + RANDOM % 300))
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >"$workdir/xvfb.log" 2>&1 & xvfb_pid=$!
sleep 1
kill -0 "$xvfb_pid" 2>/dev/null || { cat "$workdir/xvfb.log"; fail "Xvfb did not start on $display"; }
DISPLAY=$display "$LAUNCHER" >"$workdir/gui.log" 2>&1 & app_pid=$!
start=$(date +%s)
shown=
while [ $(( $(date +%s) - start )) -lt "$WINDOW_TIMEOUT_S" ]; do
    if DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -q "\"$TITLE\""; then shown=yes; break; fi
    kill -0 "$app_pid" 2>/dev/null || { cat "$workdir/gui.log"; fail "the installed GUI exited before showing its window"; }
    sleep 0.25
done
[ -n "$shown" ] || { cat "$workdir/gui.log"; fail "no window titled \"$TITLE\" after ${WINDOW_TIMEOUT_S}s"; }
sleep 2
kill -0 "$app_pid" 2>/dev/null || { cat "$workdir/gui.log"; fail "the GUI died right after showing its window"; }
if grep -E 'Exception|Error' "$workdir/gui.log" | grep -v '^\[' >/dev/null; then
    cat "$workdir/gui.log"; fail "the installed GUI logged an exception (module access? see above)"
fi
echo "window \"$TITLE\" shown after $(( $(date +%s) - start ))s"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
kill "$xvfb_pid"; xvfb_pid=

step "7/7 remove: apt-get remove -y $PKG"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -q "$PKG" >"$workdir/remove.log" 2>&1 \
    || { cat "$workdir/remove.log"; fail "apt-get remove $PKG failed"; }
! dpkg-query -W -f='${Status}\n' "$PKG" 2>/dev/null | grep -q 'install ok installed' \
    || fail "$PKG is still installed after removal"
[ ! -e "$LAUNCHER" ] || fail "$LAUNCHER still exists after removal"
[ ! -e /usr/bin/sso-setup ] && [ ! -L /usr/bin/sso-setup ] || fail "/usr/bin/sso-setup still exists after removal"

printf '\n[installer-check] OK: %s built (%.1f MB), installed, --version and GUI work, removed\n' \
    "$(basename "$deb")" "$(awk -v b="$bytes" 'BEGIN{print b/1048576}')"
