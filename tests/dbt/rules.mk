# Differential test of the translator (tests/dbt/difftest*): seeded random
# A32 programs run under qemu-arm and under arm-run, state compared per case.
# DIFFTEST_SEED, DIFFTEST_CASES and DIFFTEST_CLASS override the fixed plan.
# ARM_RUN is the arm-run binary, defined in dbt/hosted/rules.mk.
TEST_DEPS += $(ARM_RUN)
TEST_SUITES += "python3 -B tests/dbt/difftest.py --runner $(ARM_RUN) --workdir $(BUILD)/difftest"
# The same in Thumb state: T32 cases, interworking with ARM code.
TEST_SUITES += "python3 -B tests/dbt/difftest.py --isa thumb --runner $(ARM_RUN) --workdir $(BUILD)/difftest-thumb"

# Thumb programs (tests/dbt/thumb/) under arm-run and qemu-arm.
TEST_SUITES += "tests/dbt/thumb.sh $(ARM_RUN) $(BUILD)/thumb"
