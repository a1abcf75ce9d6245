#!/usr/bin/env bash
# A real gdb-multiarch against the protocol core on the host
# (tests/unit/gdb_serve.c and its toy machine): connect, read registers
# and memory, move 16 KiB each way (m, and X with escaped binary), break,
# continue, step, write memory and a register, monitor commands, detach.
# What gdb prints is compared with what it must print for that machine.
# Usage: gdb_real.sh GDB_SERVE_BIN
set -u
serve=$1
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0
failed=0
if ! command -v gdb-multiarch > /dev/null; then
	echo "FAIL: gdb-multiarch is not installed"
	echo "suite gdb-real: 0 passed, 1 failed"
	exit 1
fi

"$serve" > "$tmp/port" 2> "$tmp/serve.err" &
pid=$!
for _ in $(seq 100); do
	[ -s "$tmp/port" ] && break
	sleep 0.05
done
port=$(cat "$tmp/port")

timeout 30 gdb-multiarch -nx -batch \
	-ex 'set architecture arm' \
	-ex "target remote 127.0.0.1:$port" \
	-ex 'info registers' \
	-ex 'x/4x 0x100' \
	-ex "dump binary memory $tmp/low.bin 0 0x4000" \
	-ex "restore $tmp/low.bin binary 0x8000" \
	-ex "dump binary memory $tmp/high.bin 0x8000 0xc000" \
	-ex 'monitor hello' \
	-ex 'break *0x200' \
	-ex 'continue' \
	-ex 'stepi' \
	-ex 'p/x $pc' \
	-ex 'set var *(int *)0x300 = 0x12345678' \
	-ex 'x/x 0x300' \
	-ex 'set var $r3 = 0xcafe' \
	-ex 'p/x $r3' \
	-ex 'monitor nope' \
	-ex 'detach' > "$tmp/out" 2> "$tmp/err"
echo "gdb exit status $?"

expect() {
	local file=$1 pattern=$2
	if grep -Eq -- "$pattern" "$tmp/$file"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: gdb's $file has no line matching: $pattern"
	fi
}

expect out '^r3 +0x3000 +12288$'
expect out '^sp +0xd000 +0xd000$'
expect out '^pc +0x100 +0x100$'
expect out '^cpsr +0x600001d3 +'
expect out '^0x100:\s+0x00000100\s+0x00000104\s+0x00000108\s+0x0000010c$'
expect out '^Breakpoint 1, 0x00000200 in \?\? \(\)$'
expect out '^\$1 = 0x204$'
expect out '^0x300:\s+0x12345678$'
expect out '^\$2 = 0xcafe$'
expect out '^\[Inferior 1 \(Remote target\) detached\]$'
expect err '^hello from the stub, pc=0x100$'
expect err '^unknown command: nope$'
# The toy machine's word at each address is the address itself.
if [ "$(stat -c %s "$tmp/low.bin" 2>/dev/null)" = 16384 ] &&
	[ "$(od -An -tx4 -j 16380 -N 4 "$tmp/low.bin" | tr -d ' ')" = 00003ffc ] &&
	cmp -s "$tmp/low.bin" "$tmp/high.bin"; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	echo "FAIL: 16 KiB read, written back elsewhere and read again differ"
fi
# Nothing else on stderr: no protocol errors but the one the unknown
# monitor command must give, no warnings but that there is no program
# file (there is none: a machine, not a process).
if grep -vE '^(hello from the stub|unknown command: nope|Protocol error with Rcmd)' "$tmp/err" |
	grep -vE '^(warning: No executable has been specified|determining executable automatically)' |
	grep -q .; then
	failed=$((failed + 1))
	echo "FAIL: gdb complained:"
	cat "$tmp/err"
else
	passed=$((passed + 1))
fi
if [ "$failed" -ne 0 ]; then
	echo "--- gdb stdout"
	cat "$tmp/out"
	echo "--- stub stderr"
	cat "$tmp/serve.err"
fi
echo "suite gdb-real: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
