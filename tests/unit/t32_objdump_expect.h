/* What GNU objdump should print for a decoded 32-bit T32 instruction
 * (t32_objdump_expect.c): the A32 expectations (a32_objdump_expect.h)
 * with Thumb's spellings and operand forms on top. */
#ifndef TESTS_T32_OBJDUMP_EXPECT_H
#define TESTS_T32_OBJDUMP_EXPECT_H

#include "a32_objdump_expect.h"

/* The mnemonics objdump may print, without its ".w"/".n" width suffix. */
int t32x_mnemonics(const struct a32_insn *d, char out[A32X_MAX_MNEM][24]);
/* The registers objdump names, in order; -1 when not checked. */
int t32x_regs(const struct a32_insn *d, const char *mnem, uint8_t *r);
/* NULL if the immediates and branch targets in ops agree, else what
 * differs. addr is the instruction's address. */
const char *t32x_operands(const struct a32_insn *d, uint32_t addr,
			  const char *ops);

#endif
