#!/bin/sh
# The module graph of src/ is one-way. Each module has a level; a module may include the headers
# of, and call, only modules of a lower level (and itself). Checked twice: the #include lines of
# the sources, and the symbols each object file uses (nm), so a call through a declaration
# written by hand is caught too.
#   sh scripts/check-layers.sh BUILD_DIR
set -eu
build=${1:-build}
cd "$(dirname "$0")/.."
# module level files...  (the order of README "How ddlint is built")
layers='
util 0 util
value 1 value
inflect 1 inflect
pool 1 pool
source 1 source
parse 2 parse plpgsql grammar parsecache
names 3 names
model 4 model
run 5 run registry
options 6 options
migrate 6 migrate
suppress 6 suppress
report 6 report report/common report/github report/gitlab report/json report/junit report/report report/sarif report/text
config 7 config
ctx 7 ctx defnames txscope locks
lint 8 lint dump
erd 8 erd erd/graph erd/mermaid erd/dbml erd/dot erd/plantuml
docs 9 docs docs/site
cli 10 cli/args cli/baseline cli/changed cli/child cli/commands cli/compliance cli/docs cli/erd cli/inputs cli/main cli/pgdump cli/cli lsp/lsp lsp/lsp_priv lsp/reader lsp/text lsp/server lsp/diag lsp/rename verify/verify verify/server verify/catalog verify/catalog.sql
'
module_of() {   # path without src/ and extension -> module name
	echo "$layers" | awk -v f="$1" 'NF { for (i = 3; i <= NF; i++) if ($i == f) print $1 }'
}
level_of() { echo "$layers" | awk -v m="$1" '$1 == m { print $2 }'; }
bad=0
checked=0
for src in $(find src -name '*.c' -o -name '*.h' | LC_ALL=C sort); do
	f=${src#src/}
	f=${f%.*}
	# model/*.c belong to the model, rules to no module of src
	case "$f" in model/*) f=model ;; migrate/*) f=migrate ;; esac
	m=$(module_of "$f")
	if [ -z "$m" ]; then
		echo "check-layers: $src is in no module (add it to scripts/check-layers.sh)"
		bad=$((bad + 1))
		continue
	fi
	lm=$(level_of "$m")
	for inc in $(sed -n 's/^#include "\([^"]*\)\.h".*/\1/p' "$src"); do
		case "$inc" in ddlint/rule|ddlint|../ddlint) continue ;; esac
		base=$inc
		[ -f "src/cli/$inc.h" ] && [ "${src#src/cli/}" != "$src" ] && base=cli/$inc
		[ -f "src/verify/$inc.h" ] && [ "${src#src/verify/}" != "$src" ] && base=verify/$inc
		[ "$base" = model_priv ] && base=model
		case "$base" in migrate_priv|sections) base=migrate ;; esac
		im=$(module_of "$base")
		[ -n "$im" ] || { echo "check-layers: $src includes $inc.h, of no module"; bad=$((bad + 1)); continue; }
		li=$(level_of "$im")
		checked=$((checked + 1))
		if [ "$im" != "$m" ] && [ "$li" -ge "$lm" ]; then
			echo "check-layers: $src ($m, level $lm) includes $inc.h ($im, level $li)"
			bad=$((bad + 1))
		fi
	done
done
# symbols: who defines what, then who uses what
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for o in $(find "$build/obj/src" "$build/obj/gen" -name '*.o' | LC_ALL=C sort); do
	f=${o#"$build"/obj/}
	f=${f#src/}
	f=${f%.o}
	case "$f" in gen/registry) f=registry ;; model/*) f=model ;; migrate/*) f=migrate ;; esac
	m=$(module_of "$f")
	nm --defined-only -g "$o" | awk -v m="$m" '$2 ~ /[TDRB]/ { print $3, m }' >> "$tmp/defs"
	nm -u "$o" | awk -v m="$m" -v o="$o" '{ print $2, m, o }' >> "$tmp/uses"
done
LC_ALL=C sort -u "$tmp/defs" > "$tmp/defs.s"
while read -r sym um obj; do
	dm=$(awk -v s="$sym" '$1 == s { print $2; exit }' "$tmp/defs.s")
	[ -n "$dm" ] || continue   # a library's symbol, or a rule's
	checked=$((checked + 1))
	if [ "$dm" != "$um" ] && [ "$(level_of "$dm")" -ge "$(level_of "$um")" ]; then
		echo "check-layers: $obj ($um) calls $sym of $dm"
		bad=$((bad + 1))
	fi
done < "$tmp/uses"
if [ "$bad" -ne 0 ]; then
	echo "check-layers: $checked passed, $bad failed"
	exit 1
fi
echo "check-layers: $checked passed, 0 failed"
