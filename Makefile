# The two commands a newcomer needs: `make site` and `make test`.
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test check deps clean

## Build the seed dossier into public/ (release build of the dossier command).
site: deps
	$(SWIFT) build -c release --product dossier
	.build/release/dossier build seeds --output public

## Run every test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Validate the seed dossier without writing anything.
check: deps
	$(SWIFT) run dossier check seeds

## Install cmark-gfm (C library and its GitHub extensions) when it is missing.
deps:
	@if pkg-config --exists libcmark-gfm 2>/dev/null && [ -f "$$(pkg-config --variable=includedir libcmark-gfm)/cmark-gfm-core-extensions.h" ]; then \
		:; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "Installing $(APT_PACKAGES) with apt-get…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	elif command -v brew >/dev/null 2>&1; then \
		echo "Installing cmark-gfm and pkg-config with Homebrew…"; \
		brew install cmark-gfm pkg-config; \
	else \
		echo "cmark-gfm is missing: install libcmark-gfm-dev and libcmark-gfm-extensions-dev (Debian/Ubuntu) or 'brew install cmark-gfm pkg-config' (macOS)." >&2; \
		exit 1; \
	fi

clean:
	rm -rf .build public
