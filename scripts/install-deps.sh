#!/bin/sh
# Install what ddlint needs to build and test, from Debian 12 packages.
# Quiet and quick when everything is already there.
set -eu
pkgs="gcc make libc6-dev libpg-query-dev libprotobuf-c-dev libcmocka-dev libyaml-dev libjansson-dev"
missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "ddlint needs these Debian packages:$missing" >&2
	echo "install them as root: apt-get install -y$missing" >&2
	exit 1
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
