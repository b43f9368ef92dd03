#!/usr/bin/env bash
# shots.sh [--size WxH] [--lang LANG] [--out DIR] : the README's per-step screenshots. Under a private Xvfb, walks the
# real wizard through its five steps with realistic state (a mock provider, a passed login test, generated keys, a
# push to a test OpenMetadata: src/test/java/dev/ssosetup/bench/ScreenshotTour.java) and writes
# step-<n>-<step>-light.png and -dark.png for each step.
#   default: 1280x860, English, into docs/images
#   --size 900x620 : the window's minimum size (default output target/shots/900x620)
#   --lang de      : another language (files get a -de suffix)
# Maven runs offline (-o) unless SHOTS_ONLINE=1.
set -euo pipefail
size=1280x860; lang=en; out=""
while [ $# -gt 0 ]; do
  case $1 in
    --size) size=$2; shift 2 ;;
    --lang) lang=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: scripts/shots.sh [--size WxH] [--lang LANG] [--out DIR]" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
[ -n "$out" ] || { [ "$size" = 1280x860 ] && out=docs/images || out=target/shots/$size; }
mkdir -p "$out"; out=$(cd "$out" && pwd)
. scripts/env.sh
ssc_find_jdk
ssc_install_packages "${SSC_GUI_PACKAGES[@]}" xvfb
w=${size%x*}; h=${size#*x}
disp=:$((500 + RANDOM % 400))
Xvfb "$disp" -screen 0 "$((w > 1280 ? w : 1280))x$((h > 860 ? h : 860))x24" -nolisten tcp >/dev/null 2>&1 & xpid=$!
trap 'kill "$xpid" 2>/dev/null || true' EXIT
sleep 1
mvn=(./mvnw -q -B)
[ "${SHOTS_ONLINE:-}" = 1 ] || mvn+=(-o)
log=target/shots.log
mkdir -p target
if ! DISPLAY=$disp "${mvn[@]}" test -Dtest=ScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false \
    -DtrimStackTrace=false -Dshots.out="$out" -Dshots.size="$size" -Dshots.lang="$lang" >"$log" 2>&1; then
  echo "shots: the tour failed (see $log)" >&2
  grep -E "SHOT|ERROR|Exception|AssertionError" "$log" | head -20 >&2
  exit 1
fi
grep -o "SHOT .*" target/surefire-reports/*ScreenshotTour-output.txt 2>/dev/null | sed 's/^SHOT /saved /' \
  || ls -1 "$out"/step-*.png
