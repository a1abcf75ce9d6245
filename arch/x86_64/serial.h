/* 16550 UART driver for COM1 (console, guest serial) and COM2 (gdb).
 * Transmit is polled; receive is interrupt-driven into a ring buffer. */
#ifndef ARCH_SERIAL_H
#define ARCH_SERIAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define COM1_PORT 0x3F8
#define COM2_PORT 0x2F8
#define COM1_ISA_IRQ 4
#define COM2_ISA_IRQ 3
#define SERIAL_RX_BUF 1024

struct serial_port {
	uint16_t base;
	bool present;
	volatile uint32_t rx_head, rx_tail;   /* head: IRQ writes; tail: reader */
	uint32_t rx_overruns;
	/* Called (in interrupt context) after bytes were received, so the
	 * consumer (the guest's UART) can be woken. */
	void (*rx_notify)(void);
	uint8_t rx_buf[SERIAL_RX_BUF];
};

extern struct serial_port serial_com1, serial_com2;

/* Probes and programs the port (115200 8N1, FIFOs on, receive interrupt
 * enabled); returns -1 if no UART answers there. */
int serial_init(struct serial_port *p, uint16_t base);
void serial_putc(struct serial_port *p, char c);
/* Writes n bytes, turning "\n" into "\r\n" for terminals. */
void serial_write(struct serial_port *p, const char *s, size_t n);
/* Returns the next received byte, or -1 when none is buffered. */
int serial_getc(struct serial_port *p);
/* Drains the UART into the ring; called from its interrupt handler. */
void serial_rx_interrupt(struct serial_port *p);
/* The log sink for COM1. */
void serial_console_write(const char *s, size_t n);

#endif
