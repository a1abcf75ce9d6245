"""The differential tester's shared generation pieces (seeded choices,
register picking, address and shift helpers) and its integer classes:
data processing, MOVW/MOVT, multiplies and divides.

Each generator returns one *group*: a few lines of A32 assembly that are
architecturally defined (ARM DDI 0406C) in any register and flag state, so
qemu-arm and arm-run must agree on their effect.  Groups that touch memory
first load their base and index registers, so every access lands inside the
data buffer whatever the earlier groups computed.
"""

import random

BUF_ADDR = 0x00800000   # the data buffer; difftest_gen links .dtbuf here
BUF_SIZE = 256
# Words after the buffer that only subroutine prologues use, so no random
# store can clobber a saved return address.
SCRATCH_ADDR = BUF_ADDR + BUF_SIZE
SCRATCH_WORDS = 4

LR, PC = 14, 15
MASK32 = 0xffffffff

# Every condition but AL (DDI 0406C A8.3); AL is the common case.
CONDS = ("eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
         "hi", "ls", "ge", "lt", "gt", "le")

# Operand values where translations usually go wrong: sign and carry
# boundaries, halfword and byte lane boundaries.
EDGE_VALUES = (0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x10000,
               0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff,
               0x00ff00ff, 0x7fff8000, 0x80007fff, 0x7f807f80)

# Register-specified shifts use the bottom byte of Rs (A8.4.2): these hit
# every boundary of LSL/LSR/ASR/ROR.
SHIFT_AMOUNTS = (0, 1, 2, 7, 8, 15, 16, 31, 32, 33, 63, 64, 255, 256, 257)

# How often an operand reuses a register the same group already named.
ALIAS_CHANCE = 0.25


class Rng:
    """The seeded source of every choice, so a seed names a program."""

    def __init__(self, seed):
        self._r = random.Random(seed)

    def below(self, n):
        return self._r.randrange(n)

    def between(self, lo, hi):
        return lo + self.below(hi - lo + 1)

    def chance(self, p):
        return self._r.random() < p

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def sample(self, seq, k):
        return self._r.sample(list(seq), k)

    def word(self):
        return self._r.getrandbits(32)

    def value(self):
        """A register value: an edge value, a small shift amount or noise."""
        roll = self.below(10)
        if roll < 3:
            return self.pick(EDGE_VALUES)
        if roll < 4:
            return self.pick(SHIFT_AMOUNTS)
        return self.word()


class Ctx:
    """Generation state of one case: registers that may be written, labels,
    and subroutines to place after the case's last instruction."""

    # SP stays out: it holds the emulator's stack address, which differs
    # between runs.  PC appears only where a class puts it on purpose.
    SOURCES = tuple(range(13)) + (LR,)

    def __init__(self, rng, case_no, classes):
        self.rng = rng
        self.case_no = case_no
        self.classes = classes
        self.writable = list(self.SOURCES)
        self.trailer = []
        self.recent = []
        self._labels = 0

    def label(self):
        self._labels += 1
        return ".Lc%d_%d" % (self.case_no, self._labels)

    def cond(self):
        return self.rng.pick(CONDS) if self.rng.chance(0.35) else ""

    def dest(self, exclude=()):
        return self._choose(self.writable, exclude)

    def src(self, exclude=()):
        return self._choose(self.SOURCES, exclude)

    def _choose(self, pool, exclude):
        """A register of `pool`; often one the group already named, since
        aliased operands (Rd == Rn, Rm == Rt, ...) are where translators
        that cache guest registers in host registers go wrong."""
        allowed = [r for r in pool if r not in exclude]
        again = [r for r in self.recent if r in allowed]
        if again and self.rng.chance(ALIAS_CHANCE):
            r = self.rng.pick(again)
        else:
            r = self.rng.pick(allowed)
        self.recent.append(r)
        return r

    def dests(self, k, exclude=()):
        pool = [r for r in self.writable if r not in exclude]
        return self.rng.sample(pool, k)


def reg(r):
    return "r%d" % r


def set_reg(r, value):
    value &= MASK32
    lines = ["movw %s, #0x%x" % (reg(r), value & 0xffff)]
    if value >> 16:
        lines.append("movt %s, #0x%x" % (reg(r), value >> 16))
    return lines


def set_label(r, label):
    return ["movw %s, #:lower16:%s" % (reg(r), label),
            "movt %s, #:upper16:%s" % (reg(r), label)]


def buf_addr(ctx, size, align):
    """An address where an access of `size` bytes stays inside the buffer."""
    slots = (BUF_SIZE - size) // align + 1
    return BUF_ADDR + ctx.rng.below(slots) * align


def shift_value(v, kind, amount, carry):
    """The shifter of DDI 0406C A8.4.3, for index registers we preset."""
    if kind == "lsl":
        return (v << amount) & MASK32
    if kind == "lsr":
        return 0 if amount >= 32 else v >> amount
    if kind == "asr":
        signed = v - (1 << 32) if v >> 31 else v
        return (signed >> min(amount, 32)) & MASK32
    if kind == "ror":
        amount %= 32
        return ((v >> amount) | (v << (32 - amount))) & MASK32
    return (carry << 31) | (v >> 1)


def imm_shift(rng):
    """(kind, amount) of an immediate shift; amount ranges as encodable."""
    kind = rng.pick(("lsl", "lsr", "asr", "ror", "rrx"))
    if kind == "lsl":
        return kind, rng.pick((0, 1, 31, rng.between(0, 31)))
    if kind in ("lsr", "asr"):
        return kind, rng.pick((1, 31, 32, rng.between(1, 32)))
    if kind == "ror":
        return kind, rng.pick((1, 31, rng.between(1, 31)))
    return kind, 0


def shift_text(kind, amount):
    if kind == "rrx":
        return ", rrx"
    if kind == "lsl" and amount == 0:
        return ""
    return ", %s #%d" % (kind, amount)


def known_carry(ctx, scratch):
    """Flag-setting line that leaves C known, for RRX address offsets:
    CMP x,x always carries (no borrow); CMN x,#0 never does."""
    carry = ctx.rng.below(2)
    line = "cmp %s, %s" % (reg(scratch), reg(scratch)) if carry \
        else "cmn %s, #0" % reg(scratch)
    return carry, [line]


# ---- data processing (A5.2.1-A5.2.3) and MOVW/MOVT --------------------------

DP_OPS = ("and", "eor", "sub", "rsb", "add", "adc", "sbc", "rsc",
          "tst", "teq", "cmp", "cmn", "orr", "mov", "bic", "mvn")
DP_COMPARE = ("tst", "teq", "cmp", "cmn")
DP_MOVE = ("mov", "mvn")


def dp_operand2(ctx, lines, allow_pc):
    """The shifter operand: immediate with explicit rotation (so the carry
    out of a rotated immediate is exercised), immediate shift, RRX, or a
    register-specified shift (no PC anywhere then: UNPREDICTABLE)."""
    rng = ctx.rng
    form = rng.below(3)
    if form == 0:
        return "#%d, %d" % (rng.below(256), 2 * rng.below(16)), True
    if form == 1:
        m = PC if allow_pc and rng.chance(0.05) else ctx.src()
        kind, amount = imm_shift(rng)
        return reg(m) + shift_text(kind, amount), True
    s = ctx.dest() if rng.chance(0.5) else ctx.src()
    if s in ctx.writable and rng.chance(0.5):
        lines.append("mov %s, #%d" % (reg(s), rng.pick(SHIFT_AMOUNTS) & 0xff))
    kind = rng.pick(("lsl", "lsr", "asr", "ror"))
    return "%s, %s %s" % (reg(ctx.src()), kind, reg(s)), False


def g_dp(ctx):
    rng = ctx.rng
    op = rng.pick(DP_OPS)
    lines = []
    op2, pc_ok = dp_operand2(ctx, lines, allow_pc=True)
    s = "" if op in DP_COMPARE else ("s" if rng.chance(0.5) else "")
    mnem = op + s + ctx.cond()
    if op in DP_COMPARE:
        n = PC if pc_ok and rng.chance(0.05) else ctx.src()
        lines.append("%s %s, %s" % (mnem, reg(n), op2))
    elif op in DP_MOVE:
        lines.append("%s %s, %s" % (mnem, reg(ctx.dest()), op2))
    else:
        n = PC if pc_ok and rng.chance(0.05) else ctx.src()
        lines.append("%s %s, %s, %s" % (mnem, reg(ctx.dest()), reg(n), op2))
    return lines


def g_movw(ctx):
    op = ctx.rng.pick(("movw", "movt"))
    return ["%s%s %s, #0x%x" % (op, ctx.cond(), reg(ctx.dest()),
                                ctx.rng.below(0x10000))]


# ---- multiplies (A5.2.5, A5.2.6, A5.4.4) ------------------------------------

# The multiplies both instruction sets share (the A32 and T32 generators).
LONG_MULS = ("umull", "smull", "umlal", "smlal", "umaal",
             "smlalbb", "smlalbt", "smlaltb", "smlaltt",
             "smlald", "smlaldx", "smlsld", "smlsldx")
DSP_MULS = ("smulbb", "smulbt", "smultb", "smultt", "smulwb",
            "smulwt", "smuad", "smuadx", "smusd", "smusdx",
            "smmul", "smmulr")
DSP_MACS = ("smlabb", "smlabt", "smlatb", "smlatt", "smlawb",
            "smlawt", "smlad", "smladx", "smlsd", "smlsdx",
            "smmla", "smmlar", "smmls", "smmlsr")


def g_mul(ctx):
    rng, c = ctx.rng, ctx.cond()
    kind = rng.below(6)
    d, n, m, a = ctx.dest(), ctx.src(), ctx.src(), ctx.src()
    s = "s" if rng.chance(0.4) else ""
    if kind == 0:
        op = rng.pick(("mul", "mla", "mls"))
        if op == "mul":
            return ["mul%s%s %s, %s, %s" % (s, c, reg(d), reg(n), reg(m))]
        s = s if op == "mla" else ""
        return ["%s%s%s %s, %s, %s, %s" % (op, s, c, reg(d), reg(n),
                                           reg(m), reg(a))]
    if kind == 1:
        # RdLo == RdHi is UNPREDICTABLE for every long multiply.
        lo, hi = ctx.dests(2)
        op = rng.pick(LONG_MULS)
        s = s if op in ("umull", "smull", "umlal", "smlal") else ""
        return ["%s%s%s %s, %s, %s, %s" % (op, s, c, reg(lo), reg(hi),
                                           reg(n), reg(m))]
    if kind == 2:
        op = rng.pick(DSP_MULS)
        return ["%s%s %s, %s, %s" % (op, c, reg(d), reg(n), reg(m))]
    op = rng.pick(DSP_MACS)
    return ["%s%s %s, %s, %s, %s" % (op, c, reg(d), reg(n), reg(m), reg(a))]


def g_div(ctx):
    """SDIV/UDIV; Linux runs with SCTLR.DZ clear, so x/0 is 0 (A8.8.165)."""
    rng = ctx.rng
    d = ctx.dest()
    n, m = ctx.dests(2) if rng.chance(0.5) else (ctx.src(), ctx.src())
    lines = []
    if n in ctx.writable and m in ctx.writable and n != m:
        if rng.chance(0.3):
            lines += set_reg(m, rng.pick((0, 0xffffffff, 1)))
        if rng.chance(0.3):
            lines += set_reg(n, rng.pick((0x80000000, 0x7fffffff, 0)))
    op = rng.pick(("sdiv", "udiv"))
    return lines + ["%s%s %s, %s, %s" % (op, ctx.cond(), reg(d), reg(n),
                                         reg(m))]
