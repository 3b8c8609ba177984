#!/bin/sh
# The README's recipes for migrations written as code: the SQL that Alembic (offline mode) and
# TypeORM (schema:log) write, in their real shape, is linted as a user would lint it.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
mkdir .git

# alembic upgrade head --sql (alembic runtime/migration.py: BEGIN; the version table; one
# "-- Running upgrade" comment and the version bookkeeping per revision; COMMIT;)
cat > alembic.sql <<'SQL'
BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 1975ea83b712

CREATE TABLE account (
    id SERIAL NOT NULL, 
    name VARCHAR(50) NOT NULL, 
    created_at TIMESTAMP WITHOUT TIME ZONE, 
    PRIMARY KEY (id)
);

INSERT INTO alembic_version (version_num) VALUES ('1975ea83b712') RETURNING alembic_version.version_num;

-- Running upgrade 1975ea83b712 -> ae1027a6acf

ALTER TABLE account ADD COLUMN last_transaction_date TIMESTAMP WITHOUT TIME ZONE;

UPDATE alembic_version SET version_num='ae1027a6acf' WHERE alembic_version.version_num = '1975ea83b712';

COMMIT;
SQL
check "alembic: parses, findings on the application's tables" 1 "^alembic.sql:[0-9]+:[0-9]+: (error|warning): column 'account.created_at' is timestamp without time zone" -- $DDLINT --no-config alembic.sql
check_not "alembic: its version table is the tool's" 1 "alembic_version.*\\[(schema/audit-columns|naming/table-plural|naming/primary-key-column)\\]" -- $DDLINT --no-config alembic.sql
check_not "alembic: no syntax error" 1 "syntax-error" -- $DDLINT --no-config alembic.sql

# typeorm schema:log (SchemaLogCommand.ts: a coloured header between separator lines, then each
# query highlighted with ANSI colours and ended with ;), stripped of its colours as the README says
printf '\033[33m----------------------------------------------------------------\033[0m\n\033[33m-- Schema synchronization will execute following sql queries (2):\033[0m\n\033[33m----------------------------------------------------------------\033[0m\n\033[35mCREATE\033[0m \033[35mTABLE\033[0m "user" ("id" \033[35mSERIAL\033[0m \033[35mNOT\033[0m \033[35mNULL\033[0m, "firstName" \033[35mcharacter varying\033[0m \033[35mNOT\033[0m \033[35mNULL\033[0m, \033[35mCONSTRAINT\033[0m "PK_cace4a159ff9f2512dd42373760" \033[35mPRIMARY\033[0m \033[35mKEY\033[0m ("id"));\n\033[35mCREATE\033[0m \033[35mTABLE\033[0m "photo" ("id" \033[35mSERIAL\033[0m \033[35mNOT\033[0m \033[35mNULL\033[0m, "userId" \033[35minteger\033[0m, \033[35mCONSTRAINT\033[0m "PK_723fa50bf70dcfd06fb5a44d4ff" \033[35mPRIMARY\033[0m \033[35mKEY\033[0m ("id"), \033[35mCONSTRAINT\033[0m "FK_4494006ff358f754d07df5ccc87" \033[35mFOREIGN\033[0m \033[35mKEY\033[0m ("userId") \033[35mREFERENCES\033[0m "user"("id"));\n' > typeorm.log
sed 's/\x1b\[[0-9;]*m//g' typeorm.log > typeorm.sql
check "typeorm: the recipe gives SQL" 0 "" -- grep -q '^CREATE TABLE "photo"' typeorm.sql
check "typeorm: linted" 1 "^typeorm.sql:[0-9]+:[0-9]+: .*foreign key .* has no index" -- $DDLINT --no-config typeorm.sql
check_not "typeorm: no syntax error" 1 "syntax-error" -- $DDLINT --no-config typeorm.sql
check "typeorm: without the recipe, the colours are a syntax error" 1 "syntax-error" -- $DDLINT --no-config typeorm.log

echo "cli-recipes: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
