/* The GDB remote serial protocol, target side, independent of where the
 * bytes come from and of what is being debugged: packet framing
 * ($data#cs, acks, escapes), the packets of an all-stop ARM stub and their
 * replies. The embedder (monitor/gdbstub.c: COM2 and the guest vCPU)
 * feeds received bytes in and provides the target through struct
 * gdb_target_ops; the core never touches hardware, so it is unit-tested
 * and fuzzed on the host (tests/unit/test_gdb_proto.c).
 *
 * Reference: "Debugging with GDB", appendix E "GDB Remote Serial
 * Protocol" (sections E.1 Overview, E.2 Packets, E.3 Stop Reply Packets,
 * E.4 General Query Packets) and appendix G "Target Descriptions"
 * (G.5.1 ARM Features). */
#ifndef MONITOR_GDB_PROTO_H
#define MONITOR_GDB_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest packet payload either way (advertised as PacketSize, in
 * hex, in the qSupported reply). */
#define GDB_PACKET_MAX 4096

/* Register numbers as gdb's ARM target description names them: r0-r12,
 * sp, lr, pc, then cpsr at 25 (regnum="25" in org.gnu.gdb.arm.core). The
 * 'g' packet holds r0-r15 then cpsr, each 8 hex digits, little-endian. */
#define GDB_ARM_REG_PC 15
#define GDB_ARM_REG_CPSR 25

enum gdb_point {
	GDB_BP_SW = 0,        /* Z0 */
	GDB_BP_HW = 1,        /* Z1 */
	GDB_WP_WRITE = 2,     /* Z2 */
	GDB_WP_READ = 3,      /* Z3 */
	GDB_WP_ACCESS = 4,    /* Z4 */
};

/* Why the target stopped, for the stop reply ('?' and after resuming). */
enum gdb_stop_kind {
	GDB_STOP_SIGNAL,      /* "T<sig>": break-in, step done, breakpoint */
	GDB_STOP_WATCH,       /* "T05...watch/rwatch/awatch:ADDR;" */
	GDB_STOP_EXITED,      /* "W<code>": the guest powered off */
};

#define GDB_SIGINT 2
#define GDB_SIGTRAP 5

struct gdb_stop {
	enum gdb_stop_kind kind;
	uint8_t signal;       /* GDB_STOP_SIGNAL: GDB_SIGINT, GDB_SIGTRAP */
	bool sw_break;        /* reached a Z0 breakpoint ("swbreak:;" when
			       * gdb announced swbreak+) */
	bool hw_break;        /* reached a Z1 breakpoint ("hwbreak:;") */
	enum gdb_point watch; /* GDB_STOP_WATCH: GDB_WP_* that triggered */
	uint32_t watch_addr;  /* GDB_STOP_WATCH: the address accessed */
	uint8_t exit_code;    /* GDB_STOP_EXITED */
};

/* Text output for qRcmd (monitor commands), sent as 'O' packets: the
 * text is hex-encoded straight into the stub's transmit buffer and each
 * packet goes out when full, the last one when the command returns. */
struct gdb_out {
	bool open;            /* an 'O' packet is being filled in tx_buf */
};
void gdb_out_write(struct gdb_out *o, const char *s, size_t n);
void gdb_out_printf(struct gdb_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* What the debugged machine provides; every member is set. ctx is
 * struct gdb_config.ctx. */
struct gdb_target_ops {
	/* One register by GDB_ARM_REG number: 0 on success, -1 when there
	 * is no such register. */
	int (*read_reg)(void *ctx, unsigned regno, uint32_t *val);
	int (*write_reg)(void *ctx, unsigned regno, uint32_t val);
	/* Memory by the guest's current virtual addresses. Return how many
	 * bytes from the start were done (0 to len): an access stops at the
	 * first byte that cannot be read or written. */
	size_t (*read_mem)(void *ctx, uint32_t addr, uint8_t *buf, size_t len);
	size_t (*write_mem)(void *ctx, uint32_t addr, const uint8_t *buf, size_t len);
	/* Z and z packets: 0 done, -1 refused (error reply), 1 this kind is
	 * not supported (empty reply). kind is the packet's third field
	 * (breakpoint size in bytes or watched length). */
	int (*insert_point)(void *ctx, enum gdb_point type, uint32_t addr, uint32_t kind);
	int (*remove_point)(void *ctx, enum gdb_point type, uint32_t addr, uint32_t kind);
	/* qRcmd: cmd is the decoded command line (NUL-terminated); write the
	 * answer to out. Return 0, or -1 for an unknown command (the core
	 * then replies with an error after the text written). */
	int (*monitor)(void *ctx, const char *cmd, struct gdb_out *out);
	/* Send bytes to gdb. */
	void (*put)(void *ctx, const char *buf, size_t n);
};

/* What the embedder must do after gdb_feed(). */
enum gdb_action {
	GDB_ACT_NONE,         /* keep feeding bytes */
	GDB_ACT_CONTINUE,     /* resume the guest ('c', vCont;c) */
	GDB_ACT_STEP,         /* execute one instruction, then stop ('s', vCont;s) */
	GDB_ACT_BREAK,        /* Ctrl-C (0x03) while running: stop, then
			       * call gdb_stopped() with GDB_SIGINT */
	GDB_ACT_ATTACH,       /* a packet began ('$') while running: a gdb
			       * that expects a stopped target (a new
			       * connection); stop, call gdb_stopped_quiet(),
			       * go on feeding bytes */
	GDB_ACT_DETACH,       /* 'D': remove every point, resume, forget gdb */
	GDB_ACT_KILL,         /* 'k' or vKill: end the machine */
};

struct gdb_config {
	const struct gdb_target_ops *ops;
	void *ctx;
	/* The target is running at gdb_init() (gdb=on); otherwise it is
	 * stopped and '?' answers SIGTRAP until a stop is reported. */
	bool start_running;
};

/* All state of one stub; opaque to the embedder except through the
 * functions below. Sized for one packet each way. */
struct gdb {
	struct gdb_config cfg;
	bool running;          /* resumed and not yet reported stopped */
	bool swbreak_ok, hwbreak_ok;  /* gdb's qSupported features */
	struct gdb_stop last;  /* last stop reported, for '?' */
	/* Receive state machine. */
	int rx_state;
	size_t rx_len;
	uint8_t rx_sum, rx_csum;
	bool rx_overflow;      /* payload longer than GDB_PACKET_MAX */
	bool rx_bad;           /* payload ends inside an escape */
	char rx_buf[GDB_PACKET_MAX + 1];
	/* The packet being built, then the last one sent, kept whole
	 * ("$...#cs") for a retransmit when gdb answers '-'. */
	size_t tx_len;
	char tx_buf[GDB_PACKET_MAX + 8];
	struct gdb_out out;
	char scratch[GDB_PACKET_MAX + 1];
};

void gdb_init(struct gdb *g, const struct gdb_config *cfg);
/* One byte received from gdb. While the target is stopped, complete
 * packets are acknowledged, executed and answered here. While it runs
 * (after GDB_ACT_CONTINUE or GDB_ACT_STEP), 0x03 gives GDB_ACT_BREAK,
 * a '$' gives GDB_ACT_ATTACH (its packet is then framed as usual and
 * executed once the embedder has stopped the target), and acks and
 * stray bytes are dropped. */
enum gdb_action gdb_feed(struct gdb *g, uint8_t byte);
/* The target stopped after GDB_ACT_CONTINUE/STEP/BREAK: send the stop
 * reply. */
void gdb_stopped(struct gdb *g, const struct gdb_stop *why);
/* The target stopped with no reply owed (GDB_ACT_ATTACH, or gdb=wait
 * before the first instruction); why is what '?' will answer. */
void gdb_stopped_quiet(struct gdb *g, const struct gdb_stop *why);

/* 0-15 for a hex digit of either case, else -1 (also for monitor
 * command arguments). */
int gdb_hex_value(int c);

/* The target description served by qXfer:features:read:target.xml. */
extern const char gdb_arm_target_xml[];

#endif
