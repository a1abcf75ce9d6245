#!/usr/bin/env bash
# Runs each test suite given as an argument (a command line, quoted) and adds
# up their counts. Each suite prints a line "suite NAME: N passed, M failed"
# and exits non-zero on failure; a suite that prints no such line counts as
# one failure. Ends with "N passed, N failed" and a non-zero exit on failure.
set -u
total_pass=0
total_fail=0
for suite in "$@"; do
	echo "=== $suite"
	out=$(mktemp)
	bash -c "$suite" 2>&1 | tee "$out"
	rc=${PIPESTATUS[0]}
	line=$(grep -E '^suite [^:]+: [0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
	rm -f "$out"
	if [ -z "$line" ]; then
		echo "FAIL: suite '$suite' printed no summary (exit $rc)"
		total_fail=$((total_fail + 1))
		continue
	fi
	p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\1/')
	f=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\2/')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL: suite '$suite' exited $rc"
		f=1
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
