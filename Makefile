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

test: setup
	$(SWIFT) test $(BUILD_FLAGS) --parallel --num-workers 2
	@python3 bench/bench.py --smoke --mulu "$(MULU)"

bench: setup
	@SWIFT="$(SWIFT)" BUILD_FLAGS="$(BUILD_FLAGS)" scripts/bench.sh

clean:
	rm -rf .build .build-*
