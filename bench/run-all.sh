#!/usr/bin/env bash
# Runs every benchmark once and prints one table: bench/discovery, bench/login (when present), bench/ui,
# bench/memory, plus bench/keygen and bench/startup when their helpers are there. Each benchmark prints
# `ROW<TAB>name<TAB>ours<TAB>reference<TAB>ratio<TAB>unit<TAB>note` lines (bench/lib.sh bench_row); the rest of its
# output goes to target/bench/<name>.log. Exit code: 0 when every benchmark ran, 1 when one failed (its rows, if
# any, are still shown).
#   RUNS=9 bench/run-all.sh          (BENCH_OFFLINE=1 builds with mvn -o)
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
. bench/lib.sh
. scripts/env.sh
ssc_find_jdk || exit 1
bench_build_once || exit 1
rows=target/bench/rows.tsv
: > "$rows"
failed=()
for b in discovery login keygen startup ui memory; do
  script=bench/$b/run.sh
  [ -f "$script" ] || continue
  echo "== $b" >&2
  if ! bash "$script" > "target/bench/$b.out" 2> "target/bench/$b.log"; then
    failed+=("$b")
  fi
  if grep -q $'^ROW\t' "target/bench/$b.out"; then
    grep $'^ROW\t' "target/bench/$b.out" >> "$rows"
  elif [ "$b" = keygen ]; then
    # bench/keygen prints its own table: "bits | ours median ms (min-max) | openssl median ms (min-max) | ratio"
    awk -F'|' '$1 ~ /^[0-9]+ *$/ { bits = $1 + 0; split($2, o, " "); split($3, r, " ");
      printf "ROW\tkeygen: RSA %d key pair (ms, median)\t%s\t%s\t%.2f\tms\tvs openssl genpkey (one process each)\n",
        bits, o[1], r[1], (r[1] > 0 ? o[1] / r[1] : 0) }' "target/bench/$b.out" >> "$rows"
  fi
done

printf '\nSSO Setup Console benchmarks, %s, %s cores, load %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %s | %s | %s | %s | %s | %s |\n' benchmark ours reference ratio unit note
printf '|---|---:|---:|---:|---|---|\n'
while IFS=$'\t' read -r _ name ours ref ratio unit note; do
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$ours" "$ref" "$ratio" "$unit" "$note"
done < "$rows"

# the goals of issue 20, each from the rows above: PASS / FAIL / "not measured" (its benchmark did not run)
goal() { # label, row-name pattern, field (ours|ratio|max-ours), limit, unit
  awk -F'\t' -v label="$1" -v pat="$2" -v field="$3" -v limit="$4" -v unit="$5" '
    $2 ~ pat { n++; v = (field == "ratio") ? $5 : $3; if (n == 1 || v + 0 > worst + 0) { worst = v; which = $2 } }
    END {
      if (!n) { printf "| %s | not measured | <= %s%s | - |\n", label, limit, (field == "ratio" ? "x" : " " unit); exit }
      shown = (field == "ratio") ? worst "x" : worst " " unit
      printf "| %s | %s | %s%s | %s |\n", label, shown, (field == "ratio" ? "<= " limit "x" : "<= " limit " "), \
        (field == "ratio" ? "" : unit), (worst + 0 <= limit + 0) ? "PASS" : "FAIL (" sprintf("%.2f", worst / limit) "x the limit)"
    }' "$rows"
}
printf '\nGoals (issue 20)\n\n| goal | measured | limit | verdict |\n|---|---:|---:|---|\n'
goal "installed image: first window vs bare window (same runtime, no cache)" '^start-up: installed image, first window' ratio 1.0 ""
goal "java -jar: first window vs bare window on the class path" '^start-up: java -jar, first window' ratio 1.3 ""
goal "installed image: RSS 3 s after the window vs bare window" '^start-up: installed image, RSS' ratio 1.3 ""
goal "RSS after the wizard walk vs window just shown" '^memory: RSS after the wizard walk' ratio 1.6 ""
goal "CLI: sso-setup --version, fresh process" '^CLI: sso-setup --version' ours 300 ms
goal "CLI: sso-setup discover, fresh process" '^CLI: sso-setup discover' ours 600 ms
goal "UI stalls (worst phase)" '^UI stall:' ours 50 ms
goal "keygen: no slower than openssl (worst size)" '^keygen:' ratio 1.0 ""
goal "discover check, warm JVM: no slower than curl" '^discover: check in a warm JVM' ratio 1.0 ""
goal "login callback to verdict: no slower than curl" '^login: callback to verdict' ratio 1.0 ""
if [ ${#failed[@]} -gt 0 ]; then
  printf '\nFailed: %s (logs in target/bench/)\n' "${failed[*]}"
  exit 1
fi
