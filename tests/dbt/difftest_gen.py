#!/usr/bin/env python3
"""Seeded generator of differential-test programs for the A32 translator.

One program is a static, libc-free ARM Linux executable holding many cases.
Each case loads random registers, NZCVQ/GE flags and buffer bytes, runs a
random group sequence of the chosen instruction classes, and ends in
dt_case_done, which writes one fixed-size record (registers, flags, buffer)
to stdout.  The same seed always gives the same program, so qemu-arm and
arm-run can be compared record by record.

With --isa thumb the cases run in Thumb state (T32) and may call ARM
code; the driver and dt_case_done stay ARM code and the record keeps its
layout.

Usage: difftest_gen.py [--isa arm|thumb] --seed S --cases N
       [--class all|mul,div,...] -o x.S
"""

import argparse
import struct
import sys

from difftest_isa import (BUF_ADDR, BUF_SIZE, LR, SCRATCH_WORDS, Ctx,
                          Rng, g_div, g_dp, g_movw, g_mul, reg, set_label)
from difftest_media import (g_bitfield, g_bits, g_ext, g_misc, g_sat,
                            g_simd)
from difftest_mem import (g_branch_mem, g_excl, g_ldm, g_ldr_literal,
                          g_ldst, g_ldst_extra, g_ldst_user,
                          g_sub_return_mem, g_swp)
from difftest_t32 import (ThumbCtx, g_it, g_t16, g_t32dp, g_tmul,
                          g_tsat)
from difftest_t32_branch import g_interwork, g_tbranch
from difftest_t32_mem import (g_texcl, g_tldm, g_tldrd, g_tldst16,
                              g_tldst32, g_tliteral)

# APSR bits defined for a PL0 read: N Z C V Q and GE[3:0] (B1.3.3).
APSR_MASK = 0xf80f0000

# One record per case: index, r0-r12, SP minus its value at entry, LR,
# masked APSR, then the whole data buffer.
RECORD_HEAD = struct.Struct("<17I")
RECORD_SIZE = RECORD_HEAD.size + BUF_SIZE
RECORD_FIELDS = (["index"] + ["r%d" % i for i in range(13)] +
                 ["sp-delta", "lr", "apsr"])

# How the driver is linked: no libc, the buffer at a fixed address so the
# generator can compute base registers as plain constants.
LINK_FLAGS = ("-nostdlib", "-static", "-marm", "-march=armv7ve",
              "-Wl,--section-start=.dtbuf=0x%x" % BUF_ADDR)
# Thumb programs: the source says .arm or .thumb for every piece of code,
# and its .arch armv7ve allows SDIV/UDIV, which plain ARMv7-A lacks.
THUMB_LINK_FLAGS = ("-nostdlib", "-static", "-mthumb", "-march=armv7-a",
                    "-Wl,--section-start=.dtbuf=0x%x" % BUF_ADDR)


def link_flags(isa):
    return THUMB_LINK_FLAGS if isa == "thumb" else LINK_FLAGS


def g_branch(ctx):
    """Forward branches over other groups (B, ADD PC, BX, MOV PC, LDR PC,
    LDM with PC) and calls to subroutines placed after the case.  Only ARM
    targets: interworking into Thumb is outside the translator's scope."""
    rng = ctx.rng
    kind = rng.below(6)
    if kind >= 4:
        return call(ctx)
    target = ctx.label()
    c = ctx.cond()
    if kind == 0:
        head = ["b%s %s" % (c, target)]
    elif kind == 1:
        head = ["add%s pc, pc, #(%s - . - 8)" % (c, target)]
    elif kind == 2:
        r = ctx.dest()
        jump = rng.pick(("bx%s %s", "mov%s pc, %s"))
        head = set_label(r, target) + [jump % (c, reg(r))]
    else:
        head = g_branch_mem(ctx, target)
    return head + inner_groups(ctx, rng.between(1, 3)) + [target + ":"]


def call(ctx):
    """A call and its subroutine.  Some subroutines return one instruction
    past the call site, so a translator that predicts returns must check
    the prediction."""
    rng = ctx.rng
    sub = ctx.label()
    lines = call_insns(ctx, sub)
    skip = rng.chance(0.2)
    saved = ctx.writable
    ctx.writable = [r for r in saved if r != LR]
    pro, epi = sub_frame(ctx, ["add lr, lr, #4"] if skip else [])
    body = inner_groups(ctx, rng.between(1, 3))
    ctx.writable = saved
    ctx.trailer += [sub + ":"] + pro + body + epi
    if skip:
        lines.append("mov %s, #%d" % (reg(ctx.dest()), rng.below(256)))
    return lines + inner_groups(ctx, rng.below(2))


def call_insns(ctx, sub):
    """BL, BLX register (also BLX LR, which must read LR before writing
    it), or the pre-v5 idiom MOV LR, PC; MOV PC, Rm (PC reads as +8)."""
    c = ctx.cond()
    kind = ctx.rng.below(4)
    if kind == 0:
        return ["bl%s %s" % (c, sub)]
    if kind == 2:
        return set_label(LR, sub) + ["blx%s lr" % c]
    r = ctx.dest(exclude=(LR,))
    if kind == 1:
        return set_label(r, sub) + ["blx%s %s" % (c, reg(r))]
    return set_label(r, sub) + ["mov%s lr, pc" % c,
                                "mov%s pc, %s" % (c, reg(r))]


def sub_frame(ctx, adjust):
    """(prologue, epilogue) of a subroutine: return by BX LR, MOV PC, LR,
    a conditional BX LR before the last group, or a load into the PC.
    `adjust` moves the return address first."""
    rng = ctx.rng
    kind = rng.below(4)
    if kind == 0:
        pro, epi = g_sub_return_mem(ctx)
        return adjust + pro, epi
    if kind == 1:
        return [], adjust + ["bx lr"]
    if kind == 2:
        return [], adjust + ["mov pc, lr"]
    early = ["bx%s lr" % ctx.cond()] + inner_groups(ctx, 1)
    return [], adjust + early + ["bx lr"]


def inner_groups(ctx, count):
    pool = [c for c in ctx.classes if c != "branch"] or ["dp"]
    lines = []
    for _ in range(count):
        lines += group(ctx, ctx.rng.pick(pool))
    return lines


CLASSES = {
    "dp": (g_dp, g_dp, g_dp, g_movw),
    "mul": (g_mul,),
    "div": (g_div,),
    "ldst": (g_ldst, g_ldst_extra, g_ldst_user, g_ldr_literal),
    "ldm": (g_ldm,),
    "excl": (g_excl,),
    "swp": (g_swp,),
    "bits": (g_bits,),
    "ext": (g_ext,),
    "bitfield": (g_bitfield,),
    "sat": (g_sat,),
    "simd": (g_simd,),
    "misc": (g_misc,),
    "branch": (g_branch,),
}


def group(ctx, cls):
    ctx.recent = []
    return ctx.rng.pick(CLASSES[cls])(ctx)


# The Thumb classes (difftest_t32*); the media classes without PC or SP
# operands are shared with A32.
THUMB_CLASSES = {
    "t16": (g_t16,),
    "dp": (g_t32dp,),
    "mul": (g_tmul,),
    "div": (g_div,),
    "ldst": (g_tldst16, g_tldst32, g_tldrd, g_tliteral),
    "ldm": (g_tldm,),
    "excl": (g_texcl,),
    "bits": (g_bits,),
    "ext": (g_ext,),
    "bitfield": (g_bitfield,),
    "sat": (g_tsat,),
    "simd": (g_simd,),
    "it": (g_it,),
    "branch": (g_tbranch,),
    "interwork": (g_interwork,),
}
# Classes that place labels and subroutines: never inside another body.
THUMB_CONTROL = ("branch", "interwork")
# A32 classes for the bodies of ARM code entered from Thumb cases.
ARM_BODY_CLASSES = ("dp", "mul", "div", "ldst", "ldm", "bits", "ext",
                    "bitfield", "sat", "simd")


def thumb_group(ctx, cls):
    """One Thumb group; a group whose last line asked for a condition gets
    an IT for it (an enclosing group's condition is kept aside)."""
    outer, ctx.it_cond = ctx.it_cond, None
    ctx.recent = []
    lines = ctx.rng.pick(THUMB_CLASSES[cls])(ctx)
    if ctx.it_cond:
        lines = lines[:-1] + ["it " + ctx.it_cond, lines[-1]]
    ctx.it_cond = outer
    return lines


def thumb_groups(ctx, count, short):
    """Body groups of a Thumb branch or subroutine; `short` ones only from
    the 16-bit class, for CBZ's 126-byte reach."""
    pool = [c for c in ctx.classes if c not in THUMB_CONTROL] or ["t16"]
    if short:
        pool = ["t16"]
    lines = []
    for _ in range(count):
        lines += thumb_group(ctx, ctx.rng.pick(pool))
    return lines


def arm_groups(ctx, count):
    """Body groups of ARM code entered from a Thumb case."""
    lines = []
    for _ in range(count):
        lines += group(ctx, ctx.rng.pick(ARM_BODY_CLASSES))
    return lines


def parse_classes(text, isa="arm"):
    table = THUMB_CLASSES if isa == "thumb" else CLASSES
    if text in ("", "all"):
        return list(table)
    names = [c.strip() for c in text.split(",") if c.strip()]
    unknown = [c for c in names if c not in table]
    if unknown:
        raise ValueError("unknown %s class %s (known: all, %s)" %
                         (isa, ",".join(unknown), ", ".join(table)))
    return names


class Case:
    """Initial state, the body as groups (any of them can be dropped when
    shrinking a failure) and the subroutines called from the body."""

    def __init__(self, no, regs, apsr, buf_seed, groups, trailer,
                 isa="arm"):
        self.no, self.regs, self.apsr = no, regs, apsr
        self.buf_seed, self.groups, self.trailer = buf_seed, groups, trailer
        self.isa = isa

    @property
    def lines(self):
        body = [line for g in self.groups for line in g]
        done = "dt_case_done_thumb" if self.isa == "thumb" else "dt_case_done"
        return body + ["b " + done] + self.trailer

    def without_group(self, i):
        return Case(self.no, self.regs, self.apsr, self.buf_seed,
                    self.groups[:i] + self.groups[i + 1:], self.trailer,
                    self.isa)


def build_case(rng, no, classes, isa="arm"):
    if isa == "thumb":
        return build_thumb_case(rng, no, classes)
    ctx = Ctx(rng, no, classes)
    regs = [rng.value() for _ in range(14)]
    apsr = rng.word() & APSR_MASK
    buf_seed = rng.word() | 1   # xorshift32 needs a nonzero state
    # Some long cases, so the translator's register cache and flag
    # liveness see long blocks under register pressure.
    count = rng.between(20, 40) if rng.chance(0.1) else rng.between(4, 14)
    groups = [group(ctx, rng.pick(classes)) for _ in range(count)]
    return Case(no, regs, apsr, buf_seed, groups, ctx.trailer)


def build_thumb_case(rng, no, classes):
    """As build_case, with the Thumb classes: the same draws of initial
    state and group count, then Thumb groups."""
    ctx = ThumbCtx(rng, no, classes, thumb_groups, arm_groups)
    regs = [rng.value() for _ in range(14)]
    apsr = rng.word() & APSR_MASK
    buf_seed = rng.word() | 1
    count = rng.between(20, 40) if rng.chance(0.1) else rng.between(4, 14)
    groups = [thumb_group(ctx, rng.pick(classes)) for _ in range(count)]
    return Case(no, regs, apsr, buf_seed, groups, ctx.trailer, "thumb")


def case_text(case):
    """The case's code and, in .rodata, its initial r0-r12, r14 and APSR.
    A Thumb case calls the ARM dt_fill_buf with BLX."""
    regs = ".Ldt_regs%d" % case.no
    thumb = case.isa == "thumb"
    out = ["\t.thumb", "\t.balign 4"] if thumb else []
    out += [".Ldt_case%d:" % case.no,
            "\tmovw r0, #0x%x" % (case.buf_seed & 0xffff),
            "\tmovt r0, #0x%x" % (case.buf_seed >> 16),
            "\tblx dt_fill_buf" if thumb else "\tbl dt_fill_buf",
           "\tmovw r0, #:lower16:%s" % regs,
           "\tmovt r0, #:upper16:%s" % regs,
            "\tldr r1, [r0, #%d]" % (4 * len(case.regs)),
            "\tmsr APSR_nzcvqg, r1",
            "\tldm r0, {r0-r12, r14}"]
    out += [l if l.endswith(":") else "\t" + l for l in case.lines]
    out += ["\t.pushsection .rodata", "\t.balign 4", regs + ":"]
    out += ["\t.word 0x%08x" % v for v in case.regs + [case.apsr]]
    out += ["\t.popsection", ""]
    return "\n".join(out)


DRIVER = r"""
	.syntax unified
	.arch armv7ve
	.arch_extension mp		@ PLDW, as on Cortex-A15
	.arm
	.equ SYS_EXIT, 1		@ ARM EABI Linux syscall numbers
	.equ SYS_WRITE, 4
	.equ STDOUT, 1
	.equ NCASES, {ncases}
	.equ BUF_WORDS, {buf_words}
	.equ SCRATCH_WORDS, {scratch_words}
	.equ SAVED_REGS, 14		@ r0-r12 and r14, pushed by dt_case_done
	.equ RECORD_SIZE, {record_size}
	.equ APSR_MASK_HI, {apsr_hi}

	.section .dtbuf, "aw", %progbits
	.balign 8
dt_buf:	.space 4 * (BUF_WORDS + SCRATCH_WORDS)

	.bss
	.balign 4
dt_index:	.space 4		@ the case running now
dt_sp:		.space 4		@ SP at entry, restored after each case
dt_record:	.space RECORD_SIZE

	.text
	.global _start
_start:
	@ argv[1], when given, is the first case to run: the harness resumes
	@ after a case that killed the emulator under test.
	mov r4, #0
	ldr r0, [sp]
	cmp r0, #2
	blt 2f
	ldr r1, [sp, #8]
1:	ldrb r2, [r1], #1
	sub r2, r2, #'0'
	cmp r2, #9
	bhi 2f
	add r4, r4, r4, lsl #2
	add r4, r2, r4, lsl #1
	b 1b
2:	movw r0, #:lower16:dt_index
	movt r0, #:upper16:dt_index
	str r4, [r0]
	movw r0, #:lower16:dt_sp
	movt r0, #:upper16:dt_sp
	str sp, [r0]
dt_next:
	movw r0, #:lower16:dt_index
	movt r0, #:upper16:dt_index
	ldr r1, [r0]
	movw r2, #NCASES
	cmp r1, r2
	bhs dt_exit
	movw r2, #:lower16:dt_cases
	movt r2, #:upper16:dt_cases
	ldr pc, [r2, r1, lsl #2]
dt_exit:
	mov r0, #0
	mov r7, #SYS_EXIT
	svc #0

	@ Fills the buffer from the xorshift32 state in r0.
dt_fill_buf:
	movw r1, #:lower16:dt_buf
	movt r1, #:upper16:dt_buf
	mov r2, #BUF_WORDS
1:	eor r0, r0, r0, lsl #13
	eor r0, r0, r0, lsr #17
	eor r0, r0, r0, lsl #5
	str r0, [r1], #4
	subs r2, r2, #1
	bne 1b
	bx lr
	.ltorg
"""

CASE_DONE = r"""
	@ Every case branches here: record registers, flags and buffer.
dt_case_done:
	stmdb sp!, {r0-r12, r14}
	mrs r4, APSR
	movw r5, #:lower16:dt_record
	movt r5, #:upper16:dt_record
	movw r6, #:lower16:dt_index
	movt r6, #:upper16:dt_index
	ldr r0, [r6]
	str r0, [r5]
	mov r1, sp
	add r2, r5, #4
	mov r3, #13
1:	ldr r0, [r1], #4
	str r0, [r2], #4
	subs r3, r3, #1
	bne 1b
	add r0, sp, #4 * SAVED_REGS
	movw r8, #:lower16:dt_sp
	movt r8, #:upper16:dt_sp
	ldr r7, [r8]
	sub r0, r0, r7
	str r0, [r2], #4
	ldr r0, [r1]
	str r0, [r2], #4
	mov r3, #0
	movt r3, #APSR_MASK_HI
	and r4, r4, r3
	str r4, [r2], #4
	movw r1, #:lower16:dt_buf
	movt r1, #:upper16:dt_buf
	mov r3, #BUF_WORDS
1:	ldr r0, [r1], #4
	str r0, [r2], #4
	subs r3, r3, #1
	bne 1b
	mov r0, #STDOUT
	mov r1, r5
	movw r2, #RECORD_SIZE
	mov r7, #SYS_WRITE
	svc #0
	ldr sp, [r8]
	ldr r0, [r6]
	add r0, r0, #1
	str r0, [r6]
	b dt_next
"""


# Thumb cases end with a B here: B cannot change state, LDR PC can.
THUMB_DONE = r"""
	.thumb
	.balign 4
dt_case_done_thumb:
	ldr.w pc, 1f
1:	.word dt_case_done
	.arm
	.balign 4
"""


class Program:
    def __init__(self, seed, label, cases, text, isa="arm"):
        self.seed, self.label = seed, label
        self.cases, self.text, self.isa = cases, text, isa


def build_program(seed, ncases, label, isa="arm"):
    """The program for `seed`: `ncases` cases of the classes `label` names
    (see parse_classes), in A32 or, with isa "thumb", in T32."""
    classes = parse_classes(label, isa)
    rng = Rng(seed)
    cases = [build_case(rng, i, classes, isa) for i in range(ncases)]
    return Program(seed, label, cases, program_text(cases), isa)


def program_text(cases):
    """The assembly of a program running `cases` in order.  The driver's
    LDR PC enters a Thumb case through its address with bit 0 set."""
    head = DRIVER.format(ncases=len(cases), buf_words=BUF_SIZE // 4,
                         scratch_words=SCRATCH_WORDS,
                         record_size=RECORD_SIZE, apsr_hi=APSR_MASK >> 16)
    thumb = bool(cases) and cases[0].isa == "thumb"
    table = ["\t.section .rodata", "\t.balign 4", "dt_cases:"]
    table += ["\t.word .Ldt_case%d%s" % (c.no, " + 1" if thumb else "")
              for c in cases]
    done = [THUMB_DONE, CASE_DONE] if thumb else [CASE_DONE]
    return "\n".join([head] + [case_text(c) for c in cases] +
                      done + table) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--cases", type=int, default=100)
    ap.add_argument("--class", dest="cls", default="all")
    ap.add_argument("--isa", choices=("arm", "thumb"), default="arm")
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args()
    prog = build_program(args.seed, args.cases, args.cls, args.isa)
    out = sys.stdout if args.output == "-" else open(args.output, "w")
    out.write(prog.text)


if __name__ == "__main__":
    main()
