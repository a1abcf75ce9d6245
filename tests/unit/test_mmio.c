/* Device-access emulation (guest-arm/mmio.c): each load/store form
 * executed against a fake byte-addressed memory, with the results the
 * manual's pseudocode gives (ARM DDI 0406C A8.8.62 LDR (immediate),
 * A8.8.66 LDR (register), A8.8.70 LDRB, A8.8.86 LDRSB, A8.8.82 LDRSH,
 * A8.8.80 LDRH, A8.8.210 STRH, A8.8.72 LDRD, A8.8.199/A8.8.60 STM/LDMDB,
 * A8.8.62 LDR to PC, A8.4.1 RRX), in ARM and Thumb state (A2.3 PC reads,
 * A2.3.2 LoadWritePC, A2.5.2 ITAdvance). Encodings were produced by GNU
 * as. */
#include <stdbool.h>
#include <string.h>

#include "check.h"
#include "dbt/a32_decode.h"
#include "dbt/arm_cpu.h"
#include "dbt/dbt.h"
#include "guest-arm/mmio.h"

#define MEM_BASE 0x1000u
#define MEM_SIZE 0x100u

static uint8_t mem[MEM_SIZE];
static uint32_t fault_at = ~0u;      /* an address that aborts */
static unsigned reads, writes;

static int fake_read(void *ctx, uint32_t va, unsigned size, uint32_t *out,
		     struct arm_walk_result *f)
{
	(void)ctx;
	if (va == fault_at || va < MEM_BASE || va + size > MEM_BASE + MEM_SIZE) {
		f->fs = ARM_FS_TRANSLATION_PAGE;
		return ARM_FS_TRANSLATION_PAGE;
	}
	*out = 0;
	memcpy(out, &mem[va - MEM_BASE], size);
	reads++;
	return 0;
}

static int fake_write(void *ctx, uint32_t va, unsigned size, uint32_t v,
		      struct arm_walk_result *f)
{
	(void)ctx;
	if (va == fault_at || va < MEM_BASE || va + size > MEM_BASE + MEM_SIZE) {
		f->fs = ARM_FS_TRANSLATION_PAGE;
		return ARM_FS_TRANSLATION_PAGE;
	}
	memcpy(&mem[va - MEM_BASE], &v, size);
	writes++;
	return 0;
}

static const struct mmio_ops ops = { fake_read, fake_write, NULL };

/* The translator library is linked for arm_cpu_cpsr(); this test is its
 * embedder but never translates. */
int dbt_host_code_page(struct arm_cpu *c, uint32_t va, uint64_t *key,
		       const void **host)
{
	(void)c;
	(void)va;
	(void)key;
	(void)host;
	return -1;
}
static struct arm_cpu cpu;
static struct mmio_fault f;

static void reset(void)
{
	memset(&cpu, 0, sizeof(cpu));
	arm_cpu_set_cpsr(&cpu, 0x13);
	for (unsigned i = 0; i < MEM_SIZE; i++)
		mem[i] = (uint8_t)(0x80 + i);
	cpu.r[1] = MEM_BASE + 0x20;
	cpu.r[ARM_REG_PC] = 0x8000;
	fault_at = ~0u;
}

static enum mmio_result run(uint32_t raw)
{
	struct a32_insn in;
	a32_decode(raw, &in);
	return mmio_emulate(&cpu, &in, &ops, &f);
}

static uint32_t word_at(uint32_t va)
{
	uint32_t v;
	memcpy(&v, &mem[va - MEM_BASE], 4);
	return v;
}

static void test_single(void)
{
	reset();   /* ldr r0, [r1, #4] */
	CHECK_EQ(run(0xe5910004), MMIO_DONE);
	CHECK_EQ(cpu.r[0], word_at(MEM_BASE + 0x24));
	CHECK_EQ(cpu.r[1], MEM_BASE + 0x20);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);

	reset();   /* ldr r0, [r1, #-4]! */
	CHECK_EQ(run(0xe5310004), MMIO_DONE);
	CHECK_EQ(cpu.r[0], word_at(MEM_BASE + 0x1c));
	CHECK_EQ(cpu.r[1], MEM_BASE + 0x1c);

	reset();   /* ldr r0, [r1], #8 */
	CHECK_EQ(run(0xe4910008), MMIO_DONE);
	CHECK_EQ(cpu.r[0], word_at(MEM_BASE + 0x20));
	CHECK_EQ(cpu.r[1], MEM_BASE + 0x28);

	reset();   /* str r2, [r1, r3, lsl #2] */
	cpu.r[2] = 0xdeadbeef;
	cpu.r[3] = 3;
	CHECK_EQ(run(0xe7812103), MMIO_DONE);
	CHECK_EQ(word_at(MEM_BASE + 0x2c), 0xdeadbeef);

	reset();   /* strb r2, [r1, -r3] */
	cpu.r[2] = 0x1234;
	cpu.r[3] = 0x10;
	CHECK_EQ(run(0xe7412003), MMIO_DONE);
	CHECK_EQ(mem[0x10], 0x34);
	CHECK_EQ(mem[0x11], 0x91);   /* untouched */
}

static void test_widths_and_signs(void)
{
	reset();   /* ldrb r0, [r1, #1]: mem[0x21] = 0xa1, zero-extended */
	CHECK_EQ(run(0xe5d10001), MMIO_DONE);
	CHECK_EQ(cpu.r[0], 0xa1);
	reset();   /* ldrsb r0, [r1, #1] */
	CHECK_EQ(run(0xe1d100d1), MMIO_DONE);
	CHECK_EQ(cpu.r[0], 0xffffffa1);
	reset();   /* ldrsh r0, [r1, #2]: bytes a2 a3 */
	CHECK_EQ(run(0xe1d100f2), MMIO_DONE);
	CHECK_EQ(cpu.r[0], 0xffffa3a2);
	reset();   /* ldrh r0, [r1, #2] */
	CHECK_EQ(run(0xe1d100b2), MMIO_DONE);
	CHECK_EQ(cpu.r[0], 0xa3a2);
	reset();   /* strh r2, [r1, #6] */
	cpu.r[2] = 0xcafef00d;
	CHECK_EQ(run(0xe1c120b6), MMIO_DONE);
	CHECK_EQ(mem[0x26], 0x0d);
	CHECK_EQ(mem[0x27], 0xf0);
	CHECK_EQ(mem[0x28], 0xa8);
}

static void test_doubles_and_multiples(void)
{
	reset();   /* ldrd r4, r5, [r1, #8] */
	CHECK_EQ(run(0xe1c140d8), MMIO_DONE);
	CHECK_EQ(cpu.r[4], word_at(MEM_BASE + 0x28));
	CHECK_EQ(cpu.r[5], word_at(MEM_BASE + 0x2c));

	reset();   /* stmia r1!, {r2, r3} */
	cpu.r[2] = 0x11111111;
	cpu.r[3] = 0x22222222;
	CHECK_EQ(run(0xe8a1000c), MMIO_DONE);
	CHECK_EQ(word_at(MEM_BASE + 0x20), 0x11111111);
	CHECK_EQ(word_at(MEM_BASE + 0x24), 0x22222222);
	CHECK_EQ(cpu.r[1], MEM_BASE + 0x28);

	reset();   /* ldmdb r1, {r4, r5, r6}: from r1 - 12, no writeback */
	CHECK_EQ(run(0xe9110070), MMIO_DONE);
	CHECK_EQ(cpu.r[4], word_at(MEM_BASE + 0x14));
	CHECK_EQ(cpu.r[6], word_at(MEM_BASE + 0x1c));
	CHECK_EQ(cpu.r[1], MEM_BASE + 0x20);

	reset();   /* ldmib r1!, {r2, r7}: from r1 + 4, writeback r1 + 8 */
	CHECK_EQ(run(0xe9b10084), MMIO_DONE);
	CHECK_EQ(cpu.r[2], word_at(MEM_BASE + 0x24));
	CHECK_EQ(cpu.r[7], word_at(MEM_BASE + 0x28));
	CHECK_EQ(cpu.r[1], MEM_BASE + 0x28);
}

static void test_pc_and_rrx(void)
{
	reset();   /* str pc, [r1]: stores the instruction address + 8 (A2.3) */
	CHECK_EQ(run(0xe581f000), MMIO_DONE);
	CHECK_EQ(word_at(MEM_BASE + 0x20), 0x8008);

	reset();   /* ldr pc, [r1]: a branch, no pc += 4 */
	memcpy(&mem[0x20], &(uint32_t){ 0x4000abc0 }, 4);
	CHECK_EQ(run(0xe591f000), MMIO_DONE);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x4000abc0);

	reset();   /* ldr r0, [r1, r3, rrx]: offset = C:r3[31:1] */
	cpu.r[1] = MEM_BASE;
	cpu.r[3] = 0x21;
	arm_cpu_set_cpsr(&cpu, 0x13);            /* C clear: offset 0x10 */
	CHECK_EQ(run(0xe7910063), MMIO_DONE);
	CHECK_EQ(cpu.r[0], word_at(MEM_BASE + 0x10));
	cpu.r[ARM_REG_PC] = 0x8000;
	cpu.r[1] = MEM_BASE - 0x80000000u + 0x40;
	arm_cpu_set_cpsr(&cpu, 0x13 | ARM_CPSR_C);  /* C set: + 0x80000010 */
	CHECK_EQ(run(0xe7910063), MMIO_DONE);
	CHECK_EQ(cpu.r[0], word_at(MEM_BASE + 0x50));
}

static void test_aborts_are_precise(void)
{
	reset();   /* ldrd faulting on its second word changes nothing */
	fault_at = MEM_BASE + 0x2c;
	cpu.r[4] = 0x44;
	cpu.r[5] = 0x55;
	CHECK_EQ(run(0xe1c140d8), MMIO_ABORT);
	CHECK_EQ(f.va, MEM_BASE + 0x2c);
	CHECK(!f.is_write);
	CHECK_EQ(f.walk.fs, ARM_FS_TRANSLATION_PAGE);
	CHECK_EQ(cpu.r[4], 0x44);
	CHECK_EQ(cpu.r[5], 0x55);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8000);

	reset();   /* ldr r0, [r1, #-4]! aborting leaves the base alone */
	fault_at = MEM_BASE + 0x1c;
	CHECK_EQ(run(0xe5310004), MMIO_ABORT);
	CHECK_EQ(cpu.r[1], MEM_BASE + 0x20);

	reset();   /* stmia r1!, {r2, r3} aborting on r3 */
	fault_at = MEM_BASE + 0x24;
	CHECK_EQ(run(0xe8a1000c), MMIO_ABORT);
	CHECK(f.is_write);
	CHECK_EQ(cpu.r[1], MEM_BASE + 0x20);

	reset();   /* ldrex r0, [r1] aborting leaves the monitor open */
	fault_at = MEM_BASE + 0x20;
	CHECK_EQ(run(0xe1910f9f), MMIO_ABORT);
	CHECK_EQ(cpu.exclusive_valid, 0);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8000);
}

/* LDREX (A8.8.75), STREX (A8.8.212) against the local monitor, SWP
 * (A8.8.229). */
static void test_exclusive_and_swap(void)
{
	reset();   /* ldrex r0, [r1]: loads, the monitor holds r1 */
	CHECK_EQ(run(0xe1910f9f), MMIO_DONE);
	CHECK_EQ(cpu.r[0], word_at(MEM_BASE + 0x20));
	CHECK_EQ(cpu.exclusive_valid, 1);
	CHECK_EQ(cpu.exclusive_addr, MEM_BASE + 0x20);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);

	reset();   /* ldrexd r2, r3, [r1] */
	CHECK_EQ(run(0xe1b12f9f), MMIO_DONE);
	CHECK_EQ(cpu.r[2], word_at(MEM_BASE + 0x20));
	CHECK_EQ(cpu.r[3], word_at(MEM_BASE + 0x24));
	CHECK_EQ(cpu.exclusive_addr, MEM_BASE + 0x20);

	reset();   /* ldrexb r0, [r1] zero-extends one byte */
	CHECK_EQ(run(0xe1d10f9f), MMIO_DONE);
	CHECK_EQ(cpu.r[0], word_at(MEM_BASE + 0x20) & 0xff);
	CHECK_EQ(cpu.exclusive_valid, 1);

	reset();   /* strex r0, r2, [r1] with the monitor open: fails */
	cpu.r[2] = 0x12345678;
	CHECK_EQ(run(0xe1810f92), MMIO_DONE);
	CHECK_EQ(cpu.r[0], 1);
	CHECK(word_at(MEM_BASE + 0x20) != 0x12345678);

	reset();   /* the monitor holds r1: stores, status 0, monitor cleared */
	cpu.r[2] = 0x12345678;
	cpu.exclusive_valid = 1;
	cpu.exclusive_addr = MEM_BASE + 0x20;
	CHECK_EQ(run(0xe1810f92), MMIO_DONE);
	CHECK_EQ(cpu.r[0], 0);
	CHECK_EQ(word_at(MEM_BASE + 0x20), 0x12345678);
	CHECK_EQ(cpu.exclusive_valid, 0);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);

	reset();   /* the monitor holds another address: fails */
	cpu.exclusive_valid = 1;
	cpu.exclusive_addr = MEM_BASE + 0x24;
	CHECK_EQ(run(0xe1c10f92), MMIO_DONE);   /* strexb */
	CHECK_EQ(cpu.r[0], 1);
	CHECK_EQ(cpu.exclusive_valid, 0);

	reset();   /* strexd r0, r2, r3, [r1] */
	cpu.r[2] = 0xaaaa0001;
	cpu.r[3] = 0xbbbb0002;
	cpu.exclusive_valid = 1;
	cpu.exclusive_addr = MEM_BASE + 0x20;
	CHECK_EQ(run(0xe1a10f92), MMIO_DONE);
	CHECK_EQ(cpu.r[0], 0);
	CHECK_EQ(word_at(MEM_BASE + 0x20), 0xaaaa0001);
	CHECK_EQ(word_at(MEM_BASE + 0x24), 0xbbbb0002);

	reset();   /* swp r0, r2, [r1] */
	uint32_t before = word_at(MEM_BASE + 0x20);
	cpu.r[2] = 0x55667788;
	CHECK_EQ(run(0xe1010092), MMIO_DONE);
	CHECK_EQ(cpu.r[0], before);
	CHECK_EQ(word_at(MEM_BASE + 0x20), 0x55667788);

	reset();   /* swpb r0, r2, [r1] */
	cpu.r[2] = 0x1ff;
	CHECK_EQ(run(0xe1410092), MMIO_DONE);
	CHECK_EQ(cpu.r[0], 0xa0);
	CHECK_EQ(mem[0x20], 0xff);
	CHECK_EQ(mem[0x21], 0xa1);
}

/* ---- Thumb state ---------------------------------------------------- */

/* ITSTATE (A2.5.2) of "ite eq" (bf08: firstcond:mask) before and after
 * one ITAdvance, and its place in the CPSR (B1.3.3). */
#define ITE_EQ 0x0cu
#define ITE_EQ_SECOND 0x18u

static uint32_t it_bits(uint32_t it)
{
	return (it & 3u) << 25 | (it >> 2) << 10;
}

static void reset_thumb(uint32_t it)
{
	reset();
	arm_cpu_set_cpsr(&cpu, 0x13 | ARM_CPSR_T | it_bits(it));
}

/* T32 instructions as the T32 decoder gives them (dbt/t32_decode.h: the
 * A32 op and fields, size 2 or 4, pc_align for the literal forms); each
 * named with GNU as's encoding. */
static enum mmio_result run_t32(struct a32_insn in)
{
	in.cond = A32_COND_AL;
	return mmio_emulate(&cpu, &in, &ops, &f);
}

/* PC reads as the instruction + 4, Align(PC, 4) for literal loads
 * (A8.8.64 LDR (literal), A8.8.73 LDRD (literal)); the PC moves on by
 * the instruction's size. */
static void test_thumb_pc(void)
{
	reset_thumb(0);   /* 4802 ldr r0, [pc, #8] at MEM_BASE + 0x12 */
	cpu.r[ARM_REG_PC] = MEM_BASE + 0x12;
	CHECK_EQ(run_t32((struct a32_insn){ .op = A32_LDR, .size = 2, .rn = 15,
		.p = 1, .u = 1, .form = A32_FORM_IMM, .imm = 8, .pc_align = 1 }),
		 MMIO_DONE);
	CHECK_EQ(cpu.r[0], word_at(MEM_BASE + 0x1c));
	CHECK_EQ(cpu.r[ARM_REG_PC], MEM_BASE + 0x14);

	reset_thumb(0);   /* e9df 2302 ldrd r2, r3, [pc, #8] at MEM_BASE + 0x12 */
	cpu.r[ARM_REG_PC] = MEM_BASE + 0x12;
	CHECK_EQ(run_t32((struct a32_insn){ .op = A32_LDRD, .size = 4, .rn = 15,
		.rt = 2, .rt2 = 3, .p = 1, .u = 1, .form = A32_FORM_IMM, .imm = 8,
		.pc_align = 1 }), MMIO_DONE);
	CHECK_EQ(cpu.r[2], word_at(MEM_BASE + 0x1c));
	CHECK_EQ(cpu.r[3], word_at(MEM_BASE + 0x20));
	CHECK_EQ(cpu.r[ARM_REG_PC], MEM_BASE + 0x16);

	reset_thumb(0);   /* 6048 str r0, [r1, #4] */
	cpu.r[0] = 0x12345678;
	CHECK_EQ(run_t32((struct a32_insn){ .op = A32_STR, .size = 2, .rn = 1,
		.p = 1, .u = 1, .form = A32_FORM_IMM, .imm = 4 }), MMIO_DONE);
	CHECK_EQ(word_at(MEM_BASE + 0x24), 0x12345678);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8002);

	reset_thumb(0);   /* f851 0023 ldr.w r0, [r1, r3, lsl #2] */
	cpu.r[3] = 2;
	CHECK_EQ(run_t32((struct a32_insn){ .op = A32_LDR, .size = 4, .rn = 1,
		.rm = 3, .p = 1, .u = 1, .form = A32_FORM_REG_IMM,
		.shift_type = A32_SHIFT_LSL, .shift_amount = 2 }), MMIO_DONE);
	CHECK_EQ(cpu.r[0], word_at(MEM_BASE + 0x28));
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);
}

/* A completed access inside an IT block advances ITSTATE (ITAdvance,
 * A2.5.2); an aborted one leaves it for the exception to save. */
static void test_thumb_itstate(void)
{
	const struct a32_insn ldr = { .op = A32_LDR, .size = 2, .rn = 1,
		.p = 1, .u = 1, .form = A32_FORM_IMM };   /* 6808 ldr r0, [r1] */

	reset_thumb(ITE_EQ);
	CHECK_EQ(run_t32(ldr), MMIO_DONE);
	CHECK_EQ(arm_cpu_cpsr(&cpu), 0x13 | ARM_CPSR_T | it_bits(ITE_EQ_SECOND));
	CHECK_EQ(run_t32(ldr), MMIO_DONE);
	CHECK_EQ(arm_cpu_cpsr(&cpu), 0x13 | ARM_CPSR_T);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);

	reset_thumb(ITE_EQ);
	fault_at = MEM_BASE + 0x20;
	CHECK_EQ(run_t32(ldr), MMIO_ABORT);
	CHECK_EQ(arm_cpu_cpsr(&cpu), 0x13 | ARM_CPSR_T | it_bits(ITE_EQ));
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8000);
}

/* Loads into PC are LoadWritePC (A2.3.2, BXWritePC): bit 0 selects the
 * state, in ARM and Thumb state alike. */
static void test_interworking_loads(void)
{
	const struct a32_insn ldr_pc = { .op = A32_LDR, .size = 4, .rn = 1,
		.rt = 15, .p = 1, .u = 1, .form = A32_FORM_IMM };   /* f8d1 f000 ldr.w pc, [r1] */

	reset_thumb(0);
	memcpy(&mem[0x20], &(uint32_t){ 0x4000abc3 }, 4);
	CHECK_EQ(run_t32(ldr_pc), MMIO_DONE);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x4000abc2);
	CHECK_EQ(arm_cpu_cpsr(&cpu) & ARM_CPSR_T, ARM_CPSR_T);

	reset_thumb(0);
	memcpy(&mem[0x20], &(uint32_t){ 0x4000abc0 }, 4);
	CHECK_EQ(run_t32(ldr_pc), MMIO_DONE);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x4000abc0);
	CHECK_EQ(arm_cpu_cpsr(&cpu) & ARM_CPSR_T, 0);

	reset_thumb(0);   /* bd01 pop {r0, pc} */
	cpu.r[ARM_REG_SP] = MEM_BASE + 0x40;
	memcpy(&mem[0x44], &(uint32_t){ 0x4000beef }, 4);
	CHECK_EQ(run_t32((struct a32_insn){ .op = A32_LDM, .size = 2,
		.rn = ARM_REG_SP, .u = 1, .w = 1, .reglist = 0x8001 }), MMIO_DONE);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x4000beee);
	CHECK_EQ(cpu.r[ARM_REG_SP], MEM_BASE + 0x48);
	CHECK_EQ(arm_cpu_cpsr(&cpu) & ARM_CPSR_T, ARM_CPSR_T);

	reset();          /* ARM state: ldr pc, [r1] with bit 0 set */
	memcpy(&mem[0x20], &(uint32_t){ 0x4000abc1 }, 4);
	CHECK_EQ(run(0xe591f000), MMIO_DONE);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x4000abc0);
	CHECK_EQ(arm_cpu_cpsr(&cpu) & ARM_CPSR_T, ARM_CPSR_T);
}

/* T32 LDREX/STREX (A8.8.75, A8.8.212): the address is Rn + imm8 << 2. */
static void test_thumb_exclusive(void)
{
	reset_thumb(0);   /* e851 0f02 ldrex r0, [r1, #8] */
	CHECK_EQ(run_t32((struct a32_insn){ .op = A32_LDREX, .size = 4, .rn = 1,
		.form = A32_FORM_IMM, .imm = 8 }), MMIO_DONE);
	CHECK_EQ(cpu.r[0], word_at(MEM_BASE + 0x28));
	CHECK_EQ(cpu.exclusive_addr, MEM_BASE + 0x28);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);
	cpu.r[0] = 0xfeedf00d;   /* e841 0202 strex r2, r0, [r1, #8] */
	CHECK_EQ(run_t32((struct a32_insn){ .op = A32_STREX, .size = 4, .rn = 1,
		.rd = 2, .form = A32_FORM_IMM, .imm = 8 }), MMIO_DONE);
	CHECK_EQ(cpu.r[2], 0);
	CHECK_EQ(word_at(MEM_BASE + 0x28), 0xfeedf00d);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8008);
}

int main(void)
{
	test_exclusive_and_swap();
	test_single();
	test_widths_and_signs();
	test_doubles_and_multiples();
	test_pc_and_rrx();
	test_aborts_are_precise();
	test_thumb_pc();
	test_thumb_itstate();
	test_interworking_loads();
	test_thumb_exclusive();
	return check_report("unit-mmio");
}
