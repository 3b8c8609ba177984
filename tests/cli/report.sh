#!/bin/sh
# ddlint report: compliance per rule (objects checked, passed) and overall, as text, JSON and
# Markdown; the counts against a schema whose objects are known, and against the findings of a
# lint; every rule's findings are about objects it says it checked (no "undeclared" ones) over
# the rule fixtures and the corpus.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
root=$(pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work

cat > s.sql <<'SQL'
CREATE TABLE users (
    id uuid PRIMARY KEY,
    is_active boolean NOT NULL,
    enabled boolean,
    archived boolean -- ddlint-disable-line naming/boolean-prefix -- legacy
);
CREATE TABLE logs (happened_at timestamptz NOT NULL);
CREATE TABLE events (id uuid PRIMARY KEY);
SQL
sel="--no-config --select naming/boolean-prefix --select schema/primary-key"
check "text: per rule" 0 "^naming/boolean-prefix +warning +3 +2 +1 +66\.7%  \(1 suppressed\)$" -- $DDLINT report $sel s.sql
check "text: tables without a primary key" 0 "^schema/primary-key +error +3 +2 +1 +66\.7%$" -- $DDLINT report $sel s.sql
check "text: overall" 0 "^overall +6 +4 +2 +66\.7%$" -- $DDLINT report $sel s.sql
off=$(($($DDLINT rules | wc -l) - 2))   # every rule but the two selected
check "text: the rules turned off are named as not counted" 0 "^$off rules off, not counted$" -- $DDLINT report $sel s.sql
check "json: counts and percent" 0 '^naming/boolean-prefix 3 2 1 1 0 66.7$' -- through 0 "jq -r '.rules[] | select(.rule == \"naming/boolean-prefix\") | \"\\(.rule) \\(.checked) \\(.passed) \\(.failed) \\(.suppressed) \\(.undeclared) \\(.percent * 10 | round / 10)\"'" -- $DDLINT report $sel --format json s.sql
check "json: overall is the sum of the rules" 0 '^sum ok$' -- through 0 "jq -r '[.rules[].checked] as \$c | [.rules[].passed] as \$p | if (\$c | add) == .overall.checked and (\$p | add) == .overall.passed then \"sum ok\" else \"bad\" end'" -- $DDLINT report --no-config --format json "$root/examples/schema.sql"
check "json: a rule that checked nothing has no percent" 0 '^null$' -- through 0 "jq '.rules[] | select(.rule == \"migration/down-file\") | .percent'" -- $DDLINT report --no-config --format json s.sql
check "markdown: the headline" 0 '^\*\*66\.7%\*\* of 6 checked objects follow the standard \(1 file\)\.$' -- $DDLINT report $sel --format markdown s.sql
check "markdown: a table row" 0 '^\| `naming/boolean-prefix` \| 3 \| 2 \| 1 \| 66\.7% \(1 suppressed\) \|$' -- $DDLINT report $sel --format markdown s.sql
check "markdown: the overall row" 0 '^\| \*\*overall\*\* \| 6 \| 4 \| 2 \| \*\*66\.7%\*\* \|$' -- $DDLINT report $sel --format markdown s.sql
check "--output FILE" 0 '^## ddlint compliance$' -- sh -c "$DDLINT report $sel --format markdown --output r.md s.sql && cat r.md"
check "an unknown format" 2 "report: unknown format 'sarif'; use text, json or markdown" -- $DDLINT report $sel --format sarif s.sql
check "a lint format is not a report's" 2 "report: unknown format 'github'" -- $DDLINT report $sel --format github s.sql
check "exit status 0 with findings" 0 "" -- $DDLINT report --no-config "$root/examples/schema.sql"
printf 'rules:\n  naming/boolean-prefix: off\n' > off.yml
check_not "a rule off in the config is not listed" 0 "^naming/boolean-prefix" -- $DDLINT report --config off.yml s.sql

# every failed object is a finding, and every rule with a finding has a failed object
failed_vs_findings='
	r=$(jq -r ".rules[] | select(.severity != \"off\") | \"\\(.rule) \\(.failed)\"" report.json | sort)
	f=$(jq -r ".[] | select(.suppressed | not) | .rule" lint.json | sort | uniq -c | awk "{ print \$2, \$1 }")
	echo "$r" | while read -r rule failed; do
		n=$(echo "$f" | awk -v r="$rule" "\$1 == r { print \$2 }")
		n=${n:-0}
		if [ "$failed" -gt "$n" ] || { [ "$n" -gt 0 ] && [ "$failed" -eq 0 ]; }; then echo "$rule: $failed failed, $n findings"; fi
	done
	echo done'
for input in "$root/examples/schema.sql" "${CORPUS:-$root/../shared/corpus}/schemas/pagila" "${CORPUS:-$root/../shared/corpus}/migrations/lemmy_diesel"; do
	[ -e "$input" ] || continue
	$DDLINT report --no-config --format json "$input" > report.json
	$DDLINT --no-config --format json "$input" > lint.json.full
	jq '.diagnostics' lint.json.full > lint.json
	check "failed objects match the findings: ${input##*/}" 0 "^done$" -- sh -c "$failed_vs_findings"
done

# the rules say what they check: no finding falls outside it, over every fixture (with its
# config, else every rule on) and the corpus
printf 'extends: strict\n' > strict.yml
: > undeclared.txt
n=0
for c in $(find "$root/tests/rules" -mindepth 2 -maxdepth 3 \( -name 'bad-*' -o -name 'ok-*' \) ! -name '*.expected' ! -name '*.yml' | sort); do
	base=${c%.sql}
	cfg=strict.yml
	[ -f "$base.yml" ] && cfg=$base.yml
	$DDLINT report --config "$cfg" --format json "$c" > one.json 2>/dev/null
	jq -r --arg c "${c#$root/}" '.rules[] | select(.undeclared > 0) | "\($c) \(.rule) \(.undeclared)"' one.json >> undeclared.txt
	n=$((n + 1))
done
check "every fixture was reported on" 0 "" -- test "$n" -gt 200
check_not "no finding about an object its rule did not say it checked (fixtures)" 0 "." -- cat undeclared.txt
corpus=${CORPUS:-$root/../shared/corpus}
if [ -d "$corpus/schemas" ]; then
	: > undeclared.txt
	for d in "$corpus"/schemas/* "$corpus"/migrations/*; do
		$DDLINT report --config strict.yml --format json "$d" 2>/dev/null |
			jq -r --arg c "${d##*/}" '.rules[] | select(.undeclared > 0) | "\($c) \(.rule) \(.undeclared)"' >> undeclared.txt
	done
	check_not "no finding about an object its rule did not say it checked (corpus)" 0 "." -- cat undeclared.txt
fi

echo "cli-report: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
