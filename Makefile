# Parley - the two commands a newcomer needs:
#   make run    build the app and serve it on http://127.0.0.1:$(PORT)
#   make test   build everything and run every test (unit, sanitizer, browser)
# Both install whatever a fresh Debian machine lacks (tools/install-deps.sh).

PORT   ?= 8080
BUILD  := build
NATIVE := $(BUILD)/native
ASAN   := $(BUILD)/asan
WASM   := $(BUILD)/wasm
JOBS   ?= 2

.PHONY: all deps deps-test native asan wasm dist run test test-unit test-browser clean

all: native wasm

deps:
	@tools/install-deps.sh build

deps-test:
	@tools/install-deps.sh test

native: deps
	@cmake -S . -B $(NATIVE) -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
	@cmake --build $(NATIVE) -j $(JOBS)

asan: deps
	@cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DPARLEY_SANITIZE=ON > /dev/null
	@cmake --build $(ASAN) -j $(JOBS)

wasm: deps
	@NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B $(WASM) -DCMAKE_BUILD_TYPE=Release > /dev/null
	@NODE_PATH=/usr/share/nodejs cmake --build $(WASM) -j $(JOBS)

# One self-contained page: code, wasm and fonts inlined. Opens from disk with no server.
dist: wasm
	@node tools/make-dist.mjs $(WASM) dist/parley.html

run: wasm
	@node tools/serve.mjs $(WASM)/site $(PORT)

test: deps-test native asan wasm dist
	@tools/run-tests.sh

clean:
	rm -rf $(NATIVE) $(ASAN) $(WASM) dist
