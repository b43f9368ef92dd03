# Shared helpers for the benchmarks (sourced). Each benchmark prints result rows with `bench_row`; run-all.sh
# collects them into one table.

# bench_row NAME OURS REFERENCE UNIT NOTE : one result line (numbers without units), ratio computed here
bench_row() {
  local ratio
  ratio=$(awk -v a="$2" -v b="$3" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
  printf 'ROW\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$ratio" "$4" "$5"
}

# median of the numbers given as arguments
bench_median() {
  printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# milliseconds since the epoch
bench_now_ms() {
  echo $(( $(date +%s%N) / 1000000 ))
}

# a free TCP port on 127.0.0.1
bench_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# builds what the benchmarks run, once: the app jar, the compiled tests and the test classpath
bench_build_once() {
  local mvn=(./mvnw -q -B)
  [ -n "${BENCH_OFFLINE:-}" ] && mvn+=(-o)
  if [ ! -f target/sso-setup-console.jar ] || [ ! -f target/test-classes/dev/ssosetup/bench/DiscoveryTiming.class ]; then
    nice "${mvn[@]}" package -DskipTests >&2
  fi
  [ -f target/test-classpath.txt ] || nice "${mvn[@]}" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt >&2
}

# the classpath of a warm-JVM harness: main classes, test classes, every test-scope dependency
bench_test_classpath() {
  printf '%s' "target/classes:target/test-classes:$(cat target/test-classpath.txt)"
}

# bench_wait_http URL : waits up to 60 s for URL to answer 2xx
bench_wait_http() {
  local i
  for i in $(seq 1 300); do curl -fs -m 2 "$1" >/dev/null && return 0; sleep 0.2; done
  echo "bench: $1 did not come up within 60 s" >&2
  return 1
}

# The app image to measure: $IMAGE if set, else the installed package, else the one ./mvnw -Pinstaller package built;
# exits when there is none.
bench_image() {
    if [ -z "${IMAGE:-}" ]; then
        if [ -x /opt/sso-setup-console/bin/sso-setup ]; then IMAGE=/opt/sso-setup-console; else IMAGE=target/installer/image/sso-setup; fi
    fi
    [ -x "$IMAGE/bin/sso-setup" ] || { echo "no app image at $IMAGE: run ./mvnw -Pinstaller package -DskipTests" >&2; exit 1; }
}
