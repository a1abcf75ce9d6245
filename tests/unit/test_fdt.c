/* Device tree writer and virt board tree (guest-arm/fdt.c, board_fdt.c):
 * the blobs are decompiled by dtc, the independent reference, and the
 * board's tree is compared with QEMU's own (tests/unit/virt.dts).
 * Usage: test_fdt <scratch dir> <expected virt.dts> */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest-arm/board_fdt.h"
#include "guest-arm/fdt.h"
#include "tests/unit/check.h"

static const char *scratch;

/* Runs a shell command and returns its standard output (malloc'd). */
static char *run(const char *cmd)
{
	FILE *f = popen(cmd, "r");
	size_t cap = 1 << 16, len = 0;
	char *out = calloc(1, cap);

	if (!f || !out)
		abort();
	len = fread(out, 1, cap - 1, f);
	out[len] = '\0';
	if (pclose(f) != 0)
		fprintf(stderr, "command failed: %s\n", cmd);
	return out;
}

/* Writes the blob to a file and returns dtc's sorted decompilation of it. */
static char *decompile(const void *blob, int len, const char *name)
{
	char path[512], cmd[1200];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.dtb", scratch, name);
	f = fopen(path, "wb");
	if (!f || fwrite(blob, 1, (size_t)len, f) != (size_t)len || fclose(f))
		abort();
	snprintf(cmd, sizeof(cmd), "dtc -q -s -I dtb -O dts '%s'", path);
	return run(cmd);
}

static const struct board_fdt_params qemu_params = {
	.ram_base = 0x40000000u,
	.ram_size = 256u << 20,
	.bootargs = "console=ttyAMA0 foo",
	.initrd_start = 0x48000000u,
	.initrd_end = 0x48000000u + 5000,
};

static void test_board_tree_matches_qemu(const char *expected_dts)
{
	static uint8_t buf[8192];
	char cmd[1200];
	int len = board_fdt_build(buf, sizeof(buf), &qemu_params);
	char *ours, *want;

	CHECK(len > 0);
	if (len <= 0)
		return;
	ours = decompile(buf, len, "virt");
	snprintf(cmd, sizeof(cmd), "dtc -q -s -I dts -O dts '%s'", expected_dts);
	want = run(cmd);
	CHECK(want[0] != '\0');
	CHECK(strcmp(ours, want) == 0);
	if (strcmp(ours, want) != 0)
		fprintf(stderr, "--- ours:\n%s--- QEMU's:\n%s", ours, want);
	free(ours);
	free(want);
}

/* Without an initrd and bootargs, /chosen keeps only stdout-path; a RAM
 * size above what one cell holds uses the high size cell. */
static void test_board_tree_optional_parts(void)
{
	static uint8_t buf[8192];
	struct board_fdt_params p = { .ram_base = 0x40000000u,
				      .ram_size = 0x80000000u };
	int len = board_fdt_build(buf, sizeof(buf), &p);
	char *dts;

	CHECK(len > 0);
	if (len <= 0)
		return;
	dts = decompile(buf, len, "bare");
	CHECK(strstr(dts, "linux,initrd") == NULL);
	CHECK(strstr(dts, "bootargs") == NULL);
	CHECK(strstr(dts, "stdout-path = \"/pl011@9000000\";") != NULL);
	CHECK(strstr(dts, "reg = <0x00 0x40000000 0x00 0x80000000>;") != NULL);
	free(dts);
}

/* Every buffer shorter than the tree is refused; ASan checks that no
 * byte past the buffer is written. */
static void test_board_tree_buffer_too_small(void)
{
	static uint8_t full[8192];
	int need = board_fdt_build(full, sizeof(full), &qemu_params);
	int refused = 0;

	CHECK(need > 0);
	for (int size = 0; size < need; size++) {
		uint8_t *b = malloc(size ? (size_t)size : 1);
		refused += board_fdt_build(b, (size_t)size, &qemu_params) ==
			   FDT_ERR_NOSPACE;
		free(b);
	}
	CHECK_EQ(refused, need);
	uint8_t *exact = malloc((size_t)need);
	CHECK_EQ(board_fdt_build(exact, (size_t)need, &qemu_params), need);
	CHECK(memcmp(exact, full, (size_t)need) == 0);
	free(exact);
}

static void test_board_tree_bad_params(void)
{
	static uint8_t buf[8192];
	static char args[BOARD_FDT_BOOTARGS_MAX + 2];
	struct board_fdt_params p = qemu_params;

	memset(args, 'x', BOARD_FDT_BOOTARGS_MAX);
	p.bootargs = args;
	CHECK(board_fdt_build(buf, sizeof(buf), &p) > 0);
	args[BOARD_FDT_BOOTARGS_MAX] = 'x';
	CHECK_EQ(board_fdt_build(buf, sizeof(buf), &p), BOARD_FDT_ERR_PARAMS);

	p = qemu_params;
	p.initrd_start = qemu_params.initrd_end;
	p.initrd_end = qemu_params.initrd_start;
	CHECK_EQ(board_fdt_build(buf, sizeof(buf), &p), BOARD_FDT_ERR_PARAMS);
}

/* The generic writer: every property form, checked through dtc. */
static void test_writer_property_forms(void)
{
	static uint8_t buf[1024];
	static const char *const list[] = { "a", "bc", "" };
	static const uint32_t cells[] = { 1, 0xdeadbeef };
	static const uint8_t bytes[] = { 0x12, 0x34, 0x56 };
	struct fdt_writer w;
	int len;
	char *dts;

	fdt_begin(&w, buf, sizeof(buf));
	fdt_begin_node(&w, "");
	fdt_prop_empty(&w, "flag");
	fdt_prop_u32(&w, "one", 7);
	fdt_prop_cells(&w, "two", cells, 2);
	fdt_prop(&w, "bytes", bytes, sizeof(bytes));
	fdt_prop_strings(&w, "list", list, 3);
	fdt_begin_node(&w, "child@10");
	fdt_prop_string(&w, "one", "s");
	fdt_end_node(&w);
	fdt_end_node(&w);
	len = fdt_finish(&w, 3);
	CHECK(len > 0);
	if (len <= 0)
		return;
	dts = decompile(buf, len, "forms");
	CHECK(strcmp(dts, "/dts-v1/;\n\n/ {\n"
			  "\tbytes = [12 34 56];\n"
			  "\tflag;\n"
			  "\tlist = \"a\\0bc\\0\";\n"
			  "\tone = <0x07>;\n"
			  "\ttwo = <0x01 0xdeadbeef>;\n\n"
			  "\tchild@10 {\n\t\tone = \"s\";\n\t};\n};\n") == 0);
	if (strstr(dts, "child@10") == NULL)
		fprintf(stderr, "%s", dts);
	free(dts);
	/* boot_cpuid_phys, header offset 28 (spec 5.2), big-endian. */
	CHECK_EQ(buf[28] << 24 | buf[29] << 16 | buf[30] << 8 | buf[31], 3);
}

static int misuse(int which)
{
	static uint8_t buf[4096];
	struct fdt_writer w;

	fdt_begin(&w, buf, sizeof(buf));
	switch (which) {
	case 0: /* a property before the root */
		fdt_prop_u32(&w, "x", 1);
		break;
	case 1: /* a second root */
		fdt_begin_node(&w, "");
		fdt_end_node(&w);
		fdt_begin_node(&w, "");
		break;
	case 2: /* finish with a node open */
		fdt_begin_node(&w, "");
		break;
	case 3: /* end without a node */
		fdt_end_node(&w);
		break;
	case 4: /* nesting deeper than FDT_DEPTH_MAX */
		fdt_begin_node(&w, "");
		for (int i = 0; i < FDT_DEPTH_MAX; i++)
			fdt_begin_node(&w, "n");
		break;
	case 5: /* no root at all */
		break;
	}
	return fdt_finish(&w, 0);
}

static void test_writer_misuse(void)
{
	static uint8_t buf[1 << 14];
	struct fdt_writer w;
	char name[40];

	for (int i = 0; i <= 5; i++)
		CHECK_EQ(misuse(i), FDT_ERR_NESTING);

	/* Property names are 1-31 characters (spec 2.2.4); a child node
	 * needs a name. */
	fdt_begin(&w, buf, sizeof(buf));
	fdt_begin_node(&w, "");
	memset(name, 'p', 31);
	name[31] = '\0';
	CHECK_EQ(fdt_prop_empty(&w, name), 0);
	name[31] = 'p';
	name[32] = '\0';
	CHECK_EQ(fdt_prop_empty(&w, name), FDT_ERR_NAME);
	CHECK_EQ(fdt_finish(&w, 0), FDT_ERR_NAME);

	fdt_begin(&w, buf, sizeof(buf));
	fdt_begin_node(&w, "");
	CHECK_EQ(fdt_begin_node(&w, ""), FDT_ERR_NAME);

	/* More distinct property names than the strings block holds. */
	fdt_begin(&w, buf, sizeof(buf));
	fdt_begin_node(&w, "");
	int err = 0;
	for (unsigned i = 0; i < FDT_STRINGS_MAX && !err; i++) {
		snprintf(name, sizeof(name), "property-%u", i);
		err = fdt_prop_empty(&w, name);
	}
	CHECK_EQ(err, FDT_ERR_STRINGS);
}

/* Padding (as QEMU's loader hands over its whole buffer) changes only
 * totalsize: the tree decompiles the same (Devicetree Spec 5.2: free space
 * may follow the blocks). */
static void test_pad_keeps_the_tree(void)
{
	static uint8_t buf[1 << 20];
	int len = board_fdt_build(buf, sizeof(buf), &qemu_params);
	char *before = decompile(buf, len, "unpadded");

	CHECK_EQ(fdt_pad(buf, sizeof(buf), 1 << 20), 1 << 20);
	CHECK_EQ(buf[4] << 24 | buf[5] << 16 | buf[6] << 8 | buf[7], 1 << 20);
	char *after = decompile(buf, 1 << 20, "padded");
	CHECK(strcmp(before, after) == 0);
	CHECK_EQ(fdt_pad(buf, sizeof(buf), 64), FDT_ERR_NOSPACE);          /* shrinking */
	CHECK_EQ(fdt_pad(buf, 4096, 1 << 20), FDT_ERR_NOSPACE);            /* past the buffer */
	buf[0] = 0;
	CHECK_EQ(fdt_pad(buf, sizeof(buf), 1 << 20), FDT_ERR_NOSPACE);     /* not a tree */
	free(before);
	free(after);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s <scratch dir> <expected virt.dts>\n", argv[0]);
		return 2;
	}
	scratch = argv[1];
	test_board_tree_matches_qemu(argv[2]);
	test_pad_keeps_the_tree();
	test_board_tree_optional_parts();
	test_board_tree_buffer_too_small();
	test_board_tree_bad_params();
	test_writer_property_forms();
	test_writer_misuse();
	return check_report("fdt");
}
