#!/usr/bin/env bash
# Installs what `npm run test:review-browser` needs, if missing: Debian chromium (driven by the project's
# playwright-core), a CJK font (else Chinese renders as boxes in the screenshots and the PDF), and
# LibreOffice Calc (headless), which must open review.xlsx as a spreadsheet application does.
set -euo pipefail
missing=()
for p in chromium fonts-wqy-microhei libreoffice-calc-nogui; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "[review-browser] installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -x /usr/bin/chromium ] || { echo "[review-browser] ERROR: /usr/bin/chromium missing after install" >&2; exit 1; }
command -v soffice >/dev/null || { echo "[review-browser] ERROR: soffice missing after install" >&2; exit 1; }
