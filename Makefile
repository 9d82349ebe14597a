# re2wasm/regexp: build the engine, test, benchmark.
#
#   make wasm-deps   install the Debian packages that `make wasm` needs (root)
#   make wasm        rebuild wasm/re2.wasm from Debian's RE2 sources, and its Go translation
#   make wasm-check  rebuild both and check that the committed files are identical
#   make test        the whole test matrix: every engine (aot, wazero's compiler and
#                    interpreter), the race detector, the exhaustive corpus whole
#                    (the README's command, go test ./..., runs the default engine)
#   make bench       the benchmark comparison (quick preset, about 6 minutes on 2 cores)
#   make bench-full  the long comparison, with repetitions for benchstat
#   make bench-readme  the README's benchmark tables, from the last quick run
#   make soak        the long hardening runs (load, lifetimes, huge inputs)
#   make fuzz        every fuzz target in turn, FUZZTIME each (default 30m)

GO ?= go

# RE2 as packaged by Debian (bookworm): the source package and its checksums.
RE2_VERSION := 20220601+dfsg-1
RE2_ORIG := re2_20220601+dfsg.orig.tar.xz
RE2_ORIG_SHA256 := 3bc61251da3b0b97be40a8a127818c517c62516e4eda11fc901d29496663df54
RE2_DEBIAN := re2_20220601+dfsg-1.debian.tar.xz
RE2_DEBIAN_SHA256 := 6e93860fc6d5a7bc94f0cb235f107545a332e6cd37c3a4060982b9caa47a2570

BUILD := wasm/build
SRC := $(BUILD)/re2-2022-06-01
# A sysroot holding only wasi-libc, so that no header of the host leaks in.
SYSROOT := $(BUILD)/sysroot

CXX_WASM := clang++-19
WASM_OPT := wasm-opt
PYTHON := /usr/bin/python3

CXXFLAGS_WASM := --target=wasm32-wasi --sysroot=$(SYSROOT) -O2 -std=c++17 \
	-matomics -mbulk-memory -mmutable-globals -msign-ext \
	-fno-exceptions -fno-rtti -DNDEBUG -ffile-prefix-map=$(CURDIR)=. \
	-Iwasm/src/include -I$(SRC)

WRAPPED := __cxa_guard_acquire __cxa_guard_release __cxa_guard_abort

# The exports are the functions marked export_name in wasm/src/abi.cc and
# alloc.cc, the only list of them besides internal/rt/rt.go's, which a test
# compares with the module's; the global re2w_locks_held, defined in
# assembly, and __stack_pointer are exported here.
LDFLAGS_WASM := -mexec-model=reactor -Wl,--shared-memory,--import-memory \
	-Wl,--max-memory=4294967296,--no-check-features,--strip-all \
	-Wl,-z,stack-size=1048576 -Wl,--export=__stack_pointer -Wl,--export=re2w_locks_held \
	$(foreach f,$(WRAPPED),-Wl,--wrap=$(f))

RE2_SOURCES := util/rune.cc util/strutil.cc re2/bitstate.cc re2/compile.cc \
	re2/dfa.cc re2/mimics_pcre.cc re2/nfa.cc re2/onepass.cc re2/parse.cc \
	re2/perl_groups.cc re2/prog.cc re2/re2.cc re2/regexp.cc re2/set.cc \
	re2/simplify.cc re2/stringpiece.cc re2/tostring.cc \
	re2/unicode_casefold.cc re2/unicode_groups.cc
RE2_OBJECTS := $(addprefix $(BUILD)/obj/,$(RE2_SOURCES:.cc=.o))

# The aot engine: re2.wasm translated into Go. wasm2go runs with `go run
# pkg@version` so that it never enters the library's go.mod; it reads our
# provided.go (WASI stubs, a work-around) along with the module.
WASM2GO := github.com/ncruces/wasm2go@v0.4.22
RE2GO := internal/rt/re2go
TRANSLATE = $(GO) run $(WASM2GO) -unsafe -pkg re2go -provided $(RE2GO)/provided.go -o $(RE2GO)/re2.go wasm/re2.wasm

WASM_OPT_FLAGS := -O2 --strip-debug --strip-producers --enable-threads \
	--enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
	--enable-nontrapping-float-to-int

.PHONY: all wasm wasm-deps wasm-check test test-engines soak fuzz bench bench-full bench-readme clean
all: test

wasm-deps:
	printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
		> /etc/apt/sources.list.d/re2wasm-src.sources
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		clang-19 lld-19 libc++-19-dev-wasm32 libc++abi-19-dev-wasm32 \
		libclang-rt-19-dev-wasm32 wasi-libc unicode-data binaryen wabt \
		python3 python3-six perl patch xz-utils

wasm: wasm/re2.wasm $(RE2GO)/re2.go

wasm/re2.wasm: $(BUILD)/re2.wasm
	$(WASM_OPT) $(WASM_OPT_FLAGS) $< -o $@

$(RE2GO)/re2.go: wasm/re2.wasm $(RE2GO)/provided.go
	$(TRANSLATE)

$(BUILD)/re2.wasm: $(RE2_OBJECTS) $(BUILD)/obj/abi.o $(BUILD)/obj/alloc.o
	$(CXX_WASM) $(CXXFLAGS_WASM) $(LDFLAGS_WASM) $^ -o $@

$(BUILD)/obj/abi.o: wasm/src/abi.cc wasm/src/include/util/logging.h wasm/src/include/util/mutex.h wasm/src/include/util/held.h wasm/src/include/util/host.h $(SRC)/.ready
	@mkdir -p $(dir $@)
	$(CXX_WASM) $(CXXFLAGS_WASM) -c $< -o $@

# Our allocator, in place of wasi-libc's dlmalloc (see the file).
$(BUILD)/obj/alloc.o: wasm/src/alloc.cc wasm/src/include/util/held.h $(SRC)/.ready
	@mkdir -p $(dir $@)
	$(CXX_WASM) $(CXXFLAGS_WASM) -c $< -o $@

$(addprefix $(SRC)/,$(RE2_SOURCES)): $(SRC)/.ready
	@:

$(BUILD)/obj/%.o: $(SRC)/%.cc wasm/src/include/util/logging.h wasm/src/include/util/mutex.h wasm/src/include/util/held.h wasm/src/include/util/host.h $(SRC)/.ready
	@mkdir -p $(dir $@)
	$(CXX_WASM) $(CXXFLAGS_WASM) -c $< -o $@

# The sources: Debian's tarballs, checksums verified, Debian's patch that
# reads Unicode data from the unicode-data package, ours (each says why),
# and the tables generated anew as Debian does.
PATCHES := wasm/src/patches/no-thread-local.patch wasm/src/patches/latin1-factored-prefix.patch \
	wasm/src/patches/dfa-skim.patch wasm/src/patches/host-prefix-search.patch \
	wasm/src/patches/onepass-needs-groups.patch wasm/src/patches/stop-on-request.patch \
	wasm/src/patches/dfa-skim-matches.patch wasm/src/patches/dfa-set-matches-once.patch
$(SRC)/.ready: $(PATCHES)
	rm -rf $(BUILD)/src $(SRC) $(SYSROOT)
	mkdir -p $(BUILD)/src $(SYSROOT)/include $(SYSROOT)/lib
	ln -s /usr/include/wasm32-wasi $(SYSROOT)/include/wasm32-wasi
	ln -s /usr/lib/wasm32-wasi $(SYSROOT)/lib/wasm32-wasi
	cd $(BUILD)/src && apt-get source --download-only re2=$(RE2_VERSION)
	echo "$(RE2_ORIG_SHA256)  $(BUILD)/src/$(RE2_ORIG)" | sha256sum -c -
	echo "$(RE2_DEBIAN_SHA256)  $(BUILD)/src/$(RE2_DEBIAN)" | sha256sum -c -
	tar -C $(BUILD) -xf $(BUILD)/src/$(RE2_ORIG)
	tar -C $(SRC) -xf $(BUILD)/src/$(RE2_DEBIAN) debian/patches/debian-unicode-data.patch
	cd $(SRC) && patch -p1 < debian/patches/debian-unicode-data.patch
	for p in $(PATCHES); do patch -d $(SRC) -p1 < $$p || exit 1; done
	cd $(SRC) && perl re2/make_perl_groups.pl > re2/perl_groups.cc
	cd $(SRC)/re2 && $(PYTHON) make_unicode_casefold.py > unicode_casefold.cc
	cd $(SRC)/re2 && $(PYTHON) make_unicode_groups.py > unicode_groups.cc
	touch $@

# wasm-check rebuilds the module from scratch and compares it with the
# committed one, then translates it afresh and compares the Go with the
# committed translation (kept aside as .go.orig: a .go file in the build
# folder, which is inside the module, would become a package).
wasm-check:
	rm -rf $(BUILD)
	mkdir -p $(BUILD)
	cp wasm/re2.wasm $(BUILD)/committed.wasm
	cp $(RE2GO)/re2.go $(BUILD)/committed-re2.go.orig
	$(MAKE) -B wasm/re2.wasm
	cmp wasm/re2.wasm $(BUILD)/committed.wasm
	@echo "wasm/re2.wasm is identical to a fresh build"
	$(TRANSLATE)
	cmp $(RE2GO)/re2.go $(BUILD)/committed-re2.go.orig
	@echo "$(RE2GO)/re2.go is identical to a fresh translation"

# `go test ./...`, the README's test command, runs every test of the
# default engine at a size that answers in about two minutes (the
# exhaustive corpus sampled, the generator at 200 seeds). `make test` runs
# the whole matrix: the default engine under the race detector, then
# test-engines: the exhaustive corpus whole and the generator at its full
# budget (-full) without the race detector, then wazero's compiler and
# interpreter (build tag re2wasm_wazero) under the race detector. The
# interpreter is two orders of magnitude slower under -race: it runs the
# same tests with -short, which scales their loop counts down, and still
# needs about 9 minutes for the root package on 2 cores.
WAZERO := -tags re2wasm_wazero
test:
	$(GO) test -race ./...
	$(MAKE) test-engines

test-engines:
	$(GO) vet ./...
	$(GO) vet $(WAZERO) ./...
	$(GO) test -run '^(TestRE2Exhaustive|TestGenerated)$$' -full -timeout 30m .
	$(GO) test $(WAZERO) -race -timeout 30m ./...
	RE2WASM_ENGINE=interpreter $(GO) test $(WAZERO) -race -short -timeout 45m ./...
	cd bench && $(GO) test ./...

# The soak tests at full length (they run short in `make test`): 64
# goroutines on 200 patterns for 60 s under the race detector, then
# 1,000,000 compile/drop cycles, a 512 MiB input, Copy lifetimes, the
# resident memory of 10,000 patterns held and dropped beside the standard
# library's, collections during a 256 MiB match (beside the standard
# library's), and children under address-space limits.
soak:
	$(GO) test -race -run '^TestSoakLoad$$' -soak -v -timeout 30m .
	$(GO) test -run '^(TestSoakLifetimes|TestHugeInput|TestCopyOutlivesOriginal|TestMemoryGivenBack|TestGCDuringHugeMatch|TestAddressSpaceLimit)$$' -soak -v -timeout 60m .

# Each fuzz target for FUZZTIME, and the generator of non-ASCII patterns
# for GEN_N seeds from a random one; findings land in testdata/fuzz (or
# are printed, to be added to generatedRegressions) and become regression
# cases of `make test`.
FUZZTIME ?= 30m
GEN_N ?= 300000
fuzz:
	$(GO) test -run '^TestGenerated$$' -gen.n $(GEN_N) -gen.seed $$(od -An -N4 -tu4 /dev/urandom | tr -d ' ') -timeout 0 -v .
	$(GO) test -run '^$$' -fuzz '^FuzzGenerated$$' -fuzztime $(FUZZTIME) .
	$(GO) test -run '^$$' -fuzz '^FuzzCompare$$' -fuzztime $(FUZZTIME) .
	$(GO) test -run '^$$' -fuzz '^FuzzShapes$$' -fuzztime $(FUZZTIME) .
	$(GO) test -run '^$$' -fuzz '^FuzzChain$$' -fuzztime $(FUZZTIME) ./internal/plan
	$(GO) test -run '^$$' -fuzz '^FuzzABI$$' -fuzztime $(FUZZTIME) ./internal/re2wasm
	$(GO) test -run '^$$' -fuzz '^FuzzTranslate$$' -fuzztime $(FUZZTIME) ./internal/re2syntax
	$(GO) test -run '^$$' -fuzz '^FuzzSanitize$$' -fuzztime $(FUZZTIME) ./internal/re2syntax

# The comparison lives in bench/, a module of its own, so that the peers
# (go-re2, native RE2) never enter the library's go.mod.
bench:
	cd bench && $(GO) run ./cmd/compare

bench-full:
	cd bench && $(GO) run ./cmd/compare -preset full

# The README's benchmark tables, from the last quick run's raw results.
bench-readme:
	cd bench && $(GO) run ./cmd/compare -report -readme ../README.md

clean:
	rm -rf $(BUILD)
