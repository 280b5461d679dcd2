#!/usr/bin/env bash
# Installs those of the given Debian packages that are not installed yet,
# with sudo when not run as root; does nothing when all are there.
#   tools/install-missing.sh PACKAGE...
# Used by examples/demo.sh (what building and the demo need) and
# tests/run.sh (what the tests need).
set -euo pipefail
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
