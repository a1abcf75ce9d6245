#!/usr/bin/env bash
# Boots the monitor in QEMU with the serial console on this terminal:
# microvm with -kernel (the multiboot1 fast path), KVM when /dev/kvm is
# usable and TCG otherwise. Ctrl-A X quits QEMU.
#   scripts/run.sh MONITOR.elf [OPTIONS...]
# Environment: MODULES="file string,file string" (QEMU -initrd syntax),
# MEM (host RAM for the VM, default 1G), GDBPORT (a TCP port on
# 127.0.0.1 for the monitor's COM2, where its gdb stub listens when the
# options say gdb=on or gdb=wait; docs/gdb.md).
set -euo pipefail
monitor=$1
shift
if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
	accel=(-accel kvm -cpu host)
else
	echo "run: /dev/kvm not usable, using TCG" >&2
	accel=(-accel tcg -cpu max)
fi
args=(-M microvm -m "${MEM:-1G}" "${accel[@]}" -display none -serial mon:stdio
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel "$monitor"
	-append "$*")
if [ -n "${GDBPORT:-}" ]; then
	# microvm has one ISA serial port of its own; COM2 is added by hand.
	args+=(-chardev "socket,id=gdb,host=127.0.0.1,port=$GDBPORT,server=on,wait=off"
		-device isa-serial,chardev=gdb,iobase=0x2f8,irq=3)
fi
if [ -n "${MODULES:-}" ]; then
	args+=(-initrd "$MODULES")
fi
exec qemu-system-x86_64 "${args[@]}"
