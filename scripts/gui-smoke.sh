#!/usr/bin/env bash
# gui-smoke.sh COMMAND... : starts the command under a private Xvfb and waits (10 s at most) for a window titled
# "SSO Setup Console". Exit 0 when it appears, 1 otherwise (with the program's output).
set -euo pipefail
timeout_s=${SSC_WINDOW_TIMEOUT:-10}
disp=:$((100 + RANDOM % 400))
Xvfb "$disp" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
log=$(mktemp)
trap 'kill "${apid:-}" 2>/dev/null || true; kill "$xpid" 2>/dev/null || true; rm -f "$log"' EXIT
sleep 1
start=$(date +%s%N)
DISPLAY=$disp "$@" >"$log" 2>&1 & apid=$!
deadline=$(( $(date +%s) + timeout_s ))
while [ "$(date +%s)" -le "$deadline" ]; do
  if DISPLAY=$disp xwininfo -root -tree 2>/dev/null | grep -q '"SSO Setup Console"'; then
    echo "gui-smoke: window \"SSO Setup Console\" appeared after $(( ($(date +%s%N) - start) / 1000000 )) ms"
    exit 0
  fi
  kill -0 "$apid" 2>/dev/null || { echo "gui-smoke: the program exited early:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.2
done
echo "gui-smoke: no window titled \"SSO Setup Console\" within ${timeout_s} s" >&2
cat "$log" >&2
exit 1
