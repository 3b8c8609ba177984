#!/bin/sh
# Command-line tests: exit codes, messages, directory walking, stdin, formats, bad inputs.
# Run from the repository root; DDLINT names the binary.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
mkdir .git   # config lookup stops here
# a table that follows the whole standard
std_table() {
	printf 'CREATE TABLE %s (id uuid PRIMARY KEY, %s created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());\n' "$1" "${2:-}"
	printf 'CREATE TRIGGER trg_%s_updated_at BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION set_updated_at();\n' "$1" "$1"
}
std_table users > clean.sql
printf 'CREATE TABLE things (x int);\n' > nokey.sql
{ std_table users; std_table orders "user_id uuid REFERENCES users,"; } > warn.sql
mkdir -p mig/.hidden mig/sub
for v in 1 2 10; do printf 'CREATE TABLE t%s (x int);\n' "$v" > "mig/${v}_create.sql"; done
printf 'CREATE TABLE hidden (x int);\n' > mig/.hidden/1_h.sql
printf 'CREATE TABLE nested (x int);\n' > mig/sub/3_n.sql
printf 'not sql' > mig/notes.txt
: > empty.sql
printf -- '-- only a comment\n/* and another */\n' > comments.sql
printf 'CREATE TABLE a (id int PRIMARY KEY);\n\0\1\2' > binary.sql

check "help" 0 "usage: ddlint" -- $DDLINT --help
check "version" 0 "^ddlint [0-9]+\.[0-9]+\.[0-9]+" -- $DDLINT --version
check "clean file exits 0" 0 "0 errors, 0 warnings, 0 infos in 1 file" -- $DDLINT clean.sql
check "error exits 1" 1 "^nokey.sql:1:14: error: table 'public.things' has no primary key \[schema/primary-key\]" -- $DDLINT nokey.sql
check "warning fails by default" 1 "warning: foreign key" -- $DDLINT warn.sql
check "--fail-on error ignores warnings" 0 "1 warning" -- $DDLINT --fail-on error warn.sql
check "--fail-on never" 0 "" -- $DDLINT --fail-on=never nokey.sql
check "bad --fail-on" 2 "--fail-on takes error, warning, info or never" -- $DDLINT --fail-on sometimes clean.sql
check "missing file" 2 "cannot read 'nope.sql': No such file or directory" -- $DDLINT nope.sql
check "missing file among good ones still lints the rest" 2 "nokey.sql:1:14" -- $DDLINT nokey.sql nope.sql
check "unknown option" 2 "unknown option '--bogus'" -- $DDLINT --bogus clean.sql
check "unknown format" 2 "unknown format 'xml'; use one of: text json" -- $DDLINT --format xml clean.sql
check "option without value" 2 "option '--format' needs a value" -- $DDLINT clean.sql --format
check "empty file" 0 "in 1 file" -- $DDLINT empty.sql
check "comments only" 0 "in 1 file" -- $DDLINT comments.sql
check "NUL bytes" 1 "binary.sql:2:1: error: file contains a NUL byte" -- $DDLINT binary.sql
check "directory walk: natural order, joined paths" 0 "^mig/1_create.sql:1:14:.*mig/2_create.sql:1:14:.*mig/10_create.sql:1:14:.*mig/sub/3_n.sql" -- through 1 "tr '\n' ' '" -- $DDLINT --no-color --select schema/primary-key mig
check "directory walk: hidden directories and other files skipped" 0 "^4$" -- through 1 "grep -c 'schema/primary-key'" -- $DDLINT mig
check "trailing slash does not double" 1 "^mig/1_create.sql" -- $DDLINT mig/
check "stdin with a name" 1 "^db/new.sql:1:14: error" -- sh -c "$DDLINT --stdin-filename db/new.sql - < nokey.sql"
check "stdin default name" 1 "^<stdin>:1:14" -- sh -c "$DDLINT - < nokey.sql"
check "json document" 1 '"diagnostics": \[' -- $DDLINT --format json nokey.sql
check "json has the summary" 1 '"errors": [1-9]' -- $DDLINT --format json nokey.sql
check "json on a clean file" 0 '"diagnostics": \[\]' -- $DDLINT --format json clean.sql
check "rules lists the rules" 0 "schema/primary-key +error +Every table has a primary key" -- $DDLINT rules
check "explain" 0 "Why" -- $DDLINT explain index/foreign-key
check "explain unknown rule" 2 "unknown rule 'nope'" -- $DDLINT explain nope
check "dump" 0 '"name": "users"' -- $DDLINT dump clean.sql
check "no path lints the current directory" 1 "^nokey.sql:1:14" -- $DDLINT
check "directory as a file path component" 2 "cannot read 'clean.sql/x.sql'" -- $DDLINT clean.sql/x.sql

# on a terminal: the source line with a caret under the span, colours unless NO_COLOR
if command -v script >/dev/null 2>&1; then
	# script -e: ddlint's exit status
	check "terminal shows source and caret" 0 "CREATE TABLE things.*\^~~~~~" -- through 1 "tr -d '\r' | tr '\n' ' '" -- script -eqc "$DDLINT nokey.sql" /dev/null
	check "terminal colours" 1 "$(printf '\033')\[1;31merror" -- script -eqc "$DDLINT nokey.sql" /dev/null
	check "NO_COLOR" 1 "^nokey.sql:1:14: error" -- env NO_COLOR=1 script -eqc "$DDLINT nokey.sql" /dev/null
fi
check "no colours when piped (check reads through a pipe)" 1 "^nokey.sql:1:14: error: table" -- $DDLINT nokey.sql

mkdir loop && ln -s .. loop/up && printf 'CREATE TABLE l (x int);\n' > loop/l.sql
check "symlink loop ends" 1 "loop/l.sql" -- $DDLINT loop
printf 'x' > locked.sql && chmod 000 locked.sql
if [ "$(id -u)" != 0 ]; then
	check "unreadable file" 2 "cannot read 'locked.sql': Permission denied" -- $DDLINT locked.sql
elif command -v setpriv >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null &&
     setpriv --reuid=65534 --regid=65534 --clear-groups test -x "${DDLINT##* }"; then
	# root reads everything: the file is tried as nobody
	check "unreadable file" 2 "cannot read 'locked.sql': Permission denied" -- setpriv --reuid=65534 --regid=65534 --clear-groups $DDLINT locked.sql
fi
# a file that opens but fails to read (EIO), whoever runs the test
check "a read error" 2 "cannot read '/proc/self/mem': Input/output error" -- $DDLINT --no-config /proc/self/mem
# a file of about 50 MB: one diagnostic per table, no crash
i=0; : > big.sql
while [ $i -lt 25 ]; do printf 'CREATE TABLE big_%s (id int PRIMARY KEY, payload text DEFAULT %s);\n' "$i" "'$(head -c 2000 /dev/zero | tr '\0' x)'" >> big.sql; i=$((i + 1)); done
j=0; while [ $j -lt 10 ]; do cat big.sql big.sql > big2.sql && mv big2.sql big.sql; j=$((j + 1)); done
check "50 MB file" 0 "in 1 file" -- $DDLINT --fail-on never big.sql

# hostile inputs: each ends in a clear message and the right status, never a crash
head -c 1048576 /dev/zero | tr '\0' ' ' | sed 's/^/CREATE TABLE one_line_things (id uuid PRIMARY KEY);/' > oneline.sql
check "a 1 MB single line" 0 "in 1 file" -- $DDLINT --no-config --select schema/primary-key oneline.sql
printf 'SELECT %s1%s;\nCREATE TABLE later_things (x int);\n' "$(head -c 100000 /dev/zero | tr '\0' '(')" "$(head -c 100000 /dev/zero | tr '\0' ')')" > deep.sql
check "deep nesting is a diagnostic, and the rest is linted" 0 "deep.sql:1:[0-9]+: error: memory exhausted at or near.*deep.sql:2:14: error: table 'public.later_things' has no primary key" -- through 1 "tr '\n' ' '" -- $DDLINT --no-config --select syntax-error --select schema/primary-key deep.sql
mkdir dl && ln -s /nonexistent dl/dangling.sql && printf 'CREATE TABLE x (id int PRIMARY KEY);\n' > dl/ok.sql
check "a broken symbolic link in a directory is skipped, said so" 0 "skipping 'dl/dangling.sql': broken symbolic link" -- $DDLINT --no-config --select schema/primary-key dl
ln -s /nonexistent dangling.sql
check "a broken symbolic link given as a file" 2 "cannot read 'dangling.sql': No such file or directory" -- $DDLINT --no-config dangling.sql
# one file named twice, or through a link as well, is linted once, where it is first named
mkdir twice && printf 'CREATE TABLE twice_things (id int);\n' > twice/a.sql && ln -s a.sql twice/b.sql && ln twice/a.sql twice/hard.sql
check "a file named twice is linted once" 1 "^1 error, 0 warnings, 0 infos in 1 file$" -- $DDLINT --no-config --select schema/primary-key twice/a.sql ./twice/a.sql "$(pwd)/twice/a.sql"
check "a file and a symbolic link to it, once" 1 "^twice/a.sql:1:14: error" -- $DDLINT --no-config --select schema/primary-key twice/a.sql twice/b.sql
check "a directory holding a file and its links: once" 1 "^1 error, 0 warnings, 0 infos in 1 file$" -- $DDLINT --no-config --select schema/primary-key twice
check "the first name given is the one shown" 1 "^twice/b.sql:1:14: error" -- $DDLINT --no-config --select schema/primary-key twice/b.sql twice
mkdir cfgdir
check "a directory given as the config file" 2 "cannot read config 'cfgdir': Is a directory" -- $DDLINT --config cfgdir clean.sql
check "a directory given as context is walked" 1 "nokey.sql" -- $DDLINT --no-config --context mig nokey.sql
if command -v mkfifo >/dev/null 2>&1; then
	mkfifo pipe.sql
	(printf 'CREATE TABLE piped_things (x int);\n' > pipe.sql &)
	check "a named pipe is read to its end" 1 "pipe.sql:1:14: error: table 'public.piped_things' has no primary key" -- $DDLINT --no-config --select schema/primary-key pipe.sql
fi

# a file rewritten, longer and shorter, while it is read: every run ends in a report, never a crash
printf 'CREATE TABLE changing_things (id uuid PRIMARY KEY);\n' > changing.sql
(i=0; while [ $i -lt 400 ]; do
	if [ $((i % 2)) -eq 0 ]; then head -c 300000 big.sql > changing.tmp; else printf 'CREATE TABLE c (id int);' > changing.tmp; fi
	cat changing.tmp > changing.sql; i=$((i + 1)); done) &
writer=$!
k=0; changing_ok=0
while [ $k -lt 20 ]; do
	$DDLINT --no-config --fail-on never changing.sql > changing.out 2>&1 && grep -q "in 1 file" changing.out && changing_ok=$((changing_ok + 1))
	k=$((k + 1))
done
wait $writer
check "a file that changes while it is read" 0 "^20$" -- echo $changing_ok

# -j: any number of threads gives the same report
check "-j takes a number" 2 "--jobs takes a number of threads from 1 to 1024, not 'many'" -- $DDLINT -j many clean.sql
check "-j 0 is refused" 2 "--jobs takes a number of threads from 1 to 1024, not '0'" -- $DDLINT --jobs=0 clean.sql
check "-j needs a value" 2 "option '-j' needs a value" -- $DDLINT -j
check "-j 1" 0 "" -- through 0 "cat > jobs1.out" -- $DDLINT --no-config --fail-on never -j 1 mig nokey.sql big.sql
check "-j 4 gives what -j 1 gives" 0 "" -- through 0 "cmp - jobs1.out" -- $DDLINT --no-config --fail-on never -j 4 mig nokey.sql big.sql
check "-j4 gives what -j 1 gives" 0 "" -- through 0 "cmp - jobs1.out" -- $DDLINT --no-config --fail-on never -j4 mig nokey.sql big.sql

# Suggested names never pass PostgreSQL's 63 bytes (README "Suggested names"), also inside the
# statements index/foreign-key and schema/updated-at-trigger suggest
cat > longnames.sql <<'EOF'
CREATE TABLE subscription_plan_feature_entitlement_override_assignments (id uuid PRIMARY KEY);
CREATE TABLE tenant_scoped_subscription_plan_feature_entitlement_overrides (
    id uuid PRIMARY KEY,
    subscription_plan_feature_entitlement_override_assignment_id uuid
        REFERENCES subscription_plan_feature_entitlement_override_assignments,
    updated_at timestamptz NOT NULL DEFAULT now()
);
EOF
check "index/foreign-key: the index name of its CREATE INDEX is cut to 63 bytes, with a hash" 0 \
	'"suggestion": "CREATE INDEX idx_tenant_scoped_subscription_plan_feature_entitlement_[0-9a-f]{6} ON public.tenant_scoped_subscription_plan_feature_entitlement_overrides \(subscription_plan_feature_entitlement_override_assignment_id\);"' \
	-- $DDLINT --no-config --fail-on never --format json longnames.sql
check "schema/updated-at-trigger: the trigger name keeps _updated_at after the hash" 0 \
	'"suggestion": "CREATE TRIGGER trg_tenant_scoped_subscription_plan_feature_e_[0-9a-f]{6}_updated_at BEFORE UPDATE' \
	-- $DDLINT --no-config --fail-on never --format json longnames.sql
check_not "no rule suggests a name longer than 63 bytes" 0 '"suggestion": ".*[A-Za-z0-9_]{64}' \
	-- $DDLINT --no-config --fail-on never --format json longnames.sql "$here"/../rules/*/*/bad-long-*.sql

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
