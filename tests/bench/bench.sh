#!/bin/sh
# make bench: ddlint's full lint against the bare cost of parsing the same input with
# libpg_query (parse + unpack), measured in one run, best of 3, as ratios.
set -eu
B=${BUILD:-build}
bin=$B/ddlint
tools=$B/bench
corpus=${CORPUS:-../shared/corpus}
work=$tools/inputs
mkdir -p "$work"
[ -f "$work/gen10mb.sql" ] || sh tests/bench/gen.sh 21000 > "$work/gen10mb.sql"
for n in 1000 10000 100000; do
	[ -f "$work/tables$n.sql" ] || sh tests/bench/gen.sh $n > "$work/tables$n.sql"
done
if [ ! -d "$work/migrations1000" ]; then
	mkdir -p "$work/migrations1000"
	i=1
	while [ $i -le 1000 ]; do
		v=$(printf '%04d' $i)
		{ echo "BEGIN;"; sh tests/bench/gen.sh 1 | sed "s/items_0_records/items_${i}_records/g; s/items_0_record_id uuid REFERENCES items_${i}_records (id),//; s/CREATE INDEX.*//; s/^CREATE FUNCTION.*//"; echo "COMMIT;"; } > "$work/migrations1000/${v}_create_items_$i.up.sql"
		printf 'BEGIN;\nDROP TABLE items_%s_records;\nCOMMIT;\n' "$i" > "$work/migrations1000/${v}_create_items_$i.down.sql"
		i=$((i + 1))
	done
	cat "$work"/migrations1000/*.up.sql > "$work/migrations1000.all"
fi
row() {   # label, input for ddlint, file for the bare parse
	label=$1 input=$2 parse_file=$3
	bytes=$(wc -c < "$parse_file")
	p=$($tools/parse_only "$parse_file" 3 | cut -d' ' -f1)
	set -- $($tools/measure 3 "$bin" --no-config --fail-on never "$input")
	printf '%-44s %9.1f %9.3f %9.3f %6.2fx %9.1f %6.1fx\n' "$label" "$(echo "$bytes / 1048576" | bc -l)" "$p" "$1" \
		"$(echo "$1 / $p" | bc -l)" "$(echo "$2 / 1024" | bc -l)" "$(echo "$2 * 1024 / $bytes" | bc -l)"
}
printf '%-44s %9s %9s %9s %7s %9s %7s\n' input MiB "parse s" "lint s" ratio "peak MiB" "mem/in"
row "generated DDL (21,000 tables)" "$work/gen10mb.sql" "$work/gen10mb.sql"
for n in 1000 10000 100000; do
	row "generated DDL ($n tables)" "$work/tables$n.sql" "$work/tables$n.sql"
done
# the largest corpus schemas that parse as a whole (a file with a syntax error is linted
# statement by statement, which the bare parse cannot match)
n=0
for f in $(ls -S $(find "$corpus/schemas" -name '*.sql' 2>/dev/null) 2>/dev/null); do
	[ "$(cut -d' ' -f2 <<EOF2
$($tools/parse_only "$f" 1)
EOF2
)" -gt 0 ] || continue
	row "corpus ${f#$corpus/}" "$f" "$f"
	n=$((n + 1))
	[ $n -lt 3 ] || break
done
row "migration directory (1,000 files)" "$work/migrations1000" "$work/migrations1000.all"
sh tests/bench/gen.sh 200 > "$work/m2000.sql"   # 2,001 lines
set -- $($tools/measure 10 "$bin" --no-config --fail-on never "$work/m2000.sql")
printf 'start-up and a 2,000-line migration: %.1f ms (best of 10)\n' "$(echo "$1 * 1000" | bc -l)"
# the same file with its last statement cut: the statement-by-statement path an editor hits while typing
head -n 1995 "$work/m2000.sql" > "$work/m2000-broken.sql"
set -- $($tools/measure 10 "$bin" --no-config --fail-on never "$work/m2000-broken.sql")
printf 'the same, last statement broken: %.1f ms (best of 10)\n' "$(echo "$1 * 1000" | bc -l)"
for other in squawk sqlfluff; do
	command -v $other >/dev/null 2>&1 && echo "$other is installed: time it with the same inputs" || echo "$other: not installed, not timed"
done
