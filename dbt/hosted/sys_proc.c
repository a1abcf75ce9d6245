/* Process system calls: identity, limits, fork/clone, execve, wait and
 * kill. A guest fork is a host fork of arm-run (guest memory, translator
 * and all); execve of another ARM binary re-executes arm-run on it. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "elf_load.h"
#include "guest_mem.h"
#include "sys.h"

/* What `uname -m` says on an ARMv7 Linux system. */
#define GUEST_MACHINE "armv7l"
#define ARM_RLIM_INFINITY 0xffffffffu

struct arm_rlimit {
	uint32_t cur, max;
};

struct arm_timeval {
	int32_t sec, usec;
};

/* ARM struct rusage: two 32-bit timevals then fourteen 32-bit longs. */
struct arm_rusage {
	struct arm_timeval utime, stime;
	int32_t rest[14];
};

/* ARM struct sysinfo (32-bit longs), Linux include/uapi/linux/sysinfo.h. */
struct arm_sysinfo {
	int32_t uptime;
	uint32_t loads[3];
	uint32_t totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	uint16_t procs, pad;
	uint32_t totalhigh, freehigh, mem_unit;
	uint8_t reserved[8];
};
_Static_assert(sizeof(struct arm_sysinfo) == 64, "sysinfo layout");

int64_t sys_exit(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	syscall(SYS_exit, (int)a[0]);
	__builtin_unreachable();
}

int64_t sys_exit_group(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	_exit((int)a[0]);
}

#define ID_CALL(name, expr)                                             \
	int64_t name(struct arm_cpu *cpu, const uint32_t *a)            \
	{                                                               \
		(void)cpu;                                              \
		(void)a;                                                \
		return sys_ret(expr);                                   \
	}

ID_CALL(sys_getpid, getpid())
ID_CALL(sys_getppid, getppid())
ID_CALL(sys_gettid, gettid())
ID_CALL(sys_getuid, getuid())
ID_CALL(sys_geteuid, geteuid())
ID_CALL(sys_getgid, getgid())
ID_CALL(sys_getegid, getegid())
ID_CALL(sys_getpgrp, getpgrp())
ID_CALL(sys_setsid, setsid())
ID_CALL(sys_sched_yield, sched_yield())
ID_CALL(sys_setuid, setuid(a[0]))
ID_CALL(sys_setgid, setgid(a[0]))
ID_CALL(sys_getpgid, getpgid((pid_t)a[0]))
ID_CALL(sys_setpgid, setpgid((pid_t)a[0], (pid_t)a[1]))
ID_CALL(sys_getsid, getsid((pid_t)a[0]))
ID_CALL(sys_kill, kill((pid_t)a[0], (int)a[1]))
ID_CALL(sys_tgkill, syscall(SYS_tgkill, (pid_t)a[0], (pid_t)a[1], (int)a[2]))

int64_t sys_getresuid(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	for (int i = 0; i < 3; i++)
		if (!sys_writable(a[i], sizeof(uid_t)))
			return -EFAULT;
	return sys_ret(getresuid(guest_ptr(a[0]), guest_ptr(a[1]),
				 guest_ptr(a[2])));
}

int64_t sys_getresgid(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	for (int i = 0; i < 3; i++)
		if (!sys_writable(a[i], sizeof(gid_t)))
			return -EFAULT;
	return sys_ret(getresgid(guest_ptr(a[0]), guest_ptr(a[1]),
				 guest_ptr(a[2])));
}

int64_t sys_getgroups(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	if (a[0] && !sys_writable(a[1], (uint64_t)a[0] * sizeof(gid_t)))
		return -EFAULT;
	return sys_ret(getgroups((int)a[0], guest_ptr(a[1])));
}

int64_t sys_uname(struct arm_cpu *cpu, const uint32_t *a)
{
	struct utsname u;

	(void)cpu;
	if (!sys_writable(a[0], sizeof(u)))
		return -EFAULT;
	if (uname(&u))
		return -errno;
	strcpy(u.machine, GUEST_MACHINE);
	memcpy(guest_ptr(a[0]), &u, sizeof(u));
	return 0;
}

/* As Linux's compat sysinfo: scale memory sizes by a larger mem_unit
 * until they fit in 32 bits. */
int64_t sys_sysinfo(struct arm_cpu *cpu, const uint32_t *a)
{
	struct sysinfo s;
	struct arm_sysinfo g = { 0 };
	int shift = 0;

	(void)cpu;
	if (!sys_writable(a[0], sizeof(g)))
		return -EFAULT;
	if (sysinfo(&s))
		return -errno;
	while ((s.totalram >> shift) > UINT32_MAX ||
	       (s.totalswap >> shift) > UINT32_MAX)
		shift++;
	g.uptime = (int32_t)s.uptime;
	for (int i = 0; i < 3; i++)
		g.loads[i] = (uint32_t)s.loads[i];
	g.totalram = (uint32_t)(s.totalram >> shift);
	g.freeram = (uint32_t)(s.freeram >> shift);
	g.sharedram = (uint32_t)(s.sharedram >> shift);
	g.bufferram = (uint32_t)(s.bufferram >> shift);
	g.totalswap = (uint32_t)(s.totalswap >> shift);
	g.freeswap = (uint32_t)(s.freeswap >> shift);
	g.procs = s.procs;
	g.mem_unit = s.mem_unit << shift;
	memcpy(guest_ptr(a[0]), &g, sizeof(g));
	return 0;
}

int64_t sys_getrandom(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	guest_mem_prepare_write(a[0], a[1]);
	return sys_ret(getrandom(guest_ptr(a[0]), a[1], a[2]));
}

/* Single-threaded guests: the clear-child-tid address only matters to a
 * thread library waiting for us, so it is recorded by the host kernel. */
int64_t sys_set_tid_address(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return syscall(SYS_set_tid_address, guest_ptr(a[0]));
}

int64_t sys_prctl(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	switch (a[0]) {
	case PR_SET_NAME:
	case PR_GET_NAME:
		guest_mem_prepare_write(a[1], 16);
		return sys_ret(prctl((int)a[0], guest_ptr(a[1]), 0, 0, 0));
	case PR_SET_PDEATHSIG:
	case PR_SET_DUMPABLE:
	case PR_GET_DUMPABLE:
		return sys_ret(prctl((int)a[0], (unsigned long)a[1], 0, 0, 0));
	default:
		return -EINVAL;
	}
}

int64_t sys_ugetrlimit(struct arm_cpu *cpu, const uint32_t *a)
{
	struct rlimit r;
	struct arm_rlimit g;

	(void)cpu;
	if (!sys_writable(a[1], sizeof(g)))
		return -EFAULT;
	if (getrlimit((int)a[0], &r))
		return -errno;
	g.cur = r.rlim_cur > ARM_RLIM_INFINITY ? ARM_RLIM_INFINITY
					       : (uint32_t)r.rlim_cur;
	g.max = r.rlim_max > ARM_RLIM_INFINITY ? ARM_RLIM_INFINITY
					       : (uint32_t)r.rlim_max;
	memcpy(guest_ptr(a[1]), &g, sizeof(g));
	return 0;
}

/* struct rlimit64 is two 64-bit values on both. */
int64_t sys_prlimit64(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	if (a[2] && !sys_readable(a[2], 16))
		return -EFAULT;
	if (a[3] && !sys_writable(a[3], 16))
		return -EFAULT;
	return sys_ret(syscall(SYS_prlimit64, (pid_t)a[0], (int)a[1],
			       a[2] ? guest_ptr(a[2]) : NULL,
			       a[3] ? guest_ptr(a[3]) : NULL));
}

int64_t sys_put_rusage(uint32_t addr, const struct rusage *ru)
{
	struct arm_rusage g;
	const long *rest = &ru->ru_maxrss;

	if (!sys_writable(addr, sizeof(g)))
		return -EFAULT;
	g.utime = (struct arm_timeval){ (int32_t)ru->ru_utime.tv_sec,
					(int32_t)ru->ru_utime.tv_usec };
	g.stime = (struct arm_timeval){ (int32_t)ru->ru_stime.tv_sec,
					(int32_t)ru->ru_stime.tv_usec };
	for (int i = 0; i < 14; i++)
		g.rest[i] = (int32_t)rest[i];
	memcpy(guest_ptr(addr), &g, sizeof(g));
	return 0;
}

int64_t sys_getrusage(struct arm_cpu *cpu, const uint32_t *a)
{
	struct rusage ru;

	(void)cpu;
	if (getrusage((int)a[0], &ru))
		return -errno;
	return sys_put_rusage(a[1], &ru);
}

/* ARM struct tms: four 32-bit clock_t; the result is a clock_t too. */
int64_t sys_times(struct arm_cpu *cpu, const uint32_t *a)
{
	struct tms t;
	clock_t r;

	(void)cpu;
	if (a[0] && !sys_writable(a[0], 4 * sizeof(uint32_t)))
		return -EFAULT;
	r = times(&t);
	if (a[0]) {
		uint32_t g[4] = { (uint32_t)t.tms_utime, (uint32_t)t.tms_stime,
				  (uint32_t)t.tms_cutime, (uint32_t)t.tms_cstime };
		memcpy(guest_ptr(a[0]), g, sizeof(g));
	}
	return (int32_t)r;
}

/* futex(uaddr, op, val, timeout-or-val2, uaddr2, val3): the waits take a
 * 32-bit struct timespec; the other operations an integer. */
int64_t sys_futex(struct arm_cpu *cpu, const uint32_t *a)
{
	int cmd = (int)a[1] & FUTEX_CMD_MASK;
	struct timespec ts, *tp = NULL;
	const int32_t *g = guest_ptr(a[3]);

	(void)cpu;
	if (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET ||
	    cmd == FUTEX_LOCK_PI || cmd == FUTEX_WAIT_REQUEUE_PI) {
		if (a[3]) {
			if (!sys_readable(a[3], 8))
				return -EFAULT;
			ts = (struct timespec){ g[0], g[1] };
			tp = &ts;
		}
		return sys_ret(syscall(SYS_futex, guest_ptr(a[0]), (int)a[1],
				       a[2], tp, guest_ptr(a[4]), a[5]));
	}
	return sys_ret(syscall(SYS_futex, guest_ptr(a[0]), (int)a[1], a[2],
			       (unsigned long)a[3], guest_ptr(a[4]), a[5]));
}

/* The CPU mask is a bitmap of bytes, the same on both. */
int64_t sys_sched_getaffinity(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	guest_mem_prepare_write(a[2], a[1]);
	return sys_ret(syscall(SYS_sched_getaffinity, (pid_t)a[0], a[1],
			       guest_ptr(a[2])));
}
