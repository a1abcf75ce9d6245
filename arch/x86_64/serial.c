/* 16550 UART (National Semiconductor PC16550D data sheet register map). */
#include "arch/x86_64/serial.h"

#include "arch/x86_64/x86.h"

/* Register offsets; DLL/DLM overlay RBR/IER while LCR.DLAB is set. */
#define UART_RBR 0
#define UART_THR 0
#define UART_DLL 0
#define UART_IER 1
#define UART_DLM 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_SCR 7

#define IER_RX_AVAILABLE 0x01
#define FCR_ENABLE_CLEAR 0x07     /* enable FIFOs, clear RX and TX */
#define FCR_TRIGGER_1 0x00        /* interrupt on every received byte */
#define LCR_8N1 0x03
#define LCR_DLAB 0x80
#define MCR_DTR 0x01
#define MCR_RTS 0x02
#define MCR_OUT2 0x08             /* gates the IRQ line on PC boards */
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20

#define UART_CLOCK_DIV_115200 1
#define TX_SPIN_LIMIT 100000

struct serial_port serial_com1, serial_com2;

int serial_init(struct serial_port *p, uint16_t base)
{
	p->base = base;
	p->present = false;
	p->rx_head = p->rx_tail = 0;

	/* The scratch register reads back what was written only if a UART
	 * is there. */
	outb(base + UART_SCR, 0x5A);
	if (inb(base + UART_SCR) != 0x5A)
		return -1;
	outb(base + UART_IER, 0);
	outb(base + UART_LCR, LCR_DLAB);
	outb(base + UART_DLL, UART_CLOCK_DIV_115200);
	outb(base + UART_DLM, 0);
	outb(base + UART_LCR, LCR_8N1);
	outb(base + UART_FCR, FCR_ENABLE_CLEAR | FCR_TRIGGER_1);
	outb(base + UART_MCR, MCR_DTR | MCR_RTS | MCR_OUT2);
	while (inb(base + UART_LSR) & LSR_DATA_READY)
		(void)inb(base + UART_RBR);
	outb(base + UART_IER, IER_RX_AVAILABLE);
	p->present = true;
	return 0;
}

void serial_putc(struct serial_port *p, char c)
{
	if (!p->present)
		return;
	/* Bounded: a wedged UART must not hang the monitor's log. */
	for (int i = 0; i < TX_SPIN_LIMIT; i++) {
		if (inb(p->base + UART_LSR) & LSR_THR_EMPTY)
			break;
		cpu_relax();
	}
	outb(p->base + UART_THR, (uint8_t)c);
}

void serial_write(struct serial_port *p, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc(p, '\r');
		serial_putc(p, s[i]);
	}
}

void serial_console_write(const char *s, size_t n)
{
	uint64_t flags = irq_save();

	serial_write(&serial_com1, s, n);
	irq_restore(flags);
}

void serial_rx_interrupt(struct serial_port *p)
{
	bool got = false;

	while (inb(p->base + UART_LSR) & LSR_DATA_READY) {
		got = true;
		uint8_t c = inb(p->base + UART_RBR);
		uint32_t next = (p->rx_head + 1) % SERIAL_RX_BUF;
		if (next == p->rx_tail) {
			p->rx_overruns++;
			continue;
		}
		p->rx_buf[p->rx_head] = c;
		p->rx_head = next;
	}
	if (got && p->rx_notify)
		p->rx_notify();
}

int serial_getc(struct serial_port *p)
{
	if (p->rx_tail == p->rx_head)
		return -1;
	int c = p->rx_buf[p->rx_tail];
	p->rx_tail = (p->rx_tail + 1) % SERIAL_RX_BUF;
	return c;
}
