/* Completes, in C, a guest load or store that the shadow MMU could not
 * let through because its address is a device (or an access that wraps
 * at 4 GiB): the instruction is decoded again and executed against
 * byte-exact read/write callbacks, with every addressing mode of ARM DDI
 * 0406C A5.3 and A6.3.7-A6.3.10 (LDR/STR/B/H/SB/SH/D, LDM/STM, the
 * exclusives, SWP), in ARM or Thumb state (CPSR.T and ITSTATE through
 * arm_cpu_cpsr()). Host-testable. */
#ifndef GUEST_ARM_MMIO_H
#define GUEST_ARM_MMIO_H

#include <stdbool.h>
#include <stdint.h>

#include "dbt/a32_decode.h"
#include "dbt/arm_cpu.h"
#include "shadow/walk.h"

/* Guest memory by virtual address for one access of 1, 2 or 4 bytes:
 * returns 0, or an ARM_FS_* status with *fault filled by the walk. */
struct mmio_ops {
	int (*read)(void *ctx, uint32_t va, unsigned size, uint32_t *out,
		    struct arm_walk_result *fault);
	int (*write)(void *ctx, uint32_t va, unsigned size, uint32_t value,
		     struct arm_walk_result *fault);
	void *ctx;
};

struct mmio_fault {
	struct arm_walk_result walk;
	uint32_t va;
	bool is_write;
};

enum mmio_result {
	MMIO_DONE,          /* executed; cpu->r[15] is the next instruction */
	MMIO_ABORT,         /* a Data Abort: *fault says where and why */
	MMIO_UNSUPPORTED,   /* not a load/store this path can execute */
};

/* Executes the load/store in (at cpu->r[15]); on MMIO_DONE the PC has
 * moved past it (or branched, interworking, for a load into PC) and
 * ITSTATE has advanced. Guest state is untouched when it aborts (loads
 * into the base register are written last). */
enum mmio_result mmio_emulate(struct arm_cpu *cpu, const struct a32_insn *in,
			      const struct mmio_ops *ops, struct mmio_fault *fault);

#endif
