#!/usr/bin/env bash
# Fetches Debian bookworm's newest armmp kernel (armhf) into
# fixtures/linux/vmlinuz and builds fixtures/linux/initramfs.cpio.gz around
# the armel busybox, tests/system/initramfs/init and /bin/thumb-check (the
# Thumb-2 test program tests/dbt/thumb/thumb_c.c, built static here). Nothing fetched is
# committed; running it again once both files are current does nothing.
# Usage: scripts/fetch-linux.sh [fixtures dir]   (default: fixtures)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fixtures=${1:-$root/fixtures}
dir=$fixtures/linux
kernel=$dir/vmlinuz
initramfs=$dir/initramfs.cpio.gz
init_src=$root/tests/system/initramfs/init
thumb_src=$root/tests/dbt/thumb/thumb_c.c

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fetch_kernel() {
	[ -f "$kernel" ] && return 0
	# apt-get download of a foreign package needs its architecture's lists.
	if ! dpkg --print-foreign-architectures | grep -qx armhf; then
		$SUDO dpkg --add-architecture armhf
	fi
	if ! apt-cache show linux-image-armmp:armhf >/dev/null 2>&1; then
		# A mirror caught mid-sync fails one index but leaves the others
		# usable; the search below says whether we got what we need.
		$SUDO apt-get update -q >&2 || echo "fetch-linux: apt-get update partly failed" >&2
	fi
	# The ABI number moves with point releases: take the newest unsigned
	# 6.1.0-N-armmp image (the -lpae flavour needs LPAE, which we do not model).
	local pkg
	pkg=$(apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-armmp$' |
		awk '{print $1}' | sort -V | tail -n 1)
	[ -n "$pkg" ] || { echo "fetch-linux: no linux-image-6.1.0-*-armmp in apt lists" >&2; exit 1; }

	mkdir -p "$dir" "$tmp/deb"
	chmod a+rwx "$tmp/deb" # as root, apt-get download writes as the _apt user
	(cd "$tmp/deb" && apt-get download -q "$pkg:armhf" >&2)
	dpkg-deb -x "$tmp"/deb/"$pkg"_*_armhf.deb "$tmp/x"
	install -m 644 "$tmp"/x/boot/vmlinuz-* "$kernel.tmp"
	mv "$kernel.tmp" "$kernel"
	echo "${pkg#linux-image-}" >"$dir/version"
	echo "fetched $pkg into $kernel" >&2
}

# The archive is rebuilt whenever /init or busybox is newer, so editing the
# script source is enough to change what the guest runs.
build_initramfs() {
	local busybox=$fixtures/busybox/busybox-armel
	"$root/scripts/fetch-busybox.sh" "$fixtures"
	if [ -f "$initramfs" ] && [ "$initramfs" -nt "$init_src" ] &&
		[ "$initramfs" -nt "$busybox" ] && [ "$initramfs" -nt "$thumb_src" ]; then
		return 0
	fi
	local root_fs=$tmp/rootfs
	mkdir -p "$root_fs"/{bin,sbin,dev,proc,sys,tmp,root,etc,usr/bin,usr/sbin}
	install -m 755 "$busybox" "$root_fs/bin/busybox"
	install -m 755 "$init_src" "$root_fs/init"
	${ARM_LINUX_CC:-arm-linux-gnueabi-gcc} -static -mthumb -march=armv7-a -O2 \
		-o "$root_fs/bin/thumb-check" "$thumb_src"
	# Applet links are made by /init at boot (busybox --install), so the
	# archive does not depend on the host knowing the applet list.
	ln -s busybox "$root_fs/bin/sh"
	# Fixed owner and times make the archive the same on every host.
	find "$root_fs" -exec touch -h -d @0 {} +
	(cd "$root_fs" && find . -mindepth 1 | LC_ALL=C sort |
		cpio --quiet -o -H newc -R 0:0 --reproducible) |
		gzip -9n >"$initramfs.tmp"
	mv "$initramfs.tmp" "$initramfs"
	echo "built $initramfs" >&2
}

fetch_kernel
build_initramfs
