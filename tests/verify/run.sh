#!/bin/sh
# ddlint verify against a real PostgreSQL 15 (make check-verify, part of make check).
#   Fixtures: each directory here is a migration directory; `ddlint verify --temp-server DIR`
#   must print exactly DIR.expected (ok-* directories: nothing), and leave no server behind.
#   Bad input: a server that is not there, a wrong password, a database that is not empty, a
#   migration that waits on a lock (--statement-timeout), Ctrl-C in the middle: each ends with
#   a clear message and leaves no server or scratch database behind.
# UPDATE=1 writes the .expected files instead (review the diff).
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
UPDATE=${UPDATE:-}
root=$(pwd)
here=$root/tests/verify
. "$root/tests/cli/lib.sh"
. "$root/tests/pg/server.sh"
work=$(mktemp -d)
trap 'pg_stop; rm -rf "$work"' EXIT

# no /tmp/ddlint-verify-<pid>-* directory (a temporary server's) may outlive its ddlint
no_leftovers() {
	for d in /tmp/ddlint-verify-*-*; do
		[ -e "$d" ] || continue
		pid=${d#/tmp/ddlint-verify-}
		pid=${pid%%-*}
		kill -0 "$pid" 2>/dev/null && continue   # a ddlint still running (another run's)
		echo "left behind: $d"
		return 1
	done
	return 0
}

cd "$here"
for dir in */; do
	dir=${dir%/}
	expected=$here/$dir.expected
	schema=
	[ -f "$here/$dir.schema.sql" ] && schema="--schema $dir.schema.sql"   # a committed schema to compare with
	# shellcheck disable=SC2086
	(cd "$here" && $DDLINT verify --no-config --no-color --temp-server $schema "$dir") > "$work/out" 2> "$work/err"
	st=$?
	# model-differs is info: it never fails a build
	case "$dir" in ok-*|model-differs) want=0 ;; *) want=1 ;; esac
	case "$dir" in
	ok-*) : > "$work/expected" ;;
	*)	[ -n "$UPDATE" ] && cp "$work/out" "$expected"
		cp "$expected" "$work/expected" 2>/dev/null || : > "$work/expected" ;;
	esac
	check "verify $dir: exit status" "$want" "" -- sh -c "exit $st"
	check "verify $dir: findings as expected" 0 "" -- diff "$work/expected" "$work/out"
	check "verify $dir: a summary" 0 "^ddlint verify: [0-9]+ migrations? verified" -- cat "$work/err"
done

# what each case shows beyond its findings
check "a ddlint-disable comment silences a verify finding, and the summary says so" 0 \
	"0 findings \\(and 1 silenced by ddlint-disable comments\\)" -- sh -c "cd '$here' && $DDLINT verify --no-config --temp-server ok-suppressed 2>&1"
check "linting: a comment naming a verify rule is not an unused suppression" 0 "" -- \
	sh -c "cd '$here' && ! $DDLINT --no-config ok-suppressed | grep unused-suppression"
check "no down: applied up only, and said" 0 "3 applied up only \\(no down\\)" -- sh -c "
	mkdir -p '$work/plain' && cp '$here'/ok-all-good/*.up.sql '$work/plain/' &&
	for f in '$work'/plain/*.up.sql; do mv \"\$f\" \"\${f%.up.sql}.sql\"; done &&
	cd '$work' && $DDLINT verify --no-config --temp-server plain 2>&1"
check "--from: earlier migrations only applied" 1 "2 migrations verified \\(up, down, up\\), 1 earlier or unchanged applied up only" -- \
	sh -c "cd '$here' && $DDLINT verify --no-config --temp-server --from 0002 down-fails 2>&1"
check "--to: none run after it" 0 "1 migration verified \\(up, down, up\\), 2 not run" -- \
	sh -c "cd '$here' && $DDLINT verify --no-config --temp-server --to 0001 down-fails 2>&1"
check "--changed-since: only the migrations changed are verified" 0 "1 migration verified \\(up, down, up\\), 1 earlier or unchanged applied up only" -- sh -c "
	mkdir -p '$work/repo/db' && cd '$work/repo' && git init -q . &&
	cp '$here'/ok-all-good/0001_* db/ && git add db && git -c user.name=t -c user.email=t@t commit -qm one &&
	cp '$here'/ok-all-good/0002_* db/ && $DDLINT verify --no-config --temp-server --changed-since HEAD db 2>&1"
for fmt in json sarif github gitlab junit; do
	check "verify --format $fmt" 1 "verify/up-fails" -- sh -c "cd '$here' && $DDLINT verify --no-config --temp-server --format $fmt up-fails 2>/dev/null"
done
check "verify --format json is JSON with the SQLSTATE" 0 "42703" -- sh -c "cd '$here' && $DDLINT verify --no-config --temp-server --format json up-fails 2>/dev/null |
	python3 -c 'import json, sys; d = json.load(sys.stdin); print([g[\"message\"] for g in d[\"diagnostics\"]])'"
check "verify --format junit is XML" 0 "" -- sh -c "cd '$here' && $DDLINT verify --no-config --temp-server --format junit up-fails 2>/dev/null | xmllint --noout -"
check "--schema: a file PostgreSQL rejects" 1 "^bad-schema.sql:2:8: error: PostgreSQL rejects the schema file: syntax error at or near \"TABL\" \\[SQLSTATE 42601\\] \\[verify/schema-drift\\]" -- \
	sh -c "cd '$work' && printf 'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABL oops ();\n' > bad-schema.sql &&
	$DDLINT verify --no-config --no-color --temp-server --schema bad-schema.sql '$here/ok-all-good' 2>&1"
check "--schema: needs a server to create a database on" 2 "^ddlint: --schema loads the schema into a second scratch database" -- \
	$DDLINT verify --no-config --database "host=/nowhere dbname=x" --schema schema-drift.schema.sql schema-drift
check "verify: no server or directory left behind by the fixtures" 0 "" -- no_leftovers

# ---- usage ----
check "verify: needs a place to run" 2 "^ddlint: verify needs where to run the migrations: --temp-server .* or --database CONNINFO" -- $DDLINT verify ok-all-good
check "verify: --create-database needs --database" 2 "^ddlint: --create-database goes with --database" -- $DDLINT verify --temp-server --create-database ok-all-good
check "verify: not a migration directory" 2 "verify found no migrations" -- sh -c "printf 'CREATE TABLE t (id int);\n' > '$work/schema.sql'; $DDLINT verify --no-config --temp-server '$work/schema.sql' 2>&1; exit \$?"
check "verify: --pg-bin without the programs" 2 "^ddlint: --pg-bin '/nonexistent' has no initdb and pg_ctl" -- $DDLINT verify --temp-server --pg-bin /nonexistent ok-all-good
check "verify: --statement-timeout takes seconds" 2 "^ddlint: --statement-timeout takes seconds" -- $DDLINT verify --temp-server --statement-timeout soon ok-all-good

# ---- a server of our own for the bad input ----
if ! pg_start; then
	echo "check-verify: cannot start PostgreSQL from $PGBIN"
	echo "check-verify: $pass passed, $((fail + 1)) failed"
	exit 1
fi
base="host=$PGHOST port=$PGPORT user=$PGUSER"
check "--database: an empty database" 1 "verify/down-fails" -- sh -c "createdb empty1 && $DDLINT verify --no-config --database '$base dbname=empty1' down-fails"
check "--database: not reachable" 2 "^ddlint: cannot connect to the server: .*(No such file|could not connect|failed)" -- \
	$DDLINT verify --no-config --database "host=$work/nowhere port=1 user=x dbname=x" ok-all-good
# a user with a password, checked by the server (scram) on the socket
psql -X -q -c "CREATE ROLE pwuser LOGIN PASSWORD 'right'" >/dev/null
as_owner sh -c "{ echo 'local all pwuser scram-sha-256'; cat '$PGTMP/data/pg_hba.conf'; } > '$PGTMP/data/pg_hba.new' && mv '$PGTMP/data/pg_hba.new' '$PGTMP/data/pg_hba.conf'"
psql -X -q -c "SELECT pg_reload_conf()" >/dev/null
check "--database: a wrong password" 2 "^ddlint: cannot connect to the server: .*password authentication failed for user \"pwuser\"" -- \
	$DDLINT verify --no-config --database "host=$PGHOST port=$PGPORT user=pwuser password=wrong dbname=postgres" ok-all-good
createdb full
psql -X -q -d full -c "CREATE TABLE already_here (id int)" >/dev/null
check "--database: not empty" 2 "^ddlint: the database is not empty \\(1 relation, public.already_here among them\\)" -- \
	$DDLINT verify --no-config --database "$base dbname=full" ok-all-good
check "--database: --allow-nonempty" 0 "3 migrations verified" -- sh -c "$DDLINT verify --no-config --allow-nonempty --database '$base dbname=full' ok-all-good 2>&1"
check "--create-database: a scratch database, dropped after" 1 "verify/down-fails" -- $DDLINT verify --no-config --create-database --database "$base dbname=postgres" down-fails
check "--create-database: no scratch database left" 0 "^0$" -- psql -X -At -c "SELECT count(*) FROM pg_database WHERE datname LIKE 'ddlint_verify_%'"

# Snapshots read only what each migration touched in a database verify made itself (event triggers,
# as a superuser), and the whole catalog elsewhere: every fixture must give the same findings both
# ways (tracking/ holds the changes a reading by touched objects could miss).
for dir in */; do
	dir=${dir%/}
	db=whole_$(echo "$dir" | tr -c 'a-z0-9\n' _)
	createdb "$db"
	$DDLINT verify --no-config --no-color --create-database --database "$base dbname=postgres" "$dir" > "$work/tracked" 2> "$work/tracked.err"
	$DDLINT verify --no-config --no-color --database "$base dbname=$db" "$dir" > "$work/whole" 2> "$work/whole.err"
	check "verify $dir: the same findings with tracked and whole-catalog snapshots" 0 "" -- diff "$work/whole" "$work/tracked"
	check "verify $dir: tracked snapshots (no note on reading the whole catalog)" 1 "" -- grep -q "read whole" "$work/tracked.err"
done
# a role that may not create event triggers: whole-catalog snapshots, and the summary says why
psql -X -q -c "CREATE ROLE plainuser LOGIN CREATEDB" >/dev/null
$DDLINT verify --no-config --no-color --create-database --database "host=$PGHOST port=$PGPORT user=plainuser dbname=postgres" down-not-inverse \
	> "$work/plain.out" 2> "$work/plain.err"
check "--create-database without superuser: the summary says the catalog is read whole" 0 \
	"the catalog is read whole at each snapshot \\(slower\\): .*permission denied" -- cat "$work/plain.err"
check "--create-database without superuser: the same findings" 0 "" -- diff "$here/down-not-inverse.expected" "$work/plain.out"
# a migration that drops verify's own schema: the snapshots go on, reading the whole catalog
mkdir -p "$work/droptrack"
printf 'CREATE TABLE t (id int PRIMARY KEY);\n' > "$work/droptrack/0001_t.up.sql"
printf 'DROP TABLE t;\n' > "$work/droptrack/0001_t.down.sql"
printf 'DROP SCHEMA IF EXISTS _ddlint_verify CASCADE;\nALTER TABLE t ADD COLUMN a int;\n' > "$work/droptrack/0002_a.up.sql"
printf 'ALTER TABLE t DROP COLUMN a;\n' > "$work/droptrack/0002_a.down.sql"
printf 'ALTER TABLE t ADD COLUMN b int;\n' > "$work/droptrack/0003_b.up.sql"
printf 'SELECT 1;\n' > "$work/droptrack/0003_b.down.sql"
check "a migration drops the tracking: the next changes are still seen" 1 \
	"0003_b.down.sql:1:1: error: the down does not restore the schema .*table public.t" -- \
	$DDLINT verify --no-config --no-color --create-database --database "$base dbname=postgres" "$work/droptrack"
# a lock held by another session: the migration waits, the timeout ends it
mkdir -p "$work/locked"
printf 'CREATE TABLE jobs (id int PRIMARY KEY);\n' > "$work/locked/0001_jobs.up.sql"
printf 'DROP TABLE jobs;\n' > "$work/locked/0001_jobs.down.sql"
printf 'ALTER TABLE jobs ADD COLUMN queue text;\n' > "$work/locked/0002_queue.up.sql"
printf 'ALTER TABLE jobs DROP COLUMN queue;\n' > "$work/locked/0002_queue.down.sql"
createdb lockdb
psql -X -q -d lockdb -c "CREATE TABLE jobs (id int PRIMARY KEY)" >/dev/null
# SHARE: the catalog can still be read, ALTER TABLE waits
psql -X -q -d lockdb -c "BEGIN; LOCK TABLE jobs IN SHARE MODE; SELECT pg_sleep(20); COMMIT;" >/dev/null 2>&1 &
locker=$!
sleep 1
mkdir -p "$work/locked2" && cp "$work/locked/0002_queue.up.sql" "$work/locked/0002_queue.down.sql" "$work/locked2/"
check "--statement-timeout: a migration waiting on a lock is cancelled" 1 "0002_queue.up.sql:1:1: error: PostgreSQL rejects the up of migration 0002: canceling statement due to statement timeout \\[SQLSTATE 57014\\]" -- \
	$DDLINT verify --no-config --allow-nonempty --statement-timeout 1 --database "$base dbname=lockdb" "$work/locked2"
kill "$locker" 2>/dev/null
wait "$locker" 2>/dev/null
# Ctrl-C in the middle of a slow migration: the query is cancelled, everything is removed
mkdir -p "$work/slow"
printf 'CREATE TABLE a (id int);\nSELECT pg_sleep(30);\n' > "$work/slow/0001_slow.up.sql"
printf 'DROP TABLE a;\n' > "$work/slow/0001_slow.down.sql"
sigint() {   # sigint OPTIONS...: ddlint verify in the background, SIGINT once the slow statement runs
	$DDLINT verify --no-config "$@" "$work/slow" > "$work/sig.out" 2>&1 &
	pid=$!
	i=0
	while [ $i -lt 100 ] && ! psql -X -At -c "SELECT 1 FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%'" 2>/dev/null | grep -q 1; do
		[ "$1" = --temp-server ] && [ $i -gt 30 ] && break   # its own server: not visible from here
		sleep 0.2
		i=$((i + 1))
	done
	[ "$1" = --temp-server ] && sleep 2
	kill -INT "$pid"
	wait "$pid"
	st=$?
	cat "$work/sig.out"
	return $st
}
check "SIGINT with --create-database: interrupted" 130 "^ddlint: interrupted; the scratch database is removed" -- sigint --create-database --database "$base dbname=postgres"
check "SIGINT with --create-database: no scratch database left" 0 "^0$" -- psql -X -At -c "SELECT count(*) FROM pg_database WHERE datname LIKE 'ddlint_verify_%'"
check "SIGINT with --temp-server: interrupted" 130 "^ddlint: interrupted; the scratch database and the server are removed" -- sigint --temp-server
check "SIGINT with --temp-server: no server or directory left behind" 0 "" -- no_leftovers

echo "check-verify: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
