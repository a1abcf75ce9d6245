# The T32 decoder test: compared with GNU objdump in forced Thumb mode on
# seeded random and per-encoding 32-bit words, on every 16-bit encoding,
# then on the instructions of a static Thumb-2 program. Builds on the A32
# decoder test's rules (rules.mk): $(ARM_OBJDUMP), $(ARM_LINUX_CC),
# $(A32_DECODE_SRCS) and the $(BUILD)/san/tests/unit/%.o pattern.

T32_DECODE_SRCS := $(A32_DECODE_SRCS) dbt/t32_decode_wide.c \
	dbt/t32_decode_tab.c dbt/t32_fields.c dbt/t16_decode.c dbt/t32_decode.c
T32_DECODE_TEST := $(BUILD)/tests/test_t32_decode
T32_SAMPLE := $(BUILD)/tests/t32_sample.elf

T32_DECODE_TEST_SRCS := tests/unit/test_t32_decode.c \
	tests/unit/t32_objdump_expect.c tests/unit/a32_objdump_expect.c
T32_DECODE_TEST_OBJS := $(patsubst %.c,$(BUILD)/san/%.o,$(T32_DECODE_TEST_SRCS))

$(T32_DECODE_TEST): $(T32_DECODE_TEST_OBJS) \
		$(patsubst %.c,$(BUILD)/san/%.o,$(T32_DECODE_SRCS))
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ $^

$(T32_SAMPLE): tests/unit/a32_sample.c
	@mkdir -p $(dir $@)
	$(V)$(ARM_LINUX_CC) -static -mthumb -march=armv7-a -O2 -o $@ $<

TEST_DEPS += $(T32_DECODE_TEST) $(T32_SAMPLE)
TEST_SUITES += "$(T32_DECODE_TEST) $(ARM_OBJDUMP) $(BUILD)/tests"
TEST_SUITES += "$(T32_DECODE_TEST) $(ARM_OBJDUMP) --t16 $(BUILD)/tests"
TEST_SUITES += "$(T32_DECODE_TEST) $(ARM_OBJDUMP) --elf $(T32_SAMPLE)"

-include $(T32_DECODE_TEST_OBJS:.o=.d)
