# Shared by the command-line tests: check, check_not and through; they count into $pass and $fail.
# A check runs ddlint itself, never at the head of a pipeline (`ddlint | grep`, `! ddlint | grep -q`):
# a pipeline's status is its last command's, so a crash (status 134, 139) would pass.
pass=0
fail=0

# missing_tool SUITE WHAT: a suite that needs a test tool this machine lacks ends here: failed in
# CI (.ci/run installs every test tool: a skip there would hide a lost test), skipped elsewhere.
missing_tool() {
	if [ "${CI:-}" = true ]; then
		echo "FAIL $1: needs $2, which sh scripts/install-deps.sh --test installs"
		exit 1
	fi
	echo "SKIP $1: needs $2; sh scripts/install-deps.sh --test installs what is missing"
	exit 0
}

# enter_work: go to a fresh directory ($work), removed at exit (made writable first,
# for the tests that lock files).
enter_work() {
	work=$(mktemp -d)
	trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
	cd "$work" || exit 2
}

# status_is STATUS EXPECTED: is STATUS one of EXPECTED, a status or several ("0|1")?
status_is() {
	case "|$2|" in *"|$1|"*) return 0 ;; esac
	return 1
}

# check NAME EXPECTED_STATUS PATTERN(grep -E, on stdout+stderr) -- COMMAND...
# The exit status is left in $status.
check() {
	name=$1 want=$2 pattern=$3
	shift 4
	out=$("$@" 2>&1)
	status=$?
	if ! status_is "$status" "$want"; then
		echo "FAIL $name: exit status $status, expected $want"; echo "$out" | sed 's/^/    /'
		fail=$((fail + 1))
	elif [ -n "$pattern" ] && ! printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
		echo "FAIL $name: output does not match /$pattern/"; echo "$out" | sed 's/^/    /'
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

# check_not NAME EXPECTED_STATUS PATTERN -- COMMAND...: the command exits EXPECTED_STATUS
# and no line of its standard output matches PATTERN (grep -E).
check_not() {
	name=$1 want=$2 pattern=$3
	shift 4
	out=$("$@" 2>"$work/.check_not.err")
	status=$?
	if ! status_is "$status" "$want"; then
		echo "FAIL $name: exit status $status, expected $want"
		{ printf '%s\n' "$out"; cat "$work/.check_not.err"; } | sed 's/^/    /'
		fail=$((fail + 1))
	elif printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
		echo "FAIL $name: output matches /$pattern/"; printf '%s\n' "$out" | sed 's/^/    /'
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

# through EXPECTED_STATUS FILTER -- COMMAND...: the command's standard output through FILTER
# (shell code, evaluated here: it sees these functions and the script's variables), for the
# checks that must reshape ddlint's output (join lines, count, parse JSON). Fails, saying so,
# when the command's exit status is not EXPECTED_STATUS; else the filter's status. The
# command's standard error is passed on.
#   check "order" 0 "^a.sql .*b.sql" -- through 1 "tr '\n' ' '" -- $DDLINT dir
through() {
	want=$1 filter=$2
	shift 3
	"$@" > "$work/.through.out"
	st=$?
	if ! status_is "$st" "$want"; then
		echo "through: exit status $st of $1, expected $want"
		return 125
	fi
	eval "$filter" < "$work/.through.out"
}
