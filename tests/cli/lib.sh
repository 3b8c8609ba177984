# Shared by the command-line tests: check NAME STATUS PATTERN -- COMMAND...
# Counts into $pass and $fail.
pass=0
fail=0

# enter_work: go to a fresh directory ($work), removed at exit (made writable first,
# for the tests that lock files).
enter_work() {
	work=$(mktemp -d)
	trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
	cd "$work" || exit 2
}

# check NAME EXPECTED_STATUS PATTERN(grep -E, on stdout+stderr) -- COMMAND...
check() {
	name=$1 want=$2 pattern=$3
	shift 4
	out=$("$@" 2>&1)
	status=$?
	if [ "$status" -ne "$want" ]; then
		echo "FAIL $name: exit status $status, expected $want"; echo "$out" | sed 's/^/    /'
		fail=$((fail + 1))
	elif [ -n "$pattern" ] && ! printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
		echo "FAIL $name: output does not match /$pattern/"; echo "$out" | sed 's/^/    /'
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

