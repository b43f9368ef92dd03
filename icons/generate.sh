#!/usr/bin/env bash
# Regenerates the raster icons from sso-setup-console.svg.
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
if command -v png2icns >/dev/null; then
  png2icns sso-setup-console.icns sso-setup-console-16.png sso-setup-console-32.png sso-setup-console-128.png \
           sso-setup-console-256.png sso-setup-console-512.png >/dev/null
fi
echo "icons regenerated"
