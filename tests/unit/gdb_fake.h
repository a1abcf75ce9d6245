/* The fake ARM target the GDB protocol core's tests run against
 * (test_gdb_proto.c, test_gdb_fuzz.c): registers, 64 KiB of memory with
 * an unmapped hole, a small breakpoint table, a few monitor commands,
 * and everything the stub sends collected in fake.out. */
#ifndef TESTS_UNIT_GDB_FAKE_H
#define TESTS_UNIT_GDB_FAKE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monitor/gdb_proto.h"


/* ---- the fake target ---------------------------------------------------- */

#define FAKE_MEM_SIZE 0x10000
#define FAKE_HOLE_START 0x8000   /* unmapped: 0x8000-0x8fff */
#define FAKE_HOLE_END 0x9000
#define FAKE_REGS 26             /* 0-15 and cpsr (25) exist */
#define FAKE_POINTS 4
#define OUT_MAX (1 << 20)

struct fake_point {
	bool used;
	enum gdb_point type;
	uint32_t addr, kind;
};

static struct fake {
	uint32_t regs[FAKE_REGS];
	bool reg_broken[FAKE_REGS];      /* read_reg fails for these */
	uint8_t mem[FAKE_MEM_SIZE];
	struct fake_point points[FAKE_POINTS];
	size_t last_read_len;            /* len of the last read_mem call */
	char out[OUT_MAX];               /* what the stub sent */
	size_t out_len;
} fake;

static bool reg_exists(unsigned regno)
{
	return regno <= GDB_ARM_REG_PC || regno == GDB_ARM_REG_CPSR;
}

static int fake_read_reg(void *ctx, unsigned regno, uint32_t *val)
{
	(void)ctx;
	if (!reg_exists(regno) || fake.reg_broken[regno])
		return -1;
	*val = fake.regs[regno];
	return 0;
}

static int fake_write_reg(void *ctx, unsigned regno, uint32_t val)
{
	(void)ctx;
	if (!reg_exists(regno))
		return -1;
	fake.regs[regno] = val;
	return 0;
}

static bool mapped(uint64_t addr)
{
	return addr < FAKE_MEM_SIZE && (addr < FAKE_HOLE_START || addr >= FAKE_HOLE_END);
}

static size_t fake_read_mem(void *ctx, uint32_t addr, uint8_t *buf, size_t len)
{
	size_t i;

	(void)ctx;
	fake.last_read_len = len;
	for (i = 0; i < len && mapped((uint64_t)addr + i); i++)
		buf[i] = fake.mem[addr + i];
	return i;
}

static size_t fake_write_mem(void *ctx, uint32_t addr, const uint8_t *buf, size_t len)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < len && mapped((uint64_t)addr + i); i++)
		fake.mem[addr + i] = buf[i];
	return i;
}

/* Read watchpoints are "not supported" (1), everything else goes in a
 * small table that can fill up (-1). */
static int fake_insert_point(void *ctx, enum gdb_point type, uint32_t addr, uint32_t kind)
{
	(void)ctx;
	if (type == GDB_WP_READ)
		return 1;
	for (int i = 0; i < FAKE_POINTS; i++) {
		if (!fake.points[i].used) {
			fake.points[i] = (struct fake_point){ true, type, addr, kind };
			return 0;
		}
	}
	return -1;
}

static int fake_remove_point(void *ctx, enum gdb_point type, uint32_t addr, uint32_t kind)
{
	(void)ctx;
	if (type == GDB_WP_READ)
		return 1;
	for (int i = 0; i < FAKE_POINTS; i++) {
		struct fake_point *p = &fake.points[i];

		if (p->used && p->type == type && p->addr == addr && p->kind == kind) {
			p->used = false;
			return 0;
		}
	}
	return -1;
}

#define BIG_TEXT_LEN 5000

static int fake_monitor(void *ctx, const char *cmd, struct gdb_out *out)
{
	(void)ctx;
	if (!strcmp(cmd, "hello")) {
		gdb_out_write(out, "hi\n", 3);
		return 0;
	}
	if (!strcmp(cmd, "fmt")) {
		gdb_out_printf(out, "%d-%s-%x", 42, "ab", 255u);
		return 0;
	}
	if (!strcmp(cmd, "silent"))
		return 0;
	if (!strcmp(cmd, "big")) {
		for (int i = 0; i < BIG_TEXT_LEN; i++)
			gdb_out_write(out, &"0123456789"[i % 10], 1);
		return 0;
	}
	gdb_out_printf(out, "unknown: %s\n", cmd);
	return -1;
}

static void fake_put(void *ctx, const char *buf, size_t n)
{
	(void)ctx;
	if (fake.out_len + n > OUT_MAX) {
		fprintf(stderr, "FAIL stub output overflows the test's buffer\n");
		abort();
	}
	memcpy(fake.out + fake.out_len, buf, n);
	fake.out_len += n;
}

static const struct gdb_target_ops fake_ops = {
	.read_reg = fake_read_reg,
	.write_reg = fake_write_reg,
	.read_mem = fake_read_mem,
	.write_mem = fake_write_mem,
	.insert_point = fake_insert_point,
	.remove_point = fake_remove_point,
	.monitor = fake_monitor,
	.put = fake_put,
};

static struct gdb stub;

static void fake_reset(bool start_running)
{
	struct gdb_config cfg = { &fake_ops, NULL, start_running };

	memset(&fake, 0, sizeof(fake));
	for (unsigned r = 0; r < FAKE_REGS; r++)
		fake.regs[r] = 0x11111111u * (r % 16) + r;
	fake.regs[GDB_ARM_REG_PC] = 0x00008000;
	fake.regs[GDB_ARM_REG_CPSR] = 0x600001d3;
	for (unsigned i = 0; i < FAKE_MEM_SIZE; i++)
		fake.mem[i] = (uint8_t)(i * 7 + 3);
	gdb_init(&stub, &cfg);
}

/* 8 hex digits of a register, least significant byte first. */
static void reg_hex(char *dst, uint32_t v)
{
	sprintf(dst, "%02x%02x%02x%02x", v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24);
}

/* The 'g' reply for the fake's registers, built here: r0-r15, cpsr. */
static void expected_g(char *dst)
{
	for (unsigned r = 0; r <= GDB_ARM_REG_PC; r++)
		reg_hex(dst + 8 * r, fake.regs[r]);
	reg_hex(dst + 8 * (GDB_ARM_REG_PC + 1), fake.regs[GDB_ARM_REG_CPSR]);
}

#endif
