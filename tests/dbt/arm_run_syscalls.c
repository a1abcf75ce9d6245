/* Linux system calls as an ARM program sees them, for arm-run checked
 * against qemu-arm: structure layouts (stat64, statfs64, timespec, iovec,
 * rlimit, sysinfo), flag encodings (O_DIRECTORY & co), memory management,
 * signal frames and return, fork/exec/wait, faults caught by a handler and
 * self-modifying code. Prints only what is the same on every run. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHECK(name, cond) printf("%-28s %s\n", name, (cond) ? "ok" : "FAILED")

static void files(void)
{
	char buf[64], a[8], b[8];
	struct iovec iov[2] = { { a, 3 }, { b, 5 } };
	struct stat st;
	int fd = open("f.txt", O_CREAT | O_RDWR | O_TRUNC, 0640);
	int dfd;

	printf("write %zd\n", write(fd, "0123456789abcdef", 16));
	printf("lseek %lld\n", (long long)lseek(fd, 4, SEEK_SET));
	printf("readv %zd %.3s %.5s\n", readv(fd, iov, 2), a, b);
	printf("pread %zd %.4s\n", pread(fd, buf, 4, 12), buf);
	printf("pwrite %zd\n", pwrite(fd, "XY", 2, 1));
	printf("llseek-end %lld\n", (long long)lseek(fd, 0, SEEK_END));
	printf("ftruncate %d\n", ftruncate64(fd, 5000000000LL));
	fstat(fd, &st);
	printf("fstat64 size %lld mode %o nlink %u\n", (long long)st.st_size,
	       st.st_mode & 07777, (unsigned)st.st_nlink);
	printf("fcntl-getfl %x\n", fcntl(fd, F_GETFL) & ~O_LARGEFILE);
	close(fd);
	printf("stat-missing %d %d\n", stat("nope", &st), errno);
	mkdir("d", 0755);
	symlink("../f.txt", "d/l");
	printf("lstat-link %d %d\n", lstat("d/l", &st), S_ISLNK(st.st_mode));
	printf("readlink %zd\n", readlink("d/l", buf, sizeof(buf)));
	dfd = open("d", O_RDONLY | O_DIRECTORY);
	printf("open-dir %d\n", dfd >= 0);
	printf("open-notdir %d %d\n", open("f.txt", O_RDONLY | O_DIRECTORY),
	       errno);
	printf("open-nofollow %d %d\n", open("d/l", O_RDONLY | O_NOFOLLOW),
	       errno);
	printf("fstatat %d %lld\n", fstatat(dfd, "l", &st, 0),
	       (long long)st.st_size);
	printf("rename %d unlink %d rmdir %d %d\n", rename("d/l", "d/m"),
	       unlink("d/m"), rmdir("d"), errno);
	close(dfd);
}

static void dirs(void)
{
	DIR *d;
	struct dirent *e;
	int n = 0;

	mkdir("e", 0700);
	for (int i = 0; i < 40; i++) {
		char p[32];
		snprintf(p, sizeof(p), "e/entry%02d", i);
		close(open(p, O_CREAT | O_WRONLY, 0600));
	}
	d = opendir("e");
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	printf("readdir %d\n", n);
}

static void memory(void)
{
	char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *q;
	void *b0 = sbrk(0);

	CHECK("mmap-low", (uintptr_t)p < 0xc0000000u);
	memset(p, 7, 3 * 4096);
	printf("munmap-mid %d\n", munmap(p + 4096, 4096));
	printf("mprotect-ro %d\n", mprotect(p, 4096, PROT_READ));
	q = mremap(p + 8192, 4096, 64 * 4096, MREMAP_MAYMOVE);
	CHECK("mremap", q != MAP_FAILED && q[0] == 7 && q[4096] == 0);
	CHECK("sbrk", sbrk(100000) == b0 && sbrk(0) == (char *)b0 + 100000);
	CHECK("malloc-big", ((char *)malloc(10 << 20))[(10 << 20) - 1] == 0);
}

static volatile int got_sig, got_code;
static sigjmp_buf jb;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got_sig = sig;
	got_code = si->si_code;
}

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got_sig = sig;
	got_code = (int)(uintptr_t)si->si_addr;
	siglongjmp(jb, 1);
}

static void on_alarm(int sig) { got_sig = sig; }

static void signals(void)
{
	struct sigaction sa = { .sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO };
	sigset_t s;
	int p[2];
	char c;
	long r1 = 0x12345678, r2 = 0x9abcdef0;

	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	printf("signal-handler %d %d regs %d\n", got_sig, got_code,
	       r1 == 0x12345678 && r2 == (long)0x9abcdef0);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigprocmask(SIG_BLOCK, &s, NULL);
	got_sig = 0;
	raise(SIGUSR1);
	printf("blocked %d\n", got_sig);
	sigprocmask(SIG_UNBLOCK, &s, NULL);
	printf("unblocked %d\n", got_sig);

	sa.sa_sigaction = on_segv;
	sigaction(SIGSEGV, &sa, NULL);
	if (!sigsetjmp(jb, 1))
		*(volatile int *)0x1234 = 1;
	printf("segv-caught %d addr 0x%x\n", got_sig, got_code);

	/* SA_RESTART: a read interrupted by SIGALRM goes on. */
	sa.sa_handler = on_alarm;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGALRM, &sa, NULL);
	pipe(p);
	if (!fork()) {
		usleep(200000);
		write(p[1], "z", 1);
		_exit(0);
	}
	got_sig = 0;
	ualarm(50000, 0);
	printf("restart read %zd %c alarm %d\n", read(p[0], &c, 1), c, got_sig);
	wait(NULL);

	/* A signal that arrives while the guest computes, with no system
	 * call to return from, interrupts translated code. */
	got_sig = 0;
	ualarm(20000, 0);
	for (unsigned long n = 0; !got_sig; n++)
		if (n > 4000000000ul)
			break;
	printf("busy loop interrupted %d\n", got_sig);
}

/* qemu-arm cannot execute an ARM binary without binfmt_misc, so this
 * one is checked against its expected output instead: "exec-parent"
 * prints "exec child said 'child-argv0' status 7". */
static int exec_parent(char *self)
{
	int st, p[2];
	pid_t pid;
	char buf[32] = "";

	pipe(p);
	pid = fork();
	if (!pid) {
		dup2(p[1], 1);
		execl(self, "child-argv0", "exec-child", NULL);
		_exit(99);
	}
	close(p[1]);
	read(p[0], buf, sizeof(buf) - 1);
	waitpid(pid, &st, 0);
	printf("exec child said '%s' status %d\n", strtok(buf, "\n"),
	       WEXITSTATUS(st));
	return 0;
}

static void processes(void)
{
	int st;
	pid_t pid = fork();

	if (!pid)
		abort();
	waitpid(pid, &st, 0);
	printf("child signalled %d %d\n", WIFSIGNALED(st), WTERMSIG(st));
	pid = vfork();
	if (!pid)
		_exit(5);
	waitpid(pid, &st, 0);
	printf("vfork status %d\n", WEXITSTATUS(st));
}

/* A function in a writable and executable section, rewritten below. */
int twice(int x);
__asm__(".pushsection .smc, \"awx\"\n"
	".balign 4\n"
	".global twice\n"
	"twice: add r0, r0, r0\n"
	"bx lr\n"
	".popsection\n");

static void selfmod(void)
{
	uint32_t *code = (uint32_t *)(uintptr_t)twice;
	int before = twice(21);

	code[0] = 0xe0800100; /* add r0, r0, r0, lsl #2 */
	__builtin___clear_cache((char *)code, (char *)(code + 1));
	printf("self-modifying %d %d\n", before, twice(21));
}

static void misc(void)
{
	struct utsname u;
	struct rlimit rl;
	struct timespec ts;
	struct timeval tv;
	struct statfs sf;

	uname(&u);
	printf("uname %s\n", u.machine);
	getrlimit(RLIMIT_NOFILE, &rl);
	CHECK("getrlimit", rl.rlim_cur > 0);
	CHECK("clock_gettime", clock_gettime(CLOCK_REALTIME, &ts) == 0 &&
				       ts.tv_sec > 1600000000);
	CHECK("gettimeofday", gettimeofday(&tv, NULL) == 0 &&
				      tv.tv_sec > 1600000000);
	CHECK("statfs", statfs(".", &sf) == 0 && sf.f_bsize > 0);
	CHECK("getcwd", getcwd(NULL, 0) != NULL);
	printf("umask %o\n", umask(022));
	printf("access %d %d\n", access("f.txt", R_OK), access("nope", F_OK));
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "exec-child")) {
		printf("%s\n", argv[0]);
		return 7;
	}
	if (argc > 1 && !strcmp(argv[1], "exec-parent"))
		return exec_parent(argv[0]);
	setvbuf(stdout, NULL, _IONBF, 0);
	files();
	dirs();
	memory();
	signals();
	processes();
	selfmod();
	misc();
	return 0;
}
