#!/bin/sh
# Inline suppression: each form of the comment, reasons in JSON, counting and exit status.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
mkdir .git

lint() { $DDLINT --no-config --select naming/snake-case --select schema/primary-key --select unused-suppression "$@"; }

cat > next.sql <<'SQL'
-- ddlint-disable-next-line naming/snake-case, schema/primary-key -- imported table

CREATE TABLE Imported (x int);
CREATE TABLE Other (x int);
SQL
check "next-line skips blank and comment lines, only one line" 1 "^next.sql:4:14: error: table name 'Other'" -- lint next.sql
check_not "next-line silences its line" 1 ':3:' -- $DDLINT --no-config --select naming/snake-case --select schema/primary-key next.sql
check "suppressed findings are counted apart" 1 "2 errors, 0 warnings, 0 infos in 1 file \\(2 suppressed\\)" -- lint next.sql

cat > line.sql <<'SQL'
CREATE TABLE Imported (x int); -- ddlint-disable-line naming/snake-case
CREATE TABLE Kept (id int PRIMARY KEY); /* ddlint-disable-line */
SQL
check "disable-line, by rule" 1 "^line.sql:1:14: error: table 'public.imported' has no primary key" -- lint line.sql
check "disable-line in a block comment, every rule" 1 "1 error, 0 warnings, 0 infos in 1 file \\(2 suppressed\\)" -- lint line.sql

cat > region.sql <<'SQL'
CREATE TABLE Before1 (id int PRIMARY KEY);
-- ddlint-disable naming/snake-case
CREATE TABLE Inside1 (id int PRIMARY KEY);
CREATE TABLE Inside2 (id int PRIMARY KEY);
-- ddlint-enable naming/snake-case
CREATE TABLE After1 (id int PRIMARY KEY);
-- ddlint-disable
CREATE TABLE ToTheEnd (x int);
SQL
check "region" 0 "^region.sql:1:14:.*region.sql:6:14:[^ ]* error: table name 'After1'" -- through 1 "tr '\n' ' '" -- $DDLINT --no-config --select naming --select schema/primary-key region.sql
check "region counts" 1 "2 errors, 0 warnings, 0 infos in 1 file \\(4 suppressed\\)" -- lint region.sql

cat > file.sql <<'SQL'
CREATE TABLE Legacy1 (x int);
CREATE TABLE Legacy2 (x int);
-- ddlint-disable-file naming -- the legacy schema keeps its names
SQL
check "disable-file with a category" 1 "2 errors, 0 warnings, 0 infos in 1 file \\(2 suppressed\\)" -- lint file.sql
check "reason in json" 1 '"suppression_reason": "the legacy schema keeps its names"' -- $DDLINT --no-config --format json file.sql
check "suppressed in json" 1 '"suppressed": 2' -- $DDLINT --no-config --select naming --select schema/primary-key --format json file.sql
check "all suppressed exits 0" 0 "0 errors, 0 warnings, 0 infos in 1 file \\(2 suppressed\\)" -- $DDLINT --no-config --select naming file.sql

# a finding decided after the last file is suppressible where it is reported
cat > finish.sql <<'SQL'
CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE orders (
    id uuid PRIMARY KEY,
    user_id uuid REFERENCES users -- ddlint-disable-line index/foreign-key -- tiny table
);
SQL
check "finish findings are suppressible" 0 "0 errors, 0 warnings, 0 infos in 1 file \\(1 suppressed\\)" -- $DDLINT --no-config --select index finish.sql

# the statements of a DO block are linted, and a comment in the block suppresses their findings
cat > doblock.sql <<'SQL'
CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid, shop_id uuid);
DO $body$ BEGIN
  -- ddlint-disable-next-line index/foreign-key -- tiny table
  ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
  ALTER TABLE orders ADD CONSTRAINT orders_shop_id_fkey FOREIGN KEY (shop_id) REFERENCES users (id);
EXCEPTION WHEN duplicate_object THEN NULL;
END $body$;
SQL
check "a comment in a DO block suppresses" 0 "0 errors, 1 warning, 0 infos in 1 file \\(1 suppressed\\)" -- $DDLINT --no-config --select index --select unused-suppression --fail-on never doblock.sql
check "the other key of the block is reported" 0 "^doblock.sql:6:26: warning: foreign key 'orders_shop_id_fkey'" -- $DDLINT --no-config --select index --fail-on never doblock.sql
printf 'INSERT INTO docs (body) VALUES ($$ -- ddlint-disable schema/primary-key -- note $$);\nCREATE TABLE nopk (a int);\n' > instring.sql
check "a directive in another dollar-quoted string is text" 1 "^instring.sql:2:14: error: table 'public.nopk' has no primary key" -- $DDLINT --no-config --select schema/primary-key instring.sql
check "not a directive: text after the word" 1 "naming/snake-case" -- sh -c "printf 'CREATE TABLE X (id int PRIMARY KEY); -- ddlint-disable-lines\n' > w.sql; $DDLINT --no-config --select naming w.sql"
check "a directive inside a string is not one" 1 "naming/snake-case" -- sh -c "printf \"CREATE TABLE X (id int PRIMARY KEY, n text DEFAULT '-- ddlint-disable-line');\n\" > s.sql; $DDLINT --no-config --select naming s.sql"
printf 'suppressions: { require_reason: true }\n' > reason.yml
check "require_reason" 1 "line.sql:1:32: warning: suppression has no reason" -- $DDLINT --config reason.yml line.sql

echo "cli-suppress: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
