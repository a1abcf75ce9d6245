/* The target description gdb reads with qXfer:features:read:target.xml:
 * a 32-bit ARM with the core registers only. gdb numbers the registers
 * (and lays out 'g') from it: r0-r12, sp, lr, pc as 0-15 and cpsr as 25,
 * the numbering gdb's ARM port has always used. Reference: "Debugging
 * with GDB", appendix G.2 Target Description Format and G.5.1 ARM
 * Features ("org.gnu.gdb.arm.core"). */
#include "monitor/gdb_proto.h"

#define CORE_REG(name) "<reg name=\"" name "\" bitsize=\"32\" type=\"uint32\"/>"

const char gdb_arm_target_xml[] =
	"<?xml version=\"1.0\"?>"
	"<!DOCTYPE target SYSTEM \"gdb-target.dtd\">"
	"<target version=\"1.0\">"
	"<architecture>arm</architecture>"
	"<feature name=\"org.gnu.gdb.arm.core\">"
	CORE_REG("r0") CORE_REG("r1") CORE_REG("r2") CORE_REG("r3")
	CORE_REG("r4") CORE_REG("r5") CORE_REG("r6") CORE_REG("r7")
	CORE_REG("r8") CORE_REG("r9") CORE_REG("r10") CORE_REG("r11")
	CORE_REG("r12")
	"<reg name=\"sp\" bitsize=\"32\" type=\"data_ptr\"/>"
	CORE_REG("lr")
	"<reg name=\"pc\" bitsize=\"32\" type=\"code_ptr\"/>"
	"<reg name=\"cpsr\" bitsize=\"32\" regnum=\"25\"/>"
	"</feature>"
	"</target>";
