#!/bin/sh
# Entry point of the pre-commit hook (.pre-commit-hooks.yaml). Builds ddlint in
# this checkout on first use, then lints the files pre-commit passes.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -x "$here/build/ddlint" ] || [ "$here/Makefile" -nt "$here/build/ddlint" ]; then
	echo "ddlint: building in $here (first use)" >&2
	# a make that calls us (make check, make asan) must not pass its variables to this build
	if ! env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u BUILD -u OPT -u CFLAGS -u LDFLAGS -u VALGRIND make -s -C "$here" build/ddlint >&2; then
		echo "ddlint: the build failed; install the build dependencies: sh $here/scripts/install-deps.sh" >&2
		exit 2
	fi
fi
exec "$here/build/ddlint" "$@"
