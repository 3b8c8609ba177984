#!/bin/sh
# Write the JSON report of every corpus target into OUTDIR, one file a target, for before/after
# comparisons of a change:  sh tests/corpus-snapshot.sh BIN OUTDIR   then   diff -r OLD NEW
# Targets: each .sql file alone, and each directory below corpus/migrations as one run (so the
# migration planning, the context of earlier migrations and the reversibility check are covered).
# Runs at -j 1 and with no config, so nothing but the binary decides the output.
set -u
bin=$1
outdir=$2
corpus=${CORPUS:-../shared/corpus}
if [ ! -d "$corpus" ]; then
	echo "corpus-snapshot: $corpus not found" >&2
	exit 2
fi
mkdir -p "$outdir"
{
	find "$corpus" -name '*.sql' -type f
	find "$corpus/migrations" -type d
} | LC_ALL=C sort > "$outdir/.targets"
# shellcheck disable=SC2016
xargs -P "$(nproc)" -I{} sh -c '
	t="$1"; bin="$2"; out="$3"; corpus="$4"
	name=$(printf "%s" "${t#"$corpus"/}" | tr "/" "%")
	[ -d "$t" ] && name="$name%DIR"
	"$bin" --no-config --no-color -j 1 --format json "$t" > "$out/$name.json" 2> "$out/$name.err"
	echo "exit $?" >> "$out/$name.err"
' _ {} "$bin" "$outdir" "$corpus" < "$outdir/.targets"
echo "corpus-snapshot: $(wc -l < "$outdir/.targets") targets written to $outdir"
