#!/usr/bin/env python3
"""System test: Debian's armmp kernel and a busybox initramfs boot to a
shell on armvisor, and a scripted session typed at the prompt gives the
same output as on qemu-system-arm -M virt -cpu cortex-a15 (the
reference). Lines carrying timing (kernel log lines, BogoMIPS) are left
out of the comparison, and so is /proc/cpuinfo's Features line: armvisor
reports no VFP/NEON/ThumbEE/LPAE, which this CPU model does not have.
tmpfs sizes (half of the RAM Linux manages) are compared within 0.1%:
Linux spends about 12 KiB more unflattening QEMU's device tree, which
describes devices armvisor does not model (virtio-mmio, flash, PCIe).

Usage: linux_test.py MONITOR.elf"""

import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import qemu  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MONITOR = sys.argv[1]
KERNEL = os.path.join(ROOT, "fixtures/linux/vmlinuz")
INITRD = os.path.join(ROOT, "fixtures/linux/initramfs.cpio.gz")
PROMPT = "/ # "

THUMB_CMD = "thumb-check; echo exit $?"
# The session of issue 5: each command's output is compared.
COMMANDS = [
    "uname -a",
    "cat /proc/cpuinfo",
    "mount",
    "echo hello tmpfs > /tmp/f && stat -c '%s %A %F' /tmp/f && cat /tmp/f",
    "dd if=/dev/zero bs=1024 count=2048 2>/dev/null | sha256sum",
    "seq 1 30000 > /tmp/n && gzip -c /tmp/n > /tmp/n.gz && gunzip -c /tmp/n.gz | sha256sum && sha256sum < /tmp/n && wc -c < /tmp/n",
    "seq 1 1000 | awk '{s+=$1} END {print s}' | tr 0-9 a-j",
    "i=0; while [ $i -lt 200 ]; do /bin/true; i=$((i+1)); done; echo forked $i",
    # Thumb-2 user code: syscalls, a Thumb signal handler, longjmp.
    THUMB_CMD,
]
TIMING = re.compile(r"^\[ *\d+\.\d+\]|BogoMIPS|^Features")
TMPFS_SIZE = re.compile(r"size=(\d+)k,nr_inodes=(\d+)")
ANSI = re.compile(r"\x1b\[[0-9;]*[a-zA-Z]")

passed = failed = 0


def tmpfs_sizes(lines):
    """The size= of each mount line that has one, in KiB."""
    return [int(m.group(1)) for m in map(TMPFS_SIZE.search, lines) if m]


def session(args, timeout):
    """Boots, types each command with an end marker, returns
    {command: [output lines]} and the raw transcript."""
    # Each command prints its own begin and end marker lines, so its output
    # is found whatever the line editor does to the echo of a long line.
    # The markers are typed as $((N)), so the echo of the typed line (which
    # the editor may wrap to put a marker at a line start) never matches.
    script = [("armvisor-initramfs: userland up", "")]
    for i, cmd in enumerate(COMMANDS):
        script.append((PROMPT, "echo @@beg $((%d))@@; %s; echo @@end $((%d))@@\r" % (i, cmd, i)))
    # poweroff is typed once the last marker's line has ended: the tty
    # echoes typed input at once, into the middle of a line being printed.
    script.append(("\n@@end %d@@\r" % (len(COMMANDS) - 1), "poweroff -f\r"))
    r = qemu.run_cmd(args, script, timeout)
    text = ANSI.sub("", r.output).replace("\r", "")
    out = {}
    for i, cmd in enumerate(COMMANDS):
        m = re.search(r"^@@beg %d@@\n(.*?)^@@end %d@@" % (i, i), text, re.S | re.M)
        lines = m.group(1).splitlines() if m else ["<no output: session did not get here>"]
        out[cmd] = [l for l in lines if not TIMING.search(l)]
    return out, r


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   %s" % name)
    else:
        failed += 1
        print("FAIL %s%s" % (name, (": " + detail) if detail else ""))


def main():
    # Fetches what is missing, rebuilds a stale initramfs, else nothing.
    subprocess.run([os.path.join(ROOT, "scripts/fetch-linux.sh")], check=True)
    append = "console=ttyAMA0 quiet"
    t0 = time.monotonic()
    ref, rr = session(["qemu-system-arm", "-M", "virt", "-cpu", "cortex-a15", "-m", "256M",
                       "-nographic", "-no-reboot", "-kernel", KERNEL, "-initrd", INITRD,
                       "-append", append], 300)
    t1 = time.monotonic()
    got, ra = session(["qemu-system-x86_64", "-M", "microvm", "-m", "1G", "-display", "none",
                       "-monitor", "none", "-serial", "stdio", "-no-reboot"]
                      + qemu.accel_args() + qemu.DEBUG_EXIT
                      + ["-kernel", MONITOR, "-append", 'test=guest mem=256M bootargs="%s"' % append,
                         "-initrd", "%s kernel,%s initrd" % (KERNEL, INITRD)], 1500)
    t2 = time.monotonic()
    print("qemu-system-arm %.0f s, armvisor %.0f s (%s)" % (
        t1 - t0, t2 - t1, "kvm" if qemu.kvm_usable() else "tcg"))
    check("reference boots and powers off", not rr.timed_out and "reboot: Power down" in rr.output)
    check("armvisor boots to userland", "armvisor-initramfs: userland up" in ra.output)
    ours, theirs = tmpfs_sizes(got["mount"]), tmpfs_sizes(ref["mount"])
    check("tmpfs sizes within 0.1%% of the reference: %s vs %s" % (ours, theirs),
          ours and len(ours) == len(theirs) and
          all(abs(x - y) * 1000 <= y for x, y in zip(ours, theirs)))
    for name in (got, ref):
        name["mount"] = [TMPFS_SIZE.sub("size=*,nr_inodes=*", l) for l in name["mount"]]
    for cmd in COMMANDS:
        same = got[cmd] == ref[cmd] and ref[cmd] and not ref[cmd][0].startswith("<no output")
        detail = "" if same else "\n  qemu-system-arm: %r\n  armvisor:        %r" % (ref[cmd], got[cmd])
        check("same output: %s" % cmd[:60], same, detail)
    # The program is there and ran to its end (not "not found" on both).
    check("armvisor: the Thumb program ran (signal 10, longjmp 42, exit 0)",
          all(l in got[THUMB_CMD] for l in ("signal 10", "longjmp 42", "exit 0")),
          repr(got[THUMB_CMD]))
    check("armvisor: poweroff -f ends QEMU with success",
          not ra.timed_out and ra.status == qemu.EXIT_SUCCESS, "status %s" % ra.status)
    if failed:
        print("---- armvisor transcript (tail) ----\n%s" % ra.output[-3000:])
    print("suite linux: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
