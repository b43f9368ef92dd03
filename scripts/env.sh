# Sourced by run.sh, test.sh and .ci/run: puts a JDK 25 (or newer) on JAVA_HOME and, on Debian/Ubuntu as root,
# installs the system packages the app and its tests need when they are missing.

ssc_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

ssc_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(ssc_java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 d m
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$d/bin/javac" ] || continue
    m=$(ssc_java_major "$d") || continue
    if [ -n "$m" ] && [ "$m" -ge 25 ] 2>/dev/null && [ "$m" -gt "$best_major" ]; then best="$d"; best_major=$m; fi
  done
  if [ -z "$best" ]; then
    echo "SSO Setup Console needs a JDK 25. Install one (for example Temurin 25 from https://adoptium.net)" >&2
    echo "and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

# ssc_install_packages PKG... : installs missing Debian packages when we may (root + apt-get), else says what is missing.
ssc_install_packages() {
  local missing=() p
  command -v dpkg-query >/dev/null || return 0
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing: ${missing[*]}" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing system packages: ${missing[*]} (install them with: sudo apt-get install ${missing[*]})" >&2
  fi
}

# what the headless tests need (Monocle renders text with these), the key checks (openssl), the .env's consumer
# (docker-compose: `docker-compose config` reads the rendered .env, no Docker daemon needed) and the keychain tests
# (a private D-Bus session with GNOME Keyring's Secret Service, read back with secret-tool); chromium runs the login
# test's relay page in ChromiumRelayTest
SSC_TEST_PACKAGES=(libfreetype6 libfontconfig1 fonts-dejavu-core openssl curl docker-compose dbus gnome-keyring libsecret-tools chromium)
# what a real window needs
SSC_GUI_PACKAGES=(libgtk-3-0 libgl1 libx11-6 libxtst6 libxxf86vm1 fonts-dejavu-core)
