#!/bin/sh
# The Debian packages a built ddlint needs at run time (the shared libraries it links, found with
# ldd and dpkg -S), one a line; libc6 left out (every Debian image has it). The Dockerfile
# installs these in its final stage.
#   sh scripts/runtime-deps.sh [BINARY]     (default build/ddlint)
set -eu
bin=${1:-build/ddlint}
# only the libraries the binary names itself (NEEDED): theirs come with their packages (libpq5
# brings libssl3, Kerberos, LDAP...), as apt installs them
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
ldd "$bin" | awk '$2 == "=>" && $3 ~ /^\// { print $1, $3 }' | while read -r name lib; do
	case " $(echo $needed) " in *" $name "*) ;; *) continue ;; esac
	dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib"
done | cut -d: -f1 | grep -v '^libc6$' | LC_ALL=C sort -u
