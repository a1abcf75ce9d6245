"""Thumb (T32) memory classes of the differential tester: loads and stores
in every T32 addressing mode (A6.2.4, A6.3.7-A6.3.10), LDRD/STRD and
literal loads, LDM/STM/PUSH/POP (A6.2.4, A6.3.5) and the exclusives
(A6.3.6).  As in difftest_mem, each group presets its base and index
registers so every access lands in the data buffer, or in stack words the
group itself wrote.
"""

from difftest_isa import CONDS, LR, MASK32, buf_addr, reg, set_reg
from difftest_mem import offset_value
from difftest_t32 import LOW

# (mnemonic, access size) of the single loads and stores.
T16_IMM_OPS = (("ldr", 4), ("str", 4), ("ldrb", 1), ("strb", 1),
               ("ldrh", 2), ("strh", 2))
T16_REG_OPS = T16_IMM_OPS + (("ldrsb", 1), ("ldrsh", 2))
T32_OPS = T16_REG_OPS
# The unprivileged forms, in T32_OPS order.
UNPRIV_OPS = ("ldrt", "strt", "ldrbt", "strbt", "ldrht", "strht",
              "ldrsbt", "ldrsht")


def transfer_regs(ctx, op, low):
    """(Rt, Rn) of a single load or store; Rn != Rt so a load cannot
    overwrite its own base before a writeback."""
    if op.startswith("ldr"):
        t = ctx.low_dest() if low else ctx.dest()
    else:
        t = ctx.low_src() if low else ctx.src()
    n = ctx.low_dest(exclude=(t,)) if low else ctx.dest(exclude=(t,))
    return t, n


def g_tldst16(ctx):
    """16-bit LDR/STR forms: Rn plus a scaled imm5, Rn plus Rm, and
    SP plus imm8*4 into stack words the group itself claims and fills."""
    rng = ctx.rng
    kind = rng.below(3)
    if kind == 0:
        op, size = rng.pick(T16_IMM_OPS)
        t, n = transfer_regs(ctx, op, True)
        off = size * rng.pick((0, 31, rng.below(32)))
        addr = buf_addr(ctx, size, rng.pick((1, size)))
        return set_reg(n, addr - off) + ["%s %s, [%s, #%d]" % (
            op, reg(t), reg(n), off)]
    if kind == 1:
        op, size = rng.pick(T16_REG_OPS)
        t, n = transfer_regs(ctx, op, True)
        m = ctx.low_dest(exclude=(t, n))
        v = rng.below(64) if rng.chance(0.7) else rng.word()
        addr = buf_addr(ctx, size, rng.pick((1, size)))
        return set_reg(m, v) + set_reg(n, (addr - v) & MASK32) + [
            "%s %s, [%s, %s]" % (op, reg(t), reg(n), reg(m))]
    words = rng.between(1, 8)
    slot = 4 * rng.below(words)
    lines = ["sub sp, sp, #%d" % (4 * words),
             "str %s, [sp, #%d]" % (reg(ctx.low_src()), slot),
             "ldr %s, [sp, #%d]" % (reg(ctx.low_dest()), slot)]
    if ctx.balanced_sp or rng.chance(0.5):
        lines.append("add sp, sp, #%d" % (4 * words))
    return lines


def g_tldst32(ctx):
    """32-bit forms (A8.8.62 etc.): Rn + imm12, Rn - imm8, pre- and
    post-indexed imm8 with writeback, Rn + Rm LSL #0-3, and the
    unprivileged forms (Rn + imm8, which act as the plain ones at PL0)."""
    rng = ctx.rng
    op, size = rng.pick(T32_OPS)
    mode = rng.pick(("imm12", "neg", "pre", "post", "reg", "unpriv"))
    t, n = transfer_regs(ctx, op, False)
    addr = buf_addr(ctx, size, rng.pick((1, size)))
    c = ctx.cond()
    if mode == "reg":
        m = ctx.dest(exclude=(t, n))
        shift = rng.below(4)
        v = rng.below(64) if rng.chance(0.8) else rng.word()
        base = (addr - (v << shift)) & MASK32
        return set_reg(m, v) + set_reg(n, base) + [
            "%s%s.w %s, [%s, %s, lsl #%d]" % (op, c, reg(t), reg(n), reg(m),
                                             shift)]
    if mode == "imm12":
        off = rng.pick((0, 4095, rng.below(4096)))
        text = "[%s, #%d]" % (reg(n), off)
    elif mode == "neg":
        off = -rng.between(1, 255)
        text = "[%s, #%d]" % (reg(n), off)
    elif mode == "unpriv":
        op = UNPRIV_OPS[[o for o, _ in T32_OPS].index(op)]
        off = rng.below(256)
        text = "[%s, #%d]" % (reg(n), off)
    else:
        off = offset_value(rng, 255)
        fmt = "[%s, #%d]!" if mode == "pre" else "[%s], #%d"
        text = fmt % (reg(n), off)
        if mode == "post":
            off = 0
    wide = "" if mode == "unpriv" else ".w"
    return set_reg(n, (addr - off) & MASK32) + [
        "%s%s%s %s, %s" % (op, c, wide, reg(t), text)]


def g_tldrd(ctx):
    """LDRD/STRD with imm8*4 offset, pre- or post-indexed (A8.8.72): any
    two registers (Thumb has no even-pair rule), distinct for loads, and
    a writeback base distinct from both."""
    rng = ctx.rng
    load = rng.chance(0.5)
    mode = rng.pick(("offset", "pre", "post"))
    if load:
        t, t2 = ctx.dests(2)
    else:
        t, t2 = ctx.src(), ctx.src()
    n = ctx.dest(exclude=(t, t2) if mode != "offset" else ())
    # Dual accesses fault unless word aligned, whatever SCTLR.A (A3.2.1).
    addr = buf_addr(ctx, 8, 4)
    off = 4 * rng.pick((0, 255, -255, rng.between(-16, 16)))
    fmt = {"offset": "[%s, #%d]", "pre": "[%s, #%d]!",
           "post": "[%s], #%d"}[mode]
    base = addr if mode == "post" else addr - off
    op = ("ldrd" if load else "strd") + ctx.cond()
    return set_reg(n, base & MASK32) + ["%s %s, %s, %s" % (
        op, reg(t), reg(t2), fmt % (reg(n), off))]


def g_tliteral(ctx):
    """PC-relative loads of a pool the group branches over, placed after
    the load (forwards, in reach of the 16-bit LDR) or before it
    (backwards: 32-bit forms, A8.8.64): every width, and LDRD."""
    rng = ctx.rng
    pool, over = ctx.label(), ctx.label()
    data = ["b.n %s" % over, ".balign 4", pool + ":"] + [
        ".word 0x%08x" % rng.value() for _ in range(4)] + [over + ":"]
    op = rng.pick(("ldr", "ldr.w", "ldrb", "ldrh", "ldrsb", "ldrsh",
                   "ldrd"))
    if op in ("ldr", "ldr.w", "ldrd"):
        off = 4 * rng.below(3 if op == "ldrd" else 4)
    else:
        off = rng.below(16 - (2 if op.endswith("h") else 1) + 1)
    where = "%s + %d" % (pool, off)
    if op == "ldrd":
        t, t2 = ctx.dests(2)
        load = "ldrd %s, %s, %s" % (reg(t), reg(t2), where)
    elif op == "ldr":
        load = "ldr %s, %s" % (reg(ctx.low_dest()), where)
    else:
        load = "%s %s, %s" % (op, reg(ctx.dest()), where)
    return data + [load] if rng.chance(0.5) else [load] + data


# ---- multiple loads and stores ----------------------------------------------

def reg_list(regs):
    return "{%s}" % ", ".join(map(reg, sorted(regs)))


def g_tldm(ctx):
    """LDM/STM IA and DB (32-bit: two or more of r0-r12, r14; no base in
    the list with writeback), the 16-bit LDM, which writes back exactly
    when the base is not in the list, the 16-bit STM (always writes back;
    a listed base must be the lowest), and PUSH/POP."""
    rng = ctx.rng
    kind = rng.below(4)
    if kind == 3:
        return push_pop(ctx)
    load = {0: rng.chance(0.5), 1: False, 2: True}[kind]
    low = kind > 0
    n = ctx.low_dest() if low else ctx.dest()
    pool = ctx.writable if load else ctx.SOURCES
    pool = [r for r in pool if not low or r in LOW]
    if kind == 1:
        pool = [r for r in pool if r >= n]
    wback = kind == 0 and rng.chance(0.5)
    if wback:
        pool = [r for r in pool if r != n]
    count = rng.between(1 if low else 2, min(6, len(pool)))
    regs = rng.sample(pool, count)
    mode = "ia" if low or rng.chance(0.5) else "db"
    lo = buf_addr(ctx, 4 * count, 4)
    base = lo if mode == "ia" else lo + 4 * count
    if kind == 1:
        text = "stmia %s!, %s" % (reg(n), reg_list(regs))
    elif kind == 2:
        bang = "" if n in regs else "!"
        text = "ldmia %s%s, %s" % (reg(n), bang, reg_list(regs))
    else:
        op = ("ldm" if load else "stm") + mode + ctx.cond() + ".w"
        text = "%s %s%s, %s" % (op, reg(n), "!" if wback else "",
                                reg_list(regs))
    return set_reg(n, base) + [text]


def push_pop(ctx):
    """PUSH then a POP of at most as many words, so POP reads only what
    the group stored; the rest stays on the stack (the record's SP delta
    shows it) unless the group is in a subroutine.  The 16-bit forms take
    r0-r7 and LR (PUSH) or r0-r7 (POP); the 32-bit ones two or more of
    r0-r12, r14."""
    rng = ctx.rng
    wide = rng.chance(0.5)
    pool = ctx.SOURCES if wide else LOW + (LR,)
    pushed = rng.sample(pool, rng.between(2 if wide else 1, 6))
    pool = [r for r in ctx.writable if wide or r in LOW]
    popped = rng.sample(pool, rng.between(2 if wide else 1,
                                          min(len(pushed), len(pool))))
    w = ".w" if wide else ""
    rest = len(pushed) - len(popped)
    drop = ["add sp, sp, #%d" % (4 * rest)] if ctx.balanced_sp and rest \
        else []
    return ["push%s %s" % (w, reg_list(pushed)),
            "pop%s %s" % (w, reg_list(popped))] + drop


# ---- exclusives (A8.8.75-A8.8.78, A8.8.212-A8.8.215) ------------------------

def g_texcl(ctx):
    """LDREX/STREX pairs of one size at one address: LDREX and STREX take
    an imm8*4 offset, the others none.  As in the A32 class, only plain
    register arithmetic between the halves (the store must succeed), or a
    CLREX (it must fail).  A condition puts each half in its own IT."""
    rng = ctx.rng
    size = rng.pick(("", "b", "h", "d"))
    width = {"": 4, "b": 1, "h": 2, "d": 8}[size]
    n = ctx.dest()
    off = 4 * rng.pick((0, 255, rng.below(64))) if size == "" else 0
    addr = buf_addr(ctx, width, width)
    lines = set_reg(n, (addr - off) & MASK32)
    c = rng.pick(CONDS) if rng.chance(0.35) else ""
    it = ["it " + c] if c else []
    amode = "[%s, #%d]" % (reg(n), off) if off else "[%s]" % reg(n)
    if size == "d":
        load_regs = ", ".join(map(reg, ctx.dests(2, exclude=(n,))))
    else:
        load_regs = reg(ctx.dest(exclude=(n,)))
    variant = rng.below(3)
    if variant != 2:
        lines += it + ["ldrex%s%s %s, %s" % (size, c, load_regs, amode)]
    for _ in range(rng.below(3) if variant == 0 else 0):
        lines.append("add.w %s, %s, #%d" % (reg(ctx.dest(exclude=(n,))),
                                            reg(ctx.src()), rng.below(256)))
    if variant != 0:
        lines.append("clrex")
    stored = (ctx.src(), ctx.src()) if size == "d" else (ctx.src(),)
    status = ctx.dest(exclude=(n,) + stored)
    return lines + it + ["strex%s%s %s, %s, %s" % (
        size, c, reg(status), ", ".join(map(reg, stored)), amode)]
