/*
 * verify (src/verify/, at the level of the command line): `ddlint verify` runs the migrations of a
 * run on a real PostgreSQL through libpq — up, catalog snapshot, down, compare, up again, compare —
 * and reports what PostgreSQL rejects or what does not match as findings of the verify/ rules.
 * Only this module links libpq. README "Verifying migrations on PostgreSQL" is the contract.
 */
#ifndef DDLINT_VERIFY_H
#define DDLINT_VERIFY_H

#include "cli/cli.h"

typedef struct dd_verify dd_verify;

/* The server and database to verify on, from c->verify: a temporary server started here, or the
 * database named (checked empty), or a scratch database created on it. NULL after printing why. */
dd_verify *dd_verify_open(const cli *c);
/* Before dd_run_lint: the migrations are applied as the model replays them. */
void dd_verify_attach(dd_verify *v, dd_run *run);
/* After dd_run_lint: the migrations left, then --schema; the run's findings sorted again.
 * Returns 0, or 2 when verifying could not go on (printed), or 128 + the signal when interrupted. */
int dd_verify_finish(dd_verify *v, dd_run *run);
/* Drop the scratch databases, stop and remove a temporary server; accepts NULL. */
void dd_verify_close(dd_verify *v);

/* ---- within the module ---- */

struct pg_conn;
/* catalog.c: snapshots of the catalog, as groups of lines with a digest each (the lines of a
 * digest are fetched once, then kept), and their differences. */
typedef struct vsnap vsnap;
typedef struct vcatalog vcatalog;
vcatalog *dd_vcatalog_new(void);
void dd_vcatalog_free(vcatalog *c);
/* A new connection: nothing of the last snapshot holds for it. */
void dd_vcatalog_forget(vcatalog *c);
/* Record what DDL touches in conn's database (event triggers and a table in a schema of ours,
 * which needs a superuser), so that a snapshot reads only what changed; 0, or -1 with *err
 * (heap) when the database does not allow it (snapshots then read the whole catalog). */
int dd_vcatalog_track(vcatalog *c, struct pg_conn *conn, char **err);
/* A statement may have changed the catalog where the event triggers do not show it (DML on
 * pg_catalog, REINDEX, a failed statement...): the next snapshot reads everything. */
void dd_vcatalog_suspect(vcatalog *c);
/* The event triggers may be off from now on: snapshots read the whole catalog. */
void dd_vcatalog_untrack(vcatalog *c);
/* Take a snapshot through conn; NULL with *err (heap) set when a query fails. */
vsnap *dd_vsnap_take(vcatalog *c, struct pg_conn *conn, char **err);
void dd_vsnap_free(vsnap *s);
/* The groups (objects) that differ between a and b, one text a group: "<group>: <lines>" where
 * each line is "+ line" (only in b) or "- line" (only in a); heap strings, *n of them. */
char **dd_vsnap_diff(const vcatalog *c, const vsnap *a, const vsnap *b, size_t *n);
/* The model-comparable lines of the snapshot (the "m " ones, before " | "), sorted; heap array
 * of pointers into the catalog's memory. */
const char **dd_vsnap_model_lines(const vcatalog *c, const vsnap *s, size_t *n);

/* server.c: a throwaway PostgreSQL (initdb into a temporary directory, Unix socket only, run
 * as an unprivileged user when ddlint runs as root), stopped and removed by dd_vserver_stop. */
typedef struct vserver {
	char dir[64];            /* the data directory's parent, and the socket's; "" before start */
	char *bin;               /* the server binaries' directory (heap) */
	const char *user;        /* the user the server runs as, or NULL: ours */
	bool up;
} vserver;
/* Start it with the binaries of pg_bin (NULL: pg_config --bindir, /usr/lib/postgresql/N/bin);
 * 0, or -1 after printing why (and removing what was made). */
int dd_vserver_start(vserver *s, const char *pg_bin);
/* The connection string of its maintenance database (heap). */
char *dd_vserver_conninfo(const vserver *s);
void dd_vserver_stop(vserver *s);

#endif
