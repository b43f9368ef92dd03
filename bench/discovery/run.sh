#!/usr/bin/env bash
# Discovery check: `sso-setup discover` against a local OpenID provider (mock-oauth2-server, standalone on
# 127.0.0.1), side by side with curl fetching the same discovery document and JWKS in the same run (the floor).
# Two views of ours: the CLI as an operator runs it (a fresh JVM each time) and the check itself in a warm JVM.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
. scripts/env.sh
ssc_find_jdk
RUNS=${RUNS:-9}
bench_build_once
port=$(bench_free_port)
# the standalone main serves with Netty (no JUnit 4 needed) and follows SERVER_HOSTNAME / SERVER_PORT
SERVER_HOSTNAME=127.0.0.1 SERVER_PORT=$port "$JAVA_HOME/bin/java" -cp "$(cat target/test-classpath.txt)" \
  no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt >/dev/null 2>&1 & server=$!
trap 'kill $server 2>/dev/null || true' EXIT
issuer="http://127.0.0.1:$port/default"
bench_wait_http "$issuer/.well-known/openid-configuration"
jwks=$(curl -fs "$issuer/.well-known/openid-configuration" | python3 -c 'import json,sys; print(json.load(sys.stdin)["jwks_uri"])')

# warm up both once (page cache, the server's JIT)
curl -fs "$issuer/.well-known/openid-configuration" "$jwks" >/dev/null
"$JAVA_HOME/bin/java" -jar target/sso-setup-console.jar discover --issuer "$issuer" --json >/dev/null || true

cli=(); floor=()
for _ in $(seq 1 "$RUNS"); do
  t0=$(bench_now_ms); curl -fs "$issuer/.well-known/openid-configuration" >/dev/null; curl -fs "$jwks" >/dev/null
  floor+=($(( $(bench_now_ms) - t0 )))
  t0=$(bench_now_ms); "$JAVA_HOME/bin/java" -jar target/sso-setup-console.jar discover --issuer "$issuer" --json >/dev/null || true
  cli+=($(( $(bench_now_ms) - t0 )))
done
bench_row "discover: CLI, fresh JVM (ms, median of $RUNS)" "$(bench_median "${cli[@]}")" "$(bench_median "${floor[@]}")" ms "vs curl: discovery + JWKS, 2 processes"

# the check alone, in a warm JVM (what the wizard's "Check provider" costs)
warm=$("$JAVA_HOME/bin/java" -cp "$(bench_test_classpath)" dev.ssosetup.bench.DiscoveryTiming "$issuer" "$RUNS" 2>/dev/null | tail -1)
floor2=()
for _ in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N); curl -fs "$issuer/.well-known/openid-configuration" "$jwks" >/dev/null
  floor2+=($(( ($(date +%s%N) - t0) / 100000 )))
done
floor_tenths=$(bench_median "${floor2[@]}")
bench_row "discover: check in a warm JVM (ms, median of $RUNS)" "$warm" "$(awk -v t="$floor_tenths" 'BEGIN{printf "%.1f", t/10}')" ms "vs one curl fetching both (keep-alive)"
