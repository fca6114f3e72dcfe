# Parley - the two commands a newcomer needs:
#   make run    build the app and serve it on http://127.0.0.1:$(PORT)
#   make test   build everything and run every test (unit, sanitizer, browser)
# And two for the core's robustness and speed (docs/benchmarks.md):
#   make fuzz   fuzz import with libFuzzer + ASan/UBSan for $(FUZZ_SECONDS) s (default 60)
#               (make fuzz-large: inputs of MBs grown from the adversarial shapes, import and
#               merge, any input over 5 s a finding)
#   make bench  time load and save of a 10 MB draft: native, WASM under Node, Node's JSON;
#               undo on it; merging two edited copies of a joint response and of the draft,
#               native and WASM in Chromium, against git merge-file (make bench-merge runs
#               only that part); then the word diff of 100,000-word texts against jsdiff and
#               diff-match-patch in Chromium (make bench-diff runs only that part), and the
#               compare view's frame times on two such drafts
# All of them install whatever a fresh Debian machine lacks (tools/install-deps.sh).

PORT   ?= 8080
BUILD  := build
NATIVE := $(BUILD)/native
ASAN   := $(BUILD)/asan
WASM   := $(BUILD)/wasm
FUZZ   := $(BUILD)/fuzz
BENCH  := $(BUILD)/bench
JOBS   ?= 2
FUZZ_SECONDS ?= 60

.PHONY: all deps deps-test deps-bench deps-fuzz native asan wasm dist run test \
        fuzz fuzz-large bench-adversarial bench bench-native bench-wasm bench-diff bench-merge bench-links bench-scroll bench-memory bench-long-text bench-pathological-diff bench-a11y bench-typing clean

all: native wasm

deps:
	@tools/install-deps.sh build

deps-test:
	@tools/install-deps.sh test

deps-bench:
	@tools/install-deps.sh bench

deps-fuzz:
	@tools/install-deps.sh fuzz

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

# Fuzzing needs clang (libFuzzer), so it has a build directory of its own; see CMakeLists.txt.
fuzz: deps-fuzz
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARLEY_FUZZ=ON > /dev/null
	@cmake --build $(FUZZ) --target parley_fuzz_import -j $(JOBS)
	@tools/run-fuzz.sh $(FUZZ) $(FUZZ_SECONDS)

# The large mode hunts slow paths, not crashes: inputs up to 4 MB grown from the adversarial
# shapes (bench/adversarial-shapes.mjs, tests/fuzz/parley-large.dict), and any one input over
# FUZZ_TIMEOUT s (default 5) is a finding; import, then the merge target, FUZZ_SECONDS each.
fuzz-large: deps-fuzz
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARLEY_FUZZ=ON > /dev/null
	@cmake --build $(FUZZ) --target parley_fuzz_import parley_fuzz_merge -j $(JOBS)
	@tools/run-fuzz.sh $(FUZZ) $(FUZZ_SECONDS) import large
	@tools/run-fuzz.sh $(FUZZ) $(FUZZ_SECONDS) merge large

# The benchmark programs are not part of `all`: built here, only the targets needed.
bench-native: native
	@cmake --build $(NATIVE) --target parley_bench parley_bench_diff_native -j $(JOBS)

bench-wasm: deps
	@NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B $(WASM) -DCMAKE_BUILD_TYPE=Release > /dev/null
	@NODE_PATH=/usr/share/nodejs cmake --build $(WASM) --target parley_bench_wasm parley_bench_diff -j $(JOBS)

# The draft is generated once (same bytes every time) and checked with the CLI before use.
$(BENCH)/draft-10mb.parley.json: bench/make-draft.mjs
	@node bench/make-draft.mjs $@

# The diff benchmark's texts: same bytes every time; the .parley.json copies are checked too.
$(BENCH)/diff/texts.json: bench/make-text.mjs
	@node bench/make-text.mjs $(BENCH)/diff

# Takes about five minutes: jsdiff and diff-match-patch need minutes on the rewritten half.
BENCH_DIFF = $(NATIVE)/parley validate $(BENCH)/diff/a.parley.json $(BENCH)/diff/b-scattered.parley.json \
               $(BENCH)/diff/b-rewritten.parley.json && \
             node bench/diff-bench.mjs $(BENCH)/diff $(WASM)/bench/parley_bench_diff.js \
               $(NATIVE)/parley_bench_diff_native $(NATIVE)/parley

# The compare view itself on two such drafts, in the app (the browser tests' tooling drives it).
BENCH_VIEW = node bench/compare-view.mjs $(BENCH)/diff

bench: deps-bench deps-test bench-native bench-wasm wasm $(BENCH)/draft-10mb.parley.json $(BENCH)/diff/texts.json
	@$(NATIVE)/parley validate $(BENCH)/draft-10mb.parley.json
	@node --expose-gc bench/bench.mjs $(BENCH)/draft-10mb.parley.json $(WASM)/bench/parley_bench.js $(NATIVE)/parley_bench $(NATIVE)/parley
	@echo
	@$(BENCH_DIFF)
	@$(BENCH_VIEW)
	@$(BENCH_ADVERSARIAL)
	@$(BENCH_SCROLL)
	@$(BENCH_MEMORY)
	@$(BENCH_LONG_TEXT)
	@$(BENCH_PATHOLOGICAL_DIFF)
	@$(BENCH_A11Y)
	@$(BENCH_TYPING)

# Typing without a graphics card: key to drawn character and frames drawn per key, in a
# one-line field and the long-text box, and what a full frame costs, in Chromium with software
# WebGL at 1280x800, against a plain <input> and <textarea> (docs/benchmarks.md, "Typing"): a minute.
BENCH_TYPING = node bench/typing-bench.mjs

bench-typing: deps-bench deps-test wasm
	@$(BENCH_TYPING)

# Long prose in the app: a 5 MB and a 56 MB paragraph loaded and scrolled, 5 MB pasted through
# the clipboard and typed after, against a plain <textarea> (docs/benchmarks.md, "Long text").
BENCH_LONG_TEXT = node bench/long-text-bench.mjs

bench-long-text: deps-bench deps-test wasm
	@$(BENCH_LONG_TEXT)

# Peak memory to import huge files (unknown members, deep nesting) as a multiple of their
# size, against Node's JSON.parse (docs/benchmarks.md, "Memory per file size"): about a minute.
BENCH_MEMORY = node bench/memory-bench.mjs $(BENCH)/draft-10mb.parley.json $(NATIVE)/parley

bench-memory: native $(BENCH)/draft-10mb.parley.json
	@$(BENCH_MEMORY)

# Scrolling the 10 MB draft and a list of 10,000 regimes in the app, against a small draft
# (docs/benchmarks.md, "Huge drafts in the editor"): about a minute.
BENCH_SCROLL = node bench/scroll-bench.mjs $(BENCH)/draft-10mb.parley.json

# The accessibility mirror's cost a frame and its size (docs/accessibility.md): a minute.
BENCH_A11Y = node bench/a11y-mirror-bench.mjs $(BENCH)/draft-10mb.parley.json

bench-a11y: deps-bench deps-test wasm $(BENCH)/draft-10mb.parley.json
	@$(BENCH_A11Y)

bench-scroll: deps-bench deps-test wasm $(BENCH)/draft-10mb.parley.json
	@$(BENCH_SCROLL)

# The adversarial shapes (many keys, long option lists and sets, bad items, long id arrays, wide
# objects, deep nesting, reference chains, duplicate keys) per MB against the 10 MB draft, through
# `parley validate` (docs/benchmarks.md, "Adversarial shapes"): a minute or two.
BENCH_ADVERSARIAL = node bench/adversarial-bench.mjs $(BENCH)/draft-10mb.parley.json $(NATIVE)/parley $(BENCH)/adversarial

bench-adversarial: native $(BENCH)/draft-10mb.parley.json
	@$(BENCH_ADVERSARIAL)

bench-diff: deps-bench bench-native bench-wasm $(BENCH)/diff/texts.json
	@$(BENCH_DIFF)

# Diffs with a budget: swapped two-word blocks (100k and 1M words), word soup against itself
# reversed, three words repeated; parley diff vs git diff --word-diff, and the compare view's
# slowest frame (docs/benchmarks.md, "Pathological diffs").
BENCH_PATHOLOGICAL_DIFF = PARLEY_SITE=$(WASM)/site node bench/pathological-diff.mjs $(BENCH)/pathological-diff $(NATIVE)/parley

bench-pathological-diff: deps-test native wasm
	@$(BENCH_PATHOLOGICAL_DIFF)

# Merging two edited copies (the joint response, the 10 MB draft), native and WASM in Chromium,
# against git merge-file: the merge part of `make bench` alone (about a minute).
bench-merge: deps-bench deps-test bench-native bench-wasm $(BENCH)/draft-10mb.parley.json
	@$(NATIVE)/parley validate $(BENCH)/draft-10mb.parley.json
	@node bench/merge-bench.mjs $(BENCH)/draft-10mb.parley.json $(WASM)/bench/parley_bench.js $(NATIVE)/parley_bench $(NATIVE)/parley

# Share link lengths (File > Copy share link) for each example and the 40-question joint
# response, with the page's own link code under Node (docs/benchmarks.md, "Share links"). Seconds.
bench-links: native
	@cmake --build $(NATIVE) --target parley_joint_response -j $(JOBS)
	@mkdir -p $(BENCH)
	@$(NATIVE)/parley_joint_response > $(BENCH)/joint-response.parley.json
	@$(NATIVE)/parley validate $(BENCH)/joint-response.parley.json
	@node bench/link-lengths.mjs $(BENCH)/joint-response.parley.json

clean:
	rm -rf $(NATIVE) $(ASAN) $(WASM) $(FUZZ) $(BENCH) dist
