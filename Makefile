# ssecmm: build, test, install.  CC, CFLAGS, CPPFLAGS, LDFLAGS, LDLIBS,
# PKG_CONFIG, PREFIX and DESTDIR are yours; the project's own flags are added
# separately.

VERSION     = 0.1.0
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/ssecmm
MANDIR     ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
CFLAGS     ?= -O2 -g

PKGS = libxml-2.0 libxslt libexslt cairo pangocairo fontconfig glib-2.0 libzip xlsxwriter libdeflate

WARNINGS = -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes \
           -Wpointer-arith -Wwrite-strings -Wvla -Wno-unused-parameter
PROJECT_CPPFLAGS = -D_GNU_SOURCE -DSSECMM_VERSION='"$(VERSION)"' \
                   -DSSECMM_DATADIR='"$(DATADIR)"' -Isrc
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

ALL_CFLAGS   = -std=c11 $(WARNINGS) $(PROJECT_CPPFLAGS) $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS)
SAN_FLAGS    = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# Every module but main.c forms the library that the program and the tests link.
LIB_SRC  = $(filter-out src/main.c,$(sort $(wildcard src/*.c src/*/*.c)))
HEADERS  = $(wildcard src/*.h src/*/*.h)
LIB_OBJ  = $(LIB_SRC:src/%.c=build/obj/%.o)
SAN_OBJ  = $(LIB_SRC:src/%.c=build/san/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/obj/%)
SAN_UNIT = $(UNIT_SRC:tests/unit/%.c=build/san/%)

# Debian packages that provide what the build and the tests need, as
# "pkg-config module or command:package" pairs.
DEPS = pc:libxml-2.0:libxml2-dev pc:libxslt:libxslt1-dev pc:libexslt:libxslt1-dev pc:cairo:libcairo2-dev \
       pc:pangocairo:libpango1.0-dev pc:cmocka:libcmocka-dev cmd:pkg-config:pkg-config \
       pc:libzip:libzip-dev pc:xlsxwriter:libxlsxwriter-dev pc:libdeflate:libdeflate-dev \
       cmd:xmllint:libxml2-utils cmd:valgrind:valgrind cmd:mandoc:mandoc cmd:strace:strace \
       file:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core \
       file:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc:fonts-noto-cjk \
       cmd:qpdf:qpdf cmd:pdftotext:poppler-utils cmd:pdftohtml:poppler-utils cmd:unzip:unzip \
       cmd:python3:python3 cmd:java:default-jre-headless \
       cmd:node:nodejs cmd:npm:npm file:/usr/lib/chromium/chromium:chromium \
       file:/usr/lib/libreoffice/program/libswlo.so:libreoffice-writer-nogui \
       file:/usr/lib/libreoffice/program/libsclo.so:libreoffice-calc-nogui

.PHONY: all deps run check check-unit check-cli check-products check-office check-hostile \
        check-san check-valgrind golden install uninstall clean fuzz bench

all: ssecmm

ssecmm: build/obj/main.o $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS)

build/obj/%.o: src/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/san/%.o: src/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

build/san/ssecmm: build/san/main.o $(SAN_OBJ)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS)

build/obj/test_%: tests/unit/test_%.c $(LIB_OBJ) tests/unit/capture.h
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) $(LDFLAGS) -o $@ $(filter-out %.h,$^) $(PKG_LIBS) \
		$(CMOCKA_LIBS) $(LDLIBS)

build/obj/golden: tests/golden.c $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS)

build/san/golden: tests/golden.c $(SAN_OBJ)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS)

build/san/test_%: tests/unit/test_%.c $(SAN_OBJ) tests/unit/capture.h
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) $(CMOCKA_CFLAGS) $(LDFLAGS) -o $@ $(filter-out %.h,$^) $(PKG_LIBS) \
		$(CMOCKA_LIBS) $(LDLIBS)

build/obj build/san:
	mkdir -p $@

# Install the Debian packages of a list like DEPS that are missing (as root, or
# through sudo): $(call install-missing,LIST).
install-missing = missing=""; \
	for d in $(1); do \
		kind=$${d%%:*}; rest=$${d\#*:}; what=$${rest%:*}; pkg=$${rest\#\#*:}; \
		case $$kind in \
		pc)   $(PKG_CONFIG) --exists $$what 2>/dev/null || missing="$$missing $$pkg";; \
		cmd)  command -v $$what >/dev/null 2>&1 || missing="$$missing $$pkg";; \
		file) test -e $$what || missing="$$missing $$pkg";; \
		esac; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends \
			$$missing >/dev/null; \
	fi

deps:
	@$(call install-missing,$(DEPS))
	@test -d tests/checkers/node_modules/vnu-jar || \
		npm ci --prefix tests/checkers --no-audit --no-fund --loglevel=error

# Check the model and every sample, then write every product into out/: the
# handbook; for each appraisal its rating table, rating workbook
# (NAME-ratings.xlsx), report and statement (HTML, PDF, and editable as DOCX
# and ODT) and profile chart; the comparison of the two Harbourline
# appraisals; and the whole of samples/ as a batch with its index
# (out/batch/index.html).
run: deps
	$(MAKE) ssecmm
	./ssecmm validate model-xml/sse-cmm.xml samples/*.xml
	mkdir -p out
	./ssecmm -q handbook -o out
	for f in samples/*.xml; do \
		grep -q '<appraisal ' $$f || continue; \
		b=out/$$(basename $$f .xml); \
		./ssecmm -q rate $$f >$$b.txt && \
		./ssecmm -q rate --format csv $$f >$$b.csv && \
		./ssecmm -q workbook $$f -o out/ && \
		./ssecmm -q report $$f -o out && \
		./ssecmm -q statement $$f -o out && \
		./ssecmm -q report $$f --format docx,odt -o out && \
		./ssecmm -q statement $$f --format docx,odt -o out && \
		./ssecmm -q chart $$f -o $$b-chart.svg && \
		./ssecmm -q chart $$f -o $$b-chart.png && \
		./ssecmm -q chart $$f -o $$b-chart.pdf || exit 1; \
	done
	./ssecmm -q statement --target samples/rfp-2026-017-target.xml \
		samples/meridian-integrator.xml -o out/meridian-integrator-rfp-2026-017-statement.html
	./ssecmm -q compare samples/harbourline-self-assessment.xml \
		samples/harbourline-reappraisal-2027.xml -o out
	./ssecmm -q batch samples -o out/batch
	@echo "products written to out/:"; ls out

# The test groups (tests/check.sh), run side by side on every core, the
# longest first so that they end together.  Each prints a line per suite and
# "GROUP: N passed, N failed"; check ends with the total.  A group can run
# alone: make check-unit, check-cli, check-products, check-office,
# check-hostile, check-san, check-valgrind.
CHECKS = valgrind products office hostile san cli unit
NPROC := $(shell nproc 2>/dev/null || echo 2)
TEST_BINS = ssecmm build/san/ssecmm build/obj/golden build/san/golden $(UNIT_BIN) $(SAN_UNIT)

check: deps
	$(MAKE) -j$(NPROC) $(TEST_BINS)
	@rm -rf build/check
	@$(MAKE) -k -j$(NPROC) -O --no-print-directory $(CHECKS:%=check-%); \
		tests/check.sh total $(CHECKS)

check-unit: $(UNIT_BIN)
	@tests/check.sh unit
check-cli: ssecmm build/obj/golden
	@tests/check.sh cli
check-products: ssecmm
	@tests/check.sh products
check-office: ssecmm
	@tests/check.sh office
check-hostile: ssecmm
	@tests/check.sh hostile
check-san: build/san/ssecmm build/san/golden $(SAN_UNIT)
	@tests/check.sh san
check-valgrind: ssecmm build/obj/golden $(UNIT_BIN)
	@tests/check.sh valgrind

# Every kind of golden file rewritten from the current build: command
# goldens and the PDF text of every product.  Review the diff.
golden: ssecmm build/obj/golden
	tests/run-cli.sh --update
	tests/run-products.sh --update

install: ssecmm
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/model-xml $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/stylesheets
	install -m 755 ssecmm $(DESTDIR)$(BINDIR)/ssecmm
	install -m 644 doc/ssecmm.1 $(DESTDIR)$(MANDIR)/man1/ssecmm.1
	install -m 644 model-xml/sse-cmm.xml model-xml/*.xsd $(DESTDIR)$(DATADIR)/model-xml/
	install -m 644 templates/*.xsl templates/*.xsd $(DESTDIR)$(DATADIR)/templates/
	install -m 644 stylesheets/*.css $(DESTDIR)$(DATADIR)/stylesheets/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ssecmm $(DESTDIR)$(MANDIR)/man1/ssecmm.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build ssecmm out

include tests/fuzz/fuzz.mk

# The benchmark (bench/run.sh): time and memory of the products, of the same
# HTML printed by WeasyPrint and Chromium, of a batch and of larger models, into
# bench/results.md.  BENCH_RUNS runs of each (default 5); BENCH_BATCH generated
# appraisals in the batch (default 500).  It needs the build's libraries, fonts
# and Chromium from DEPS, and WeasyPrint, GNU time, pdfinfo and pgrep.
BENCH_DEPS = $(filter pc:% file:%,$(DEPS)) cmd:pkg-config:pkg-config \
             cmd:pdfinfo:poppler-utils cmd:weasyprint:weasyprint file:/usr/bin/time:time \
             cmd:pgrep:procps

bench:
	@$(call install-missing,$(BENCH_DEPS))
	$(MAKE) ssecmm
	bench/run.sh
