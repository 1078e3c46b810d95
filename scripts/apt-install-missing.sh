#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are not installed yet (as root, or through sudo);
# does nothing when all are. Used by the scripts that set up what a test needs (.ci/run calls them).
#   bash scripts/apt-install-missing.sh chromium fonts-wqy-microhei
set -euo pipefail
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
((${#missing[@]})) || exit 0
echo "installing Debian packages: ${missing[*]}" >&2
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# Another apt-get (another setup script) may hold the lock: wait for it rather than fail.
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
