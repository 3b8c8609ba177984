#!/bin/sh
# The fixture runner (tests/run-fixtures.sh) on a rule directory of its own: a config beside
# a case, UPDATE=1, and the mistakes it must catch.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
root=$(pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
mkdir .git
d=tests/rules/naming/enum-suffix
mkdir -p $d
fixtures() { env DDLINT="$DDLINT" UPDATE= sh "$root/tests/run-fixtures.sh"; }
update() { env DDLINT="$DDLINT" UPDATE=1 sh "$root/tests/run-fixtures.sh"; }

printf "CREATE TYPE mood AS ENUM ('ok');\n" > $d/bad-mood.sql
check "a case without its .expected fails, saying how to write it" 1 "^FAIL $d/bad-mood.sql: missing $d/bad-mood.expected \\(make fixtures UPDATE=1 writes it\\)" -- fixtures
check "UPDATE=1 writes it, and shows it" 0 "^    bad-mood.sql:1:13: warning: enum type 'mood' does not end with _enum" -- update
check "what it wrote passes (a rule directory with bad cases only is run)" 0 "^fixtures: 1 passed, 0 failed$" -- fixtures
sed 's/mood_enum/mood_kind/' $d/bad-mood.expected > x && mv x $d/bad-mood.expected
check "a stale .expected fails with the difference" 1 "^    \\+bad-mood.sql:1:13: .*e.g. 'mood_enum'" -- fixtures
check "UPDATE=1 rewrites it, with the difference, and counts it" 0 "^written $d/bad-mood.expected:.*    \\+bad-mood.sql:1:13: .*; 1 .expected files written $" -- through 0 "tr '\n' ' '" -- update
check "what it rewrote passes" 0 "^fixtures: 1 passed, 0 failed$" -- fixtures
check "UPDATE=1 leaves a right .expected alone" 0 "^fixtures: 1 passed, 0 failed; 0 .expected files written$" -- update

# a config named like the case is used for it, and must change what the rule reports
printf "CREATE TYPE mood AS ENUM ('ok');\nCREATE TYPE status_type AS ENUM ('ok');\n" > $d/bad-type.sql
printf 'rules:\n  naming/enum-suffix: { suffix: _type }\n' > $d/bad-type.yml
check "a case's config is used" 0 "^    bad-type.sql:1:13: warning: enum type 'mood' does not end with _type" -- update
check "only for that case" 0 "^fixtures: 2 passed, 0 failed$" -- fixtures
printf "CREATE TYPE mood_enum AS ENUM ('ok');\n" > $d/ok-same.sql
printf 'rules:\n  naming/enum-suffix: { suffix: _enum }\n' > $d/ok-same.yml
check "a config that changes nothing fails" 1 "^FAIL $d/ok-same: the same naming/enum-suffix findings without ok-same.yml" -- fixtures
rm $d/ok-same.*
printf 'rules:\n  naming/enum-suffix: { suffix: _type }\n' > $d/ok-typo.yml
check "a config without its case fails" 1 "^FAIL $d/ok-typo.yml: no case named like it" -- fixtures
rm $d/ok-typo.yml
printf 'rules:\n  naming/enum-suffix: { sufix: _type }\n' > $d/bad-type.yml
check "a broken config fails its case" 1 "^FAIL $d/bad-type.sql \\(with bad-type.yml\\): exit status 2" -- fixtures
rm $d/bad-type.*

mkdir -p tests/rules/naming/enum-sufix
printf "CREATE TYPE mood AS ENUM ('ok');\n" > tests/rules/naming/enum-sufix/bad-mood.sql
check "cases in a directory that names no rule fail" 1 "^FAIL tests/rules/naming/enum-sufix: there is no rule naming/enum-sufix$" -- fixtures
rm -r tests/rules/naming/enum-sufix

# a ddlint that prints its findings and then crashes fails even an ok case
printf "CREATE TYPE mood_enum AS ENUM ('ok');\n" > $d/ok-mood.sql
printf '#!/bin/sh\n%s "$@"\nst=$?\n[ "$1" = rules ] && exit $st\nkill -SEGV $$\n' "$DDLINT" > crashing
chmod +x crashing
check "a crash fails an ok case" 1 "^FAIL $d/ok-mood.sql: exit status 139" -- env DDLINT="$work/crashing" sh "$root/tests/run-fixtures.sh"

echo "cli-fixtures: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
