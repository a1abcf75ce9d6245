/* A host stand-in for the monitor's gdb stub: the protocol core
 * (monitor/gdb_proto.c) on a TCP socket, debugging a toy ARM "machine"
 * (registers, 64 KiB of memory, breakpoints) so a real gdb-multiarch can
 * talk to it (tests/unit/gdb_real.sh). The machine executes nothing: a
 * step advances the pc by one instruction, a continue runs to the next
 * breakpoint above the pc, or until Ctrl-C when there is none. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "monitor/gdb_proto.h"

#define MEM_SIZE 0x10000
#define POINTS 8
#define ARM_INSN_BYTES 4
#define REGS 26

static struct machine {
	uint32_t regs[REGS];
	uint8_t mem[MEM_SIZE];
	uint32_t breaks[POINTS];
	bool used[POINTS];
	int sock;
} m;

static bool reg_exists(unsigned regno)
{
	return regno <= GDB_ARM_REG_PC || regno == GDB_ARM_REG_CPSR;
}

static int read_reg(void *ctx, unsigned regno, uint32_t *val)
{
	(void)ctx;
	if (!reg_exists(regno))
		return -1;
	*val = m.regs[regno];
	return 0;
}

static int write_reg(void *ctx, unsigned regno, uint32_t val)
{
	(void)ctx;
	if (!reg_exists(regno))
		return -1;
	m.regs[regno] = val;
	return 0;
}

static size_t read_mem(void *ctx, uint32_t addr, uint8_t *buf, size_t len)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < len && (uint64_t)addr + i < MEM_SIZE; i++)
		buf[i] = m.mem[addr + i];
	return i;
}

static size_t write_mem(void *ctx, uint32_t addr, const uint8_t *buf, size_t len)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < len && (uint64_t)addr + i < MEM_SIZE; i++)
		m.mem[addr + i] = buf[i];
	return i;
}

/* Software and hardware breakpoints only. */
static int insert_point(void *ctx, enum gdb_point type, uint32_t addr, uint32_t kind)
{
	(void)ctx;
	(void)kind;
	if (type != GDB_BP_SW && type != GDB_BP_HW)
		return 1;
	for (int i = 0; i < POINTS; i++) {
		if (!m.used[i]) {
			m.used[i] = true;
			m.breaks[i] = addr;
			return 0;
		}
	}
	return -1;
}

static int remove_point(void *ctx, enum gdb_point type, uint32_t addr, uint32_t kind)
{
	(void)ctx;
	(void)kind;
	if (type != GDB_BP_SW && type != GDB_BP_HW)
		return 1;
	for (int i = 0; i < POINTS; i++) {
		if (m.used[i] && m.breaks[i] == addr) {
			m.used[i] = false;
			return 0;
		}
	}
	return -1;
}

static int monitor(void *ctx, const char *cmd, struct gdb_out *out)
{
	(void)ctx;
	if (!strcmp(cmd, "hello")) {
		gdb_out_printf(out, "hello from the stub, pc=%#x\n", (unsigned)m.regs[GDB_ARM_REG_PC]);
		return 0;
	}
	gdb_out_printf(out, "unknown command: %s\n", cmd);
	return -1;
}

static void put(void *ctx, const char *buf, size_t n)
{
	(void)ctx;
	while (n) {
		ssize_t w = write(m.sock, buf, n);

		if (w <= 0)
			exit(1);
		buf += w;
		n -= (size_t)w;
	}
}

static const struct gdb_target_ops ops = {
	read_reg, write_reg, read_mem, write_mem, insert_point, remove_point, monitor, put,
};

/* The nearest breakpoint above the pc, if any: where a continue stops. */
static bool next_break(uint32_t *addr)
{
	bool found = false;

	for (int i = 0; i < POINTS; i++) {
		if (m.used[i] && m.breaks[i] > m.regs[GDB_ARM_REG_PC] &&
		    (!found || m.breaks[i] < *addr)) {
			*addr = m.breaks[i];
			found = true;
		}
	}
	return found;
}

static void act(struct gdb *g, enum gdb_action a)
{
	struct gdb_stop stop = { .kind = GDB_STOP_SIGNAL, .signal = GDB_SIGTRAP };
	uint32_t bp;

	switch (a) {
	case GDB_ACT_CONTINUE:
		if (next_break(&bp)) {
			m.regs[GDB_ARM_REG_PC] = bp;
			stop.sw_break = true;
			gdb_stopped(g, &stop);
		}
		break;
	case GDB_ACT_STEP:
		m.regs[GDB_ARM_REG_PC] += ARM_INSN_BYTES;
		gdb_stopped(g, &stop);
		break;
	case GDB_ACT_BREAK:
		stop.signal = GDB_SIGINT;
		gdb_stopped(g, &stop);
		break;
	case GDB_ACT_ATTACH:
		gdb_stopped_quiet(g, &stop);
		break;
	case GDB_ACT_KILL:
		exit(0);
	default:
		break;
	}
}

static int listen_on(int port)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	socklen_t len = sizeof(sa);
	int one = 1, s = socket(AF_INET, SOCK_STREAM, 0);

	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (s < 0 || setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(s, (struct sockaddr *)&sa, sizeof(sa)) || listen(s, 1) ||
	    getsockname(s, (struct sockaddr *)&sa, &len)) {
		perror("gdb_serve: listen");
		exit(1);
	}
	printf("%d\n", ntohs(sa.sin_port));
	fflush(stdout);
	return s;
}

/* gdb_serve [port]: serve one gdb connection (port 0 or none: any free
 * port), printing the port first. */
int main(int argc, char **argv)
{
	static struct gdb g;
	struct gdb_config cfg = { &ops, NULL, false };
	int ls = listen_on(argc > 1 ? atoi(argv[1]) : 0);
	uint8_t buf[4096];
	ssize_t n;
	int one = 1;

	for (unsigned r = 0; r < REGS; r++)
		m.regs[r] = 0x1000 * r;
	m.regs[GDB_ARM_REG_PC] = 0x100;
	m.regs[GDB_ARM_REG_CPSR] = 0x600001d3;
	for (uint32_t a = 0; a < MEM_SIZE; a += 4)
		memcpy(m.mem + a, &a, sizeof(a));
	/* The ack and the reply are separate writes: without NODELAY the
	 * reply waits for the delayed TCP ack of the first (40 ms a packet). */
	m.sock = accept(ls, NULL, NULL);
	if (m.sock < 0 || setsockopt(m.sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one))) {
		perror("gdb_serve: accept");
		return 1;
	}
	gdb_init(&g, &cfg);
	while ((n = read(m.sock, buf, sizeof(buf))) > 0)
		for (ssize_t i = 0; i < n; i++)
			act(&g, gdb_feed(&g, buf[i]));
	return 0;
}
