/* Prints what thumb_edges() (thumb_asm.S) stores, for a few inputs. */
#include <stdint.h>
#include <stdio.h>

void thumb_edges(uint32_t *out, uint32_t a, uint32_t b);

int main(void)
{
	static const uint32_t in[][2] = {
		{ 1, 2 }, { 2, 1 }, { 0, 5 }, { 7, 7 }, { 0x80000000u, 3 },
		{ 5, 0 }, { 3, 9 }, { 0xffffffffu, 0 },
	};
	for (unsigned i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		uint32_t out[13] = { 0 };
		thumb_edges(out, in[i][0], in[i][1]);
		printf("%u:", i);
		for (unsigned k = 0; k < 13; k++)
			printf(" %08x", out[k]);
		printf("\n");
	}
	return 0;
}
