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
	tools=$(cd "$(dirname "$0")/.." && pwd)/build/tools
	multitool="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
	if [ ! -x "$multitool" ]; then
		echo "installing: @microsoft/sarif-multitool (npm, into build/tools)"
		mkdir -p "$tools"
		(cd "$tools" && npm install --silent --no-audit --no-fund --no-save \
			@microsoft/sarif-multitool@5 @microsoft/sarif-multitool-linux@5 >/dev/null)
		# npm does not run the package's install script: the binary needs its execute bit
		chmod +x "$multitool"
	fi
fi
