# armvisor: the monitor (freestanding x86-64 ELF), its ISO, the hosted
# translator arm-run, and the tests. Targets: all, iso, run, test, bench.

BUILD ?= build
CC ?= gcc
HOSTCC ?= gcc
V ?= @

VERSION := $(shell git describe --always --dirty 2>/dev/null || echo unknown)

# ---- the monitor -----------------------------------------------------------

KCFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -ffreestanding -fno-pic \
	-fno-pie -mcmodel=kernel -mno-red-zone -mno-mmx -mno-sse -mno-sse2 \
	-fno-stack-protector -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
	-fno-builtin -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-I. -Ilib/include -DARMVISOR_VERSION='"$(VERSION)"' -MMD -MP
KASFLAGS := $(filter-out -std=gnu11,$(KCFLAGS)) -D__ASSEMBLY__
KLDFLAGS := -nostdlib -static -no-pie -z max-page-size=0x1000 -z noexecstack -Wl,--build-id=none -T linker.ld

MONITOR_SRCS := $(wildcard boot/*.S boot/*.c arch/x86_64/*.S arch/x86_64/*.c \
	mm/*.c lib/*.c monitor/*.c shadow/*.c guest-arm/*.c dbt/*.c)
MONITOR_OBJS := $(patsubst %,$(BUILD)/k/%.o,$(basename $(MONITOR_SRCS)))
MONITOR := $(BUILD)/armvisor.elf
ISO := $(BUILD)/armvisor.iso

all: $(MONITOR)

$(BUILD)/k/%.o: %.c
	@mkdir -p $(dir $@)
	$(V)$(CC) $(KCFLAGS) -c $< -o $@

$(BUILD)/k/%.o: %.S
	@mkdir -p $(dir $@)
	$(V)$(CC) $(KASFLAGS) -c $< -o $@

$(MONITOR): $(MONITOR_OBJS) linker.ld Makefile
	$(V)$(CC) $(KCFLAGS) $(KLDFLAGS) -o $@ $(MONITOR_OBJS)
	@echo "  LD  $@"

iso: $(ISO)
$(ISO): $(MONITOR) scripts/mkiso.sh
	$(V)scripts/mkiso.sh $(MONITOR) $@

# make run [OPTIONS="mem=512M stats=on"] [MODULES="zImage kernel,initrd.cpio initrd"]
# Without MODULES it boots Debian's armmp kernel with a busybox initramfs
# (fetched by scripts/fetch-linux.sh into fixtures/) to a shell.
MODULES ?= fixtures/linux/vmlinuz kernel,fixtures/linux/initramfs.cpio.gz initrd
run: $(MONITOR)
	$(if $(filter fixtures/linux/%,$(MODULES)),scripts/fetch-linux.sh)
	MODULES="$(MODULES)" GDBPORT="$(GDBPORT)" scripts/run.sh $(MONITOR) $(OPTIONS)

# ---- host-side builds (unit tests, arm-run) --------------------------------

HOST_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -I. -MMD -MP
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

-include $(sort $(wildcard */*.mk tests/*/*.mk))

# ---- tests and benchmarks --------------------------------------------------

test: all $(TEST_DEPS)
	$(V)scripts/run-tests.sh $(TEST_SUITES)

# arm-run vs qemu-arm vs native busybox, then Linux on armvisor vs
# qemu-system-arm (scripts/bench-linux.py).
bench: all $(BENCH_DEPS)
	$(V)scripts/bench.sh
	$(V)scripts/bench-linux.py $(MONITOR)

clean:
	rm -rf $(BUILD)

.PHONY: all iso run test bench clean
-include $(MONITOR_OBJS:.o=.d)
