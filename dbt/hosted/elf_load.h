/* Loads a static ARM EABI Linux executable into guest memory. */
#ifndef DBT_HOSTED_ELF_LOAD_H
#define DBT_HOSTED_ELF_LOAD_H

#include <stddef.h>
#include <stdint.h>

struct elf_image {
	uint32_t entry;
	uint32_t phdr;   /* guest address of the program headers (AT_PHDR) */
	uint32_t phnum;
	uint32_t phent;
	uint32_t brk;    /* first page after the highest segment */
};

/* Checks that path is an ARM ELF arm-run can run and maps its PT_LOAD
 * segments. On failure returns -1 with a one-line reason in err. */
int elf_load(const char *path, struct elf_image *img, char *err, size_t errlen);

/* 1 when the file starts like an ARM ELF (used to route execve), 0 when
 * not, -errno when it cannot be read. */
int elf_is_arm(const char *path);

#endif
