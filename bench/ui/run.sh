#!/usr/bin/env bash
# UI thread: worst JavaFX-thread stall (Platform.runLater probe every 5 ms) during each background phase of the
# wizard with the app's own FxBackgroundRunner, headless (Monocle). Limit: 50 ms. The idle phase is the machine's floor.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
. scripts/env.sh
ssc_find_jdk
mvn=(./mvnw -q -B)
[ -n "${BENCH_OFFLINE:-}" ] && mvn+=(-o)
rm -f target/bench/ui-stall.tsv
( unset DISPLAY; nice "${mvn[@]}" test -Dtest=UiStallBench -Dsurefire.excludedGroups=keycloak \
    -Dsurefire.failIfNoSpecifiedTests=false >target/bench-ui.log 2>&1 ) || echo "bench/ui: UiStallBench failed (see target/bench-ui.log); rows below" >&2
[ -f target/bench/ui-stall.tsv ] || { echo "bench/ui: no results" >&2; exit 1; }
# cpu: the JavaFX thread's longest work between two probes in CPU time, which the machine's load does not inflate;
# fxcpu/rendercpu: CPU time of the JavaFX and render threads around the worst stall (the rest of it: waiting for a core);
# fxtotal: all the JavaFX thread's CPU time in the phase
while IFS=$'\t' read -r phase worst samples ms gc cpu fxcpu rendercpu fxtotal; do
  bench_row "UI stall: $phase (worst ms)" "$worst" 50 ms "limit 50 ms; $samples probes over $ms ms; worst: ${gc:-0} ms GC, JavaFX thread ${fxcpu:-?} ms CPU, render thread ${rendercpu:-?} ms CPU; longest JavaFX-thread work ${cpu:-?} ms CPU, ${fxtotal:-?} ms in all"
done < target/bench/ui-stall.tsv
