#!/usr/bin/env bash
# Memory: resident memory (VmRSS) of the wizard after a walk (Provider filled and checked against a local provider,
# then Next through every step the walk can pass), in a fresh JVM with the app's runtime classpath and a real window
# under a private Xvfb. Reference: the same JVM right after the window was shown.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
. scripts/env.sh
ssc_find_jdk
bench_build_once
command -v Xvfb >/dev/null || ssc_install_packages xvfb
port=$(bench_free_port)
JSON_CONFIG='{"interactiveLogin":false,"httpServer":"NettyWrapper"}' SERVER_HOSTNAME=127.0.0.1 SERVER_PORT=$port "$JAVA_HOME/bin/java" -cp "$(cat target/test-classpath.txt)" \
  no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt >/dev/null 2>&1 & server=$!
disp=:$((500 + RANDOM % 400))
Xvfb "$disp" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
trap 'kill $server 2>/dev/null || true; kill $xpid 2>/dev/null || true' EXIT
issuer="http://127.0.0.1:$port/default"
bench_wait_http "$issuer/.well-known/openid-configuration"
mkdir -p target/bench
# the app's own jar (its manifest names target/lib/*) plus the harness class; no test libraries
# the installed launcher's GC (installer/Packager.java JAVA_OPTIONS), so that the figure is the operator's
read -r -a jvm_opts <<< "${MEMORY_JAVA_OPTS:--XX:+UseSerialGC}"
DISPLAY=$disp timeout 180 "$JAVA_HOME/bin/java" "${jvm_opts[@]}" --enable-native-access=ALL-UNNAMED \
  -cp "target/sso-setup-console.jar:target/test-classes" dev.ssosetup.bench.MemoryWalk "$issuer" \
  > target/bench/memory.txt 2>target/bench/memory.err || { cat target/bench/memory.err >&2; exit 1; }
val() { awk -v k="$1" '$1 == k { print $2 }' target/bench/memory.txt; }
reached=$(sed -n 's/^REACHED //p' target/bench/memory.txt)
bench_row "memory: RSS after the wizard walk (MiB)" "$(( $(val RSS_WALKED) / 1024 ))" "$(( $(val RSS_SHOWN) / 1024 ))" MiB "vs RSS with the window just shown; walked to: $reached; peak $(( $(val HWM) / 1024 )) MiB"
