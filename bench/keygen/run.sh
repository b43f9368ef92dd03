#!/usr/bin/env bash
# Keygen benchmark: median RSA key generation time per size, ours vs `openssl genpkey`, in the same run.
#
# Ours is measured in-process on the built classes (JwtKeyGenerator.generate = Nimbus RSAKeyGenerator + PKCS#8
# normalisation + pair check; no file I/O; JVM warmed up), so JVM start-up is NOT included. openssl is timed as a
# process (its start-up, shown separately, IS included). Runs alternate ours/openssl to share the machine's load.
#
#   bench/keygen/run.sh                 # 5 runs each of 2048, 3072, 4096
#   RUNS=3 SIZES="2048 3072" bench/keygen/run.sh
#
# RSA key generation time varies a lot from run to run (random prime search): read medians, not single runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
command -v openssl >/dev/null || { echo "openssl is required" >&2; exit 1; }
if [ ! -d target/classes/dev/ssosetup/core/keys ] || [ ! -d target/lib ]; then
    echo "building (./mvnw package -DskipTests) ..." >&2
    ./mvnw -q -B package -DskipTests >&2
fi
echo "# keygen benchmark $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(openssl version)"
exec nice "$JAVA_HOME/bin/java" -cp "target/classes:target/lib/*" bench/keygen/KeygenBench.java
