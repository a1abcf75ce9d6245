/* The guest machine: a subset of QEMU's `-M virt` for 32-bit ARM
 * (DESIGN.md "The guest machine") - RAM at 0x40000000, the PL011's
 * transmit side on COM1, PSCI over HVC/SMC - and the loader that enters a
 * kernel module the way QEMU's virt loader does. */
#ifndef GUEST_ARM_BOARD_H
#define GUEST_ARM_BOARD_H

#include <stdint.h>

#include "boot/bootinfo.h"
#include "boot/options.h"


/* Finds the kernel module, builds the board, loads and runs the guest.
 * Returns only when the guest stops: 0 for a PSCI SYSTEM_OFF, -1 when it
 * could not start or stopped abnormally. */
int board_run(const struct boot_info *bi, const struct options *o);

#endif
