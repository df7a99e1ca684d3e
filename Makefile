# archive: build, test and try the news-archive indexer.
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := .build/release/archive

.PHONY: build release test demo install clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

# XCTest only: the suite has no Swift Testing tests, whose empty summary would read as "0 tests".
test:
	$(SWIFT) test --disable-swift-testing

demo: release
	$(BIN) parse Fixtures/dumps/*.txt

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/archive

clean:
	rm -rf .build
