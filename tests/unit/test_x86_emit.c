/* Checks the x86-64 encoder byte for byte against GNU as. With --asm it
 * prints every case as assembler text (one label per case); with --check
 * it re-emits the cases at the offsets as chose and compares the bytes
 * with as's output. tests/unit/x86_emit_vs_as.sh drives both. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbt/x86_emit.h"

#define MAX_CASES 1024
#define BUF_SIZE (1 << 16)

static int mode_asm;  /* 1: print the cases, 2: count them, 0: check */
static int ncases, ncases_total;
static const char *texts[MAX_CASES];
static long their_off[MAX_CASES + 1];   /* last entry: the label "target" */
static uint8_t *ours_at[MAX_CASES + 1];
static uint8_t buf[BUF_SIZE];
static struct x86_buf xb;
static uint8_t *far_target;

static uint8_t theirs[BUF_SIZE];
static long theirs_len;
static int pass, fail;

static void begin(const char *text)
{
	texts[ncases] = text;
	if (mode_asm == 1)
		printf("c%d:\n\t%s\n", ncases, text);
	else
		xb.p = buf + their_off[ncases];
	ours_at[ncases] = xb.p;
	ncases++;
}

static void dump(const char *who, const uint8_t *p, long n)
{
	printf("  %s:", who);
	for (long i = 0; i < n; i++)
		printf(" %02x", p[i]);
	printf("\n");
}

/* Compare the case just emitted with the bytes as produced for it. */
static void finish(void)
{
	int i = ncases - 1;
	long start = their_off[i];
	long their_end = i + 1 < ncases_total ? their_off[i + 1]
					      : their_off[MAX_CASES];
	long n_theirs = their_end - start;
	long n_ours = xb.p - ours_at[i];
	if (!xb.overflow && n_theirs == n_ours && their_end <= theirs_len &&
	    memcmp(ours_at[i], theirs + start, (size_t)n_ours) == 0) {
		pass++;
		return;
	}
	fail++;
	printf("FAIL: %s\n", texts[i]);
	dump("as  ", theirs + start, n_theirs);
	dump("ours", ours_at[i], n_ours);
}

#define CASE(text, stmt) \
	do { begin(text); if (!mode_asm) { stmt; finish(); } } while (0)
#define B (&xb)

static void cases_mov(void)
{
	CASE("mov eax, ecx", x86_mov_rr(B, 4, X86_RAX, X86_RCX));
	CASE("mov r9d, r15d", x86_mov_rr(B, 4, X86_R9, X86_R15));
	CASE("mov rbx, r12", x86_mov_rr(B, 8, X86_RBX, X86_R12));
	CASE("mov si, di", x86_mov_rr(B, 2, X86_RSI, X86_RDI));
	CASE("mov sil, dil", x86_mov_rr(B, 1, X86_RSI, X86_RDI));
	CASE("mov al, r10b", x86_mov_rr(B, 1, X86_RAX, X86_R10));
	CASE("mov edx, 0x12345678", x86_mov_ri(B, 4, X86_RDX, 0x12345678));
	CASE("mov r11d, 0xffffffff", x86_mov_ri(B, 4, X86_R11, 0xffffffff));
	CASE("mov rax, -5", x86_mov_ri(B, 8, X86_RAX, (uint64_t)-5));
	CASE("mov r13d, 0x80000000", x86_mov_ri(B, 8, X86_R13, 0x80000000u));
	CASE("movabs rcx, 0x123456789a", x86_mov_ri(B, 8, X86_RCX, 0x123456789aull));
	CASE("mov cx, 0x1234", x86_mov_ri(B, 2, X86_RCX, 0x1234));
	CASE("mov eax, dword ptr [rbp+8]", x86_load(B, 4, X86_RAX, x86_m(X86_RBP, 8)));
	CASE("mov eax, dword ptr [rbp+0]", x86_load(B, 4, X86_RAX, x86_m(X86_RBP, 0)));
	CASE("mov r8d, dword ptr [r13+0]", x86_load(B, 4, X86_R8, x86_m(X86_R13, 0)));
	CASE("mov ecx, dword ptr [rsp]", x86_load(B, 4, X86_RCX, x86_m(X86_RSP, 0)));
	CASE("mov ecx, dword ptr [r12+0x40]", x86_load(B, 4, X86_RCX, x86_m(X86_R12, 0x40)));
	CASE("mov rdx, qword ptr [rax+0x1000]", x86_load(B, 8, X86_RDX, x86_m(X86_RAX, 0x1000)));
	CASE("mov dx, word ptr [rax-4]", x86_load(B, 2, X86_RDX, x86_m(X86_RAX, -4)));
	CASE("mov dil, byte ptr [rax]", x86_load(B, 1, X86_RDI, x86_m(X86_RAX, 0)));
	CASE("mov ecx, dword ptr [rax+rdx*4+12]", x86_load(B, 4, X86_RCX, x86_mi(X86_RAX, X86_RDX, 4, 12)));
	CASE("mov ecx, dword ptr [r13+r9*8]", x86_load(B, 4, X86_RCX, x86_mi(X86_R13, X86_R9, 8, 0)));
	CASE("mov ecx, dword ptr [rbp+r14*2-0x200]", x86_load(B, 4, X86_RCX, x86_mi(X86_RBP, X86_R14, 2, -0x200)));
	CASE("mov eax, dword ptr [rcx*1+0x10000]", x86_load(B, 4, X86_RAX, x86_mi(X86_NOREG, X86_RCX, 1, 0x10000)));
	CASE("mov eax, dword ptr ds:0x1234", x86_load(B, 4, X86_RAX, x86_m(X86_NOREG, 0x1234)));
	CASE("mov dword ptr [rbp+60], edx", x86_store(B, 4, x86_m(X86_RBP, 60), X86_RDX));
	CASE("mov word ptr [rax], r9w", x86_store(B, 2, x86_m(X86_RAX, 0), X86_R9));
	CASE("mov byte ptr [rax], sil", x86_store(B, 1, x86_m(X86_RAX, 0), X86_RSI));
	CASE("mov byte ptr [rax], cl", x86_store(B, 1, x86_m(X86_RAX, 0), X86_RCX));
	CASE("mov qword ptr [r12], r15", x86_store(B, 8, x86_m(X86_R12, 0), X86_R15));
	CASE("mov dword ptr [rbp+60], 0x8000", x86_store_imm(B, 4, x86_m(X86_RBP, 60), 0x8000));
	CASE("mov byte ptr [rbp+1], 7", x86_store_imm(B, 1, x86_m(X86_RBP, 1), 7));
	CASE("mov word ptr [rbp+2], -2", x86_store_imm(B, 2, x86_m(X86_RBP, 2), -2));
	CASE("mov qword ptr [rbp+8], -1", x86_store_imm(B, 8, x86_m(X86_RBP, 8), -1));
	CASE("movzx eax, cl", x86_movzx_rr(B, 1, X86_RAX, X86_RCX));
	CASE("movzx eax, sil", x86_movzx_rr(B, 1, X86_RAX, X86_RSI));
	CASE("movzx r10d, r11w", x86_movzx_rr(B, 2, X86_R10, X86_R11));
	CASE("movsx edx, bl", x86_movsx_rr(B, 1, X86_RDX, X86_RBX));
	CASE("movsx edx, dx", x86_movsx_rr(B, 2, X86_RDX, X86_RDX));
	CASE("movzx eax, byte ptr [rcx]", x86_movzx_rm(B, 1, X86_RAX, x86_m(X86_RCX, 0)));
	CASE("movzx eax, word ptr [r8+2]", x86_movzx_rm(B, 2, X86_RAX, x86_m(X86_R8, 2)));
	CASE("movsx r9d, byte ptr [rcx]", x86_movsx_rm(B, 1, X86_R9, x86_m(X86_RCX, 0)));
	CASE("movsx eax, word ptr [rcx]", x86_movsx_rm(B, 2, X86_RAX, x86_m(X86_RCX, 0)));
	CASE("movsxd rax, ecx", x86_movsxd_rr(B, X86_RAX, X86_RCX));
	CASE("lea ecx, [rcx+rdx+1]", x86_lea(B, 4, X86_RCX, x86_mi(X86_RCX, X86_RDX, 1, 1)));
	CASE("lea rax, [rax+rcx*4]", x86_lea(B, 8, X86_RAX, x86_mi(X86_RAX, X86_RCX, 4, 0)));
	CASE("lea edx, [r13-8]", x86_lea(B, 4, X86_RDX, x86_m(X86_R13, -8)));
	CASE("push rbx", x86_push(B, X86_RBX));
	CASE("push r15", x86_push(B, X86_R15));
	CASE("pop rbp", x86_pop(B, X86_RBP));
	CASE("pop r12", x86_pop(B, X86_R12));
	CASE("mov ecx, dword ptr [edx+4]", x86_load(B, 4, X86_RCX, x86_g(X86_RDX, X86_NOREG, 1, 4)));
	CASE("mov r8w, word ptr [r9d+r10d*2-2]", x86_load(B, 2, X86_R8, x86_g(X86_R9, X86_R10, 2, -2)));
	CASE("mov byte ptr [ebp], sil", x86_store(B, 1, x86_g(X86_RBP, X86_NOREG, 1, 0), X86_RSI));
	CASE("movsx eax, byte ptr [ecx+esi]", x86_movsx_rm(B, 1, X86_RAX, x86_g(X86_RCX, X86_RSI, 1, 0)));
	CASE("mov dword ptr [r13d+0x1000], 3", x86_store_imm(B, 4, x86_g(X86_R13, X86_NOREG, 1, 0x1000), 3));
	CASE("xchg ecx, edx", x86_xchg_rr(B, 4, X86_RCX, X86_RDX));
}

static void cases_alu(void)
{
	static const char *const names[] = { "add", "or", "adc", "sbb", "and", "sub", "xor", "cmp" };
	static char text[8][6][64];
	for (int op = 0; op < 8; op++) {
		snprintf(text[op][0], 64, "%s ecx, r10d", names[op]);
		CASE(text[op][0], x86_alu_rr(B, op, 4, X86_RCX, X86_R10));
		snprintf(text[op][1], 64, "%s eax, 100", names[op]);
		CASE(text[op][1], x86_alu_ri(B, op, 4, X86_RAX, 100));
		snprintf(text[op][2], 64, "%s r8, 0x12345", names[op]);
		CASE(text[op][2], x86_alu_ri(B, op, 8, X86_R8, 0x12345));
		snprintf(text[op][3], 64, "%s edx, dword ptr [rbp+4]", names[op]);
		CASE(text[op][3], x86_alu_rm(B, op, 4, X86_RDX, x86_m(X86_RBP, 4)));
		snprintf(text[op][4], 64, "%s dword ptr [rbp+4], esi", names[op]);
		CASE(text[op][4], x86_alu_mr(B, op, 4, x86_m(X86_RBP, 4), X86_RSI));
		snprintf(text[op][5], 64, "%s byte ptr [rbp+4], 0x7f", names[op]);
		CASE(text[op][5], x86_alu_mi(B, op, 1, x86_m(X86_RBP, 4), 0x7f));
	}
	CASE("add al, 0x7f", x86_alu_ri(B, X86_ADD, 1, X86_RAX, 0x7f));
	CASE("or sil, 1", x86_alu_ri(B, X86_OR, 1, X86_RSI, 1));
	CASE("cmp dword ptr [rbp+0x50], 0x1000", x86_alu_mi(B, X86_CMP, 4, x86_m(X86_RBP, 0x50), 0x1000));
	CASE("and ax, 0x1234", x86_alu_ri(B, X86_AND, 2, X86_RAX, 0x1234));
	CASE("sub rsp, 8", x86_alu_ri(B, X86_SUB, 8, X86_RSP, 8) );
	CASE("test ecx, edx", x86_test_rr(B, 4, X86_RCX, X86_RDX));
	CASE("test r9, r9", x86_test_rr(B, 8, X86_R9, X86_R9));
	CASE("test dl, dil", x86_test_rr(B, 1, X86_RDX, X86_RDI));
	CASE("test eax, 0x10000", x86_test_ri(B, 4, X86_RAX, 0x10000));
	CASE("test cl, 1", x86_test_ri(B, 1, X86_RCX, 1));
	CASE("not edx", x86_unary(B, X86_NOT, 4, X86_RDX));
	CASE("neg r11d", x86_unary(B, X86_NEG, 4, X86_R11));
	CASE("mul ecx", x86_unary(B, X86_MUL, 4, X86_RCX));
	CASE("imul r8", x86_unary(B, X86_IMUL1, 8, X86_R8));
	CASE("div ecx", x86_unary(B, X86_DIV, 4, X86_RCX));
	CASE("idiv r9d", x86_unary(B, X86_IDIV, 4, X86_R9));
	CASE("imul eax, r12d", x86_imul_rr(B, 4, X86_RAX, X86_R12));
	CASE("imul rdx, rcx", x86_imul_rr(B, 8, X86_RDX, X86_RCX));
}

static void cases_bits(void)
{
	CASE("shl eax, 5", x86_shift_ri(B, X86_SHL, 4, X86_RAX, 5));
	CASE("shr r10d, 1", x86_shift_ri(B, X86_SHR, 4, X86_R10, 1));
	CASE("sar edx, 31", x86_shift_ri(B, X86_SAR, 4, X86_RDX, 31));
	CASE("ror esi, 7", x86_shift_ri(B, X86_ROR, 4, X86_RSI, 7));
	CASE("rol rax, 32", x86_shift_ri(B, X86_ROL, 8, X86_RAX, 32));
	CASE("rcr ecx, 1", x86_shift_ri(B, X86_RCR, 4, X86_RCX, 1));
	CASE("rcl edx, 1", x86_shift_ri(B, X86_RCL, 4, X86_RDX, 1));
	CASE("shl rdx, cl", x86_shift_rcl(B, X86_SHL, 8, X86_RDX));
	CASE("sar r9d, cl", x86_shift_rcl(B, X86_SAR, 4, X86_R9));
	CASE("ror eax, cl", x86_shift_rcl(B, X86_ROR, 4, X86_RAX));
	CASE("ror dx, 8", x86_shift_ri(B, X86_ROR, 2, X86_RDX, 8));
	CASE("bt ecx, 31", x86_bt_ri(B, 4, X86_RCX, 31));
	CASE("bt r8, 32", x86_bt_ri(B, 8, X86_R8, 32));
	CASE("bsr edx, eax", x86_bsr(B, 4, X86_RDX, X86_RAX));
	CASE("bswap eax", x86_bswap(B, 4, X86_RAX));
	CASE("bswap r13d", x86_bswap(B, 4, X86_R13));
	CASE("bswap rdx", x86_bswap(B, 8, X86_RDX));
	CASE("sete al", x86_setcc(B, X86_CC_E, X86_RAX));
	CASE("setb sil", x86_setcc(B, X86_CC_B, X86_RSI));
	CASE("seto r9b", x86_setcc(B, X86_CC_O, X86_R9));
	CASE("setg dl", x86_setcc(B, X86_CC_G, X86_RDX));
	CASE("cmovne eax, ecx", x86_cmov(B, X86_CC_NE, 4, X86_RAX, X86_RCX));
	CASE("cmovl r8, r9", x86_cmov(B, X86_CC_L, 8, X86_R8, X86_R9));
	CASE("cmova edx, r15d", x86_cmov(B, X86_CC_A, 4, X86_RDX, X86_R15));
	CASE("and ah, 0xc0", x86_alu_ri(B, X86_AND, 1, X86_AH, 0xc0));
	CASE("or ah, al", x86_alu_rr(B, X86_OR, 1, X86_AH, X86_RAX));
	CASE("mov byte ptr [rbp+0x41], ah", x86_store(B, 1, x86_m(X86_RBP, 0x41), X86_AH));
	CASE("mov ah, byte ptr [rbp+0x41]", x86_load(B, 1, X86_AH, x86_m(X86_RBP, 0x41)));
	CASE("or byte ptr [rbp+0x41], ah", x86_alu_mr(B, X86_OR, 1, x86_m(X86_RBP, 0x41), X86_AH));
	CASE("or byte ptr [rbp+0x41], r8b", x86_alu_mr(B, X86_OR, 1, x86_m(X86_RBP, 0x41), X86_R8));
	CASE("and byte ptr [rbp+0x41], 0xfe", x86_alu_mi(B, X86_AND, 1, x86_m(X86_RBP, 0x41), 0xfe));
	CASE("lahf", x86_lahf(B));
	CASE("sahf", x86_sahf(B));
	CASE("cmc", x86_cmc(B));
	CASE("clc", x86_clc(B));
	CASE("stc", x86_stc(B));
	CASE("pushfq", x86_pushf(B));
	CASE("popfq", x86_popf(B));
}

static void cases_flow(void)
{
	CASE("{disp32} jmp target", x86_jmp(B, far_target));
	CASE("{disp32} je target", x86_jcc(B, X86_CC_E, far_target));
	CASE("{disp32} jbe target", x86_jcc(B, X86_CC_BE, far_target));
	CASE("{disp32} jg target", x86_jcc(B, X86_CC_G, far_target));
	CASE("call target", x86_call(B, far_target));
	CASE("jne 1f\n1:", x86_jcc8(B, X86_CC_NE));
	CASE("jmp 1f\n1:", x86_jmp8(B));
	CASE("jrcxz 1f\n1:", x86_jrcxz(B));
	CASE("lea rax, [rip+target]", x86_lea(B, 8, X86_RAX, x86_rip(far_target)));
	CASE("mov dword ptr [rip+target], 5", x86_store_imm(B, 4, x86_rip(far_target), 5));
	CASE("jmp rax", x86_jmp_r(B, X86_RAX));
	CASE("jmp r11", x86_jmp_r(B, X86_R11));
	CASE("jmp qword ptr [rax+8]", x86_jmp_m(B, x86_m(X86_RAX, 8)));
	CASE("call r10", x86_call_r(B, X86_R10));
	CASE("ret", x86_ret(B));
	CASE("ud2", x86_ud2(B));
}

static void run_cases(void)
{
	ncases = 0;
	cases_mov();
	cases_alu();
	cases_bits();
	cases_flow();
}

static int read_offsets(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	long off;
	char name[32];
	while (fscanf(f, "%lx %*s %31s", &off, name) == 2) {
		if (strcmp(name, "target") == 0)
			their_off[MAX_CASES] = off;
		else if (name[0] == 'c' && atoi(name + 1) < MAX_CASES)
			their_off[atoi(name + 1)] = off;
	}
	fclose(f);
	return 0;
}

static int check(const char *bin_path, const char *off_path)
{
	FILE *f = fopen(bin_path, "rb");
	if (!f || read_offsets(off_path) < 0) {
		printf("cannot read %s or %s\n", bin_path, off_path);
		return 2;
	}
	theirs_len = (long)fread(theirs, 1, sizeof theirs, f);
	fclose(f);
	xb = (struct x86_buf){ .p = buf, .end = buf + sizeof buf };
	far_target = buf + their_off[MAX_CASES];
	run_cases();
	printf("suite x86_emit: %d passed, %d failed\n", pass, fail);
	return fail ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--asm") == 0) {
		mode_asm = 1;
		printf("\t.intel_syntax noprefix\n");
		run_cases();
		printf("target:\n\t.skip 256\n");
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "--check") == 0) {
		mode_asm = 2;  /* count the cases only */
		run_cases();
		ncases_total = ncases;
		mode_asm = 0;
		return check(argv[2], argv[3]);
	}
	fprintf(stderr, "usage: %s --asm | --check BIN SYMS\n", argv[0]);
	return 2;
}
