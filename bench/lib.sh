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
