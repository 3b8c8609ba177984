#!/bin/sh
# Truth: what ddlint believes about a schema against what PostgreSQL 15 builds from it.
# For every fixture PostgreSQL accepts, and the corpus schemas that load into an empty
# database: the model (`ddlint dump`) against the catalog, four rules against catalog
# queries, the statements the server rejects against the rules that exist for them,
# and the findings on a pg_dump of each database against the findings on its source.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
root=$(pwd)
here=$root/tests/pg
work=$(mktemp -d)
. "$root/tests/cli/lib.sh"
. "$here/server.sh"
trap 'pg_stop; rm -rf "$work"' EXIT
if ! pg_start; then
	echo "check-pg: cannot start PostgreSQL from $PGBIN"
	echo "check-pg: 0 passed, 1 failed"
	exit 1
fi
cd "$work"
mkdir .git
db=0
loaded=0
rejected=0

# load FILE: into a fresh database $dbname; 0 when PostgreSQL accepts all of it
load() {
	db=$((db + 1))
	dbname=t$db
	createdb "$dbname" && psql -q -X -v ON_ERROR_STOP=1 -d "$dbname" -f "$1" >"$work/load.log" 2>&1
}

# compare LABEL FILE: the model, the findings, and the dump of database $dbname
compare() {
	label=$1 file=$2
	psql -X -At -d "$dbname" -f "$here/catalog.sql" | LC_ALL=C sort > catalog.txt
	check "model = catalog: $label" 0 "" -- through 0 'node "$here/listing.js" | LC_ALL=C sort | diff catalog.txt -' -- \
		$DDLINT model --no-config "$file"
	psql -X -At -d "$dbname" -f "$here/findings.sql" | LC_ALL=C sort > expected.txt
	check "rules = catalog queries: $label" 0 "" -- through 0 'node "$here/objects.js" schema/primary-key index/foreign-key \
		types/timestamptz types/jsonb | LC_ALL=C sort | diff expected.txt -' -- $DDLINT --no-config --format json --fail-on never "$file"
	# pg_dump of the database gets the same findings as its source; what a dump cannot
	# show (identifier case as written, names cut to 63 bytes, where objects were written)
	# is left out: naming/snake-case, naming/identifier-length; migration/* need a directory
	pg_dump --schema-only --no-owner --no-privileges -d "$dbname" > dump.sql
	same="naming/table-plural naming/reserved-word naming/index-name naming/constraint-name naming/primary-key-column
	      naming/boolean-prefix naming/timestamp-suffix naming/foreign-key-column naming/enum-suffix
	      schema/primary-key schema/audit-columns schema/soft-delete schema/updated-at-trigger schema/unknown-reference
	      index/foreign-key index/redundant index/jsonb-gin types/timestamptz types/money types/jsonb
	      types/primary-key-type types/varchar types/foreign-key-type"
	check "findings on the source: $label" 0 "" -- through 0 'node "$here/objects.js" $same | LC_ALL=C sort > source.txt' -- \
		$DDLINT --no-config --format json --fail-on never "$file"
	check "pg_dump gets the source's findings: $label" 0 "" -- through 0 'node "$here/objects.js" $same | LC_ALL=C sort | diff source.txt -' -- \
		$DDLINT --no-config --format json --fail-on never dump.sql
}

# --- every fixture that PostgreSQL accepts ---
for f in $(find "$root/tests/rules" "$root/tests/model" "$root/examples" -name '*.sql' -type f | LC_ALL=C sort); do
	case "$f" in */bad-*/*|*/ok-*/*) continue ;; esac   # directories are migration sets
	# a file ddlint cannot parse (status 1) is not modelled past the error: nothing to compare
	check "ddlint reads ${f#$root/}" "0|1" "" -- $DDLINT --no-config --select syntax-error "$f"
	[ "$status" -eq 0 ] || continue
	if load "$f"; then
		loaded=$((loaded + 1))
		compare "${f#$root/}" "$f"
	else
		rejected=$((rejected + 1))
	fi
	dropdb "$dbname" 2>/dev/null
done
echo "check-pg: $loaded fixtures loaded and compared, $rejected rejected by PostgreSQL (not comparable)"
check "most fixtures load" 0 "" -- test "$loaded" -ge 20

# --- corpus schemas that apply cleanly to an empty database ---
corpus=${CORPUS:-$root/../shared/corpus}/schemas
schemas=0
if [ -d "$corpus" ]; then
	for f in northwind/northwind.sql pagila/pagila-schema.sql sakila/postgres-sakila-schema.sql \
		 openstreetmap/structure.sql danbooru/structure.sql hatchet/v1-core.sql hatchet/v0.sql \
		 postgrest_fixtures/spec/fixtures/schema.sql lago/structure.sql supabase_postgres/schema-15.sql \
		 neon_sample_dbs/pagila.sql neon_sample_dbs/chinook.sql neon_sample_dbs/periodic_table.sql \
		 neon_sample_dbs/titanic.sql neon_sample_dbs/happiness_index.sql; do
		[ -f "$corpus/$f" ] || continue
		if load "$corpus/$f"; then
			schemas=$((schemas + 1))
			compare "corpus $f" "$corpus/$f"
		else
			echo "corpus $f: does not load into an empty database ($(grep -m1 ERROR "$work/load.log" | cut -c1-100))"
		fi
		dropdb "$dbname" 2>/dev/null
	done
	check "at least five corpus schemas compared" 0 "" -- test "$schemas" -ge 5
	echo "check-pg: $schemas corpus schemas compared"
fi

# --- statements the parser accepts and the server rejects: the rules that exist for them ---
rejects() {
	label=$1 rule=$2 sql=$3
	printf '%s\n' "$sql" > case.sql
	createdb rj && psql -q -X -v ON_ERROR_STOP=1 -d rj -f case.sql >case.log 2>&1
	st=$?
	dropdb rj
	check "server rejects: $label" 0 "" -- test "$st" -ne 0
	check "ddlint reports it: $label" 1 "\\[$rule\\]" -- $DDLINT --no-config --select "$rule" case.sql
}
rejects "index on a missing column" schema/unknown-reference \
	"CREATE TABLE users (id uuid PRIMARY KEY, email text); CREATE INDEX idx_users_email_address ON users (email_address);"
rejects "foreign key to a missing column" schema/unknown-reference \
	"CREATE TABLE users (id uuid PRIMARY KEY); CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid REFERENCES users (uid));"
rejects "a table that was dropped" schema/unknown-reference \
	"CREATE TABLE users (id uuid PRIMARY KEY); DROP TABLE users; ALTER TABLE users ADD COLUMN email text;"
rejects "references a table without a key" schema/unknown-reference \
	"CREATE TABLE codes (code text); CREATE TABLE items (id uuid PRIMARY KEY, code text REFERENCES codes);"
rejects "altering a missing column" schema/unknown-reference \
	"CREATE TABLE users (id uuid PRIMARY KEY); ALTER TABLE users ALTER COLUMN email SET NOT NULL;"
rejects "bigint referencing uuid" types/foreign-key-type \
	"CREATE TABLE teams (id uuid PRIMARY KEY); CREATE TABLE members (id uuid PRIMARY KEY, team_id bigint REFERENCES teams (id));"
rejects "a column added twice" schema/already-exists \
	"CREATE TABLE users (id uuid PRIMARY KEY, email text); ALTER TABLE users ADD COLUMN email text;"
rejects "a table created twice" schema/already-exists \
	"CREATE TABLE users (id uuid PRIMARY KEY); CREATE TABLE users (id uuid PRIMARY KEY);"
rejects "a constraint name used twice on a table" schema/already-exists \
	"CREATE TABLE users (id uuid PRIMARY KEY, age int); ALTER TABLE users ADD CONSTRAINT chk_users_age CHECK (age > 0); ALTER TABLE users ADD CONSTRAINT chk_users_age CHECK (age < 200);"
rejects "CREATE INDEX CONCURRENTLY inside BEGIN" migration/concurrently-in-transaction \
	"CREATE TABLE users (id uuid PRIMARY KEY, email text); BEGIN; CREATE INDEX CONCURRENTLY idx_users_email ON users (email); COMMIT;"

# --- the model's documented limits, pinned: the only differences are the ones the README names ---
pinned() {
	label=$1 sql=$2 expected=$3
	printf '%s\n' "$sql" > pin.sql
	createdb pin && psql -q -X -v ON_ERROR_STOP=1 -d pin -f pin.sql >/dev/null 2>&1
	psql -X -At -d pin -f "$here/catalog.sql" | LC_ALL=C sort > pin-catalog.txt
	dropdb pin
	check "dump: $label" 0 "" -- through 0 'node "$here/listing.js" | LC_ALL=C sort > pin-model.txt' -- $DDLINT model --no-config pin.sql
	LC_ALL=C comm -3 pin-catalog.txt pin-model.txt | sed 's/^\t/model only: /; /^model only/!s/^/catalog only: /' > pin-diff.txt
	check "pinned limit: $label" 0 "^$expected\$" -- sh -c "grep -v '^catalog only: column public.copied_things' pin-diff.txt | tr '\n' '|' | sed 's/|\$//'"
}
pinned "CREATE TABLE AS is not modelled" \
	"CREATE TABLE src_things (id int PRIMARY KEY); CREATE TABLE copied_things AS SELECT * FROM src_things;" \
	"catalog only: table public.copied_things"
pinned "EXECUTE in a DO block (dynamic SQL) is not followed" \
	"CREATE TABLE jobs (id int PRIMARY KEY); DO \$\$ BEGIN EXECUTE 'ALTER TABLE jobs ADD COLUMN queue text'; ALTER TABLE jobs ADD COLUMN attempts int; END \$\$;" \
	"catalog only: column public.jobs.queue type=text notnull=false default=false"


# --- ddlint inspect: lint a live database through pg_dump ---
createdb live
psql -X -q -d live -c "CREATE TABLE orders (id serial PRIMARY KEY, user_id int); CREATE TABLE notes (body text);" >/dev/null
conn="host=$PGHOST port=$PGPORT dbname=live user=$PGUSER"
check "inspect: lints the live schema" 1 "^pg_dump.sql:[0-9]+:[0-9]+: error: table 'public.notes' has no primary key \\[schema/primary-key\\]" -- $DDLINT --no-config inspect "$conn"
check "inspect: objects named in json" 1 '"object": "public.orders.id"' -- $DDLINT --no-config --format json inspect "$conn"
check "inspect: --pg-dump names the program" 1 "schema/primary-key" -- $DDLINT --no-config --pg-dump "$(command -v pg_dump)" inspect "$conn"
check "inspect: missing pg_dump" 2 "^ddlint: cannot run '/no/pg_dump': No such file or directory; install the PostgreSQL client" -- $DDLINT --pg-dump /no/pg_dump inspect "$conn"
check "inspect: refused connection" 2 "^ddlint: pg_dump failed.*connection to server .*failed" -- sh -c "$DDLINT inspect 'host=$PGHOST port=1 dbname=live' 2>&1 | tr '\n' ' '; exit \$(( \$($DDLINT inspect 'host=$PGHOST port=1 dbname=live' >/dev/null 2>&1; echo \$?) ))"
printf '#!/bin/sh\necho "pg_dump: error: aborting because of server version mismatch" >&2\necho "pg_dump: detail: server version: 17.2; pg_dump version: 15.18" >&2\nexit 1\n' > old_pg_dump
chmod +x old_pg_dump
check "inspect: version mismatch" 2 "server version mismatch" -- $DDLINT --pg-dump ./old_pg_dump inspect "$conn"
check "inspect: takes one connection string" 2 "^ddlint: inspect takes one connection string" -- $DDLINT inspect
dropdb live

echo "check-pg: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
