/* Time system calls. The old ones use ARM's 32-bit struct timespec and
 * timeval and are converted; the *_time64 ones use struct
 * __kernel_timespec, x86-64's layout, except that a 32-bit caller may
 * leave the upper half of tv_nsec unset (Linux reads only the low word). */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "guest_mem.h"
#include "sys.h"

struct arm_timespec32 {
	int32_t sec, nsec;
};

struct arm_timespec64 {
	int64_t sec;
	uint32_t nsec, nsec_hi;
};

struct arm_timeval {
	int32_t sec, usec;
};

struct arm_itimerval {
	struct arm_timeval interval, value;
};

static int64_t get_ts32(uint32_t addr, struct timespec *ts)
{
	const struct arm_timespec32 *g = guest_ptr(addr);

	if (!sys_readable(addr, sizeof(*g)))
		return -EFAULT;
	*ts = (struct timespec){ g->sec, g->nsec };
	return 0;
}

static int64_t put_ts32(uint32_t addr, const struct timespec *ts)
{
	struct arm_timespec32 g = { (int32_t)ts->tv_sec, (int32_t)ts->tv_nsec };

	if (!sys_writable(addr, sizeof(g)))
		return -EFAULT;
	memcpy(guest_ptr(addr), &g, sizeof(g));
	return 0;
}

static int64_t get_ts64(uint32_t addr, struct timespec *ts)
{
	const struct arm_timespec64 *g = guest_ptr(addr);

	if (!sys_readable(addr, sizeof(*g)))
		return -EFAULT;
	*ts = (struct timespec){ g->sec, (int32_t)g->nsec };
	return 0;
}

static int64_t put_ts64(uint32_t addr, const struct timespec *ts)
{
	struct arm_timespec64 g = { ts->tv_sec, (uint32_t)ts->tv_nsec, 0 };

	if (!sys_writable(addr, sizeof(g)))
		return -EFAULT;
	memcpy(guest_ptr(addr), &g, sizeof(g));
	return 0;
}

int64_t sys_time32_gettimeofday(struct arm_cpu *cpu, const uint32_t *a)
{
	struct timeval tv;
	struct arm_timeval g;

	(void)cpu;
	if (gettimeofday(&tv, NULL))
		return -errno;
	if (a[0]) {
		g = (struct arm_timeval){ (int32_t)tv.tv_sec,
					  (int32_t)tv.tv_usec };
		if (!sys_writable(a[0], sizeof(g)))
			return -EFAULT;
		memcpy(guest_ptr(a[0]), &g, sizeof(g));
	}
	/* struct timezone is two ints on both; Linux fills it with zeros
	 * unless settimeofday set it. */
	if (a[1]) {
		if (!sys_writable(a[1], 2 * sizeof(int32_t)))
			return -EFAULT;
		memset(guest_ptr(a[1]), 0, 2 * sizeof(int32_t));
	}
	return 0;
}

int64_t sys_clock_gettime(struct arm_cpu *cpu, const uint32_t *a)
{
	struct timespec ts;

	(void)cpu;
	if (clock_gettime((clockid_t)a[0], &ts))
		return -errno;
	return put_ts32(a[1], &ts);
}

int64_t sys_clock_gettime64(struct arm_cpu *cpu, const uint32_t *a)
{
	struct timespec ts;

	(void)cpu;
	if (clock_gettime((clockid_t)a[0], &ts))
		return -errno;
	return put_ts64(a[1], &ts);
}

int64_t sys_clock_getres(struct arm_cpu *cpu, const uint32_t *a)
{
	struct timespec ts;

	(void)cpu;
	if (clock_getres((clockid_t)a[0], &ts))
		return -errno;
	return a[1] ? put_ts32(a[1], &ts) : 0;
}

int64_t sys_clock_getres_time64(struct arm_cpu *cpu, const uint32_t *a)
{
	struct timespec ts;

	(void)cpu;
	if (clock_getres((clockid_t)a[0], &ts))
		return -errno;
	return a[1] ? put_ts64(a[1], &ts) : 0;
}

/* The remaining time is reported only when a signal cut the sleep. */
static int64_t sleep_common(clockid_t clk, int flags,
			    const struct timespec *req, uint32_t rem, bool rem64)
{
	struct timespec left;
	int r = clock_nanosleep(clk, flags, req, &left);

	if (r == EINTR && rem)
		(rem64 ? put_ts64 : put_ts32)(rem, &left);
	return -r;
}

int64_t sys_nanosleep(struct arm_cpu *cpu, const uint32_t *a)
{
	struct timespec req;
	int64_t r = get_ts32(a[0], &req);

	(void)cpu;
	return r ? r : sleep_common(CLOCK_MONOTONIC, 0, &req, a[1], false);
}

int64_t sys_clock_nanosleep(struct arm_cpu *cpu, const uint32_t *a)
{
	struct timespec req;
	int64_t r = get_ts32(a[2], &req);

	(void)cpu;
	return r ? r : sleep_common((clockid_t)a[0], (int)a[1], &req, a[3],
				    false);
}

int64_t sys_clock_nanosleep_time64(struct arm_cpu *cpu, const uint32_t *a)
{
	struct timespec req;
	int64_t r = get_ts64(a[2], &req);

	(void)cpu;
	return r ? r : sleep_common((clockid_t)a[0], (int)a[1], &req, a[3],
				    true);
}

/* _newselect(n, readfds, writefds, exceptfds, struct timeval *). An ARM
 * fd_set is an array of 32-bit words, bit-for-bit the same memory as
 * x86-64's array of 64-bit words for the n descriptors asked about. */
int64_t sys_newselect(struct arm_cpu *cpu, const uint32_t *a)
{
	struct arm_timeval *g = guest_ptr(a[4]);
	struct timeval tv;
	long r;

	(void)cpu;
	if ((int32_t)a[0] < 0 || a[0] > FD_SETSIZE)
		return -EINVAL;
	for (int i = 1; i <= 3; i++)
		guest_mem_prepare_write(a[i], FD_SETSIZE / 8);
	if (a[4]) {
		if (!sys_writable(a[4], sizeof(*g)))
			return -EFAULT;
		tv = (struct timeval){ g->sec, g->usec };
	}
	r = syscall(SYS_select, (int)a[0], guest_ptr(a[1]), guest_ptr(a[2]),
		    guest_ptr(a[3]), a[4] ? &tv : NULL);
	if (a[4])
		*g = (struct arm_timeval){ (int32_t)tv.tv_sec,
					   (int32_t)tv.tv_usec };
	return sys_ret(r);
}

static void put_itimer(struct arm_itimerval *g, const struct itimerval *h)
{
	g->interval = (struct arm_timeval){ (int32_t)h->it_interval.tv_sec,
					    (int32_t)h->it_interval.tv_usec };
	g->value = (struct arm_timeval){ (int32_t)h->it_value.tv_sec,
					 (int32_t)h->it_value.tv_usec };
}

int64_t sys_setitimer(struct arm_cpu *cpu, const uint32_t *a)
{
	struct arm_itimerval *n = guest_ptr(a[1]), *o = guest_ptr(a[2]);
	struct itimerval hn, ho;

	(void)cpu;
	if (!sys_readable(a[1], sizeof(*n)) ||
	    (a[2] && !sys_writable(a[2], sizeof(*o))))
		return -EFAULT;
	hn.it_interval = (struct timeval){ n->interval.sec, n->interval.usec };
	hn.it_value = (struct timeval){ n->value.sec, n->value.usec };
	if (setitimer((int)a[0], &hn, &ho))
		return -errno;
	if (a[2])
		put_itimer(o, &ho);
	return 0;
}

int64_t sys_getitimer(struct arm_cpu *cpu, const uint32_t *a)
{
	struct itimerval h;

	(void)cpu;
	if (!sys_writable(a[1], sizeof(struct arm_itimerval)))
		return -EFAULT;
	if (getitimer((int)a[0], &h))
		return -errno;
	put_itimer(guest_ptr(a[1]), &h);
	return 0;
}
