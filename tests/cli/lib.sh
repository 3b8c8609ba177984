# Shared by the command-line tests: each runs in a fresh directory of its own ($work,
# removed at exit, made writable first for the tests that lock files), and counts
# check NAME STATUS PATTERN -- COMMAND... into $pass and $fail.
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 2
pass=0
fail=0

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

