/* The ARM-to-x86-64 translator's public interface. The same dbt/ code is
 * linked into the monitor and into the hosted runner arm-run; everything
 * the translator needs from its embedder goes through the dbt_host_*
 * functions declared at the end, which each embedder implements. */
#ifndef DBT_DBT_H
#define DBT_DBT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arm_cpu.h"

struct dbt;

/* Where the embedder puts the code cache. It must be executable and lie
 * within +-2 GiB of the translator's helpers so blocks reach them with
 * call rel32.
 *
 * system_mode (the monitor; arm-run leaves it false): privileged and
 * coprocessor instructions, LDRT-class accesses, WFI/WFE/SEV/YIELD and
 * BKPT leave dbt_run() with DBT_EXIT_SYSTEM unexecuted; misaligned
 * accesses leave with DBT_EXIT_ALIGN; cpu->lookup_ctx is part of the
 * indirect-branch lookup's key; direct branches are chained only within
 * the branching block's guest page, as another page's mapping may differ
 * between contexts. */
struct dbt_config {
	void *code_buf;
	size_t code_size;
	bool system_mode;
};

/* Everything the fault handler needs to resolve a fault in translated
 * code precisely (DESIGN.md, "Translation"). */
struct dbt_mem_access {
	uint32_t guest_pc;
	uint8_t size;       /* bytes: 1, 2, 4 or 8 */
	uint8_t is_signed;
	uint8_t is_write;
	uint8_t reg;        /* guest register loaded or stored */
	/* Added by the translator: where the embedder resumes the faulting
	 * host thread (e.g. the RIP of a signal context) to leave dbt_run()
	 * with DBT_EXIT_FAULT and pc = the faulting instruction. */
	uint64_t resume_rip;
};

int dbt_init(struct dbt **out, const struct dbt_config *cfg);
enum dbt_exit dbt_run(struct dbt *d, struct arm_cpu *cpu);

/* Drop every translation whose guest code overlaps [addr, addr+len).
 * From a fault handler that interrupted translated code, the flush
 * happens when control is back in dbt_run(): it sets cpu->exit_request,
 * so dbt_run() returns DBT_EXIT_REQUEST at the next block start. */
void dbt_invalidate(struct dbt *d, uint32_t addr, uint32_t len);
/* Drop every translation of code in the page whose cache key (as
 * dbt_host_code_page() returned it) is key. In system mode, outside
 * translated code, that drops only that page's blocks; otherwise the
 * whole cache goes, as with dbt_invalidate(). */
void dbt_invalidate_key(struct dbt *d, uint64_t key);
void dbt_flush(struct dbt *d);

/* System mode: SCTLR.A (ARM DDI 0406C B4.1.130). When on, every access
 * checks its natural alignment; when off, only the accesses that always
 * do (LDRD/STRD, LDM/STM, LDREX/STREX family, SWP; A3.2.1). Changing it
 * flushes the code cache; call it between dbt_run() calls. */
void dbt_set_alignment_check(struct dbt *d, bool on);

/* Debugging, for a gdb stub; both flush the code cache when they change
 * anything, so call them between dbt_run() calls.
 *
 * Breakpoints are guest virtual addresses checked when code is
 * translated, so no guest memory is patched: a block stops short of a
 * breakpoint, and a block starting at one leaves dbt_run() with
 * DBT_EXIT_DEBUG, the instruction not executed. At most
 * DBT_MAX_BREAKPOINTS; returns -1 (nothing changed) for more. */
#define DBT_MAX_BREAKPOINTS 64
int dbt_set_breakpoints(struct dbt *d, const uint32_t *va, unsigned n);
/* Single-step: dbt_run() executes at most one instruction and returns
 * DBT_EXIT_STEP after it (or the exit the instruction itself causes:
 * SVC, a fault, ...). Breakpoints are not checked while stepping, so a
 * step from a breakpoint's address executes the instruction there. */
void dbt_set_single_step(struct dbt *d, bool on);

/* Code cache use, for the monitor's `info tb`. */
struct dbt_stats {
	uint32_t blocks, max_blocks;
	uint32_t access_records, max_records;
	size_t code_used, code_size;
	uint64_t flushes;        /* whole-cache flushes since start */
	uint64_t page_drops, blocks_dropped;   /* by dbt_invalidate_key() */
	uint32_t breakpoints;
	bool single_step;
};
void dbt_get_stats(const struct dbt *d, struct dbt_stats *out);

/* Map a host RIP inside translated code to the access it was performing
 * and set the CPU's pc to that instruction. The embedder sets
 * cpu->fault_addr and resumes the interrupted host context (all its
 * registers as they were) at out->resume_rip: that code stores the guest
 * registers and flags the block held in host registers, then leaves
 * dbt_run() with DBT_EXIT_FAULT, the guest state exactly that before the
 * instruction; calling dbt_run() again retries it. Returns 0 when rip is
 * a recorded access, -1 otherwise. */
int dbt_fault_lookup(struct dbt *d, uint64_t host_rip,
		     struct dbt_mem_access *out);

/* Implemented by the embedder. */

/* Called before running or translating code from the guest page
 * containing va: returns 0, the page's cache key (guest physical page
 * address, 4 KiB aligned) and a host pointer to the start of the page's
 * 4 KiB, through which the translator reads the instructions; or a
 * negative value if the page cannot be fetched (guest Prefetch Abort).
 * The embedder write-protects the page so a later write can call
 * dbt_invalidate() or dbt_invalidate_key(). */
int dbt_host_code_page(struct arm_cpu *cpu, uint32_t va, uint64_t *key,
		       const void **host);

#endif
