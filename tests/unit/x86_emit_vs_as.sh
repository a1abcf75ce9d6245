#!/usr/bin/env bash
# Assembles the encoder test's cases with GNU as and has the test compare
# its own bytes with as's, case by case. Usage: x86_emit_vs_as.sh TEST_BIN
set -euo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" --asm > "$tmp/cases.s"
as --64 -o "$tmp/cases.o" "$tmp/cases.s"
objcopy -O binary -j .text "$tmp/cases.o" "$tmp/cases.bin"
nm "$tmp/cases.o" > "$tmp/cases.sym"
"$bin" --check "$tmp/cases.bin" "$tmp/cases.sym"
