#!/usr/bin/env bash
# `make bench`: the same busybox workloads, in one run, under native x86
# busybox, qemu-arm and arm-run; best of 3 wall-clock times and the ratios.
# Inputs are generated deterministically (tests/dbt/busybox_inputs.py) and
# every emulator's output is checked against the native one.
# Usage: scripts/bench.sh [arm-run] [workdir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
arm_run=${1:-$root/build/arm-run}
work=${2:-$root/build/bench}
bb_arm=$root/fixtures/busybox/busybox-armel
bb_native=$root/fixtures/busybox/busybox-native
RUNS=3
SHA_BYTES=$((32 << 20))
GZIP_BYTES=$((16 << 20))

"$root/scripts/fetch-busybox.sh"
mkdir -p "$work"
sha_in=$work/random-32M.bin
gzip_in=$work/text-16M.txt
[ -s "$sha_in" ] || python3 -B "$root/tests/dbt/busybox_inputs.py" --random $SHA_BYTES "$sha_in"
[ -s "$gzip_in" ] || python3 -B "$root/tests/dbt/busybox_inputs.py" --text $GZIP_BYTES "$gzip_in"

now() { date +%s%N; }

# best_of out input cmd...: the best wall time in ns of RUNS runs of cmd
# with stdin from input and stdout to out.
best_of() {
	local out=$1 input=$2 best= t0 t1 i
	shift 2
	for i in $(seq $RUNS); do
		t0=$(now)
		"$@" <"$input" >"$out"
		t1=$(now)
		if [ -z "$best" ] || [ $((t1 - t0)) -lt "$best" ]; then
			best=$((t1 - t0))
		fi
	done
	echo "$best"
}

secs() { awk -v n="$1" 'BEGIN { printf "%.3f", n / 1e9 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }

printf '%-22s %9s %9s %9s  %-18s %-18s\n' workload native qemu-arm arm-run \
	"arm-run vs qemu" "arm-run vs native"
bench() { # name input applet-args...
	local name=$1 input=$2 n q a
	shift 2
	n=$(best_of "$work/native.out" "$input" "$bb_native" "$@")
	q=$(best_of "$work/qemu.out" "$input" qemu-arm "$bb_arm" "$@")
	a=$(best_of "$work/arm-run.out" "$input" "$arm_run" "$bb_arm" "$@")
	for e in qemu arm-run; do
		cmp -s "$work/native.out" "$work/$e.out" ||
			{ echo "bench: $e output of $name differs from native" >&2; exit 1; }
	done
	printf '%-22s %8ss %8ss %8ss  %-18s %-18s\n' "$name" "$(secs "$n")" \
		"$(secs "$q")" "$(secs "$a")" "$(ratio "$q" "$a") faster" \
		"$(ratio "$a" "$n") slower"
}
bench "sha256sum 32 MiB" "$sha_in" sha256sum
bench "gzip -1 16 MiB" "$gzip_in" gzip -1 -c
