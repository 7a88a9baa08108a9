# The two commands: `make run` starts the whole system, `make test` runs every test.
# Each runs the idempotent set-up first (scripts/setup.sh), so a fresh machine needs nothing else.

SWIFT ?= swift
SWIFT_BUILD_FLAGS ?=

.PHONY: setup build release lint format schema-check test run bench clean

# What lint and format read: every Swift file of the package.
SWIFT_SOURCES = Package.swift Sources Tests Benchmarks

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

release: setup
	$(SWIFT) build -c release $(SWIFT_BUILD_FLAGS)

# The code's shape: swift-format's rules (.swift-format) and Package.swift's dependencies matching the imports.
lint:
	$(SWIFT) format lint --strict --recursive --parallel $(SWIFT_SOURCES)
	@python3 scripts/lint/check_dependencies.py

# Rewrites the sources in swift-format's layout; `make lint` then passes.
format:
	$(SWIFT) format --in-place --recursive --parallel $(SWIFT_SOURCES)

# Each schema in schemas/ against its released versions (schemas/released/), at FULL_TRANSITIVE.
schema-check: build
	@scripts/schema-check.sh

test: setup lint
	$(SWIFT) build --build-tests $(SWIFT_BUILD_FLAGS)
	@scripts/schema-check.sh
	$(SWIFT) test --skip-build $(SWIFT_BUILD_FLAGS)

run: setup release
	@scripts/run.sh

bench: setup release
	@scripts/bench.sh

clean:
	rm -rf .build .run
