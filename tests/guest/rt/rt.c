/* The guest test runtime in C: PL011 output, a printf subset, check lines
 * and the exception dispatcher the stubs in start.S call. */
#include <stdarg.h>
#include "rt.h"

/* PL011 (ARM DDI 0183G 3.3): data register at 0, flag register at 0x18
 * with TXFF (transmit FIFO full) in bit 5. -M virt puts it at 0x09000000. */
#define UART_BASE 0x09000000u
#define UART_DR 0x00u
#define UART_FR 0x18u
#define UART_FR_TXFF (1u << 5)

/* Must match SVC_RETURN_TO_PL1 in start.S. */
#define SVC_RETURN_TO_PL1 0xF00000u
/* The SVC immediate is the low 24 bits of the instruction (A8.8.228). */
#define SVC_IMM_MASK 0x00FFFFFFu
/* A handler that keeps being entered means a test lost control. */
#define MAX_EXCEPTIONS 100000u
/* Preferred return offsets from LR on entry, ARM state (B1.8.3, Table
 * B1-7): data abort LR = faulting instruction + 8; prefetch abort, IRQ
 * and FIQ LR = instruction + 4. */
#define DABT_LR_OFFSET 8u
#define ARM_INSN_SIZE 4u

volatile struct exc_rec rt_exc;
volatile uint32_t rt_exc_count;
volatile uint32_t rt_resume;
exc_hook_fn rt_hook;

static uint32_t checks, failures;

/* Where rt_vprintf's characters go: the UART, or a buffer (rt_snprintf). */
static char *sink_buf, *sink_end;

void rt_putc(char c)
{
	volatile uint32_t *fr = (volatile uint32_t *)(UART_BASE + UART_FR);
	volatile uint32_t *dr = (volatile uint32_t *)(UART_BASE + UART_DR);
	while (*fr & UART_FR_TXFF)
		;
	*dr = (uint32_t)(unsigned char)c;
}

static void emit(char c)
{
	if (!sink_buf)
		rt_putc(c);
	else if (sink_buf < sink_end)
		*sink_buf++ = c;
}

static void put_uint(uint32_t v, unsigned base, int width, char pad)
{
	char buf[12];
	int n = 0;
	do {
		unsigned d = v % base;
		buf[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
		v /= base;
	} while (v);
	while (width-- > n)
		emit(pad);
	while (n)
		emit(buf[--n]);
}

static void rt_vprintf(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			emit(*fmt);
			continue;
		}
		char pad = ' ';
		int width = 0;
		if (*++fmt == '0')
			pad = '0';
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		switch (*fmt) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			while (*s)
				emit(*s++);
			break;
		}
		case 'c':
			emit((char)va_arg(ap, int));
			break;
		case 'd': {
			int v = va_arg(ap, int);
			if (v < 0) {
				emit('-');
				v = -v;
			}
			put_uint((uint32_t)v, 10, width, pad);
			break;
		}
		case 'u':
			put_uint(va_arg(ap, uint32_t), 10, width, pad);
			break;
		case 'x':
			put_uint(va_arg(ap, uint32_t), 16, width, pad);
			break;
		default:
			emit('%');
			emit(*fmt);
			break;
		}
	}
}

void rt_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	rt_vprintf(fmt, ap);
	va_end(ap);
}

void rt_snprintf(char *buf, uint32_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sink_buf = buf;
	sink_end = buf + size - 1;
	rt_vprintf(fmt, ap);
	*sink_buf = 0;
	sink_buf = 0;
	va_end(ap);
}

static void check_head(const char *fmt, va_list ap)
{
	checks++;
	rt_printf("  ");
	rt_vprintf(fmt, ap);
}

void check_eq(uint32_t got, uint32_t want, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	check_head(fmt, ap);
	va_end(ap);
	if (got == want) {
		rt_printf(" = 0x%x ok\n", got);
	} else {
		failures++;
		rt_printf(" = 0x%x FAIL (want 0x%x)\n", got, want);
	}
}

void check_true(int cond, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	check_head(fmt, ap);
	va_end(ap);
	if (cond) {
		rt_printf(" ok\n");
	} else {
		failures++;
		rt_printf(" FAIL\n");
	}
}

void check_dev(uint32_t got, uint32_t manual, uint32_t qemu, const char *what)
{
	if (got == qemu && got != manual) {
		checks++;
		rt_printf("  %s = 0x%x known QEMU deviation (manual 0x%x)\n",
			  what, got, manual);
	} else {
		check_eq(got, manual, "%s", what);
	}
}

void rt_section(const char *title)
{
	rt_printf("# %s\n", title);
}

void exc_clear(void)
{
	rt_exc.kind = 0;
	rt_exc.fsr = 0;
	rt_exc.far = 0;
	rt_exc_count = 0;
}

static const char *kind_name(uint32_t kind)
{
	switch (kind) {
	case 0: return "none";
	case EXC_UND: return "undef";
	case EXC_SVC: return "svc";
	case EXC_PABT: return "prefetch-abort";
	case EXC_DABT: return "data-abort";
	case EXC_IRQ: return "irq";
	case EXC_FIQ: return "fiq";
	}
	return "?";
}

static void print_exc(uint32_t n, uint32_t kind, uint32_t fsr, int with_fsr)
{
	rt_printf("%u x %s", n, kind_name(kind));
	if (with_fsr)
		rt_printf(" fsr 0x%03x", fsr);
}

void check_exc(const char *what, uint32_t kind, uint32_t fsr, uint32_t mask)
{
	uint32_t n = rt_exc_count;
	uint32_t got_kind = n ? rt_exc.kind : 0;
	uint32_t got_fsr = rt_exc.fsr & mask;
	int aborts = kind == EXC_PABT || kind == EXC_DABT;
	int ok = n == 1 && got_kind == kind && (!aborts || got_fsr == fsr);
	checks++;
	rt_printf("  %s: ", what);
	print_exc(n, got_kind, got_fsr, aborts);
	if (ok) {
		rt_printf(" ok\n");
		return;
	}
	failures++;
	rt_printf(" FAIL (want ");
	print_exc(1, kind, fsr, aborts);
	rt_printf(")\n");
}

void check_no_exc(const char *what)
{
	uint32_t n = rt_exc_count;
	checks++;
	if (n == 0) {
		rt_printf("  %s: no exception ok\n", what);
		return;
	}
	failures++;
	rt_printf("  %s: ", what);
	print_exc(n, rt_exc.kind, rt_exc.fsr, 1);
	rt_printf(" FAIL (want no exception)\n");
}

void rt_fatal(const char *why)
{
	rt_printf("  fatal: %s FAIL\n", why);
	rt_printf("guest %s: %u checks, %u failed\n", rt_test_name, checks + 1,
		  failures + 1);
	psci_system_off();
}

static void record(uint32_t kind, const struct exc_frame *f)
{
	rt_exc.kind = kind;
	rt_exc.cpsr = f->cpsr;
	rt_exc.spsr = f->spsr;
	rt_exc.lr = f->pc;
	rt_exc.imm = 0;
	if (kind == EXC_DABT) {
		rt_exc.fsr = read_dfsr();
		rt_exc.far = read_dfar();
	} else if (kind == EXC_PABT) {
		rt_exc.fsr = read_ifsr();
		rt_exc.far = read_ifar();
	} else if (kind == EXC_SVC) {
		rt_exc.imm = *(const uint32_t *)(f->pc - ARM_INSN_SIZE) & SVC_IMM_MASK;
	}
}

/* Called by the stubs in start.S with the saved frame. */
void rt_exc_dispatch(uint32_t kind, struct exc_frame *f)
{
	if (kind == EXC_SVC && (f->spsr & MODE_MASK) == MODE_USR &&
	    (*(const uint32_t *)(f->pc - ARM_INSN_SIZE) & SVC_IMM_MASK) ==
		    SVC_RETURN_TO_PL1) {
		f->spsr = (f->spsr & ~MODE_MASK) | MODE_SVC;
		return;
	}
	if (++rt_exc_count > MAX_EXCEPTIONS)
		rt_fatal("exception storm");
	record(kind, f);
	if (rt_hook && rt_hook(kind, f))
		return;
	switch (kind) {
	case EXC_UND:
	case EXC_SVC:
		break;
	case EXC_DABT:
		f->pc = f->pc - DABT_LR_OFFSET + ARM_INSN_SIZE;
		break;
	case EXC_PABT:
		if (!rt_resume)
			rt_fatal("prefetch abort outside probe_exec");
		f->pc = rt_resume;
		f->r[0] = PROBE_EXEC_FAULT;
		break;
	default:
		rt_fatal("unexpected interrupt");
	}
}

void rt_start(void)
{
	rt_printf("guest %s: start\n", rt_test_name);
	test_main();
	rt_printf("guest %s: %u checks, %u failed\n", rt_test_name, checks,
		  failures);
}
