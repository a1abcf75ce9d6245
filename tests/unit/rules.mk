# Host unit tests under tests/unit/. The A32 decoder test compares the
# decoder with GNU objdump: seeded random and per-encoding words, then
# every instruction of a static ARMv7-A program (with glibc's assembly).

ARM_OBJDUMP ?= arm-none-eabi-objdump
ARM_LINUX_CC ?= arm-linux-gnueabi-gcc
A32_DECODE_SRCS := dbt/a32_decode.c dbt/a32_decode_tab.c dbt/a32_fields.c \
	dbt/a32_names.c
A32_DECODE_TEST := $(BUILD)/tests/test_a32_decode
A32_SAMPLE := $(BUILD)/tests/a32_sample.elf

A32_DECODE_TEST_SRCS := tests/unit/test_a32_decode.c \
	tests/unit/a32_objdump_expect.c
A32_DECODE_TEST_OBJS := $(patsubst %.c,$(BUILD)/san/%.o,$(A32_DECODE_TEST_SRCS))

$(BUILD)/san/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -c $< -o $@

$(A32_DECODE_TEST): $(A32_DECODE_TEST_OBJS) \
		$(patsubst %.c,$(BUILD)/san/%.o,$(A32_DECODE_SRCS))
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ $^

$(A32_SAMPLE): tests/unit/a32_sample.c
	@mkdir -p $(dir $@)
	$(V)$(ARM_LINUX_CC) -static -marm -march=armv7ve -O2 -o $@ $<

TEST_DEPS += $(A32_DECODE_TEST) $(A32_SAMPLE)
TEST_SUITES += "$(A32_DECODE_TEST) $(ARM_OBJDUMP) $(BUILD)/tests"
TEST_SUITES += "$(A32_DECODE_TEST) $(ARM_OBJDUMP) --elf $(A32_SAMPLE)"

-include $(A32_DECODE_TEST_OBJS:.o=.d)

# The system-mode translator test.
