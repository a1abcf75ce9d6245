#!/usr/bin/env python3
"""Boot tests for the monitor: the multiboot1 fast path (QEMU microvm,
-kernel, KVM or TCG), the GRUB ISO under SeaBIOS and OVMF (TCG), and what
the monitor does with modules, options, faults and console input.

Usage: boot_test.py MONITOR.elf [NAME...]"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import qemu  # noqa: E402

MONITOR = sys.argv[1]
ONLY = sys.argv[2:]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TMP = tempfile.mkdtemp(prefix="armvisor-boot-")
passed = failed = 0


def microvm(append, initrd=None, mem="256M"):
    args = ["-M", "microvm", "-m", mem] + qemu.accel_args() + qemu.DEBUG_EXIT
    args += ["-kernel", MONITOR, "-append", append]
    if initrd:
        args += ["-initrd", initrd]
    return args


def make_iso(name, modules, options):
    iso = os.path.join(TMP, name + ".iso")
    cmd = [os.path.join(ROOT, "scripts/mkiso.sh"), MONITOR, iso]
    for path, string in modules:
        cmd += [path, string]
    subprocess.run(cmd + ["--"] + options, check=True)
    return iso


def fixture(name, data):
    path = os.path.join(TMP, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def expect(name, result, status, patterns, absent=()):
    global passed, failed
    problems = []
    if result.timed_out:
        problems.append("timed out")
    if status is not None and result.status != status:
        problems.append("exit status %d, expected %d" % (result.status, status))
    for p in patterns:
        if not re.search(p, result.output, re.M):
            problems.append("missing /%s/" % p)
    for p in absent:
        if re.search(p, result.output, re.M):
            problems.append("unexpected /%s/" % p)
    if problems:
        failed += 1
        print("FAIL %s: %s" % (name, "; ".join(problems)))
        print("---- output ----\n%s\n----------------" % result.output[-4000:])
    else:
        passed += 1
        print("ok   %s" % name)


BANNER = [r"^armvisor \S+: x86-64 monitor", r"^cpu features: nx",
          r"^timer check: ok", r"^memory: \d+ MiB usable"]


def test_microvm_lists_modules_with_strings():
    a = fixture("a.bin", b"A" * 4097)
    b = fixture("b.bin", b"B" * 100)
    r = qemu.run(microvm("test=exit", "%s kernel,%s initrd" % (a, b)))
    expect("microvm_lists_modules_with_strings", r, qemu.EXIT_SUCCESS, BANNER + [
        r"^boot: multiboot1$", r"^modules: 2$",
        r"module 0: 0x[0-9a-f]+-0x[0-9a-f]+ 4097 bytes \".*a\.bin kernel\"",
        r"module 1: 0x[0-9a-f]+-0x[0-9a-f]+ 100 bytes \".*b\.bin initrd\"",
        r"^memory check: ok"], absent=[r"^warn"])


def test_microvm_without_modules_says_so():
    r = qemu.run(microvm("test=exit"))
    expect("microvm_without_modules_says_so", r, qemu.EXIT_SUCCESS,
           BANNER + [r"^modules: none \(load an ARM kernel"])


def test_bad_options_reported_once_each_and_ignored():
    r = qemu.run(microvm('test=exit frobnicate=1 mem=12x gdb=maybe bootargs="a b" log'))
    expect("bad_options_reported_once_each_and_ignored", r, qemu.EXIT_SUCCESS, BANNER + [
        r"^warn: unknown option 'frobnicate'; ignored$",
        r"^warn: option mem=12x: invalid value",
        r"^warn: option gdb=maybe: invalid value",
        r"^warn: option 'log' has no '=value'; ignored$",
        r'^options: mem=256M gdb=off bootargs="a b"$'])


def test_fault_dumps_registers_and_fails():
    r = qemu.run(microvm("test=fault"))
    expect("fault_dumps_registers_and_fails", r, qemu.EXIT_FAILURE, [
        r"fatal exception 14 \(#PF page fault\), error code 0x2",
        r"page fault address \(cr2\) 0000000000001000, not-present write",
        r"^rax [0-9a-f]{16} rbx", r"^r12 [0-9a-f]{16}", r"^rip ffffffff8",
        r"^cr0 [0-9a-f]{16} cr2 0000000000001000", r"^backtrace:",
        r"^  #1  ffffffff8"])


def test_console_input_arrives_by_interrupt():
    r = qemu.run(microvm("test=console"), script=[
        ("armvisor> ", "help\r"), ("armvisor> ", "bogus\r"),
        ("armvisor> ", "mem\r"), ("armvisor> ", "poweroff\r")])
    expect("console_input_arrives_by_interrupt", r, qemu.EXIT_SUCCESS, [
        r"poweroff +power the machine off", r"unknown command 'bogus'",
        r"^RAM \d+ MiB, free \d+ MiB", r"^powering off"])


def test_ram_above_4g_is_mapped_and_usable():
    r = qemu.run(microvm("test=exit", mem="6G"))
    expect("ram_above_4g_is_mapped_and_usable", r, qemu.EXIT_SUCCESS, [
        r"^memory: 61\d\d MiB usable",
        r"^memory check: ok, frame 0x1[0-9a-f]{8} written"])


def test_iso_boots_under_seabios():
    mod = fixture("k.bin", b"K" * 5000)
    iso = make_iso("bios", [(mod, "kernel")], ["test=exit"])
    r = qemu.run(["-M", "pc", "-accel", "tcg", "-m", "512M", "-cdrom", iso]
                 + qemu.DEBUG_EXIT, timeout=120)
    expect("iso_boots_under_seabios", r, qemu.EXIT_SUCCESS, BANNER + [
        r"^boot: multiboot2 from GRUB", r"module 0: .* 5000 bytes \"kernel\"",
        r'^command line: "test=exit"$'])


def test_iso_boots_under_ovmf():
    code = qemu.ovmf_code()
    if not code:
        global failed
        failed += 1
        print("FAIL iso_boots_under_ovmf: no OVMF firmware (run scripts/setup.sh)")
        return
    mod = fixture("k2.bin", b"K" * 6000)
    iso = make_iso("uefi", [(mod, "kernel")], ["test=exit"])
    r = qemu.run(["-M", "q35", "-accel", "tcg", "-m", "512M",
                  "-drive", "if=pflash,format=raw,readonly=on,file=" + code,
                  "-cdrom", iso] + qemu.DEBUG_EXIT, timeout=180)
    expect("iso_boots_under_ovmf", r, qemu.EXIT_SUCCESS, BANNER + [
        r"^boot: multiboot2 from GRUB", r"module 0: .* 6000 bytes \"kernel\""])


def test_acpi_poweroff_ends_the_machine():
    iso = make_iso("poweroff", [], [])
    r = qemu.run(["-M", "pc", "-accel", "tcg", "-m", "256M", "-cdrom", iso],
                 script=[("armvisor> ", "poweroff\r")], timeout=120)
    expect("acpi_poweroff_ends_the_machine", r, 0, [r"^powering off"])


def test_guest_ram_the_host_cannot_back_is_refused():
    guest = os.path.join(ROOT, "build/guest/modes.bin")
    r = qemu.run(microvm("test=guest mem=512M", guest + " kernel", mem="256M"))
    expect("guest_ram_the_host_cannot_back_is_refused", r, qemu.EXIT_FAILURE, [
        r"^error: guest RAM: the host cannot back 512 MiB at 0x40000000$"],
        absent=[r"panic", r"fatal exception"])


def test_kernel_module_that_does_not_fit_is_refused():
    big = fixture("big.bin", b"\0" * (17 << 20))
    r = qemu.run(microvm("test=guest mem=16M", big + " kernel", mem="512M"))
    expect("kernel_module_that_does_not_fit_is_refused", r, qemu.EXIT_FAILURE, [
        r"^error: kernel module '.*big\.bin kernel': kernel \(17825792 bytes\) and initrd \(0 bytes\) do not fit in 16 MiB of guest RAM at 0x40000000$"],
        absent=[r"panic", r"fatal exception"])


def test_elf_kernel_module_is_refused_with_a_reason():
    elf = fixture("prog.elf", b"\x7fELF" + b"\1" * 100)
    r = qemu.run(microvm("test=guest", elf + " kernel", mem="512M"))
    expect("elf_kernel_module_is_refused_with_a_reason", r, qemu.EXIT_FAILURE, [
        r"^error: kernel module '.*prog\.elf kernel': kernel is an ELF file: give the zImage or Image"],
        absent=[r"panic", r"fatal exception"])


def test_guest_poweroff_powers_the_machine_off():
    """Without a test mode: the guest's PSCI SYSTEM_OFF makes the monitor
    power off through ACPI (hardware-reduced on microvm), QEMU exits 0."""
    guest = os.path.join(ROOT, "build/guest/modes.bin")
    args = ["-M", "microvm", "-m", "512M"] + qemu.accel_args()
    args += ["-kernel", MONITOR, "-append", "stats=on", "-initrd", guest + " kernel"]
    r = qemu.run(args, timeout=60)
    expect("guest_poweroff_powers_the_machine_off", r, 0, [
        r"^guest: 256 MiB RAM at 0x40000000, kernel '.*modes\.bin kernel'",
        r"^guest modes: \d+ checks, 0 failed",
        r"^guest stopped: it powered the machine off",
        r"^vcpu: \d+ exits", r"^shadow: \d+ fills"], absent=[r"^error"])


TESTS = [v for k, v in sorted(globals().items()) if k.startswith("test_")]

if __name__ == "__main__":
    print("accelerator: %s" % ("kvm" if qemu.kvm_usable() else "tcg (no usable /dev/kvm)"))
    try:
        for t in TESTS:
            if ONLY and t.__name__[5:] not in ONLY:
                continue
            try:
                t()
            except Exception as e:  # a broken fixture is a failed test
                failed += 1
                print("FAIL %s: %s" % (t.__name__[5:], e))
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    print("suite boot: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)
