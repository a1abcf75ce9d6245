#!/usr/bin/env bash
# Fetches Debian's busybox-static for armel (the guest arm-run runs) and for
# the host architecture (the native baseline of `make bench`) into
# fixtures/busybox/. Nothing fetched is committed; running it again once the
# binaries are there does nothing.
# Usage: scripts/fetch-busybox.sh [fixtures dir]   (default: fixtures)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/fixtures}/busybox
arm=$dir/busybox-armel
native=$dir/busybox-native

if [ -x "$arm" ] && [ -x "$native" ]; then
	exit 0
fi

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo

# apt-get download of a foreign package needs its architecture's lists.
if ! dpkg --print-foreign-architectures | grep -qx armel; then
	$SUDO dpkg --add-architecture armel
fi
if ! apt-cache show busybox-static:armel >/dev/null 2>&1; then
	$SUDO apt-get update -q >&2
fi

mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod a+rwx "$tmp" # as root, apt-get download writes as the _apt user
host_arch=$(dpkg --print-architecture)
(cd "$tmp" && apt-get download -q busybox-static:armel "busybox-static:$host_arch" >&2)

extract() {
	local deb=$1 out=$2 x
	x=$tmp/x-$(basename "$out")
	mkdir -p "$x"
	dpkg-deb -x "$deb" "$x"
	install -m 755 "$x/bin/busybox" "$out.tmp"
	mv "$out.tmp" "$out"
}
extract "$(ls "$tmp"/busybox-static_*_armel.deb)" "$arm"
extract "$(ls "$tmp"/busybox-static_*_"$host_arch".deb)" "$native"
echo "fetched busybox into $dir" >&2
