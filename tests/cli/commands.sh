#!/bin/sh
# The command table: every command by its name, old names only where no such path is here,
# a directory named like a command or a common SQL directory is linted, the option table.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
mkdir .git
printf 'CREATE TABLE t (x int);\n' > one.sql

# the directories people keep SQL in are linted, never taken for commands
for d in db database migrations migrate sql schema schemas dump dumps data supabase prisma drizzle \
	flyway liquibase sqitch deploy postgres; do
	mkdir -p "$d"
	printf 'CREATE TABLE t (x int);\n' > "$d/a.sql"
	check "ddlint $d lints ./$d" 1 "^$d/a.sql:1:14: error: table 'public.t' has no primary key" -- $DDLINT --no-config "$d"
	rm -rf "$d"
done

# the current names are commands
check "model" 0 '"name": "t"' -- $DDLINT model --no-config one.sql
check "plan" 0 "no migration directory found" -- $DDLINT plan one.sql
check "inspect needs a connection string" 2 "^ddlint: inspect takes one connection string" -- $DDLINT inspect
check "rules" 0 "schema/primary-key" -- $DDLINT rules
check "explain" 0 "schema/primary-key" -- $DDLINT explain schema/primary-key

# the old names still work where no such path is here, and say the new name
check "dump is model" 0 '"name": "t"' -- $DDLINT dump --no-config one.sql
check "dump says model" 0 "^ddlint: 'ddlint dump' is now 'ddlint model'" -- $DDLINT dump --no-config one.sql
check "migrations is plan" 0 "ddlint migrations' is now 'ddlint plan'" -- $DDLINT migrations one.sql
check "db is inspect" 2 "ddlint db' is now 'ddlint inspect'.*|inspect takes one" -- $DDLINT db
# ... and are paths where one is
mkdir db
printf 'CREATE TABLE t (x int);\n' > db/a.sql
check "db with db/: lints it" 1 "^db/a.sql:1:14: error" -- $DDLINT --no-config db
check_not "db with db/: no note" 1 "is now" -- sh -c "$DDLINT --no-config db 2>&1"
printf 'CREATE TABLE u (x int);\n' > migrations
check "migrations as a file: lints it" 1 "^migrations:1:14: error" -- $DDLINT --no-config migrations

# the option table
check "--opt=value" 1 "error" -- $DDLINT --no-config --format=text one.sql
check "-jN" 1 "error" -- $DDLINT --no-config -j2 one.sql
check "-j N" 1 "error" -- $DDLINT --no-config -j 2 one.sql
check "flag with a value" 2 "^ddlint: option '--no-config' takes no value" -- $DDLINT --no-config=yes one.sql
check "value missing" 2 "^ddlint: option '--format' needs a value" -- $DDLINT --format
check "unknown long option" 2 "^ddlint: unknown option '--nope'" -- $DDLINT --nope
check "unknown short option" 2 "^ddlint: unknown option '-x'" -- $DDLINT -x
check "--select and --ignore are told apart" 0 "" -- $DDLINT --no-config --select schema --ignore schema one.sql
check_not "--ignore alone" 1 "primary-key" -- $DDLINT --no-config --ignore schema/primary-key one.sql
check "--select alone" 1 "primary-key" -- $DDLINT --no-config --select schema/primary-key one.sql
check "--help lists every command" 0 "ddlint inspect CONNINFO" -- $DDLINT --help
check "-- makes a command word a path" 2 "cannot read 'rules'" -- $DDLINT -- rules

echo "cli-commands: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
