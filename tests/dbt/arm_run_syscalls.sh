#!/usr/bin/env bash
# Runs tests/dbt/arm_run_syscalls.c (built for ARM) under qemu-arm and
# under arm-run in scratch directories; stdout and exit status must match.
# execve is checked against the program's expected output instead, since
# qemu-arm cannot execute an ARM binary without binfmt_misc.
# Prints "suite arm-run-syscalls: N passed, M failed".
# Usage: tests/dbt/arm_run_syscalls.sh path/to/arm-run path/to/test-binary workdir
set -u
arm_run=$(realpath "$1")
prog=$(realpath "$2")
work=$3
pass=0
fail=0

check() { # name ok detail
	if [ "$2" = ok ]; then
		pass=$((pass + 1))
		echo "ok   $1"
	else
		fail=$((fail + 1))
		echo "FAIL $1: $3"
	fi
}

rm -rf "$work"
mkdir -p "$work/qemu" "$work/arm-run"
work=$(cd "$work" && pwd)
(cd "$work/qemu" && timeout 60 qemu-arm "$prog" >../qemu.out 2>/dev/null; echo $? >../qemu.rc)
(cd "$work/arm-run" && timeout 60 "$arm_run" "$prog" >../arm-run.out 2>../arm-run.err; echo $? >../arm-run.rc)
# One result per line of the reference output.
while IFS= read -r line; do
	name=${line%% *}
	if grep -qxF -- "$line" "$work/arm-run.out"; then
		check "$name" ok
	else
		got=$(grep -m1 -- "^$name " "$work/arm-run.out")
		check "$name" bad "qemu-arm '$line', arm-run '${got:-nothing}'"
	fi
done <"$work/qemu.out"
if cmp -s "$work/qemu.out" "$work/arm-run.out" && cmp -s "$work/qemu.rc" "$work/arm-run.rc"; then
	check whole-output ok
else
	check whole-output bad "exit qemu $(cat "$work/qemu.rc") arm-run $(cat "$work/arm-run.rc"); $(head -c 300 "$work/arm-run.err")"
fi

want="exec child said 'child-argv0' status 7"
got=$(cd "$work/arm-run" && timeout 60 "$arm_run" "$prog" exec-parent 2>&1)
if [ "$got" = "$want" ]; then
	check execve ok
else
	check execve bad "got '$got'"
fi

echo "suite arm-run-syscalls: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
