#!/bin/sh
# Lint every .sql file of ../shared/corpus, one run per file, and fail on a crash,
# a sanitizer report, or anything on stderr other than the summary line.
# Every parse failure must come out as a syntax-error diagnostic with a position.
set -u
bin=$1
corpus=${CORPUS:-../shared/corpus}
if [ ! -d "$corpus" ]; then
	echo "corpus: $corpus not found, skipped"
	exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
find "$corpus" -name '*.sql' -type f | LC_ALL=C sort > "$out/files"
total=$(wc -l < "$out/files")
# shellcheck disable=SC2016
xargs -P "$(nproc)" -I{} sh -c '
	f="$1"; bin="$2"; out="$3"
	"$bin" --no-color --format json "$f" > "$out/last.$$.json" 2> "$out/last.$$.err"
	status=$?
	if [ $status -gt 1 ] || grep -qv "^[0-9]* errors\?, [0-9]* warnings\?, [0-9]* infos\? in" "$out/last.$$.err"; then
		{ echo "FAIL $f (exit $status)"; sed "s/^/    /" "$out/last.$$.err" | head -20; } >> "$out/failures"
	fi
	# a syntax error always has a line and column
	if grep -q "\"line\": 0" "$out/last.$$.json"; then echo "FAIL $f: diagnostic without a position" >> "$out/failures"; fi
	grep -c "\"rule\": \"syntax-error\"" "$out/last.$$.json" >> "$out/syntax"
' _ {} "$bin" "$out" < "$out/files"
syntax=$(awk '{ s += $1 } END { print s + 0 }' "$out/syntax")
if [ -s "$out/failures" ]; then
	cat "$out/failures"
	echo "corpus: $(grep -c '^FAIL' "$out/failures") failed of $total files"
	exit 1
fi
echo "corpus: $total passed, 0 failed ($syntax syntax errors reported with positions)"
