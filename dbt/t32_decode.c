/* T32 decoding: one entry point for the 16-bit and 32-bit encodings (ARM
 * DDI 0406C A6.1); the tables live in t16_decode.c and t32_decode_wide.c. */
#include "t32_decode.h"

int t32_decode(uint16_t hw1, uint16_t hw2, struct a32_insn *out)
{
	if (t32_is_wide(hw1))
		return t32_decode_wide((uint32_t)hw1 << 16 | hw2, out);
	return t16_decode(hw1, out);
}
