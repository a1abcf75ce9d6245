/* Signals for arm-run. Host SIGSEGV/SIGBUS are arm-run's own: a write to a
 * write-protected translated-code page drops that page's translations and
 * retries; a fault of a translated guest access leaves dbt_run() with
 * DBT_EXIT_FAULT. Other signals follow the guest's sigaction: default and
 * ignore are set on the host as they are, so the host kernel acts for the
 * guest; a guest handler makes the host record the signal and request an
 * exit from translated code, and the handler then runs on an ARM signal
 * frame (Linux arch/arm/kernel/signal.c layout). */
#define _GNU_SOURCE
#include "signals.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "dbt/dbt.h"
#include "guest_mem.h"
#include "kuser.h"
#include "sys.h"
#include "sys_nr.h"

#define NSIG_GUEST 64
/* x86 page-fault error code bit 1: the access was a write (Intel SDM
 * Vol. 3A 4.7); Linux passes it in the signal context's ERR. */
#define X86_PF_WRITE 0x2
/* ARM sa_flags (Linux arch/arm/include/uapi/asm/signal.h). */
#define ARM_SA_SIGINFO 0x00000004u
#define ARM_SA_RESTORER 0x04000000u
#define ARM_SA_ONSTACK 0x08000000u
#define ARM_SA_RESTART 0x10000000u
#define ARM_SA_NODEFER 0x40000000u
#define ARM_SA_RESETHAND 0x80000000u
#define ARM_SA_HOST_KEEP (SA_NOCLDSTOP | SA_NOCLDWAIT)
#define ARM_SIG_DFL 0u
#define ARM_SIG_IGN 1u
#define ARM_SS_ONSTACK 1
#define ARM_SS_DISABLE 2
#define ARM_SIGINFO_SIZE 128
#define ARM_CPSR_IT (ARM_CPSR_IT_LO_MASK | ARM_CPSR_IT_HI_MASK)
#define ARM_CPSR_RESTORED (ARM_CPSR_NZCV | ARM_CPSR_Q | ARM_CPSR_GE_MASK | \
			   ARM_CPSR_T | ARM_CPSR_IT)
#define FRAME_ALIGN 8u

struct arm_sigaction {
	uint32_t handler, flags, restorer;
	uint64_t mask;
};

/* struct sigcontext: r0-r10, fp, ip, sp, lr and pc are r[0..15]. */
struct arm_sigcontext {
	uint32_t trap_no, error_code, oldmask;
	uint32_t r[16];
	uint32_t cpsr, fault_address;
};

struct arm_ucontext {
	uint32_t flags, link;
	uint32_t ss_sp, ss_flags, ss_size;
	struct arm_sigcontext mcontext;
	uint64_t sigmask;
	uint32_t unused[30];
	uint64_t regspace[64]; /* coprocessor state: none to save */
};
_Static_assert(sizeof(struct arm_ucontext) == 744, "ucontext layout");

struct arm_sigframe {
	struct arm_ucontext uc;
	uint32_t retcode[4];
};

struct arm_rt_sigframe {
	uint8_t info[ARM_SIGINFO_SIZE];
	struct arm_sigframe sig;
};

static struct arm_cpu *the_cpu;
static struct dbt *the_dbt;
static struct arm_sigaction actions[NSIG_GUEST + 1];
static uint64_t guest_mask;
static volatile uint64_t pending;
static siginfo_t pending_info[NSIG_GUEST + 1];
static int fault_sig, fault_code;
static uint32_t alt_sp, alt_size, alt_flags = ARM_SS_DISABLE;

static uint64_t bit(int sig) { return 1ull << (sig - 1); }

/* SIGSEGV and SIGBUS stay arm-run's own and are never blocked on the host;
 * SIGKILL and SIGSTOP cannot be blocked. */
static const uint64_t host_sync =
	(1ull << (SIGSEGV - 1)) | (1ull << (SIGBUS - 1));
static const uint64_t unblockable =
	(1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1));

static void apply_mask(void)
{
	uint64_t m = guest_mask & ~host_sync;

	syscall(SYS_rt_sigprocmask, SIG_SETMASK, &m, NULL, sizeof(m));
}

static void on_async(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	pending_info[sig] = *si;
	__atomic_or_fetch(&pending, bit(sig), __ATOMIC_SEQ_CST);
	if (the_cpu)
		the_cpu->exit_request = 1;
}

/* Ends arm-run by the guest's signal, so its parent sees what it would
 * have seen of the ARM process (a shell prints 128 + sig). */
static _Noreturn void die_by(int sig)
{
	struct rlimit no_core = { 0, 0 };
	sigset_t s;

	setrlimit(RLIMIT_CORE, &no_core);
	signal(sig, SIG_DFL);
	sigemptyset(&s);
	sigaddset(&s, sig);
	sigprocmask(SIG_UNBLOCK, &s, NULL);
	raise(sig);
	_exit(128 + sig);
}

static void internal_fault(int sig, uint64_t addr, uint64_t rip)
{
	char msg[160];
	int n = snprintf(msg, sizeof(msg),
			 "arm-run: internal error: signal %d at host rip 0x%llx, "
			 "address 0x%llx\n", sig, (unsigned long long)rip,
			 (unsigned long long)addr);

	if (write(STDERR_FILENO, msg, (size_t)n) < 0)
		n = 0;
	signal(sig, SIG_DFL); /* returning re-faults and dies */
}

static void on_fault(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	uint64_t addr = (uintptr_t)si->si_addr;
	uint64_t rip = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
	bool write = uc->uc_mcontext.gregs[REG_ERR] & X86_PF_WRITE;
	struct dbt_mem_access acc;

	if (si->si_code <= 0) { /* sent by kill(): an ordinary signal */
		if (actions[sig].handler == ARM_SIG_DFL)
			die_by(sig);
		if (actions[sig].handler != ARM_SIG_IGN)
			on_async(sig, si, ctx);
		return;
	}
	if (sig == SIGSEGV && write && addr < (1ull << 32) &&
	    guest_mem_code_write((uint32_t)addr))
		return;
	if (the_dbt && dbt_fault_lookup(the_dbt, rip, &acc) == 0) {
		the_cpu->fault_addr = (uint32_t)addr;
		the_cpu->fault_is_write = acc.is_write;
		fault_sig = sig;
		fault_code = si->si_code;
		uc->uc_mcontext.gregs[REG_RIP] = (greg_t)acc.resume_rip;
		return;
	}
	internal_fault(sig, addr, rip);
}

int signals_fault_signal(int *code)
{
	int sig = fault_sig;

	*code = fault_code;
	fault_sig = 0;
	return sig;
}

int signals_init(struct arm_cpu *cpu, struct dbt *d)
{
	struct sigaction sa = { .sa_sigaction = on_fault,
				.sa_flags = SA_SIGINFO | SA_NODEFER };
	sigset_t cur;

	the_cpu = cpu;
	the_dbt = d;
	/* Inherited across execve: the mask and ignored signals. */
	sigprocmask(SIG_SETMASK, NULL, &cur);
	for (int s = 1; s <= NSIG_GUEST; s++) {
		struct sigaction old;

		if (sigismember(&cur, s) == 1)
			guest_mask |= bit(s);
		if (sigaction(s, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			actions[s].handler = ARM_SIG_IGN;
	}
	if (sigaction(SIGSEGV, &sa, NULL) || sigaction(SIGBUS, &sa, NULL))
		return -errno;
	apply_mask();
	return 0;
}

/* Mirrors a guest action on the host (not for SIGSEGV/SIGBUS). */
static void host_action(int sig, const struct arm_sigaction *g)
{
	struct sigaction sa = { 0 };

	sigfillset(&sa.sa_mask);
	sa.sa_flags = (int)(g->flags & ARM_SA_HOST_KEEP);
	if (g->handler == ARM_SIG_DFL)
		sa.sa_handler = SIG_DFL;
	else if (g->handler == ARM_SIG_IGN)
		sa.sa_handler = SIG_IGN;
	else {
		/* No SA_RESTART: a blocked host call returns EINTR, and the
		 * guest's SA_RESTART is applied by rewinding its pc. */
		sa.sa_sigaction = on_async;
		sa.sa_flags |= SA_SIGINFO;
	}
	/* glibc reserves two real-time signals for itself; the guest may
	 * still own their actions, the host just never raises them. */
	sigaction(sig, &sa, NULL);
}

int64_t sys_rt_sigaction(struct arm_cpu *cpu, const uint32_t *a)
{
	int sig = (int)a[0];
	struct arm_sigaction *act = guest_ptr(a[1]), *old = guest_ptr(a[2]);

	(void)cpu;
	if (sig < 1 || sig > NSIG_GUEST || a[3] != sizeof(uint64_t))
		return -EINVAL;
	if (a[1] && !sys_readable(a[1], sizeof(*act)))
		return -EFAULT;
	if (a[2] && !sys_writable(a[2], sizeof(*old)))
		return -EFAULT;
	if (a[1] && (bit(sig) & unblockable))
		return -EINVAL;
	if (a[2])
		*old = actions[sig];
	if (a[1]) {
		actions[sig] = *act;
		if (!(bit(sig) & host_sync))
			host_action(sig, act);
	}
	return 0;
}

int64_t sys_rt_sigprocmask(struct arm_cpu *cpu, const uint32_t *a)
{
	uint64_t set, old = guest_mask;

	(void)cpu;
	if (a[3] != sizeof(uint64_t))
		return -EINVAL;
	if (a[2] && !sys_writable(a[2], sizeof(old)))
		return -EFAULT;
	if (a[1]) {
		if (!sys_readable(a[1], sizeof(set)))
			return -EFAULT;
		memcpy(&set, guest_ptr(a[1]), sizeof(set));
		if (a[0] == SIG_BLOCK)
			guest_mask |= set;
		else if (a[0] == SIG_UNBLOCK)
			guest_mask &= ~set;
		else if (a[0] == SIG_SETMASK)
			guest_mask = set;
		else
			return -EINVAL;
		guest_mask &= ~unblockable;
		apply_mask();
	}
	if (a[2])
		memcpy(guest_ptr(a[2]), &old, sizeof(old));
	return 0;
}

int64_t sys_rt_sigpending(struct arm_cpu *cpu, const uint32_t *a)
{
	uint64_t host = 0, set;

	(void)cpu;
	if (!sys_writable(a[0], sizeof(set)))
		return -EFAULT;
	syscall(SYS_rt_sigpending, &host, sizeof(host));
	set = host | pending;
	memcpy(guest_ptr(a[0]), &set, sizeof(set));
	return 0;
}

int64_t sys_sigaltstack(struct arm_cpu *cpu, const uint32_t *a)
{
	uint32_t *ss = guest_ptr(a[0]), *old = guest_ptr(a[1]);
	bool on = alt_flags != ARM_SS_DISABLE &&
		  cpu->r[ARM_REG_SP] - alt_sp < alt_size;

	if ((a[0] && !sys_readable(a[0], 12)) ||
	    (a[1] && !sys_writable(a[1], 12)))
		return -EFAULT;
	if (a[1]) {
		old[0] = alt_sp;
		old[1] = on ? ARM_SS_ONSTACK : alt_flags;
		old[2] = alt_size;
	}
	if (a[0]) {
		if (on)
			return -EPERM;
		alt_sp = ss[0];
		alt_flags = ss[1] & ARM_SS_DISABLE;
		alt_size = ss[2];
	}
	return 0;
}

/* ARM siginfo: signo, errno, code, then the union at offset 12 (Linux
 * include/uapi/asm-generic/siginfo.h with 32-bit pointers and clock_t). */
static void put_siginfo(uint8_t *dst, int sig, const siginfo_t *si,
			uint32_t fault_addr)
{
	int32_t w[ARM_SIGINFO_SIZE / 4] = { sig, si->si_errno, si->si_code };

	if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
	    sig == SIGTRAP || sig == SIGFPE) {
		w[3] = (int32_t)fault_addr;
	} else if (sig == SIGCHLD) {
		w[3] = si->si_pid;
		w[4] = (int32_t)si->si_uid;
		w[5] = si->si_status;
		w[6] = (int32_t)si->si_utime;
		w[7] = (int32_t)si->si_stime;
	} else {
		w[3] = si->si_pid;
		w[4] = (int32_t)si->si_uid;
		w[5] = si->si_value.sival_int;
	}
	memcpy(dst, w, sizeof(w));
}

static void fill_ucontext(struct arm_ucontext *uc, const struct arm_cpu *cpu,
			  uint64_t mask, uint32_t fault_addr)
{
	memset(uc, 0, sizeof(*uc));
	uc->ss_sp = alt_sp;
	uc->ss_flags = alt_flags;
	uc->ss_size = alt_size;
	memcpy(uc->mcontext.r, cpu->r, sizeof(cpu->r));
	uc->mcontext.cpsr = arm_cpu_cpsr(cpu);
	uc->mcontext.fault_address = fault_addr;
	uc->mcontext.oldmask = (uint32_t)mask;
	uc->sigmask = mask;
}

static uint32_t frame_sp(const struct arm_cpu *cpu, uint32_t flags,
			 uint32_t size)
{
	uint32_t sp = cpu->r[ARM_REG_SP];

	if ((flags & ARM_SA_ONSTACK) && alt_flags != ARM_SS_DISABLE &&
	    sp - alt_sp >= alt_size)
		sp = alt_sp + alt_size;
	return (sp - size) & ~(FRAME_ALIGN - 1);
}

/* Builds the frame and points the CPU at the handler. frame_mask is the
 * mask the handler's return restores. Returns false if the frame cannot
 * be written (the guest then dies of SIGSEGV, as on Linux). */
static bool setup_frame(struct arm_cpu *cpu, int sig, const siginfo_t *si,
			uint32_t fault_addr, uint64_t frame_mask)
{
	const struct arm_sigaction *act = &actions[sig];
	bool rt = act->flags & ARM_SA_SIGINFO;
	uint32_t size = rt ? sizeof(struct arm_rt_sigframe)
			   : sizeof(struct arm_sigframe);
	uint32_t sp = frame_sp(cpu, act->flags, size);
	uint32_t uc_addr = sp + (rt ? ARM_SIGINFO_SIZE : 0);

	if (!guest_mem_accessible(sp, size, GUEST_PROT_WRITE))
		return false;
	guest_mem_prepare_write(sp, size);
	if (rt)
		put_siginfo(guest_ptr(sp), sig, si, fault_addr);
	fill_ucontext(guest_ptr(uc_addr), cpu, frame_mask, fault_addr);
	cpu->r[0] = (uint32_t)sig;
	cpu->r[1] = rt ? sp : 0;
	cpu->r[2] = rt ? uc_addr : 0;
	cpu->r[ARM_REG_SP] = sp;
	if (act->flags & ARM_SA_RESTORER)
		cpu->r[ARM_REG_LR] = act->restorer;
	else
		cpu->r[ARM_REG_LR] = rt ? KUSER_RT_SIGRETURN : KUSER_SIGRETURN;
	/* As Linux enters a handler: bit 0 of its address selects Thumb
	 * state, outside any IT block. */
	cpu->r[ARM_REG_PC] = act->handler & ~1u;
	arm_cpu_set_cpsr(cpu, (arm_cpu_cpsr(cpu) & ~(ARM_CPSR_T | ARM_CPSR_IT)) |
			      ((act->handler & 1u) ? ARM_CPSR_T : 0));
	guest_mask = frame_mask | act->mask |
		     ((act->flags & ARM_SA_NODEFER) ? 0 : bit(sig));
	guest_mask &= ~unblockable;
	if (act->flags & ARM_SA_RESETHAND) {
		actions[sig].handler = ARM_SIG_DFL;
		if (!(bit(sig) & host_sync))
			host_action(sig, &actions[sig]);
	}
	apply_mask();
	return true;
}

void signals_guest_exception(struct arm_cpu *cpu, int sig, int code,
			     uint32_t addr, const char *what)
{
	siginfo_t si = { .si_signo = sig, .si_code = code };
	uint32_t h = actions[sig].handler;

	if (h != ARM_SIG_DFL && h != ARM_SIG_IGN && !(guest_mask & bit(sig)) &&
	    setup_frame(cpu, sig, &si, addr, guest_mask))
		return;
	fprintf(stderr, "arm-run: %s\n", what);
	die_by(sig);
}

/* A pending signal whose guest action turned to default or ignore after
 * the host caught it. */
static void late_default(int sig)
{
	if (actions[sig].handler != ARM_SIG_DFL)
		return;
	if (bit(sig) & host_sync)
		die_by(sig);
	raise(sig); /* the host action is now the default one */
}

static void deliver_one(struct arm_cpu *cpu, int sig, uint64_t frame_mask)
{
	uint32_t h = actions[sig].handler;

	__atomic_and_fetch(&pending, ~bit(sig), __ATOMIC_SEQ_CST);
	if (h == ARM_SIG_DFL || h == ARM_SIG_IGN) {
		late_default(sig);
		return;
	}
	if (!setup_frame(cpu, sig, &pending_info[sig], 0, frame_mask)) {
		fprintf(stderr, "arm-run: cannot deliver signal %d: bad stack "
				"0x%08x\n", sig, cpu->r[ARM_REG_SP]);
		die_by(SIGSEGV);
	}
}

static int next_deliverable(uint64_t mask)
{
	uint64_t p = pending & ~mask;

	return p ? __builtin_ctzll(p) + 1 : 0;
}

void signals_deliver_pending(struct arm_cpu *cpu)
{
	int sig;

	cpu->exit_request = 0;
	while ((sig = next_deliverable(guest_mask)))
		deliver_one(cpu, sig, guest_mask);
}

/* Calls Linux ends with -ERESTARTNOHAND or -ERESTART_RESTARTBLOCK return
 * EINTR to a handler even under SA_RESTART; the others are restarted. */
static bool restartable(uint32_t nr)
{
	switch (nr) {
	case ARM_NR_pause:
	case ARM_NR_rt_sigsuspend:
	case ARM_NR_nanosleep:
	case ARM_NR_clock_nanosleep:
	case ARM_NR_clock_nanosleep_time64:
	case ARM_NR_poll:
	case ARM_NR__newselect:
		return false;
	default:
		return true;
	}
}

void signals_after_syscall(struct arm_cpu *cpu, uint32_t nr,
			   uint32_t orig_r0, int64_t result)
{
	int sig = next_deliverable(guest_mask);

	if (!sig)
		return;
	if (result == -EINTR && restartable(nr) &&
	    (actions[sig].flags & ARM_SA_RESTART)) {
		cpu->r[0] = orig_r0;
		cpu->r[ARM_REG_PC] -= 4; /* back onto the SVC */
	}
	signals_deliver_pending(cpu);
}

int64_t sys_rt_sigsuspend(struct arm_cpu *cpu, const uint32_t *a)
{
	uint64_t old = guest_mask, m;
	int sig;

	if (a[1] != sizeof(uint64_t))
		return -EINVAL;
	if (!sys_readable(a[0], sizeof(m)))
		return -EFAULT;
	memcpy(&m, guest_ptr(a[0]), sizeof(m));
	m &= ~unblockable & ~host_sync;
	while (!(sig = next_deliverable(m)))
		syscall(SYS_rt_sigsuspend, &m, sizeof(m));
	cpu->r[0] = (uint32_t)-EINTR;
	/* The handler returns to the mask from before the suspend. */
	while ((sig = next_deliverable(m)))
		deliver_one(cpu, sig, old);
	return SYS_RET_NONE;
}

int64_t sys_pause(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	(void)a;
	return sys_ret(pause());
}

static int64_t do_sigreturn(struct arm_cpu *cpu, uint32_t uc_addr)
{
	const struct arm_ucontext *uc = guest_ptr(uc_addr);
	uint32_t cpsr;

	if (!sys_readable(uc_addr, sizeof(*uc))) {
		signals_guest_exception(cpu, SIGSEGV, SEGV_MAPERR, uc_addr,
					"bad signal frame in sigreturn");
		return SYS_RET_NONE;
	}
	memcpy(cpu->r, uc->mcontext.r, sizeof(cpu->r));
	cpsr = (arm_cpu_cpsr(cpu) & ~ARM_CPSR_RESTORED) |
	       (uc->mcontext.cpsr & ARM_CPSR_RESTORED);
	arm_cpu_set_cpsr(cpu, cpsr);
	guest_mask = uc->sigmask & ~unblockable;
	apply_mask();
	signals_deliver_pending(cpu);
	return SYS_RET_NONE;
}

int64_t sys_rt_sigreturn(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)a;
	return do_sigreturn(cpu, cpu->r[ARM_REG_SP] + ARM_SIGINFO_SIZE);
}

int64_t sys_sigreturn(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)a;
	return do_sigreturn(cpu, cpu->r[ARM_REG_SP]);
}
