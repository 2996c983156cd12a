#!/bin/sh
# Regenerate the self-hosted Arabic web fonts (woff2 subsets of Noto Naskh Arabic).
# Source: Debian package fonts-noto-core (see README.md for the version used).
# Usage: theme/static/fonts/build.sh [path/to/pyftsubset]
set -eu
here=$(dirname "$0")
pyftsubset=${1:-$(dirname "$0")/../../../.venv/bin/pyftsubset}
src=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
# Arabic, Arabic Supplement, Presentation Forms A and B, Basic Latin, Latin-1 punctuation
# (« » ·), general punctuation (– — ‘ ’ “ ” … ‹ ›), bidi controls and joiners (U+200C–U+200F).
unicodes="U+0020-007E,U+00A0,U+00AB,U+00B7,U+00BB,U+0600-06FF,U+0750-077F,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F,U+2010-2015,U+2018-201F,U+2026,U+2039-203A,U+25CC"
for style in Regular Bold; do
  "$pyftsubset" "$src/NotoNaskhArabic-$style.ttf" \
    --unicodes="$unicodes" \
    --layout-features='*' \
    --flavor=woff2 \
    --output-file="$here/NotoNaskhArabic-$style.subset.woff2"
done
ls -l "$here"/*.woff2
