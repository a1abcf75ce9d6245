"""Thumb (T32) control-flow classes of the differential tester: branches
within Thumb code (B, CBZ/CBNZ, TBB/TBH, BX, MOV/ADD PC, loads into the
PC, BL) and interworking with ARM code in both directions (ARM DDI 0406C
A2.3.2: BX, BLX and loads into the PC interwork in both states, ALU writes
to the PC only in ARM state).

Every target lies ahead of its branch or in the case's trailer, except
counted loops, so a case always ends.  A register or memory word that
carries a Thumb target has bit 0 set; ARM targets are word aligned.
Subroutines and ARM islands go to the trailer, each chunk opening with its
own .arm or .thumb directive.
"""

from difftest_isa import CONDS, LR, buf_addr, reg, set_label, set_reg
from difftest_mem import g_sub_return_mem

# Calls that return one instruction past the call site skip this many
# bytes: a MOV.W in Thumb, any A32 instruction in ARM.
SKIPPED_BYTES = 4


def target_value(label, thumb):
    return "(%s + 1)" % label if thumb else label


def maybe_cond(ctx, p=0.3):
    """A condition for a branch that may be conditional, and the IT it
    needs in Thumb state (none in ARM state)."""
    if not ctx.rng.chance(p):
        return "", []
    c = ctx.rng.pick(CONDS)
    return c, ([] if ctx.arm else ["it " + c])


def jump_lines(ctx, target, thumb_target, may_fall=True):
    """Lines that leave the current state for `target` through a register
    or memory: BX, MOV PC (to Thumb targets from Thumb, anything from
    ARM), LDR PC, POP {.., PC} or LDM {.., PC}.  BX and LDR PC may be
    conditional where falling through is allowed."""
    rng = ctx.rng
    p = 0.3 if may_fall else 0
    value = target_value(target, thumb_target)
    kinds = ["bx", "ldr", "pop", "ldm"]
    if ctx.arm or thumb_target:
        kinds.append("mov")
    kind = rng.pick(kinds)
    if kind in ("bx", "mov"):
        r = ctx.dest()
        c, it = maybe_cond(ctx, p) if kind == "bx" else ("", [])
        jump = "bx%s %s" % (c, reg(r)) if kind == "bx" else \
            "mov pc, %s" % reg(r)
        return set_label(r, value) + it + [jump]
    if kind == "ldr":
        a, x = ctx.dests(2)
        c, it = maybe_cond(ctx, p)
        return set_label(x, value) + set_reg(a, buf_addr(ctx, 4, 4)) + [
            "str %s, [%s]" % (reg(x), reg(a))] + it + [
            "ldr%s pc, [%s]" % (c, reg(a))]
    if kind == "pop":
        if rng.chance(0.5):
            x = ctx.dest() if ctx.arm else ctx.low_dest()
            return set_label(x, value) + ["push {%s}" % reg(x), "pop {pc}"]
        lo, hi = sorted(ctx.dests(2))
        return set_label(hi, value) + [
            "push {%s, %s}" % (reg(lo), reg(hi)), "pop {%s, pc}" % reg(lo)]
    # LDM with the PC: in Thumb the list may not hold LR too (A8.8.58).
    a = ctx.dest()
    y = ctx.dest(exclude=(a, LR))
    x = ctx.dest(exclude=(a,))
    wback = rng.pick(("", "!"))
    return set_label(x, value) + set_reg(a, buf_addr(ctx, 8, 4)) + [
        "str %s, [%s, #4]" % (reg(x), reg(a)),
        "ldm %s%s, {%s, pc}" % (reg(a), wback, reg(y))]


def body(ctx, count, short=False):
    if ctx.arm:
        return ctx.arm_groups(ctx, count)
    return ctx.thumb_groups(ctx, count, short)


# ---- branches within Thumb code ---------------------------------------------

def g_tbranch(ctx):
    rng = ctx.rng
    kind = rng.below(8)
    if kind == 0:
        target = ctx.label()
        c = rng.pick(CONDS) if rng.chance(0.6) else ""
        return ["b%s%s %s" % (c, rng.pick(("", ".w")), target)] + \
            body(ctx, rng.between(1, 3)) + [target + ":"]
    if kind == 1:
        return counted_loop(ctx)
    if kind == 2:
        return cbz(ctx)
    if kind == 3:
        return table_branch(ctx)
    if kind == 4:
        return register_jump(ctx)
    if kind == 5:
        target = ctx.label()
        return jump_lines(ctx, target, True) + \
            body(ctx, rng.between(1, 2)) + [target + ":"]
    return call(ctx, arm_sub=False)


def counted_loop(ctx):
    """A backward conditional branch, taken one to three times; the
    counter stays out of the body's destinations."""
    rng = ctx.rng
    r = ctx.low_dest()
    saved = ctx.reserve(r)
    top = ctx.label()
    lines = ["movs %s, #%d" % (reg(r), rng.between(1, 3)), top + ":"]
    lines += body(ctx, 1)
    lines += ["subs %s, #1" % reg(r),
              "bne%s %s" % (rng.pick(("", ".w")), top)]
    ctx.writable = saved
    return lines


def cbz(ctx):
    """CBZ/CBNZ reach 126 bytes forwards only (A8.8.29): short bodies."""
    rng = ctx.rng
    r = ctx.low_src()
    lines = []
    if r in ctx.writable and rng.chance(0.4):
        lines.append("movs %s, #0" % reg(r))
    target = ctx.label()
    return lines + ["%s %s, %s" % (rng.pick(("cbz", "cbnz")), reg(r),
                                   target)] + \
        body(ctx, rng.between(1, 2), True) + [target + ":"]


def table_branch(ctx):
    """TBB/TBH (A8.8.238) on a table right after the instruction, read
    through the PC or through a register holding the table's address;
    the entries count halfwords from the instruction's PC (the table)."""
    rng = ctx.rng
    half = rng.chance(0.5)
    count = rng.between(2, 4)
    i = ctx.dest()
    lines = set_reg(i, rng.below(count))
    table, end = ctx.label(), ctx.label()
    targets = [ctx.label() for _ in range(count)]
    base = "pc"
    if rng.chance(0.5):
        b = ctx.dest(exclude=(i,))
        lines.append("adr.w %s, %s" % (reg(b), table))
        base = reg(b)
    if half:
        lines += ["tbh [%s, %s, lsl #1]" % (base, reg(i)), table + ":"]
        lines += [".hword (%s - %s) / 2" % (t, table) for t in targets]
    else:
        lines += ["tbb [%s, %s]" % (base, reg(i)), table + ":"]
        lines += [".byte (%s - %s) / 2" % (t, table) for t in targets]
        lines.append(".balign 2")
    for k, t in enumerate(targets):
        lines += [t + ":"] + body(ctx, 1)
        if k < count - 1:
            lines.append("b %s" % end)
    return lines + [end + ":"]


def register_jump(ctx):
    """BX to a Thumb address, MOV PC, Rm (bit 0 ignored: BranchWritePC,
    A2.3.2) and ADD PC, Rm with Rm = target - (that ADD's PC)."""
    rng = ctx.rng
    target = ctx.label()
    how = rng.below(3)
    if how == 0:
        r = ctx.dest()
        c, it = maybe_cond(ctx)
        head = set_label(r, target_value(target, True)) + it + [
            "bx%s %s" % (c, reg(r))]
    elif how == 1:
        r = ctx.dest()
        head = set_label(r, "(%s + %d)" % (target, rng.below(2))) + [
            "mov pc, %s" % reg(r)]
    else:
        a, b = ctx.dests(2)
        here = ctx.label()
        head = ["adr.w %s, %s" % (reg(a), target),
                "adr.w %s, %s" % (reg(b), here),
                "sub.w %s, %s, %s" % (reg(a), reg(a), reg(b)),
                "sub.w %s, %s, #4" % (reg(a), reg(a)),
                here + ":", "add pc, %s" % reg(a)]
    return head + body(ctx, rng.between(1, 2)) + [target + ":"]


# ---- calls and interworking -------------------------------------------------

def g_interwork(ctx):
    """Thumb to ARM and back: jumps into an ARM island that jumps back,
    and calls of ARM subroutines, which may call a Thumb subroutine."""
    rng = ctx.rng
    if rng.chance(0.4):
        return call(ctx, arm_sub=True)
    island, back = ctx.label(), ctx.label()
    head = jump_lines(ctx, island, False) + [back + ":"]
    ctx.arm = True
    chunk = [".arm", ".balign 4", island + ":"] + body(
        ctx, rng.between(1, 3)) + jump_lines(ctx, back, True, False)
    ctx.arm = False
    ctx.trailer += chunk
    return head


def call(ctx, arm_sub, nested_ok=True):
    """A call from the current state and its subroutine, in the trailer.
    Some subroutines return one instruction past the call site (a MOV
    that then must not run), so a translator that predicts returns must
    check the prediction."""
    rng = ctx.rng
    sub = ctx.label()
    caller_arm = ctx.arm
    lines = call_insns(ctx, sub, arm_sub)
    skip = rng.chance(0.2)
    saved, balanced = ctx.writable, ctx.balanced_sp
    ctx.writable = [r for r in saved if r != LR]
    ctx.arm, ctx.balanced_sp = arm_sub, True
    adjust = ["add lr, lr, #%d" % SKIPPED_BYTES] if skip else []
    if arm_sub and nested_ok and rng.chance(0.4):
        # An ARM subroutine calling a Thumb one keeps LR on the stack.
        pro = adjust + ["push {lr}"]
        epi = rng.pick((["pop {pc}"], ["pop {lr}", "bx lr"]))
        inner = body(ctx, rng.below(2)) + call(ctx, False, False) + \
            body(ctx, rng.below(2))
    else:
        pro, epi = sub_frame(ctx, adjust, mov_ok=arm_sub or not caller_arm)
        inner = body(ctx, rng.between(1, 3))
    # Half the Thumb subroutines sit at 2 mod 4, so an ARM BLX immediate
    # needs its H bit (A8.8.25).
    place = [".arm", ".balign 4"] if arm_sub else [".thumb", ".balign 4"] + \
        ([".space 2"] if rng.chance(0.5) else [])
    ctx.trailer += place + [sub + ":"] + pro + inner + epi
    ctx.arm, ctx.balanced_sp = caller_arm, balanced
    ctx.writable = saved
    if skip:
        mov = "mov" if caller_arm else "mov.w"
        lines.append("%s %s, #%d" % (mov, reg(ctx.dest()), rng.below(256)))
    return lines


def call_insns(ctx, sub, arm_sub):
    """BL or BLX immediate (ARM's BLX immediate has no condition), BLX
    register, or BLX LR (which reads LR before writing it)."""
    rng = ctx.rng
    kind = rng.below(3)
    if kind == 0:
        same_state = arm_sub == ctx.arm
        c, it = ("", []) if ctx.arm else maybe_cond(ctx)
        return it + ["%s%s %s" % ("bl" if same_state else "blx", c, sub)]
    r = LR if kind == 2 else ctx.dest(exclude=(LR,))
    c, it = maybe_cond(ctx)
    return set_label(r, target_value(sub, not arm_sub)) + it + [
        "blx%s %s" % (c, reg(r))]


def sub_frame(ctx, adjust, mov_ok):
    """(prologue, epilogue) of a subroutine in the current state: return
    by BX LR, MOV PC, LR (when that reaches the caller's state), POP with
    the PC, a load into the PC from a scratch word, or a conditional
    BX LR before the last group."""
    rng = ctx.rng
    kind = rng.below(5)
    if kind == 0:
        pro, epi = g_sub_return_mem(ctx)
        return adjust + pro, epi
    if kind == 1 or (kind == 2 and not mov_ok):
        return [], adjust + ["bx lr"]
    if kind == 2:
        return [], adjust + ["mov pc, lr"]
    if kind == 3:
        if rng.chance(0.5):
            return adjust + ["push {lr}"], ["pop {pc}"]
        r = reg(ctx.dest() if ctx.arm else ctx.low_dest())
        return adjust + ["push {%s, lr}" % r], ["pop {%s, pc}" % r]
    c = rng.pick(CONDS)
    it = [] if ctx.arm else ["it " + c]
    return [], adjust + it + ["bx%s lr" % c] + body(ctx, 1) + ["bx lr"]
