#!/bin/sh
# --changed-since REF in a temporary git repository: what a branch adds is reported, what it
# leaves alone is not, the diff is taken from the merge base, and the failures are one line.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
if ! command -v git >/dev/null 2>&1; then
	echo "FAIL changed-since: needs git (sh scripts/install-deps.sh --test installs it)"
	exit 1
fi

# not a work tree: exit 2, one line
mkdir plain && printf 'CREATE TABLE things (x int);\n' > plain/a.sql
check "outside a work tree: exit 2" 2 "^ddlint: --changed-since needs a git work tree" -- sh -c "cd plain && GIT_CEILING_DIRECTORIES='$work' $DDLINT --no-config --changed-since main a.sql"
check "outside a work tree: one line" 0 "^1$" -- sh -c "cd plain && GIT_CEILING_DIRECTORIES='$work' $DDLINT --no-config --changed-since main a.sql 2>&1 | wc -l"

mkdir repo && cd repo
git init -q -b main . && git config user.email t@example.com && git config user.name test
mkdir db
cat > db/001_init.sql <<'SQL'
CREATE TABLE users (
    id uuid PRIMARY KEY,
    email text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_email_idx ON users (email);

CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    details json
);

CREATE TABLE sessions (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
SQL
git add . && git commit -qm init
git checkout -qb feature

check "unknown ref: exit 2" 2 "^ddlint: --changed-since: unknown git revision 'no-such-branch'$" -- $DDLINT --no-config --changed-since no-such-branch db
check "a ref like an option is not passed to git as one" 2 "unknown git revision '--all'" -- $DDLINT --no-config --changed-since=--all db
check "no change: no findings, the old ones counted as left out" 0 "0 errors, 0 warnings, 0 infos in 1 file; 8 outside the changes since main left out" -- $DDLINT --no-config --changed-since main db
check "without the option: the old findings" 1 "audit_log" -- $DDLINT --no-config db

# a new table in a new migration: exactly its findings, including the finish-time one at its FK
cat > db/002_orders.sql <<'SQL'
CREATE TABLE orders (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id),
    created_at timestamp NOT NULL DEFAULT now()
);
SQL
check "untracked new file: its findings" 1 "^db/002_orders.sql:3:27: warning: foreign key 'orders_user_id_fkey' .* \\[index/foreign-key\\]" -- $DDLINT --no-config --changed-since main db
check_not "untracked new file: not the old ones" 1 "001_init" -- $DDLINT --no-config --changed-since main db
git add db/002_orders.sql && git commit -qm orders
check "committed: the same" 1 "^db/002_orders.sql:4:5: error: column 'orders.created_at' is timestamp without time zone" -- $DDLINT --no-config --changed-since main db
check "committed: the summary" 1 "3 errors, 1 warning, 0 infos in 2 files; 9 outside the changes since main left out" -- $DDLINT --no-config --changed-since main db

# an edited line of an old file (not committed): the finding on that line, nothing else
sed 's/    email text NOT NULL,/    email varchar NOT NULL,/' db/001_init.sql > x && mv x db/001_init.sql
check "an edited line in the work tree" 1 "^db/001_init.sql:3:5: warning: column 'users.email' is varchar" -- $DDLINT --no-config --changed-since main db
check "an edited line inside CREATE TABLE users: that table's other findings too" 1 "^db/001_init.sql:1:14: .*public.users.*updated-at-trigger" -- $DDLINT --no-config --changed-since main db
check_not "an edited line: other tables' old findings stay out" 1 "audit_log|sessions" -- $DDLINT --no-config --changed-since main db
git checkout -q db/001_init.sql

# ALTER TABLE of an old table: the branch alters it, so its findings are the branch's too
printf 'ALTER TABLE audit_log ADD COLUMN note text;\n' > db/003_note.sql
check "an altered table's old findings" 1 "^db/001_init.sql:11:5: warning: column 'audit_log.details' is json" -- $DDLINT --no-config --changed-since main db
check_not "other tables stay out" 1 "^db/001_init.sql:(1|3|14|15|16):" -- $DDLINT --no-config --changed-since main db
rm db/003_note.sql

# a deletion: DROP INDEX leaves the old foreign key unindexed, reported at the (unchanged) FK
printf 'DROP INDEX sessions_user_id_idx;\n' > db/003_drop.sql
check "DROP INDEX: the foreign key it leaves unindexed" 1 "^db/001_init.sql:16:27: warning: foreign key 'sessions_user_id_fkey' .* \\[index/foreign-key\\]" -- $DDLINT --no-config --changed-since main db
rm db/003_drop.sql
# deleting the index line itself from the old file: the statement around the cut
sed '/sessions_user_id_idx/d' db/001_init.sql > x && mv x db/001_init.sql
check "a deleted line: the foreign key it leaves unindexed (through the table's CREATE next to the cut)" 1 "sessions_user_id_fkey" -- $DDLINT --no-config --changed-since main db
git checkout -q db/001_init.sql

# the merge base: what main changed after the branch started is not the branch's change
git checkout -q main
sed 's/    details json/    details jsonb/' db/001_init.sql > x && mv x db/001_init.sql
git commit -qam 'main: jsonb'
git checkout -q feature
check_not "main's later change is not the branch's (merge base, not a two-way diff)" 1 "audit_log" -- $DDLINT --no-config --changed-since main db
check "a two-dot diff would have reported it: git shows the line" 0 "^\\+    details json$" -- git diff main -- db/001_init.sql
check "a commit hash works as REF" 1 "orders" -- $DDLINT --no-config --changed-since "$(git rev-parse main)" db
check "HEAD as REF: only the work tree's changes" 0 "0 errors, 0 warnings, 0 infos in 2 files" -- $DDLINT --no-config --changed-since HEAD db
check "from a subdirectory, paths as given" 1 "^002_orders.sql:3:27" -- sh -c "cd db && $DDLINT --no-config --changed-since main 002_orders.sql"
check "the JSON report holds only the kept findings" 1 '"errors": 3' -- $DDLINT --no-config --format json --changed-since main db

# names git writes specially: a space (the +++ line ends with a tab), a quote (C-quoted)
printf 'CREATE TABLE spaced_things (x int);\n' > "db/my file.sql"
printf 'CREATE TABLE quoted_things (x int);\n' > 'db/say"hi.sql'
git add "db/my file.sql" 'db/say"hi.sql'
check "a changed file with a space in its name" 1 "spaced_things.*has no primary key" -- $DDLINT --no-config --select schema/primary-key --changed-since HEAD "db/my file.sql"
check "a changed file with a quote in its name" 1 "quoted_things.*has no primary key" -- $DDLINT --no-config --select schema/primary-key --changed-since HEAD 'db/say"hi.sql'
# diff.relative from a subdirectory still reads the whole work tree's changes
check "diff.relative set, run from a subdirectory" 1 "spaced_things" -- sh -c "cd db && git -c diff.relative=true status >/dev/null && GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=diff.relative GIT_CONFIG_VALUE_0=true $DDLINT --no-config --select schema/primary-key --changed-since HEAD 'my file.sql'"

# with a baseline, what --changed-since leaves out is not "gone" from the baseline
mkdir ../based && cd ../based
git init -q -b main . && git config user.email t@example.com && git config user.name test
mkdir db && printf 'CREATE TABLE Alpha (x int);\n' > db/a.sql && printf 'CREATE TABLE beta (x int);\n' > db/b.sql
git add . && git commit -qm init
printf 'CREATE TABLE gamma (x int);\n' >> db/b.sql
$DDLINT baseline --output base.json db >/dev/null 2>&1
check "a baseline and --changed-since: the baselined and the left out counted apart" 0 "\\(3 baselined\\); 7 outside the changes since HEAD left out$" -- $DDLINT --baseline base.json --changed-since HEAD db
cd ../repo

echo "cli-changed: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
