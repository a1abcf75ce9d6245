/* Builds the guest's initial stack the way Linux's create_elf_tables()
 * does for an ARM process: strings at the top, then the AT_PLATFORM string
 * and AT_RANDOM bytes, then (16-byte aligned, at sp) argc, argv[], NULL,
 * envp[], NULL, and the auxiliary vector. */
#define _GNU_SOURCE
#include "guest_stack.h"

#include <elf.h>
#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "guest_mem.h"

/* ARM hwcaps (Linux arch/arm/include/uapi/asm/hwcap.h). We report what
 * the translator implements: ARMv7-A integer, with SDIV/UDIV, no VFP,
 * NEON or Thumb (Debian armel is soft-float and ARM-mode). */
#define ARM_HWCAP_SWP (1u << 0)
#define ARM_HWCAP_HALF (1u << 1)
#define ARM_HWCAP_FAST_MULT (1u << 4)
#define ARM_HWCAP_EDSP (1u << 7)
#define ARM_HWCAP_TLS (1u << 15)
#define ARM_HWCAP_IDIVA (1u << 17)
#define GUEST_HWCAP                                                     \
	(ARM_HWCAP_SWP | ARM_HWCAP_HALF | ARM_HWCAP_FAST_MULT |         \
	 ARM_HWCAP_EDSP | ARM_HWCAP_TLS | ARM_HWCAP_IDIVA)
#define GUEST_PLATFORM "v7l"
#define GUEST_CLK_TCK 100 /* USER_HZ */
#define AT_RANDOM_BYTES 16
#define AUXV_MAX 20
#define STACK_ALIGN 16u

struct stack_builder {
	uint32_t pos; /* grows down from GUEST_STACK_TOP */
	uint32_t limit;
};

static int push_bytes(struct stack_builder *b, const void *p, size_t n,
		      uint32_t *at)
{
	if (b->pos - b->limit < n)
		return -E2BIG;
	b->pos -= (uint32_t)n;
	memcpy(guest_ptr(b->pos), p, n);
	*at = b->pos;
	return 0;
}

static int push_strings(struct stack_builder *b, int n, char *const *v,
			uint32_t *addrs)
{
	for (int i = n - 1; i >= 0; i--) {
		int r = push_bytes(b, v[i], strlen(v[i]) + 1, &addrs[i]);
		if (r)
			return r;
	}
	return 0;
}

static int count(char *const *v)
{
	int n = 0;

	while (v[n])
		n++;
	return n;
}

struct auxv_build {
	uint32_t v[2 * AUXV_MAX];
	int n;
};

static void aux(struct auxv_build *a, uint32_t type, uint32_t val)
{
	a->v[a->n++] = type;
	a->v[a->n++] = val;
}

static void fill_auxv(struct auxv_build *a, const struct elf_image *img,
		      uint32_t platform, uint32_t random, uint32_t execfn)
{
	a->n = 0;
	aux(a, AT_PHDR, img->phdr);
	aux(a, AT_PHENT, img->phent);
	aux(a, AT_PHNUM, img->phnum);
	aux(a, AT_PAGESZ, GUEST_PAGE_SIZE);
	aux(a, AT_BASE, 0);
	aux(a, AT_FLAGS, 0);
	aux(a, AT_ENTRY, img->entry);
	aux(a, AT_UID, getuid());
	aux(a, AT_EUID, geteuid());
	aux(a, AT_GID, getgid());
	aux(a, AT_EGID, getegid());
	aux(a, AT_PLATFORM, platform);
	aux(a, AT_HWCAP, GUEST_HWCAP);
	aux(a, AT_HWCAP2, 0);
	aux(a, AT_CLKTCK, GUEST_CLK_TCK);
	aux(a, AT_SECURE, 0);
	aux(a, AT_RANDOM, random);
	aux(a, AT_EXECFN, execfn);
	aux(a, AT_NULL, 0);
}

/* Writes argc, argv, envp and auxv at a 16-byte aligned sp below pos. */
static int push_tables(struct stack_builder *b, int argc, const uint32_t *av,
		       int envc, const uint32_t *ev,
		       const struct auxv_build *a, uint32_t *sp)
{
	uint32_t words = 1 + (uint32_t)argc + 1 + (uint32_t)envc + 1 +
			 (uint32_t)a->n;
	uint32_t top = (b->pos - words * 4) & ~(STACK_ALIGN - 1);
	uint32_t *w = guest_ptr(top);

	if (top < b->limit)
		return -E2BIG;
	*w++ = (uint32_t)argc;
	memcpy(w, av, (size_t)argc * 4);
	w += argc;
	*w++ = 0;
	memcpy(w, ev, (size_t)envc * 4);
	w += envc;
	*w++ = 0;
	memcpy(w, a->v, (size_t)a->n * 4);
	*sp = top;
	return 0;
}

int guest_stack_setup(const struct elf_image *img, int argc,
		      char *const *argv, char *const *envp, const char *execfn,
		      uint32_t *sp)
{
	struct stack_builder b = { GUEST_STACK_TOP,
				   GUEST_STACK_TOP - GUEST_STACK_SIZE };
	int envc = count(envp), r;
	uint32_t av[argc + 1], ev[envc + 1], fn, plat, rnd, zero = 0;
	uint8_t random[AT_RANDOM_BYTES];
	struct auxv_build a;

	r = guest_mem_map_anon(b.limit, GUEST_STACK_SIZE,
			       GUEST_PROT_READ | GUEST_PROT_WRITE);
	if (r)
		return r;
	if (getrandom(random, sizeof(random), 0) != sizeof(random))
		return -EIO;
	/* Linux leaves a zero word at the very top, then the file name. */
	if ((r = push_bytes(&b, &zero, sizeof(zero), &fn)) ||
	    (r = push_bytes(&b, execfn, strlen(execfn) + 1, &fn)) ||
	    (r = push_strings(&b, envc, envp, ev)) ||
	    (r = push_strings(&b, argc, argv, av)) ||
	    (r = push_bytes(&b, GUEST_PLATFORM, sizeof(GUEST_PLATFORM), &plat)) ||
	    (r = push_bytes(&b, random, sizeof(random), &rnd)))
		return r;
	fill_auxv(&a, img, plat, rnd, fn);
	return push_tables(&b, argc, av, envc, ev, &a, sp);
}
