#!/usr/bin/env python3
"""Differential test of the A32 translator, or with --isa thumb of the T32
one: runs generated programs under qemu-arm (the reference) and under the
emulator being tested, and compares their per-case records.

Environment: DIFFTEST_SEED (one seed or a comma list), DIFFTEST_CASES
(cases per seed), DIFFTEST_CLASS (all, or a comma list of classes such as
mul,div) replace the fixed plan; DIFFTEST_VERBOSE=1 details every failure;
DIFFTEST_SHRINK=0 skips reducing detailed failures to their failing groups.
Prints "suite difftest: N passed, M failed" and exits non-zero on failure.
Example: DIFFTEST_CLASS=mul DIFFTEST_CASES=2000 tests/dbt/difftest.py
--runner build/arm-run; a program's ELF stays in the work directory, and
`<elf> K` runs its cases from K on.
"""

import argparse
import os
import shlex
import struct
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # keep the source tree clean
import difftest_gen as gen  # noqa: E402

REFERENCE = ("qemu-arm", "-cpu", "cortex-a15")
CC = "arm-linux-gnueabi-gcc"

# The fixed plan of `make test`: mixed programs, then every class alone so a
# class the mix rarely reaches still gets its share.  (seed, cases, class)
PLAN = ([(s, 1500, "all") for s in (1, 2, 3, 4, 5)] +
        [(100 + i, 400, c) for i, c in enumerate(gen.CLASSES)])
THUMB_PLAN = ([(s, 1500, "all") for s in (1, 2, 3, 4, 5)] +
              [(200 + i, 400, c) for i, c in enumerate(gen.THUMB_CLASSES)])

# A crashing or hanging case costs one relaunch from the next case; past
# this many per program the rest count as failed without running.
MAX_RELAUNCH = 8
LAUNCH_TIMEOUT = 20.0
# Hangs must not stall `make test`: no launch starts after this long.
SUITE_BUDGET = 240.0
# Failures printed with listing and differences, then as one line, then
# only counted: a badly broken translator must not flood the log.
DETAILED_FAILURES = 10
LISTED_FAILURES = 60
# Shrinking costs two launches per group: only the first few failures.
SHRUNK_FAILURES = 3


def plan_from_env(isa):
    if not any(k in os.environ for k in
               ("DIFFTEST_SEED", "DIFFTEST_CASES", "DIFFTEST_CLASS")):
        return THUMB_PLAN if isa == "thumb" else PLAN
    seeds = [int(s) for s in
             os.environ.get("DIFFTEST_SEED", "1").split(",") if s]
    cases = int(os.environ.get("DIFFTEST_CASES", "500"))
    cls = os.environ.get("DIFFTEST_CLASS", "all")
    return [(s, cases, cls) for s in seeds]


def build(prog, workdir):
    return assemble(prog.text, os.path.join(workdir, "difftest-%s-%d" % (
        prog.label.replace(",", "+"), prog.seed)), prog.isa)


def assemble(text, stem, isa):
    with open(stem + ".S", "w") as f:
        f.write(text)
    cmd = [CC] + list(gen.link_flags(isa)) + [stem + ".S", "-o", stem]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode:
        sys.exit("difftest: cannot build %s:\n%s" % (stem, r.stderr[-4000:]))
    return stem


def launch(cmd, first, timeout):
    """One process run from case `first`; returns (records, note) where note
    says why it stopped early."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        try:
            p = subprocess.Popen(cmd + [str(first)], stdout=out, stderr=err)
        except OSError as e:
            return [], "cannot start: %s" % e
        try:
            rc = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            rc = "timeout after %.0fs" % timeout
        out.seek(0)
        err.seek(0)
        data, tail = out.read(), err.read()[-600:].decode(errors="replace")
    n = len(data) // gen.RECORD_SIZE
    recs = [data[i * gen.RECORD_SIZE:(i + 1) * gen.RECORD_SIZE]
            for i in range(n)]
    return recs, "exit %s%s" % (rc, ("; stderr: " + tail.strip())
                                if tail.strip() else "")


def run_all(cmd, ncases, deadline):
    """Records by case index, and for cases with none, why."""
    records, lost = {}, {}
    first, relaunches = 0, 0
    while first < ncases:
        timeout = min(LAUNCH_TIMEOUT, deadline - time.time())
        if timeout <= 0:
            for i in range(first, ncases):
                lost[i] = "not run: the suite's time budget is spent"
            break
        recs, note = launch(cmd, first, timeout)
        for i, rec in enumerate(recs):
            records[first + i] = rec
        first += len(recs)
        if first >= ncases:
            break
        lost[first] = "no record (%s)" % note
        first += 1
        relaunches += 1
        if relaunches > MAX_RELAUNCH:
            for i in range(first, ncases):
                lost[i] = "not run: too many crashed cases before it"
            break
    return records, lost


def decode(rec):
    fields = gen.RECORD_HEAD.unpack_from(rec)
    return dict(zip(gen.RECORD_FIELDS, fields)), rec[gen.RECORD_HEAD.size:]


def apsr_text(v):
    flags = "".join(f if v >> b & 1 else "-" for f, b in
                    (("N", 31), ("Z", 30), ("C", 29), ("V", 28), ("Q", 27)))
    return "%s GE=%x" % (flags, v >> 16 & 0xf)


def differences(want, got):
    """Human-readable lines for every field and buffer word that differ."""
    (wf, wbuf), (gf, gbuf) = decode(want), decode(got)
    lines = []
    for name in gen.RECORD_FIELDS:
        if wf[name] != gf[name]:
            extra = ""
            if name == "apsr":
                extra = "  (%s vs %s)" % (apsr_text(wf[name]),
                                          apsr_text(gf[name]))
            lines.append("  %-8s qemu 0x%08x  got 0x%08x%s" %
                         (name, wf[name], gf[name], extra))
    for off in range(0, len(wbuf), 4):
        w, g = wbuf[off:off + 4], gbuf[off:off + 4]
        if w != g:
            lines.append("  buf+0x%02x qemu 0x%08x  got 0x%08x" %
                         (off, struct.unpack("<I", w)[0],
                          struct.unpack("<I", g)[0]))
    return lines


class Session:
    """One suite run: the command under test, where programs go, the time
    budget, and how many failures were printed so far."""

    def __init__(self, runner, workdir):
        self.runner, self.workdir = runner, workdir
        self.deadline = time.time() + SUITE_BUDGET
        self.shrinking = os.environ.get("DIFFTEST_SHRINK", "1") != "0"
        self.verbose = os.environ.get("DIFFTEST_VERBOSE") == "1"
        self.shown = 0

    def check_program(self, prog):
        """Returns (passed, failed) for one generated program."""
        elf = build(prog, self.workdir)
        n = len(prog.cases)
        # Both emulators at once: the test machine has two cores.
        with ThreadPoolExecutor(max_workers=2) as pool:
            ref_job = pool.submit(run_all, list(REFERENCE) + [elf], n,
                                  self.deadline)
            got_job = pool.submit(run_all, self.runner + [elf], n,
                                  self.deadline)
            (ref, ref_lost), (got, got_lost) = (ref_job.result(),
                                                got_job.result())
        passed = 0
        for idx in range(n):
            if idx not in ref:
                why = "reference failed, generator bug: " + ref_lost[idx]
                diff = []
            elif idx not in got:
                why, diff = got_lost[idx], []
            elif ref[idx] == got[idx]:
                passed += 1
                continue
            elif decode(got[idx])[0]["index"] != decode(ref[idx])[0]["index"]:
                why = ("output out of step: record of case %d where case %d"
                       " was due" % (decode(got[idx])[0]["index"], idx))
                diff = []
            else:
                why, diff = "state differs", differences(ref[idx], got[idx])
            self.report(prog, elf, idx, why, diff)
        return passed, n - passed

    def report(self, prog, elf, idx, why, diff_lines):
        shown, self.shown = self.shown, self.shown + 1
        if shown >= LISTED_FAILURES and not self.verbose:
            return
        print("FAIL seed %d class %s case %d: %s" % (prog.seed, prog.label,
                                                    idx, why))
        if shown >= DETAILED_FAILURES and not self.verbose:
            return
        print("  reproduce: DIFFTEST_SEED=%d DIFFTEST_CASES=%d "
              "DIFFTEST_CLASS=%s%s (or run %s %d: cases from %d on)"
              % (prog.seed, len(prog.cases), prog.label,
                 " with --isa thumb" if prog.isa == "thumb" else "",
                 elf, idx, idx))
        case = prog.cases[idx]
        print("  initial r0-r12,r14: " +
              " ".join("%08x" % v for v in case.regs))
        print("  initial APSR: %s" % apsr_text(case.apsr))
        print_case(case, diff_lines)
        if not self.shrinking or shown >= SHRUNK_FAILURES:
            return
        small, small_diff = self.shrink(case)
        if small is not None and len(small.groups) < len(case.groups):
            print("  shrunk to %d of %d groups, still failing:" %
                  (len(small.groups), len(case.groups)))
            print_case(small, small_diff)

    def alone(self, case):
        """Difference lines of `case` run as the only case of a program
        (empty when it passes, None when the reference itself fails)."""
        elf = assemble(gen.program_text([case]),
                       os.path.join(self.workdir, "difftest-shrink"),
                       case.isa)
        ref, _ = launch(list(REFERENCE) + [elf], 0, LAUNCH_TIMEOUT)
        got, note = launch(self.runner + [elf], 0, LAUNCH_TIMEOUT)
        if not ref or note.startswith("cannot start"):
            return None
        if not got:
            return ["  no record (%s)" % note]
        return differences(ref[0], got[0]) if ref[0] != got[0] else []

    def shrink(self, case):
        """Drops body groups, last first, while the case still fails, so
        the translator developer reads the few instructions that matter."""
        diff = self.alone(case)
        if not diff:
            return None, None
        for i in reversed(range(len(case.groups))):
            trial = case.without_group(i)
            trial_diff = self.alone(trial)
            if trial_diff:
                case, diff = trial, trial_diff
        return case, diff


def print_case(case, diff_lines):
    for line in case.lines:
        print("    " + line)
    for line in diff_lines:
        print(line)


def main():
    ap = argparse.ArgumentParser(
        description=__doc__ + "\nA32 classes: " + ", ".join(gen.CLASSES) +
        "\nT32 classes: " + ", ".join(gen.THUMB_CLASSES),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runner", required=True,
                    help="command under test, e.g. build/arm-run")
    ap.add_argument("--workdir", default="build/difftest")
    ap.add_argument("--isa", choices=("arm", "thumb"), default="arm",
                    help="state the cases run in (default arm)")
    args = ap.parse_args()
    runner = shlex.split(args.runner)
    plan = plan_from_env(args.isa)
    suite = "difftest-thumb" if args.isa == "thumb" else "difftest"
    try:
        for _, _, cls in plan:
            gen.parse_classes(cls, args.isa)
    except ValueError as e:
        print("difftest: %s" % e)
        print("suite %s: 0 passed, 1 failed" % suite)
        return 1
    if not os.access(runner[0], os.X_OK) and "/" in runner[0]:
        print("difftest: %s is not built" % runner[0])
        print("suite %s: 0 passed, %d failed" %
              (suite, sum(n for _, n, _ in plan)))
        return 1
    os.makedirs(args.workdir, exist_ok=True)
    session = Session(runner, args.workdir)
    total_pass = total_fail = 0
    start = time.time()
    for seed, ncases, cls in plan:
        p, f = session.check_program(gen.build_program(seed, ncases, cls,
                                                       args.isa))
        print("difftest seed %d class %s: %d passed, %d failed" %
              (seed, cls, p, f))
        total_pass, total_fail = total_pass + p, total_fail + f
    print("difftest: %.1fs" % (time.time() - start))
    print("suite %s: %d passed, %d failed" % (suite, total_pass, total_fail))
    return 1 if total_fail else 0


if __name__ == "__main__":
    sys.exit(main())
