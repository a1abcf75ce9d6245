#!/usr/bin/env python3
"""Runs the bare-metal guest test programs (raw images built by
tests/guest/guest.mk) on qemu-system-arm -M virt, the reference, and with
--armvisor also on armvisor (qemu-system-x86_64 -M microvm, KVM when
/dev/kvm is usable, TCG otherwise), then compares the two outputs line by
line.

A program's output is the lines from "guest NAME: start" to
"guest NAME: N checks, M failed". A run passes when both lines are there,
no check line says FAIL, the summary says 0 failed, and (armvisor) the
output equals qemu-system-arm's, where qemu-system-arm's "known QEMU
deviation (manual V)" lines (cases where QEMU 7.2 departs from ARM DDI
0406C, see DESIGN.md) stand for the line with the manual's value V and
"ok". The suite counts runs: one per program and
platform, so N + M = programs x platforms; the summary line also gives the
number of check lines seen.

Usage: run.py [--armvisor MONITOR.elf] [--timeout S] [--jobs N] PROG.bin..."""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "system"))
import qemu  # noqa: E402

QEMU_ARM = ["qemu-system-arm", "-M", "virt", "-cpu", "cortex-a15",
            "-m", "256M", "-display", "none", "-monitor", "none",
            "-serial", "stdio", "-no-reboot"]
# The monitor needs room for its own frames beside the guest's 256 MiB.
ARMVISOR_HOST_MEM = "1G"
ARMVISOR_APPEND = "test=guest mem=256M"
START = re.compile(r"^guest (\S+): start$")
END = re.compile(r"^guest (\S+): (\d+) checks, (\d+) failed$")
# Lines a guest program prints: check lines and headings (indented or
# "# "), and its own start and summary lines. Anything else on the
# console (the monitor's log on armvisor) is not part of the comparison.
GUEST_LINE = re.compile(r"^(  |# |guest )")
SHOW_LINES = 8
DEVIATION = re.compile(r"^(.* = )0x[0-9a-f]+ known QEMU deviation \(manual (0x[0-9a-f]+)\)$")


def run_cmd(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout)
        return p.stdout.decode("utf-8", "replace"), p.returncode, False
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        return out, None, True


def guest_lines(text):
    """The program's own lines, from its start line to its summary."""
    lines = [l.rstrip("\r") for l in text.split("\n")]
    out = []
    started = False
    for line in lines:
        if not started:
            started = bool(START.match(line))
            if started:
                out.append(line)
            continue
        if GUEST_LINE.match(line):
            out.append(line)
        if END.match(line):
            break
    return out


def judge(lines, timed_out, status, want_status):
    """Problems with one run's output, as short strings."""
    problems = []
    if timed_out:
        problems.append("timed out")
    elif want_status is not None and status != want_status:
        problems.append("exit status %s, expected %d" % (status, want_status))
    if not lines:
        problems.append("no start line")
        return problems
    end = END.match(lines[-1])
    if not end:
        problems.append("no summary line")
    elif end.group(3) != "0":
        problems.append("%s checks failed" % end.group(3))
    fails = [l for l in lines if " FAIL" in l]
    if fails:
        problems.append("%d FAIL lines" % len(fails))
    for l in fails[:SHOW_LINES]:
        problems.append("  " + l.strip())
    return problems


def count_checks(lines):
    return sum(1 for l in lines if l.startswith("  ") and
               (l.endswith(" ok") or " FAIL" in l or DEVIATION.match(l)))


def as_manual(lines):
    """qemu-system-arm's output with its known deviations replaced by the
    line the manual's value gives."""
    return [DEVIATION.sub(r"\1\2 ok", l) for l in lines]


def run_qemu_arm(prog, timeout):
    text, status, timed_out = run_cmd(QEMU_ARM + ["-kernel", prog], timeout)
    return guest_lines(text), judge(guest_lines(text), timed_out, status, 0)


def run_armvisor(monitor, prog, timeout):
    args = ["-M", "microvm", "-m", ARMVISOR_HOST_MEM] + qemu.accel_args()
    args += qemu.DEBUG_EXIT + ["-kernel", monitor, "-append", ARMVISOR_APPEND,
                               "-initrd", "%s kernel" % prog]
    r = qemu.run(args, timeout=timeout)
    lines = guest_lines(r.output)
    return lines, judge(lines, r.timed_out, r.status, qemu.EXIT_SUCCESS)


def diff(ref, got):
    """The first differing lines of two outputs."""
    out = []
    for i in range(max(len(ref), len(got))):
        a = ref[i] if i < len(ref) else "<missing>"
        b = got[i] if i < len(got) else "<missing>"
        if a != b:
            out.append("  line %d: qemu-system-arm: %s" % (i + 1, a.strip()))
            out.append("  line %d: armvisor:        %s" % (i + 1, b.strip()))
            if len(out) >= 2 * SHOW_LINES:
                break
    return out


def run_prog(prog, args):
    """[(platform, problems, checks)] for one program."""
    ref, problems = run_qemu_arm(prog, args.timeout)
    deviations = sum(1 for l in ref if DEVIATION.match(l))
    results = [("qemu-system-arm", problems, count_checks(ref), deviations)]
    if args.armvisor:
        got, problems = run_armvisor(args.armvisor, prog, args.timeout)
        want = as_manual(ref)
        if got != want:
            problems = problems + ["output differs from qemu-system-arm"] + diff(want, got)
        results.append(("armvisor", problems, count_checks(got), 0))
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--armvisor", metavar="MONITOR.elf")
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("progs", nargs="+")
    args = ap.parse_args()
    passed = failed = checks = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(run_prog, p, args) for p in args.progs]
        for prog, fut in zip(args.progs, futures):
            name = os.path.splitext(os.path.basename(prog))[0]
            for platform, problems, n, dev in fut.result():
                checks += n
                if problems:
                    failed += 1
                    print("FAIL %s on %s (%d checks): %s" %
                          (name, platform, n, problems[0]))
                    for p in problems[1:]:
                        print("     " + p)
                else:
                    passed += 1
                    extra = ", %d known QEMU deviations" % dev if dev else ""
                    print("ok   %s on %s (%d checks%s)" % (name, platform, n, extra))
    print("suite guest: %d passed, %d failed (program runs; %d checks)" %
          (passed, failed, checks))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
