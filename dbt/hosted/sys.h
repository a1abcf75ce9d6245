/* Linux ARM EABI system call emulation for arm-run. Guest pointers are
 * host pointers (guest_mem.c), so most calls pass straight to the host
 * kernel; the ones whose structures or flag values differ between ARM and
 * x86-64 are converted. Handlers are split by topic into sys_*.c. */
#ifndef DBT_HOSTED_SYS_H
#define DBT_HOSTED_SYS_H

#include <stdbool.h>
#include <stdint.h>

#include "dbt/arm_cpu.h"

/* Returned by a handler that has set the guest registers itself. */
#define SYS_RET_NONE INT64_MIN

typedef int64_t sys_fn(struct arm_cpu *cpu, const uint32_t *a);

/* exe: the guest executable (what /proc/self/exe names); self: arm-run's
 * own path, for re-executing it on execve of another ARM binary. */
void sys_init(const char *exe, const char *self);

/* Performs the SVC the guest just executed (number in r7, arguments in
 * r0-r6) and leaves the result in r0. */
void sys_handle(struct arm_cpu *cpu);

/* Helpers shared by the sys_*.c files. */
int64_t sys_ret(long r);                       /* -1/errno to -errno */
bool sys_readable(uint32_t addr, uint64_t len);
bool sys_writable(uint32_t addr, uint64_t len); /* also unprotects code */
/* A guest C string; NULL when it runs into unmapped memory. */
const char *sys_str(uint32_t addr);
/* A guest path, with /proc/self/exe meaning the guest executable. */
const char *sys_path(uint32_t addr);
const char *sys_exe_path(void);
const char *sys_self_path(void);
bool sys_debug(void);
/* Stores a host struct rusage as ARM's (32-bit longs). */
struct rusage;
int64_t sys_put_rusage(uint32_t addr, const struct rusage *ru);

/* The handlers, by file. */
sys_fn sys_read, sys_write, sys_open, sys_openat, sys_creat, sys_close,
	sys_lseek, sys_llseek, sys_pread64, sys_pwrite64, sys_readv,
	sys_writev, sys_dup, sys_dup2, sys_dup3, sys_pipe, sys_pipe2,
	sys_fcntl64, sys_ioctl, sys_getdents64, sys_access, sys_faccessat,
	sys_getcwd, sys_chdir, sys_fchdir, sys_mkdir, sys_mkdirat, sys_unlink,
	sys_unlinkat, sys_rename, sys_renameat, sys_renameat2, sys_rmdir,
	sys_symlink, sys_symlinkat, sys_link, sys_linkat, sys_readlink,
	sys_readlinkat, sys_umask, sys_chmod, sys_fchmod, sys_fchmodat,
	sys_chown32, sys_lchown32, sys_fchown32, sys_fchownat, sys_truncate64,
	sys_ftruncate64, sys_fsync, sys_fdatasync, sys_sync, sys_flock,
	sys_mknod, sys_mknodat, sys_sendfile64, sys_poll, sys_fadvise,
	sys_utimensat, sys_utimensat_time64;
sys_fn sys_stat64, sys_lstat64, sys_fstat64, sys_fstatat64, sys_statx,
	sys_statfs64, sys_fstatfs64;
sys_fn sys_brk, sys_mmap2, sys_munmap, sys_mprotect, sys_mremap,
	sys_madvise;
sys_fn sys_exit, sys_exit_group, sys_getpid, sys_getppid, sys_gettid,
	sys_getuid, sys_geteuid, sys_getgid, sys_getegid, sys_getresuid,
	sys_getresgid, sys_getgroups, sys_setuid, sys_setgid, sys_getpgrp,
	sys_getpgid, sys_setpgid, sys_getsid, sys_setsid, sys_uname,
	sys_sysinfo, sys_getrandom, sys_set_tid_address,
	sys_prctl, sys_ugetrlimit, sys_prlimit64, sys_getrusage, sys_times,
	sys_sched_yield, sys_sched_getaffinity, sys_futex, sys_clone,
	sys_fork, sys_vfork,
	sys_execve, sys_wait4, sys_kill, sys_tgkill;
sys_fn sys_time32_gettimeofday, sys_clock_gettime, sys_clock_gettime64,
	sys_clock_getres, sys_clock_getres_time64, sys_nanosleep,
	sys_clock_nanosleep, sys_clock_nanosleep_time64, sys_newselect,
	sys_setitimer, sys_getitimer;
sys_fn sys_rt_sigaction, sys_rt_sigprocmask, sys_rt_sigpending,
	sys_rt_sigsuspend, sys_rt_sigreturn, sys_sigreturn, sys_sigaltstack,
	sys_pause;

#endif
