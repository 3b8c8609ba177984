#!/bin/sh
# The safety/ lock rules' suggestions, which the text output does not show: how to run CONCURRENTLY
# outside the transaction each tool runs a migration in, and the sequences that depend on
# safety.postgres_version. Read from the JSON report.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
mkdir .git

init='CREATE TABLE users (id bigint PRIMARY KEY, email text, age integer);'
index='CREATE INDEX idx_users_email ON users (email);'

# each tool's way out of its transaction (dd_section.tx_optout), or the lack of one
mkdir goose dbmate flyway sqitch golang
printf -- '-- +goose Up\n%s\n-- +goose Down\nDROP TABLE users;\n' "$init" > goose/001_users.sql
printf -- '-- +goose Up\n%s\n-- +goose Down\nSELECT 1;\n' "$index" > goose/002_index.sql
check "goose: NO TRANSACTION" 1 '"suggestion": "CREATE INDEX CONCURRENTLY .*: add -- \+goose NO TRANSACTION' -- \
	$DDLINT --no-config --format json --rule safety/index-concurrently=error goose
printf -- '-- migrate:up\n%s\n-- migrate:down\nDROP TABLE users;\n' "$init" > dbmate/20240101000000_users.sql
printf -- '-- migrate:up\nDROP INDEX idx_users_age;\n-- migrate:down\nSELECT 1;\n' > dbmate/20240102000000_drop.sql
check "dbmate: transaction:false" 1 '"suggestion": "DROP INDEX CONCURRENTLY idx_users_age .*add transaction:false to its -- migrate:up line' -- \
	$DDLINT --no-config --format json --rule safety/index-concurrently=error dbmate
printf '%s\n' "$init" > flyway/V1__users.sql
printf '%s\n' "$index" > flyway/V2__index.sql
check "Flyway: a migration of its own" 1 '"suggestion": "CREATE INDEX CONCURRENTLY .*Flyway runs a migration of only such statements outside a transaction' -- \
	$DDLINT --no-config --format json --rule safety/index-concurrently=error flyway
printf '%s\n' "$init" > golang/1_users.up.sql
printf 'DROP TABLE users;\n' > golang/1_users.down.sql
printf 'ALTER TABLE users ADD COLUMN name text;\n%s\n' "$index" > golang/2_index.up.sql
printf 'DROP INDEX idx_users_email;\n' > golang/2_index.down.sql
check "golang-migrate: one query is one transaction" 1 '"suggestion": "CREATE INDEX CONCURRENTLY .*a file sent as one query runs as one: put it alone in a migration of its own' -- \
	$DDLINT --no-config --format json --rule safety/index-concurrently=error golang
printf '%s\n' "$init" > sqitch/0001_users.sql
printf 'BEGIN;\nREINDEX TABLE users;\nCOMMIT;\n' > sqitch/0002_reindex.sql
check "explicit BEGIN: outside BEGIN ... COMMIT" 1 '"suggestion": "REINDEX \(CONCURRENTLY\) TABLE users; CONCURRENTLY cannot run inside a transaction block: put it in a migration of its own, outside BEGIN' -- \
	$DDLINT --no-config --format json --rule safety/index-concurrently=error sqitch
printf '%s\n' "$index" > sqitch/0003_index.sql
check_not "statement by statement: nothing about transactions" 1 '"suggestion": "CREATE INDEX CONCURRENTLY[^"]*transaction block' -- \
	$DDLINT --no-config --format json --rule safety/index-concurrently=error sqitch/0003_index.sql
check "partitioned: ON ONLY and ATTACH PARTITION" 1 '"suggestion": "public.events is partitioned.*ON ONLY public.events' -- \
	sh -c "printf 'CREATE INDEX idx_events_at ON events (at);\n' > part.sql; printf 'safety: { assume_existing: true }\n' > part.yml; \
	printf 'CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);\n' > ctx.sql; \
	$DDLINT --config part.yml --format json --rule safety/index-concurrently=error --context ctx.sql part.sql"

# sequences that depend on the PostgreSQL version
printf -- '-- migrate:up\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n-- migrate:down\nSELECT 1;\n' > dbmate/20240103000000_nn.sql
check "set-not-null: the CHECK sequence" 1 '"suggestion": "ALTER TABLE public.users ADD CONSTRAINT chk_users_email_not_null CHECK \(email IS NOT NULL\) NOT VALID; in a later transaction' -- \
	$DDLINT --no-config --format json --rule safety/set-not-null=error dbmate
printf 'safety: { postgres_version: 11 }\n' > pg11.yml
check "set-not-null on PostgreSQL 11: always scans" 1 '"suggestion": "PostgreSQL 11 always scans for SET NOT NULL' -- \
	$DDLINT --config pg11.yml --format json --rule safety/set-not-null=error dbmate
check "constraint-not-valid: the VALIDATE sequence" 1 '"suggestion": "ALTER TABLE public.users ADD CONSTRAINT chk_users_age CHECK \(...\) NOT VALID; then, in a later transaction' -- \
	sh -c "printf -- '-- migrate:up\nALTER TABLE users ADD CONSTRAINT chk_users_age CHECK (age > 0);\n-- migrate:down\nSELECT 1;\n' > dbmate/20240104000000_chk.sql; \
	$DDLINT --no-config --format json --rule safety/constraint-not-valid=error dbmate"
check "lock-timeout: an unknown lock mode is a config error" 2 "option 'lock' of rule 'safety/lock-timeout': expected a lock mode" -- \
	sh -c "printf 'rules:\n  safety/lock-timeout: { lock: HUGE }\n' > lt.yml; $DDLINT --config lt.yml dbmate"

echo "safety-locks: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
