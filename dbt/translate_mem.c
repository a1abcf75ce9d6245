/* Loads and stores (ARM DDI 0406C A5.2.8, A5.3, A5.5 LDM/STM, A5.2.10
 * synchronization). A guest address is formed in a 32-bit register and
 * used with the 67h prefix, so the access is one x86 MOV that wraps at
 * 4 GiB like the ARM one. Registers: the base/address in EDX, the value
 * in ECX, an offset in ESI. The access comes before any writeback, so a
 * fault leaves every guest register as before the instruction. */
#include "cache.h"
#include "translate.h"
#include "translate_sys.h"

#define ADDR X86_RDX
#define VAL X86_RCX
#define OFF X86_RSI
#define HELD_BASE X86_RSI   /* LDM: value for Rn, written last */
#define HELD_PC X86_RDI     /* LDM: value for PC, branched to last */
#define MAX_INDEX_SHIFT 3   /* SIB scales 1, 2, 4, 8 */

struct access {
	unsigned size;
	bool is_signed, is_load;
};

/* Emit one access of a.size bytes between m and host reg val. */
static void emit_access(struct tr *t, struct access a, struct x86_mem m,
			int val, unsigned guest_reg)
{
	struct x86_buf *b = &t->b;
	tr_record_access(t, b->p, a.size, a.is_signed, !a.is_load, guest_reg);
	if (!a.is_load)
		x86_store(b, a.size, m, val);
	else if (a.size == 4)
		x86_load(b, 4, val, m);
	else if (a.is_signed)
		x86_movsx_rm(b, a.size, val, m);
	else
		x86_movzx_rm(b, a.size, val, m);
}

static void access_of(unsigned op, struct access *a)
{
	*a = (struct access){ .size = 4, .is_load = true };
	switch (op) {
	case A32_STR: case A32_STRT: case A32_STRD:
		a->is_load = false;
		break;
	case A32_LDRB: case A32_LDRBT:
		a->size = 1;
		break;
	case A32_STRB: case A32_STRBT:
		a->size = 1;
		a->is_load = false;
		break;
	case A32_LDRH: case A32_LDRHT:
		a->size = 2;
		break;
	case A32_STRH: case A32_STRHT:
		a->size = 2;
		a->is_load = false;
		break;
	case A32_LDRSH: case A32_LDRSHT:
		a->size = 2;
		a->is_signed = true;
		break;
	case A32_LDRSB: case A32_LDRSBT:
		a->size = 1;
		a->is_signed = true;
		break;
	default:
		break;
	}
}

/* The offset as a memory operand relative to the base register: [base
 * + disp] or [base + index*scale + disp]. Shifted or subtracted register
 * offsets are computed into ESI (NOT + 1 for subtraction, keeping
 * EFLAGS). */
static struct x86_mem offset_mem(struct tr *t, const struct a32_insn *in,
				 int base)
{
	struct x86_buf *b = &t->b;
	if (in->form == A32_FORM_IMM)
		return x86_g(base, X86_NOREG, 1,
			     (int32_t)(in->u ? in->imm : -in->imm));
	int scale = 1;
	unsigned n = in->shift_amount;
	if (in->shift_type == A32_SHIFT_LSL && n <= MAX_INDEX_SHIFT && in->u)
		return x86_g(base, tr_src(t, in->rm, OFF), 1 << n, 0);
	tr_get(t, OFF, in->rm);
	if (in->shift_type == A32_SHIFT_RRX) {
		tr_clobber(t);
		tr_flags_host(t);
		if (t->c_inv)
			x86_cmc(b);
		t->c_inv = false;
		x86_shift_ri(b, X86_RCR, 4, OFF, 1);
		t->fl_host = false;
	} else if (!(in->shift_type == A32_SHIFT_LSL && n == 0)) {
		static const enum x86_shift x86_of[] = { X86_SHL, X86_SHR, X86_SAR, X86_ROR };
		tr_clobber(t);
		if (n == 32 && in->shift_type == A32_SHIFT_LSR)
			x86_alu_rr(b, X86_XOR, 4, OFF, OFF);
		else
			x86_shift_ri(b, x86_of[in->shift_type], 4, OFF,
				     (uint8_t)(n == 32 ? 31 : n));
	}
	if (in->u)
		return x86_g(base, OFF, scale, 0);
	x86_unary(b, X86_NOT, 4, OFF);
	return x86_g(base, OFF, 1, 1);
}

static struct x86_mem base_mem(int base)
{
	return x86_g(base, X86_NOREG, 1, 0);
}

/* Where a load puts its value: Rt's cache register when nothing else
 * still needs the old one, else VAL (then copied). */
static int load_target(struct tr *t, const struct a32_insn *in, bool dual)
{
	if (dual || in->rt == ARM_REG_PC ||
	    (in->form != A32_FORM_IMM && in->rm == in->rt))
		return VAL;
	return tr_dst(t, in->rt);
}

static void ldr_str(struct tr *t, const struct a32_insn *in)
{
	struct access a;
	access_of(in->op, &a);
	bool dual = in->op == A32_LDRD || in->op == A32_STRD;
	bool wback = !in->p || in->w;
	int base = tr_src(t, in->rn, ADDR);
	struct x86_mem off = offset_mem(t, in, base);
	struct x86_mem at = in->p ? off : base_mem(base);
	struct x86_mem at2 = at;
	at2.disp += 4;
	/* LDRD/STRD need word alignment whatever SCTLR.A (A3.2.1). */
	tr_sys_align(t, at, dual ? 4 : a.size, dual, !a.is_load);
	int val = VAL;
	if (!a.is_load) {
		val = tr_src(t, in->rt, VAL);
		emit_access(t, a, at, val, in->rt);
		if (dual)
			emit_access(t, a, at2, tr_src(t, in->rt2, X86_RDI), in->rt2);
	} else {
		val = load_target(t, in, dual);
		emit_access(t, a, at, val, in->rt);
		if (dual)
			emit_access(t, a, at2, X86_RDI, in->rt2);
	}
	if (wback)
		x86_lea(&t->b, 4, tr_dst(t, in->rn), off);
	if (!a.is_load)
		return;
	if (dual)
		tr_put(t, in->rt2, X86_RDI);
	if (in->rt == ARM_REG_PC)
		tr_end_indirect(t, VAL);
	else if (val == VAL)
		tr_put(t, in->rt, VAL);
}

static unsigned popcount16(unsigned v)
{
	unsigned n = 0;
	for (; v; v &= v - 1)
		n++;
	return n;
}

/* LDM/STM (A8.8.57-A8.8.62, A8.8.197-A8.8.200): ascending registers at
 * ascending addresses from the lowest; Rn and PC loaded last. */
static void ldm_stm(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;
	bool load = in->op == A32_LDM;
	int32_t n = (int32_t)popcount16(in->reglist);
	int32_t first = in->u ? (in->p ? 4 : 0) : (in->p ? -4 * n : -4 * n + 4);
	tr_get(t, ADDR, in->rn);
	tr_sys_align(t, x86_g(ADDR, X86_NOREG, 1, first), 4, true, !load);
	int32_t k = 0;
	struct access a = { .size = 4, .is_load = load };
	for (unsigned r = 0; r < 16; r++) {
		if (!(in->reglist & (1u << r)))
			continue;
		struct x86_mem m = x86_g(ADDR, X86_NOREG, 1, first + 4 * k++);
		if (!load) {
			tr_get(t, VAL, r);
			emit_access(t, a, m, VAL, r);
			continue;
		}
		int dst = r == ARM_REG_PC ? HELD_PC : r == in->rn ? HELD_BASE : VAL;
		emit_access(t, a, m, dst, r);
		if (dst == VAL)
			tr_put_mem(t, r, VAL);
	}
	bool base_loaded = load && (in->reglist & (1u << in->rn));
	if (in->w && !base_loaded) {
		x86_lea(b, 4, ADDR, x86_g(ADDR, X86_NOREG, 1, in->u ? 4 * n : -4 * n));
		tr_put(t, in->rn, ADDR);
	}
	if (base_loaded)
		tr_put(t, in->rn, HELD_BASE);
	if (load && (in->reglist & (1u << ARM_REG_PC)))
		tr_end_indirect(t, HELD_PC);
}

static unsigned excl_size(unsigned op)
{
	switch (op) {
	case A32_LDREXB: case A32_STREXB: return 1;
	case A32_LDREXH: case A32_STREXH: return 2;
	default: return 4;
	}
}

/* One guest CPU, so the local monitor (A3.4.1) is an address and a valid
 * bit: STREX succeeds iff the last LDREX was to the same address with no
 * CLREX or STREX since. */
/* The address of an exclusive access: Rn, plus T32 LDREX/STREX's
 * offset (A8.8.75). */
static void excl_address(struct tr *t, const struct a32_insn *in)
{
	tr_get(t, ADDR, in->rn);
	if (in->imm)
		x86_lea(&t->b, 4, ADDR, x86_g(ADDR, X86_NOREG, 1, (int32_t)in->imm));
}

static void ldrex(struct tr *t, const struct a32_insn *in)
{
	struct access a = { .size = excl_size(in->op), .is_load = true };
	excl_address(t, in);
	tr_sys_align(t, base_mem(ADDR), in->op == A32_LDREXD ? 8 : a.size,
		     true, false);
	emit_access(t, a, base_mem(ADDR), VAL, in->rt);
	if (in->op == A32_LDREXD) {
		emit_access(t, a, x86_g(ADDR, X86_NOREG, 1, 4), X86_RDI, in->rt2);
		tr_put(t, in->rt2, X86_RDI);
	}
	tr_put(t, in->rt, VAL);
	x86_store(&t->b, 4, TR_CPU_FIELD(exclusive_addr), ADDR);
	x86_store_imm(&t->b, 1, TR_CPU_FIELD(exclusive_valid), 1);
}

static void strex(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;
	struct access a = { .size = excl_size(in->op), .is_load = false };
	tr_clobber(t);
	excl_address(t, in);
	/* Before the monitor check: the manual's ExclusiveMonitorsPass()
	 * faults an unaligned address even when the store would fail. */
	tr_sys_align(t, base_mem(ADDR), in->op == A32_STREXD ? 8 : a.size,
		     true, true);
	tr_get(t, VAL, in->rt);
	if (in->op == A32_STREXD)
		tr_get(t, X86_RDI, in->rt2);
	/* The status is stored on two paths below, past the cache. */
	tr_forget(t, in->rd);
	x86_alu_mi(b, X86_CMP, 1, TR_CPU_FIELD(exclusive_valid), 0);
	uint8_t *fail1 = x86_jcc(b, X86_CC_E, b->p);
	x86_alu_rm(b, X86_CMP, 4, ADDR, TR_CPU_FIELD(exclusive_addr));
	uint8_t *fail2 = x86_jcc(b, X86_CC_NE, b->p);
	emit_access(t, a, base_mem(ADDR), VAL, in->rt);
	if (in->op == A32_STREXD)
		emit_access(t, a, x86_g(ADDR, X86_NOREG, 1, 4), X86_RDI, in->rt2);
	x86_store_imm(b, 4, tr_reg_mem(in->rd), 0);
	uint8_t *done = x86_jmp8(b);
	x86_patch_rel32(fail1, b->p);
	x86_patch_rel32(fail2, b->p);
	x86_store_imm(b, 4, tr_reg_mem(in->rd), 1);
	x86_patch_rel8(done, b->p);
	x86_store_imm(b, 1, TR_CPU_FIELD(exclusive_valid), 0);
}

/* SWP/SWPB (A8.8.229): Rt = [Rn]; [Rn] = Rt2, in that order. */
static void swp(struct tr *t, const struct a32_insn *in)
{
	unsigned size = in->op == A32_SWPB ? 1 : 4;
	tr_get(t, ADDR, in->rn);
	/* The load comes first, so a misaligned SWP is a read fault. */
	tr_sys_align(t, base_mem(ADDR), size, true, false);
	emit_access(t, (struct access){ .size = size, .is_load = true },
		    base_mem(ADDR), VAL, in->rt);
	tr_get(t, X86_RSI, in->rt2);
	emit_access(t, (struct access){ .size = size, .is_load = false },
		    base_mem(ADDR), X86_RSI, in->rt2);
	tr_put(t, in->rt, VAL);
}

/* TBB/TBH (A8.8.229): a forward branch by twice the byte or halfword at
 * Rn + Rm (Rn + 2 * Rm), staying in Thumb state. */
static void table_branch(struct tr *t, const struct a32_insn *in)
{
	bool half = in->op == A32_TBH;
	struct access a = { .size = half ? 2 : 1, .is_load = true };
	int base = tr_src(t, in->rn, ADDR);
	int index = tr_src(t, in->rm, OFF);
	struct x86_mem m = x86_g(base, index, half ? 2 : 1, 0);
	tr_sys_align(t, m, a.size, false, false);
	emit_access(t, a, m, VAL, ARM_REG_PC);
	x86_lea(&t->b, 4, X86_RDX,
		x86_g(X86_NOREG, VAL, 2, (int32_t)tr_tag(t, tr_pc_value(t))));
	tr_end_indirect(t, X86_RDX);
}

bool dbt_tr_mem(struct tr *t, const struct a32_insn *in)
{
	unsigned op = in->op;
	if ((op >= A32_LDR && op <= A32_STRHT))
		ldr_str(t, in);
	else if (op == A32_LDM || op == A32_STM)
		ldm_stm(t, in);
	else if (op >= A32_LDREX && op <= A32_LDREXD)
		ldrex(t, in);
	else if (op >= A32_STREX && op <= A32_STREXD)
		strex(t, in);
	else if (op == A32_SWP || op == A32_SWPB)
		swp(t, in);
	else if (op == A32_TBB || op == A32_TBH)
		table_branch(t, in);
	else
		return false;
	return true;
}
