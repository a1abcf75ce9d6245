/* The monitor's command console on COM1, used while no guest owns the
 * serial line: help, info, poweroff, reboot. */
#ifndef MONITOR_CONSOLE_H
#define MONITOR_CONSOLE_H

/* Reads and runs commands until one of them ends the monitor. */
void console_run(void) __attribute__((noreturn));

#endif
