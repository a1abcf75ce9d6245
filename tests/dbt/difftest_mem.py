"""Memory instruction classes of the differential tester: single and dual
loads and stores in every addressing mode, LDM/STM, the exclusives and
SWP.  Each group loads its base (and index) register so that the accessed
bytes lie in the data buffer; the base register itself may hold any value,
because address arithmetic wraps at 2^32 on ARM as in the translator.
Register constraints are those of the UNPREDICTABLE clauses in ARM DDI
0406C A8.8.
"""

from difftest_isa import (MASK32, PC, SCRATCH_ADDR, SCRATCH_WORDS, buf_addr,
                          imm_shift, known_carry, reg, set_label, set_reg,
                          shift_text, shift_value)


def offset_value(rng, limit):
    """An immediate offset in [-limit, limit], small ones most often."""
    mag = rng.pick((0, rng.below(16), rng.below(limit + 1)))
    return -mag if rng.chance(0.5) else mag


def amode_text(n, offset_text, mode):
    if mode == "offset":
        return "[%s%s]" % (reg(n), offset_text)
    if mode == "pre":
        return "[%s%s]!" % (reg(n), offset_text)
    return "[%s]%s" % (reg(n), offset_text)


def index_register(ctx, lines, n, avoid, shifted):
    """Pick and preset an index register; returns (text, offset).
    Rm == Rn would tie the base to the index, so it is avoided."""
    rng = ctx.rng
    m = ctx.dest(exclude=(n,) + tuple(avoid))
    v = rng.word() if rng.chance(0.2) else rng.below(64)
    kind, amount, carry = "lsl", 0, 0
    if shifted and rng.chance(0.7):
        kind, amount = imm_shift(rng)
        if kind == "rrx":
            carry, cl = known_carry(ctx, m)
            lines += cl
    lines += set_reg(m, v)
    offset = shift_value(v, kind, amount, carry)
    sign = rng.pick(("", "-"))
    if sign:
        offset = -offset
    return ", %s%s%s" % (sign, reg(m), shift_text(kind, amount)), offset


def emit_access(ctx, mnem, t_text, n, addr, mode, imm_limit, shifted, avoid):
    """Lines that preset base/index then perform `mnem` at `addr`."""
    rng = ctx.rng
    lines = []
    if rng.chance(0.5):
        off = offset_value(rng, imm_limit)
        otext = ", #%d" % off
    else:
        otext, off = index_register(ctx, lines, n, avoid, shifted)
    base = addr if mode == "post" else addr - off
    lines += set_reg(n, base & MASK32)
    lines.append("%s %s, %s" % (mnem, t_text, amode_text(n, otext, mode)))
    return lines


def g_ldst(ctx):
    """LDR/STR/LDRB/STRB (A8.8.62-A8.8.70, A8.8.203-A8.8.208).  Unaligned
    words and halfwords are allowed: Linux runs ARMv7 with SCTLR.A clear."""
    rng = ctx.rng
    op = rng.pick(("ldr", "ldrb", "str", "strb"))
    load, size = op.startswith("ldr"), 1 if op.endswith("b") else 4
    mode = rng.pick(("offset", "pre", "post"))
    t = ctx.dest() if load else ctx.src()
    # Writeback with Rn == Rt is UNPREDICTABLE.
    n = ctx.dest(exclude=(t,) if mode != "offset" else ())
    addr = buf_addr(ctx, size, rng.pick((1, size)))
    return emit_access(ctx, op + ctx.cond(), reg(t), n, addr, mode, 4095,
                       True, ())


def g_ldst_extra(ctx):
    """LDRH/STRH/LDRSH/LDRSB/LDRD/STRD: imm8 or unshifted register offset.
    Dual accesses need an even Rt other than r14 (Rt2 = r15) and r12 (Rt2
    would be SP), word alignment, and Rm, Rn distinct from Rt and Rt2."""
    rng = ctx.rng
    op = rng.pick(("ldrh", "strh", "ldrsh", "ldrsb", "ldrd", "strd"))
    load = op.startswith("ldr")
    mode = rng.pick(("offset", "pre", "post"))
    if op.endswith("d"):
        t = rng.pick([r for r in (0, 2, 4, 6, 8, 10) if r in ctx.writable])
        pair, size, align = (t, t + 1), 8, 4
        t_text = "%s, %s" % (reg(t), reg(t + 1))
    else:
        t = ctx.dest() if load else ctx.src()
        pair, size = (t,), 1 if op.endswith("b") else 2
        align, t_text = rng.pick((1, size)), reg(t)
    n = ctx.dest(exclude=pair if mode != "offset" or op == "ldrd" else ())
    addr = buf_addr(ctx, size, align)
    # Rm == Rt: objdump flags it UNPREDICTABLE for these forms; keep clear.
    return emit_access(ctx, op + ctx.cond(), t_text, n, addr, mode, 255,
                       False, pair)


def g_ldst_user(ctx):
    """The unprivileged forms (LDRT and friends, A8.8.66 etc.): always
    post-indexed with writeback, so Rn != Rt; at PL0 they behave as the
    plain forms."""
    rng = ctx.rng
    op = rng.pick(("ldrt", "strt", "ldrbt", "strbt",
                   "ldrht", "strht", "ldrsht", "ldrsbt"))
    load = op.startswith("ldr")
    wide = op in ("ldrt", "strt", "ldrbt", "strbt")
    size = {"ldrt": 4, "strt": 4, "ldrht": 2, "strht": 2,
            "ldrsht": 2}.get(op, 1)
    t = ctx.dest() if load else ctx.src()
    n = ctx.dest(exclude=(t,))
    addr = buf_addr(ctx, size, 1)
    return emit_access(ctx, op + ctx.cond(), reg(t), n, addr, "post",
                       4095 if wide else 255, wide, (t,))


def g_ldr_literal(ctx):
    """PC-relative loads read the case's own code, identical in both runs."""
    rng = ctx.rng
    op = rng.pick(("ldr", "ldrh", "ldrsb", "ldrsh", "ldrb"))
    off = 4 * rng.between(-32, 32)
    return ["%s%s %s, [pc, #%d]" % (op, ctx.cond(), reg(ctx.dest()), off)]


def g_ldm(ctx):
    """LDM/STM in all four modes (A8.8.57-A8.8.60, A8.8.197-A8.8.200).
    With writeback the base stays out of the list: LDM would be
    UNPREDICTABLE and STM would store an UNKNOWN value unless it is the
    lowest register.  SP and PC stay out (the branch class covers PC)."""
    rng = ctx.rng
    load = rng.chance(0.5)
    mode = rng.pick(("ia", "ib", "da", "db"))
    wback = rng.chance(0.5)
    n = ctx.dest()
    pool = ctx.writable if load else ctx.SOURCES
    pool = [r for r in pool if not (wback and r == n)]
    count = rng.between(1, min(8, len(pool)))
    regs = sorted(rng.sample(pool, count))
    lo = buf_addr(ctx, 4 * count, 4)
    base = {"ia": lo, "ib": lo - 4, "da": lo + 4 * count - 4,
            "db": lo + 4 * count}[mode]
    op = ("ldm" if load else "stm") + mode + ctx.cond()
    return set_reg(n, base) + ["%s %s%s, {%s}" % (
        op, reg(n), "!" if wback else "", ", ".join(map(reg, regs)))]


def g_excl(ctx):
    """LDREX/STREX pairs of one size at one address (A3.4): between them
    only register moves, so the store must succeed, or a CLREX so it must
    fail.  Any other pattern is IMPLEMENTATION DEFINED for the local
    monitor.  Same condition on both halves, no flag setting in between."""
    rng = ctx.rng
    size = rng.pick(("", "b", "h", "d"))
    width = {"": 4, "b": 1, "h": 2, "d": 8}[size]
    n = ctx.dest()
    c = ctx.cond()
    lines = set_reg(n, buf_addr(ctx, width, width))
    pairs = [r for r in (0, 2, 4, 6, 8, 10)
             if r in ctx.writable and n not in (r, r + 1)]
    if size == "d":
        t = rng.pick(pairs)
        load_regs = "%s, %s" % (reg(t), reg(t + 1))
    else:
        load_regs = reg(ctx.dest(exclude=(n,)))
    variant = rng.below(3)
    if variant != 2:
        lines.append("ldrex%s%s %s, [%s]" % (size, c, load_regs, reg(n)))
    for _ in range(rng.below(3) if variant == 0 else 0):
        d = ctx.dest(exclude=(n,))
        lines.append("add %s, %s, #%d" % (reg(d), reg(ctx.src()),
                                          rng.below(256)))
    if variant != 0:
        lines.append("clrex")
    if size == "d":
        st = rng.pick(pairs)
        store_regs, stored = "%s, %s" % (reg(st), reg(st + 1)), (st, st + 1)
    else:
        st = ctx.src()
        store_regs, stored = reg(st), (st,)
    status = ctx.dest(exclude=(n,) + stored)
    lines.append("strex%s%s %s, %s, [%s]" % (size, c, reg(status),
                                              store_regs, reg(n)))
    return lines


def g_swp(ctx):
    """SWP/SWPB (A8.8.229): Rn distinct from both data registers."""
    rng = ctx.rng
    op = rng.pick(("swp", "swpb"))
    n = ctx.dest()
    t = ctx.dest(exclude=(n,))
    t2 = ctx.src(exclude=(n,))
    width = 4 if op == "swp" else 1
    return set_reg(n, buf_addr(ctx, width, width)) + [
        "%s%s %s, %s, [%s]" % (op, ctx.cond(), reg(t), reg(t2), reg(n))]


def g_branch_mem(ctx, target):
    """LDR PC / LDM {..., PC} from a word the group itself stores: covers
    loads into the PC (A8.8.62: bit 0 of the word selects the state, so the
    target is an ARM label)."""
    rng = ctx.rng
    a, x = ctx.dests(2)
    addr = buf_addr(ctx, 8, 4)
    lines = set_label(x, target) + set_reg(a, addr)
    c = ctx.cond()
    if rng.chance(0.5):
        lines += ["str %s, [%s]" % (reg(x), reg(a)),
                  "ldr%s %s, [%s]" % (c, reg(PC), reg(a))]
    else:
        other = ctx.dest(exclude=(a,))
        wback = rng.pick(("", "!"))
        lines += ["str %s, [%s, #4]" % (reg(x), reg(a)),
                  "ldm%s %s%s, {%s, pc}" % (c, reg(a), wback, reg(other))]
    return lines


def g_sub_return_mem(ctx):
    """A subroutine prologue that saves LR in the scratch words past the
    buffer (no group writes there) and an epilogue returning with a load
    into the PC; returns (prologue, epilogue)."""
    a = ctx.dest()
    addr = SCRATCH_ADDR + 4 * ctx.rng.below(SCRATCH_WORDS)
    pro = set_reg(a, addr) + ["str lr, [%s]" % reg(a)]
    epi = set_reg(a, addr) + ["ldr pc, [%s]" % reg(a)]
    return pro, epi
