/* What GNU objdump should print for a decoded A32 instruction
 * (a32_objdump_expect.c), for the decoder test. */
#ifndef TESTS_A32_OBJDUMP_EXPECT_H
#define TESTS_A32_OBJDUMP_EXPECT_H

#include <stdbool.h>
#include <stdint.h>

#include "dbt/a32_decode.h"

#define A32X_MAX_MNEM 8     /* spellings objdump may choose among */
#define A32X_MAX_REGS 24
#define A32X_MAX_OPS 160    /* operand text */

/* The mnemonics (condition and S included) objdump may print; count. */
int a32x_mnemonics(const struct a32_insn *d, char out[A32X_MAX_MNEM][24]);
/* The registers objdump names, in order, given the mnemonic it chose;
 * count, or -1 when the op's registers are not checked. */
int a32x_regs(const struct a32_insn *d, const char *mnem, uint8_t *r);
/* NULL if the immediates, fields and shifts in ops agree, else what
 * differs. addr is the instruction's address (branch targets). */
const char *a32x_operands(const struct a32_insn *d, uint32_t addr,
			  const char *ops);

/* Shared by the decoder tests' objdump drivers (test_a32_decode.c,
 * test_t32_decode.c): a seeded generator (xorshift64*), the registers
 * named in objdump's operand text (r0-r12/sp/lr/pc, reg-names-std), and
 * whether an op is a coprocessor instruction. */
void a32x_seed(uint64_t seed);
uint32_t a32x_random(void);
int a32x_parse_regs(const char *ops, uint8_t *r);
bool a32x_is_coproc(const struct a32_insn *d);

#endif
