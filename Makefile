# termlint - plain Makefile; see README.md.
#   make            build build/termlint (safe with -j)
#   make demo       install missing packages, build, run on the shipped sample
#   make check      install missing packages, build, run every test
#   make check SANITIZE=1   the same under AddressSanitizer + UBSan (objects in build-san/)
#   make check VALGRIND=1   the same, the golden CLI cases under Valgrind's memcheck
#   make check-tsan         ThreadSanitizer over the threaded runs (build-tsan/)
#   make check-slow         the long cases (tests/slow.sh: 1 GB file, 100 MB line, ...)
#   make fuzz FUZZ_SECONDS=N  each libFuzzer target for N seconds (clang)
#   make bench      benchmarks (bench/README.md)
#   make install PREFIX=/usr/local DESTDIR=

PKGS     := hunspell icu-uc icu-i18n yaml-0.1 jansson libxml-2.0 md4c
TESTPKGS := cmocka
CC       ?= cc
CFLAGS   ?= -O2 -g
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/termlint
MANDIR   ?= $(PREFIX)/share/man
DOCDIR   ?= $(PREFIX)/share/doc/termlint
# where SARIF's helpUri points (rules.md#RULE-ID): the installed docs unless a
# published copy is named, e.g. DOCS_URL=https://example.org/termlint/docs/rules.md
DOCS_URL ?= file://$(DOCDIR)/rules.md

ifeq ($(CI),true)
WERROR   ?= 1
endif

WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wvla -Wwrite-strings -Wformat=2 -Wno-format-nonliteral
HAVE_PKGS := $(shell pkg-config --exists $(PKGS) 2>/dev/null && echo yes)
PKG_CFLAGS := $(if $(HAVE_PKGS),$(shell pkg-config --cflags $(PKGS)))
PKG_LIBS   := $(if $(HAVE_PKGS),$(shell pkg-config --libs $(PKGS)))

BUILD    := build
ifdef SANITIZE
BUILD    := build-san
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
endif
ifdef TSAN
BUILD    := build-tsan
SANFLAGS := -fsanitize=thread -fno-omit-frame-pointer
endif

override CFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(if $(filter 1,$(WERROR)),-Werror) \
            -Iinclude -MMD -MP $(PKG_CFLAGS) $(SANFLAGS)
override LDFLAGS += $(SANFLAGS)
LDLIBS   += $(PKG_LIBS) -lpthread -lm

# The library's layers, lowest first (docs/architecture.md). A file of src/lib/X/ is
# compiled with -I for its own folder and the folders below it only, so an #include
# that points up a layer fails to compile; the app sees include/ and src/app/ only.
LIB_DIRS := base text morph data match checks core
LIB_SRC  := $(sort $(wildcard $(LIB_DIRS:%=src/lib/%/*.c)))
APP_SRC  := $(sort $(wildcard src/app/report/*.c src/app/cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
APP_OBJ  := $(APP_SRC:%.c=$(BUILD)/%.o)
LIB_INC  := $(LIB_DIRS:%=-Isrc/lib/%)
APP_INC  := -Isrc/app/report -Isrc/app/cli
inc_base   := base
inc_text   := text base
inc_morph  := morph text base
inc_data   := data text base
inc_match  := match morph data text base
inc_checks := checks match morph data text base
inc_core   := core checks match morph data text base
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_TARGETS := $(sort $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c)))
REPLAY_BIN := $(FUZZ_TARGETS:%=$(BUILD)/fuzz-replay-%)
LIB      := $(BUILD)/libtermlint.a
BIN      := $(BUILD)/termlint
DEPS     := $(LIB_OBJ:.o=.d) $(APP_OBJ:.o=.d) $(UNIT_BIN:=.d) $(REPLAY_BIN:=.d)

.PHONY: deb all deps check unit golden demo bench install clean golden-update wordtab-check wordtab-verify \
        format-check format require-pkgs layers fuzz fuzz-build

all: require-pkgs layers $(BIN)

# the boundaries the include paths alone do not enforce (scripts/check-layers.sh)
layers:
	@sh scripts/check-layers.sh

require-pkgs:
	@pkg-config --exists $(PKGS) || { echo "termlint: missing libraries ($(PKGS)); run scripts/install-deps.sh or 'make demo'" >&2; exit 2; }

# Installs what is missing (idempotent; a no-op when everything is there).
deps:
	@sh scripts/install-deps.sh

$(BUILD)/src/lib/%.o: src/lib/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(addprefix -Isrc/lib/,$(inc_$(firstword $(subst /, ,$*)))) -c -o $@ $<

$(BUILD)/src/app/%.o: src/app/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(APP_INC) -DTL_DATADIR='"$(DATADIR)"' -DTL_DOCS_URL='"$(DOCS_URL)"' -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(APP_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(APP_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LIB_INC) -MF $@.d -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS) $(shell pkg-config --cflags --libs $(TESTPKGS) 2>/dev/null)

demo: deps
	@$(MAKE) --no-print-directory all
	@echo "== termlint check --glossary default samples/demo-ru.txt samples/demo-uk.txt"
	@$(BIN) check --glossary default samples/demo-ru.txt samples/demo-uk.txt; \
	  rc=$$?; echo "== exit code $$rc (1 = findings at or above --fail-on, see README)"; \
	  test $$rc -le 1

# check: every test; in CI (CI=true) also -Werror and the sanitizer pass.
check: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory test-all
ifeq ($(CI),true)
ifndef SANITIZE
	@$(MAKE) --no-print-directory SANITIZE=1 all test-all
endif
endif

# ThreadSanitizer over what runs threads: the run's unit tests, and the command line at
# -j 4 with and without --consistency run (tests/tsan.sh)
check-tsan: deps
	@$(MAKE) --no-print-directory TSAN=1 all build-tsan/tests/test_run build-tsan/tests/test_check
	@BUILD=build-tsan sh tests/tsan.sh

# the long cases: a 1 GB file, a 100 MB line, a glossary of a million terms, 100,000
# files (tests/slow.sh; about 15 minutes)
check-slow: all
	@BUILD=$(BUILD) sh tests/slow.sh

.PHONY: test-all check-tsan check-slow
test-all: $(BIN) $(UNIT_BIN) $(REPLAY_BIN)
	@BUILD=$(BUILD) VALGRIND=$(VALGRIND) sh tests/run-all.sh

golden-update: $(BIN)
	@BUILD=$(BUILD) UPDATE=1 sh tests/golden/run.sh

bench: all
	@sh bench/run.sh

# research tool: the compiled word-form table against Hunspell (bench/README.md)
$(BUILD)/bench/wordtab-check: bench/wordtab-check.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LIB_INC) -MF $@.d -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS)

wordtab-check: $(BUILD)/bench/wordtab-check

# every form of the Debian ru_RU and uk_UA tables through Hunspell_spell (~40 s):
# fails when the table holds a form Hunspell rejects
wordtab-verify: $(BUILD)/bench/wordtab-check
	$(BUILD)/bench/wordtab-check ru_RU --all-forms
	$(BUILD)/bench/wordtab-check uk_UA --all-forms

# ---- fuzzing (docs/robustness.md: the targets, and how to add one) -----------------
# Each fuzz/fuzz_NAME.c is a libFuzzer target, built with clang and ASan + UBSan into
# build-fuzz/ against an instrumented copy of the library; `make fuzz` runs each for
# FUZZ_SECONDS (two at a time) and fails on a crash, a leak or an input slower than 1 s
# (fuzz/run.sh). The same file linked with fuzz/replay.c under $(CC) replays its
# corpus in `make check` (build/fuzz-replay-NAME).
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 2
FUZZ_BUILD   := build-fuzz
FUZZ_CFLAGS  := -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fno-omit-frame-pointer \
                -fsanitize=address,undefined -fno-sanitize-recover=all -Iinclude $(PKG_CFLAGS)
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=$(FUZZ_BUILD)/%.o)
FUZZ_BIN     := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

$(FUZZ_BUILD)/src/lib/%.o: src/lib/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP \
	    $(addprefix -Isrc/lib/,$(inc_$(firstword $(subst /, ,$*)))) -c -o $@ $<

$(FUZZ_BUILD)/libtermlint.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# a target that fuzzes a reader of the command line's (the usage records of `report
# --from-jsonl`) links those sources too: FUZZ_APP_NAME
FUZZ_APP_usage := $(addprefix src/app/report/,termreport.c termreport_out.c termreport_csv.c \
                    termreport_html.c candidates_out.c sha256.c)

.SECONDEXPANSION:
$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_BUILD)/libtermlint.a $$(FUZZ_APP_$$*)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(LIB_INC) -Isrc/app/report -o $@ $< \
	    $(FUZZ_APP_$*) $(FUZZ_BUILD)/libtermlint.a $(PKG_LIBS) -lpthread -lm

$(BUILD)/fuzz-replay-%: fuzz/replay.c fuzz/fuzz_%.c $(LIB) $$(FUZZ_APP_$$*)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LIB_INC) -Isrc/app/report -MF $@.d -o $@ fuzz/replay.c fuzz/fuzz_$*.c \
	    $(FUZZ_APP_$*) $(LIB) $(LDFLAGS) $(LDLIBS)

# the instrumented objects' header dependencies: without them a changed header left
# stale objects of another layout in build-fuzz/
-include $(FUZZ_LIB_OBJ:.o=.d)

fuzz-build: require-pkgs $(FUZZ_BIN)

fuzz: fuzz-build
	@FUZZ_JOBS=$(FUZZ_JOBS) sh fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# the sources as .clang-format writes them (clang-format 14, Debian 12's); `make format`
# rewrites them (commit that on its own: whitespace only)
FORMAT_FILES = $(LIB_SRC) $(APP_SRC) $(wildcard src/*/*/*.h) include/*.h
format-check:
	@clang-format --dry-run --Werror $(FORMAT_FILES)

format:
	@clang-format -i $(FORMAT_FILES)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/vietnam $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(DOCDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/termlint
	install -m 644 glossaries/*.yaml $(DESTDIR)$(DATADIR)/
	install -m 644 glossaries/vietnam/*.yaml $(DESTDIR)$(DATADIR)/vietnam/
	install -m 644 docs/termlint.1 $(DESTDIR)$(MANDIR)/man1/termlint.1
	install -m 644 docs/*.md $(DESTDIR)$(DOCDIR)/

# The Debian package (debian/): dpkg-buildpackage -us -uc -b in a copy of the tree
# (it writes beside its source folder and cleans the build), the .deb into build/deb/.
deb:
	@sh scripts/make-deb.sh build/deb

clean:
	rm -rf build build-san build-tsan build-fuzz

-include $(DEPS)
