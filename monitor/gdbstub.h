/* The gdb stub: the GDB remote protocol (monitor/gdb_proto.c) on COM2,
 * debugging the guest vCPU. With it enabled the board runs the guest
 * through gdbstub_run(), which stops and resumes the vCPU as gdb asks.
 * docs/gdb.md says how to attach. */
#ifndef MONITOR_GDBSTUB_H
#define MONITOR_GDBSTUB_H

#include <stdbool.h>

#include "guest-arm/vcpu.h"

/* Sets the stub up on COM2; wait: the guest stays stopped before its
 * first instruction until gdb resumes it (option gdb=wait). The stub
 * calls stop_clock(true) while it holds the guest stopped and
 * stop_clock(false) when the guest runs again, so guest time stands
 * still meanwhile. Returns -1, with a message, when there is no COM2. */
int gdbstub_init(bool wait, void (*stop_clock)(bool stopped));
/* Runs the guest under the debugger until it stops for good (powered
 * off, an unsupported feature, or killed from gdb). */
enum vcpu_stop gdbstub_run(void);

/* qRcmd monitor commands (monitor/gdb_monitor.c). */
struct gdb_out;
int gdbstub_monitor_command(const char *cmd, struct gdb_out *out);

#endif
