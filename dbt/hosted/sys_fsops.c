/* Name-space and metadata system calls (mkdir, rename, chmod, utimensat,
 * ...) and the remaining descriptor calls. All pass through after the
 * guest's strings are checked; /proc/self/exe names the guest binary. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest_mem.h"
#include "sys.h"

#define ARM_AT_FDCWD -100
#define PROC_SELF_EXE "/proc/self/exe"

struct arm_timespec32 {
	int32_t sec, nsec;
};

static int32_t fd_arg(uint32_t a) { return (int32_t)a; }

/* Runs f on one guest path, or fails with EFAULT. */
#define PATH1(idx, call)                          \
	do {                                      \
		const char *p = sys_path(a[idx]); \
		(void)cpu;                        \
		if (!p)                           \
			return -EFAULT;           \
		return sys_ret(call);             \
	} while (0)

#define PATH2(i1, i2, call)                            \
	do {                                           \
		const char *p = sys_path(a[i1]);       \
		const char *q = sys_path(a[i2]);       \
		(void)cpu;                             \
		if (!p || !q)                          \
			return -EFAULT;                \
		return sys_ret(call);                  \
	} while (0)

int64_t sys_mkdir(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH1(0, mkdir(p, a[1]));
}

int64_t sys_mkdirat(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH1(1, mkdirat(fd_arg(a[0]), p, a[2]));
}

int64_t sys_mknod(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH1(0, mknod(p, a[1], a[2]));
}

int64_t sys_mknodat(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH1(1, mknodat(fd_arg(a[0]), p, a[2], a[3]));
}

int64_t sys_unlink(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH1(0, unlink(p));
}

int64_t sys_unlinkat(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH1(1, unlinkat(fd_arg(a[0]), p, (int)a[2]));
}

int64_t sys_rmdir(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH1(0, rmdir(p));
}

int64_t sys_rename(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH2(0, 1, rename(p, q));
}

int64_t sys_renameat(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH2(1, 3, renameat(fd_arg(a[0]), p, fd_arg(a[2]), q));
}

int64_t sys_renameat2(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH2(1, 3, syscall(SYS_renameat2, fd_arg(a[0]), p, fd_arg(a[2]), q,
			    a[4]));
}

int64_t sys_symlink(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH2(0, 1, symlink(p, q));
}

int64_t sys_symlinkat(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH2(0, 2, symlinkat(p, fd_arg(a[1]), q));
}

int64_t sys_link(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH2(0, 1, link(p, q));
}

int64_t sys_linkat(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH2(1, 3, linkat(fd_arg(a[0]), p, fd_arg(a[2]), q, (int)a[4]));
}

/* readlink of /proc/self/exe must name the guest binary, not arm-run. */
static int64_t do_readlinkat(int dirfd, uint32_t path, uint32_t buf,
			     uint32_t size)
{
	const char *p = sys_str(path);

	if (!p)
		return -EFAULT;
	guest_mem_prepare_write(buf, size);
	if (!strcmp(p, PROC_SELF_EXE)) {
		size_t n = strlen(sys_exe_path());

		if (n > size)
			n = size;
		if (!sys_writable(buf, n))
			return -EFAULT;
		memcpy(guest_ptr(buf), sys_exe_path(), n);
		return (int64_t)n;
	}
	return sys_ret(readlinkat(dirfd, p, guest_ptr(buf), size));
}

int64_t sys_readlink(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return do_readlinkat(ARM_AT_FDCWD, a[0], a[1], a[2]);
}

int64_t sys_readlinkat(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return do_readlinkat(fd_arg(a[0]), a[1], a[2], a[3]);
}

int64_t sys_umask(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return umask(a[0]);
}

int64_t sys_chmod(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH1(0, chmod(p, a[1]));
}

int64_t sys_fchmod(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return sys_ret(fchmod(fd_arg(a[0]), a[1]));
}

int64_t sys_fchmodat(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH1(1, syscall(SYS_fchmodat, fd_arg(a[0]), p, a[2]));
}

/* uid_t/gid_t are 32-bit on both; -1 means "leave unchanged". */
int64_t sys_chown32(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH1(0, chown(p, a[1], a[2]));
}

int64_t sys_lchown32(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH1(0, lchown(p, a[1], a[2]));
}

int64_t sys_fchown32(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return sys_ret(fchown(fd_arg(a[0]), a[1], a[2]));
}

int64_t sys_fchownat(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH1(1, fchownat(fd_arg(a[0]), p, a[2], a[3], (int)a[4]));
}

/* truncate64(path, pad, low, high): 64-bit argument in r2:r3. */
int64_t sys_truncate64(struct arm_cpu *cpu, const uint32_t *a)
{
	PATH1(0, truncate(p, (off_t)(((uint64_t)a[3] << 32) | a[2])));
}

int64_t sys_ftruncate64(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return sys_ret(ftruncate(fd_arg(a[0]),
				 (off_t)(((uint64_t)a[3] << 32) | a[2])));
}

int64_t sys_fsync(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return sys_ret(fsync(fd_arg(a[0])));
}

int64_t sys_fdatasync(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return sys_ret(fdatasync(fd_arg(a[0])));
}

int64_t sys_sync(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	(void)a;
	sync();
	return 0;
}

int64_t sys_flock(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return sys_ret(flock(fd_arg(a[0]), (int)a[1]));
}

/* sendfile64(out, in, loff_t *offset, count): loff_t is 64-bit on both. */
int64_t sys_sendfile64(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	if (a[2] && !sys_writable(a[2], sizeof(int64_t)))
		return -EFAULT;
	return sys_ret(sendfile(fd_arg(a[0]), fd_arg(a[1]),
				a[2] ? guest_ptr(a[2]) : NULL, a[3]));
}

/* struct pollfd is the same on both. */
int64_t sys_poll(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	guest_mem_prepare_write(a[0], (uint64_t)a[1] * sizeof(struct pollfd));
	return sys_ret(poll(guest_ptr(a[0]), a[1], (int)a[2]));
}

/* arm_fadvise64_64(fd, advice, offset r2:r3, len r4:r5): the ARM variant
 * moves advice forward to keep the 64-bit pairs aligned. */
int64_t sys_fadvise(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	errno = posix_fadvise(fd_arg(a[0]),
			      (off_t)(((uint64_t)a[3] << 32) | a[2]),
			      (off_t)(((uint64_t)a[5] << 32) | a[4]),
			      (int)a[1]);
	return -errno;
}

static int64_t do_utimensat(const uint32_t *a, const struct timespec *ts)
{
	const char *p = NULL;

	/* A NULL path means the descriptor itself (futimens). */
	if (a[1] && !(p = sys_path(a[1])))
		return -EFAULT;
	return sys_ret(syscall(SYS_utimensat, fd_arg(a[0]), p, ts, a[3]));
}

int64_t sys_utimensat(struct arm_cpu *cpu, const uint32_t *a)
{
	const struct arm_timespec32 *g = guest_ptr(a[2]);
	struct timespec ts[2];

	(void)cpu;
	if (!a[2])
		return do_utimensat(a, NULL);
	if (!sys_readable(a[2], 2 * sizeof(*g)))
		return -EFAULT;
	for (int i = 0; i < 2; i++)
		ts[i] = (struct timespec){ g[i].sec, g[i].nsec };
	return do_utimensat(a, ts);
}

/* The time64 variant uses struct __kernel_timespec (64-bit seconds, then
 * nanoseconds whose upper half a 32-bit caller may leave unset, so only
 * the low word counts, as in Linux's get_timespec64()). */
int64_t sys_utimensat_time64(struct arm_cpu *cpu, const uint32_t *a)
{
	const struct { int64_t sec; uint32_t nsec, pad; } *g = guest_ptr(a[2]);
	struct timespec ts[2];

	(void)cpu;
	if (!a[2])
		return do_utimensat(a, NULL);
	if (!sys_readable(a[2], 2 * sizeof(*g)))
		return -EFAULT;
	for (int i = 0; i < 2; i++)
		ts[i] = (struct timespec){ g[i].sec, (int32_t)g[i].nsec };
	return do_utimensat(a, ts);
}
