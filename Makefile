# Sparkler's two set-up commands: `make run` and `make test`. Each installs what it needs first.

SWIFT ?= swift
# Libraries the package links against, and ncurses-term's direct-colour terminfo entries (xterm-direct,
# kitty-direct) that the playground draws 24-bit colour with.
BUILD_PACKAGES := pkg-config libncurses-dev libchafa-dev libglib2.0-dev libturbojpeg0-dev libpng-dev libsqlite3-dev libopenblas-dev ncurses-term
# Tools the end-to-end tests and benchmarks drive (the real-terminal tests: Xvfb, xterm, kitty and
# the X tools that screenshot and type into them, see docs/REAL_TERMINALS.md).
TEST_PACKAGES := tmux chafa python3 python3-venv curl xvfb xterm kitty imagemagick x11-utils xdotool fonts-dejavu-core
BENCH_PACKAGES := hyperfine curl sqlite3 imagemagick
# Release builds link the Swift runtime and Foundation statically: `sparkler --version` starts in 14 ms
# instead of 20 (chafa --version: 19 ms, same run), the dynamic loader's relocations being most of it.
# --no-export-dynamic undoes the static runtime's -export-dynamic: 47,000 symbols in the dynamic table
# that nothing looks up, but that dladdr walks at start-up (7.8 -> 7.4 ms).
RELEASE := -c release --static-swift-stdlib -Xlinker --no-export-dynamic

.PHONY: run test bench build deps test-deps bench-deps clean themes model model-words readme-keys install

deps:
	@scripts/install-deps.sh $(BUILD_PACKAGES)

test-deps:
	@scripts/install-deps.sh $(BUILD_PACKAGES) $(TEST_PACKAGES)

bench-deps:
	@scripts/install-deps.sh $(BUILD_PACKAGES) $(TEST_PACKAGES) $(BENCH_PACKAGES)

build: deps
	$(SWIFT) build $(RELEASE) --product sparkler

run: build
	@.build/release/sparkler

# Installs the binary, the offline model, bash/zsh/fish completions and manual pages under
# $(DESTDIR)$(PREFIX) (see scripts/install.sh for where each goes). Builds the release binary first;
# BUILD_DIR=.build/debug (or any folder holding a built `sparkler`) installs that one instead.
PREFIX ?= /usr/local
DESTDIR ?=
BUILD_DIR ?=
install:
ifeq ($(BUILD_DIR),)
	$(SWIFT) build $(RELEASE) --product sparkler
	SWIFT=$(SWIFT) scripts/install.sh .build/release "$(DESTDIR)$(PREFIX)"
else
	SWIFT=$(SWIFT) scripts/install.sh "$(BUILD_DIR)" "$(DESTDIR)$(PREFIX)"
endif

# Swift's tests, then the official Fireworks Python client against `sparkler serve` (its summary line ends the run).
test: test-deps
	$(SWIFT) build --build-tests
	SWIFT=$(SWIFT) scripts/swift-tests.sh
	scripts/conformance.sh

bench: bench-deps
	$(SWIFT) build $(RELEASE) --product sparkler
	RELEASE="$(RELEASE)" scripts/bench.sh

# Embeds themes/*.toml in the binary; run after editing a theme.
themes:
	scripts/embed-themes.sh

# Writes the key table into README.md from the keymap; run after changing a key.
readme-keys:
	scripts/readme-keys.sh

clean:
	rm -rf .build

# Retrains the offline engine's model (models/sparkler-tiny) from scratch on the CPU and exports it: a first
# stage on all scenes, a second that continues from it with more shapes, a third that teaches the caption
# grammar's everyday wordings at a lower rate, a short fourth that polishes shapes at a lower rate still.
# Not part of `make test` or CI: about 4 h on two idle cores. `make model-words` runs the last two stages
# on the shipped model (about 1 h 20 min): how the shipped model was made from the previous one, and the
# cheap way to teach it words the grammar gains (MODEL_CARD.md).
VENV := training/.venv
MODEL_RUN := training/runs/model
MODEL_TRAIN_ARGS := --steps 5000 --seed 0
MODEL_SHAPES_ARGS := --steps 15000 --seed 1 --lr 5e-4 --warmup 200 --shape-fraction 0.75
MODEL_WORDS_ARGS := --steps 7000 --seed 2 --lr 3e-4 --warmup 200 --shape-fraction 0.6
MODEL_POLISH_ARGS := --steps 2000 --seed 3 --lr 1e-4 --warmup 100 --shape-fraction 0.8

$(VENV)/.installed:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install torch==2.13.0+cpu numpy==2.4.6 safetensors==0.8.0 pillow==13.0.0
	touch $@

model: $(VENV)/.installed
	rm -rf $(MODEL_RUN) $(MODEL_RUN)-shapes $(MODEL_RUN)-words $(MODEL_RUN)-polish
	cd training && .venv/bin/python train.py $(MODEL_TRAIN_ARGS) --out runs/model
	cd training && .venv/bin/python train.py --init runs/model/ckpt.pt $(MODEL_SHAPES_ARGS) --out runs/model-shapes
	cd training && .venv/bin/python train.py --init runs/model-shapes/ckpt.pt $(MODEL_WORDS_ARGS) --out runs/model-words
	cd training && .venv/bin/python train.py --init runs/model-words/ckpt.pt $(MODEL_POLISH_ARGS) --out runs/model-polish
	cd training && .venv/bin/python export.py --ckpt runs/model-polish/ckpt.pt --out ../models/sparkler-tiny

model-words: $(VENV)/.installed
	rm -rf $(MODEL_RUN)-words $(MODEL_RUN)-polish
	cd training && .venv/bin/python train.py --init ../models/sparkler-tiny $(MODEL_WORDS_ARGS) --out runs/model-words
	cd training && .venv/bin/python train.py --init runs/model-words/ckpt.pt $(MODEL_POLISH_ARGS) --out runs/model-polish
	cd training && .venv/bin/python export.py --ckpt runs/model-polish/ckpt.pt --out ../models/sparkler-tiny

