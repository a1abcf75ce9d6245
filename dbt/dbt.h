/* The ARM-to-x86-64 translator's public interface. The same dbt/ code is
 * linked into the monitor and into the hosted runner arm-run; everything
 * the translator needs from its embedder goes through the dbt_host_*
 * functions declared at the end, which each embedder implements. */
#ifndef DBT_DBT_H
#define DBT_DBT_H

#include <stddef.h>
#include <stdint.h>

#include "arm_cpu.h"

struct dbt;

/* Where the embedder puts the code cache. It must be executable and lie
 * within +-2 GiB of the translator's helpers so blocks reach them with
 * call rel32. */
struct dbt_config {
	void *code_buf;
	size_t code_size;
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
void dbt_flush(struct dbt *d);

/* Map a host RIP inside translated code to the access it was performing
 * and set the CPU's pc to that instruction (guest registers are in memory
 * at every access). The embedder sets cpu->fault_addr and resumes at
 * out->resume_rip, which leaves dbt_run() with DBT_EXIT_FAULT; calling
 * dbt_run() again retries the instruction. Returns 0 when rip is a
 * recorded access, -1 otherwise. */
int dbt_fault_lookup(struct dbt *d, uint64_t host_rip,
		     struct dbt_mem_access *out);

/* Implemented by the embedder. */

/* Called before translating code from the guest page containing va:
 * returns 0 and the page's cache key (guest physical page address), or a
 * negative value if the page cannot be fetched (guest Prefetch Abort). The
 * embedder write-protects the page so a later write can call
 * dbt_invalidate(). */
int dbt_host_code_page(struct arm_cpu *cpu, uint32_t va, uint64_t *key);

#endif
