#!/bin/sh
# Parts of README.md are generated: the rule table (from `ddlint rules`), the output of
# `make demo`, and the examples included from files (<!-- include: PATH --> ... <!-- end include -->).
#   --write BIN   rewrite them in README.md
#   --check BIN   fail when README.md differs from what they would be
set -eu
mode=$1
bin=$2
table=$(mktemp)
demo=$(mktemp)
trap 'rm -f "$table" "$table.new" "$table.rules" "$demo"' EXIT
# ddlint writes into files, not pipes, so that a crash stops this script
"$bin" rules > "$table.rules"
{
	echo "| rule | default | what it checks |"
	echo "|---|---|---|"
	awk '{ id=$1; sev=$2; $1=""; $2=""; sub(/^  */, ""); printf "| `%s` | %s | %s |\n", id, sev, $0 }' "$table.rules"
} > "$table"
status=0
(cd "$(dirname "$0")/.." && "$bin" --no-config --no-color examples/schema.sql > "$demo" 2>&1) || status=$?
if [ "$status" -gt 1 ]; then
	echo "ddlint failed on examples/schema.sql with status $status" >&2
	exit 1
fi
awk -v tablefile="$table" -v demofile="$demo" '
	/<!-- demo:begin -->/ { print; print "```"; while ((getline line < demofile) > 0) print line; print "```"; skip=1; next }
	/<!-- demo:end -->/ { skip=0 }
	/<!-- rules:begin -->/ { print; while ((getline line < tablefile) > 0) print line; skip=1; next }
	/<!-- rules:end -->/ { skip=0 }
	/<!-- include: / {
		print
		path=$0; sub(/.*<!-- include: /, "", path); sub(/ -->.*/, "", path)
		lang = path ~ /\.yml$/ ? "yaml" : path ~ /\.vim$/ ? "vim" : path ~ /\.el$/ ? "elisp" : path ~ /\.lua$/ ? "lua" : path ~ /\.toml$/ ? "toml" : path ~ /\.json$/ ? "json" : ""
		print "```" lang
		while ((getline line < path) > 0) print line
		close(path)
		print "```"
		skip=1; next
	}
	/<!-- end include -->/ { skip=0 }
	!skip { print }
' README.md > "$table.new"
if [ "$mode" = "--write" ]; then
	cp "$table.new" README.md
	echo "README.md: rule table and included examples updated"
elif cmp -s README.md "$table.new"; then
	echo "docs-check: 1 passed, 0 failed"
else
	echo "README.md's generated parts are out of date; run 'make readme'" >&2
	diff -u README.md "$table.new" >&2 || true
	echo "docs-check: 0 passed, 1 failed"
	exit 1
fi
