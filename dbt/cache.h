/* Private to dbt/: the code cache. The embedder's buffer holds the
 * translator's bookkeeping (struct dbt, block table, indirect-branch
 * table, fault records) followed by translated code, so everything the
 * generated code refers to is within RIP-relative reach. */
#ifndef DBT_CACHE_H
#define DBT_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dbt.h"

/* Internal reasons the generated code returns to dbt_run(), above the
 * public enum dbt_exit. */
#define DBT_EXIT_CHAIN 0x100   /* direct branch not yet chained */
#define DBT_EXIT_LOOKUP 0x101  /* indirect branch missed the table */
#define DBT_EXIT_CODES 0x102

/* Indirect-branch table: indexed by the low 16 bits of the guest PC
 * (| 1 for Thumb code, as in dbt_run()'s r[15]). keys hold -pc, so the inline lookup
 * compares with a flag-preserving LEA; an empty slot holds 1 (= -0xffffffff,
 * Thumb code at 0xfffffffe, which is never entered in the table) and sends to the miss path.
 * In system mode a hit also needs jtab_ctx (-lookup_ctx) to match. */
#define DBT_JTAB_BITS 16
#define DBT_JTAB_SIZE (1u << DBT_JTAB_BITS)
#define DBT_JTAB_EMPTY 1u

#define DBT_HASH_SIZE (1u << 15)
#define DBT_BLOCK_MAX_INSNS 64
/* At most one LDM/STM of 16 registers per instruction. */
#define DBT_BLOCK_MAX_RECS (DBT_BLOCK_MAX_INSNS * 16)

/* Flag location at a recorded access, for the fault exit. */
enum dbt_fault_flags {
	DBT_FF_HOST,      /* in EFLAGS, CF = ARM C */
	DBT_FF_HOST_INV,  /* in EFLAGS, CF = NOT ARM C */
	DBT_FF_MEM,       /* in flags_priv, or dead */
	DBT_FF_SPLIT_NZ,  /* N, Z in EFLAGS, C, V in flags_priv */
	DBT_FF_SPLIT_NZC, /* N, Z, C in EFLAGS, V in flags_priv */
	DBT_FF_COUNT,
};

/* A block's key: its code page's key | page offset | 1 for Thumb code,
 * and the ITSTATE it starts in above bit 32 (page keys are 32-bit guest
 * physical addresses). */
#define DBT_KEY_ITSTATE_SHIFT 32
#define DBT_NO_KEY UINT64_MAX

struct dbt_block {
	uint64_t key;          /* see DBT_KEY_ITSTATE_SHIFT */
	uint64_t key2;         /* the next page's key when the block's one
				* instruction runs into it, else DBT_NO_KEY */
	uint32_t pc;           /* guest virtual address */
	uint32_t guest_len;    /* bytes of guest code */
	uint8_t *code;
	struct dbt_block *next;
};

struct dbt_fault_rec {
	uint32_t rip_off;      /* host RIP - code_base */
	uint32_t guest_pc;     /* | 1 in Thumb code */
	uint32_t resume_off;    /* fault stub - code_base; 0: none needed */
	uint8_t size, is_signed, is_write, reg, flags;
	uint8_t itstate;       /* ITSTATE at the instruction */
};

struct tr_rc_state;

struct dbt {
	uint8_t *code_base, *code_ptr, *code_end;
	uint8_t *code_start;   /* first byte after the fixed stubs */
	struct dbt_block **hash;
	struct dbt_block *blocks;
	uint32_t nblocks, max_blocks;
	struct dbt_fault_rec *recs;
	uint32_t nrecs, max_recs;
	struct tr_rc_state *snaps;  /* per access of the block being built */
	uint32_t *jtab_keys;
	uint32_t *jtab_ctx;
	uint8_t **jtab_hosts;
	bool system_mode;      /* struct dbt_config.system_mode */
	bool align_check;      /* dbt_set_alignment_check() */
	bool single_step;      /* dbt_set_single_step() */
	uint32_t nbreak;       /* dbt_set_breakpoints() */
	uint32_t breaks[DBT_MAX_BREAKPOINTS];
	uint64_t generation;   /* bumped by every flush */
	uint64_t page_drops, blocks_dropped;   /* dbt_invalidate_key() */

	/* Written by generated code: the rel32 of the jump to chain. */
	uint8_t *chain_site;
	struct arm_cpu *cpu;   /* the CPU inside dbt_run(), for faults */
	bool in_run;           /* translated code is running */
	uint8_t fault_itstate; /* ITSTATE at the last dbt_fault_lookup() */
	bool flush_pending;    /* a flush waits for it to stop */

	/* Fixed stubs generated at init (dbt.c). */
	uint32_t (*enter)(struct arm_cpu *cpu, const uint8_t *code);
	uint8_t *exit_to[DBT_EXIT_FAULT + 1 + DBT_EXIT_CODES - DBT_EXIT_CHAIN];
	uint8_t *fault_resume[DBT_FF_COUNT];
};

/* The stub that saves the flags and leaves with code (public or internal). */
uint8_t *dbt_exit_stub(struct dbt *d, unsigned code);

int dbt_cache_init(struct dbt **out, void *buf, size_t size);
void dbt_cache_reset(struct dbt *d);
/* Back in dbt_run() from translated code: do a flush asked for there. */
void dbt_cache_settle(struct dbt *d);
struct dbt_block *dbt_cache_find(struct dbt *d, uint64_t key, uint32_t pc);
/* The block at pc (| 1: Thumb) entered in itstate, translated if need
 * be. NULL: the code page cannot be fetched. May flush the cache. */
struct dbt_block *dbt_cache_get(struct dbt *d, struct arm_cpu *cpu,
				uint32_t pc, uint8_t itstate);
void dbt_jtab_insert(struct dbt *d, uint32_t pc, uint32_t ctx, uint8_t *code);

/* The translator proper (translate.c): emits the block for pc, reading
 * its instructions from page (the host view of pc's 4 KiB guest page),
 * into [*p, end), records accesses; returns 0, DBT_TRANSLATE_NO_SPACE if
 * the space ran out, DBT_TRANSLATE_NO_CODE if the next page, into which
 * a T32 instruction runs, cannot be fetched. */
#define DBT_TRANSLATE_NO_SPACE (-1)
#define DBT_TRANSLATE_NO_CODE (-2)
int dbt_translate_block(struct dbt *d, struct arm_cpu *cpu, uint32_t pc,
			uint8_t itstate, const uint8_t *page,
			struct dbt_block *blk);

#endif
