#!/bin/sh
# Regenerates the app icons from icon.svg (Debian: apt-get install librsvg2-bin imagemagick icnsutils).
# The results are committed; builds and tests never run this.
set -eu
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256 512 1024; do rsvg-convert -w "$size" -h "$size" icon.svg -o "png-$size.png"; done
cp png-1024.png ../icon.png
/usr/bin/convert png-16.png png-32.png png-48.png png-64.png png-128.png png-256.png ../icon.ico
png2icns ../icon.icns png-16.png png-32.png png-128.png png-256.png png-512.png png-1024.png
rm -f png-*.png
