/* The guest CPU's run loop and the x86 page-fault path. Translated code
 * touches guest memory directly through the current shadow root; every
 * #PF it takes lands in vcpu_page_fault(), which either fills the shadow
 * entry and retries, or leaves translated code through the translator's
 * resume stub with the reason recorded in `pending`, for the run loop to
 * turn into an ARM exception or a device access. */
#include "guest-arm/vcpu.h"

#include <stddef.h>
#include <string.h>

#include "arch/x86_64/layout.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/x86.h"
#include "dbt/a32_decode.h"
#include "dbt/dbt.h"
#include "dbt/t32_decode.h"
#include "guest-arm/mmio.h"
#include "lib/log.h"
#include "mm/mm.h"
#include "mm/vmm.h"
#include "shadow/gpa.h"
#include "shadow/shadow.h"

#define CODE_CACHE_SIZE (64u << 20)
#define PF_ERR_WRITE (1u << 1)
#define CPSR_AIF (ARM_CPSR_A | ARM_CPSR_I | ARM_CPSR_F)
#define CPSR_TRANSLATED (CPSR_AIF | ARM_CPSR_T | ARM_CPSR_IT_LO | ARM_CPSR_IT_HI)

enum pending {
	PEND_NONE,
	PEND_DATA_ABORT,
	PEND_PREFETCH_ABORT,
	PEND_DEVICE,      /* complete the access in C (mmio.c) */
	PEND_CODE_WRITE,  /* a store to a page holding translations */
};

static struct arm_cpu cpu;
static struct arm_sys sys;
static struct dbt *dbt;
static const struct vcpu_board_ops *board;
static struct vcpu_stats stats;
static enum pending pending;
static bool align_check;

/* Debugger state (vcpu_set_*): the translator holds the breakpoints;
 * watchpoints are enforced here, by never mapping a watched page for the
 * kinds of access watched, so that every such access reaches the #PF
 * handler and is completed in C, where its exact address is checked. */
static struct {
	volatile bool request;
	bool step;
	struct vcpu_debug_event event;
	bool watch_hit;          /* set by a C access that hit a watchpoint */
	unsigned nwatch;
	struct vcpu_watch watch[VCPU_MAX_WATCHPOINTS];
} debug;

/* ---- guest physical and virtual memory for C code -------------------------- */

static int walk_read(void *ctx, uint32_t pa, uint32_t *out)
{
	const uint32_t *p = gpa_ram_ptr(pa & ~3u, 4);

	(void)ctx;
	if (!p)
		return -1;
	*out = *p;
	return 0;
}

static int walk(uint32_t va, enum arm_access acc, bool priv, struct arm_walk_result *r)
{
	struct arm_mmu_regs m = arm_sys_mmu_regs(&sys);
	return arm_walk(&m, va, acc, priv, walk_read, NULL, r);
}

/* A write by C code to guest RAM that holds translated code: drop the
 * translations of that page (translated stores fault on it instead). */
static void code_page_written(uint32_t pa)
{
	uint32_t page = pa & ~0xfffu;

	if (!shadow_is_code(page))
		return;
	stats.code_page_drops++;
	shadow_stats.code_writes++;
	dbt_invalidate_key(dbt, page);
	shadow_forget_code_page(page);
}

/* One access within a page (va_access() splits those that cross one). */
static int phys_access(uint32_t pa, unsigned size, bool write, uint32_t *val)
{
	uint8_t *ram = gpa_ram_ptr(pa, size);

	if (ram) {
		if (write) {
			code_page_written(pa);
			memcpy(ram, val, size);
		} else {
			*val = 0;
			memcpy(val, ram, size);
		}
		return 0;
	}
	struct gpa_device *dev = gpa_find_device(pa);
	if (!dev)
		return -1;
	dev->accesses++;
	shadow_stats.device_accesses++;
	if (write)
		dev->write(dev->ctx, pa - dev->base, size, *val);
	else
		*val = dev->read(dev->ctx, pa - dev->base, size);
	return 0;
}

static int va_access(uint32_t va, unsigned size, bool write, bool priv,
		     uint32_t *val, struct arm_walk_result *f);

/* An unaligned access that crosses a page: each byte through its own
 * page's translation (the pages' frames need not be adjacent). ARM makes
 * no single-copy atomicity promise for it (A3.5.3), so a fault on the
 * second page may leave the first one's bytes written. Little-endian. */
static int va_access_split(uint32_t va, unsigned size, bool write, bool priv,
			   uint32_t *val, struct arm_walk_result *f)
{
	uint32_t got = 0;

	for (unsigned i = 0; i < size; i++) {
		uint32_t byte = write ? (*val >> (8 * i)) & 0xffu : 0;
		int fs = va_access(va + i, 1, write, priv, &byte, f);
		if (fs)
			return fs;
		got |= byte << (8 * i);
	}
	if (!write)
		*val = got;
	return 0;
}

/* One access by virtual address with the given privilege: walk, then RAM
 * or device. A physical address that is neither is an external abort. */
static int va_access(uint32_t va, unsigned size, bool write, bool priv,
		     uint32_t *val, struct arm_walk_result *f)
{
	if ((va & 0xfffu) + size > 0x1000u)
		return va_access_split(va, size, write, priv, val, f);
	int fs = walk(va, write ? ARM_ACCESS_WRITE : ARM_ACCESS_READ, priv, f);
	if (fs)
		return fs;
	if (phys_access(f->pa, size, write, val)) {
		f->fs = ARM_FS_SYNC_EXTERNAL;
		return ARM_FS_SYNC_EXTERNAL;
	}
	return 0;
}

static int sys_read(void *ctx, uint32_t va, unsigned size, bool priv,
		    uint32_t *out, struct arm_walk_result *f)
{
	(void)ctx;
	return va_access(va, size, false, priv, out, f);
}

static int sys_write(void *ctx, uint32_t va, unsigned size, bool priv,
		     uint32_t val, struct arm_walk_result *f)
{
	(void)ctx;
	return va_access(va, size, true, priv, &val, f);
}

static const struct arm_sys_mem sys_mem = { sys_read, sys_write, walk_read, NULL };

/* Does [va, va+size) touch a watchpoint of this kind? Records the hit
 * for the run loop. */
static bool watch_check(uint32_t va, unsigned size, uint32_t kind)
{
	for (unsigned i = 0; i < debug.nwatch; i++) {
		const struct vcpu_watch *w = &debug.watch[i];
		if ((w->kinds & kind) && (uint64_t)va + size > w->addr &&
		    va < (uint64_t)w->addr + w->len) {
			debug.watch_hit = true;
			debug.event = (struct vcpu_debug_event){
				.kind = VCPU_DBG_WATCH, .watch_index = i, .watch_kind = kind,
			};
			return true;
		}
	}
	return false;
}

/* Loads and stores completed in C for translated code (devices, watched
 * pages, code pages). A watchpoint hit stops the instruction before any
 * of its effects, as a data abort would (mmio_emulate leaves the guest
 * state untouched), and the run loop reports it instead of an abort. */
static int mmio_read(void *ctx, uint32_t va, unsigned size, uint32_t *out,
		     struct arm_walk_result *f)
{
	(void)ctx;
	if (watch_check(va, size, VCPU_WATCH_READ))
		return ARM_FS_DEBUG;
	return va_access(va, size, false, arm_sys_privileged(&sys), out, f);
}

static int mmio_write(void *ctx, uint32_t va, unsigned size, uint32_t val,
		      struct arm_walk_result *f)
{
	(void)ctx;
	if (watch_check(va, size, VCPU_WATCH_WRITE))
		return ARM_FS_DEBUG;
	return va_access(va, size, true, arm_sys_privileged(&sys), &val, f);
}

static const struct mmio_ops mmio_ops = { mmio_read, mmio_write, NULL };

/* ---- the translator's view -------------------------------------------------- */

/* Instruction fetch for translation: the page must be executable at the
 * current privilege and be RAM; it becomes a code page (write-protected
 * in every shadow root). A refusal is a Prefetch Abort. */
int dbt_host_code_page(struct arm_cpu *c, uint32_t va, uint64_t *key,
		       const void **host)
{
	struct arm_walk_result r;
	int fs = walk(va, ARM_ACCESS_EXEC, arm_sys_privileged(&sys), &r);

	(void)c;
	if (!fs) {
		uint32_t page = r.pa & ~0xfffu;
		const void *p = gpa_ram_ptr(page, 4096);
		if (p) {
			shadow_protect_code(page);
			*key = page;
			*host = p;
			return 0;
		}
		r.fs = ARM_FS_SYNC_EXTERNAL;
	}
	sys.cp15.ifsr = arm_fsr(&r, false, false);
	sys.cp15.ifar = va;
	pending = PEND_PREFETCH_ABORT;
	return -1;
}

/* ---- the x86 page fault ----------------------------------------------------- */

/* The kinds of access watched anywhere in va's 4 KiB page. */
static uint32_t watch_kinds_on_page(uint32_t va)
{
	uint32_t page = va & ~0xfffu, kinds = 0;

	for (unsigned i = 0; i < debug.nwatch; i++) {
		const struct vcpu_watch *w = &debug.watch[i];
		uint32_t first = w->addr & ~0xfffu;
		uint32_t last = (w->addr + w->len - 1) & ~0xfffu;
		bool wraps = last < first;
		if (wraps ? (page >= first || page <= last) : (page >= first && page <= last))
			kinds |= w->kinds;
	}
	return kinds;
}

static void leave_translated_code(struct trap_frame *tf, const struct dbt_mem_access *acc,
				  enum pending why)
{
	pending = why;
	tf->rip = acc->resume_rip;
}

static int vcpu_page_fault(struct trap_frame *tf)
{
	struct dbt_mem_access acc;
	uint64_t cr2 = read_cr2();

	if (dbt_fault_lookup(dbt, tf->rip, &acc))
		return -1;   /* not translated code: a monitor bug, fatal */
	bool write = tf->error & PF_ERR_WRITE;
	uint32_t va = (uint32_t)cr2;
	cpu.fault_addr = va;
	cpu.fault_is_write = write;
	/* An access that runs past 4 GiB wraps on ARM; the x86 does not, so
	 * C code completes it. */
	if (cr2 >= GUEST_SPACE_END) {
		leave_translated_code(tf, &acc, PEND_DEVICE);
		return 0;
	}
	struct arm_walk_result r;
	bool priv = arm_sys_privileged(&sys);
	if (walk(va, write ? ARM_ACCESS_WRITE : ARM_ACCESS_READ, priv, &r)) {
		sys.cp15.dfsr = arm_fsr(&r, true, write);
		sys.cp15.dfar = va;
		leave_translated_code(tf, &acc, PEND_DATA_ABORT);
		return 0;
	}
	uint32_t page = r.pa & ~0xfffu;
	uint64_t hpa;
	if (gpa_to_hpa(page, &hpa)) {
		leave_translated_code(tf, &acc, PEND_DEVICE);
		return 0;
	}
	if (write && shadow_is_code(page)) {
		leave_translated_code(tf, &acc, PEND_CODE_WRITE);
		return 0;
	}
	uint32_t watched = watch_kinds_on_page(va);
	if (watched & (write ? VCPU_WATCH_WRITE : VCPU_WATCH_READ)) {
		leave_translated_code(tf, &acc, PEND_DEVICE);
		return 0;
	}
	bool writable = ((priv ? r.perm_pl1 : r.perm_pl0) & ARM_PERM_W) &&
			!(watched & VCPU_WATCH_WRITE);
	if (shadow_map(va, page, hpa, writable, r.global, r.page_shift)) {
		/* Out of table pages: start the shadow afresh and retry. */
		shadow_tlbi_all();
		if (shadow_map(va, page, hpa, writable, r.global, r.page_shift))
			panic("shadow: no memory for page tables");
	}
	return 0;
}

/* ---- run loop --------------------------------------------------------------- */

static void take(enum arm_exception e)
{
	arm_sys_take_exception(&sys, &cpu, e);
}

/* The shadow root follows the guest's translation regime and privilege;
 * the translator's lookup tag follows the root. */
static void sync_context(void)
{
	struct arm_mmu_regs m = arm_sys_mmu_regs(&sys);
	bool want_align = sys.cp15.sctlr & ARM_SCTLR_A;

	shadow_activate(&m, arm_sys_privileged(&sys));
	cpu.lookup_ctx = shadow_context_id();
	if (want_align != align_check) {
		align_check = want_align;
		dbt_set_alignment_check(dbt, align_check);
	}
}

static void data_abort(uint32_t va, uint32_t fs_value, bool write,
		       const struct arm_walk_result *r)
{
	if (r) {
		sys.cp15.dfsr = arm_fsr(r, true, write);
	} else {
		sys.cp15.dfsr = fs_value | (write ? ARM_FSR_WNR : 0);
	}
	sys.cp15.dfar = va;
	stats.dabt++;
	shadow_stats.data_aborts++;
	take(ARM_EXC_DATA_ABORT);
}

/* One instruction fetch of size bytes at va (never crossing a page). */
static uint32_t fetch(uint32_t va, unsigned size)
{
	struct arm_walk_result r;
	uint32_t raw = 0;

	if (walk(va, ARM_ACCESS_EXEC, arm_sys_privileged(&sys), &r) ||
	    phys_access(r.pa, size, false, &raw))
		panic("vcpu: cannot refetch the instruction at %#x", va);
	return raw;
}

/* Fetches and decodes the instruction at pc for C execution. It was
 * translated, so it is fetchable; a failure is a monitor bug. A T32
 * instruction is one or two halfwords (A6.1), the second possibly on the
 * next page, whose translation is walked for it. */
static void fetch_insn(struct a32_insn *in)
{
	uint32_t pc = cpu.r[ARM_REG_PC];

	if (!(sys.cpsr & ARM_CPSR_T)) {
		a32_decode(fetch(pc, 4), in);
		return;
	}
	uint16_t hw1 = (uint16_t)fetch(pc, 2), hw2 = 0;
	if (t32_is_wide(hw1))
		hw2 = (uint16_t)fetch(pc + 2, 2);
	t32_decode(hw1, hw2, in);
}

/* CPSR.T, the masks and ITSTATE are the translator's to change (translated
 * code, or a device access completed in C); the monitor's copy follows. */
static void sync_cpsr_from_translator(void)
{
	sys.cpsr = (sys.cpsr & ~CPSR_TRANSLATED) |
		   (arm_cpu_cpsr(&cpu) & CPSR_TRANSLATED);
}

static void emulate_access(void)
{
	struct a32_insn in;
	struct mmio_fault f;

	fetch_insn(&in);
	switch (mmio_emulate(&cpu, &in, &mmio_ops, &f)) {
	case MMIO_DONE:
		/* It may have advanced ITSTATE or interworked. */
		sync_cpsr_from_translator();
		stats.device_emulated++;
		break;
	case MMIO_ABORT:
		if (!debug.watch_hit)
			data_abort(f.va, 0, f.is_write, &f.walk);
		break;
	case MMIO_UNSUPPORTED:
		/* LDREX and the like on device memory: the manual leaves
		 * their effect to the memory system; here they fault as an
		 * external abort. */
		log_warn("vcpu: %s to device memory at %#x (pc %#x) gives an external abort\n",
			 a32_op_name((enum a32_op)in.op), cpu.fault_addr, cpu.r[ARM_REG_PC]);
		data_abort(cpu.fault_addr, ARM_FS_SYNC_EXTERNAL, cpu.fault_is_write, NULL);
		break;
	}
}

static void on_fault_exit(void)
{
	enum pending why = pending;

	pending = PEND_NONE;
	switch (why) {
	case PEND_DATA_ABORT:
		stats.dabt++;
		shadow_stats.data_aborts++;
		take(ARM_EXC_DATA_ABORT);
		break;
	case PEND_PREFETCH_ABORT:
		stats.pabt++;
		shadow_stats.prefetch_aborts++;
		take(ARM_EXC_PREFETCH_ABORT);
		break;
	case PEND_DEVICE:
		emulate_access();
		break;
	case PEND_CODE_WRITE:
		/* Complete the store in C, which drops the page's
		 * translations (phys_access): run again as translated code,
		 * the store's page (often its own code page) would be
		 * protected again before it ran. */
		emulate_access();
		break;
	case PEND_NONE:
		panic("vcpu: translator fault exit with no recorded cause (pc %#x)",
		      cpu.r[ARM_REG_PC]);
	}
}

static void tlb_maintenance(uint32_t flags)
{
	if (flags & ARM_SYS_TLB_ALL)
		shadow_tlbi_all();
	if (flags & ARM_SYS_TLB_ASID)
		shadow_tlbi_asid((uint8_t)sys.tlb_arg);
	if (flags & ARM_SYS_TLB_VA)
		shadow_tlbi_va(sys.tlb_arg & ~0xfffu, (uint8_t)sys.tlb_arg, false);
	if (flags & ARM_SYS_TLB_VAA)
		shadow_tlbi_va(sys.tlb_arg & ~0xfffu, 0, true);
}

static bool interrupt_pending(void)
{
	if (board->update_irqs)
		board->update_irqs(&sys);
	return sys.irq_line || sys.fiq_line;
}

/* WFI: sleep on the host until an interrupt is pending for the guest
 * (masked or not: B1.8.13), never spinning. */
static void wait_for_guest_interrupt(void)
{
	stats.wfi++;
	irq_disable();
	while (!interrupt_pending() && !cpu.exit_request)
		wait_for_interrupt();
	irq_enable();
}

/* Returns true when the guest stops. */
static bool on_system_exit(enum vcpu_stop *stop)
{
	uint32_t flags = arm_sys_exec(&sys, &cpu, cpu.sys_insn, &sys_mem);

	stats.system_insns++;
	tlb_maintenance(flags);
	if (flags & ARM_SYS_WFI)
		wait_for_guest_interrupt();
	if ((flags & (ARM_SYS_HVC | ARM_SYS_SMC)) &&
	    !board->call(&cpu, flags & ARM_SYS_SMC, sys.call_imm)) {
		*stop = VCPU_POWERED_OFF;
		return true;
	}
	return false;
}

/* Returns true when the guest stops, with *stop saying why. */
static bool on_exit(enum dbt_exit e, enum vcpu_stop *stop)
{
	switch (e) {
	case DBT_EXIT_SVC:
		stats.svc++;
		take(ARM_EXC_SVC);
		return false;
	case DBT_EXIT_UNDEF:
		stats.undef++;
		take(ARM_EXC_UNDEF);
		return false;
	case DBT_EXIT_BKPT:
		/* BKPT is a debug event: a Prefetch Abort (B1.9.7). */
		sys.cp15.ifsr = ARM_FS_DEBUG;
		stats.pabt++;
		take(ARM_EXC_PREFETCH_ABORT);
		return false;
	case DBT_EXIT_REQUEST:
		return false;
	case DBT_EXIT_FAULT:
		on_fault_exit();
		return false;
	case DBT_EXIT_ALIGN:
		data_abort(cpu.fault_addr, ARM_FS_ALIGNMENT, cpu.fault_is_write, NULL);
		return false;
	case DBT_EXIT_SYSTEM:
		return on_system_exit(stop);
	case DBT_EXIT_DEBUG:
		debug.event = (struct vcpu_debug_event){ .kind = VCPU_DBG_BREAK };
		*stop = VCPU_DEBUG;
		return true;
	case DBT_EXIT_STEP:
		return false;
	}
	panic("vcpu: unknown translator exit %d", (int)e);
}

/* After an exit, is a debug event to be reported? A single step is done
 * when the instruction ran or raised its exception, which is every exit
 * but a request taken at a block's start (nothing ran). */
static bool debug_stop_after(enum dbt_exit e)
{
	if (debug.watch_hit) {
		debug.watch_hit = false;
		return true;   /* debug.event was set by watch_check() */
	}
	if (debug.step && e != DBT_EXIT_REQUEST) {
		debug.event = (struct vcpu_debug_event){ .kind = VCPU_DBG_STEP };
		return true;
	}
	return false;
}

enum vcpu_stop vcpu_run(void)
{
	enum vcpu_stop stop;

	irq_enable();
	for (;;) {
		/* Cleared first: a kick from here on leaves the next block. */
		cpu.exit_request = 0;
		if (debug.request) {
			debug.request = false;
			debug.event = (struct vcpu_debug_event){ .kind = VCPU_DBG_REQUEST };
			return VCPU_DEBUG;
		}
		sync_context();
		if (!debug.step && interrupt_pending() &&
		    arm_sys_check_interrupts(&sys, &cpu)) {
			stats.irq++;
			continue;
		}
		enum dbt_exit e = dbt_run(dbt, &cpu);
		stats.exits++;
		/* Translated CPSID and MSR CPSR_c change the interrupt masks in
		 * the translator's copy of the CPSR, interworking branches
		 * CPSR.T and IT blocks ITSTATE. */
		sync_cpsr_from_translator();
		if (on_exit(e, &stop))
			return stop;
		if (debug_stop_after(e))
			return VCPU_DEBUG;
	}
}

void vcpu_kick(void)
{
	cpu.exit_request = 1;
}

/* ---- debugging -------------------------------------------------------------- */

struct vcpu_debug_event vcpu_debug_event(void)
{
	return debug.event;
}

void vcpu_debug_request(void)
{
	debug.request = true;
	cpu.exit_request = 1;
}

void vcpu_set_single_step(bool on)
{
	debug.step = on;
	dbt_set_single_step(dbt, on);
}

int vcpu_set_breakpoints(const uint32_t *va, unsigned n)
{
	return dbt_set_breakpoints(dbt, va, n);
}

int vcpu_set_watchpoints(const struct vcpu_watch *w, unsigned n)
{
	if (n > VCPU_MAX_WATCHPOINTS)
		return -1;
	for (unsigned i = 0; i < n; i++)
		if (w[i].len == 0 || !w[i].kinds)
			return -1;
	memcpy(debug.watch, w, n * sizeof(*w));
	debug.nwatch = n;
	/* Pages mapped before must fault again to be checked. */
	shadow_tlbi_all();
	return 0;
}

struct arm_cpu *vcpu_cpu(void)
{
	return &cpu;
}

struct arm_sys *vcpu_sys(void)
{
	return &sys;
}

const struct vcpu_stats *vcpu_stats(void)
{
	return &stats;
}

struct dbt *vcpu_dbt(void)
{
	return dbt;
}

/* A debugger's translation: a permission, domain or Access flag fault
 * still gives the address the guest mapped; only unmapped addresses
 * fail. */
static int debug_translate(uint32_t va, uint32_t *pa)
{
	struct arm_walk_result r;

	if (!arm_walk_found_mapping(walk(va, ARM_ACCESS_READ, true, &r)))
		return -1;
	*pa = r.pa;
	return 0;
}

/* Copies between buf and guest memory a page at a time. */
static size_t debug_copy(uint32_t va, uint8_t *buf, size_t len, bool write)
{
	size_t done = 0;

	while (done < len) {
		uint32_t pa, at = va + (uint32_t)done;
		size_t chunk = 0x1000 - (at & 0xfffu);
		if (chunk > len - done)
			chunk = len - done;
		uint8_t *ram;
		if (debug_translate(at, &pa) || !(ram = gpa_ram_ptr(pa, (uint32_t)chunk)))
			break;
		if (write) {
			code_page_written(pa);
			memcpy(ram, buf + done, chunk);
		} else {
			memcpy(buf + done, ram, chunk);
		}
		done += chunk;
	}
	return done;
}

size_t vcpu_debug_read(uint32_t va, void *buf, size_t len)
{
	return debug_copy(va, buf, len, false);
}

size_t vcpu_debug_write(uint32_t va, const void *buf, size_t len)
{
	return debug_copy(va, (uint8_t *)(uintptr_t)buf, len, true);
}

struct walk_tap {
	void (*step)(void *ctx, uint32_t pa, uint32_t desc);
	void *ctx;
};

static int walk_read_tapped(void *ctx, uint32_t pa, uint32_t *out)
{
	struct walk_tap *tap = ctx;
	int rc = walk_read(NULL, pa, out);

	if (!rc)
		tap->step(tap->ctx, pa, *out);
	return rc;
}

int vcpu_debug_walk(uint32_t va, void (*step)(void *ctx, uint32_t pa, uint32_t desc),
		    void *ctx, struct arm_walk_result *r)
{
	struct arm_mmu_regs m = arm_sys_mmu_regs(&sys);
	struct walk_tap tap = { step, ctx };

	return arm_walk(&m, va, ARM_ACCESS_READ, arm_sys_privileged(&sys),
			walk_read_tapped, &tap, r);
}

void vcpu_reset(uint32_t pc, uint32_t r0, uint32_t r1, uint32_t r2)
{
	memset(&cpu, 0, sizeof(cpu));
	arm_sys_reset(&sys, &cpu);
	cpu.r[0] = r0;
	cpu.r[1] = r1;
	cpu.r[2] = r2;
	cpu.r[ARM_REG_PC] = pc;
	pending = PEND_NONE;
	dbt_flush(dbt);
	shadow_forget_code();
	shadow_tlbi_all();
}

static void sys_log(void *ctx, const char *line)
{
	(void)ctx;
	log_warn("guest cpu: %s\n", line);
}

int vcpu_init(const struct vcpu_board_ops *ops)
{
	void *cache = vmm_alloc_code_region(CODE_CACHE_SIZE);
	struct dbt_config cfg = { cache, CODE_CACHE_SIZE, true };

	board = ops;
	if (!cache || shadow_init() || dbt_init(&dbt, &cfg)) {
		log_err("vcpu: cannot set up the translator (code cache %u MiB)\n",
			CODE_CACHE_SIZE >> 20);
		return -1;
	}
	sys.log = sys_log;
	sys.timer = ops->timer;
	trap_set_handler(VEC_PF, vcpu_page_fault);
	return 0;
}

void vcpu_print_stats(void)
{
	const struct shadow_stats *s = &shadow_stats;

	kprintf("vcpu: %lu exits, %lu svc, %lu undef, %lu system, %lu dabt, %lu pabt, %lu irq, %lu wfi, %lu device, %lu code pages written\n",
		stats.exits, stats.svc, stats.undef, stats.system_insns, stats.dabt,
		stats.pabt, stats.irq, stats.wfi, stats.device_emulated,
		stats.code_page_drops);
	kprintf("shadow: %lu fills (%lu read-only for code), %lu code pages, %lu cr3 loads, %lu roots made, %lu evicted, tlbi %lu all %lu asid %lu va\n",
		s->fills, s->fills_ro_code, s->code_pages_protected, s->cr3_loads,
		s->roots_created, s->roots_evicted, s->tlbi_all, s->tlbi_asid, s->tlbi_va);
}
