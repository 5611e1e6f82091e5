# casebook: `make serve` builds and serves the sample site, `make test` runs
# every test (browser tests included). Only Go is needed up front: the
# targets below install Debian's chromium, axe-core and @sveltia/cms (from
# npm) and actionlint (with go install) when they are missing, or say what
# to do when they cannot.

GO       ?= go
TOOLS    := $(CURDIR)/.tools
AXE      := $(TOOLS)/node_modules/axe-core/axe.min.js
AXE_VERSION := 4.14.1
# actionlint checks the GitHub workflow that `casebook init` writes.
ACTIONLINT_VERSION := v1.7.12
ACTIONLINT := $(or $(shell command -v actionlint 2>/dev/null),$(TOOLS)/bin/actionlint)
# The web editor that [cms] sites load, pinned as in generator/cms (Version):
# its JSON schema and its script test the generated admin/config.yml.
SVELTIA  := $(TOOLS)/node_modules/@sveltia/cms
SVELTIA_VERSION := 0.221.1
CHROMIUM := $(shell command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null)

export CASEBOOK_AXE = $(AXE)
export CASEBOOK_ACTIONLINT = $(ACTIONLINT)
export CASEBOOK_SVELTIA = $(SVELTIA)

.PHONY: all build serve check test unit browser-tools chromium axe sveltia actionlint bench bench-rebuild-large bench-hostile fuzz screenshots fmt vet clean

all: build

build:
	$(GO) run ./cmd/casebook build

serve:
	$(GO) run ./cmd/casebook serve

check:
	$(GO) run ./cmd/casebook check

vet:
	@test -z "$$(gofmt -l cmd generator *.go)" || { echo "gofmt needed:"; gofmt -l cmd generator *.go; exit 1; }
	$(GO) vet ./...

# test runs every test. Browser tests need chromium and axe-core; with
# CASEBOOK_REQUIRE_BROWSER=1 they fail, rather than skip, when either is
# missing.
test: vet browser-tools actionlint
	CASEBOOK_REQUIRE_BROWSER=1 CASEBOOK_CHROMIUM="$$(command -v chromium || command -v chromium-browser)" $(GO) test -timeout 20m ./...

# unit runs the Go tests without installing anything; browser tests skip
# with a message saying how to run them.
unit:
	$(GO) test ./...

browser-tools: chromium axe sveltia

chromium:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing Debian's chromium for the browser tests"; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium. Install it with: sudo apt-get install chromium"; exit 1; \
	fi

axe: $(AXE)

actionlint: $(ACTIONLINT)

$(TOOLS)/bin/actionlint:
	GOBIN=$(TOOLS)/bin $(GO) install github.com/rhysd/actionlint/cmd/actionlint@$(ACTIONLINT_VERSION)

$(AXE):
	@command -v npm >/dev/null 2>&1 || { echo "The accessibility tests need axe-core from npm. Install Node.js and npm (sudo apt-get install npm), then run make test again."; exit 1; }
	mkdir -p $(TOOLS)
	test -f $(TOOLS)/package.json || echo '{"private": true}' > $(TOOLS)/package.json
	npm install --prefix $(TOOLS) --no-audit --no-fund --silent axe-core@$(AXE_VERSION)
	@test -f $(AXE) || { echo "npm did not install axe-core into $(TOOLS); run: npm install --prefix $(TOOLS) axe-core@$(AXE_VERSION)"; exit 1; }

sveltia: $(SVELTIA)/package.json

$(SVELTIA)/package.json:
	@command -v npm >/dev/null 2>&1 || { echo "The web editor tests need @sveltia/cms from npm. Install Node.js and npm (sudo apt-get install npm), then run make test again."; exit 1; }
	mkdir -p $(TOOLS)
	test -f $(TOOLS)/package.json || echo '{"private": true}' > $(TOOLS)/package.json
	npm install --prefix $(TOOLS) --no-audit --no-fund --silent --ignore-scripts @sveltia/cms@$(SVELTIA_VERSION)
	@test -f $(SVELTIA)/schema/sveltia-cms.json || { echo "npm did not install @sveltia/cms into $(TOOLS); run: npm install --prefix $(TOOLS) @sveltia/cms@$(SVELTIA_VERSION)"; exit 1; }

# bench measures full builds against the floor program (see
# docs/performance.md), then the rebuild latency of watch and serve at
# 1,000 stories; bench-rebuild-large measures it at 10,000. With
# BENCH_DIR set (make bench BENCH_DIR=/dev/shm/casebook-bench), corpora,
# outputs and the benchmarks' temporary folders go there, on tmpfs, so
# that the disk's noise does not decide the figures.
BENCH_TMP = $(if $(BENCH_DIR),mkdir -p $(BENCH_DIR)/tmp && TMPDIR=$(abspath $(BENCH_DIR))/tmp)

bench:
	$(GO) run ./cmd/casebook-bench
	$(BENCH_TMP) $(GO) test ./generator/build -run '^$$' -bench 'Rebuild' -benchtime 20x

bench-rebuild-large:
	$(BENCH_TMP) CASEBOOK_BENCH_LARGE=1 $(GO) test ./generator/build -run '^$$' -bench 'Rebuild/.*/stories=10000' -benchtime 20x -timeout 30m

# bench-hostile checks and builds a site whose one story is pathological,
# at 100 KB and 1 MB, beside an ordinary story of the same sizes (the
# floor); docs/performance.md keeps the figures.
bench-hostile:
	$(GO) test ./generator/build -run '^$$' -bench 'HostileStory' -benchtime 5x -count 3 -benchmem

# fuzz runs each fuzzer for FUZZTIME (make test runs only their kept
# corpora, in testdata/fuzz), then keeps the inputs it found interesting
# there, so that make test tries them from then on. A failing input is
# written there by go test itself.
FUZZTIME ?= 1m
FUZZERS  := generator/build:FuzzBuildSite generator/check:FuzzCheckStory \
	generator/load:FuzzParse generator/frontmatter:FuzzSplitDecode \
	generator/markdown:FuzzConvert generator/lint:FuzzBody generator/search:FuzzWords
fuzz:
	@cache="$$($(GO) env GOCACHE)/fuzz/github.com/casebook/casebook"; \
	for f in $(FUZZERS); do pkg=$${f%%:*}; name=$${f##*:}; \
		$(GO) test ./$$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s -parallel 1 || exit 1; \
		mkdir -p $$pkg/testdata/fuzz/$$name; \
		for c in "$$cache/$$pkg/$$name"/*; do \
			test -f "$$c" && test $$(wc -c < "$$c") -le 8192 && cp -n "$$c" $$pkg/testdata/fuzz/$$name/; \
		done; \
		echo "$$name: $$(ls $$pkg/testdata/fuzz/$$name | wc -l) inputs kept in $$pkg/testdata/fuzz/$$name"; \
	done

screenshots: browser-tools
	CASEBOOK_CHROMIUM="$$(command -v chromium || command -v chromium-browser)" $(GO) run ./cmd/casebook-screenshots -out docs/screenshots -story summer-holiday-support -term principles/relationality

fmt:
	gofmt -w cmd generator *.go

clean:
	rm -rf public/* $(TOOLS)
