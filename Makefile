# mulu: `make demo` and `make test` set up a fresh Debian machine (as root) and run.
SWIFT ?= swift
BUILD_FLAGS ?=
MULU = $(shell $(SWIFT) build $(BUILD_FLAGS) --show-bin-path 2>/dev/null)/mulu

.PHONY: setup build demo test bench clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build $(BUILD_FLAGS)

demo: build
	@scripts/demo.sh "$(MULU)"

# The 1,000-resource smoke run of the benchmark first (a correctness check, no timing),
# then the test suite, whose summary closes the output.
test: build
	@python3 bench/bench.py --smoke --mulu "$(MULU)"
	$(SWIFT) test $(BUILD_FLAGS) --parallel --num-workers 2

bench: setup
	@SWIFT="$(SWIFT)" BUILD_FLAGS="$(BUILD_FLAGS)" scripts/bench.sh

clean:
	rm -rf .build .build-*
