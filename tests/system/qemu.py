"""Starting QEMU for armvisor tests: accelerator choice (KVM when
/dev/kvm is usable, TCG otherwise), firmware lookup, and a runner that
drives the serial console with expect-style prompts under a timeout."""

import os
import select
import subprocess
import time

DEBUG_EXIT = ["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
EXIT_SUCCESS = 99   # (0x31 << 1) | 1, arch/x86_64/platform.h
EXIT_FAILURE = 65   # (0x20 << 1) | 1

OVMF_CODE = ["/usr/share/OVMF/OVMF_CODE_4M.fd", "/usr/share/OVMF/OVMF_CODE.fd"]


def kvm_usable():
    try:
        fd = os.open("/dev/kvm", os.O_RDWR)
    except OSError:
        return False
    os.close(fd)
    return True


def accel_args():
    if kvm_usable():
        return ["-accel", "kvm", "-cpu", "host"]
    return ["-accel", "tcg", "-cpu", "max"]


def ovmf_code():
    for path in OVMF_CODE:
        if os.path.exists(path):
            return path
    return None


class Result:
    def __init__(self, output, status, timed_out):
        self.output = output
        self.status = status
        self.timed_out = timed_out


def run(args, script=(), timeout=60):
    """Runs qemu-system-x86_64 with args. script is a list of
    (wait_for, send) pairs: once wait_for appears in the output (after the
    previous step's match), send is written to the serial console."""
    cmd = ["qemu-system-x86_64", "-display", "none", "-monitor", "none",
           "-serial", "stdio", "-no-reboot"] + args
    return run_cmd(cmd, script, timeout)


def run_cmd(cmd, script=(), timeout=60):
    """Like run(), for any command line whose stdio is the console."""
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    out = b""
    steps = list(script)
    searched = 0
    deadline = time.monotonic() + timeout
    timed_out = False
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            proc.kill()
            timed_out = True
            break
        ready, _, _ = select.select([proc.stdout], [], [], min(left, 0.5))
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            out += chunk
        while steps and steps[0][0].encode() in out[searched:]:
            searched = out.index(steps[0][0].encode(), searched) + len(steps[0][0])
            proc.stdin.write(steps[0][1].encode())
            proc.stdin.flush()
            steps.pop(0)
    status = proc.wait()
    text = out.decode("utf-8", "replace").replace("\r\n", "\n")
    return Result(text, status, timed_out)
