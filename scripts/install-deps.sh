#!/bin/sh
# Install what ddlint needs, from Debian 12 packages (and, for the tests, one npm tool).
#   sh scripts/install-deps.sh          build dependencies (make demo)
#   sh scripts/install-deps.sh --test   and what the test suite runs (make check)
# Quiet and quick when everything is already there.
set -eu
pkgs="gcc make libc6-dev libpg-query-dev libprotobuf-c-dev libcmocka-dev libyaml-dev libjansson-dev"
pkgs="$pkgs libpq-dev"   # ddlint verify's PostgreSQL client (src/verify/)
if [ "${1:-}" = --test ]; then
	# the tests check our output with the real consumers: pre-commit, Neovim's quickfix and
	# ALE, an XML parser for JUnit, a YAML parser for the CI templates, Microsoft's SARIF validator
	# (npm), and a real PostgreSQL; mandoc lints the man pages, the shells load the completions
	pkgs="$pkgs git python3-yaml pre-commit neovim vim-ale libxml2-utils postgresql-15 postgresql-client-15"
	pkgs="$pkgs mandoc bash-completion zsh fish"
	# ddlint erd: Graphviz renders the DOT diagrams, PlantUML the PlantUML ones; ddlint docs:
	# the site is opened in Debian's Chromium (headless, driven by puppeteer-core)
	pkgs="$pkgs graphviz plantuml chromium"
	# the language server's clients in the tests: Emacs with eglot (Neovim is above)
	pkgs="$pkgs emacs-nox elpa-eglot"
fi
missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
# npm may come with a Node.js of another origin; only ask Debian for it when the command is missing
if [ "${1:-}" = --test ] && ! command -v npm >/dev/null 2>&1; then
	missing="$missing nodejs npm"
fi
if [ -n "$missing" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "ddlint needs these Debian packages:$missing" >&2
		echo "install them as root: apt-get install -y$missing" >&2
		exit 1
	fi
	echo "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if [ "${1:-}" = --test ]; then
	# npm tools, into build/tools, in one install (npm drops what an install does not name):
	# Microsoft's SARIF validator; for ddlint erd, @dbml/core (the parser of dbdiagram.io) reads
	# the DBML back, Mermaid's own parser the Mermaid, which needs a DOM (jsdom); for ddlint
	# docs, puppeteer-core drives Debian's Chromium (it downloads no browser) and marked renders
	# the Markdown pages
	tools=$(cd "$(dirname "$0")/.." && pwd)/build/tools
	multitool="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
	# the peers of the safety/ rules' differential test (tests/safety): squawk and the Postgres
	# Language Server; both packages carry their binary (an optional dependency per platform)
	squawk="$tools/node_modules/.bin/squawk"
	pls="$tools/node_modules/.bin/postgres-language-server"
	if [ ! -x "$multitool" ] || [ ! -f "$tools/node_modules/@dbml/core/package.json" ] ||
		[ ! -f "$tools/node_modules/mermaid/package.json" ] || [ ! -f "$tools/node_modules/jsdom/package.json" ] ||
		[ ! -f "$tools/node_modules/puppeteer-core/package.json" ] || [ ! -f "$tools/node_modules/marked/package.json" ] ||
		[ ! -x "$squawk" ] || [ ! -x "$pls" ]; then
		echo "installing: @microsoft/sarif-multitool, @dbml/core, mermaid, jsdom, puppeteer-core, marked, squawk-cli, @postgres-language-server/cli (npm, into build/tools)"
		mkdir -p "$tools"
		# one npm install for all: a later `npm install --no-save` would prune the others
		(cd "$tools" && npm install --silent --no-audit --no-fund --no-save \
			@microsoft/sarif-multitool@5 @microsoft/sarif-multitool-linux@5 @dbml/core@3 mermaid@11 jsdom@29 puppeteer-core@24 marked@16 \
			squawk-cli@2.66.0 @postgres-language-server/cli@0.25.5 >/dev/null)
		# npm does not run the package's install script: the binary needs its execute bit
		chmod +x "$multitool"
	fi
fi
