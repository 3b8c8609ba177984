#!/bin/sh
# Fixture runner. For every rule directory tests/rules/<id>/:
#   bad-*.sql (or bad-*/ directories, linted as one run) must print exactly
#   bad-*.expected, counting only that rule's lines;
#   ok-*.sql (or ok-*/) must print no line of that rule.
# Run from the repository root; DDLINT names the binary.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
pass=0
fail=0
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.out"' EXIT
$DDLINT rules > "$tmp.out" || { echo "FAIL ddlint rules: exit status $?"; exit 1; }
rules=$(cat "$tmp.out")
for dir in $(find tests/rules -mindepth 1 -type d | LC_ALL=C sort); do
	ls "$dir"/bad-* "$dir"/ok-* >/dev/null 2>&1 || continue
	id=${dir#tests/rules/}
	# rules that are off by default are turned on (as a warning) for their own fixtures
	sev=$(echo "$rules" | awk -v id="$id" '$1 == id { print $2 }')
	[ "$sev" = off ] && sev=warning
	for input in "$dir"/bad-* "$dir"/ok-*; do
		[ -e "$input" ] || continue
		case "$input" in *.expected) continue ;; esac
		name=$(basename "$input")
		# with --fail-on never any other status than 0 is a failure of the run (a crash: 134, 139)
		# shellcheck disable=SC2086
		(cd "$dir" && $DDLINT --no-config --no-color --fail-on never --rule "$id=$sev" "$name") > "$tmp.out" 2>&1
		status=$?
		grep -F "[$id]" "$tmp.out" > "$tmp"
		if [ "$status" -ne 0 ]; then
			echo "FAIL $dir/$name: exit status $status"
			sed 's/^/    /' "$tmp.out"
			fail=$((fail + 1))
			continue
		fi
		case "$name" in
		bad-*)
			expected="$dir/${name%.sql}.expected"
			if [ ! -f "$expected" ]; then
				echo "FAIL $dir/$name: missing ${expected}"
				fail=$((fail + 1))
			elif ! [ -s "$tmp" ]; then
				echo "FAIL $dir/$name: rule $id did not fire"
				fail=$((fail + 1))
			elif diff -u "$expected" "$tmp" > /dev/null; then
				pass=$((pass + 1))
			else
				echo "FAIL $dir/$name:"
				diff -u "$expected" "$tmp" | sed 's/^/    /'
				fail=$((fail + 1))
			fi ;;
		ok-*)
			if [ -s "$tmp" ]; then
				echo "FAIL $dir/$name: expected no $id findings, got:"
				sed 's/^/    /' "$tmp"
				fail=$((fail + 1))
			else
				pass=$((pass + 1))
			fi ;;
		esac
	done
done
echo "fixtures: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
