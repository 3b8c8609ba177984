#!/bin/sh
# Truth for the safety/ lock rules: what PostgreSQL 15 really does against what ddlint says.
# Locks: each statement runs in a transaction on a database holding the first migration, and
# the strongest lock it holds on the table ddlint names (or on one of its indexes: REINDEX and
# the planner's index locks) must be the mode safety/lock-timeout reports. Rewrites: the
# table's relfilenode changes exactly when safety/column-type-change, safety/add-column-rewrite
# or safety/table-rewrite report the statement. The server's TimeZone is not UTC, so
# timestamp -> timestamptz rewrites, as ddlint assumes.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
root=$(pwd)
here=$root/tests/pg
. "$root/tests/cli/lib.sh"
. "$here/server.sh"
enter_work
chmod 755 "$work"   # the server's user runs in it too
trap 'pg_stop; rm -rf "$work"' EXIT
if ! pg_start; then
	echo "safety-locks (pg): cannot start PostgreSQL from $PGBIN"
	exit 1
fi
export PGTZ=Europe/Paris
cat > init.sql <<'SQL'
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100), age integer, name text, c3 char(3),
    i integer, n102 numeric(10,2), ts timestamp, ts3 timestamp(3), ci cidr, x xml);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);
CREATE INDEX idx_users_age ON users (age);
CREATE MATERIALIZED VIEW user_ages AS SELECT age FROM users;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
SQL
createdb truth && psql -X -q -v ON_ERROR_STOP=1 -d truth -f init.sql > /dev/null || { echo "safety-locks (pg): init failed"; exit 1; }
printf 'rules:\n  safety/lock-timeout: { severity: warning, lock: ACCESS SHARE }\n' > locks.yml
ranks="ARRAY['AccessShareLock','RowShareLock','RowExclusiveLock','ShareUpdateExclusiveLock','ShareLock','ShareRowExclusiveLock','ExclusiveLock','AccessExclusiveLock']"
n=0

# a migration directory: the schema, then the statement as the next migration
migration() {
	n=$((n + 1))
	rm -rf m && mkdir m && cp init.sql m/0001_init.sql && printf '%s\n' "$1" > m/0002_case.sql
}

# lock STATEMENT: the mode ddlint reports is the one PostgreSQL takes
lock() {
	migration "$1"
	said=$($DDLINT --config locks.yml --no-color --fail-on never m 2>&1 | sed -n 's/.* takes \([A-Z ]*\) on \([^,]*\), which exists.*\[safety\/lock-timeout\]$/\1|\2/p')
	mode=${said%%|*} table=${said#*|}
	table=${table#public.}
	if [ -z "$said" ]; then
		check "lock of: $1" 0 "" -- sh -c "echo 'ddlint reports no lock'; exit 1"
		return
	fi
	# the table and the indexes it has before the statement (not those the statement builds)
	truth=$(psql -X -At -d truth -c "BEGIN" \
		-c "CREATE TEMP TABLE target AS SELECT '\"$table\"'::regclass::oid AS rel UNION SELECT indexrelid FROM pg_index WHERE indrelid = '\"$table\"'::regclass" \
		-c "$1" -c "SELECT upper(regexp_replace(regexp_replace(mode, 'Lock\$', ''), '([a-z])([A-Z])', '\\1 \\2', 'g')) FROM pg_locks l
		WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.relation IN (SELECT rel FROM target)
		ORDER BY array_position($ranks, mode) DESC LIMIT 1" -c "ROLLBACK" 2>&1 | grep -v '^BEGIN$\|^ROLLBACK$\|^SELECT [0-9]*$' | tail -1)
	check "lock of: $1 (ddlint: $mode on $table)" 0 "^$mode\$" -- echo "$truth"
}

# rewrite STATEMENT: PostgreSQL rewrites the table exactly when one of the rewrite rules says so
rewrite() {
	migration "$1"
	table=$2
	said=no
	if $DDLINT --no-config --no-color --fail-on never m 2>&1 | grep -q '\[safety/\(column-type-change\|add-column-rewrite\|table-rewrite\)\]'; then
		said=yes
	fi
	truth=$(psql -X -At -d truth -c "BEGIN" -c "CREATE TEMP TABLE before AS SELECT relfilenode FROM pg_class WHERE relname = '$table'" \
		-c "$1" -c "SELECT CASE WHEN (SELECT relfilenode FROM pg_class WHERE relname = '$table') <> (SELECT relfilenode FROM before) THEN 'yes' ELSE 'no' END" \
		-c "ROLLBACK" 2>&1 | grep -v '^BEGIN$\|^ROLLBACK$\|^SELECT 1$' | tail -1)
	check "rewrite of: $1 (ddlint: $said)" 0 "^$said\$" -- echo "$truth"
}

lock "CREATE INDEX idx_users_email ON users (email);"
lock "CREATE UNIQUE INDEX uq_users_email ON users (email);"
lock "DROP INDEX idx_users_age;"
lock "REINDEX TABLE users;"
lock "REINDEX INDEX idx_users_age;"
lock "ALTER TABLE users ADD COLUMN nickname text;"
lock "ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id);"
lock "ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;"
lock "ALTER TABLE users ADD CONSTRAINT chk_users_age CHECK (age >= 0);"
lock "ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email);"
lock "ALTER TABLE users ADD CONSTRAINT ex_users_age EXCLUDE USING btree (age WITH =);"
lock "ALTER TABLE users ALTER COLUMN email SET NOT NULL;"
lock "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;"
lock "ALTER TABLE users ALTER COLUMN email SET DEFAULT 'x';"
lock "ALTER TABLE users ALTER COLUMN i TYPE bigint;"
lock "ALTER TABLE users ALTER COLUMN age SET STATISTICS 200;"
lock "ALTER TABLE users SET (fillfactor = 70);"
lock "ALTER TABLE users CLUSTER ON idx_users_age;"
lock "ALTER TABLE users DISABLE TRIGGER ALL;"
lock "ALTER TABLE users DROP COLUMN name;"
lock "ALTER TABLE users RENAME COLUMN name TO full_name;"
lock "ALTER TABLE users RENAME TO people;"
lock "ALTER TABLE users SET UNLOGGED;"
lock "CREATE TRIGGER trg_users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();"
lock "TRUNCATE users;"
lock "DROP TABLE orders;"
lock "LOCK TABLE users IN SHARE MODE;"
lock "LOCK TABLE users;"
lock "CLUSTER users USING idx_users_age;"
lock "REFRESH MATERIALIZED VIEW user_ages;"
lock "CREATE TABLE carts (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));"
lock "CREATE TABLE carts (id bigint PRIMARY KEY, user_id bigint, FOREIGN KEY (user_id) REFERENCES users);"
lock "UPDATE users SET age = 1;"
lock "DELETE FROM users WHERE age < 0;"

rewrite "ALTER TABLE users ALTER COLUMN email TYPE varchar(200);" users
rewrite "ALTER TABLE users ALTER COLUMN email TYPE text;" users
rewrite "ALTER TABLE users ALTER COLUMN email TYPE varchar(50);" users
rewrite "ALTER TABLE users ALTER COLUMN name TYPE varchar;" users
rewrite "ALTER TABLE users ALTER COLUMN name TYPE varchar(20);" users
rewrite "ALTER TABLE users ALTER COLUMN n102 TYPE numeric(14,2);" users
rewrite "ALTER TABLE users ALTER COLUMN n102 TYPE numeric;" users
rewrite "ALTER TABLE users ALTER COLUMN n102 TYPE numeric(14,3);" users
rewrite "ALTER TABLE users ALTER COLUMN n102 TYPE numeric(8,2);" users
rewrite "ALTER TABLE users ALTER COLUMN ts3 TYPE timestamp(6);" users
rewrite "ALTER TABLE users ALTER COLUMN ts3 TYPE timestamp(1);" users
rewrite "ALTER TABLE users ALTER COLUMN ts TYPE timestamptz;" users
rewrite "ALTER TABLE users ALTER COLUMN c3 TYPE char(5);" users
rewrite "ALTER TABLE users ALTER COLUMN c3 TYPE varchar(3);" users
rewrite "ALTER TABLE users ALTER COLUMN ci TYPE inet;" users
rewrite "ALTER TABLE users ALTER COLUMN x TYPE text;" users
rewrite "ALTER TABLE users ALTER COLUMN i TYPE bigint;" users
rewrite "ALTER TABLE users ALTER COLUMN name TYPE text USING lower(name);" users
rewrite "ALTER TABLE users ALTER COLUMN email TYPE text USING email::text;" users
rewrite "ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();" users
rewrite "ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';" users
rewrite "ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();" users
rewrite "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();" users
rewrite "ALTER TABLE users ADD COLUMN r float8 DEFAULT random();" users
rewrite "ALTER TABLE users ADD COLUMN seq bigserial;" users
rewrite "ALTER TABLE users ADD COLUMN num bigint GENERATED ALWAYS AS IDENTITY;" users
rewrite "ALTER TABLE users ADD COLUMN lower_name text GENERATED ALWAYS AS (lower(name)) STORED;" users
rewrite "ALTER TABLE users SET UNLOGGED;" users
rewrite "CLUSTER users USING idx_users_age;" users
rewrite "ALTER TABLE users ALTER COLUMN email SET NOT NULL;" users

echo "safety-locks (pg): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
