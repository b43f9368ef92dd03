#!/usr/bin/env bash
# shot.sh OUT.png [SECONDS] : starts the built app under a private Xvfb, waits SECONDS (default 8) after its window
# appears, and saves a screenshot. For README images and for looking at the UI.
set -euo pipefail
out=$1; wait_s=${2:-8}
cd "$(dirname "$0")/.."
. scripts/env.sh
ssc_find_jdk
ssc_install_packages "${SSC_GUI_PACKAGES[@]}" xvfb x11-utils imagemagick  # Xvfb, xwininfo, import
disp=:$((500 + RANDOM % 400))
Xvfb "$disp" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
trap 'kill "${apid:-}" 2>/dev/null || true; kill "$xpid" 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$disp "$JAVA_HOME/bin/java" -jar target/sso-setup-console.jar >/dev/null 2>&1 & apid=$!
for _ in $(seq 1 120); do
  DISPLAY=$disp xwininfo -root -tree 2>/dev/null | grep -q '"SSO Setup Console"' && break
  sleep 0.25
done
sleep "$wait_s"
DISPLAY=$disp import -window root "$out"
echo "saved $out"
