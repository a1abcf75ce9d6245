"""Thumb (T32) classes of the differential tester: the generation context
of a Thumb case, data processing in its 16-bit and 32-bit forms,
multiplies, saturation and IT blocks.

A Thumb group makes an instruction conditional only inside an IT block
(ARM DDI 0406C A8.8.54).  Generators shared with A32 call ctx.cond() for
their last line; thumb_group() in difftest_gen then puts an IT before that
line.  The generators here ask for a condition the same way, except the IT
class, which writes its blocks itself.  SP and PC appear only where an
encoding allows them (BadReg, A6.3.2 and A8.8).
"""

from difftest_isa import (BUF_ADDR, CONDS, DSP_MACS, DSP_MULS, LONG_MULS, LR,
                          PC, SHIFT_AMOUNTS, Ctx, imm_shift, reg, set_reg,
                          shift_text)
from difftest_media import g_sat

LOW = tuple(range(8))
HIGH = (8, 9, 10, 11, 12, LR)


class ThumbCtx(Ctx):
    """Ctx of a Thumb case.  `arm` is set while ARM code (an island or a
    subroutine) is generated, whose conditions are plain A32 suffixes;
    `it_cond` is the condition the current group's last line asked for.
    `balanced_sp` is set inside subroutines, whose frames need SP back
    where the body found it; elsewhere groups may leave SP moved (the
    record shows the delta).  `thumb_groups` and `arm_groups` (from
    difftest_gen) make bodies: (ctx, count, short) and (ctx, count)."""

    def __init__(self, rng, case_no, classes, thumb_groups, arm_groups):
        super().__init__(rng, case_no, classes)
        self.thumb_groups, self.arm_groups = thumb_groups, arm_groups
        self.arm = False
        self.it_cond = None
        self.balanced_sp = False

    def cond(self):
        c = super().cond()
        if not self.arm:
            self.it_cond = c or None
        return c

    def low_dest(self, exclude=()):
        return self.dest(exclude=tuple(exclude) + HIGH)

    def low_src(self, exclude=()):
        return self.src(exclude=tuple(exclude) + HIGH)

    def reserve(self, r):
        """Keeps `r` out of the registers later groups write; returns the
        writable list to restore when the reservation ends."""
        saved = self.writable
        self.writable = [x for x in saved if x != r]
        return saved


def invert(c):
    """The opposite condition: CONDS lists them in pairs (A8.3)."""
    return CONDS[CONDS.index(c) ^ 1]


# ---- 16-bit data processing (A6.2.1-A6.2.3) ---------------------------------

# Two-register forms "OPS Rdn, Rm" (A6.2.2): flag-setting outside IT.
T16_REG_OPS = ("ands", "eors", "lsls", "lsrs", "asrs", "adcs", "sbcs",
               "rors", "orrs", "bics", "mvns", "tst", "cmp", "cmn")


def g_t16(ctx):
    """Low-register forms that set the flags outside an IT block, the
    high-register ADD/MOV/CMP that never do, the 16-bit reversals and
    extensions, and SP adjustment."""
    rng = ctx.rng
    kind = rng.below(7)
    d, n, m = ctx.low_dest(), ctx.low_src(), ctx.low_src()
    if kind == 0:
        op = rng.pick(("adds", "subs"))
        if rng.chance(0.5):
            return ["%s %s, %s, #%d" % (op, reg(d), reg(n), rng.below(8))]
        return ["%s %s, %s, %s" % (op, reg(d), reg(n), reg(m))]
    if kind == 1:
        op = rng.pick(("movs", "cmp", "adds", "subs"))
        imm = rng.pick((0, 255, rng.below(256)))
        return ["%s %s, #%d" % (op, reg(n if op == "cmp" else d), imm)]
    if kind == 2:
        op = rng.pick(("lsls", "lsrs", "asrs", "movs"))
        if op == "movs":
            return ["movs %s, %s" % (reg(d), reg(m))]
        amount = rng.between(0, 31) if op == "lsls" else rng.between(1, 32)
        return ["%s %s, %s, #%d" % (op, reg(d), reg(m), amount)]
    if kind == 3:
        return t16_two_reg(ctx, d, n, m)
    if kind == 4:
        return t16_high(ctx)
    if kind == 5:
        op = rng.pick(("rev", "rev16", "revsh", "sxtb", "sxth", "uxtb",
                       "uxth"))
        return ["%s %s, %s" % (op, reg(d), reg(m))]
    # SUB/ADD SP, SP, #imm7*4 (A8.8.225, A8.8.9): only the record's SP
    # delta sees it; ADD never climbs above the SUB before it.
    down = 4 * rng.between(1, 16)
    up = 4 * rng.between(0, down // 4) if rng.chance(0.5) else None
    if ctx.balanced_sp:
        up = down
    lines = ["sub sp, sp, #%d" % down]
    return lines + (["add sp, sp, #%d" % up] if up is not None else [])


def t16_two_reg(ctx, d, n, m):
    """The two-register group (A6.2.2), MULS and NEGS (RSBS #0); shifts by
    register sometimes get an amount from SHIFT_AMOUNTS first."""
    rng = ctx.rng
    lines = []
    op = rng.pick(T16_REG_OPS + ("muls", "rsbs"))
    if op in ("lsls", "lsrs", "asrs", "rors") and m in ctx.writable \
            and m != d and rng.chance(0.5):
        lines.append("movs %s, #%d" % (reg(m),
                                       rng.pick(SHIFT_AMOUNTS) & 0xff))
    if op == "muls":
        return lines + ["muls %s, %s, %s" % (reg(d), reg(m), reg(d))]
    if op == "rsbs":
        return lines + ["rsbs %s, %s, #0" % (reg(d), reg(m))]
    first = n if op in ("tst", "cmp", "cmn") else d
    return lines + ["%s %s, %s" % (op, reg(first), reg(m))]


def t16_high(ctx):
    """ADD Rdn, Rm / MOV Rd, Rm / CMP Rn, Rm with any of r0-r12, r14
    (A8.8.6, A8.8.103, A8.8.38).  PC may be read (it is code, the same in
    both runs); CMP needs a high register and no PC."""
    rng = ctx.rng
    op = rng.pick(("add", "mov", "cmp"))
    if op == "cmp":
        high, other = ctx.src(exclude=LOW), ctx.src()
        pair = (high, other) if rng.chance(0.5) else (other, high)
        return ["cmp %s, %s" % tuple(map(reg, pair))]
    m = PC if rng.chance(0.1) else ctx.src()
    return ["%s %s, %s" % (op, reg(ctx.dest()), reg(m))]


# ---- 32-bit data processing (A6.3.1-A6.3.3, A6.3.11, A6.3.12) ---------------

T32_DP_OPS = ("and", "bic", "orr", "orn", "eor", "add", "adc", "sbc",
              "sub", "rsb", "tst", "teq", "cmp", "cmn", "mov", "mvn")
T32_COMPARE = ("tst", "teq", "cmp", "cmn")
T32_MOVE = ("mov", "mvn")


def modified_imm(rng):
    """A ThumbExpandImm constant (A6.3.2) of each pattern: a plain byte,
    00XY00XY, XY00XY00, XYXYXYXY, or 1bcdefgh rotated right by 8-31 (the
    form whose flag-setting logical ops copy bit 31 into C)."""
    b = rng.below(256)
    kind = rng.below(5)
    if kind == 0:
        return b
    if kind == 1:
        return b * 0x00010001
    if kind == 2:
        return b * 0x01000100
    if kind == 3:
        return b * 0x01010101
    rot = rng.between(8, 31)
    v = 0x80 | (b & 0x7f)
    return ((v >> rot) | (v << (32 - rot))) & 0xffffffff


def dp_text(ctx, op, s, operand):
    """One 32-bit DP instruction; Rn is never SP (that is another
    encoding) and nothing names the PC (BadReg)."""
    mnem = op + s + ctx.cond() + ".w"
    if op in T32_COMPARE:
        return "%s %s, %s" % (mnem, reg(ctx.src()), operand)
    if op in T32_MOVE:
        return "%s %s, %s" % (mnem, reg(ctx.dest()), operand)
    return "%s %s, %s, %s" % (mnem, reg(ctx.dest()), reg(ctx.src()),
                              operand)


def g_t32dp(ctx):
    """Modified immediates, ADDW/SUBW, shifted-register operands (also
    RRX and ORN), register-controlled shifts, ADR, MOVW/MOVT."""
    rng = ctx.rng
    kind = rng.below(6)
    op = rng.pick(T32_DP_OPS)
    s = "" if op in T32_COMPARE or rng.chance(0.5) else "s"
    if kind == 0:
        return [dp_text(ctx, op, s, "#0x%x" % modified_imm(rng))]
    if kind == 1:
        op = rng.pick(("addw", "subw"))
        imm = rng.pick((0, 4095, rng.below(4096)))
        return ["%s%s %s, %s, #%d" % (op, ctx.cond(), reg(ctx.dest()),
                                      reg(ctx.src()), imm)]
    if kind == 2:
        return shifted_register(ctx, op, s)
    if kind == 3:
        lines = []
        m = ctx.src()
        if m in ctx.writable and rng.chance(0.5):
            lines += set_reg(m, rng.pick(SHIFT_AMOUNTS))
        op = rng.pick(("lsl", "lsr", "asr", "ror"))
        return lines + ["%s%s%s.w %s, %s, %s" % (
            op, s, ctx.cond(), reg(ctx.dest()), reg(ctx.src()), reg(m))]
    if kind == 4:
        return g_adr(ctx)
    op = rng.pick(("movw", "movt"))
    return ["%s%s %s, #0x%x" % (op, ctx.cond(), reg(ctx.dest()),
                                rng.below(0x10000))]


def shifted_register(ctx, op, s):
    """OP Rd, Rn, Rm, <shift> (A6.3.11), with ORN in place of half the
    RSBs.  MOV with a shift is spelt as the shift itself (A8.8.105): GNU as
    cannot honour .w on the MOV spelling inside an IT block."""
    rng = ctx.rng
    if op == "rsb" and rng.chance(0.5):
        op = "orn"
    shift, amount = imm_shift(rng)
    m = reg(ctx.src())
    if op == "mov" and shift_text(shift, amount):
        operand = m if shift == "rrx" else "%s, #%d" % (m, amount)
        return ["%s%s%s.w %s, %s" % (shift, s, ctx.cond(), reg(ctx.dest()),
                                     operand)]
    return [dp_text(ctx, op, s, m + shift_text(shift, amount))]


def g_adr(ctx):
    """ADR.W backwards and forwards, and the 16-bit ADR, which reaches only
    forwards to a word-aligned label (A8.8.12).  Code addresses are the
    same in both runs: the programs are static."""
    rng = ctx.rng
    label = ctx.label()
    if rng.chance(0.5):
        return [label + ":", "adr.w %s, %s" % (reg(ctx.dest()), label)]
    if rng.chance(0.5):
        return ["adr.w %s, %s" % (reg(ctx.dest()), label), label + ":"]
    return ["adr %s, %s" % (reg(ctx.low_dest()), label), "nop",
            ".balign 4", label + ":"]


# ---- multiplies and saturation (A6.3.16-A6.3.18, A6.3.3) --------------------

def g_tmul(ctx):
    """Only the 16-bit MULS sets flags in Thumb (A8.8.114): the other
    multiplies have no S form.  Long multiplies need RdLo != RdHi."""
    rng = ctx.rng
    kind = rng.below(6)
    if kind == 0:
        d = ctx.low_dest()
        return ["muls %s, %s, %s" % (reg(d), reg(ctx.low_src()), reg(d))]
    c = ctx.cond()
    d, n, m, a = ctx.dest(), ctx.src(), ctx.src(), ctx.src()
    if kind == 1:
        op = rng.pick(("mul", "mla", "mls"))
        acc = "" if op == "mul" else ", " + reg(a)
        return ["%s%s %s, %s, %s%s" % (op, c, reg(d), reg(n), reg(m), acc)]
    if kind == 2:
        lo, hi = ctx.dests(2)
        op = rng.pick(LONG_MULS)
        return ["%s%s %s, %s, %s, %s" % (op, c, reg(lo), reg(hi),
                                         reg(n), reg(m))]
    if kind == 3:
        op = rng.pick(DSP_MULS)
        return ["%s%s %s, %s, %s" % (op, c, reg(d), reg(n), reg(m))]
    op = rng.pick(DSP_MACS)
    return ["%s%s %s, %s, %s, %s" % (op, c, reg(d), reg(n), reg(m), reg(a))]


def g_tsat(ctx):
    """As the A32 saturation class, but SSAT/USAT shift ASR #1-#31 only:
    Thumb has no ASR #32 form (A8.8.159)."""
    return g_sat(ctx, asr_max=31)


# ---- IT blocks (A8.8.54) ----------------------------------------------------

def g_it(ctx):
    """IT with one to four instructions in a random T/E pattern under any
    condition but AL (GNU as takes no instruction in an IT AL block).
    Slots: 16-bit forms whose flag setting IT suppresses, CMP/TST and
    S-suffixed 32-bit forms that do set flags (so later slots test
    changed flags), high-register moves, 32-bit operations, and loads and
    stores from a base register no slot writes.  A conditional branch may
    be the last slot, the only one where a branch is allowed."""
    rng = ctx.rng
    count = rng.between(1, 4)
    first = rng.pick(CONDS)
    pattern = "".join(rng.pick("te") for _ in range(count - 1))
    conds = [first] + [first if p == "t" else invert(first) for p in pattern]
    base = ctx.low_dest()
    saved = ctx.reserve(base)
    lines = set_reg(base, BUF_ADDR) + ["it%s %s" % (pattern, first)]
    branch = rng.chance(0.25)
    for c in conds[:-1] if branch else conds:
        lines.append(it_slot(ctx, c, base))
    tail = []
    if branch:
        target = ctx.label()
        lines.append("b%s%s %s" % (conds[-1], rng.pick(("", ".w")), target))
        tail = ctx.thumb_groups(ctx, 1, True) + [target + ":"]
    ctx.writable = saved
    return lines + tail


def it_slot(ctx, c, base):
    rng = ctx.rng
    kind = rng.below(6)
    d, n, m = ctx.low_dest(), ctx.low_src(), ctx.low_src()
    if kind <= 1:
        return narrow_in_it(ctx, c, d, n, m)
    if kind == 2:
        if rng.chance(0.5):
            op = rng.pick(("cmp", "cmn", "tst"))
            return "%s%s %s, %s" % (op, c, reg(n), reg(m))
        op = rng.pick(("adds", "subs", "ands", "eors", "orrs", "movs"))
        if op == "movs":
            return "movs%s.w %s, #0x%x" % (c, reg(ctx.dest()),
                                          modified_imm(rng))
        return "%s%s.w %s, %s, #0x%x" % (op, c, reg(ctx.dest()),
                                        reg(ctx.src()), modified_imm(rng))
    if kind == 3:
        op = rng.pick(("add", "mov"))
        return "%s%s %s, %s" % (op, c, reg(ctx.dest()), reg(ctx.src()))
    if kind == 4:
        return wide_in_it(ctx, c)
    op, scale = rng.pick((("ldr", 4), ("str", 4), ("ldrb", 1), ("strb", 1),
                          ("ldrh", 2), ("strh", 2)))
    t = d if op.startswith("ldr") else n
    return "%s%s %s, [%s, #%d]" % (op, c, reg(t), reg(base),
                                   scale * rng.below(32))


def narrow_in_it(ctx, c, d, n, m):
    """The 16-bit encodings that set flags only outside IT (A6.2.1,
    A6.2.2): written without S, inside IT they leave the flags alone."""
    rng = ctx.rng
    kind = rng.below(5)
    if kind == 0:
        op = rng.pick(("add", "sub"))
        second = "#%d" % rng.below(8) if rng.chance(0.5) else reg(m)
        return "%s%s %s, %s, %s" % (op, c, reg(d), reg(n), second)
    if kind == 1:
        op = rng.pick(("mov", "add", "sub"))
        if op == "mov":
            return "mov%s %s, #%d" % (c, reg(d), rng.below(256))
        return "%s%s %s, %s, #%d" % (op, c, reg(d), reg(d), rng.below(256))
    if kind == 2:
        # LSL #0 is MOVS Rd, Rm (T2), UNPREDICTABLE in an IT block
        # (A8.8.103), though GNU as emits it there.
        op = rng.pick(("lsl", "lsr", "asr"))
        amount = rng.between(1, 31) if op == "lsl" else rng.between(1, 32)
        return "%s%s %s, %s, #%d" % (op, c, reg(d), reg(m), amount)
    if kind == 3:
        op = rng.pick(("and", "eor", "orr", "bic", "adc", "sbc", "lsl",
                       "lsr", "asr", "ror", "mul"))
        return "%s%s %s, %s, %s" % (op, c, reg(d), reg(d), reg(m))
    if rng.chance(0.5):
        return "rsb%s %s, %s, #0" % (c, reg(d), reg(m))
    return "mvn%s %s, %s" % (c, reg(d), reg(m))


def wide_in_it(ctx, c):
    """32-bit instructions without flag effects, in an IT slot."""
    rng = ctx.rng
    op = rng.pick(("clz", "rbit", "uxtb16", "qadd", "sel", "mla", "sdiv",
                   "orn", "ubfx"))
    d, n, m = reg(ctx.dest()), reg(ctx.src()), reg(ctx.src())
    if op in ("clz", "rbit", "uxtb16"):
        return "%s%s %s, %s" % (op, c, d, m)
    if op == "mla":
        return "mla%s %s, %s, %s, %s" % (c, d, n, m, reg(ctx.src()))
    if op == "ubfx":
        lsb = rng.below(32)
        return "ubfx%s %s, %s, #%d, #%d" % (c, d, n, lsb,
                                            rng.between(1, 32 - lsb))
    return "%s%s %s, %s, %s" % (op, c, d, n, m)
