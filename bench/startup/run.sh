#!/usr/bin/env bash
# bench/startup/run.sh: time to first window and resident memory, installed image vs java -jar, each next to a
# bare JavaFX window (one empty Stage) on the same runtime, in one run; and the CLI of the installed image as a fresh
# process, `sso-setup --version` beside `curl --version` and `sso-setup discover` against a local mock-oauth2-server
# beside two curl processes fetching the same discovery document and JWKS (CLI_RUNS, default 7, interleaved).
# Prints a Markdown table, then `ROW` lines for bench/run-all.sh (bench/lib.sh bench_row).
#
#   bench/startup/run.sh [RUNS]          RUNS per window variant (default 5); the median is reported
#
# Environment:
#   IMAGE      the installed app image (default /opt/sso-setup-console, else target/installer/image/sso-setup)
#   JAVA_HOME  the JDK for the java -jar variants (default Temurin 25)
# Needs: target/sso-setup-console.jar + target/lib (./mvnw package), the image (./mvnw -Pinstaller package or the
# installed .deb), Xvfb and xwininfo (apt-get install xvfb x11-utils).
#
# "first window" = from just before the process is spawned until X reports a mapped top-level window with the
# expected title (polled every 20 ms with xwininfo); "RSS" = VmRSS of the JVM 3 s after the window appeared.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
. scripts/env.sh
ssc_find_jdk
RUNS=${1:-5}
CLI_RUNS=${CLI_RUNS:-7}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
bench_image
[ -f target/sso-setup-console.jar ] || { echo "no target/sso-setup-console.jar: run ./mvnw package -DskipTests" >&2; exit 1; }
command -v Xvfb >/dev/null && command -v xwininfo >/dev/null || { echo "needs Xvfb and xwininfo: apt-get install xvfb x11-utils" >&2; exit 1; }

work=$(mktemp -d); xvfb_pid=; app_pid=; server=
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

# the bare window, compiled against the same JavaFX release, run on each runtime
fxjars=$(ls target/lib/javafx-*-linux.jar | tr '\n' ':')
"$JAVA_HOME/bin/javac" -d "$work/bare" --module-path "$fxjars" --add-modules javafx.controls bench/startup/BareWindow.java
# java -jar style: JavaFX on the class path of the JDK, like the app's manifest Class-Path
cp bench/startup/BareWindow.java "$work/" && mkdir -p "$work/launcher" && cat > "$work/launcher/BareMain.java" <<'J'
public class BareMain { public static void main(String[] a) { javafx.application.Application.launch(BareWindow.class, a); } }
J
"$JAVA_HOME/bin/javac" -d "$work/bare" -cp "$work/bare:$fxjars" "$work/launcher/BareMain.java"

display=:$((700 + RANDOM % 200))
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
sleep 1
export DISPLAY=$display

now_ms() { date +%s%3N; }

# one measurement: prints "<ms> <rss_kb>"
measure() {
    local title=$1; shift
    local t0; t0=$(now_ms)
    "$@" >"$work/out.log" 2>&1 & app_pid=$!
    local shown=
    for _ in $(seq 1 3000); do
        if xwininfo -root -tree 2>/dev/null | grep -q "\"$title\""; then shown=$(( $(now_ms) - t0 )); break; fi
        kill -0 "$app_pid" 2>/dev/null || break
        sleep 0.02
    done
    [ -n "$shown" ] || { echo "no window \"$title\" from: $*" >&2; cat "$work/out.log" >&2; exit 1; }
    sleep 3
    local rss; rss=$(awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status")
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
    echo "$shown $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

declare -A MS RSS
variant() {
    local key=$1 title=$2; shift 2
    : >"$work/$key"
    for i in $(seq 1 "$RUNS"); do measure "$title" "$@" >>"$work/$key"; done
    MS[$key]=$(cut -d' ' -f1 "$work/$key" | median)
    RSS[$key]=$(cut -d' ' -f2 "$work/$key" | median)
    echo "  $key: $(tr '\n' ' ' <"$work/$key")" >&2
}

cp_app="target/sso-setup-console.jar"
echo "measuring $RUNS runs per variant on $(nproc) cores (image: $IMAGE)..." >&2
# interleave warm-up so that the page cache is warm for everyone
measure "SSO Setup Console" "$IMAGE/bin/sso-setup" >/dev/null
measure "SSO Setup Console" "$JAVA_HOME/bin/java" -jar "$cp_app" >/dev/null
variant image_app  "SSO Setup Console" "$IMAGE/bin/sso-setup"
variant image_bare "Bare JavaFX"       "$IMAGE/lib/runtime/bin/java" -cp "$work/bare" BareWindow
variant jar_app    "SSO Setup Console" "$JAVA_HOME/bin/java" -jar "$cp_app"
variant jar_bare   "Bare JavaFX"       "$JAVA_HOME/bin/java" -cp "$work/bare:$fxjars" BareMain

# the CLI of the installed image, a fresh process each time, beside curl (interleaved)
[ -f target/test-classpath.txt ] || bench_build_once
port=$(bench_free_port)
SERVER_HOSTNAME=127.0.0.1 SERVER_PORT=$port "$JAVA_HOME/bin/java" -cp "$(cat target/test-classpath.txt)" \
  no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt >/dev/null 2>&1 & server=$!
issuer="http://127.0.0.1:$port/default"
bench_wait_http "$issuer/.well-known/openid-configuration"
jwks=$(curl -fs "$issuer/.well-known/openid-configuration" | python3 -c 'import json,sys; print(json.load(sys.stdin)["jwks_uri"])')
# the command on the PATH: lib/sso-setup-command on Linux (ADR 0035), else the native launcher
CLI="$IMAGE/lib/sso-setup-command"; [ -x "$CLI" ] || CLI="$IMAGE/bin/sso-setup"
echo "  cli: $CLI" >&2
"$CLI" --version >/dev/null; "$CLI" discover --issuer "$issuer" --json >/dev/null || true
elapsed() { local t0; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; echo $(( ($(date +%s%N) - t0) / 1000000 )); }
both_curls() { curl -fs "$issuer/.well-known/openid-configuration" >/dev/null && curl -fs "$jwks" >/dev/null; }
v=(); cv=(); d=(); cd_=()
for _ in $(seq 1 "$CLI_RUNS"); do
    v+=("$(elapsed "$CLI" --version)"); cv+=("$(elapsed curl --version)")
    d+=("$(elapsed "$CLI" discover --issuer "$issuer" --json)"); cd_+=("$(elapsed both_curls)")
done
kill "$server" 2>/dev/null; server=
echo "  cli --version: ${v[*]} | curl --version: ${cv[*]}" >&2
echo "  cli discover: ${d[*]} | curl x2: ${cd_[*]}" >&2
VERSION_MS=$(bench_median "${v[@]}"); CURL_VERSION_MS=$(bench_median "${cv[@]}")
DISCOVER_MS=$(bench_median "${d[@]}"); CURL_DISCOVER_MS=$(bench_median "${cd_[@]}")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
cat <<TABLE

| variant | first window (ms) | vs bare window | RSS (MB) | vs bare window |
|---|---:|---:|---:|---:|
| installed image (jlink runtime, JavaFX modules, AOT cache) | ${MS[image_app]} | $(ratio "${MS[image_app]}" "${MS[image_bare]}") | $(mb "${RSS[image_app]}") | $(ratio "${RSS[image_app]}" "${RSS[image_bare]}") |
| bare JavaFX window on the image runtime | ${MS[image_bare]} | 1.00 | $(mb "${RSS[image_bare]}") | 1.00 |
| \`java -jar\` (JDK 25, JavaFX on the class path) | ${MS[jar_app]} | $(ratio "${MS[jar_app]}" "${MS[jar_bare]}") | $(mb "${RSS[jar_app]}") | $(ratio "${RSS[jar_app]}" "${RSS[jar_bare]}") |
| bare JavaFX window, JDK 25 + class path | ${MS[jar_bare]} | 1.00 | $(mb "${RSS[jar_bare]}") | 1.00 |

installed image vs \`java -jar\`: first window $(ratio "${MS[image_app]}" "${MS[jar_app]}")x, RSS $(ratio "${RSS[image_app]}" "${RSS[jar_app]}")x (median of $RUNS runs, $(nproc) cores, Xvfb, software rendering)

| CLI of the installed image, fresh process | ours (ms) | curl (ms) |
|---|---:|---:|
| \`sso-setup --version\` vs \`curl --version\` | $VERSION_MS | $CURL_VERSION_MS |
| \`sso-setup discover\` vs curl fetching discovery + JWKS (2 processes) | $DISCOVER_MS | $CURL_DISCOVER_MS |

(CLI: median of $CLI_RUNS runs, interleaved with curl)
TABLE
bench_row "start-up: installed image, first window (ms, median of $RUNS)" "${MS[image_app]}" "${MS[image_bare]}" ms "vs bare JavaFX window on the image runtime, no cache"
bench_row "start-up: java -jar, first window (ms, median of $RUNS)" "${MS[jar_app]}" "${MS[jar_bare]}" ms "vs bare JavaFX window, JDK + class path"
bench_row "start-up: installed image, RSS 3 s after the window (MB)" "$(mb "${RSS[image_app]}")" "$(mb "${RSS[image_bare]}")" MB "vs bare JavaFX window on the image runtime"
bench_row "start-up: java -jar, RSS 3 s after the window (MB)" "$(mb "${RSS[jar_app]}")" "$(mb "${RSS[jar_bare]}")" MB "vs bare JavaFX window, JDK + class path"
bench_row "CLI: sso-setup --version, fresh process (ms, median of $CLI_RUNS)" "$VERSION_MS" "$CURL_VERSION_MS" ms "installed image vs curl --version"
bench_row "CLI: sso-setup discover, fresh process (ms, median of $CLI_RUNS)" "$DISCOVER_MS" "$CURL_DISCOVER_MS" ms "installed image vs curl: discovery + JWKS, 2 processes"
