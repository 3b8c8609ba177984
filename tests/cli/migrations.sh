#!/bin/sh
# Migration directories: layouts, the context of earlier migrations, --context, stdin in a migration directory.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
mkdir .git

mkdir -p db/migrations
cat > db/migrations/0001_users.up.sql <<'SQL'
BEGIN;
CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL);
COMMIT;
SQL
printf 'BEGIN;\nDROP TABLE users;\nCOMMIT;\n' > db/migrations/0001_users.down.sql
cat > db/migrations/0002_orders.up.sql <<'SQL'
BEGIN;
CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid NOT NULL REFERENCES users (id));
COMMIT;
SQL
printf 'BEGIN;\nDROP TABLE orders;\nCOMMIT;\n' > db/migrations/0002_orders.down.sql
cat > db/migrations/0003_index.up.sql <<'SQL'
BEGIN;
CREATE INDEX idx_orders_user_id ON orders (user_id);
CREATE INDEX idx_users_emial ON users (emial);
COMMIT;
SQL
printf 'BEGIN;\nDROP INDEX idx_orders_user_id;\nDROP INDEX idx_users_emial;\nCOMMIT;\n' > db/migrations/0003_index.down.sql

sel="--no-config --select schema --select index --select migration"
check "layout detected" 0 "db/migrations: golang-migrate, 3 migrations" -- $DDLINT plan db/migrations
check "versions in order" 0 "0001 .*0002 .*0003 " -- through 0 "tr '\n' ' '" -- $DDLINT plan db/migrations
check "one new file: earlier migrations are context" 1 "^db/migrations/0003_index.up.sql:3:40: error: column 'emial' does not exist on table 'public.users'" -- $DDLINT $sel db/migrations/0003_index.up.sql
check "one new file: only it is reported" 0 "" -- through 1 "! grep -v '^db/migrations/0003_index'" -- $DDLINT $sel db/migrations/0003_index.up.sql
check_not "one new file: a later index covers an earlier foreign key" 1 'index/foreign-key' -- $DDLINT $sel db/migrations/0003_index.up.sql
check "one old file: later migrations are not read" 1 "0002_orders.up.sql:2:65: warning: foreign key .* has no index" -- $DDLINT $sel db/migrations/0002_orders.up.sql
check_not "the down is not part of the model" 1 'no primary key' -- $DDLINT $sel db/migrations
check "files given in any order are replayed in version order" 1 "emial" -- $DDLINT $sel db/migrations/0003_index.up.sql db/migrations/0001_users.up.sql
check "stdin named in a migration directory gets the context" 1 "^db/migrations/0004_new.up.sql:2:41: error: column 'nope'" -- sh -c "printf 'BEGIN;\nCREATE INDEX idx_orders_nope ON orders (nope);\nCOMMIT;\n' | $DDLINT $sel --stdin-filename db/migrations/0004_new.up.sql -"
printf 'CREATE TABLE users (id uuid PRIMARY KEY);\n' > schema.sql
printf 'CREATE INDEX idx_users_missing ON users (missing);\n' > change.sql
check "--context" 1 "^change.sql:1:42: error: column 'missing' does not exist" -- $DDLINT $sel --context schema.sql change.sql
check_not "--context is not reported" 1 '^schema.sql' -- $DDLINT --no-config --context schema.sql change.sql

# config: name the directory and force a layout
mkdir -p odd
printf 'CREATE TABLE a (id int);\n' > odd/first.sql
printf 'CREATE TABLE b (id int);\n' > odd/second.sql
check "no layout without config" 0 "no migration directory found" -- $DDLINT plan odd
printf 'migrations:\n  - { dir: odd, layout: plain }\n' > .ddlint.yml
check "a configured directory" 0 "odd: plain" -- $DDLINT plan odd
printf 'migrations: { dir: odd, layout: rails }\n' > .ddlint.yml
check "unknown layout" 2 "unknown layout 'rails'; layouts: sqitch, drizzle, prisma, diesel, liquibase, pop, sqlx, node-pg-migrate, sql-migrate, postgres-migrations, supabase, golang-migrate, flyway, dbmate, goose, atlas, plain" -- $DDLINT plan odd
rm .ddlint.yml

# the layouts of the corpus, when it is there
corpus=${CORPUS:-$here/../../../shared/corpus}/migrations
if [ -d "$corpus" ]; then
	check "corpus: golang-migrate" 0 "harbor_golang_migrate: golang-migrate" -- $DDLINT plan "$corpus/harbor_golang_migrate"
	check "corpus: flyway" 0 "hawkbit_flyway: flyway" -- $DDLINT plan "$corpus/hawkbit_flyway"
	check "corpus: goose" 0 "openfga_goose: goose, 6 migrations" -- $DDLINT plan "$corpus/openfga_goose"
	check "corpus: dbmate" 0 "supabase_postgres_dbmate/migrations: dbmate" -- $DDLINT plan "$corpus/supabase_postgres_dbmate"
	check "corpus: diesel" 0 "lemmy_diesel: diesel" -- $DDLINT plan "$corpus/lemmy_diesel"
	check "corpus: prisma" 0 "umami_prisma: prisma" -- $DDLINT plan "$corpus/umami_prisma"
	check "corpus: sqitch in plan order" 0 "registry_sqitch: sqitch, [0-9]+ migrations \\(sqitch.plan and deploy/\\) +users " -- through 0 "head -2 | tr '\n' ' '" -- $DDLINT plan "$corpus/registry_sqitch"
	check "corpus: plain" 0 "basejump_supabase: plain" -- $DDLINT plan "$corpus/basejump_supabase"
	check "corpus: drizzle" 0 "dokploy_drizzle/drizzle: drizzle, [0-9]+ migrations \\(meta/_journal.json\\)" -- $DDLINT plan "$corpus/dokploy_drizzle"
	check "corpus: drizzle file outside the journal" 0 "not a migration: 0130_abandoned_dagger.sql: not in meta/_journal.json" -- $DDLINT plan "$corpus/dokploy_drizzle"
	check "corpus: pop" 0 "kratos_pop/sql: pop" -- $DDLINT plan "$corpus/kratos_pop"
fi

# detection: weak evidence never wins over the files' own
mkdir -p gomod/migrations rust/schema rust/migrations atlasdir sb/supabase/schemas sb/supabase/migrations
printf 'module x\n\nrequire github.com/jmoiron/sqlx v1.3.5\n' > gomod/go.mod
printf -- '-- +goose Up\nCREATE TABLE t (id int PRIMARY KEY);\n-- +goose Down\nDROP TABLE t;\n' > gomod/migrations/001_t.sql
check "a go.mod naming sqlx does not make goose sqlx" 0 "gomod/migrations: goose" -- $DDLINT plan gomod/migrations
printf '[dependencies]\nsqlx = { version = "0.8" }\n' > rust/Cargo.toml
printf 'CREATE TABLE s (id int PRIMARY KEY);\n' > rust/schema/tables.sql
printf 'CREATE TABLE v (id int PRIMARY KEY);\n' > rust/schema/views.sql
check "a sqlx project's other SQL is not migrations" 0 "no migration directory found" -- $DDLINT plan rust/schema
printf 'CREATE TABLE m (id int PRIMARY KEY);\n' > rust/migrations/20240101000000_m.up.sql
printf 'DROP TABLE m;\n' > rust/migrations/20240101000000_m.down.sql
check "a sqlx project's migrations are sqlx" 0 "rust/migrations: sqlx, 1 migration \\(numbered files, and a Cargo.toml that depends on sqlx\\)" -- $DDLINT plan rust/migrations
printf 'CREATE TABLE a (id int PRIMARY KEY);\n' > atlasdir/1_a.up.sql
printf 'DROP TABLE a;\n' > atlasdir/1_a.down.sql
printf 'h1:x=\n1_a.up.sql h1:y=\n' > atlasdir/atlas.sum
check "atlas.sum beside golang-migrate files: golang-migrate" 0 "atlasdir: golang-migrate" -- $DDLINT plan atlasdir
printf 'project_id = "x"\n' > sb/supabase/config.toml
printf 'CREATE TABLE users (id int PRIMARY KEY);\n' > sb/supabase/schemas/users.sql
printf 'CREATE TABLE orders (id int PRIMARY KEY);\n' > sb/supabase/schemas/orders.sql
printf 'CREATE TABLE a (id int PRIMARY KEY);\n' > sb/supabase/migrations/20240101000000_a.sql
check "supabase/schemas is not a migration directory" 0 "no migration directory found" -- $DDLINT plan sb/supabase/schemas
check "supabase/migrations is" 0 "sb/supabase/migrations: supabase" -- $DDLINT plan sb/supabase/migrations
# a FIFO in a migration directory is never opened to detect or read as context
mkdir -p fifo/meta
printf '{ "entries": [ { "tag": "0000_a" }, { "tag": "0001_b" }, { "tag": "0002_c" } ] }\n' > fifo/meta/_journal.json
printf 'CREATE TABLE a (id int PRIMARY KEY);\n' > fifo/0000_a.sql
mkfifo fifo/0001_b.sql
printf 'CREATE TABLE c (id int PRIMARY KEY);\n' > fifo/0002_c.sql
check "a FIFO in a drizzle directory: no wait" "0|1|2" "" -- timeout 10 $DDLINT --no-config fifo/0002_c.sql
check "plan with a FIFO: no wait" 0 "fifo: drizzle" -- timeout 10 $DDLINT plan fifo/0002_c.sql
rm -f fifo/0001_b.sql

# plan: the tool, why, how each migration runs, and what is not a migration; as JSON too
mkdir -p contra
printf 'CREATE TABLE a (id int PRIMARY KEY);\n' > contra/V0001.Init.up.sql
printf 'DROP TABLE a;\n' > contra/V0001.Init.down.sql
check "plan: a directory with no migration is still shown" 0 "contra: golang-migrate, 0 migrations \\(files named" -- $DDLINT plan contra
check_not "plan: never both found and not found" 0 "no migration directory found" -- $DDLINT plan contra
check "plan: what the tool skips, and why" 0 "misnamed: V0001.Init.up.sql: golang-migrate skips it; replayed after the migrations, for the model" -- $DDLINT plan contra
check "lint: the same file, the same words" 0 "V0001.Init.up.sql.*golang-migrate skips it" -- $DDLINT --no-config --fail-on never contra
check "plan: how each migration runs" 0 "0001 .*0001_users.up.sql .*0001_users.down.sql; one query\\]" -- $DDLINT plan db/migrations
check "plan --format json" 0 '"up_transaction": "one query"' -- $DDLINT plan --format json db/migrations
check "plan --format json: the tool and why" 0 '"why": "files named <version>_<name>.up.sql and .down.sql"' -- $DDLINT plan --format json db/migrations
check "plan --format json is JSON" 0 "golang-migrate 3" -- through 0 "node -e 'let s=\"\";process.stdin.on(\"data\",d=>s+=d).on(\"end\",()=>{const j=JSON.parse(s);console.log(j.directories[0].tool, j.directories[0].migrations.length)})'" -- $DDLINT plan --format json db/migrations

echo "cli-migrations: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
