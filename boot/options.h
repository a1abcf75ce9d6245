/* The monitor's command-line options: space-separated key=value pairs
 * (a value may be double-quoted to hold spaces). A leading word without
 * '=' is the image path loaders put first. Unknown keys and malformed
 * values are reported, one line each, and otherwise ignored. */
#ifndef BOOT_OPTIONS_H
#define BOOT_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/diag.h"
#include "lib/log.h"

#define OPT_BOOTARGS_MAX 512
#define OPT_IMAGE_MAX 128

/* Guest RAM lives at 0x40000000 and must end by 4 GiB. */
#define OPT_MEM_DEFAULT (256ull << 20)
#define OPT_MEM_MIN (16ull << 20)
#define OPT_MEM_MAX (3ull << 30)

enum opt_gdb {
	OPT_GDB_OFF,
	OPT_GDB_ON,     /* stub on COM2, guest runs at once */
	OPT_GDB_WAIT,   /* stub on COM2, guest waits for gdb to attach */
};

enum opt_test {
	OPT_TEST_NONE,
	OPT_TEST_EXIT,   /* run the self-checks, then exit QEMU with success */
	OPT_TEST_FAULT,  /* take a deliberate page fault in the monitor */
	OPT_TEST_CONSOLE, /* run the console; its poweroff exits QEMU with success */
	OPT_TEST_GUEST,   /* run the guest; QEMU exits with success iff it powers off */
};

struct options {
	uint64_t mem;
	enum opt_gdb gdb;
	enum log_level log;
	enum opt_test test;
	bool stats;     /* print vCPU and shadow statistics when the guest stops */
	char bootargs[OPT_BOOTARGS_MAX];
	char image[OPT_IMAGE_MAX];
	struct diag_list diags;
};

void options_parse(const char *cmdline, struct options *out);

/* Parses a size such as "256M", "1G", "65536" or "64k". */
int options_parse_size(const char *s, unsigned len, uint64_t *out);

#endif
