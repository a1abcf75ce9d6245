/* Command-line option parsing: defaults, every option's valid and
 * invalid values, quoting, and that each problem is one diagnostic. */
#include <stdbool.h>
#include <string.h>

#include "boot/options.h"
#include "check.h"

static struct options o;

static bool has_diag(const char *needle)
{
	for (unsigned i = 0; i < o.diags.n; i++)
		if (strstr(o.diags.msg[i], needle))
			return true;
	return false;
}

static void test_defaults(void)
{
	options_parse("", &o);
	CHECK_EQ(o.mem, 256ull << 20);
	CHECK_EQ(o.gdb, OPT_GDB_OFF);
	CHECK_EQ(o.log, LOG_INFO);
	CHECK_EQ(o.test, OPT_TEST_NONE);
	CHECK(!o.stats);
	CHECK(!strcmp(o.bootargs, "console=ttyAMA0"));
	CHECK_EQ(o.diags.n, 0);
}

static void test_valid(void)
{
	options_parse("build/armvisor.elf mem=1G gdb=wait log=debug test=exit "
		      "bootargs=\"console=ttyAMA0 earlycon rdinit=/init\"", &o);
	CHECK(!strcmp(o.image, "build/armvisor.elf"));
	CHECK_EQ(o.mem, 1ull << 30);
	CHECK_EQ(o.gdb, OPT_GDB_WAIT);
	CHECK_EQ(o.log, LOG_DEBUG);
	CHECK_EQ(o.test, OPT_TEST_EXIT);
	CHECK(!strcmp(o.bootargs, "console=ttyAMA0 earlycon rdinit=/init"));
	CHECK_EQ(o.diags.n, 0);

	options_parse("  mem=3G\tgdb=on test=console bootargs=quiet ", &o);
	CHECK(!o.image[0]);
	CHECK_EQ(o.mem, 3ull << 30);
	CHECK_EQ(o.gdb, OPT_GDB_ON);
	CHECK_EQ(o.test, OPT_TEST_CONSOLE);
	CHECK(!strcmp(o.bootargs, "quiet"));
	CHECK_EQ(o.diags.n, 0);

	options_parse("stats=on test=guest", &o);
	CHECK(o.stats);
	CHECK_EQ(o.test, OPT_TEST_GUEST);
	CHECK_EQ(o.diags.n, 0);

	options_parse("mem=16M", &o);
	CHECK_EQ(o.mem, 16ull << 20);
	options_parse("mem=2048m", &o);
	CHECK_EQ(o.mem, 2048ull << 20);
}

static void test_invalid(void)
{
	static const char *const bad_mem[] = {
		"mem=", "mem=abc", "mem=12x", "mem=4G", "mem=15M", "mem=1536K",
		"mem=99999999999999999999G", "mem=-1M", "mem=1MB",
	};
	for (size_t i = 0; i < sizeof(bad_mem) / sizeof(bad_mem[0]); i++) {
		options_parse(bad_mem[i], &o);
		CHECK_EQ(o.mem, OPT_MEM_DEFAULT);
		CHECK_EQ(o.diags.n, 1);
		CHECK(has_diag("option mem="));
	}
	options_parse("stats=yes", &o);
	CHECK(!o.stats);
	CHECK(has_diag("option stats=yes: invalid value, expected on or off"));

	options_parse("gdb=maybe log=loud test=now", &o);
	CHECK_EQ(o.diags.n, 3);
	CHECK(has_diag("gdb=maybe") && has_diag("log=loud") && has_diag("test=now"));
	CHECK_EQ(o.gdb, OPT_GDB_OFF);

	options_parse("image.elf frobnicate=1 verbose mem=64M", &o);
	CHECK_EQ(o.diags.n, 2);
	CHECK(has_diag("unknown option 'frobnicate'"));
	CHECK(has_diag("'verbose' has no '=value'"));
	CHECK_EQ(o.mem, 64ull << 20);

	options_parse("bootargs=\"console=ttyAMA0 root=/dev/vda", &o);
	CHECK(has_diag("unterminated quote"));
	CHECK(!strcmp(o.bootargs, "console=ttyAMA0 root=/dev/vda"));

	char long_args[700] = "bootargs=";
	memset(long_args + 9, 'a', 600);
	options_parse(long_args, &o);
	CHECK(has_diag("option bootargs="));
	CHECK(!strcmp(o.bootargs, "console=ttyAMA0"));
}

static void test_many_problems(void)
{
	options_parse("a=1 b=2 c=3 d=4 e=5 f=6 g=7 h=8 i=9 j=10", &o);
	CHECK_EQ(o.diags.n, DIAG_MAX);
	CHECK_EQ(o.diags.dropped, 10 - DIAG_MAX);
}

static void test_parse_size(void)
{
	uint64_t v;
	CHECK(options_parse_size("65536", 5, &v) == 0 && v == 65536);
	CHECK(options_parse_size("64k", 3, &v) == 0 && v == 65536);
	CHECK(options_parse_size("2G", 2, &v) == 0 && v == (2ull << 30));
	CHECK(options_parse_size("", 0, &v) < 0);
	CHECK(options_parse_size("G", 1, &v) < 0);
	CHECK(options_parse_size("17179869184G", 12, &v) < 0);
}

int main(void)
{
	test_defaults();
	test_valid();
	test_invalid();
	test_many_problems();
	test_parse_size();
	return check_report("unit-options");
}
