#!/usr/bin/env bash
# bench/startup/jvm-options.sh: which JVM options earn their place in the launcher (installer/Packager.java
# JAVA_OPTIONS). Each variant runs the installed image's runtime and class path with the launcher's other options and
# an AOT cache trained for that variant (a cache is only used with the GC and options it was trained with), and is
# measured interleaved with the others in one run: the GUI's first frame (StartupProbe, in-process, since process
# start) and RSS 3 s after it, `sso-setup --version` and `sso-setup discover` against a local mock-oauth2-server
# (wall time of a fresh process). Prints a Markdown table of medians.
#
#   bench/startup/jvm-options.sh [RUNS]      (default 5; IMAGE as in run.sh; takes about 1 min + 40 s per run)
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
. scripts/env.sh
ssc_find_jdk
RUNS=${1:-5}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
bench_image
app=$IMAGE/lib/app
[ -f "$app/sso-setup.cfg" ] || { echo "no app image at $IMAGE" >&2; exit 1; }
bench_build_once
java=$IMAGE/lib/runtime/bin/java
cp="$app/sso-setup-console.jar:$(ls "$app"/lib/*.jar | tr '\n' ':')"
# the launcher's options without the ones this script varies and without its cache
mapfile -t base < <(sed -n 's/^java-options=//p' "$app/sso-setup.cfg" | sed "s#\$APPDIR#$app#g" \
    | grep -Ev '^-XX:AOTCache|^-XX:\+UseSerialGC|^-XX:\+UseG1GC|^-Xmx|^-Xms|^-XX:TieredStopAtLevel|^-Xss|^-XX:\+UseStringDeduplication')

declare -A OPTS=(
    [g1]=""
    [serial]="-XX:+UseSerialGC"
    [serial-xmx]="-XX:+UseSerialGC -Xmx512m"
    [serial-c1]="-XX:+UseSerialGC -Xmx512m -XX:TieredStopAtLevel=1"
    [serial-xms]="-XX:+UseSerialGC -Xms32m"
)
ORDER=(g1 serial serial-xmx serial-c1 serial-xms)

work=$(mktemp -d); xvfb_pid=; server=; app_pid=
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; [ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"' EXIT
display=:$((700 + RANDOM % 200))
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
port=$(bench_free_port)
SERVER_HOSTNAME=127.0.0.1 SERVER_PORT=$port "$JAVA_HOME/bin/java" -cp "$(cat target/test-classpath.txt)" \
  no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt >/dev/null 2>&1 & server=$!
issuer="http://127.0.0.1:$port/default"
bench_wait_http "$issuer/.well-known/openid-configuration"
export DISPLAY=$display

run() { # variant, extra args...: the app with that variant's options and cache (exec: $! is the JVM)
    local v=$1; shift
    # shellcheck disable=SC2086
    exec "$java" "${base[@]}" ${OPTS[$v]} "$@" -cp "$cp" dev.ssosetup.app.Main
}
for v in "${ORDER[@]}"; do
    echo "training $v..." >&2
    # shellcheck disable=SC2086
    SSO_SETUP_STARTUP_PROBE=exit timeout 120 "$java" "${base[@]}" ${OPTS[$v]} -XX:AOTCacheOutput="$work/$v.aot" \
        -Dsso.setup.aotTraining=true -cp "$cp" dev.ssosetup.app.Main >"$work/train-$v.log" 2>&1 \
        || { tail -5 "$work/train-$v.log" >&2; }
    [ -f "$work/$v.aot" ] || { echo "no cache for $v" >&2; exit 1; }
done

gui() { # variant: prints "<first-frame-ms> <rss-kb>"
    local v=$1 out=$work/gui.out line=
    SSO_SETUP_STARTUP_PROBE=report run "$v" -XX:AOTCache="$work/$v.aot" >"$out" 2>&1 & app_pid=$!
    for _ in $(seq 1 1500); do
        line=$(grep -o 'first-frame-ms=[0-9]*' "$out" || true); [ -n "$line" ] && break; sleep 0.02
    done
    sleep 3
    local rss; rss=$(awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status")
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
    echo "${line#first-frame-ms=} $rss"
}
cli() { # variant, args: wall ms of one fresh process
    local v=$1; shift
    local t0; t0=$(bench_now_ms)
    # shellcheck disable=SC2086
    "$java" "${base[@]}" ${OPTS[$v]} -XX:AOTCache="$work/$v.aot" -cp "$cp" dev.ssosetup.app.Main "$@" >/dev/null 2>&1 || true
    echo $(( $(bench_now_ms) - t0 ))
}
for v in "${ORDER[@]}"; do gui "$v" >/dev/null; cli "$v" --version >/dev/null; done # warm the page cache
for i in $(seq 1 "$RUNS"); do
    echo "round $i/$RUNS (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    for v in "${ORDER[@]}"; do
        gui "$v" >>"$work/$v.gui"
        cli "$v" --version >>"$work/$v.version"
        cli "$v" discover --issuer "$issuer" --json >>"$work/$v.discover"
    done
done
med() { bench_median $(cut -d' ' -f"$2" "$1"); }
printf '\n| JVM options (each with its own AOT cache) | first frame (ms) | RSS 3 s after (MB) | `--version` (ms) | `discover` (ms) |\n|---|---:|---:|---:|---:|\n'
for v in "${ORDER[@]}"; do
    printf '| %s | %s | %s | %s | %s |\n' "${OPTS[$v]:-(none: G1, default heap)}" "$(med "$work/$v.gui" 1)" \
        "$(awk -v k="$(med "$work/$v.gui" 2)" 'BEGIN { printf "%.0f", k / 1024 }')" \
        "$(med "$work/$v.version" 1)" "$(med "$work/$v.discover" 1)"
done
printf '\nmedians of %s interleaved runs, %s cores, load at the end %s\n' "$RUNS" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
