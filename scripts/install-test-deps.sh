#!/usr/bin/env bash
# Debian packages the tests need: Chromium (end-to-end), festival voices and sox (test speech
# and customer clips), pocketsphinx (speech recognition), DejaVu fonts and poppler-utils (PDF
# reports are read back with pdftotext and rendered with pdftoppm). Run as root (or with sudo).
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
PKGS="chromium festival festvox-us-slt-hts festvox-kallpc16k sox libsox-fmt-all pocketsphinx pocketsphinx-en-us fonts-dejavu-core poppler-utils"
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
fi
echo "test dependencies present: $PKGS"
