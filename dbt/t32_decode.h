/* Declarative decoder for the ARMv7-A T32 (Thumb) instruction set (ARM
 * DDI 0406C, chapter A6 "Thumb Instruction Set Encoding"). It fills the
 * same struct a32_insn as the A32 decoder, with the A32 op that does the
 * same work (ADDS Rd, Rn, #imm3 is A32_ADD with s set, PUSH is A32_STM
 * DB with writeback of SP, ...), so one translator serves both; the few
 * T32-only instructions have ops of their own (A32_CBZ, A32_IT, ...).
 *
 * What the A32 fields do not say by themselves:
 *  - size is 2 or 4; raw is the halfword, or hw1 << 16 | hw2.
 *  - cond is A32_COND_AL except for the conditional branches (B T1/T3):
 *    an IT block's conditions are the translator's business.
 *  - s_unless_it marks the 16-bit encodings whose flags are set only
 *    outside an IT block (setflags = !InITBlock()); s is 1 for them.
 *  - pc_align marks the encodings that read PC as Align(PC, 4) (ADR,
 *    literal loads); elsewhere PC reads as the instruction's address + 4.
 *  - branch offsets in imm are relative to that PC (BLX imm: to
 *    Align(PC, 4)); CBZ/CBNZ's imm is zero-extended.
 *  - UNPREDICTABLE encodings are flagged in unpred, as in A32. */
#ifndef DBT_T32_DECODE_H
#define DBT_T32_DECODE_H

#include <stdbool.h>
#include <stdint.h>

#include "a32_decode.h"

/* Is hw1 the first halfword of a 32-bit encoding (A6.1: bits 15:11 are
 * 0b11101, 0b11110 or 0b11111)? */
static inline bool t32_is_wide(uint16_t hw1)
{
	return (hw1 >> 11) >= 0x1d;
}

/* Decode the T32 instruction starting with hw1 (hw2 is read only for a
 * 32-bit encoding). Always fills *out, out->size included; returns 0 for
 * a defined op, -1 for UNDEFINED. */
int t32_decode(uint16_t hw1, uint16_t hw2, struct a32_insn *out);

/* The two halves (t16_decode.c, t32_decode_wide.c), same contract. */
int t16_decode(uint16_t hw, struct a32_insn *out);
int t32_decode_wide(uint32_t insn, struct a32_insn *out);

#endif
