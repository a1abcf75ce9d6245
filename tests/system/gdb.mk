# The gdb stub: gdb-multiarch sessions on armvisor compared with the same
# sessions on qemu-system-arm's stub, monitor commands, a packet fuzzer
# (tests/system/gdb_test.py).
TEST_DEPS += $(GUEST_DIR)/debugee.elf $(GUEST_DIR)/debugee.bin \
	$(GUEST_DIR)/thumb.elf $(GUEST_DIR)/thumb.bin
TEST_SUITES += 'python3 -B tests/system/gdb_test.py $(MONITOR) $(GUEST_DIR)/debugee.elf $(GUEST_DIR)/debugee.bin'
