#!/usr/bin/env bash
# Thumb programs under arm-run and under qemu-arm (the reference): the
# C program built at several optimisation levels and the hand-written
# corner cases (tests/dbt/thumb/); stdout and exit status must match.
# Usage: tests/dbt/thumb.sh ARM-RUN WORKDIR
set -uo pipefail
arm_run=$1
work=$2
src=$(cd "$(dirname "$0")/thumb" && pwd)
cc=${ARM_LINUX_CC:-arm-linux-gnueabi-gcc}
mkdir -p "$work"
pass=0 fail=0

check() { # name elf
	local q a qs as
	q=$(qemu-arm -cpu cortex-a15 "$2" 2>&1); qs=$?
	a=$("$arm_run" "$2" 2>&1); as=$?
	if [ "$q" == "$a" ] && [ $qs == $as ] && [ -n "$q" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $1: exit $as (qemu-arm $qs)"
		diff <(echo "$q") <(echo "$a") | head -10
	fi
}

for opt in -O0 -O1 -O2 -Os -O3; do
	elf=$work/thumb_c$opt
	"$cc" -static -mthumb -march=armv7-a "$opt" -o "$elf" "$src/thumb_c.c" ||
		{ echo "FAIL: cannot build thumb_c $opt"; fail=$((fail + 1)); continue; }
	check "thumb_c $opt" "$elf"
done
elf=$work/thumb_asm
if "$cc" -static -mthumb -march=armv7-a -O1 -Wl,-z,noexecstack -o "$elf" \
	"$src/thumb_asm_main.c" "$src/thumb_asm.S"; then
	check thumb_asm "$elf"
else
	echo "FAIL: cannot build thumb_asm"; fail=$((fail + 1))
fi
echo "suite thumb: $pass passed, $fail failed"
[ $fail -eq 0 ]
