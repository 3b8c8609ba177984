#!/bin/sh
# Config tests: discovery, every config error message, overrides, init and config commands.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
mkdir .git   # config lookup stops here

printf 'CREATE TABLE Things (x int);\n' > t.sql

# bad_config NAME PATTERN: bad.yml must give exit status 2 and PATTERN. Write it first, not
# in a pipeline (printf ... | bad_config): the check would count in a subshell, and be lost.
bad_config() {
	check "config error: $1" 2 "$2" -- $DDLINT --config bad.yml t.sql
}

printf 'rules:\n  naming/snake-case: [error\n' > bad.yml; bad_config "invalid YAML" "^ddlint: bad.yml:3:1: invalid YAML: "
printf -- '- a\n- b\n' > bad.yml; bad_config "not a map" "^ddlint: bad.yml:1:1: expected a map of settings"
printf 'rulez:\n  x: off\n' > bad.yml; bad_config "unknown key, near miss" "^ddlint: bad.yml:1:1: unknown key 'rulez'; did you mean 'rules'\\? \\(accepted keys: extends, fail_on, include, exclude, rules, suppressions, migrations, safety\\)"
printf 'colour: red\n' > bad.yml; bad_config "unknown key" "^ddlint: bad.yml:1:1: unknown key 'colour'; accepted keys: extends, fail_on, include, exclude, rules, suppressions, migrations, safety"
printf 'extends: lenient\n' > bad.yml; bad_config "extends" "^ddlint: bad.yml:1:10: 'extends' expects standard or strict"
printf 'fail_on: sometimes\n' > bad.yml; bad_config "fail_on" "^ddlint: bad.yml:1:10: 'fail_on' expects error, warning, info or never"
printf 'include: {a: b}\n' > bad.yml; bad_config "include type" "^ddlint: bad.yml:1:10: 'include' expects a list of globs"
printf 'exclude: ["db/[seeds/**"]\n' > bad.yml; bad_config "invalid glob" "^ddlint: bad.yml:1:11: invalid glob 'db/\\[seeds/\\*\\*' in 'exclude': unclosed '\\['"
printf 'exclude: ["a"]\nexclude: ["b/[x"]\n' > bad.yml; bad_config "a key given twice (found by fuzzing)" "^ddlint: bad.yml:2:11: invalid glob 'b/\\[x' in 'exclude'"
printf 'rules: [a]\n' > bad.yml; bad_config "rules type" "^ddlint: bad.yml:1:8: 'rules' expects a map"
printf 'rules:\n  naming/snake-cas: off\n' > bad.yml; bad_config "unknown rule, near miss" "^ddlint: bad.yml:2:3: unknown rule 'naming/snake-cas'; did you mean 'naming/snake-case'\\?"
printf 'rules:\n  primary-key: off\n' > bad.yml; bad_config "unknown rule, other category" "did you mean 'schema/primary-key'\\?"
printf 'rules:\n  nothing/like-this: off\n' > bad.yml; bad_config "unknown rule" "^ddlint: bad.yml:2:3: unknown rule 'nothing/like-this'; 'ddlint rules' lists them"
printf 'rules:\n  naming/snake-case: { patern: x }\n' > bad.yml; bad_config "unknown option, near miss" "^ddlint: bad.yml:2:24: rule 'naming/snake-case' has no option 'patern'; did you mean 'pattern'\\?"
printf 'rules:\n  schema/primary-key: { strict: true }\n' > bad.yml; bad_config "option of a rule without options" "rule 'schema/primary-key' has no option 'strict' \\(options: it has none; and severity\\)"
printf 'rules:\n  naming/snake-case: { pattern: "(" }\n' > bad.yml; bad_config "invalid pattern" "^ddlint: bad.yml:2:33: option 'pattern' of rule 'naming/snake-case': invalid regular expression"
# glibc regcomp would take gigabytes on these before returning (found by fuzz_config)
printf 'rules:\n  naming/snake-case: { pattern: "a+++++++++++++++++++++++++++++++++++++" }\n' > bad.yml; bad_config "stacked repetition" "^ddlint: bad.yml:2:33: option 'pattern' of rule 'naming/snake-case': regular expression repeats too much"
printf 'rules:\n  naming/snake-case: { pattern: "((a{0,40}){0,40}){0,40}" }\n' > bad.yml; bad_config "nested repetition" "^ddlint: bad.yml:2:33: option 'pattern' of rule 'naming/snake-case': regular expression repeats too much"
printf 'rules:\n  types/varchar: { code_suffixes: _code }\n' > bad.yml; bad_config "list expected" "option 'code_suffixes' of rule 'types/varchar': expected a list of strings"
printf 'rules:\n  types/money: { suggested_type: [a] }\n' > bad.yml; bad_config "string expected" "option 'suggested_type' of rule 'types/money': expected a string"
printf 'rules:\n  schema/audit-columns: { required: [{ name: created_at, nullable: true }] }\n' > bad.yml; bad_config "structured option" "^ddlint: bad.yml:2:58: option 'required' of rule 'schema/audit-columns': unknown key; a required column takes name, type, not_null, default, references"
printf 'rules:\n  schema/audit-columns: { required: [{ type: uuid }] }\n' > bad.yml; bad_config "structured option, missing name" "a required column needs a name"
printf 'rules:\n  schema/audit-columns: { required: [{ name: x, not_null: maybe }] }\n' > bad.yml; bad_config "structured option, bool" "expected true or false"
printf 'rules:\n  naming/snake-case: loud\n' > bad.yml; bad_config "severity" "^ddlint: bad.yml:2:22: severity of rule 'naming/snake-case' must be error, warning, info or off, not 'loud'"
printf 'rules:\n  naming/snake-case: [error]\n' > bad.yml; bad_config "rule value type" "expects a severity \\(error, warning, info, off\\) or a map of options"
printf 'suppressions: { require: true }\n' > bad.yml; bad_config "suppressions key" "unknown key 'require' in 'suppressions'; accepted: require_reason"
printf 'suppressions: { require_reason: sure }\n' > bad.yml; bad_config "require_reason" "'require_reason' expects true or false"
printf 'safety: true\n' > bad.yml; bad_config "safety type" "^ddlint: bad.yml:1:9: 'safety' expects a map"
printf 'safety: { assume: true }\n' > bad.yml; bad_config "safety key" "^ddlint: bad.yml:1:11: unknown key 'assume' in 'safety'; accepted: assume_existing, postgres_version"
printf 'safety: { assume_existing: maybe }\n' > bad.yml; bad_config "assume_existing" "'assume_existing' expects true or false"
printf 'safety: { postgres_version: 9.6 }\n' > bad.yml; bad_config "postgres_version not a major" "^ddlint: bad.yml:1:29: 'postgres_version' expects a PostgreSQL major version from 10 to 18"
printf 'safety: { postgres_version: 19 }\n' > bad.yml; bad_config "postgres_version too new" "'postgres_version' expects a PostgreSQL major version from 10 to 18"
printf 'safety: { postgres_version: [15] }\n' > bad.yml; bad_config "postgres_version list" "'postgres_version' expects a PostgreSQL major version"
printf 'safety:\n  assume_existing: true\n  postgres_version: 11\n' > safety.yml
check "config shows safety settings and where they come from" 0 "^  assume_existing: true +# safety.yml:2\$" -- $DDLINT config --config safety.yml t.sql
check "config shows postgres_version" 0 "^  postgres_version: 11 +# safety.yml:3\$" -- $DDLINT config --config safety.yml t.sql
check "config shows the safety defaults" 0 "^  postgres_version: 15 +# default\$" -- $DDLINT config --no-config t.sql
printf 'rules: {}\n\377\n' > bad.yml; bad_config "not UTF-8" "^ddlint: bad.yml:1:1: not a UTF-8 text file"

# YAML aliases: nested ones multiply (a "billion laughs": these 406 bytes ask for 9^9 nodes,
# and took more than 4 GB before aliases had a budget of copied nodes); a few are fine
laughs() {   # laughs N: N levels, each a list of 9 aliases of the level above
	printf 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n'
	prev=a
	for l in b c d e f g h i; do
		[ "$l" \> "$(echo abcdefghi | cut -c"$1")" ] && break
		printf '%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n' $l $l $prev $prev $prev $prev $prev $prev $prev $prev $prev
		prev=$l
	done
}
{ laughs 9; printf 'rules: *i\n'; } > bomb.yml
check "aliases: a billion laughs is refused, at the alias past the budget, at once" 2 "^ddlint: bomb.yml:6:8: alias '\\*e' makes the aliases copy more than 100000 nodes \\(aliases of aliases multiply\\); refusing to expand them$" -- timeout 10 $DDLINT --config bomb.yml t.sql
laughs 5 > laughs5.yml
check "aliases: 74,718 copies are within the budget (then 'a' is no setting)" 2 "^ddlint: laughs5.yml:1:1: unknown key 'a'" -- timeout 10 $DDLINT --config laughs5.yml t.sql
printf 'rules: &a [*a, *a]\n' > bad.yml; bad_config "aliases: an alias inside its own node" "^ddlint: bad.yml:1:12: alias '\\*a' is inside the node it names: it would copy itself forever$"
printf 'rules:\n  naming/snake-case: &quiet off\n  naming/table-plural: *quiet\n  schema/audit-columns: &skip { severity: off }\n  schema/primary-key: *skip\n  types/varchar: { severity: &loud error }\n  types/jsonb: *loud\n' > aliases.yml
printf 'CREATE TABLE Thing (name varchar, doc json);\n' > alias.sql
check "aliases: a severity through an alias" 1 "^alias.sql:1:35: error: column 'thing.doc' is json" -- $DDLINT --config aliases.yml alias.sql
check_not "aliases: rules turned off through aliases" 1 "snake-case|table-plural|audit-columns|primary-key" -- $DDLINT --config aliases.yml alias.sql
check "aliases: ddlint config shows them" 0 "schema/primary-key: +severity: off +# aliases.yml:5" -- through 0 "tr '\\n' ' '" -- $DDLINT --config aliases.yml config alias.sql
check "config file missing" 2 "^ddlint: cannot read config 'nope.yml': No such file or directory" -- $DDLINT --config nope.yml t.sql
printf '' > empty.yml
check "empty config is the defaults" 1 "naming/snake-case" -- $DDLINT --config empty.yml t.sql

# discovery: the nearest .ddlint.yml wins for each file
mkdir -p proj/db/legacy
printf 'rules:\n  naming/snake-case: off\n' > proj/.ddlint.yml
printf 'rules:\n  schema/primary-key: off\n' > proj/db/legacy/.ddlint.yml
cp t.sql proj/db/a.sql
cp t.sql proj/db/legacy/b.sql
check "nearest config: parent" 1 "^proj/db/a.sql:1:14: error: table 'public.things' has no primary key" -- $DDLINT proj/db/a.sql
check_not "nearest config: parent turns snake-case off" 1 snake-case -- $DDLINT proj/db/a.sql
check "nearest config: child" 1 "b.sql:1:14: error: table name 'Things' is not snake_case" -- $DDLINT proj/db/legacy/b.sql
check_not "nearest config: child turns primary-key off" 1 primary-key -- $DDLINT proj/db/legacy/b.sql
check "--no-config" 1 "naming/snake-case" -- $DDLINT --no-config proj/db/a.sql
check_not "--config forces one file" 1 primary-key -- $DDLINT --config proj/db/legacy/.ddlint.yml proj/db/a.sql
check_not "stdin uses the config of its name" 1 snake-case -- sh -c "$DDLINT --stdin-filename proj/db/new.sql - < t.sql"
mkdir -p proj/sub/.git sub2
printf 'CREATE TABLE Things (x int);\n' > proj/sub/c.sql
check "a .git directory stops the lookup" 1 "naming/snake-case" -- $DDLINT proj/sub/c.sql

# include and exclude, relative to the config file
mkdir -p inc/db/seeds inc/other
printf 'include: ["db/**/*.sql"]\nexclude: ["db/seeds/**"]\n' > inc/.ddlint.yml
cp t.sql inc/db/a.sql; cp t.sql inc/db/seeds/s.sql; cp t.sql inc/other/o.sql; cp t.sql inc/top.sql
check "include and exclude" 1 "in 1 file" -- $DDLINT inc
check "exclude applies to named files" 0 "no .sql files found" -- $DDLINT inc/db/seeds/s.sql

# fail_on, extends, --fail-on, --select, --ignore
printf 'fail_on: never\n' > never.yml
check "fail_on from the config" 0 "error" -- $DDLINT --config never.yml t.sql
check "--fail-on beats the config" 1 "error" -- $DDLINT --config never.yml --fail-on error t.sql
printf 'CREATE TABLE users (id uuid PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());\nCREATE TRIGGER trg BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION f();\nCREATE TABLE s (id uuid PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), user_id uuid REFERENCES users ON DELETE CASCADE);\nCREATE TRIGGER trg BEFORE UPDATE ON s FOR EACH ROW EXECUTE FUNCTION f();\nCREATE INDEX idx_s_user_id ON s (user_id);\nCREATE TABLE n (id uuid PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), user_id uuid REFERENCES users);\nCREATE TRIGGER trg BEFORE UPDATE ON n FOR EACH ROW EXECUTE FUNCTION f();\nCREATE INDEX idx_n_user_id ON n (user_id);\n' > fk.sql
printf 'extends: strict\n' > strict.yml
check "standard leaves off rules off" 0 "0 errors, 0 warnings" -- $DDLINT --config empty.yml fk.sql
check "strict turns every rule on" 1 "does not state its ON DELETE action.*\\[schema/foreign-key-action\\]" -- $DDLINT --config strict.yml fk.sql
check "--select" 1 "1 error, 0 warnings" -- $DDLINT --no-config --select schema/primary-key t.sql
check "--select a category" 1 "^t.sql:1:14: error: table name 'Things'" -- $DDLINT --no-config --select naming t.sql
check_not "--ignore" 1 snake-case -- $DDLINT --no-config --ignore naming/ t.sql
check "--select unknown" 2 "--select: no rule id or category 'nope'" -- $DDLINT --select nope t.sql
check "--rule unknown" 2 "--rule: unknown rule 'nope'" -- $DDLINT --rule nope=off t.sql
check "--rule bad severity" 2 "--rule takes ID=SEVERITY" -- $DDLINT --rule naming/snake-case=loud t.sql

# options from the config reach the rules
printf 'rules:\n  types/primary-key-type: { type: bigint }\n  naming/snake-case: { pattern: "^[a-zA-Z]+$" }\n' > opts.yml
printf 'CREATE TABLE Things (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, other_col int);\n' > opt.sql
check_not "option: type bigint accepts identity" 1 primary-key-type -- $DDLINT --config opts.yml opt.sql
check "option: pattern" 1 "column name 'other_col' is not snake_case" -- $DDLINT --config opts.yml opt.sql

# init and config
mkdir initdir
check "init writes a config" 0 "wrote initdir/.ddlint.yml" -- $DDLINT init initdir
check "init refuses to overwrite" 2 "already exists; not overwriting it" -- $DDLINT init initdir
check "init's config loads" 1 "" -- $DDLINT --config initdir/.ddlint.yml t.sql
sed 's/^  #\([a-z]\|  \)/  \1/' initdir/.ddlint.yml > uncommented.yml
check "init's config loads with every rule uncommented" 0 "naming/snake-case:" -- $DDLINT --config uncommented.yml config t.sql
check "config shows where values come from" 0 "severity: off +# .*proj/.ddlint.yml:2" -- $DDLINT config proj/db/a.sql
check "config shows defaults" 0 "schema/primary-key:.* +severity: error +# default" -- through 0 "tr '\n' ' '" -- $DDLINT config proj/db/a.sql
check "config without a file" 0 "config file: none found; built-in defaults" -- $DDLINT config t.sql
check "config with a broken file" 2 "unknown key 'colour'" -- sh -c "printf 'colour: red\n' > sub2/.ddlint.yml; $DDLINT config sub2/x.sql"

echo "cli-config: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
