#!/usr/bin/env bash
# Busybox applets under arm-run against the same applets under qemu-arm:
# each case is a shell snippet run twice, with $BB standing for
# "<emulator> busybox-armel", and stdout, stderr and exit status must match
# exactly. Cases where an ARM busybox executes another ARM program compare
# with native x86 busybox of the same version instead, since qemu-arm
# cannot execute ARM binaries without binfmt_misc. A few cases check
# arm-run's own handling of bad input against what its usage promises. Prints "suite busybox: N passed, M failed".
# Usage: tests/dbt/busybox.sh path/to/arm-run [workdir]
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
arm_run=$(realpath "$1")
work=${2:-$root/build/busybox-test}
bb=$root/fixtures/busybox/busybox-armel
native=$root/fixtures/busybox/busybox-native
CASE_TIMEOUT=120

if [ ! -x "$bb" ] && ! "$root/scripts/fetch-busybox.sh" >/dev/null; then
	echo "busybox: cannot fetch the busybox fixture"
	echo "suite busybox: 0 passed, 1 failed"
	exit 1
fi

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
in=$work/in
python3 -B "$root/tests/dbt/busybox_inputs.py" "$in" || exit 1
export IN=$in LC_ALL=C TZ=UTC

# name|snippet. $BB is the emulated busybox; $IN the read-only inputs; the
# snippet runs in an empty directory of its own.
cases=$(cat <<'CASES'
sha256sum|$BB sha256sum $IN/data.bin $IN/text.txt
sha1sum|$BB sha1sum $IN/data.bin $IN/nums.txt
sha512sum|$BB sha512sum $IN/data.bin
sha3sum|$BB sha3sum $IN/text.txt
md5sum|$BB md5sum $IN/data.bin $IN/text.txt $IN/nums.txt
md5sum-check|$BB md5sum $IN/text.txt > sums && $BB md5sum -c sums
crc32|$BB crc32 $IN/data.bin
gzip-9|$BB gzip -9 -c < $IN/text.txt | od -A d -t x1 | tail -n 40
gzip-1|$BB gzip -1 -c < $IN/data.bin | $BB md5sum
gzip-roundtrip|$BB gzip -c < $IN/text.txt > t.gz && $BB gunzip -c t.gz | cmp - $IN/text.txt && echo same
gunzip-file|cp $IN/nums.txt n.txt && $BB gzip n.txt && ls && $BB gunzip n.txt.gz && cmp n.txt $IN/nums.txt && echo ok
zcat|gzip -c < $IN/nums.txt > n.gz && $BB zcat n.gz | $BB md5sum
bzip2|$BB bzip2 -c < $IN/text.txt | $BB bunzip2 -c | $BB md5sum
xz-decode|$BB unxz -c $IN/nums.txt.xz | $BB md5sum
sort|$BB sort $IN/text.txt | $BB md5sum
sort-n|$BB sort -n -k2 $IN/nums.txt | head -n 50
sort-ru|$BB sort -r -u -t' ' -k4,4 -k1,1n $IN/nums.txt | head -n 60
sort-g|$BB sort -g -k3 $IN/nums.txt | tail -n 30
uniq-c|cut -d' ' -f1 $IN/text.txt | $BB sort | $BB uniq -c
awk-sum|$BB awk '{s += $2; t += $3} END {printf "%d %.4f\n", s, t}' $IN/nums.txt
awk-fields|$BB awk -F: '$3 % 7 == 0 {print $1, $6}' $IN/passwd.txt
awk-assoc|$BB awk '{for (i = 1; i <= NF; i++) n[$i]++} END {for (w in n) print w, n[w]}' $IN/text.txt | sort
awk-math|$BB awk 'BEGIN {for (i = 1; i < 40; i++) printf "%.6g %.6g %.6g %d\n", sin(i), exp(i / 7), sqrt(i * 3.3), int(i * 1.7)}'
awk-printf|$BB awk '{printf "%08.2f|%-10s|%x\n", $3, $4, $1}' $IN/nums.txt | head -n 200
awk-split|$BB awk '{n = split($0, a, "a"); s += n} END {print s, NR}' $IN/text.txt
sed-subst|$BB sed 's/alpha/ALPHA/g; s/\([a-z]*\) \([0-9][0-9]*\)$/\2 \1/' $IN/text.txt | $BB md5sum
sed-print|$BB sed -n '/^kilo/,/zulu$/p' $IN/text.txt | head -n 100
sed-ere|$BB sed -E 's/([a-z]+):x:([0-9]+)/\2=\1/' $IN/passwd.txt | tail -n 20
sed-inplace|cp $IN/passwd.txt p && $BB sed -i '/^a/d; y/abc/XYZ/' p && md5sum < p
grep|$BB grep -c -E 'fault|flag [0-9]' $IN/text.txt
grep-v|$BB grep -v -n alpha $IN/passwd.txt | head -n 30
tar-list|$BB tar -C $IN -cf - tree | $BB tar -tvf - | sort
tar-extract|$BB tar -C $IN -czf t.tgz tree && $BB tar -xzf t.tgz && find tree -type f | sort | xargs md5sum
cpio|cd $IN && find tree | sort | $BB cpio -o -H newc 2>/dev/null | $BB cpio -t 2>&1
expr|$BB expr 1 + 2 \* 3; $BB expr length "armvisor"; $BB expr 100 / 7 % 3; $BB expr abc : 'a\(.*\)'; $BB expr -2147483647 - 1; $BB expr 5 \< 3; echo $?
expr-big|$BB expr 123456789 \* 987654321; $BB expr 4294967296 / 3; $BB expr 0 - 9223372036854775807
dc|$BB dc -e '2 64 ^ p 3 200 ^ 7 % p 10 k 2 v p'
bc|echo 'scale=20; 4*a(1); 2^100; 12345678901234567890 / 7' | $BB bc -l
factor|$BB factor 600851475143 2147483647 4294967297 999999999989 18446744073709551615
seq|$BB seq -w 1 7 1000 | $BB md5sum; $BB seq 0.5 0.25 3
printf|$BB printf '%d %5.2f %x %o %s %c|%e\n' 42 3.14159 255 8 word X 12345.678
wc|$BB wc $IN/text.txt $IN/nums.txt $IN/data.bin
head-tail|$BB head -c 1000 $IN/data.bin | $BB od -x | $BB tail -n 5
cut-tr|$BB cut -d: -f1,3 $IN/passwd.txt | $BB tr 'a-z:' 'A-Z ' | head -n 40
base64|$BB base64 $IN/data.bin | $BB base64 -d | cmp - $IN/data.bin && echo ok
hexdump|$BB hexdump -C $IN/data.bin | head -n 30
xxd|$BB head -c 4096 $IN/data.bin | $BB xxd | tail -n 10
tac|$BB tac $IN/passwd.txt | head -n 5
rev-fold|$BB rev $IN/passwd.txt | $BB fold -w 33 | head -n 40
nl-paste|$BB nl $IN/passwd.txt | $BB paste - - | tail -n 10
diff|$BB sed 's/7/seven/' $IN/passwd.txt > q && $BB diff -u $IN/passwd.txt q | tail -n 20
fs-ops|$BB mkdir -p a/b/c && $BB touch a/b/c/f && $BB ln -s c a/b/l && $BB mv a/b/c/f a/g && $BB ls -R a && $BB rm -r a/b && $BB ls a; $BB rmdir a; echo rc=$?
stat|$BB touch -d '2001-02-03 04:05:06' f && $BB stat -c '%s %a %Y %F %n' f $IN/data.bin
find|cd $IN && $BB find tree -name '*.txt' -size +4k | sort
du|cd $IN && $BB du -a -k tree | sort -k2
ls-l|cd $IN/tree && $BB ls -ln --full-time . | sed 's/  */ /g' | cut -d' ' -f1,2,5 | sort
cp-dd|$BB dd if=$IN/data.bin of=out bs=4096 count=10 skip=3 2>/dev/null && $BB cp out out2 && $BB md5sum out2
sh-loop|$BB sh -c 'i=0; s=0; while [ $i -lt 500 ]; do s=$((s + i * i)); i=$((i + 1)); done; echo $s'
sh-subst|$BB sh -c 'x=$(echo inner | tr a-z A-Z); echo "got $x"; for w in $(seq 3); do echo "w$w"; done'
sh-pipe|$BB sh -c 'seq 1 2000 | grep 7 | sort -r | head -n 5; echo ${PIPESTATUS:-none}'
sh-func|$BB sh -c 'f() { [ $1 -le 1 ] && echo 1 && return; echo $(( $1 * $(f $(($1 - 1))) )); }; f 12'
sh-exit|$BB sh -c 'false; echo $?; (exit 7); echo $?; trap "echo trapped" EXIT; exit 3'; echo rc=$?
sh-case|$BB sh -c 'for f in a.c b.h c.txt; do case $f in *.c) echo C;; *.h) echo H;; *) echo other;; esac; done'
sh-redirect|$BB sh -c 'echo one > f; echo two >> f; cat < f; exec 3< f; read l <&3; echo "read $l"'
sh-signal|$BB sh -c 'trap "echo got USR1" USR1; kill -USR1 $$; echo after'
sh-kill-child|$BB sh -c 'sleep 5 & kill $!; wait $!; echo $?' 2>/dev/null
env-uname|$BB uname -m; $BB env -i A=1 B=2 $BB env | sort
id|$BB id -u; $BB whoami 2>&1; $BB nproc >/dev/null; echo $?
date|$BB date -u -d @1000000000 '+%Y-%m-%d %H:%M:%S %a %j'
sleep|$BB sleep 0.1; echo slept
false|$BB false; echo $?
missing-file|$BB cat /nonexistent; echo $?
segv-exit|{ $BB sh -c 'kill -SEGV $$'; echo $?; } 2>/dev/null
CASES
)

# Cases where busybox executes itself (through /proc/self/exe): compared
# with native busybox.
exec_cases=$(cat <<'CASES'
exec-timeout|$BB sh -c 'timeout 1 sleep 3; echo $?' 2>&1
exec-self-argv0|cd / && $BB sh -c 'exec /proc/self/exe md5sum' < $IN/passwd.txt
exec-nice|$BB sh -c 'nice -n 3 sh -c "echo inner \$(nice)"'
exec-env|$BB env -i X=1 sh -c 'echo X=$X'
exec-xargs|printf 'a\nb\n' | $BB xargs -n1 sh -c 'echo [$0]'
exec-find|cd $IN && $BB find tree -name '*.txt' -exec md5sum {} + | sort
CASES
)

pass=0
fail=0
run_case() { # label busybox-command name snippet -> $work/<label>/<name>.*
	local name=$3 snippet=$4 dir=$work/$1/$3
	mkdir -p "$dir"
	(cd "$dir" && BB="$2" timeout "$CASE_TIMEOUT" \
		bash -c "$snippet" >"$dir.out" 2>"$dir.err"; echo $? >"$dir.rc")
}

report() { # name ok detail
	if [ "$2" = ok ]; then
		pass=$((pass + 1))
		echo "ok   $1"
	else
		fail=$((fail + 1))
		echo "FAIL $1: $3"
	fi
}

# compare REF-LABEL REF-EMULATOR-PREFIX CASES: each case under the
# reference and under arm-run.
compare() {
	local label=$1 ref=$2 name snippet r a
	while IFS='|' read -r name snippet; do
		[ -n "$name" ] || continue
		run_case "$label" "$ref" "$name" "$snippet"
		run_case arm-run "$arm_run $bb" "$name" "$snippet"
		r=$work/$label/$name
		a=$work/arm-run/$name
		if ! cmp -s "$r.out" "$a.out"; then
			report "$name" bad "stdout differs: $(diff "$r.out" "$a.out" | head -n 4 | tr '\n' ' ')"
		elif ! cmp -s "$r.err" "$a.err"; then
			report "$name" bad "stderr differs: $label '$(head -c 200 "$r.err")' arm-run '$(head -c 200 "$a.err")'"
		elif ! cmp -s "$r.rc" "$a.rc"; then
			report "$name" bad "exit status $label $(cat "$r.rc") arm-run $(cat "$a.rc")"
		else
			report "$name" ok
		fi
	done <<<"$3"
}
compare qemu "qemu-arm $bb" "$cases"
compare native "$native" "$exec_cases"

# arm-run's own errors: one line on stderr, a non-zero status, no guest run.
bad_input() { # name expected-substring command...
	local name=$1 want=$2 err rc
	shift 2
	err=$("$@" 2>&1 >/dev/null)
	rc=$?
	if [ $rc -ne 0 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
		[[ $err == *"$want"* ]]; then
		report "$name" ok
	else
		report "$name" bad "exit $rc, stderr '$err'"
	fi
}
printf 'not an elf\n' >"$work/text-file"
bad_input bad-missing-file "No such file" "$arm_run" "$work/does-not-exist"
bad_input bad-not-elf "not an ELF" "$arm_run" "$work/text-file"
bad_input bad-x86-elf "not a 32-bit little-endian ARM ELF" "$arm_run" "$native"
bad_input bad-dynamic-elf "dynamically linked" "$arm_run" /usr/arm-linux-gnueabi/lib/libc.so.6
bad_input bad-usage "usage" "$arm_run"

echo "suite busybox: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
