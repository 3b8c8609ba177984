#!/bin/sh
# Findings per rule of the migration directories of a corpus snapshot (tests/corpus-snapshot.sh),
# one line a directory and rule:  sh tests/corpus-counts.sh SNAPDIR [RULE-PREFIX]
# Compare two snapshots with: diff <(sh tests/corpus-counts.sh OLD) <(sh tests/corpus-counts.sh NEW)
set -u
snap=$1
prefix=${2:-}
for f in "$snap"/migrations%*%DIR.json; do
	[ -e "$f" ] || continue
	dir=$(basename "$f" .json)
	dir=${dir#migrations%}
	dir=${dir%%DIR}
	dir=$(printf '%s' "${dir%\%}" | tr '%' '/')
	sed -n 's/^ *"rule": "\(.*\)",$/\1/p' "$f" | grep "^$prefix" | LC_ALL=C sort | uniq -c |
		awk -v d="$dir" '{ printf "%-40s %-40s %5d\n", d, $2, $1 }'
done
