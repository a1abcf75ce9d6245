/* ELF loading for arm-run: the checks that turn a wrong file into a clear
 * message, and the mapping of PT_LOAD segments at their own addresses
 * (the guest's addresses are the host's, see guest_mem.c). */
#define _GNU_SOURCE
#include "elf_load.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guest_mem.h"

/* ARM ELF ABI (IHI 0044), 5.2: EF_ARM_EABIMASK holds the EABI version;
 * Linux's EABI user space is version 4 or 5. */
#define ARM_EABI_MASK 0xff000000u
#define ARM_EABI_VER4 0x04000000u
#define ARM_EABI_VER5 0x05000000u
/* Static PIE executables are loaded at this bias (the ELF says 0). */
#define PIE_LOAD_BIAS 0x00400000u
#define MAX_PHDRS 64

static int fail(char *err, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, len, fmt, ap);
	va_end(ap);
	return -1;
}

static int check_ehdr(const Elf32_Ehdr *eh, char *err, size_t len)
{
	uint32_t eabi = eh->e_flags & ARM_EABI_MASK;

	if (memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return fail(err, len, "not an ELF file");
	if (eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_machine != EM_ARM)
		return fail(err, len, "not a 32-bit little-endian ARM ELF");
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return fail(err, len, "not an executable (ELF type %u)",
			    eh->e_type);
	if (eabi != ARM_EABI_VER4 && eabi != ARM_EABI_VER5)
		return fail(err, len, "not an ARM EABI (v4/v5) binary");
	if (eh->e_phentsize != sizeof(Elf32_Phdr) || !eh->e_phnum ||
	    eh->e_phnum > MAX_PHDRS)
		return fail(err, len, "bad program header table");
	return 0;
}

static int guest_prot(uint32_t pflags)
{
	return ((pflags & PF_R) ? GUEST_PROT_READ : 0) |
	       ((pflags & PF_W) ? GUEST_PROT_WRITE : 0) |
	       ((pflags & PF_X) ? GUEST_PROT_EXEC : 0);
}

/* Maps the file's pages of a page-congruent segment privately, as Linux
 * does: no copy, and the page cache is shared by every guest process.
 * The rest of the last file page and any further pages are .bss, zero. */
static int map_from_file(int fd, const Elf32_Phdr *ph, uint64_t va,
			 uint64_t start, uint64_t end)
{
	uint64_t file_end = guest_page_up(va + ph->p_filesz);
	int r = guest_mem_map_file((uint32_t)start, (uint32_t)(file_end - start),
				   GUEST_PROT_READ | GUEST_PROT_WRITE,
				   MAP_PRIVATE, fd, ph->p_offset - (va - start));

	if (r)
		return r;
	if (ph->p_memsz > ph->p_filesz)
		memset(guest_ptr((uint32_t)(va + ph->p_filesz)), 0,
		       file_end - (va + ph->p_filesz));
	if (end > file_end)
		r = guest_mem_map_anon((uint32_t)file_end,
				       (uint32_t)(end - file_end),
				       GUEST_PROT_READ | GUEST_PROT_WRITE);
	return r;
}

/* Reads the segment into writable memory: for segments that share a page
 * with the previous one or are not page-congruent with the file. */
static int copy_from_file(int fd, const Elf32_Phdr *ph, uint64_t va,
			  uint64_t start, uint64_t end)
{
	int r;

	if (guest_mem_range_free((uint32_t)start, end - start))
		r = guest_mem_map_anon((uint32_t)start, (uint32_t)(end - start),
				       GUEST_PROT_READ | GUEST_PROT_WRITE);
	else
		r = guest_mem_protect((uint32_t)start, (uint32_t)(end - start),
				      GUEST_PROT_READ | GUEST_PROT_WRITE);
	if (r)
		return r;
	if (pread(fd, guest_ptr((uint32_t)va), ph->p_filesz, ph->p_offset) !=
	    (ssize_t)ph->p_filesz)
		return -EIO;
	return 0;
}

/* Loads one segment writable; load_all() sets its protection after. */
static int load_segment(int fd, uint64_t file_size, const Elf32_Phdr *ph,
			uint32_t bias, char *err, size_t len)
{
	uint64_t va = (uint64_t)ph->p_vaddr + bias;
	uint64_t start = va & ~(uint64_t)GUEST_PAGE_MASK;
	uint64_t end = guest_page_up(va + ph->p_memsz);
	int r;

	if (ph->p_filesz > ph->p_memsz || end > GUEST_KUSER_PAGE ||
	    start < GUEST_LOW)
		return fail(err, len, "segment at 0x%llx outside user space",
			    (unsigned long long)va);
	if ((uint64_t)ph->p_offset + ph->p_filesz > file_size)
		return fail(err, len, "truncated file");
	if (ph->p_filesz && !((va - ph->p_offset) & GUEST_PAGE_MASK) &&
	    guest_mem_range_free((uint32_t)start, end - start))
		r = map_from_file(fd, ph, va, start, end);
	else
		r = copy_from_file(fd, ph, va, start, end);
	if (r)
		return fail(err, len, "cannot load segment at 0x%llx: %s",
			    (unsigned long long)va, strerror(-r));
	return 0;
}

static int read_headers(int fd, Elf32_Ehdr *eh, Elf32_Phdr *ph, char *err,
			size_t len)
{
	size_t n;

	if (pread(fd, eh, sizeof(*eh), 0) != sizeof(*eh))
		return fail(err, len, "not an ELF file (too short)");
	if (check_ehdr(eh, err, len))
		return -1;
	n = (size_t)eh->e_phnum * sizeof(*ph);
	if (pread(fd, ph, n, eh->e_phoff) != (ssize_t)n)
		return fail(err, len, "truncated program headers");
	for (unsigned i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_INTERP)
			return fail(err, len,
				    "dynamically linked; arm-run runs static "
				    "executables only");
	return 0;
}

/* AT_PHDR: the headers as loaded, from PT_PHDR or the segment holding
 * them (static executables often have no PT_PHDR). */
static uint32_t find_phdr(const Elf32_Ehdr *eh, const Elf32_Phdr *ph,
			  uint32_t bias)
{
	for (unsigned i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_PHDR)
			return ph[i].p_vaddr + bias;
	for (unsigned i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && eh->e_phoff >= ph[i].p_offset &&
		    eh->e_phoff < ph[i].p_offset + ph[i].p_filesz)
			return ph[i].p_vaddr + bias +
			       (eh->e_phoff - ph[i].p_offset);
	return 0;
}

static int load_all(int fd, const Elf32_Ehdr *eh, const Elf32_Phdr *ph,
		    struct elf_image *img, char *err, size_t len)
{
	struct stat st;
	uint32_t bias = eh->e_type == ET_DYN ? PIE_LOAD_BIAS : 0;
	uint64_t top = 0;
	unsigned nload = 0;

	if (fstat(fd, &st))
		return fail(err, len, "%s", strerror(errno));

	for (unsigned i = 0; i < eh->e_phnum; i++) {
		uint64_t end;

		if (ph[i].p_type != PT_LOAD)
			continue;
		if (load_segment(fd, (uint64_t)st.st_size, &ph[i], bias, err,
				 len))
			return -1;
		end = guest_page_up((uint64_t)ph[i].p_vaddr + bias +
				    ph[i].p_memsz);
		if (end > top)
			top = end;
		nload++;
	}
	if (!nload)
		return fail(err, len, "no loadable segments");
	/* Only now set final protections: segments may share pages. */
	for (unsigned i = 0; i < eh->e_phnum; i++) {
		uint32_t va = ph[i].p_vaddr + bias;
		uint32_t start = guest_page_down(va);

		if (ph[i].p_type == PT_LOAD &&
		    guest_mem_protect(start,
				      (uint32_t)(guest_page_up((uint64_t)va +
							       ph[i].p_memsz) -
						 start),
				      guest_prot(ph[i].p_flags)))
			return fail(err, len, "cannot protect segment");
	}
	img->entry = eh->e_entry + bias;
	img->phdr = find_phdr(eh, ph, bias);
	img->phnum = eh->e_phnum;
	img->phent = eh->e_phentsize;
	img->brk = (uint32_t)top;
	return 0;
}

int elf_load(const char *path, struct elf_image *img, char *err, size_t len)
{
	Elf32_Ehdr eh;
	Elf32_Phdr ph[MAX_PHDRS];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int r;

	if (fd < 0)
		return fail(err, len, "%s", strerror(errno));
	r = read_headers(fd, &eh, ph, err, len);
	if (!r)
		r = load_all(fd, &eh, ph, img, err, len);
	close(fd);
	return r;
}

int elf_is_arm(const char *path)
{
	Elf32_Ehdr eh;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = pread(fd, &eh, sizeof(eh), 0);
	close(fd);
	return n == sizeof(eh) && !memcmp(eh.e_ident, ELFMAG, SELFMAG) &&
	       eh.e_ident[EI_CLASS] == ELFCLASS32 && eh.e_machine == EM_ARM;
}
