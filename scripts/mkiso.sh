#!/usr/bin/env bash
# Builds a GRUB rescue ISO that boots the monitor by multiboot2 under both
# BIOS (SeaBIOS, i386-pc) and UEFI (OVMF, x86_64-efi), serial console on
# COM1. Usage: mkiso.sh MONITOR.elf OUT.iso [MODULE "STRING"]... [-- OPTIONS]
set -euo pipefail
monitor=$1 out=$2
shift 2
modules=()
while [ $# -gt 1 ] && [ "$1" != "--" ]; do
	modules+=("$1" "$2")
	shift 2
done
[ "${1:-}" = "--" ] && shift
options="$*"

for tool in grub-mkrescue xorriso mformat; do
	command -v "$tool" >/dev/null || { echo "mkiso: $tool not found (run scripts/setup.sh)" >&2; exit 1; }
done
for dir in /usr/lib/grub/i386-pc /usr/lib/grub/x86_64-efi; do
	[ -d "$dir" ] || { echo "mkiso: $dir missing (run scripts/setup.sh)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/iso
mkdir -p "$root/boot/grub"
cp "$monitor" "$root/boot/armvisor.elf"
{
	echo 'serial --unit=0 --speed=115200'
	echo 'terminal_input serial console'
	echo 'terminal_output serial console'
	echo 'set timeout=0'
	echo 'menuentry "armvisor" {'
	echo "  multiboot2 /boot/armvisor.elf $options"
	i=0
	while [ $i -lt ${#modules[@]} ]; do
		name="mod$((i / 2))"
		cp "${modules[$i]}" "$root/boot/$name"
		echo "  module2 /boot/$name ${modules[$((i + 1))]}"
		i=$((i + 2))
	done
	echo '  boot'
	echo '}'
} > "$root/boot/grub/grub.cfg"
if ! grub-mkrescue -o "$out" "$root" >"$work/log" 2>&1; then
	cat "$work/log" >&2
	echo "mkiso: grub-mkrescue failed" >&2
	exit 1
fi
