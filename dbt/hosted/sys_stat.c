/* stat-family system calls: x86-64's struct stat converted to ARM's
 * struct stat64 and struct statfs64, whose layouts differ. statx's
 * structure is the same on every architecture and passes through. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest_mem.h"
#include "sys.h"

#define ARM_AT_FDCWD -100

/* ARM EABI struct stat64 (Linux arch/arm/include/uapi/asm/stat.h); the
 * offsets were read from arm-linux-gnueabi-gcc. */
struct arm_stat64 {
	uint64_t dev;
	uint8_t pad0[4];
	uint32_t ino32;
	uint32_t mode, nlink, uid, gid;
	uint64_t rdev;
	uint8_t pad3[4];
	uint32_t pad4; /* EABI aligns the following 64-bit field */
	int64_t size;
	uint32_t blksize, pad5;
	uint64_t blocks;
	uint32_t atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec;
	uint64_t ino;
};
_Static_assert(offsetof(struct arm_stat64, mode) == 16, "stat64 layout");
_Static_assert(offsetof(struct arm_stat64, size) == 48, "stat64 layout");
_Static_assert(offsetof(struct arm_stat64, blocks) == 64, "stat64 layout");
_Static_assert(offsetof(struct arm_stat64, atime) == 72, "stat64 layout");
_Static_assert(offsetof(struct arm_stat64, ino) == 96, "stat64 layout");
_Static_assert(sizeof(struct arm_stat64) == 104, "stat64 layout");

/* ARM struct statfs64 is packed to 4-byte alignment (ARCH_PACK_STATFS64). */
struct arm_statfs64 {
	uint32_t type, bsize;
	uint64_t blocks, bfree, bavail, files, ffree;
	int32_t fsid[2];
	uint32_t namelen, frsize, flags, spare[4];
} __attribute__((packed, aligned(4)));
_Static_assert(offsetof(struct arm_statfs64, fsid) == 48, "statfs64 layout");
_Static_assert(sizeof(struct arm_statfs64) == 84, "statfs64 layout");
#define ARM_STATFS64_UNPACKED_SIZE 88

static int64_t put_stat(uint32_t addr, const struct stat *st)
{
	struct arm_stat64 g = {
		.dev = st->st_dev,
		.ino32 = (uint32_t)st->st_ino,
		.mode = st->st_mode,
		.nlink = (uint32_t)st->st_nlink,
		.uid = st->st_uid,
		.gid = st->st_gid,
		.rdev = st->st_rdev,
		.size = st->st_size,
		.blksize = (uint32_t)st->st_blksize,
		.blocks = (uint64_t)st->st_blocks,
		.atime = (uint32_t)st->st_atim.tv_sec,
		.atime_nsec = (uint32_t)st->st_atim.tv_nsec,
		.mtime = (uint32_t)st->st_mtim.tv_sec,
		.mtime_nsec = (uint32_t)st->st_mtim.tv_nsec,
		.ctime = (uint32_t)st->st_ctim.tv_sec,
		.ctime_nsec = (uint32_t)st->st_ctim.tv_nsec,
		.ino = st->st_ino,
	};

	if (!sys_writable(addr, sizeof(g)))
		return -EFAULT;
	memcpy(guest_ptr(addr), &g, sizeof(g));
	return 0;
}

static int64_t do_fstatat(int dirfd, uint32_t path, uint32_t buf, int flags)
{
	const char *p = NULL;
	struct stat st;

	if (path && !(p = sys_path(path)))
		return -EFAULT;
	if (fstatat(dirfd, p ? p : "", &st, flags))
		return -errno;
	return put_stat(buf, &st);
}

int64_t sys_stat64(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return do_fstatat(ARM_AT_FDCWD, a[0], a[1], 0);
}

int64_t sys_lstat64(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return do_fstatat(ARM_AT_FDCWD, a[0], a[1], AT_SYMLINK_NOFOLLOW);
}

int64_t sys_fstat64(struct arm_cpu *cpu, const uint32_t *a)
{
	struct stat st;

	(void)cpu;
	if (fstat((int32_t)a[0], &st))
		return -errno;
	return put_stat(a[1], &st);
}

/* The AT_* flags are generic, the same on both. */
int64_t sys_fstatat64(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return do_fstatat((int32_t)a[0], a[1], a[2], (int)a[3]);
}

int64_t sys_statx(struct arm_cpu *cpu, const uint32_t *a)
{
	const char *p = NULL;

	(void)cpu;
	if (a[1] && !(p = sys_path(a[1])))
		return -EFAULT;
	guest_mem_prepare_write(a[4], sizeof(struct statx));
	return sys_ret(syscall(SYS_statx, (int32_t)a[0], p, (int)a[2], a[3],
			       guest_ptr(a[4])));
}

static int64_t put_statfs(uint32_t size, uint32_t addr, const struct statfs *s)
{
	struct arm_statfs64 g = {
		.type = (uint32_t)s->f_type,
		.bsize = (uint32_t)s->f_bsize,
		.blocks = s->f_blocks,
		.bfree = s->f_bfree,
		.bavail = s->f_bavail,
		.files = s->f_files,
		.ffree = s->f_ffree,
		.namelen = (uint32_t)s->f_namelen,
		.frsize = (uint32_t)s->f_frsize,
		.flags = (uint32_t)s->f_flags,
	};

	memcpy(g.fsid, &s->f_fsid, sizeof(g.fsid));
	/* ARM Linux also takes the size of the unpacked structure, as EABI
	 * C libraries declare it (arch/arm/kernel/entry-common.S). */
	if (size != sizeof(g) && size != ARM_STATFS64_UNPACKED_SIZE)
		return -EINVAL;
	if (!sys_writable(addr, sizeof(g)))
		return -EFAULT;
	memcpy(guest_ptr(addr), &g, sizeof(g));
	return 0;
}

/* statfs64(path, size, buf) */
int64_t sys_statfs64(struct arm_cpu *cpu, const uint32_t *a)
{
	const char *p = sys_path(a[0]);
	struct statfs s;

	(void)cpu;
	if (!p)
		return -EFAULT;
	if (statfs(p, &s))
		return -errno;
	return put_statfs(a[1], a[2], &s);
}

int64_t sys_fstatfs64(struct arm_cpu *cpu, const uint32_t *a)
{
	struct statfs s;

	(void)cpu;
	if (fstatfs((int32_t)a[0], &s))
		return -errno;
	return put_statfs(a[1], a[2], &s);
}
