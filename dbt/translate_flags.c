/* Where the guest's NZCV lives while a block runs (DESIGN.md
 * "Translation": ARM flags in x86 flags, materialised only when read).
 * EFLAGS SF/ZF/CF/OF hold N/Z/C/V (CF inverted after a subtraction when
 * c_inv); flags_priv[TR_FLAGS_SAVED] holds the LAHF/SETO image. A logical
 * instruction that keeps C and V leaves N and Z in EFLAGS and C and V in
 * the image ("split"), so runs of TST/ANDS cost no flag moves. */
#include "cache.h"
#include "translate.h"

#define OF_FROM_BYTE 0x7f  /* 1 + 0x7f overflows a byte, 0 + 0x7f not */
#define LAHF_SF_ZF 0xc0    /* SF and ZF in the LAHF image (SDM "LAHF") */
#define LAHF_CF 0x01
#define IMAGE_AH_BYTE 1    /* the LAHF byte within the saved image */

enum {
	COND_CS = 2, COND_CC = 3, COND_HI = 8, COND_LS = 9,
};

static struct x86_mem image_ah(void)
{
	struct x86_mem m = TR_FLAGS_FIELD(TR_FLAGS_SAVED);
	m.disp += IMAGE_AH_BYTE;
	return m;
}

static void flags_save(struct tr *t)
{
	if (t->c_inv)
		x86_cmc(&t->b);
	t->c_inv = false;
	/* LAHF and byte writes merge into RAX; where partial registers are
	 * not renamed apart (AMD Zen) a full write first keeps them off a
	 * dependency chain through every earlier flag transfer. */
	x86_mov_ri(&t->b, 4, X86_RAX, 0);
	x86_lahf(&t->b);
	x86_setcc(&t->b, X86_CC_O, X86_RAX);
	x86_store(&t->b, 2, TR_FLAGS_FIELD(TR_FLAGS_SAVED), X86_RAX);
	t->fl_mem = true;
}

/* AH = the LAHF image of a split state, with C from the image for
 * TR_SPLIT_NZ. Loads and register operations only: a read-modify-write
 * of the image would chain store forwarding through every instruction. */
static void split_ah(struct x86_buf *b, enum tr_split split)
{
	x86_mov_ri(b, 4, X86_RAX, 0);  /* see flags_save() */
	x86_lahf(b);
	if (split == TR_SPLIT_NZC)
		return;
	x86_load(b, 1, X86_RAX, image_ah());
	x86_alu_ri(b, X86_AND, 1, X86_RAX, LAHF_CF);
	x86_alu_ri(b, X86_AND, 1, X86_AH, LAHF_SF_ZF);
	x86_alu_rr(b, X86_OR, 1, X86_AH, X86_RAX);
}

/* A split state's EFLAGS part into the image, which then holds all
 * four. Clobbers RAX, and EFLAGS for TR_SPLIT_NZ. */
void tr_flags_merge(struct x86_buf *b, enum tr_split split)
{
	split_ah(b, split);
	x86_store(b, 1, image_ah(), X86_AH);
}

static uint8_t split_host_flags(enum tr_split split)
{
	return split == TR_SPLIT_NZC ? (TR_N | TR_Z | TR_C)
	     : split == TR_SPLIT_NZ ? (TR_N | TR_Z) : 0;
}

static void unsplit(struct tr *t)
{
	if (!t->split)
		return;
	if (t->keep & split_host_flags(t->split))
		tr_flags_merge(&t->b, t->split);
	t->split = TR_SPLIT_NONE;
	t->fl_mem = true;
}

void tr_clobber(struct tr *t)
{
	unsplit(t);
	if (t->fl_host && !t->fl_mem && t->keep)
		flags_save(t);
	t->fl_host = false;
}

void tr_flags_host(struct tr *t)
{
	if (t->fl_host)
		return;
	if (t->split) {
		/* EFLAGS from the split state without a trip through memory:
		 * SF ZF CF by SAHF, OF from the image's byte by ADD. */
		split_ah(&t->b, t->split);
		x86_load(&t->b, 1, X86_RAX, TR_FLAGS_FIELD(TR_FLAGS_SAVED));
		x86_alu_ri(&t->b, X86_ADD, 1, X86_RAX, OF_FROM_BYTE);
		x86_sahf(&t->b);
		t->split = TR_SPLIT_NONE;
		t->fl_mem = false;
	} else if (t->fl_mem) {
		/* Two byte loads: the image's bytes are often just stored
		 * separately, and a wider load would not be forwarded. */
		x86_movzx_rm(&t->b, 1, X86_RAX, TR_FLAGS_FIELD(TR_FLAGS_SAVED));
		x86_load(&t->b, 1, X86_AH, image_ah());
		x86_alu_ri(&t->b, X86_ADD, 1, X86_RAX, OF_FROM_BYTE);
		x86_sahf(&t->b);
	}
	t->c_inv = false;
	t->fl_host = true;
}

void tr_flags_canonical(struct tr *t)
{
	tr_flags_host(t);
	if (t->c_inv)
		x86_cmc(&t->b);
	t->c_inv = false;
}

/* N and Z from a result already in EFLAGS (or tested now), C and V kept
 * in the image: the instruction keeps C and V, so tr_clobber() saved them
 * when live. carry >= 0 replaces C (0/1); carry_reg, if not X86_NOREG,
 * holds the new C as 0/1 instead. */
void tr_flags_nz(struct tr *t, int res, x86_width w, bool nz_set, int carry,
		 int carry_reg)
{
	struct x86_buf *b = &t->b;
	bool need_cv = t->live_after & (TR_C | TR_V);
	bool new_c = (t->live_after & TR_C) && (carry >= 0 || carry_reg != X86_NOREG);
	tr_clobber(t);
	if (new_c && carry_reg != X86_NOREG) {
		/* Into the image: no x86 way to set CF from a register
		 * keeping SF and ZF. */
		x86_alu_mi(b, X86_AND, 1, image_ah(), (int32_t)(uint8_t)~LAHF_CF);
		x86_alu_mr(b, X86_OR, 1, image_ah(), carry_reg);
		nz_set = false;
	}
	bool c_host = new_c && carry_reg == X86_NOREG;
	if (!nz_set || c_host)
		x86_test_rr(b, w, res, res);  /* also CF = 0 */
	if (c_host && carry)
		x86_stc(b);
	t->c_inv = false;
	t->fl_mem = false;
	t->fl_host = !need_cv;
	t->split = !need_cv ? TR_SPLIT_NONE
		 : c_host ? TR_SPLIT_NZC : TR_SPLIT_NZ;
}

void tr_flags_nzc_host(struct tr *t)
{
	t->c_inv = false;
	t->fl_mem = false;
	t->fl_host = !(t->live_after & TR_V);
	t->split = t->fl_host ? TR_SPLIT_NONE : TR_SPLIT_NZC;
}

void tr_set_nz(struct tr *t, int host, x86_width w)
{
	tr_flags_nz(t, host, w, false, -1, X86_NOREG);
}

/* The x86 condition that holds when the ARM condition passes. A split
 * state serves the conditions that read only what it has in EFLAGS. */
enum x86_cc tr_cond_cc(struct tr *t, unsigned cond)
{
	static const enum x86_cc simple[] = {
		X86_CC_E, X86_CC_NE, X86_CC_B, X86_CC_AE, X86_CC_S, X86_CC_NS,
		X86_CC_O, X86_CC_NO, X86_CC_A, X86_CC_BE, X86_CC_GE, X86_CC_L,
		X86_CC_G, X86_CC_LE,
	};
	/* HI and LS flip CF below, which split states do not track. */
	if ((tr_cond_reads[cond] & ~split_host_flags(t->split)) ||
	    cond == COND_HI || cond == COND_LS)
		tr_flags_host(t);
	if (cond == COND_CS || cond == COND_CC)  /* which way CF points */
		return t->c_inv ? X86_CC_INVERT(simple[cond]) : simple[cond];
	if (cond == COND_HI || cond == COND_LS) { /* A/BE need CF = NOT C */
		if (!t->c_inv)
			x86_cmc(&t->b);
		t->c_inv = true;
	}
	return simple[cond];
}

struct tr_flag_state tr_flags_get(const struct tr *t)
{
	return (struct tr_flag_state){ t->fl_host, t->fl_mem, t->c_inv,
				       t->split };
}

void tr_flags_set(struct tr *t, struct tr_flag_state s)
{
	t->fl_host = s.fl_host;
	t->fl_mem = s.fl_mem;
	t->c_inv = s.c_inv;
	t->split = s.split;
}

/* After a conditional instruction's body: make this way's flags sit where
 * the skipped way (state s0) has them. */
void tr_flags_join(struct tr *t, struct tr_flag_state s0)
{
	if (!t->live_after) {
		t->fl_host = t->fl_mem = false;
		t->split = TR_SPLIT_NONE;
		return;
	}
	if (s0.split) {
		if (t->split == s0.split)
			return;
		if (t->split == TR_SPLIT_NZC && s0.split == TR_SPLIT_NZ) {
			tr_flags_merge(&t->b, TR_SPLIT_NZC);
		} else {
			/* Everything in EFLAGS (CF = C) and in the image. */
			tr_flags_host(t);
			if (!t->fl_mem)
				flags_save(t);
			if (t->c_inv)
				x86_cmc(&t->b);
		}
		t->fl_host = t->fl_mem = t->c_inv = false;
		t->split = s0.split;
		return;
	}
	tr_flags_host(t);
	if (t->c_inv != s0.c_inv)
		x86_cmc(&t->b);
	t->c_inv = s0.c_inv;
	t->fl_mem = t->fl_mem && s0.fl_mem;
}

uint8_t tr_flags_fault_state(const struct tr *t)
{
	if (t->fl_host)
		return t->c_inv ? DBT_FF_HOST_INV : DBT_FF_HOST;
	return t->split == TR_SPLIT_NZ ? DBT_FF_SPLIT_NZ
	     : t->split == TR_SPLIT_NZC ? DBT_FF_SPLIT_NZC : DBT_FF_MEM;
}
