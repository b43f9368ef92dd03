#!/usr/bin/env bash
# Login overhead: from the moment the loopback listener receives the callback to the verdict (token exchange, JWKS,
# validation, userinfo), in a warm JVM against a local mock-oauth2-server; side by side with the same HTTP calls
# (token exchange, JWKS, userinfo) made by curl, one process each, timed from the code in hand to the last answer.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
. scripts/env.sh
ssc_find_jdk
RUNS=${RUNS:-9}
bench_build_once
port=$(bench_free_port)
JSON_CONFIG='{"interactiveLogin":false,"httpServer":"NettyWrapper"}' SERVER_HOSTNAME=127.0.0.1 SERVER_PORT=$port "$JAVA_HOME/bin/java" -cp "$(cat target/test-classpath.txt)" \
  no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt >/dev/null 2>&1 & server=$!
trap 'kill $server 2>/dev/null || true' EXIT
issuer="http://127.0.0.1:$port/default"
bench_wait_http "$issuer/.well-known/openid-configuration"

ours=$("$JAVA_HOME/bin/java" -cp "$(bench_test_classpath)" dev.ssosetup.bench.LoginTiming "$issuer" "$RUNS" 2>/dev/null | tail -1)

redirect="http://127.0.0.1:1/callback"
floor=()
for i in $(seq 0 "$RUNS"); do
  loc=$(curl -s -o /dev/null -w '%{redirect_url}' \
    "$issuer/authorize?client_id=om-ui&response_type=code&scope=openid&state=s$i&nonce=n$i&redirect_uri=$redirect")
  code=$(printf '%s' "$loc" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
  t0=$(date +%s%N)
  at=$(curl -fs -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=$redirect" -d client_id=om-ui \
    "$issuer/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
  curl -fs "$issuer/jwks" >/dev/null
  curl -fs -H "Authorization: Bearer $at" "$issuer/userinfo" >/dev/null
  t=$(( ($(date +%s%N) - t0) / 100000 ))
  [ "$i" -gt 0 ] && floor+=("$t")   # the first round warms the server
done
floor_ms=$(awk -v t="$(bench_median "${floor[@]}")" 'BEGIN{printf "%.1f", t/10}')
bench_row "login: callback to verdict, warm JVM (ms, median of $RUNS)" "$ours" "$floor_ms" ms "vs curl: token + JWKS + userinfo, 3 processes"
