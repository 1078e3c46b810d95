#!/usr/bin/env bash
# Installs what the render tests (test/render/) need to see an exported .docx as a reader would:
# LibreOffice Writer (headless) to print it to PDF, poppler-utils (pdftotext -bbox, pdftoppm) to
# measure and picture the pages, and free CJK fonts that stand in for the template fonts
# (see test/render/fonts.conf). Debian packages; needs root and apt-get. Does nothing when all
# are present.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v fc-list >/dev/null 2>&1 || need+=(fontconfig)
fc-list 2>/dev/null | grep -q 'WenQuanYi Zen Hei' || need+=(fonts-wqy-zenhei)
fc-list 2>/dev/null | grep -q 'AR PL UMing' || need+=(fonts-arphic-uming)
fc-list 2>/dev/null | grep -q 'AR PL UKai' || need+=(fonts-arphic-ukai)
fc-list 2>/dev/null | grep -q 'Liberation Serif' || need+=(fonts-liberation)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "render tests need ${need[*]} (Debian packages); install them as root with apt-get" >&2
  exit 0
fi
echo "installing ${need[*]} for the render tests" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
