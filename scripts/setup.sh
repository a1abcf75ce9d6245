#!/usr/bin/env bash
# Installs every Debian package armvisor builds, tests and runs with.
# Needs root (or sudo). Safe to run again.
set -euo pipefail
PKGS="build-essential qemu-system-x86 qemu-system-arm qemu-user grub-pc-bin
grub-efi-amd64-bin grub-common xorriso mtools ovmf gcc-arm-none-eabi
gcc-arm-linux-gnueabi binutils-arm-none-eabi gdb-multiarch
device-tree-compiler cpio python3"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
missing=
for p in $PKGS; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
	$SUDO apt-get update -q
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing
fi
