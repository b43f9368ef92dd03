#!/usr/bin/env bash
# Regenerates the raster icons from sso-setup-console.svg.
# Sizes: PNG 16-512 (Linux menus, the window icons, jpackage --icon on Linux uses 256), .ico 16-256 (Windows:
# launcher, .msi, Start menu), .icns 16-1024 (macOS bundle and .dmg).
# Needs: rsvg-convert (librsvg2-bin), ImageMagick (convert) for .ico, png2icns (icnsutils) for .icns.
#   apt-get install -y librsvg2-bin imagemagick icnsutils && icons/generate.sh
set -euo pipefail
cd "$(dirname "$0")"
svg=sso-setup-console.svg
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" "$svg" -o "sso-setup-console-$s.png"
done
convert sso-setup-console-16.png sso-setup-console-24.png sso-setup-console-32.png sso-setup-console-48.png \
        sso-setup-console-64.png sso-setup-console-128.png sso-setup-console-256.png sso-setup-console.ico
# macOS: 16, 32, 128, 256, 512 and 1024 (the 512@2x Retina size); the 1024 PNG is only an intermediate.
if command -v png2icns >/dev/null; then
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  rsvg-convert -w 1024 -h 1024 "$svg" -o "$tmp/sso-setup-console-1024.png"
  png2icns sso-setup-console.icns sso-setup-console-16.png sso-setup-console-32.png sso-setup-console-128.png \
           sso-setup-console-256.png sso-setup-console-512.png "$tmp/sso-setup-console-1024.png" >/dev/null
else
  echo "png2icns missing (apt-get install icnsutils): sso-setup-console.icns NOT regenerated" >&2
fi
# check: every platform file holds the sizes its platform asks for
command -v icns2png >/dev/null && icns2png -l sso-setup-console.icns
command -v identify >/dev/null && identify -format '%f %wx%h\n' sso-setup-console.ico
echo "icons regenerated"
