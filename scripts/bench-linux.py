#!/usr/bin/env python3
"""`make bench`, second half: Debian's armmp kernel with the busybox
initramfs on qemu-system-arm (TCG, the reference) and on armvisor (KVM when
/dev/kvm is usable, else TCG - then the figures say nothing about
armvisor's speed, and the table says so), one after the other in one run.
Workloads are timed inside the guest from /proc/uptime; boot is timed from
QEMU's start to the first userland line.

Usage: bench-linux.py MONITOR.elf"""

import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests/system"))
import qemu  # noqa: E402

KERNEL = os.path.join(ROOT, "fixtures/linux/vmlinuz")
INITRD = os.path.join(ROOT, "fixtures/linux/initramfs.cpio.gz")
APPEND = "console=ttyAMA0 quiet"
PROMPT = "/ # "
UP = "armvisor-initramfs: userland up"

# name, preparation (untimed), workload (timed inside the guest)
WORKLOADS = [
    ("sha256sum 32 MiB", "true",
     "dd if=/dev/zero bs=1048576 count=32 2>/dev/null | sha256sum >/dev/null"),
    ("gzip -1 16 MiB", "seq 1 2100000 > /tmp/t; head -c 16777216 /tmp/t > /tmp/g",
     "gzip -1 -c /tmp/g >/dev/null"),
    ("300 fork+exec", "true",
     "i=0; while [ $i -lt 300 ]; do /bin/true; i=$((i+1)); done"),
]


def timed(i, prep, work):
    return ("%s; a=$(cut -d' ' -f1 /proc/uptime); %s; b=$(cut -d' ' -f1 /proc/uptime);"
            " echo @@t $((%d)) $a $b\r" % (prep, work, i))


def run(cmd, timeout):
    script = [(UP, "")]
    for i, (_, prep, work) in enumerate(WORKLOADS):
        script.append((PROMPT, timed(i, prep, work)))
    # poweroff is typed once the last result line has ended: the tty
    # echoes typed input at once, into the middle of a line being printed.
    script.append(("\n@@t %d " % (len(WORKLOADS) - 1), ""))
    script.append(("\r\n", "poweroff -f\r"))
    r = qemu.run_cmd(cmd, script, timeout)
    results = {}
    for m in re.finditer(r"^@@t (\d+) ([\d.]+) ([\d.]+)", r.output.replace("\r", ""), re.M):
        results[WORKLOADS[int(m.group(1))][0]] = float(m.group(3)) - float(m.group(2))
    return results


def boot_time(cmd, timeout):
    """Seconds from QEMU's start to the first userland line."""
    t0 = time.monotonic()
    r = qemu.run_cmd(cmd, [(UP, "poweroff -f\r")], timeout)
    return time.monotonic() - t0 if UP in r.output else None


def fmt(v):
    return "%8.2fs" % v if v is not None else "   (none)"


def main():
    monitor = sys.argv[1]
    subprocess.run([os.path.join(ROOT, "scripts/fetch-linux.sh")], check=True)
    ref_cmd = ["qemu-system-arm", "-M", "virt", "-cpu", "cortex-a15", "-m", "256M",
               "-nographic", "-no-reboot", "-kernel", KERNEL, "-initrd", INITRD,
               "-append", APPEND]
    av_cmd = (["qemu-system-x86_64", "-M", "microvm", "-m", "1G", "-display", "none",
               "-monitor", "none", "-serial", "stdio", "-no-reboot"] + qemu.accel_args()
              + ["-kernel", monitor, "-append", 'mem=256M bootargs="%s"' % APPEND,
                 "-initrd", "%s kernel,%s initrd" % (KERNEL, INITRD)])
    rows = {}
    for name, cmd, timeout in (("qemu-system-arm", ref_cmd, 600), ("armvisor", av_cmd, 3000)):
        res = run(cmd, timeout)
        res["boot to userland"] = boot_time(cmd, timeout)
        rows[name] = res
    accel = "kvm" if qemu.kvm_usable() else "TCG: no usable /dev/kvm, not representative"
    print("\nLinux on qemu-system-arm (TCG) and on armvisor (%s)" % accel)
    print("%-20s %10s %10s  %s" % ("workload", "qemu-arm", "armvisor", "armvisor vs qemu"))
    for name in ["boot to userland"] + [w[0] for w in WORKLOADS]:
        q, a = rows["qemu-system-arm"].get(name), rows["armvisor"].get(name)
        ratio = ("%.2fx faster" % (q / a) if a and q and q >= a else
                 "%.2fx slower" % (a / q) if a and q else "n/a")
        print("%-20s %10s %10s  %s" % (name, fmt(q), fmt(a), ratio))
    return 0


if __name__ == "__main__":
    sys.exit(main())
