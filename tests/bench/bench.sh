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
jobs=$(nproc 2>/dev/null || echo 1)
squawk=${SQUAWK:-$(command -v squawk || true)}
sqlfluff=${SQLFLUFF:-$(command -v sqlfluff || true)}
others=$(mktemp)
trap 'rm -f "$others"' EXIT
x() { echo "$1 / $2" | bc -l; }
row() {   # label, input for ddlint, files for the bare parse (each parsed on its own)
	label=$1 input=$2
	shift 2
	files=$*   # the set -- below replaces the arguments; these paths have no spaces
	bytes=$(cat "$@" | wc -c)
	p=$($tools/parse_only -r 3 "$@" | cut -d' ' -f1)
	set -- $($tools/measure 3 "$bin" -j 1 --no-config --fail-on never "$input")
	one=$1 mem1=$2
	set -- $($tools/measure 3 "$bin" -j "$jobs" --no-config --fail-on never "$input")
	printf '%-40s %6.1f %8.3f %8.3f %6.2fx %8.3f %6.2fx %8.1f %6.1fx\n' "$label" "$(x "$bytes" 1048576)" "$p" "$one" \
		"$(x "$one" "$p")" "$1" "$(x "$1" "$p")" "$(x "$mem1" 1024)" "$(x "$mem1 * 1024" "$bytes")"
	# other linters on the same input, when installed (their own exit status is ignored);
	# squawk 2.66 ran for more than 9 minutes on the 11 MB file before it was stopped, so
	# it gets the inputs up to 1 MB (SQUAWK_MAX_BYTES)
	if [ -n "$squawk" ] && [ "$bytes" -le "${SQUAWK_MAX_BYTES:-1100000}" ]; then
		# shellcheck disable=SC2086
		s=$($tools/measure -a 1 "$squawk" $files | cut -d' ' -f1)   # the files: squawk does not walk a directory
		printf '%-40s squawk   %9.3f s  %7.1fx ddlint -j 1\n' "$label" "$s" "$(x "$s" "$one")" >> "$others"
	fi
}
printf 'ddlint -j 1 (one core) and -j %s (this machine'"'"'s cores) against the bare parse; peak memory of -j 1\n' "$jobs"
printf '%-40s %6s %8s %8s %7s %8s %7s %8s %7s\n' input MiB "parse s" "-j1 s" ratio "-j$jobs s" ratio "peak MiB" "mem/in"
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
row "migration directory (1,000 ups, 1,000 downs)" "$work/migrations1000" "$work"/migrations1000/*.sql
# ddlint verify on the same directory, with the function its triggers call as migration 0000:
# a temporary PostgreSQL started, every migration up, down and up again, the catalog compared
if [ ! -d "$work/verify1000" ]; then
	mkdir -p "$work/verify1000"
	cp "$work"/migrations1000/*.sql "$work/verify1000/"
	sh tests/bench/gen.sh 0 > "$work/verify1000/0000_set_updated_at.up.sql"
	printf 'DROP FUNCTION set_updated_at();\n' > "$work/verify1000/0000_set_updated_at.down.sql"
fi
if command -v pg_config >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
	set -- $($tools/measure -a 1 "$bin" verify --no-config --temp-server "$work/verify1000")
	printf 'ddlint verify --temp-server, 1,001 migrations up, down, up (server start-up included): %.1f s (target: under 60)\n' "$1"
else
	echo "ddlint verify: no PostgreSQL server programs, not timed"
fi
sh tests/bench/gen.sh 200 > "$work/m2000.sql"   # 2,001 lines
set -- $($tools/measure 10 "$bin" --no-config --fail-on never "$work/m2000.sql")
printf 'start-up and a 2,000-line migration: %.1f ms (best of 10)\n' "$(echo "$1 * 1000" | bc -l)"
# the same file with its last statement cut: the statement-by-statement path an editor hits while typing
head -n 1995 "$work/m2000.sql" > "$work/m2000-broken.sql"
set -- $($tools/measure 10 "$bin" --no-config --fail-on never "$work/m2000-broken.sql")
printf 'the same, last statement broken: %.1f ms (best of 10)\n' "$(echo "$1 * 1000" | bc -l)"
# the language server: a keystroke (didChange) to its diagnostics (publishDiagnostics), each
# waited for, median of 30; the first lint (didOpen) apart: it reads and parses the context
set -- $(python3 tests/bench/lsp_latency.py "$bin" "$work/m2000.sql" 30)
printf 'ddlint lsp, a keystroke in that 2,000-line file to its diagnostics: %.1f ms median (min %.1f, max %.1f; first lint %.1f)\n' "$2" "$3" "$4" "$1"
set -- $(python3 tests/bench/lsp_latency.py "$bin" "$work/migrations1000/1000_create_items_1000.up.sql" 30)
printf 'ddlint lsp, a keystroke in the last of the 1,000 migrations: %.1f ms median (min %.1f, max %.1f; first lint %.1f)\n' "$2" "$3" "$4" "$1"
set -- $($tools/measure 10 "$bin" --version)
printf 'start-up alone (ddlint --version): %.1f ms (best of 10)\n' "$(echo "$1 * 1000" | bc -l)"
# ddlint erd: each format on 10,000 and 21,000 generated tables (a linear cost doubles), best of 3,
# with the lint's own time on the same file beside it (erd replays and lints first)
printf 'ddlint erd, best of 3: seconds and peak MiB for 10,000 / 21,000 tables (the lint alone: %s)\n' \
	"$($tools/measure 3 "$bin" -j "$jobs" --no-config --fail-on never "$work/gen10mb.sql" | awk '{printf "%.3f s", $1}')"
for f in mermaid dbml dot plantuml; do
	set -- $($tools/measure 3 "$bin" erd -j "$jobs" --no-config --format $f "$work/tables10000.sql")
	a=$1 ma=$2
	set -- $($tools/measure 3 "$bin" erd -j "$jobs" --no-config --format $f "$work/gen10mb.sql")
	printf '  erd --format %-9s %8.3f s %7.1f MiB  /  %8.3f s %7.1f MiB  (%.2fx the time for 2.1x the tables)\n' \
		"$f" "$a" "$(x "$ma" 1024)" "$1" "$(x "$2" 1024)" "$(x "$1" "$a")"
done
# ddlint docs (which lints too, for the findings on each table's page) on 21,000 tables: one
# page a table; the target is under 10 s (the diagram is not drawn above 400 tables)
rm -rf "$work/docs-html" "$work/docs-md"
for f in html markdown; do
	d=$work/docs-$f
	set -- $($tools/measure 1 "$bin" docs -j "$jobs" --no-config --format $f --output "$d" "$work/gen10mb.sql")
	w=$1 m=$2
	set -- $($tools/measure 1 "$bin" docs -j "$jobs" --no-config --format $f --output "$d" --check "$work/gen10mb.sql")
	printf 'ddlint docs --format %-8s 21,000 tables: %8.3f s %7.1f MiB; --check %8.3f s\n' "$f" "$w" "$(x "$m" 1024)" "$1"
done
rm -rf "$work/docs-html" "$work/docs-md"
# what the cores of this machine give right now: one CPU-bound process, then one per core at once
set -- $($tools/measure 3 $tools/spin 1)
s1=$1
set -- $($tools/measure 3 $tools/spin "$jobs")
printf 'this machine now: %s CPU-bound processes at once take %.2fx the time of one (1.00: every core free)\n' \
	"$jobs" "$(x "$1" "$s1")"
if [ -n "$sqlfluff" ]; then
	# sqlfluff skips files over 20,000 bytes unless told otherwise, and takes minutes on one
	# that size: it gets a 20,000-byte slice of the 2,000-line migration, as does ddlint
	head -c 20000 "$work/m2000.sql" | sed '$d' > "$work/slice20k.sql"
	printf '[sqlfluff]\nlarge_file_skip_byte_limit = 0\n' > "$work/sqlfluff.cfg"
	d=$($tools/measure 3 "$bin" -j 1 --no-config --fail-on never "$work/slice20k.sql" | cut -d' ' -f1)
	s=$($tools/measure -a 1 "$sqlfluff" lint --config "$work/sqlfluff.cfg" --dialect postgres --processes 1 "$work/slice20k.sql" | cut -d' ' -f1)
	printf '%-40s sqlfluff %9.3f s  %7.1fx ddlint -j 1 (%.3f s)\n' "20,000 bytes of that migration" "$s" "$(x "$s" "$d")" "$d" >> "$others"
fi
if [ -s "$others" ]; then
	echo "other linters on the same inputs (best of 1, wall time):"
	cat "$others"
fi
[ -n "$squawk" ] || echo "squawk: not installed, not timed (npm install squawk-cli, or SQUAWK=path)"
[ -n "$sqlfluff" ] || echo "sqlfluff: not installed, not timed (apt-get install sqlfluff, or SQLFLUFF=path)"
