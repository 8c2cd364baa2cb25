#!/bin/sh
# Makes DejaVuSans-subset.ttf (about 17 kB) from Debian's fonts-dejavu-core with
# fonttools (pip install fonttools): printable ASCII, Latin-1, Greek Delta and mu,
# en and em dashes, ellipsis and the minus sign.
set -e
pyftsubset /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
  --unicodes="U+0020-007E,U+00A0-00FF,U+0394,U+03BC,U+2013,U+2014,U+2026,U+2212" \
  --layout-features='' --no-hinting \
  --output-file="$(dirname "$0")/DejaVuSans-subset.ttf"
