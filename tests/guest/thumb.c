/* Thumb state at PL1 and PL0 (ARM DDI 0406C A2.5, B1.8, B1.9): BLX into
 * Thumb code; SVC and UDF from Thumb with A32 handlers (SCTLR.TE = 0,
 * returning with MOVS pc, lr) and with Thumb handlers (TE = 1, returning
 * with SUBS pc, lr and with RFE after SRS); a data abort on a load in an
 * IT block, the block going on after the return (ITSTATE saved in and
 * restored from the SPSR); a device access in an IT block; Thumb code at
 * PL0; a 32-bit T32 instruction across a page boundary, executed, then
 * rewritten on each page and executed again. */
#include "rt.h"
#include "mmu.h"

/* An address with no translation in the base map (first-level fault). */
#define UNMAPPED_VA 0xC0000000u
#define UART_BASE 0x09000000u
/* B1.8.3, Table B1-7, Thumb column: LR = the SVC + 2 (the next
 * instruction), the UDF + 2 (whatever its size), the faulting load + 8. */
#define LR_THUMB_SVC 2u
#define LR_THUMB_UNDEF 2u
#define LR_THUMB_DABT 8u
#define T16_SIZE 2u
/* A6.1: a halfword from 0xE800 up starts a 32-bit encoding. */
#define T32_FIRST_HALFWORD 0xE800u
/* A8.8.228 SVC T1: imm8. */
#define SVC_T1_IMM_MASK 0xFFu
/* Where the page-straddling code goes: a Thumb NOP at 0xFFC, a MOVW at
 * 0xFFE whose second halfword is on the next page, then BX LR. */
#define STRADDLE_PAGE 0x41002000u
#define NOP_T1 0xBF00u
#define BX_LR 0x4770u
/* MOVW r0, #imm16 (A8.8.106 T3): hw1 = F240 | i << 10 | imm4, hw2 =
 * imm3 << 12 | imm8 (GNU as: movw r0, #0x1234 is F241 2034). */
#define MOVW_R0_HW1(imm) (0xF240u | ((imm) >> 12) | (((imm) >> 11) & 1u) << 10)
#define MOVW_R0_HW2(imm) ((((imm) >> 8) & 7u) << 12 | ((imm) & 0xFFu))

uint32_t th_triple(uint32_t x);
uint32_t th_svc(void);
uint32_t th_udf(void);
uint32_t th_udf16(void);
uint32_t th_it_load(uint32_t va);
uint32_t th_it_device(uint32_t uart);
extern const uint16_t th_svc_insn[], th_udf_insn[], th_udfw_insn[],
	th_udf16_insn[], th_it_load_it[];
extern const uint32_t th_vectors[];
extern volatile uint32_t te_rec[6];

const char rt_test_name[] = "thumb";

static uint32_t l1[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));

/* ITSTATE as saved in an SPSR (B1.3.3): IT[7:2] in 15:10, IT[1:0] in
 * 26:25. */
static uint32_t spsr_itstate(uint32_t spsr)
{
	return ((spsr >> 10) & 0x3Fu) << 2 | ((spsr >> 25) & 3u);
}

static uint32_t lr_log[4], lr_count, svc_imm;

/* The word th_it_load() reads once its data abort is fixed up. */
#define FIXUP_VALUE 0x100u
static volatile uint32_t fixup_word = FIXUP_VALUE;

/* Exceptions from Thumb code with A32 handlers: SVC's immediate is the
 * T1 imm8; the return from a 32-bit UDF skips its second halfword; a
 * data abort is fixed up (r1, the base, made valid) and its load run
 * again, in the IT block slot the SPSR's ITSTATE names. */
static int thumb_hook(uint32_t kind, struct exc_frame *f)
{
	if (!(f->spsr & PSR_T))
		return 0;
	if (lr_count < 4)
		lr_log[lr_count++] = f->pc;
	if (kind == EXC_SVC) {
		svc_imm = *(const volatile uint16_t *)(f->pc - T16_SIZE) & SVC_T1_IMM_MASK;
	} else if (kind == EXC_UND) {
		if (*(const volatile uint16_t *)(f->pc - LR_THUMB_UNDEF) >= T32_FIRST_HALFWORD)
			f->pc += T16_SIZE;
	} else if (kind == EXC_DABT) {
		f->pc -= LR_THUMB_DABT;
		f->r[1] = (uint32_t)&fixup_word;
	}
	return 1;
}

static void test_blx(void)
{
	rt_section("BLX into Thumb code at PL1");
	check_eq(th_triple(5), 15, "th_triple(5)");
	check_eq(th_triple(20), 316, "th_triple(20) (IT block, both ways)");
}

static void test_a32_handlers(void)
{
	rt_section("SVC and UDF from Thumb, A32 handlers (SCTLR.TE = 0)");
	rt_hook = thumb_hook;
	lr_count = 0;
	exc_clear();
	check_eq(th_svc(), 7, "svc: returned to the next instruction");
	check_exc("svc", EXC_SVC, 0, 0);
	check_eq(rt_exc.spsr & PSR_T, PSR_T, "svc: SPSR.T");
	check_eq(lr_log[0] - (uint32_t)th_svc_insn, LR_THUMB_SVC, "svc: LR - SVC address");
	check_eq(svc_imm, 0x5A, "svc: imm8");

	lr_count = 0;
	exc_clear();
	check_eq(th_udf(), 3, "udf, udf.w: each skipped once");
	check_eq(rt_exc_count, 2, "udf, udf.w: exceptions");
	check_eq(rt_exc.kind, EXC_UND, "udf.w: kind");
	check_eq(rt_exc.spsr & PSR_T, PSR_T, "udf.w: SPSR.T");
	check_eq(lr_log[0] - (uint32_t)th_udf_insn, LR_THUMB_UNDEF, "udf: LR - UDF address");
	check_eq(lr_log[1] - (uint32_t)th_udfw_insn, LR_THUMB_UNDEF, "udf.w: LR - UDF address");
	rt_hook = 0;
}

static void test_thumb_handlers(void)
{
	uint32_t vbar = read_vbar();

	rt_section("SVC and UDF with Thumb handlers (SCTLR.TE = 1)");
	for (unsigned i = 0; i < 6; i++)
		te_rec[i] = 0;
	write_vbar((uint32_t)th_vectors);
	set_sctlr_bits(SCTLR_TE, 0);
	uint32_t r_svc = th_svc();
	uint32_t r_udf = th_udf16();
	set_sctlr_bits(0, SCTLR_TE);
	write_vbar(vbar);
	isb();
	check_eq(r_svc, 7, "svc: SUBS pc, lr returned to Thumb code");
	check_eq(te_rec[2], 1, "svc: handler entries");
	check_eq(te_rec[0] & (PSR_T | MODE_MASK), PSR_T | MODE_SVC, "svc: SPSR T and mode");
	check_eq(te_rec[1] - (uint32_t)th_svc_insn, LR_THUMB_SVC, "svc: LR - SVC address");
	check_eq(r_udf, 1, "udf: RFE returned to Thumb code");
	check_eq(te_rec[5], 1, "udf: handler entries");
	check_eq(te_rec[3] & (PSR_T | MODE_MASK), PSR_T | MODE_SVC, "udf: SPSR T and mode");
	check_eq(te_rec[4] - (uint32_t)th_udf16_insn, LR_THUMB_UNDEF, "udf: LR - UDF address");
}

static void test_it_abort(void)
{
	rt_section("Data abort in an IT block");
	rt_hook = thumb_hook;
	lr_count = 0;
	exc_clear();
	uint32_t r = th_it_load(UNMAPPED_VA + 0x40);
	rt_hook = 0;
	check_exc("ldreq in itete eq", EXC_DABT, FS_TRANSLATION_SECTION, FSR_FS_MASK);
	check_eq(rt_exc.far, UNMAPPED_VA + 0x40, "DFAR");
	/* A8.8.54: the first instruction runs with ITSTATE = the IT's
	 * firstcond:mask, its low byte. */
	check_eq(spsr_itstate(rt_exc.spsr), th_it_load_it[0] & 0xFFu, "SPSR ITSTATE");
	check_eq(rt_exc.spsr & PSR_T, PSR_T, "SPSR.T");
	check_eq(lr_log[0] - (uint32_t)th_it_load_it, T16_SIZE + LR_THUMB_DABT,
		 "LR - IT address");
	check_eq(r, FIXUP_VALUE + 2, "load again after the return, then E, T, E");
}

static void test_it_device(void)
{
	rt_section("Device access in an IT block");
	exc_clear();
	check_eq(th_it_device(UART_BASE), 2, "ldreq from the PL011, then E, T, E");
	check_no_exc("device read");
}

static void test_user(void)
{
	rt_section("Thumb code at PL0");
	check_eq(run_user(th_triple, 20), 316, "th_triple(20) in User mode");
}

/* Code written as data is made visible to instruction fetches with
 * DSB; ICIALLU; DSB; ISB (B2.2.9). */
static void sync_code(void)
{
	dsb();
	write_iciallu(0);
	dsb();
	isb();
}

static void set_movw(volatile uint16_t *hw1, uint32_t imm)
{
	hw1[0] = (uint16_t)MOVW_R0_HW1(imm);
	hw1[1] = (uint16_t)MOVW_R0_HW2(imm);
}

static void test_straddle(void)
{
	volatile uint16_t *code = (volatile uint16_t *)(STRADDLE_PAGE + 0xFFCu);
	uint32_t (*from_nop)(void) = (uint32_t (*)(void))(STRADDLE_PAGE + 0xFFDu);
	uint32_t (*from_movw)(void) = (uint32_t (*)(void))(STRADDLE_PAGE + 0xFFFu);

	rt_section("T32 instruction across a page boundary");
	code[0] = NOP_T1;
	set_movw(&code[1], 0x1234);
	code[3] = BX_LR;
	sync_code();
	check_eq(from_nop(), 0x1234, "nop; movw r0 (straddling)");
	check_eq(from_movw(), 0x1234, "movw r0 (straddling) entered directly");
	/* The second halfword, on the next page: imm8 changes. */
	code[2] = (uint16_t)MOVW_R0_HW2(0x1256);
	sync_code();
	check_eq(from_nop(), 0x1256, "second page rewritten: nop; movw");
	check_eq(from_movw(), 0x1256, "second page rewritten: movw");
	/* The first halfword: imm4 changes. */
	code[1] = (uint16_t)MOVW_R0_HW1(0x2256);
	sync_code();
	check_eq(from_movw(), 0x2256, "first page rewritten: movw");
	check_eq(from_nop(), 0x2256, "first page rewritten: nop; movw");
}

void test_main(void)
{
	mmu_base_map(l1);
	mmu_enable(l1, DACR(0, DACR_CLIENT));
	test_blx();
	test_a32_handlers();
	test_thumb_handlers();
	test_it_abort();
	test_it_device();
	test_user();
	test_straddle();
	mmu_disable();
}
