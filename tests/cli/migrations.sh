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
check "unknown layout" 2 "unknown layout 'rails'; layouts: sqitch, drizzle, atlas, prisma, diesel, liquibase, pop, sqlx, node-pg-migrate, sql-migrate, postgres-migrations, supabase, golang-migrate, flyway, dbmate, goose, plain" -- $DDLINT plan odd
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

# plan: the tool, why, how each migration runs, and what is not a migration; as JSON too
mkdir -p contra
printf 'CREATE TABLE a (id int PRIMARY KEY);\n' > contra/V0001.Init.up.sql
printf 'DROP TABLE a;\n' > contra/V0001.Init.down.sql
check "plan: a directory with no migration is still shown" 0 "contra: golang-migrate, 0 migrations \\(files named" -- $DDLINT plan contra
check_not "plan: never both found and not found" 0 "no migration directory found" -- $DDLINT plan contra
check "plan: what is not a migration, and why" 0 "not a migration: V0001.Init.up.sql: golang-migrate skips it" -- $DDLINT plan contra
check "lint: the same file, the same words" 0 "V0001.Init.up.sql.*golang-migrate skips it" -- $DDLINT --no-config --fail-on never contra
check "plan: how each migration runs" 0 "0001 .*0001_users.up.sql .*0001_users.down.sql; one query\\]" -- $DDLINT plan db/migrations
check "plan --format json" 0 '"up_transaction": "one query"' -- $DDLINT plan --format json db/migrations
check "plan --format json: the tool and why" 0 '"why": "files named <version>_<name>.up.sql and .down.sql"' -- $DDLINT plan --format json db/migrations
check "plan --format json is JSON" 0 "golang-migrate 3" -- through 0 "node -e 'let s=\"\";process.stdin.on(\"data\",d=>s+=d).on(\"end\",()=>{const j=JSON.parse(s);console.log(j.directories[0].tool, j.directories[0].migrations.length)})'" -- $DDLINT plan --format json db/migrations

echo "cli-migrations: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
