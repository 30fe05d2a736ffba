# Sparkler's two set-up commands: `make run` and `make test`. Each installs what it needs first.

SWIFT ?= swift
# Libraries the package links against.
BUILD_PACKAGES := pkg-config libncurses-dev libchafa-dev libglib2.0-dev libturbojpeg0-dev libpng-dev libsqlite3-dev
# Tools the end-to-end tests and benchmarks drive.
TEST_PACKAGES := tmux ncurses-term chafa
BENCH_PACKAGES := hyperfine curl sqlite3 imagemagick

.PHONY: run test bench build deps test-deps bench-deps clean themes

deps:
	@scripts/install-deps.sh $(BUILD_PACKAGES)

test-deps:
	@scripts/install-deps.sh $(BUILD_PACKAGES) $(TEST_PACKAGES)

bench-deps:
	@scripts/install-deps.sh $(BUILD_PACKAGES) $(TEST_PACKAGES) $(BENCH_PACKAGES)

build: deps
	$(SWIFT) build -c release --product sparkler

run: build
	@.build/release/sparkler

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

bench: bench-deps
	$(SWIFT) build -c release --product sparkler
	scripts/bench.sh

# Embeds themes/*.toml in the binary; run after editing a theme.
themes:
	scripts/embed-themes.sh

clean:
	rm -rf .build
