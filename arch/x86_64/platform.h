/* Ways out of the monitor: QEMU's isa-debug-exit port for tests, ACPI or
 * legacy reset and power-off for real hardware, and the fatal stop. */
#ifndef ARCH_PLATFORM_H
#define ARCH_PLATFORM_H

#include <stdbool.h>

/* QEMU `-device isa-debug-exit,iobase=0xf4,iosize=0x04` makes QEMU exit
 * with status (value << 1) | 1. */
#define DEBUG_EXIT_PORT 0xF4
#define DEBUG_EXIT_SUCCESS 0x31   /* QEMU exit status 99 */
#define DEBUG_EXIT_FAILURE 0x20   /* QEMU exit status 65 */

/* Set when the command line asks for a test mode: only then is the
 * debug-exit port written, since on real hardware it is nobody's. */
void platform_set_test_mode(bool on);
bool platform_test_mode(void);

void platform_exit_test(bool success) __attribute__((noreturn));
void platform_fatal_stop(void) __attribute__((noreturn));
void platform_halt(void) __attribute__((noreturn));
void platform_reboot(void) __attribute__((noreturn));
void platform_poweroff(void) __attribute__((noreturn));

#endif
