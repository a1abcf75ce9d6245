"""Media and miscellaneous instruction classes of the differential tester
(ARM DDI 0406C A5.4 and A5.2.10-A5.2.12): bit counting and reversal,
extension, bitfields, saturation, the parallel add/subtract family and
packing, and the status, hint and barrier instructions.  None of them may
name the PC or the SP, which would be UNPREDICTABLE or differ between runs.
"""

from difftest_isa import EDGE_VALUES, reg, set_reg


def preset_edges(ctx, regs, p=0.3):
    """Saturation and lane boundaries mostly show with edge operands."""
    lines = []
    for r in regs:
        if r in ctx.writable and ctx.rng.chance(p):
            lines += set_reg(r, ctx.rng.pick(EDGE_VALUES))
    return lines


def g_bits(ctx):
    op = ctx.rng.pick(("clz", "rev", "rev16", "revsh", "rbit"))
    return ["%s%s %s, %s" % (op, ctx.cond(), reg(ctx.dest()),
                             reg(ctx.src()))]


def g_ext(ctx):
    """SXT*/UXT* and their add forms (A8.8.220-A8.8.225, A8.8.269-274);
    Rn == PC would encode the form without add."""
    rng = ctx.rng
    op = rng.pick(("sxtb", "sxth", "sxtb16", "uxtb", "uxth", "uxtb16"))
    rot = rng.pick(("", ", ror #8", ", ror #16", ", ror #24"))
    d, m = reg(ctx.dest()), reg(ctx.src())
    if rng.chance(0.5):
        op = op[:3] + "a" + op[3:]
        return ["%s%s %s, %s, %s%s" % (op, ctx.cond(), d, reg(ctx.src()),
                                       m, rot)]
    return ["%s%s %s, %s%s" % (op, ctx.cond(), d, m, rot)]


def g_bitfield(ctx):
    """BFI/BFC need msb >= lsb; UBFX/SBFX need lsb + width <= 32."""
    rng = ctx.rng
    op = rng.pick(("bfi", "bfc", "ubfx", "sbfx"))
    lsb = rng.pick((0, 31, rng.below(32)))
    width = rng.pick((1, 32 - lsb, rng.between(1, 32 - lsb)))
    d, c = reg(ctx.dest()), ctx.cond()
    if op == "bfc":
        return ["bfc%s %s, #%d, #%d" % (c, d, lsb, width)]
    return ["%s%s %s, %s, #%d, #%d" % (op, c, d, reg(ctx.src()), lsb, width)]


def g_sat(ctx, asr_max=32):
    """QADD/QSUB/QDADD/QDSUB (A8.8.124-A8.8.131) and SSAT/USAT and their
    16-bit forms (A8.8.159, A8.8.246 etc.), with the encodable ranges
    (asr_max: ASR #32 is A32 only)."""
    rng = ctx.rng
    d, n, m = ctx.dest(), ctx.src(), ctx.src()
    lines = preset_edges(ctx, sorted({n, m}))
    c = ctx.cond()
    op = rng.pick(("qadd", "qsub", "qdadd", "qdsub",
                   "ssat", "usat", "ssat16", "usat16"))
    if op.startswith("q"):
        return lines + ["%s%s %s, %s, %s" % (op, c, reg(d), reg(m), reg(n))]
    if op.endswith("16"):
        sat = rng.between(1, 16) if op == "ssat16" else rng.between(0, 15)
        return lines + ["%s%s %s, #%d, %s" % (op, c, reg(d), sat, reg(n))]
    sat = rng.between(1, 32) if op == "ssat" else rng.between(0, 31)
    shift = rng.pick(("", ", lsl #%d" % rng.between(0, 31),
                      ", asr #%d" % rng.between(1, asr_max)))
    return lines + ["%s%s %s, #%d, %s%s" % (op, c, reg(d), sat, reg(n),
                                            shift)]


PARALLEL_OPS = tuple(p + o for p in ("s", "q", "sh", "u", "uq", "uh")
                     for o in ("add16", "asx", "sax", "sub16",
                               "add8", "sub8"))


def g_simd(ctx):
    """Parallel add/subtract (A5.4.1, A5.4.2: the S and U forms set GE),
    SEL, USAD8/USADA8 and PKHBT/PKHTB."""
    rng = ctx.rng
    d, n, m = ctx.dest(), ctx.src(), ctx.src()
    lines = preset_edges(ctx, sorted({n, m}), 0.2)
    c = ctx.cond()
    kind = rng.below(8)
    if kind < 5:
        op = rng.pick(PARALLEL_OPS)
        return lines + ["%s%s %s, %s, %s" % (op, c, reg(d), reg(n), reg(m))]
    if kind == 5:
        op = rng.pick(("sel", "usad8"))
        return lines + ["%s%s %s, %s, %s" % (op, c, reg(d), reg(n), reg(m))]
    if kind == 6:
        return lines + ["usada8%s %s, %s, %s, %s" % (
            c, reg(d), reg(n), reg(m), reg(ctx.src()))]
    if rng.chance(0.5):
        shift = ", lsl #%d" % rng.between(0, 31)
        return lines + ["pkhbt%s %s, %s, %s%s" % (c, reg(d), reg(n),
                                                  reg(m), shift)]
    return lines + ["pkhtb%s %s, %s, %s, asr #%d" % (
        c, reg(d), reg(n), reg(m), rng.between(1, 32))]


# APSR bits a PL0 read defines: N Z C V Q (31:27) and GE (19:16), B1.3.3.
APSR_CLEAR_BYTES = ("#0xff", "#0xff00", "#0x07f00000")


def g_misc(ctx):
    """MRS/MSR APSR, the TPIDRURO read, hints, barriers and preloads."""
    rng = ctx.rng
    kind = rng.below(6)
    c = ctx.cond()
    if kind == 0:
        d = reg(ctx.dest())
        return ["mrs%s %s, APSR" % (c, d)] + [
            "bic %s, %s, %s" % (d, d, b) for b in APSR_CLEAR_BYTES]
    if kind == 1:
        field = rng.pick(("nzcvq", "g", "nzcvqg"))
        if rng.chance(0.5):
            return ["msr%s APSR_%s, %s" % (c, field, reg(ctx.src()))]
        imm = (rng.below(32) << 27) if field != "g" else rng.below(16) << 16
        field = "nzcvq" if field != "g" else "g"
        return ["msr%s APSR_%s, #0x%x" % (c, field, imm)]
    if kind == 2:
        return ["mrc%s p15, 0, %s, c13, c0, 3" % (c, reg(ctx.dest()))]
    if kind == 3:
        return [rng.pick(("nop", "yield")) + c]
    if kind == 4:
        op = rng.pick(("dmb", "dsb"))
        opt = rng.pick(("sy", "st", "ish", "ishst", "nsh", "nshst",
                        "osh", "oshst"))
        return [rng.pick(("%s %s" % (op, opt), "isb sy", "clrex"))]
    op, n = rng.pick(("pld", "pldw", "pli")), reg(ctx.src())
    if rng.chance(0.5):
        return ["%s [%s, #%d]" % (op, n, rng.between(-4095, 4095))]
    return ["%s [%s, %s%s, lsl #%d]" % (op, n, rng.pick(("", "-")),
                                        reg(ctx.src()), rng.below(32))]
