/* The gdb stub's target side: gdb's view of the guest (registers,
 * memory by virtual address, breakpoints, watchpoints) over the vCPU's
 * debug interface, and the loop that runs the guest between gdb's
 * commands. Bytes from gdb arrive by the COM2 receive interrupt: while
 * the guest runs, the interrupt asks the vCPU to stop at the next
 * instruction boundary so the bytes can be looked at (Ctrl-C, or a new
 * gdb connecting); while it is stopped, the loop sleeps in hlt between
 * bytes, never spinning. */
#include "monitor/gdbstub.h"

#include <stddef.h>
#include <string.h>

#include "arch/x86_64/serial.h"
#include "arch/x86_64/x86.h"
#include "dbt/dbt.h"
#include "lib/log.h"
#include "monitor/gdb_proto.h"

/* One breakpoint or watchpoint as gdb set it. */
struct point {
	enum gdb_point type;
	uint32_t addr, len;
};

#define MAX_POINTS (DBT_MAX_BREAKPOINTS + VCPU_MAX_WATCHPOINTS)

static struct gdb gdb;
static struct {
	void (*stop_clock)(bool stopped);
	bool wait;
	bool attached;        /* a gdb has talked to us since the last detach */
	bool stepping_over;   /* a step over a breakpoint before continuing */
	unsigned npoints;
	struct point points[MAX_POINTS];
	/* points[] index of each watchpoint handed to the vCPU, in order. */
	unsigned watch_point[VCPU_MAX_WATCHPOINTS];
} stub;

/* ---- registers and memory ------------------------------------------------ */

static int read_reg(void *ctx, unsigned regno, uint32_t *val)
{
	struct arm_cpu *cpu = vcpu_cpu();

	(void)ctx;
	if (regno <= GDB_ARM_REG_PC)
		*val = cpu->r[regno];
	else if (regno == GDB_ARM_REG_CPSR)
		*val = arm_sys_cpsr(vcpu_sys(), cpu);
	else
		return -1;
	return 0;
}

static int write_reg(void *ctx, unsigned regno, uint32_t val)
{
	struct arm_cpu *cpu = vcpu_cpu();

	(void)ctx;
	if (regno <= GDB_ARM_REG_PC)
		cpu->r[regno] = val;
	else if (regno == GDB_ARM_REG_CPSR)
		arm_sys_set_cpsr(vcpu_sys(), cpu, val);
	else
		return -1;
	return 0;
}

static size_t read_mem(void *ctx, uint32_t addr, uint8_t *buf, size_t len)
{
	(void)ctx;
	return vcpu_debug_read(addr, buf, len);
}

static size_t write_mem(void *ctx, uint32_t addr, const uint8_t *buf, size_t len)
{
	(void)ctx;
	return vcpu_debug_write(addr, buf, len);
}

/* ---- breakpoints and watchpoints ----------------------------------------- */

static bool is_break(enum gdb_point t)
{
	return t == GDB_BP_SW || t == GDB_BP_HW;
}

static uint32_t watch_kinds(enum gdb_point t)
{
	switch (t) {
	case GDB_WP_WRITE:
		return VCPU_WATCH_WRITE;
	case GDB_WP_READ:
		return VCPU_WATCH_READ;
	default:
		return VCPU_WATCH_READ | VCPU_WATCH_WRITE;
	}
}

/* Hands the current sets to the vCPU; -1 when either is too large. */
static int apply_points(void)
{
	uint32_t bps[DBT_MAX_BREAKPOINTS];
	struct vcpu_watch wps[VCPU_MAX_WATCHPOINTS];
	unsigned nb = 0, nw = 0;

	for (unsigned i = 0; i < stub.npoints; i++) {
		const struct point *p = &stub.points[i];
		if (is_break(p->type)) {
			if (nb == DBT_MAX_BREAKPOINTS)
				return -1;
			bps[nb++] = p->addr;
		} else {
			if (nw == VCPU_MAX_WATCHPOINTS)
				return -1;
			stub.watch_point[nw] = i;
			wps[nw++] = (struct vcpu_watch){ p->addr, p->len, watch_kinds(p->type) };
		}
	}
	if (vcpu_set_breakpoints(bps, nb) || vcpu_set_watchpoints(wps, nw))
		return -1;
	return 0;
}

static int find_point(enum gdb_point type, uint32_t addr, uint32_t len)
{
	for (unsigned i = 0; i < stub.npoints; i++) {
		const struct point *p = &stub.points[i];
		if (p->type == type && p->addr == addr && (is_break(type) || p->len == len))
			return (int)i;
	}
	return -1;
}

static int insert_point(void *ctx, enum gdb_point type, uint32_t addr, uint32_t kind)
{
	(void)ctx;
	if (type > GDB_WP_ACCESS || (!is_break(type) && kind == 0))
		return -1;
	if (find_point(type, addr, kind) >= 0)
		return 0;   /* gdb may insert the same point again */
	if (stub.npoints == MAX_POINTS)
		return -1;
	stub.points[stub.npoints++] = (struct point){ type, addr, kind };
	if (apply_points()) {
		stub.npoints--;
		apply_points();
		return -1;
	}
	return 0;
}

static int remove_point(void *ctx, enum gdb_point type, uint32_t addr, uint32_t kind)
{
	(void)ctx;
	if (type > GDB_WP_ACCESS)
		return -1;
	int i = find_point(type, addr, kind);
	if (i < 0)
		return 0;   /* removing what is not there is not an error */
	stub.points[i] = stub.points[--stub.npoints];
	return apply_points();
}

static void remove_all_points(void)
{
	stub.npoints = 0;
	apply_points();
}

static bool break_at(uint32_t pc, enum gdb_point *type)
{
	for (unsigned i = 0; i < stub.npoints; i++) {
		if (is_break(stub.points[i].type) && stub.points[i].addr == pc) {
			*type = stub.points[i].type;
			return true;
		}
	}
	return false;
}

/* ---- the connection ------------------------------------------------------ */

static int monitor(void *ctx, const char *cmd, struct gdb_out *out)
{
	(void)ctx;
	return gdbstub_monitor_command(cmd, out);
}

static void put(void *ctx, const char *buf, size_t n)
{
	(void)ctx;
	for (size_t i = 0; i < n; i++)
		serial_putc(&serial_com2, buf[i]);
}

static const struct gdb_target_ops target_ops = {
	read_reg, write_reg, read_mem, write_mem, insert_point, remove_point,
	monitor, put,
};

/* Interrupt context: bytes from gdb while the guest runs. */
static void on_rx(void)
{
	vcpu_debug_request();
}

/* Waits for the next byte from gdb, sleeping. */
static uint8_t next_byte(void)
{
	for (;;) {
		irq_disable();
		int c = serial_getc(&serial_com2);
		if (c >= 0) {
			irq_enable();
			return (uint8_t)c;
		}
		wait_for_interrupt();
	}
}

enum resume {
	RESUME_RUN,     /* let the guest go on */
	RESUME_KILL,    /* gdb killed it */
};

/* The guest resumes after gdb's c or s: a continue from a breakpoint
 * steps its instruction first (a step does not stop at breakpoints). */
static void resume(bool step)
{
	enum gdb_point type;

	stub.stepping_over = !step && break_at(vcpu_cpu()->r[ARM_REG_PC], &type);
	vcpu_set_single_step(step || stub.stepping_over);
}

static void detach(void)
{
	remove_all_points();
	stub.attached = false;
	stub.stepping_over = false;
	vcpu_set_single_step(false);
	log_info("gdb: detached; the guest runs on\n");
}

/* Acts on what one byte did; returns true when the guest is to run
 * again, with *r saying how. */
static bool act(enum gdb_action a, enum resume *r)
{
	*r = RESUME_RUN;
	switch (a) {
	case GDB_ACT_NONE:
		return false;
	case GDB_ACT_CONTINUE:
	case GDB_ACT_STEP:
		resume(a == GDB_ACT_STEP);
		return true;
	case GDB_ACT_DETACH:
		detach();
		return true;
	case GDB_ACT_KILL:
		*r = RESUME_KILL;
		return true;
	case GDB_ACT_BREAK:
	case GDB_ACT_ATTACH:
		/* Only while running, which this loop is not. */
		return false;
	}
	return false;
}

/* The guest is stopped: serve gdb until it resumes the guest. */
static enum resume serve(void)
{
	enum resume r;

	stub.stop_clock(true);
	for (;;) {
		if (act(gdb_feed(&gdb, next_byte()), &r))
			break;
	}
	stub.stop_clock(false);
	return r;
}

static void note_attached(void)
{
	if (!stub.attached)
		log_info("gdb: attached\n");
	stub.attached = true;
}

/* Bytes that arrived while the guest ran: Ctrl-C or a new connection
 * stop it; anything else (acks) lets it go on. Returns true to stop and
 * serve gdb. */
static bool look_at_input(void)
{
	int c;

	while ((c = serial_getc(&serial_com2)) >= 0) {
		struct gdb_stop why = { .kind = GDB_STOP_SIGNAL, .signal = GDB_SIGINT };
		switch (gdb_feed(&gdb, (uint8_t)c)) {
		case GDB_ACT_BREAK:
			note_attached();
			gdb_stopped(&gdb, &why);
			return true;
		case GDB_ACT_ATTACH:
			note_attached();
			why.signal = GDB_SIGTRAP;
			gdb_stopped_quiet(&gdb, &why);
			return true;
		default:
			break;
		}
	}
	return false;
}

/* A debug event from the vCPU: returns true when gdb is to be told and
 * served, false when the guest just goes on. */
static bool on_event(struct vcpu_debug_event ev)
{
	struct gdb_stop why = { .kind = GDB_STOP_SIGNAL, .signal = GDB_SIGTRAP };
	enum gdb_point type;

	switch (ev.kind) {
	case VCPU_DBG_REQUEST:
		return look_at_input();
	case VCPU_DBG_STEP:
		if (stub.stepping_over) {
			stub.stepping_over = false;
			vcpu_set_single_step(false);
			return false;
		}
		break;
	case VCPU_DBG_BREAK:
		if (break_at(vcpu_cpu()->r[ARM_REG_PC], &type)) {
			why.sw_break = type == GDB_BP_SW;
			why.hw_break = type == GDB_BP_HW;
		}
		break;
	case VCPU_DBG_WATCH: {
		const struct point *p = &stub.points[stub.watch_point[ev.watch_index]];
		why.kind = GDB_STOP_WATCH;
		why.watch = p->type;
		why.watch_addr = p->addr;
		break;
	}
	}
	gdb_stopped(&gdb, &why);
	return true;
}

int gdbstub_init(bool wait, void (*stop_clock)(bool stopped))
{
	if (!serial_com2.present) {
		log_err("gdb: no second serial port (COM2) to talk to gdb on; in QEMU add "
			"-serial tcp::1234,server,nowait after the console's -serial\n");
		return -1;
	}
	struct gdb_config cfg = { &target_ops, NULL, !wait };
	gdb_init(&gdb, &cfg);
	stub.stop_clock = stop_clock;
	stub.wait = wait;
	serial_com2.rx_notify = on_rx;
	return 0;
}

static enum vcpu_stop killed(void)
{
	return VCPU_KILLED;
}

enum vcpu_stop gdbstub_run(void)
{
	enum resume r = RESUME_RUN;

	if (stub.wait) {
		log_info("gdb: guest stopped before its first instruction; waiting for gdb on COM2\n");
		struct gdb_stop why = { .kind = GDB_STOP_SIGNAL, .signal = GDB_SIGTRAP };
		gdb_stopped_quiet(&gdb, &why);
		stub.attached = true;
		if (serve() == RESUME_KILL)
			return killed();
	}
	for (;;) {
		enum vcpu_stop s = vcpu_run();
		if (s != VCPU_DEBUG) {
			if (stub.attached) {
				struct gdb_stop why = { .kind = GDB_STOP_EXITED };
				gdb_stopped(&gdb, &why);
			}
			return s;
		}
		if (!on_event(vcpu_debug_event()))
			continue;
		r = serve();
		if (r == RESUME_KILL)
			return killed();
	}
}
