# mulu: `make demo` and `make test` set up a fresh Debian machine (as root) and run.
SWIFT ?= swift
BUILD_FLAGS ?=
MULU = $(shell $(SWIFT) build $(BUILD_FLAGS) --show-bin-path 2>/dev/null)/mulu

.PHONY: setup build demo test bench clean install install-built package package-test fuzz

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

# `make install PREFIX=/usr DESTDIR=/tmp/pkg`: the release binary, its man pages (English, and
# Chinese under zh_CN) generated from the command definitions, and bash, zsh and fish completions.
# `install-built MULU=path` installs a binary already built, without building.
PREFIX ?= /usr/local
DESTDIR ?=
INSTALL_CONFIGURATION ?= release
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man
SHAREDIR = $(DESTDIR)$(PREFIX)/share

install: setup
	$(SWIFT) build -c $(INSTALL_CONFIGURATION) $(BUILD_FLAGS)
	@$(MAKE) --no-print-directory install-built \
		MULU="$$($(SWIFT) build -c $(INSTALL_CONFIGURATION) $(BUILD_FLAGS) --show-bin-path)/mulu"

install-built:
	install -d "$(BINDIR)" "$(MANDIR)/man1" "$(MANDIR)/zh_CN/man1" \
		"$(SHAREDIR)/bash-completion/completions" "$(SHAREDIR)/zsh/site-functions" \
		"$(SHAREDIR)/fish/vendor_completions.d"
	install -m 755 "$(MULU)" "$(BINDIR)/mulu"
	python3 scripts/manpage.py "$(MULU)" en > "$(MANDIR)/man1/mulu.1"
	python3 scripts/manpage.py "$(MULU)" zh > "$(MANDIR)/zh_CN/man1/mulu.1"
	LANG=C "$(MULU)" --generate-completion-script bash > "$(SHAREDIR)/bash-completion/completions/mulu"
	LANG=C "$(MULU)" --generate-completion-script zsh > "$(SHAREDIR)/zsh/site-functions/_mulu"
	LANG=C "$(MULU)" --generate-completion-script fish > "$(SHAREDIR)/fish/vendor_completions.d/mulu.fish"

# `make package`: the Debian package mulu_VERSION_amd64.deb and a tarball in .build/package/, with
# the Swift runtime linked in (a release build: minutes). `make package-test` installs the .deb
# with dpkg (root) and runs it with the toolchain out of PATH; CI runs it.
package: setup
	@SWIFT="$(SWIFT)" scripts/package.sh

package-test: package
	@scripts/package-test.sh

# `make fuzz FUZZ_SECONDS=60`: the libFuzzer targets (a resource file through the whole
# validation; the hook's input), each for that long, from the corpus in Fuzz/corpus/.
FUZZ_SECONDS ?= 60
fuzz: setup
	@SWIFT="$(SWIFT)" FUZZ_SECONDS="$(FUZZ_SECONDS)" scripts/fuzz.sh
