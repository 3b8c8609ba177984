#!/bin/sh
# Fixture runner. For every rule directory tests/rules/<id>/, each case:
#   bad-*.sql (or a bad-*/ directory, linted as one run) must print exactly
#   bad-*.expected, counting only that rule's lines;
#   ok-*.sql (or ok-*/) must print no line of that rule.
# A case with a config named like it beside it (bad-x.yml for bad-x.sql or bad-x/) is
# linted with --config that file, else with --no-config: that is how rule options are
# tested. Its findings must differ from those without the config, or the case shows
# nothing about the options.
# UPDATE=1 (make fixtures UPDATE=1) writes each bad-*.expected from what the binary
# prints instead of comparing, and shows what changed, for review before a commit.
# Run from the repository root; DDLINT names the binary.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
UPDATE=${UPDATE:-}
pass=0
fail=0
written=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
$DDLINT rules > "$tmp/rules" || { echo "FAIL ddlint rules: exit status $?"; exit 1; }

# lint DIR NAME ID SEVERITY CONFIG OUT: the rule's lines of one run over the case, into OUT;
# with --fail-on never any status but 0 is a failure of the run (a crash: 134, 139)
lint() {
	config_opt=--no-config
	[ -n "$5" ] && config_opt="--config $5"
	# shellcheck disable=SC2086
	(cd "$1" && $DDLINT $config_opt --no-color --fail-on never --rule "$3=$4" "$2") > "$tmp/run" 2>&1
	st=$?
	grep -F "[$3]" "$tmp/run" > "$6"
	if [ "$st" -ne 0 ]; then
		echo "FAIL $1/$2${5:+ (with $5)}: exit status $st"
		sed 's/^/    /' "$tmp/run"
		return 1
	fi
}

for dir in $(find tests/rules -mindepth 1 -type d | LC_ALL=C sort); do
	# a rule's directory holds cases (only bad ones, or only ok ones, will do)
	cases=
	for input in "$dir"/bad-* "$dir"/ok-*; do
		[ -e "$input" ] && cases=yes
	done
	[ -n "$cases" ] || continue
	id=${dir#tests/rules/}
	# rules that are off by default are turned on (as a warning) for their own fixtures
	sev=$(awk -v id="$id" '$1 == id { print $2 }' "$tmp/rules")
	if [ -z "$sev" ]; then
		echo "FAIL $dir: there is no rule $id"
		fail=$((fail + 1))
		continue
	fi
	[ "$sev" = off ] && sev=warning
	for cfg in "$dir"/*.yml; do
		[ -e "$cfg" ] || continue
		if [ ! -e "${cfg%.yml}.sql" ] && [ ! -d "${cfg%.yml}" ]; then
			echo "FAIL $cfg: no case named like it (${cfg%.yml}.sql or ${cfg%.yml}/)"
			fail=$((fail + 1))
		fi
	done
	for input in "$dir"/bad-* "$dir"/ok-*; do
		[ -e "$input" ] || continue
		case "$input" in *.expected|*.yml) continue ;; esac
		name=$(basename "$input")
		base=$dir/${name%.sql}
		config=
		[ -f "$base.yml" ] && config=${name%.sql}.yml
		if ! lint "$dir" "$name" "$id" "$sev" "$config" "$tmp/got"; then
			fail=$((fail + 1))
			continue
		fi
		if [ -n "$config" ]; then
			if ! lint "$dir" "$name" "$id" "$sev" "" "$tmp/default"; then
				fail=$((fail + 1))
				continue
			fi
			if cmp -s "$tmp/got" "$tmp/default"; then
				echo "FAIL $base: the same $id findings without $config; the case shows nothing of its options"
				fail=$((fail + 1))
				continue
			fi
		fi
		case "$name" in
		bad-*)
			expected=$base.expected
			if ! [ -s "$tmp/got" ]; then
				echo "FAIL $dir/$name: rule $id did not fire${config:+ (with $config)}"
				fail=$((fail + 1))
			elif [ -n "$UPDATE" ]; then
				if [ ! -f "$expected" ]; then
					echo "written $expected (new):"
					sed 's/^/    /' "$tmp/got"
					cp "$tmp/got" "$expected"
					written=$((written + 1))
				elif ! cmp -s "$expected" "$tmp/got"; then
					echo "written $expected:"
					diff -u "$expected" "$tmp/got" | sed 's/^/    /'
					cp "$tmp/got" "$expected"
					written=$((written + 1))
				fi
				pass=$((pass + 1))
			elif [ ! -f "$expected" ]; then
				echo "FAIL $dir/$name: missing $expected (make fixtures UPDATE=1 writes it)"
				fail=$((fail + 1))
			elif diff -u "$expected" "$tmp/got" > /dev/null; then
				pass=$((pass + 1))
			else
				echo "FAIL $dir/$name${config:+ (with $config)}:"
				diff -u "$expected" "$tmp/got" | sed 's/^/    /'
				fail=$((fail + 1))
			fi ;;
		ok-*)
			if [ -s "$tmp/got" ]; then
				echo "FAIL $dir/$name${config:+ (with $config)}: expected no $id findings, got:"
				sed 's/^/    /' "$tmp/got"
				fail=$((fail + 1))
			else
				pass=$((pass + 1))
			fi ;;
		esac
	done
done
echo "fixtures: $pass passed, $fail failed${UPDATE:+; $written .expected files written}"
[ "$fail" -eq 0 ]
