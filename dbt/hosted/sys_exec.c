/* fork, clone, execve and wait4. A guest process is one arm-run process:
 * fork duplicates arm-run whole, and execve of an ARM executable starts a
 * fresh arm-run on it, keeping the guest's argv[0] (busybox picks its
 * applet from it). Threads (CLONE_VM without CLONE_VFORK) are not
 * supported. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "elf_load.h"
#include "guest_mem.h"
#include "sys.h"

#define ARG_MAX_PTRS 65536
#define EXEC_EXTRA_ARGS 4 /* arm-run -0 argv0 path */
#define CLONE_EXIT_SIGNAL_MASK 0xffu

/* Forks arm-run. Linux's clone for ARM takes (flags, newsp, parent_tidptr,
 * tls, child_tidptr). */
static int64_t do_fork(struct arm_cpu *cpu, uint32_t flags, uint32_t newsp,
		       uint32_t ptid, uint32_t tls, uint32_t ctid)
{
	long pid;

	if ((flags & CLONE_VM) && !(flags & CLONE_VFORK)) {
		if (sys_debug())
			fprintf(stderr, "arm-run: threads (clone 0x%x) not "
					"supported\n", flags);
		return -ENOSYS;
	}
	if ((flags & CLONE_PARENT_SETTID) && !sys_writable(ptid, 4))
		return -EFAULT;
	/* vfork becomes a plain fork: the parent's memory cannot be shared
	 * with a child that runs its own translator on the same stack. */
	pid = syscall(SYS_clone, (unsigned long)(flags & CLONE_EXIT_SIGNAL_MASK),
		      NULL, NULL, NULL, 0);
	if (pid < 0)
		return -errno;
	if (flags & CLONE_PARENT_SETTID)
		*(uint32_t *)guest_ptr(ptid) = (uint32_t)(pid ? pid : gettid());
	if (pid)
		return pid;
	if ((flags & CLONE_CHILD_SETTID) && sys_writable(ctid, 4))
		*(uint32_t *)guest_ptr(ctid) = (uint32_t)gettid();
	if (flags & CLONE_CHILD_CLEARTID)
		syscall(SYS_set_tid_address, guest_ptr(ctid));
	if (flags & CLONE_SETTLS)
		cpu->tpidruro = tls;
	if (newsp)
		cpu->r[ARM_REG_SP] = newsp;
	return 0;
}

int64_t sys_clone(struct arm_cpu *cpu, const uint32_t *a)
{
	return do_fork(cpu, a[0], a[1], a[2], a[3], a[4]);
}

int64_t sys_fork(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)a;
	return do_fork(cpu, SIGCHLD, 0, 0, 0, 0);
}

int64_t sys_vfork(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)a;
	return do_fork(cpu, CLONE_VFORK | SIGCHLD, 0, 0, 0, 0);
}

/* Copies a guest NULL-terminated pointer array, leaving `skip` free slots
 * at the front. Returns the count or -errno; *out is malloc'ed. */
static int64_t get_vector(uint32_t addr, int skip, char ***out)
{
	const uint32_t *g = guest_ptr(addr);
	char **v;
	int64_t n = 0;

	while (addr) {
		if (n >= ARG_MAX_PTRS)
			return -E2BIG;
		if (!sys_readable(addr + (uint32_t)(n * 4), 4))
			return -EFAULT;
		if (!g[n])
			break;
		n++;
	}
	v = calloc((size_t)(n + skip + 1), sizeof(*v));
	if (!v)
		return -ENOMEM;
	for (int64_t i = 0; i < n; i++) {
		v[skip + i] = (char *)sys_str(g[i]);
		if (!v[skip + i]) {
			free(v);
			return -EFAULT;
		}
	}
	*out = v;
	return n;
}

/* An ARM executable runs as: arm-run -0 <guest argv[0]> <path> <argv[1]...>
 * (the first four slots left free by get_vector). */
static int64_t exec_vectors(const char *path, uint32_t argv_addr,
			    char **envp)
{
	char **argv;
	int64_t n = get_vector(argv_addr, EXEC_EXTRA_ARGS, &argv);
	int arm = elf_is_arm(path);

	if (n < 0)
		return n;
	if (arm < 0) {
		free(argv);
		return arm;
	}
	if (arm) {
		argv[0] = "arm-run";
		argv[1] = "-0";
		argv[2] = n ? argv[EXEC_EXTRA_ARGS] : (char *)path;
		argv[3] = (char *)path;
		if (n)
			memmove(&argv[EXEC_EXTRA_ARGS],
				&argv[EXEC_EXTRA_ARGS + 1],
				(size_t)n * sizeof(*argv));
		execve(sys_self_path(), argv, envp);
	} else {
		execve(path, argv + EXEC_EXTRA_ARGS, envp);
	}
	free(argv);
	return -errno;
}

int64_t sys_execve(struct arm_cpu *cpu, const uint32_t *a)
{
	const char *path = sys_path(a[0]);
	char **envp;
	int64_t r;

	(void)cpu;
	if (!path)
		return -EFAULT;
	r = get_vector(a[2], 0, &envp);
	if (r < 0)
		return r;
	r = exec_vectors(path, a[1], envp);
	free(envp);
	return r;
}

int64_t sys_wait4(struct arm_cpu *cpu, const uint32_t *a)
{
	struct rusage ru;
	int status;
	pid_t pid;

	(void)cpu;
	if (a[1] && !sys_writable(a[1], sizeof(status)))
		return -EFAULT;
	pid = wait4((pid_t)a[0], &status, (int)a[2], &ru);
	if (pid < 0)
		return -errno;
	if (a[1] && pid)
		memcpy(guest_ptr(a[1]), &status, sizeof(status));
	if (a[3] && pid)
		return sys_put_rusage(a[3], &ru) ?: pid;
	return pid;
}
