/* System call dispatch for arm-run: the number-to-handler table, the ARM
 * private calls, the guest pointer checks the handlers share, and the
 * ARM_RUN_DEBUG=1 log of calls we do not implement. */
#define _GNU_SOURCE
#include "sys.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest_mem.h"
#include "signals.h"
#include "sys_nr.h"

#define SYS_ARGS 7 /* r0-r6 (ARM EABI: number in r7) */
#define SYS_NR_REG 7
#define PROC_SELF_EXE "/proc/self/exe"

static const char *exe_path, *self_path;
static bool debug;

static sys_fn *const table[ARM_NR_COUNT] = {
	[ARM_NR_exit] = sys_exit, [ARM_NR_fork] = sys_fork,
	[ARM_NR_read] = sys_read, [ARM_NR_write] = sys_write,
	[ARM_NR_open] = sys_open, [ARM_NR_close] = sys_close,
	[ARM_NR_creat] = sys_creat, [ARM_NR_link] = sys_link,
	[ARM_NR_unlink] = sys_unlink, [ARM_NR_execve] = sys_execve,
	[ARM_NR_chdir] = sys_chdir, [ARM_NR_mknod] = sys_mknod,
	[ARM_NR_chmod] = sys_chmod, [ARM_NR_lseek] = sys_lseek,
	[ARM_NR_getpid] = sys_getpid, [ARM_NR_setuid] = sys_setuid,
	[ARM_NR_getuid] = sys_getuid, [ARM_NR_pause] = sys_pause,
	[ARM_NR_access] = sys_access, [ARM_NR_sync] = sys_sync,
	[ARM_NR_kill] = sys_kill, [ARM_NR_rename] = sys_rename,
	[ARM_NR_mkdir] = sys_mkdir, [ARM_NR_rmdir] = sys_rmdir,
	[ARM_NR_dup] = sys_dup, [ARM_NR_pipe] = sys_pipe,
	[ARM_NR_times] = sys_times, [ARM_NR_brk] = sys_brk,
	[ARM_NR_setgid] = sys_setgid, [ARM_NR_getgid] = sys_getgid,
	[ARM_NR_geteuid] = sys_geteuid, [ARM_NR_getegid] = sys_getegid,
	[ARM_NR_ioctl] = sys_ioctl, [ARM_NR_fcntl] = sys_fcntl64,
	[ARM_NR_setpgid] = sys_setpgid, [ARM_NR_umask] = sys_umask,
	[ARM_NR_dup2] = sys_dup2, [ARM_NR_getppid] = sys_getppid,
	[ARM_NR_getpgrp] = sys_getpgrp, [ARM_NR_setsid] = sys_setsid,
	[ARM_NR_getrusage] = sys_getrusage,
	[ARM_NR_gettimeofday] = sys_time32_gettimeofday,
	[ARM_NR_symlink] = sys_symlink, [ARM_NR_readlink] = sys_readlink,
	[ARM_NR_munmap] = sys_munmap, [ARM_NR_fchmod] = sys_fchmod,
	[ARM_NR_setitimer] = sys_setitimer, [ARM_NR_getitimer] = sys_getitimer,
	[ARM_NR_wait4] = sys_wait4, [ARM_NR_sysinfo] = sys_sysinfo,
	[ARM_NR_fsync] = sys_fsync, [ARM_NR_sigreturn] = sys_sigreturn,
	[ARM_NR_clone] = sys_clone, [ARM_NR_uname] = sys_uname,
	[ARM_NR_mprotect] = sys_mprotect, [ARM_NR_getpgid] = sys_getpgid,
	[ARM_NR_fchdir] = sys_fchdir, [ARM_NR__llseek] = sys_llseek,
	[ARM_NR__newselect] = sys_newselect, [ARM_NR_flock] = sys_flock,
	[ARM_NR_readv] = sys_readv, [ARM_NR_writev] = sys_writev,
	[ARM_NR_getsid] = sys_getsid, [ARM_NR_fdatasync] = sys_fdatasync,
	[ARM_NR_sched_yield] = sys_sched_yield,
	[ARM_NR_nanosleep] = sys_nanosleep, [ARM_NR_mremap] = sys_mremap,
	[ARM_NR_poll] = sys_poll, [ARM_NR_prctl] = sys_prctl,
	[ARM_NR_rt_sigreturn] = sys_rt_sigreturn,
	[ARM_NR_rt_sigaction] = sys_rt_sigaction,
	[ARM_NR_rt_sigprocmask] = sys_rt_sigprocmask,
	[ARM_NR_rt_sigpending] = sys_rt_sigpending,
	[ARM_NR_rt_sigsuspend] = sys_rt_sigsuspend,
	[ARM_NR_pread64] = sys_pread64, [ARM_NR_pwrite64] = sys_pwrite64,
	[ARM_NR_chown] = sys_chown32, [ARM_NR_getcwd] = sys_getcwd,
	[ARM_NR_sigaltstack] = sys_sigaltstack,
	[ARM_NR_vfork] = sys_vfork, [ARM_NR_ugetrlimit] = sys_ugetrlimit,
	[ARM_NR_mmap2] = sys_mmap2, [ARM_NR_truncate64] = sys_truncate64,
	[ARM_NR_ftruncate64] = sys_ftruncate64, [ARM_NR_stat64] = sys_stat64,
	[ARM_NR_lstat64] = sys_lstat64, [ARM_NR_fstat64] = sys_fstat64,
	[ARM_NR_lchown32] = sys_lchown32, [ARM_NR_getuid32] = sys_getuid,
	[ARM_NR_getgid32] = sys_getgid, [ARM_NR_geteuid32] = sys_geteuid,
	[ARM_NR_getegid32] = sys_getegid,
	[ARM_NR_getgroups32] = sys_getgroups,
	[ARM_NR_fchown32] = sys_fchown32,
	[ARM_NR_getresuid32] = sys_getresuid,
	[ARM_NR_getresgid32] = sys_getresgid, [ARM_NR_chown32] = sys_chown32,
	[ARM_NR_setuid32] = sys_setuid, [ARM_NR_setgid32] = sys_setgid,
	[ARM_NR_getdents64] = sys_getdents64, [ARM_NR_madvise] = sys_madvise,
	[ARM_NR_fcntl64] = sys_fcntl64, [ARM_NR_gettid] = sys_gettid,
	[ARM_NR_sendfile64] = sys_sendfile64, [ARM_NR_futex] = sys_futex,
	[ARM_NR_sched_getaffinity] = sys_sched_getaffinity,
	[ARM_NR_exit_group] = sys_exit_group,
	[ARM_NR_set_tid_address] = sys_set_tid_address,
	[ARM_NR_clock_gettime] = sys_clock_gettime,
	[ARM_NR_clock_getres] = sys_clock_getres,
	[ARM_NR_clock_nanosleep] = sys_clock_nanosleep,
	[ARM_NR_statfs64] = sys_statfs64, [ARM_NR_fstatfs64] = sys_fstatfs64,
	[ARM_NR_tgkill] = sys_tgkill,
	[ARM_NR_arm_fadvise64_64] = sys_fadvise,
	[ARM_NR_openat] = sys_openat, [ARM_NR_mkdirat] = sys_mkdirat,
	[ARM_NR_mknodat] = sys_mknodat, [ARM_NR_fchownat] = sys_fchownat,
	[ARM_NR_fstatat64] = sys_fstatat64, [ARM_NR_unlinkat] = sys_unlinkat,
	[ARM_NR_renameat] = sys_renameat, [ARM_NR_linkat] = sys_linkat,
	[ARM_NR_symlinkat] = sys_symlinkat,
	[ARM_NR_readlinkat] = sys_readlinkat,
	[ARM_NR_fchmodat] = sys_fchmodat, [ARM_NR_faccessat] = sys_faccessat,
	[ARM_NR_utimensat] = sys_utimensat, [ARM_NR_dup3] = sys_dup3,
	[ARM_NR_pipe2] = sys_pipe2, [ARM_NR_prlimit64] = sys_prlimit64,
	[ARM_NR_renameat2] = sys_renameat2, [ARM_NR_getrandom] = sys_getrandom,
	[ARM_NR_statx] = sys_statx,
	[ARM_NR_clock_gettime64] = sys_clock_gettime64,
	[ARM_NR_clock_getres_time64] = sys_clock_getres_time64,
	[ARM_NR_clock_nanosleep_time64] = sys_clock_nanosleep_time64,
	[ARM_NR_utimensat_time64] = sys_utimensat_time64,
	[ARM_NR_faccessat2] = sys_faccessat,
};

void sys_init(const char *exe, const char *self)
{
	const char *d = getenv("ARM_RUN_DEBUG");

	exe_path = exe;
	self_path = self;
	debug = d && *d == '1';
}

bool sys_debug(void) { return debug; }
const char *sys_exe_path(void) { return exe_path; }
const char *sys_self_path(void) { return self_path; }

int64_t sys_ret(long r)
{
	return r < 0 ? -errno : r;
}

bool sys_readable(uint32_t addr, uint64_t len)
{
	return guest_mem_accessible(addr, len, GUEST_PROT_READ);
}

bool sys_writable(uint32_t addr, uint64_t len)
{
	if (!guest_mem_accessible(addr, len, GUEST_PROT_WRITE))
		return false;
	guest_mem_prepare_write(addr, len);
	return true;
}

const char *sys_str(uint32_t addr)
{
	uint64_t a = addr;

	for (;;) {
		uint64_t page_end = (a | GUEST_PAGE_MASK) + 1;

		if (!addr || !sys_readable((uint32_t)a, 1))
			return NULL;
		for (; a < page_end; a++)
			if (!*(const char *)(uintptr_t)a)
				return guest_ptr(addr);
		if (page_end >> 32)
			return NULL;
	}
}

const char *sys_path(uint32_t addr)
{
	const char *p = sys_str(addr);

	if (p && !strcmp(p, PROC_SELF_EXE))
		return exe_path;
	return p;
}

/* ARM private calls: set_tls is how glibc installs the thread pointer
 * that __kuser_get_tls and MRC TPIDRURO read back. */
static int64_t arm_private(struct arm_cpu *cpu, uint32_t nr)
{
	switch (nr) {
	case ARM_NR_set_tls:
		cpu->tpidruro = cpu->r[0];
		return 0;
	case ARM_NR_get_tls:
		return cpu->tpidruro;
	case ARM_NR_cacheflush:
		/* Translations follow guest writes by page protection. */
		return 0;
	default:
		return -ENOSYS;
	}
}

void sys_handle(struct arm_cpu *cpu)
{
	uint32_t nr = cpu->r[SYS_NR_REG], a[SYS_ARGS], orig_r0 = cpu->r[0];
	int64_t r;

	memcpy(a, cpu->r, sizeof(a));
	if (nr < ARM_NR_COUNT && table[nr])
		r = table[nr](cpu, a);
	else
		r = arm_private(cpu, nr);
	if (r == -ENOSYS && debug)
		fprintf(stderr, "arm-run: unimplemented syscall %u at pc 0x%08x\n",
			nr, cpu->r[ARM_REG_PC] - 4);
	if (r == SYS_RET_NONE)
		return;
	cpu->r[0] = (uint32_t)r;
	signals_after_syscall(cpu, nr, orig_r0, r);
}
