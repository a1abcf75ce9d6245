/* File and directory system calls. Most pass through unchanged; the open
 * flags, 32-bit iovecs and 32-bit file locks are converted because their
 * ARM encodings differ from x86-64's. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

#include "guest_mem.h"
#include "sys.h"

/* The O_* bits whose ARM values differ from the generic ones (Linux
 * arch/arm/include/uapi/asm/fcntl.h); every other bit is the same. */
#define ARM_O_DIRECTORY 0040000u
#define ARM_O_NOFOLLOW 0100000u
#define ARM_O_DIRECT 0200000u
#define ARM_O_LARGEFILE 0400000u
#define ARM_O_SWAPPED \
	(ARM_O_DIRECTORY | ARM_O_NOFOLLOW | ARM_O_DIRECT | ARM_O_LARGEFILE)

/* fcntl commands whose argument differs: ARM's 32-bit struct flock, and
 * the flock64 commands (ARM's flock64 has x86-64's struct flock layout). */
#define ARM_F_GETLK 5
#define ARM_F_SETLK 6
#define ARM_F_SETLKW 7
#define ARM_F_GETLK64 12
#define ARM_F_SETLK64 13
#define ARM_F_SETLKW64 14

#define ARM_IOV_MAX 1024
#define ARM_AT_FDCWD -100

struct arm_iovec {
	uint32_t base, len;
};

struct arm_flock {
	int16_t type, whence;
	int32_t start, len, pid;
};

/* Their x86-64 kernel values (asm-generic/fcntl.h). Not glibc's macros:
 * a 64-bit glibc defines O_LARGEFILE as 0, though the kernel reports it. */
#define HOST_O_DIRECT 0040000
#define HOST_O_LARGEFILE 0100000
#define HOST_O_DIRECTORY 0200000
#define HOST_O_NOFOLLOW 0400000

static const struct {
	uint32_t arm;
	int host;
} swapped_flags[] = {
	{ ARM_O_DIRECTORY, HOST_O_DIRECTORY },
	{ ARM_O_NOFOLLOW, HOST_O_NOFOLLOW },
	{ ARM_O_DIRECT, HOST_O_DIRECT },
	{ ARM_O_LARGEFILE, HOST_O_LARGEFILE },
};

static int host_oflags(uint32_t f)
{
	int h = (int)(f & ~ARM_O_SWAPPED);

	for (size_t i = 0; i < sizeof(swapped_flags) / sizeof(swapped_flags[0]); i++)
		if (f & swapped_flags[i].arm)
			h |= swapped_flags[i].host;
	return h;
}

static uint32_t arm_oflags(int h)
{
	uint32_t f = (uint32_t)h;

	/* The two sets of bits overlap: clear every host one first. */
	for (size_t i = 0; i < sizeof(swapped_flags) / sizeof(swapped_flags[0]); i++)
		f &= ~(uint32_t)swapped_flags[i].host;
	for (size_t i = 0; i < sizeof(swapped_flags) / sizeof(swapped_flags[0]); i++)
		if (h & swapped_flags[i].host)
			f |= swapped_flags[i].arm;
	return f;
}

static int32_t fd_arg(uint32_t a) { return (int32_t)a; }

int64_t sys_read(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	guest_mem_prepare_write(a[1], a[2]);
	return sys_ret(read(fd_arg(a[0]), guest_ptr(a[1]), a[2]));
}

int64_t sys_write(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return sys_ret(write(fd_arg(a[0]), guest_ptr(a[1]), a[2]));
}

static int64_t do_openat(int32_t dirfd, uint32_t path, uint32_t flags,
			 uint32_t mode)
{
	const char *p = sys_path(path);

	if (!p)
		return -EFAULT;
	return sys_ret(openat(dirfd, p, host_oflags(flags), mode));
}

int64_t sys_open(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return do_openat(ARM_AT_FDCWD, a[0], a[1], a[2]);
}

int64_t sys_openat(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return do_openat(fd_arg(a[0]), a[1], a[2], a[3]);
}

int64_t sys_creat(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return do_openat(ARM_AT_FDCWD, a[0], O_CREAT | O_WRONLY | O_TRUNC,
			 a[1]);
}

int64_t sys_close(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return sys_ret(close(fd_arg(a[0])));
}

int64_t sys_lseek(struct arm_cpu *cpu, const uint32_t *a)
{
	off_t r;

	(void)cpu;
	r = lseek(fd_arg(a[0]), (int32_t)a[1], (int)a[2]);
	if (r < 0)
		return -errno;
	return r > INT32_MAX ? -EOVERFLOW : r;
}

/* _llseek(fd, offset_high, offset_low, loff_t *result, whence) */
int64_t sys_llseek(struct arm_cpu *cpu, const uint32_t *a)
{
	off_t off = (off_t)(((uint64_t)a[1] << 32) | a[2]), r;

	(void)cpu;
	if (!sys_writable(a[3], sizeof(int64_t)))
		return -EFAULT;
	r = lseek(fd_arg(a[0]), off, (int)a[4]);
	if (r < 0)
		return -errno;
	memcpy(guest_ptr(a[3]), &r, sizeof(int64_t));
	return 0;
}

/* EABI passes 64-bit arguments in an even/odd register pair, so the
 * offset of pread64/pwrite64 is in r4:r5 (r3 is padding). */
static off_t arg64(const uint32_t *a, int lo)
{
	return (off_t)(((uint64_t)a[lo + 1] << 32) | a[lo]);
}

int64_t sys_pread64(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	guest_mem_prepare_write(a[1], a[2]);
	return sys_ret(pread(fd_arg(a[0]), guest_ptr(a[1]), a[2], arg64(a, 4)));
}

int64_t sys_pwrite64(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return sys_ret(pwrite(fd_arg(a[0]), guest_ptr(a[1]), a[2], arg64(a, 4)));
}

static int64_t get_iov(uint32_t addr, uint32_t n, struct iovec *iov,
		       bool for_read)
{
	const struct arm_iovec *g = guest_ptr(addr);

	if (n > ARM_IOV_MAX)
		return -EINVAL;
	if (!sys_readable(addr, (uint64_t)n * sizeof(*g)))
		return -EFAULT;
	for (uint32_t i = 0; i < n; i++) {
		iov[i].iov_base = guest_ptr(g[i].base);
		iov[i].iov_len = g[i].len;
		if (for_read)
			guest_mem_prepare_write(g[i].base, g[i].len);
	}
	return 0;
}

int64_t sys_readv(struct arm_cpu *cpu, const uint32_t *a)
{
	struct iovec iov[ARM_IOV_MAX];
	int64_t r = get_iov(a[1], a[2], iov, true);

	(void)cpu;
	return r ? r : sys_ret(readv(fd_arg(a[0]), iov, (int)a[2]));
}

int64_t sys_writev(struct arm_cpu *cpu, const uint32_t *a)
{
	struct iovec iov[ARM_IOV_MAX];
	int64_t r = get_iov(a[1], a[2], iov, false);

	(void)cpu;
	return r ? r : sys_ret(writev(fd_arg(a[0]), iov, (int)a[2]));
}

int64_t sys_dup(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return sys_ret(dup(fd_arg(a[0])));
}

int64_t sys_dup2(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return sys_ret(dup2(fd_arg(a[0]), fd_arg(a[1])));
}

int64_t sys_dup3(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return sys_ret(dup3(fd_arg(a[0]), fd_arg(a[1]), host_oflags(a[2])));
}

static int64_t do_pipe(uint32_t fds, uint32_t flags)
{
	int p[2];

	if (!sys_writable(fds, sizeof(p)))
		return -EFAULT;
	if (pipe2(p, host_oflags(flags)))
		return -errno;
	memcpy(guest_ptr(fds), p, sizeof(p));
	return 0;
}

int64_t sys_pipe(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return do_pipe(a[0], 0);
}

int64_t sys_pipe2(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return do_pipe(a[0], a[1]);
}

static int64_t fcntl_lock32(int fd, int cmd, uint32_t addr)
{
	struct arm_flock *g = guest_ptr(addr);
	struct flock h;

	if (!sys_writable(addr, sizeof(*g)))
		return -EFAULT;
	h = (struct flock){ .l_type = g->type, .l_whence = g->whence,
			    .l_start = g->start, .l_len = g->len,
			    .l_pid = g->pid };
	if (fcntl(fd, cmd, &h))
		return -errno;
	if (cmd == F_GETLK) {
		if (h.l_start > INT32_MAX || h.l_len > INT32_MAX)
			return -EOVERFLOW;
		*g = (struct arm_flock){ h.l_type, h.l_whence, (int32_t)h.l_start,
					 (int32_t)h.l_len, h.l_pid };
	}
	return 0;
}

int64_t sys_fcntl64(struct arm_cpu *cpu, const uint32_t *a)
{
	int fd = fd_arg(a[0]);
	long r;

	(void)cpu;
	switch (a[1]) {
	case F_GETFL:
		r = fcntl(fd, F_GETFL);
		return r < 0 ? (int64_t)-errno : (int64_t)arm_oflags((int)r);
	case F_SETFL:
		return sys_ret(fcntl(fd, F_SETFL, host_oflags(a[2])));
	case ARM_F_GETLK:
		return fcntl_lock32(fd, F_GETLK, a[2]);
	case ARM_F_SETLK:
		return fcntl_lock32(fd, F_SETLK, a[2]);
	case ARM_F_SETLKW:
		return fcntl_lock32(fd, F_SETLKW, a[2]);
	case ARM_F_GETLK64:
		guest_mem_prepare_write(a[2], sizeof(struct flock));
		return sys_ret(fcntl(fd, F_GETLK, guest_ptr(a[2])));
	case ARM_F_SETLK64:
		return sys_ret(fcntl(fd, F_SETLK, guest_ptr(a[2])));
	case ARM_F_SETLKW64:
		return sys_ret(fcntl(fd, F_SETLKW, guest_ptr(a[2])));
	default:
		/* F_DUPFD*, F_[GS]ETFD, F_[GS]ETOWN, F_[GS]ETPIPE_SZ...: an
		 * integer argument, the same on both. */
		return sys_ret(fcntl(fd, (int)a[1], (unsigned long)a[2]));
	}
}

/* The terminal ioctls busybox uses. ARM and x86-64 share the generic
 * numbers and struct termios/winsize layouts (asm-generic/ioctls.h,
 * termbits.h), so they pass through; anything else is "not a tty". */
static bool ioctl_passes(uint32_t req)
{
	static const uint32_t ok[] = {
		TCGETS,     TCSETS,     TCSETSW,   TCSETSF,    TIOCGWINSZ,
		TIOCSWINSZ, TIOCGPGRP,  TIOCSPGRP, FIONREAD,   FIONBIO,
		TIOCSCTTY,  TIOCNOTTY,  FIOCLEX,   FIONCLEX,   TIOCGSID,
		TCFLSH,     TCXONC,     TCSBRK,
	};

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (ok[i] == req)
			return true;
	return false;
}

int64_t sys_ioctl(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	if (!ioctl_passes(a[1])) {
		if (sys_debug())
			fprintf(stderr, "arm-run: ioctl 0x%x not emulated\n", a[1]);
		return -ENOTTY;
	}
	/* Most of these write a small structure through the argument. */
	guest_mem_prepare_write(a[2], sizeof(struct termios));
	return sys_ret(ioctl(fd_arg(a[0]), (unsigned long)a[1],
			     (unsigned long)a[2]));
}

/* struct linux_dirent64 has the same layout on both. */
int64_t sys_getdents64(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	guest_mem_prepare_write(a[1], a[2]);
	return sys_ret(syscall(SYS_getdents64, fd_arg(a[0]), guest_ptr(a[1]),
			       a[2]));
}

int64_t sys_access(struct arm_cpu *cpu, const uint32_t *a)
{
	const char *p = sys_path(a[0]);

	(void)cpu;
	return p ? sys_ret(access(p, (int)a[1])) : -EFAULT;
}

int64_t sys_faccessat(struct arm_cpu *cpu, const uint32_t *a)
{
	const char *p = sys_path(a[1]);

	(void)cpu;
	if (!p)
		return -EFAULT;
	return sys_ret(syscall(SYS_faccessat2, fd_arg(a[0]), p, a[2], a[3]));
}

int64_t sys_getcwd(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	guest_mem_prepare_write(a[0], a[1]);
	return sys_ret(syscall(SYS_getcwd, guest_ptr(a[0]), a[1]));
}

int64_t sys_chdir(struct arm_cpu *cpu, const uint32_t *a)
{
	const char *p = sys_path(a[0]);

	(void)cpu;
	return p ? sys_ret(chdir(p)) : -EFAULT;
}

int64_t sys_fchdir(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return sys_ret(fchdir(fd_arg(a[0])));
}
