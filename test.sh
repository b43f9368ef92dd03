#!/usr/bin/env bash
# Runs every test: ./test.sh (the same as ./mvnw verify with JAVA_HOME on a JDK 25).
# Without DISPLAY the UI tests run headless (Monocle). Extra arguments go to Maven, e.g. ./test.sh -Pkeycloak
set -euo pipefail
cd "$(dirname "$0")"
. scripts/env.sh
ssc_find_jdk
ssc_install_packages "${SSC_TEST_PACKAGES[@]}"
exec ./mvnw -B verify "$@"
