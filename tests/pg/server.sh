#!/bin/sh
# A throwaway PostgreSQL 15 for the tests: initdb into a temporary directory, Unix
# socket only, run as the postgres user when we are root.
#   . tests/pg/server.sh; pg_start; ... psql ...; pg_stop
# Sets PGHOST (the socket directory), PGPORT, PGUSER and PGDATABASE for psql and pg_dump.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

pg_start() {
	PGTMP=$(mktemp -d /tmp/ddlint-pg-XXXXXX)
	chmod 755 "$PGTMP"
	[ "$(id -u)" = 0 ] && chown postgres "$PGTMP"
	as_owner "$PGBIN/initdb" -D "$PGTMP/data" -U ddlint -A trust -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1 ||
		{ cat "$PGTMP/initdb.log" >&2; return 1; }
	PGPORT=${PGPORT:-$((50000 + $$ % 10000))}   # per run, so two runs do not collide
	as_owner "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
		-o "-c listen_addresses='' -c unix_socket_directories='$PGTMP' -p $PGPORT -c fsync=off -c full_page_writes=off" \
		start >/dev/null || { cat "$PGTMP/server.log" >&2; return 1; }
	export PGHOST="$PGTMP" PGPORT PGUSER=ddlint PGDATABASE=postgres
	# schemas written by pg_dump name their owner; the usual one exists here too
	psql -X -q -c "CREATE ROLE postgres SUPERUSER" >/dev/null 2>&1 || true
}

pg_stop() {
	[ -n "${PGTMP:-}" ] || return 0
	as_owner "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1
	rm -rf "$PGTMP"
	PGTMP=
}
