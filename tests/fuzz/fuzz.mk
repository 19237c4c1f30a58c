# Fuzzing: libFuzzer targets of tests/fuzz/ built with clang and the sanitizers into build/fuzz/; included by the Makefile.
#
# `make fuzz` runs each target in turn (never two at once) for FUZZ_SECONDS
# with its seeds and fails when any of them finds a crash, a sanitizer
# report, a leak, a time-out or an out-of-memory; the input that caused it is
# kept under build/fuzz/artifacts/TARGET/.  Inputs that found new paths
# accumulate in build/fuzz/corpus/TARGET/ from run to run.  To replay one:
#   SSECMM_DATADIR=$PWD build/fuzz/fuzz_TARGET build/fuzz/artifacts/TARGET/crash-...

FUZZ_CC      ?= clang
FUZZ_CFLAGS  ?= -O1 -g
FUZZ_SECONDS ?= 60
# Seconds one input may take before it counts as a finding (a hang): inputs
# are at most max_len bytes, and each should take milliseconds.
FUZZ_TIMEOUT ?= 10
FUZZ_RSS_MB  ?= 2048

FUZZ_TARGETS  = model appraisal rate typeset csv result xlsx
FUZZ_BIN      = $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
FUZZ_OBJ      = $(LIB_SRC:src/%.c=build/fuzz/%.o)
FUZZ_SANITIZE = -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_ALL_CFLAGS = -std=c11 $(WARNINGS) $(PROJECT_CPPFLAGS) $(PKG_CFLAGS) $(CPPFLAGS) \
                  $(FUZZ_CFLAGS) $(FUZZ_SANITIZE)

# Longest input per target, in bytes: room for the samples and the bad
# corpus, small enough that every input runs in milliseconds.
FUZZ_MAX_LEN_model     = 65536
FUZZ_MAX_LEN_appraisal = 65536
FUZZ_MAX_LEN_rate      = 2048
FUZZ_MAX_LEN_typeset   = 8192
FUZZ_MAX_LEN_csv       = 4096
FUZZ_MAX_LEN_result    = 16384
FUZZ_MAX_LEN_xlsx      = 16384
FUZZ_DICT_model     = -dict=build/fuzz/xml.dict
FUZZ_DICT_appraisal = -dict=build/fuzz/xml.dict
FUZZ_DICT_typeset   = -dict=build/fuzz/xml.dict
FUZZ_DICT_result    = -dict=build/fuzz/xml.dict
FUZZ_DICT_xlsx      = -dict=build/fuzz/xml.dict

# Seeds taken from the tree at run time (the committed ones are in
# tests/fuzz/seeds/TARGET/).
FUZZ_SEEDS_model     = tests/data/mini-model.xml tests/bad/model/*.xml
FUZZ_SEEDS_appraisal = samples/*.xml tests/data/mini-appraisal.xml tests/bad/appraisal/*.xml \
                       tests/bad/target/*.xml
FUZZ_SEEDS_csv       = tests/cli/import/*.csv
FUZZ_SEEDS_result    = tests/data/results/*.xml tests/bad/result/*.xml
FUZZ_SEEDS_xlsx      = tests/cli/xlsx/*.xlsx

# What building and running the targets needs, as in DEPS: the libraries,
# the fonts, clang (not in DEPS: make check does not need it) and
# llvm-symbolizer for readable stack traces.  libFuzzer's runtime is checked
# separately, since its package is named after clang's version.
FUZZ_DEPS = $(filter pc:libxml-2.0:% pc:libxslt:% pc:cairo:% pc:pangocairo:% cmd:pkg-config:% \
                     file:/usr/share/fonts/%,$(DEPS)) \
            cmd:clang:clang cmd:llvm-symbolizer:llvm

FUZZ_ENV = SSECMM_DATADIR="$(CURDIR)" NO_COLOR=1 LC_ALL=C.UTF-8 \
           ASAN_OPTIONS=detect_stack_use_after_return=1:strict_string_checks=1 \
           UBSAN_OPTIONS=print_stacktrace=1 \
           LSAN_OPTIONS="suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0"

# One target for FUZZ_SECONDS; its exit status says whether it found anything.
fuzz_run = echo "fuzz_$(1): $(FUZZ_SECONDS) s" && \
	mkdir -p build/fuzz/corpus/$(1) build/fuzz/artifacts/$(1) && \
	$(FUZZ_ENV) build/fuzz/fuzz_$(1) -max_total_time=$(FUZZ_SECONDS) \
	-max_len=$(FUZZ_MAX_LEN_$(1)) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=$(FUZZ_RSS_MB) \
	$(FUZZ_DICT_$(1)) -print_final_stats=1 -artifact_prefix=build/fuzz/artifacts/$(1)/ \
	build/fuzz/corpus/$(1) build/fuzz/seeds/$(1) $(wildcard tests/fuzz/seeds/$(1))

.PHONY: fuzz-deps fuzz-build fuzz-seeds
.SECONDARY: $(FUZZ_OBJ)

fuzz: fuzz-deps
	$(MAKE) fuzz-build
	@failed=""; \
	$(foreach t,$(FUZZ_TARGETS),{ $(call fuzz_run,$(t)); } || failed="$$failed fuzz_$(t)";) \
	if [ -n "$$failed" ]; then \
		echo "fuzz: findings by$$failed; the inputs are in build/fuzz/artifacts/"; exit 1; \
	fi; \
	echo "fuzz: no findings"

fuzz-build: $(FUZZ_BIN) build/fuzz/xml.dict fuzz-seeds

build/fuzz/%.o: src/%.c $(HEADERS) | build/fuzz
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_ALL_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -c -o $@ $<

# The library as an archive: a target links only the modules it uses.
build/fuzz/libssecmm.a: $(FUZZ_OBJ)
	rm -f $@
	ar rcs $@ $(FUZZ_OBJ)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h build/fuzz/libssecmm.a | build/fuzz
	$(FUZZ_CC) $(FUZZ_ALL_CFLAGS) -fsanitize=fuzzer,address,undefined $(LDFLAGS) -o $@ $< \
		build/fuzz/libssecmm.a $(PKG_LIBS) $(LDLIBS)

build/fuzz:
	mkdir -p $@

# The XML dictionary: the committed syntax tokens, and every element,
# attribute and enumerated value of the schemas.
build/fuzz/xml.dict: tests/fuzz/xml.dict model-xml/*.xsd templates/xhtml-subset.xsd | build/fuzz
	{ cat tests/fuzz/xml.dict; \
	  grep -ho -e ' name="[A-Za-z0-9._-]*"' -e 'enumeration value="[A-Za-z0-9._ -]*"' \
		model-xml/*.xsd templates/xhtml-subset.xsd | sed 's/^[^"]*//' | LC_ALL=C sort -u; \
	} >$@

# Seeds from the tree, copied afresh each run (files above the target's
# max_len would be cut short, so they are left out).
fuzz-seeds: | build/fuzz
	@$(foreach t,model appraisal csv result xlsx, \
	rm -rf build/fuzz/seeds/$(t) && mkdir -p build/fuzz/seeds/$(t) && \
	for f in $(FUZZ_SEEDS_$(t)); do \
		[ "$$(wc -c <"$$f")" -le $(FUZZ_MAX_LEN_$(t)) ] || continue; \
		cp "$$f" build/fuzz/seeds/$(t)/"$$(echo "$$f" | tr / _)"; \
	done &&) \
	mkdir -p build/fuzz/seeds/rate build/fuzz/seeds/typeset

# Install what is missing, as the deps target does, then libFuzzer's runtime.
fuzz-deps:
	@missing=""; \
	for d in $(FUZZ_DEPS); do \
		kind=$${d%%:*}; rest=$${d#*:}; what=$${rest%:*}; pkg=$${rest##*:}; \
		case $$kind in \
		pc)   $(PKG_CONFIG) --exists $$what 2>/dev/null || missing="$$missing $$pkg";; \
		cmd)  command -v $$what >/dev/null 2>&1 || missing="$$missing $$pkg";; \
		file) test -e $$what || missing="$$missing $$pkg";; \
		esac; \
	done; \
	sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	apt_install() { \
		echo "installing Debian packages:$$*"; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends \
			"$$@" >/dev/null; \
	}; \
	if [ -n "$$missing" ]; then apt_install $$missing || exit 1; fi; \
	rt=$$($(FUZZ_CC) -print-file-name=libclang_rt.fuzzer-$$(uname -m).a); \
	if [ ! -f "$$rt" ]; then \
		apt_install libclang-rt-$$($(FUZZ_CC) -dumpversion | cut -d. -f1)-dev || exit 1; \
	fi
