/* IDT set-up, trap dispatch, and the fatal-exception dump. */
#include "arch/x86_64/trap.h"

#include <stdarg.h>
#include <stdbool.h>

#include "arch/x86_64/gdt.h"
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/layout.h"
#include "arch/x86_64/platform.h"
#include "arch/x86_64/x86.h"
#include "lib/log.h"
#include "lib/printf.h"

#define IDT_ENTRIES 256
#define ISR_STUB_SIZE 16
#define GATE_INTERRUPT 0x8E   /* present, DPL0, 64-bit interrupt gate */
#define BACKTRACE_MAX 24

struct idt_gate {
	uint16_t off_lo, sel;
	uint8_t ist, type;
	uint16_t off_mid;
	uint32_t off_hi, reserved;
} __attribute__((packed));

extern const char isr_stubs[];
extern const char __text_start[], __text_end[];

static struct idt_gate idt[IDT_ENTRIES];
static trap_handler_fn handlers[IDT_ENTRIES];

static const char *const exception_names[NUM_EXCEPTIONS] = {
	"#DE divide error", "#DB debug", "NMI", "#BP breakpoint",
	"#OF overflow", "#BR bound range", "#UD invalid opcode",
	"#NM device not available", "#DF double fault", "coprocessor overrun",
	"#TS invalid TSS", "#NP segment not present", "#SS stack fault",
	"#GP general protection", "#PF page fault", "reserved",
	"#MF x87 error", "#AC alignment check", "#MC machine check",
	"#XM SIMD error", "#VE virtualization", "#CP control protection",
};

static void set_gate(unsigned v, uint8_t ist)
{
	uint64_t addr = (uint64_t)(uintptr_t)(isr_stubs + v * ISR_STUB_SIZE);

	idt[v] = (struct idt_gate){
		.off_lo = addr & 0xffff, .sel = SEL_KCODE, .ist = ist,
		.type = GATE_INTERRUPT, .off_mid = (addr >> 16) & 0xffff,
		.off_hi = addr >> 32,
	};
}

void idt_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) p = { sizeof(idt) - 1, (uint64_t)(uintptr_t)idt };

	for (unsigned v = 0; v < IDT_ENTRIES; v++)
		set_gate(v, 0);
	set_gate(VEC_DF, IST_DOUBLE_FAULT);
	set_gate(VEC_NMI, IST_NMI);
	set_gate(VEC_MC, IST_MACHINE_CHECK);
	__asm__ volatile("lidt %0" : : "m"(p));
}

void trap_set_handler(unsigned vector, trap_handler_fn fn)
{
	handlers[vector] = fn;
}

void trap_dispatch(struct trap_frame *tf);
void trap_dispatch(struct trap_frame *tf)
{
	trap_handler_fn fn = handlers[tf->vector];

	if (tf->vector < NUM_EXCEPTIONS) {
		if (!fn || fn(tf))
			trap_fatal(tf, NULL);
		return;
	}
	if (tf->vector == VEC_SPURIOUS)
		return;
	if (fn)
		fn(tf);
	else
		log_warn("unexpected interrupt vector %lu\n", tf->vector);
	lapic_eoi();
}

static bool in_text(uint64_t a)
{
	return a >= (uint64_t)(uintptr_t)__text_start && a < (uint64_t)(uintptr_t)__text_end;
}

/* Walks the frame-pointer chain. Every pointer is checked to lie in the
 * monitor's half before it is read, so a corrupt chain ends the walk
 * instead of faulting inside the fault handler. */
static void backtrace(uint64_t rip, uint64_t rbp)
{
	kprintf("backtrace:\n  #0  %016lx\n", rip);
	for (int i = 1; i < BACKTRACE_MAX; i++) {
		if (rbp < DIRECT_MAP_BASE || rbp % 8 || rbp > UINT64_MAX - 16)
			break;
		uint64_t ret = ((const uint64_t *)(uintptr_t)rbp)[1];
		if (!in_text(ret))
			break;
		kprintf("  #%-2d %016lx\n", i, ret);
		rbp = ((const uint64_t *)(uintptr_t)rbp)[0];
	}
}

static void dump_frame(const struct trap_frame *tf)
{
	kprintf("rax %016lx rbx %016lx rcx %016lx rdx %016lx\n",
		tf->rax, tf->rbx, tf->rcx, tf->rdx);
	kprintf("rsi %016lx rdi %016lx rbp %016lx rsp %016lx\n",
		tf->rsi, tf->rdi, tf->rbp, tf->rsp);
	kprintf("r8  %016lx r9  %016lx r10 %016lx r11 %016lx\n",
		tf->r8, tf->r9, tf->r10, tf->r11);
	kprintf("r12 %016lx r13 %016lx r14 %016lx r15 %016lx\n",
		tf->r12, tf->r13, tf->r14, tf->r15);
	kprintf("rip %016lx cs %04lx rflags %08lx ss %04lx\n",
		tf->rip, tf->cs, tf->rflags, tf->ss);
	kprintf("cr0 %016lx cr2 %016lx cr3 %016lx cr4 %016lx\n",
		read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

void trap_fatal(const struct trap_frame *tf, const char *why)
{
	irq_disable();
	if (why)
		kprintf("\n*** armvisor panic: %s\n", why);
	else
		kprintf("\n*** armvisor: fatal exception %lu (%s), error code %#lx\n",
			tf->vector,
			tf->vector < NUM_EXCEPTIONS && exception_names[tf->vector]
				? exception_names[tf->vector] : "reserved",
			tf->error);
	if (tf->vector == VEC_PF)
		kprintf("page fault address (cr2) %016lx, %s %s access\n", read_cr2(),
			tf->error & 1 ? "protection" : "not-present",
			tf->error & 16 ? "instruction" : tf->error & 2 ? "write" : "read");
	dump_frame(tf);
	backtrace(tf->rip, tf->rbp);
	platform_fatal_stop();
}

/* Captures the caller's registers so a panic prints the same dump as an
 * exception does. */
void panic(const char *fmt, ...)
{
	struct trap_frame tf = { 0 };
	char why[160];
	va_list ap;

	va_start(ap, fmt);
	kvsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	__asm__ volatile("movq %%rbx, %0; movq %%r12, %1; movq %%r13, %2; "
			 "movq %%r14, %3; movq %%r15, %4; movq %%rsp, %5"
			 : "=m"(tf.rbx), "=m"(tf.r12), "=m"(tf.r13), "=m"(tf.r14),
			   "=m"(tf.r15), "=m"(tf.rsp));
	/* Start the walk at the caller's frame: rip already names it. */
	tf.rbp = *(const uint64_t *)__builtin_frame_address(0);
	tf.rip = (uint64_t)(uintptr_t)__builtin_return_address(0);
	tf.vector = ~0ul;
	trap_fatal(&tf, why);
}
