/* What GNU objdump prints for a decoded 32-bit T32 instruction, where it
 * differs from the A32 spelling of the same op (a32_objdump_expect.c):
 * ADDW/SUBW, MOV with a shift written as MOV, ERET, the two-register
 * forms of LDRD/LDREXD, TBB/TBH, and branch targets taken from PC = the
 * instruction's address + 4. Only the decoder's fields go in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t32_objdump_expect.h"

#define R(...) do { const uint8_t v_[] = { __VA_ARGS__ }; \
	memcpy(r, v_, sizeof(v_)); n = (int)sizeof(v_); } while (0)

/* Data processing (plain binary immediate), A6.3.3: hw1 11110x1, hw2
 * bit 15 clear. */
static bool plain_imm(uint32_t raw)
{
	return (raw & 0xfa008000u) == 0xf2000000u;
}

static int add(char out[A32X_MAX_MNEM][24], int n, const char *s)
{
	if (n < A32X_MAX_MNEM)
		snprintf(out[n++], 24, "%s", s);
	return n;
}

static const char *const cond_names[16] = {
	"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
	"hi", "ls", "ge", "lt", "gt", "le", "al", "nv",
};

/* IT's mnemonic spells the mask (A8.8.54): after the first instruction,
 * 't' where a mask bit equals firstcond[0], 'e' where not, down to the
 * mask's lowest set bit. */
static const char *it_mnemonic(uint32_t imm)
{
	static char m[8];
	unsigned firstcond = imm >> 4 & 0xfu, mask = imm & 0xfu, k = 2;
	snprintf(m, sizeof(m), "it");
	for (unsigned b = 3; mask && (mask & ((1u << b) - 1u)); b--)
		m[k++] = ((mask >> b) & 1u) == (firstcond & 1u) ? 't' : 'e';
	m[k] = '\0';
	return m;
}

int t32x_mnemonics(const struct a32_insn *d, char out[A32X_MAX_MNEM][24])
{
	int n = a32x_mnemonics(d, out);

	switch (d->op) {
	case A32_ADD: case A32_SUB:
		if (plain_imm(d->raw))
			n = add(out, n, d->op == A32_ADD ? "addw" : "subw");
		if (d->s && d->rd == 15 && d->rn == 14 && d->imm == 0)
			n = add(out, n, "eret");
		break;
	case A32_RSB:
		if (d->size == 2)   /* RSBS Rd, Rn, #0 (A8.8.152 T1) */
			n = add(out, n, "negs");
		break;
	case A32_MOV:
		/* MOV r8, r8 is the Thumb-1 NOP. */
		if (d->size == 2 && d->rd == 8 && d->rm == 8)
			n = add(out, n, "nop");
		/* objdump writes "mov.w r0, r1, lsl #3" for the shifts. */
		if (d->form == A32_FORM_REG_IMM)
			n = add(out, n, d->s ? "movs" : "mov");
		break;
	case A32_IT:
		n = add(out, n, it_mnemonic(d->imm));
		break;
	case A32_NOP:
		/* ARMv8's SEVL is an unallocated hint, a NOP, in ARMv7. */
		if (d->raw == 0xbf50)
			n = add(out, n, "sevl");
		break;
	case A32_ORN:
		/* ORN is T32 only, so the A32 table of S-setting ops lacks it. */
		if (d->s)
			snprintf(out[0], 24, "orns");
		break;
	default:
		break;
	}
	return n;
}

int t32x_regs(const struct a32_insn *d, const char *mnem, uint8_t *r)
{
	int n = 0;

	if (!strcmp(mnem, "nop"))   /* MOV r8, r8 */
		return 0;
	switch (d->op) {
	case A32_LDRD: case A32_STRD: case A32_LDREXD:
		R(d->rt, d->rt2, d->rn); return n;
	case A32_STREXD:
		R(d->rd, d->rt, d->rt2, d->rn); return n;
	case A32_TBB: case A32_TBH:
		R(d->rn, d->rm); return n;
	default:
		return a32x_regs(d, mnem, r);
	}
}

static long first_imm(const char *ops)
{
	const char *h = strchr(ops, '#');
	return h ? strtol(h + 1, NULL, 0) : 0;
}

const char *t32x_operands(const struct a32_insn *d, uint32_t addr,
			  const char *ops)
{
	uint32_t pc = addr + 4;

	switch (d->op) {
	case A32_B: case A32_BL:
		return strtoul(ops, NULL, 16) == pc + d->imm ? NULL
							      : "branch target";
	case A32_BLX_IMM:
		return strtoul(ops, NULL, 16) == (pc & ~3u) + d->imm
			       ? NULL : "branch target";
	case A32_CBZ: case A32_CBNZ:
		return strtoul(strchr(ops, ',') ? strchr(ops, ',') + 1 : ops,
			       NULL, 16) == pc + d->imm ? NULL : "branch target";
	case A32_SVC:
		if (d->size == 2)   /* T1's imm8, in decimal */
			return strtoul(ops, NULL, 10) == d->imm ? NULL : "svc imm";
		return a32x_operands(d, addr, ops);
	case A32_IT:
		return !strcmp(ops, cond_names[d->imm >> 4 & 0xfu]) ? NULL
								  : "condition";
	case A32_LDREX: case A32_STREX:
		return (uint32_t)first_imm(ops) == d->imm ? NULL : "offset";
	case A32_SMC: case A32_HVC: case A32_DBG:
		return (uint32_t)first_imm(ops) == d->imm ? NULL : "imm";
	default:
		return a32x_operands(d, addr, ops);
	}
}
