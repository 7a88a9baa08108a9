# The two commands: `make run` starts the whole system, `make test` runs every test.
# Each runs the idempotent set-up first (scripts/setup.sh), so a fresh machine needs nothing else.

SWIFT ?= swift
SWIFT_BUILD_FLAGS ?=

.PHONY: setup build release test run bench clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

release: setup
	$(SWIFT) build -c release $(SWIFT_BUILD_FLAGS)

test: setup
	$(SWIFT) build --build-tests $(SWIFT_BUILD_FLAGS)
	$(SWIFT) test --skip-build $(SWIFT_BUILD_FLAGS)

run: setup release
	@scripts/run.sh

bench: setup release
	@scripts/bench.sh

clean:
	rm -rf .build .run
