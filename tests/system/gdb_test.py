#!/usr/bin/env python3
"""System test of the gdb stub: gdb-multiarch -batch sessions against
armvisor (the stub on COM2, a TCP socket in QEMU) and, with the same
script, against qemu-system-arm -M virt -cpu cortex-a15's own gdb stub
(the reference). What gdb prints must be the same on both, apart from
the few lines named in normalise(). armvisor-only parts (monitor
commands, a packet fuzzer, Linux) are checked against facts the same
run establishes independently (registers gdb read, the program's own
page tables, the guest's kallsyms).

Usage: gdb_test.py MONITOR.elf DEBUGEE.elf DEBUGEE.bin [--linux]
(the Thumb guest, thumb.elf and thumb.bin, is taken from beside them)"""

import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import qemu  # noqa: E402

MONITOR, ELF, BIN = sys.argv[1:4]
# The Thumb guest program, built beside the debugee (tests/guest/thumb.c).
THUMB_ELF = os.path.join(os.path.dirname(ELF), "thumb.elf")
THUMB_BIN = os.path.join(os.path.dirname(BIN), "thumb.bin")
GDB_TIMEOUT = 240
QEMU_ARM = ["qemu-system-arm", "-M", "virt", "-cpu", "cortex-a15", "-m", "256M",
            "-display", "none", "-monitor", "none", "-no-reboot"]
# The debugee maps this section (tests/guest/debugee.c) and leaves 0x90000000 unmapped.
DBG_VA, DBG_PA, UNMAPPED_VA = 0x80300000, 0x41300000, 0x90000000

passed = failed = 0


def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   %s" % what)
        return True
    else:
        failed += 1
        print("FAIL %s%s" % (what, ("\n     " + detail.replace("\n", "\n     ")) if detail else ""))
        return False


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_port(port, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


class Machine:
    """A QEMU running the guest with a gdb port; console output in a file."""

    def __init__(self, kind, port, guest, options="", initrd=None):
        self.console = tempfile.NamedTemporaryFile(prefix="gdbtest-", suffix=".out", delete=False).name
        if kind == "qemu":
            cmd = QEMU_ARM + ["-serial", "file:" + self.console, "-S",
                              "-gdb", "tcp:127.0.0.1:%d" % port, "-kernel", guest]
            if initrd:
                cmd += ["-initrd", initrd]
        else:
            mods = "%s kernel" % guest + (",%s initrd" % initrd if initrd else "")
            cmd = (["qemu-system-x86_64", "-M", "microvm", "-m", "1G", "-display", "none",
                    "-monitor", "none", "-no-reboot", "-serial", "file:" + self.console,
                    "-chardev", "socket,id=gdb,host=127.0.0.1,port=%d,server=on,wait=off" % port,
                    "-device", "isa-serial,chardev=gdb,iobase=0x2f8,irq=3"]
                   + qemu.accel_args() + qemu.DEBUG_EXIT
                   + ["-kernel", MONITOR, "-append", "test=guest mem=256M " + options,
                      "-initrd", mods])
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.STDOUT)

    def output(self):
        with open(self.console, "rb") as f:
            return f.read().decode("utf-8", "replace").replace("\r", "")

    def wait_for(self, text, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.output():
                return True
            if self.proc.poll() is not None:
                return text in self.output()
            time.sleep(0.1)
        return False

    def finish(self, timeout=60):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None
        finally:
            pass

    def cleanup(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.unlink(self.console)


def gdb(port, commands, elf=None, timeout=GDB_TIMEOUT):
    args = ["gdb-multiarch", "-nx", "-batch", "-ex", "set confirm off",
            "-ex", "set pagination off", "-ex", "set width 0"]
    if elf:
        args += ["-ex", "file " + elf]
    else:
        args += ["-ex", "set architecture arm"]
    args += ["-ex", "target remote 127.0.0.1:%d" % port]
    for c in commands:
        args += ["-ex", c]
    try:
        p = subprocess.run(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout)
        return p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        return (e.stdout or b"").decode("utf-8", "replace") + "\n<gdb timed out>"


# Ctrl-C from inside gdb: a timer thread sends gdb itself SIGINT while the
# next `continue` waits, which gdb turns into a break-in (0x03) on the wire.
CTRL_C_SOON = ("python import threading, os, signal; "
               "threading.Timer(%s, lambda: os.kill(os.getpid(), signal.SIGINT)).start()")

# The session run on both: break at symbols, backtrace, registers and
# memory read and written, a write and a read watchpoint, single steps
# across a taken branch and across an SVC (into the vector), Ctrl-C.
COMMON = [
    "break dbg_leaf", "continue", "bt",
    "info registers r0 r1 r4 r5 r6 r7 r8 r9 r10 r11 r12 sp lr pc",
    "print watched", "print/x read_target", "x/2xw &read_target",
    "set var read_target = 0x4321", "print/x read_target",
    "set var $r7 = 0x77", "print/x $r7",
    "watch watched", "continue", "info registers pc", "delete",
    "rwatch read_target", "continue", "info registers pc", "delete",
    "break dbg_branch", "continue", "display/i $pc",
    "stepi", "stepi", "stepi", "info registers r0", "stepi", "info registers r0", "undisplay",
    "break dbg_svc", "continue", "stepi", "stepi", "info registers pc lr",
    "print/x $cpsr & 0x1f", "x/i $pc", "delete",
    "break dbg_tick", "continue", "shell sleep 3", "delete", "break dbg_tock", "continue",
    "print dbg_tick_ticks < 62500000", "delete",
    "break dbg_spin", "continue",
    "print/x *(unsigned int *)0x%x" % DBG_VA,
    "x/xw 0x%x" % UNMAPPED_VA,
    "set var dbg_attached = 1", "delete",
    CTRL_C_SOON % "3", "continue",
    "print dbg_attached", "set var dbg_release = 1",
]
MONITOR_CMDS = [
    "info registers pc", "monitor info registers",
    "monitor info mmu 0x%x" % DBG_VA, "monitor info mmu 0x%x" % UNMAPPED_VA,
    "monitor info shadow", "monitor info tb", "monitor log debug", "monitor log info",
    "monitor no such command", "monitor help",
]
SECTION = "echo @@monitor@@\\n"

# Lines where the two stubs legitimately differ: the process naming of
# QEMU's multiprocess extension, and where exactly Ctrl-C lands in the
# spin loop.
NORMALISE = [
    (re.compile(r"\[Inferior 1 \((process 1|Remote target)\) detached\]"), "[Inferior 1 detached]"),
    (re.compile(r"^0x[0-9a-f]+ in dbg_spin \(\) at .*$", re.M), "<in dbg_spin>"),
    (re.compile(r"^dbg_spin \(\) at .*$", re.M), "<in dbg_spin>"),
    (re.compile(r"^\d+\t\s*(while \(dbg_attached|spins\+\+).*$", re.M), "<spin loop line>"),
]


def normalise(text):
    for pat, rep in NORMALISE:
        text = pat.sub(rep, text)
    return text


def after_first_command(text):
    """gdb's output from the first command on: where the guest stands
    when gdb attaches differs, as QEMU enters the image through its own
    boot stub at the start of RAM and armvisor at the image itself."""
    i = text.find("Breakpoint 1 at ")
    return text[i:] if i >= 0 else text


def first_diff(a, b):
    al, bl = a.split("\n"), b.split("\n")
    for i in range(max(len(al), len(bl))):
        x = al[i] if i < len(al) else "<end>"
        y = bl[i] if i < len(bl) else "<end>"
        if x != y:
            return "line %d:\n  qemu-system-arm: %s\n  armvisor:        %s" % (i + 1, x, y)
    return ""


def guest_lines(text):
    """The program's own lines, from its start line to its summary
    (armvisor's console also carries the monitor's log)."""
    lines = text.split("\n")
    start = next((i for i, l in enumerate(lines) if l == "guest debugee: start"), len(lines))
    return [l for l in lines[start:] if l.startswith(("  ", "# ", "guest debugee"))]


def run_debugee(kind):
    port = free_port()
    m = Machine(kind, port, BIN, "gdb=wait")
    try:
        if kind == "armvisor" and not m.wait_for("waiting for gdb", 60):
            return None, m.output(), None
        wait_port(port)
        cmds = COMMON + ([SECTION] + MONITOR_CMDS if kind == "armvisor" else []) + ["detach"]
        out = gdb(port, cmds, ELF)
        status = m.finish(120)
        return out, m.output(), status
    finally:
        m.cleanup()


def monitor_checks(text):
    part = text.split("@@monitor@@", 1)[1] if "@@monitor@@" in text else ""
    pc = re.search(r"^pc\s+(0x[0-9a-f]+)", part, re.M)
    r15 = re.search(r"r15 ([0-9a-f]{8})", part)
    check(pc and r15 and int(pc.group(1), 16) == int(r15.group(1), 16),
          "monitor info registers: r15 is the pc gdb read", part[:600])
    check(re.search(r"^cpsr\s+[0-9a-f]{8}\s+\[.*svc\]", part, re.M) is not None,
          "monitor info registers: cpsr decoded (svc mode)")
    check(re.search(r"^svc\s+r13 [0-9a-f]{8}\s+r14 [0-9a-f]{8}\s+spsr [0-9a-f]{8}\s+\(current\)", part, re.M)
          is not None and "fiq    r8-r12" in part, "monitor info registers: banked registers")
    check(re.search(r"SCTLR\s+[0-9a-f]{7}[13579bdf]\b", part) is not None,
          "monitor info registers: CP15 with SCTLR.M set (the debugee enabled its MMU)")
    check(re.search(r"descriptor at PA [0-9a-f]{8} = [0-9a-f]{8}", part) is not None and
          ("-> PA %08x, 1024 KiB mapping" % DBG_PA) in part,
          "monitor info mmu: the debugee's section 0x%x -> 0x%x, descriptor shown" % (DBG_VA, DBG_PA))
    check("fault: FS 0x5 at level 1" in part,
          "monitor info mmu: 0x%x is a level 1 translation fault" % UNMAPPED_VA)
    fills = re.search(r"^fills (\d+)", part, re.M)
    check(fills and int(fills.group(1)) > 0 and re.search(r"root pcid\s+\d+\*", part),
          "monitor info shadow: fills counted, current root marked")
    blocks = re.search(r"^blocks (\d+) of \d+", part, re.M)
    check(blocks and int(blocks.group(1)) > 0 and "single-step off" in part,
          "monitor info tb: blocks in the cache, single-step off")
    check("log level debug" in part and "log level info" in part, "monitor log LEVEL")
    check("unknown monitor command 'no such command'" in part,
          "monitor: unknown command answered with a message")
    check(all(("monitor " + c) in part for c in ("info registers", "info mmu", "info shadow",
                                                   "info tb", "log")),
          "monitor help lists every command")


def test_debugee():
    ref, ref_console, ref_status = run_debugee("qemu")
    got, console, status = run_debugee("armvisor")
    if got is None:
        check(False, "armvisor waits for gdb (gdb=wait)", console[-2000:])
        return
    check("Breakpoint 1, dbg_leaf" in ref and "SIGINT" in ref,
          "reference session on qemu-system-arm ran", ref[-1500:])
    common_got = got.split("@@monitor@@")[0]
    common_ref = ref.split("\n[Inferior")[0]
    common_got = common_got.split("\n[Inferior")[0].rstrip("\n")
    common_ref = common_ref.rstrip("\n")
    a, b = normalise(after_first_command(common_ref)), normalise(after_first_command(common_got))
    if os.environ.get("GDB_TEST_KEEP"):
        for name, text in (("ref", a), ("got", b)):
            with open("/tmp/gdb_test.%s" % name, "w") as f:
                f.write(text)
    check(a == b, "gdb session on armvisor prints what it prints on qemu-system-arm (%d lines)"
          % a.count("\n"), first_diff(a, b))
    for what, pat in [("backtrace through fib", r"#2  0x[0-9a-f]+ in fib \(n=n@entry=2\) at tests/guest/debugee.c:\d+\n(.*\n){4}#7  0x[0-9a-f]+ in test_main \(\)"),
                      ("write watchpoint", r"Hardware watchpoint \d+: watched\n\nOld value = 0\nNew value = 7"),
                      ("read watchpoint", r"Hardware read watchpoint \d+: read_target\n\nValue = 17185"),
                      ("step across the branch", r"r0\s+0x29\s+41"),
                      ("Ctrl-C", r"Program received signal SIGINT"),
                      ("unmapped address", r"Cannot access memory at address 0x%x" % UNMAPPED_VA)]:
        check(re.search(pat, got) is not None, "armvisor: " + what, got[-3000:])
    monitor_checks(got)
    check("[Inferior 1 (Remote target) detached]" in got, "armvisor: detach")
    if os.environ.get("GDB_TEST_KEEP"):
        for name, text in (("ref_console", ref_console), ("console", console)):
            with open("/tmp/gdb_test.%s" % name, "w") as f:
                f.write(text)
    check(guest_lines(console) == guest_lines(ref_console) and "0 failed" in console,
          "the guest, detached, finishes as on qemu-system-arm", console[-1500:])
    check(status == qemu.EXIT_SUCCESS, "armvisor exits with success after the guest powers off",
          "status %s" % status)


# ---- the packet fuzzer --------------------------------------------------------------

def frame(payload):
    return b"$" + payload + b"#%02x" % (sum(payload) & 0xff)


VALID = [b"g", b"?", b"qSupported:multiprocess+;swbreak+;hwbreak+", b"m40010000,40",
         b"m0,4", b"mffffffff,ffffffff", b"M40100000,4:01020304", b"X40100000,4:abcd",
         b"p0", b"pf", b"p19", b"p1000", b"P0=11223344", b"Z0,40010000,4", b"z0,40010000,4",
         b"Z2,40100000,4", b"z2,40100000,4", b"Z9,0,0", b"qXfer:features:read:target.xml:0,ffb",
         b"qXfer:features:read:other.xml:0,10", b"qRcmd,696e666f207462", b"qRcmd,zz",
         b"qAttached", b"qC", b"qfThreadInfo", b"qsThreadInfo", b"Hg0", b"T1", b"qOffsets",
         b"G" + b"00" * 68, b"G1", b"vMustReplyEmpty", b"qTStatus"]
# Resuming packets would let the guest run off; the fuzz keeps it stopped.
RESUMING = tuple(b"cCsSDkvRi")


def mutate(rng, p):
    p = bytearray(p)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(5)
        if op == 0 and p:
            p[rng.randrange(len(p))] ^= 1 << rng.randrange(8)
        elif op == 1 and p:
            del p[rng.randrange(len(p)):]
        elif op == 2:
            p[rng.randrange(len(p) + 1):0] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 3:
            p += b"f" * rng.choice([1, 100, 5000])
        else:
            p[rng.randrange(len(p) + 1):0] = rng.choice([b"}", b"#", b"$", b",", b":", b";", b"*"])
    return bytes(p)


class Wire:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.buf = b""
        self.bad = []

    def send(self, data):
        self.s.sendall(data)

    def drain(self, quiet=0.05):
        """Reads until the line is quiet; returns what came."""
        self.s.settimeout(quiet)
        got = b""
        try:
            while True:
                chunk = self.s.recv(65536)
                if not chunk:
                    break
                got += chunk
        except socket.timeout:
            pass
        self.s.settimeout(30)
        self.validate(got)
        return got

    def validate(self, data):
        """Every byte the stub sends is an ack or a well-formed packet."""
        self.buf += data
        while self.buf:
            if self.buf[:1] in (b"+", b"-"):
                self.buf = self.buf[1:]
                continue
            if self.buf[:1] != b"$":
                self.bad.append(self.buf[:40])
                self.buf = self.buf[1:]
                continue
            end = self.buf.find(b"#")
            if end < 0 or len(self.buf) < end + 3:
                return  # incomplete: wait for more
            body, cs = self.buf[1:end], self.buf[end + 1:end + 3]
            if b"%02x" % (sum(body) & 0xff) != cs or len(body) > 4096 or b"$" in body:
                self.bad.append(self.buf[:end + 3][:80])
            self.buf = self.buf[end + 3:]

    def request(self, payload, timeout=60):
        """Sends a packet, acks replies until the line is quiet, returns
        the last reply's payload: the stub answers in order, so replies
        to earlier (fuzz) packets still in flight come first."""
        self.send(frame(payload))
        deadline = time.monotonic() + timeout
        got = b""
        while time.monotonic() < deadline:
            chunk = self.drain(1.0)
            got += chunk
            replies = re.findall(rb"\$([^#$]*)#[0-9a-f]{2}", got)
            if replies and not chunk:
                return replies[-1]
            if chunk:
                self.send(b"+" * chunk.count(b"$"))
        return None


def test_fuzzer():
    port = free_port()
    m = Machine("armvisor", port, BIN, "gdb=wait")
    try:
        if not m.wait_for("waiting for gdb", 60):
            check(False, "fuzz: armvisor waits for gdb", m.output()[-1500:])
            return
        wait_port(port)
        w = Wire(port)
        ref_g = w.request(b"g")
        check(ref_g is not None and len(ref_g) == 17 * 8, "fuzz: g before fuzzing", repr(ref_g))
        rng = random.Random(20261123)
        sent = 0
        for i in range(1500):
            kind = rng.randrange(4)
            if kind == 0:
                data = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
                data = data.replace(b"\x03", b"")
                # Raw noise may hold a '$': frame it away by ending any packet it starts.
                data += b"#00"
            else:
                payload = mutate(rng, rng.choice(VALID))
                if payload[:1] and payload[0] in RESUMING:
                    continue
                data = frame(payload) if kind != 3 else b"$" + payload + b"#%02x" % rng.randrange(256)
            w.send(data)
            sent += 1
            if i % 50 == 49:
                w.drain(0.1)
        w.drain(0.5)
        # Whatever state the fuzz left the framing in, a lone '#xx' resyncs.
        w.send(b"#00")
        w.drain(0.3)
        after = w.request(b"g")
        check(after is not None and len(after) == 17 * 8, "fuzz: the stub answers g after %d packets" % sent,
              repr(after))
        check(not w.bad, "fuzz: every reply is a well-formed packet", repr(w.bad[:5]))
        stop = w.request(b"?")
        check(stop is not None and stop.startswith(b"T05"), "fuzz: ? still answers T05", repr(stop))
        # The fuzz wrote registers and memory at random: end the guest
        # from gdb rather than let it run on.
        w.send(frame(b"k"))
        w.drain(0.5)
        status = m.finish(120)
        out = m.output()
        check(status == qemu.EXIT_SUCCESS and "guest stopped: gdb killed it" in out
              and "panic" not in out.lower(),
              "fuzz: the monitor survives and gdb's k ends the guest", out[-1500:])
    finally:
        m.cleanup()


# ---- a booting Linux kernel -----------------------------------------------------

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KERNEL = os.path.join(ROOT, "fixtures/linux/vmlinuz")
INITRD = os.path.join(ROOT, "fixtures/linux/initramfs.cpio.gz")
# Text symbols only: Debian's kernel has no KALLSYMS_ALL.
SYMBOLS = ("start_kernel", "_printk")
# The kernel's linear map (CONFIG_VMSPLIT_3G, RAM at 0x40000000 on virt).
PAGE_OFFSET, PHYS_OFFSET = 0xC0000000, 0x40000000


def kallsyms():
    """Symbol addresses from /proc/kallsyms of a boot on qemu-system-arm
    (Debian's System.map is a placeholder)."""
    cmd = "grep -w %s /proc/kallsyms; poweroff -f\r" % " ".join("-e " + n for n in SYMBOLS)
    r = qemu.run_cmd(QEMU_ARM + ["-serial", "stdio", "-kernel", KERNEL, "-initrd", INITRD,
                                 "-append", "console=ttyAMA0 quiet"],
                     [("armvisor-initramfs: userland up", ""), ("/ # ", cmd)], 180)
    syms = {}
    for m in re.finditer(r"^([0-9a-f]{8}) \w (\w+)\r?$", r.output, re.M):
        syms[m.group(2)] = int(m.group(1), 16)
    return syms


def linux_session(kind, syms):
    start, printk = syms["start_kernel"], syms["_printk"]
    port = free_port()
    m = Machine(kind, port, KERNEL, "gdb=wait bootargs=\"console=ttyAMA0 quiet\"", INITRD)
    try:
        if kind == "armvisor" and not m.wait_for("waiting for gdb", 60):
            return None
        wait_port(port)
        cmds = ["break *0x%x" % start, "continue", "info registers pc", "x/4i $pc",
                "stepi", "x/i $pc", "stepi", "x/i $pc", "stepi", "stepi", "x/i $pc",
                "x/4i 0x%x" % printk, "x/4xw 0x%x" % start]
        if kind == "armvisor":
            cmds += [SECTION, "monitor info mmu 0x%x" % start]
        cmds += ["kill"]
        out = gdb(port, cmds, timeout=300)
        m.finish(60)
        return out
    finally:
        m.cleanup()


def test_linux():
    # Fetches what is missing, rebuilds a stale initramfs, else nothing.
    subprocess.run([os.path.join(ROOT, "scripts/fetch-linux.sh")], check=True)
    syms = kallsyms()
    if not check(all(n in syms for n in SYMBOLS), "linux: %s from the reference boot's kallsyms"
                 % ", ".join("%s=%#x" % (n, syms.get(n, 0)) for n in SYMBOLS)):
        return
    ref = linux_session("qemu", syms)
    got = linux_session("armvisor", syms)
    if got is None:
        check(False, "linux: armvisor waits for gdb")
        return
    if os.environ.get("GDB_TEST_KEEP"):
        with open("/tmp/gdb_test.linux", "w") as f:
            f.write(got)
    a = after_first_command(ref).split("\n[Inferior")[0].rstrip("\n")
    b = after_first_command(got).split("@@monitor@@")[0].rstrip("\n")
    check("Breakpoint 1, 0x%08x in ?? ()" % syms["start_kernel"] in b and
          ("0x%08x:\t" % syms["_printk"]) in b,
          "linux: stops at start_kernel, reads kernel memory by virtual address", got[-2000:])
    check(a == b, "linux: the session prints what it prints on qemu-system-arm", first_diff(a, b))
    pa = syms["start_kernel"] - PAGE_OFFSET + PHYS_OFFSET
    check(("-> PA %08x" % pa) in got, "linux: monitor info mmu start_kernel -> PA %#x (linear map)" % pa,
          got[-800:])


def exits(text):
    m = re.search(r"^exits (\d+):", text, re.M)
    return int(m.group(1)) if m else None


def test_attach_running():
    """gdb=on: gdb connects to a kernel that is already booting (its
    first packet stops the guest), detaches, and a second gdb finds it
    has run on since."""
    port = free_port()
    m = Machine("armvisor", port, KERNEL, "gdb=on", INITRD)
    try:
        booting = m.wait_for("guest: 256 MiB RAM", 60)
        wait_port(port)
        time.sleep(2)
        first = gdb(port, ["info registers pc", "monitor info tb", "detach"], timeout=120)
        time.sleep(5)
        second = gdb(port, ["info registers pc", "monitor info tb", "kill"], timeout=120)
        status = m.finish(60)
        out = m.output()
    finally:
        m.cleanup()
    pc = re.search(r"^pc\s+(0x[0-9a-f]+)", first, re.M)
    check(booting and pc is not None and "detached" in first,
          "attach: gdb stops a running kernel and reads its pc", first[-1500:])
    a, b = exits(first), exits(second)
    pc2 = re.search(r"^pc\s+(0x[0-9a-f]+)", second, re.M)
    check(a is not None and b is not None and pc2 is not None and
          (b > a or pc.group(1) != pc2.group(1)),
          "attach: after detach the guest ran on (vCPU exits %s -> %s)" % (a, b), second[-1500:])
    check(status == qemu.EXIT_SUCCESS and "guest stopped: gdb killed it" in out,
          "attach: the second gdb's kill ends the guest", out[-800:])


# A session in Thumb code: th_triple (tests/guest/thumb.S) has a 16-bit
# IT block and a 32-bit instruction; gdb must see CPSR.T, disassemble and
# step it as Thumb, then the guest finishes on its own.
THUMB_SESSION = [
    "break th_triple", "continue", "print/x $cpsr & 0x20", "x/7i $pc",
    "stepi", "stepi", "stepi", "info registers r0 r1 pc",
    "stepi", "stepi", "stepi", "info registers r0 r1 pc", "x/i $pc",
    "print/x $cpsr & 0x20", "delete", "detach",
]


def run_thumb(kind):
    port = free_port()
    m = Machine(kind, port, THUMB_BIN, "gdb=wait")
    try:
        if kind == "armvisor" and not m.wait_for("waiting for gdb", 60):
            return None, m.output()
        wait_port(port)
        out = gdb(port, THUMB_SESSION, THUMB_ELF)
        m.finish(120)
        return out, m.output()
    finally:
        m.cleanup()


def test_thumb():
    ref, ref_console = run_thumb("qemu")
    got, console = run_thumb("armvisor")
    if got is None:
        check(False, "armvisor waits for gdb (Thumb guest)", console[-2000:])
        return
    check("Breakpoint 1, " in ref and "$1 = 0x20" in ref,
          "reference Thumb session on qemu-system-arm ran", ref[-1500:])
    a = normalise(after_first_command(ref)).split("\n[Inferior")[0]
    b = normalise(after_first_command(got)).split("\n[Inferior")[0]
    check(a == b, "gdb in Thumb code on armvisor prints what it prints on qemu-system-arm "
          "(%d lines)" % a.count("\n"), first_diff(a, b))
    check("0 failed" in console and "guest thumb" in console,
          "the Thumb guest, detached, finishes", console[-1500:])


def main():
    test_debugee()
    test_thumb()
    test_fuzzer()
    test_linux()
    test_attach_running()
    print("suite gdb: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
