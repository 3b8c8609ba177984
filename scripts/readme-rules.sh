#!/bin/sh
# Parts of README.md are generated: the rule table (from `ddlint rules`), the output of
# `make demo`, the examples included from files (<!-- include: PATH --> ... <!-- end include -->),
# and the diagram of examples/schema.sql (<!-- erd:begin -->, `ddlint erd`, Mermaid; and
# examples/schema-erd.svg from its DOT, when Graphviz's dot is installed).
#   --write BIN   rewrite them in README.md
#   --check BIN   fail when README.md differs from what they would be
set -eu
mode=$1
bin=$2
table=$(mktemp)
demo=$(mktemp)
erd=$(mktemp)
trap 'rm -f "$table" "$table.new" "$table.rules" "$demo" "$erd" "$erd.dot" "$erd.svg"' EXIT
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
(cd "$(dirname "$0")/.." && "$bin" erd --no-config --format mermaid examples/schema.sql > "$erd" &&
	"$bin" erd --no-config --format dot examples/schema.sql > "$erd.dot")
awk -v tablefile="$table" -v demofile="$demo" -v erdfile="$erd" '
	/<!-- erd:begin -->/ { print; print "```mermaid"; while ((getline line < erdfile) > 0) print line; print "```"; skip=1; next }
	/<!-- erd:end -->/ { skip=0 }
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
# the picture: Graphviz's SVG of the example's diagram (the layout is Graphviz's: made and
# compared only where dot is installed)
svg=$(dirname "$0")/../examples/schema-erd.svg
svg_ok=1
if command -v dot >/dev/null 2>&1; then
	dot -Tsvg "$erd.dot" > "$erd.svg"
	if [ "$mode" = "--write" ]; then
		cp "$erd.svg" "$svg"
	elif ! cmp -s "$svg" "$erd.svg"; then
		echo "examples/schema-erd.svg is out of date; run 'make readme'" >&2
		svg_ok=0
	fi
else
	echo "docs-check: dot (Graphviz) not installed; examples/schema-erd.svg not compared" >&2
fi
if [ "$mode" = "--write" ]; then
	cp "$table.new" README.md
	echo "README.md: rule table, included examples and diagram updated"
elif cmp -s README.md "$table.new" && [ "$svg_ok" = 1 ]; then
	echo "docs-check: 1 passed, 0 failed"
else
	echo "README.md's generated parts are out of date; run 'make readme'" >&2
	diff -u README.md "$table.new" >&2 || true
	echo "docs-check: 0 passed, 1 failed"
	exit 1
fi
