# ddlint build. `make` builds build/ddlint; `make check` builds and runs every test.
CC      ?= cc
CSTD    := -std=c11 -D_GNU_SOURCE
WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wno-unused-parameter \
           -Wconversion -Wsign-conversion -Wmissing-prototypes -Wformat=2
WERROR  ?= -Werror
OPT     ?= -O2 -g
CFLAGS  += $(CSTD) $(WARN) $(WERROR) $(OPT) -Iinclude -Isrc -I$(BUILD)/gen
LDLIBS  += -lpg_query -ljansson -lyaml -lpthread
BUILD   ?= build

RULE_SRCS := $(shell find rules -name '*.c' | LC_ALL=C sort)
LIB_SRCS  := $(wildcard src/*.c src/model/*.c src/migrate/*.c src/report/*.c src/erd/*.c src/docs/*.c)
CLI_SRCS  := $(wildcard src/cli/*.c src/lsp/*.c src/verify/*.c)
CLI_OBJS  := $(patsubst %.c,$(BUILD)/obj/%.o,$(CLI_SRCS))
LIB_OBJS  := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRCS) $(RULE_SRCS)) $(BUILD)/obj/gen/registry.o
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
HEADERS   := $(wildcard include/*.h include/ddlint/*.h src/*.h src/model/*.h src/migrate/*.h src/cli/*.h src/lsp/*.h src/verify/*.h) $(BUILD)/gen/registry.h
# ddlint verify (src/verify/) is the only code that talks to PostgreSQL: only it and the binary use libpq
PQ_INCLUDE ?= $(shell pg_config --includedir 2>/dev/null || echo /usr/include/postgresql)
$(BUILD)/obj/src/verify/%.o: CFLAGS += -I$(PQ_INCLUDE)

PHONY_EXTRA := deps-build
PHONY_PG := check-pg check-verify bench fuzz fuzz-smoke
.PHONY: safety-diff
.PHONY: all demo check lsp $(PHONY_PG) $(PHONY_EXTRA) docs install uninstall install-check unit fixtures cli docs-check corpus asan tsan tsan-run valgrind clean deps readme

all: $(BUILD)/ddlint

# Install what is missing on Debian 12 (as root): deps-build for building, deps for the tests too.
deps-build:
	@sh scripts/install-deps.sh

deps:
	@sh scripts/install-deps.sh --test

$(BUILD)/gen/registry.c: $(RULE_SRCS) scripts/gen-registry.sh
	@mkdir -p $(dir $@)
	sh scripts/gen-registry.sh $(RULE_SRCS) > $@.tmp && mv $@.tmp $@

# every rule's symbol and DD_RULE_* index, for the core (which never names a rule by string)
$(BUILD)/gen/registry.h: $(RULE_SRCS) scripts/gen-registry.sh
	@mkdir -p $(dir $@)
	sh scripts/gen-registry.sh --header $(RULE_SRCS) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/gen/registry.o: $(BUILD)/gen/registry.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/libddlint.a: $(LIB_OBJS)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/ddlint: $(CLI_OBJS) $(BUILD)/libddlint.a
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LDLIBS) -lpq -o $@

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libddlint.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $< $(BUILD)/libddlint.a $(LDLIBS) -lcmocka -o $@

demo: deps-build
	@$(MAKE) --no-print-directory $(BUILD)/ddlint
	@echo "== ddlint examples/schema.sql (findings expected; demo exits 0) =="
	@$(BUILD)/ddlint examples/schema.sql; status=$$?; \
	  if [ $$status -gt 1 ]; then echo "ddlint failed with status $$status"; exit $$status; fi

unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; $(VALGRIND) $$t; done

# make fixtures UPDATE=1 writes the .expected files from the binary instead (review the diff).
fixtures: $(BUILD)/ddlint
	@DDLINT="$(VALGRIND) $(CURDIR)/$(BUILD)/ddlint" UPDATE="$(UPDATE)" sh tests/run-fixtures.sh

cli: $(BUILD)/ddlint
	@set -e; for t in tests/cli/run.sh tests/cli/config.sh tests/cli/suppress.sh tests/cli/migrations.sh tests/cli/commands.sh tests/cli/limits.sh tests/cli/recipes.sh tests/cli/formats.sh tests/cli/integrations.sh tests/cli/changed.sh tests/cli/templates.sh tests/cli/fixtures.sh tests/cli/baseline.sh tests/cli/erd.sh tests/cli/report.sh tests/cli/docs.sh tests/cli/safety-locks.sh; do DDLINT="$(VALGRIND) $(CURDIR)/$(BUILD)/ddlint" sh $$t; done

# The language server: a scripted LSP session (python3), then Neovim's and Emacs eglot's own clients.
lsp: $(BUILD)/ddlint
	@DDLINT_WRAP="$(VALGRIND)" python3 tests/lsp/session.py $(BUILD)/ddlint
	@sh tests/lsp/nvim.sh $(BUILD)/ddlint
	@sh tests/lsp/eglot.sh $(BUILD)/ddlint

# Truth: the model and four rules against a real PostgreSQL 15 (started and stopped by the script).
check-pg: $(BUILD)/ddlint
	@DDLINT="$(VALGRIND) $(CURDIR)/$(BUILD)/ddlint" sh tests/pg/run.sh
	@DDLINT="$(VALGRIND) $(CURDIR)/$(BUILD)/ddlint" sh tests/pg/safety-locks.sh

# The safety/ rules against squawk and the Postgres Language Server over the corpus (tests/safety).
safety-diff: $(BUILD)/ddlint
	@python3 tests/safety/differential.py --ddlint $(BUILD)/ddlint --tools build/tools --corpus $${CORPUS:-../shared/corpus}

# ddlint verify: fixtures and bad input against PostgreSQL 15 (temporary servers the tests start).
check-verify: $(BUILD)/ddlint
	@DDLINT="$(VALGRIND) $(CURDIR)/$(BUILD)/ddlint" UPDATE="$(UPDATE)" sh tests/verify/run.sh

docs-check: $(BUILD)/ddlint
	@sh scripts/readme-rules.sh --check $(BUILD)/ddlint
	@sh scripts/check-layers.sh $(BUILD)

# Every test; what CI runs.
check: deps
	@$(MAKE) --no-print-directory all unit fixtures cli lsp fuzz-smoke check-pg check-verify docs-check install-check safety-diff
	@echo "make check: all test suites passed"

# ---- install: make install PREFIX=/usr DESTDIR=/tmp/stage; make uninstall with the same ----
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
DOCDIR  ?= $(DATADIR)/doc/ddlint
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/site-functions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d
HOOKDIR ?= $(DATADIR)/ddlint/hooks
# the man pages' date: the last commit's, so that a build does not change them
MANDATE ?= $(shell git log -1 --format=%cs 2>/dev/null || date -u +%Y-%m-%d)
LICENCE := $(wildcard LICENSE LICENCE COPYING)

# The man pages and completions, made by the binary from its own tables (scripts/gen-docs.sh).
DOCS := $(BUILD)/man/ddlint.1 $(BUILD)/man/ddlint-rules.7 $(BUILD)/completions/ddlint.bash \
        $(BUILD)/completions/_ddlint $(BUILD)/completions/ddlint.fish
docs: $(DOCS)

$(BUILD)/man/ddlint.1: $(BUILD)/ddlint man/ddlint.1.in scripts/gen-docs.sh
$(BUILD)/man/ddlint-rules.7: $(BUILD)/ddlint scripts/gen-docs.sh
$(BUILD)/completions/ddlint.bash: $(BUILD)/ddlint completions/ddlint.bash.in scripts/gen-docs.sh
$(BUILD)/completions/_ddlint: $(BUILD)/ddlint completions/ddlint.zsh.in scripts/gen-docs.sh
$(BUILD)/completions/ddlint.fish: $(BUILD)/ddlint completions/ddlint.fish.in scripts/gen-docs.sh
$(DOCS):
	@mkdir -p $(dir $@)
	sh scripts/gen-docs.sh $(if $(filter %.1,$@),man1,$(if $(filter %.7,$@),man7,$(if $(filter %.bash,$@),bash,$(if $(filter %.fish,$@),fish,zsh)))) \
	  $(BUILD)/ddlint $(MANDATE) > $@.tmp && mv $@.tmp $@

install: $(BUILD)/ddlint $(DOCS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DOCDIR) \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR) $(DESTDIR)$(HOOKDIR)
	install -m 755 $(BUILD)/ddlint $(DESTDIR)$(BINDIR)/ddlint
	install -m 644 $(BUILD)/man/ddlint.1 $(DESTDIR)$(MANDIR)/man1/ddlint.1
	install -m 644 $(BUILD)/man/ddlint-rules.7 $(DESTDIR)$(MANDIR)/man7/ddlint-rules.7
	install -m 644 $(BUILD)/completions/ddlint.bash $(DESTDIR)$(BASHCOMPDIR)/ddlint
	install -m 644 $(BUILD)/completions/_ddlint $(DESTDIR)$(ZSHCOMPDIR)/_ddlint
	install -m 644 $(BUILD)/completions/ddlint.fish $(DESTDIR)$(FISHCOMPDIR)/ddlint.fish
	sed 's|@BINDIR@|$(BINDIR)|' scripts/git-pre-commit.sh > $(DESTDIR)$(HOOKDIR)/pre-commit
	chmod 755 $(DESTDIR)$(HOOKDIR)/pre-commit
	install -m 644 README.md $(LICENCE) $(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ddlint $(DESTDIR)$(MANDIR)/man1/ddlint.1 $(DESTDIR)$(MANDIR)/man7/ddlint-rules.7 \
	  $(DESTDIR)$(BASHCOMPDIR)/ddlint $(DESTDIR)$(ZSHCOMPDIR)/_ddlint $(DESTDIR)$(FISHCOMPDIR)/ddlint.fish \
	  $(DESTDIR)$(HOOKDIR)/pre-commit $(addprefix $(DESTDIR)$(DOCDIR)/,README.md $(LICENCE))
	-rmdir $(DESTDIR)$(HOOKDIR) $(DESTDIR)$(DATADIR)/ddlint $(DESTDIR)$(DOCDIR) 2>/dev/null

# make install into a scratch DESTDIR, then the installed binary, man pages, completions and hook
# work from there (mandoc -T lint, bash with bash-completion, zsh -n, fish -n), then uninstall.
install-check: $(BUILD)/ddlint $(DOCS)
	@BUILD=$(BUILD) sh tests/install.sh

readme: $(BUILD)/ddlint
	@sh scripts/readme-rules.sh --write $(BUILD)/ddlint

$(BUILD)/bench/%: tests/bench/%.c $(BUILD)/libddlint.a
	@mkdir -p $(dir $@)
	$(CC) -O2 -Wall -o $@ $< $(BUILD)/libddlint.a $(LDLIBS)

# Speed against the bare parser, memory, start-up; prints a table (not a test: timing is noisy).
bench: $(BUILD)/ddlint $(BUILD)/bench/parse_only $(BUILD)/bench/measure $(BUILD)/bench/spin
	@BUILD=$(BUILD) sh tests/bench/bench.sh

# Fuzzing (clang with libFuzzer): make fuzz FUZZ_SECONDS=600 runs both targets and keeps new inputs.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_GNU_SOURCE -Iinclude -Isrc -I$(BUILD)/gen
fuzz: $(BUILD)/ddlint
	@mkdir -p $(BUILD)/fuzz
	clang $(FUZZ_FLAGS) tests/fuzz/fuzz_lint.c $(filter-out %/main.o,$(LIB_SRCS) $(RULE_SRCS)) $(BUILD)/gen/registry.c $(LDLIBS) -o $(BUILD)/fuzz/fuzz_lint
	clang $(FUZZ_FLAGS) tests/fuzz/fuzz_config.c $(LIB_SRCS) $(RULE_SRCS) $(BUILD)/gen/registry.c $(LDLIBS) -o $(BUILD)/fuzz/fuzz_config
	$(BUILD)/fuzz/fuzz_lint -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=20 tests/fuzz/corpus-lint \
	  $$(find tests/rules examples -name '*.sql' -exec dirname {} \; | sort -u)
	$(BUILD)/fuzz/fuzz_config -max_total_time=$(FUZZ_SECONDS) -max_len=8192 tests/fuzz/corpus-config
	clang $(FUZZ_FLAGS) tests/fuzz/fuzz_lsp.c src/lsp/reader.c src/lsp/text.c src/util.c $(LDLIBS) -o $(BUILD)/fuzz/fuzz_lsp
	$(BUILD)/fuzz/fuzz_lsp -max_total_time=$(FUZZ_SECONDS) -max_len=65536 tests/fuzz/corpus-lsp

# Replays the kept fuzz inputs under AddressSanitizer and UBSan (part of make check).
fuzz-smoke: $(BUILD)/libddlint.a
	@mkdir -p $(BUILD)/fuzz
	@$(CC) $(CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all tests/fuzz/fuzz_lint.c tests/fuzz/replay.c \
	  $(LIB_SRCS) $(RULE_SRCS) $(BUILD)/gen/registry.c $(LDLIBS) -o $(BUILD)/fuzz/replay_lint
	@$(CC) $(CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all tests/fuzz/fuzz_config.c tests/fuzz/replay.c \
	  $(LIB_SRCS) $(RULE_SRCS) $(BUILD)/gen/registry.c $(LDLIBS) -o $(BUILD)/fuzz/replay_config
	@ASAN_OPTIONS=detect_leaks=1 $(BUILD)/fuzz/replay_lint tests/fuzz/corpus-lint $$(find tests/rules examples -name '*.sql')
	@ASAN_OPTIONS=detect_leaks=1 $(BUILD)/fuzz/replay_config tests/fuzz/corpus-config
	@$(CC) $(CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all tests/fuzz/fuzz_lsp.c tests/fuzz/replay.c \
	  src/lsp/reader.c src/lsp/text.c src/util.c $(LDLIBS) -o $(BUILD)/fuzz/replay_lsp
	@ASAN_OPTIONS=detect_leaks=1 $(BUILD)/fuzz/replay_lsp tests/fuzz/corpus-lsp

corpus: $(BUILD)/ddlint
	@sh tests/corpus.sh $(BUILD)/ddlint

asan:
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" check

# ThreadSanitizer: what runs on several threads (runs linting at once, the parser pool, -j).
TSAN_TESTS := $(BUILD)/tests/test_threads $(BUILD)/tests/test_parallel
tsan:
	$(MAKE) BUILD=build/tsan OPT="-O1 -g -fsanitize=thread" LDFLAGS="-fsanitize=thread" tsan-run

tsan-run: $(TSAN_TESTS) $(BUILD)/ddlint
	@set -e; export TSAN_OPTIONS="halt_on_error=1 exitcode=66"; \
	  for t in $(TSAN_TESTS); do echo "== $$t"; $$t; done; \
	  echo "== ddlint -j 4 tests/rules examples"; \
	  $(BUILD)/ddlint --no-config -j 4 --format json tests/rules examples > /dev/null || [ $$? -eq 1 ]

valgrind:
	$(MAKE) BUILD=build/valgrind OPT="-O1 -g" VALGRIND="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" check

clean:
	rm -rf build
