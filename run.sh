#!/usr/bin/env bash
# Starts SSO Setup Console (the wizard window). Any arguments go to the command line instead, e.g. ./run.sh --help
set -euo pipefail
cd "$(dirname "$0")"
. scripts/env.sh
ssc_find_jdk
[ $# -eq 0 ] && ssc_install_packages "${SSC_GUI_PACKAGES[@]}"
if [ ! -f target/sso-setup-console.jar ] || [ -n "$(find src pom.xml -newer target/sso-setup-console.jar -print -quit)" ]; then
  ./mvnw -q -B package -DskipTests
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar target/sso-setup-console.jar "$@"
