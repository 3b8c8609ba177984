/*
 * ddlint verify: each migration of the run, in the order its tool applies them, on a real
 * PostgreSQL: the up (as the tool sends it: in a transaction or statement by statement, section
 * by section), a snapshot of the catalog, the down, a comparison with the snapshot before the up,
 * the up again, a comparison with the snapshot after the first up; and, after each up, the
 * catalog against ddlint's own model. The work is done while the model is replayed
 * (dd_run_on_migration), so the model stands exactly after each migration when it is compared.
 * What fails or differs becomes findings of the verify/ rules, reported like any other.
 */
#include <errno.h>
#include <libpq-fe.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "verify.h"

/* ---- interruption: Ctrl-C and SIGTERM cancel the running query, then everything is cleaned up ---- */

static volatile sig_atomic_t g_signal;
static PGcancel *volatile g_cancel;
static dd_verify *g_verify;   /* for the exit handler: a server is never left behind */

static void on_signal(int sig)
{
	g_signal = sig;
	PGcancel *c = g_cancel;
	char buf[256];
	if (c)
		PQcancel(c, buf, sizeof buf);   /* async-signal-safe (libpq documentation) */
}

struct dd_verify {
	const cli *c;
	vserver server;
	char *base;              /* the connection string: --database, or the temporary server's */
	bool scratch;            /* a database of our own for each migration directory */
	PGconn *maint;           /* where scratch databases are created and dropped */
	PGconn *conn;            /* the database the migrations run on */
	char *dbname;            /* the scratch database in use (heap), or NULL */
	size_t n_dbs;
	vcatalog *cat;
	vsnap *cur;              /* the catalog as the migrations so far leave it */
	bool model_ok;           /* the database held nothing the model could list at the start */
	char **model_diff;       /* the differences from the model after the last migration compared */
	size_t n_model_diff;
	const char *dir;         /* the migration directory being verified */
	size_t n_dirs;
	size_t next;             /* the next migration of the run to apply */
	bool stopped;            /* the rest of this directory is not run */
	bool scanned;            /* the run's files looked at (scan_files) */
	bool outside;            /* some reported SQL is in no migration: the model is not the migrations' alone */
	bool untracked_noted;    /* the summary says why snapshots read the whole catalog */
	const dd_migration *run_tx; /* the last migration in the open transaction its tool runs every
				     * pending migration in (Drizzle, node-pg-migrate), or NULL */
	bool run_tx_lost;        /* a failure rolled that transaction back, with every migration in it */
	const dd_file *schema_file; /* --schema, a file of the run (replayed last, never run) */
	int fatal;               /* 2 or 128+signal: verifying ended */
	dd_changes *changes;
	size_t verified, up_only_no_down, up_only_before, not_run;
	dd_buf notes;            /* what the summary adds, one line each */
};

/* ---- connections ---- */

static PGconn *connect_to(dd_verify *v, const char *conninfo, const char *dbname)
{
	const char *keys[] = { "connect_timeout", "application_name", "dbname", dbname ? "dbname" : NULL, NULL };
	const char *vals[] = { "10", "ddlint verify", conninfo, dbname, NULL };
	PGconn *conn = PQconnectdbParams(keys, vals, 1);
	if (PQstatus(conn) != CONNECTION_OK) {
		const char *m = PQerrorMessage(conn);
		fprintf(stderr, "ddlint: cannot connect to %s%s: %s%s", dbname ? "the database " : "the server",
			dbname ? dbname : "", m, *m && m[strlen(m) - 1] == '\n' ? "" : "\n");
		PQfinish(conn);
		return NULL;
	}
	(void)v;
	return conn;
}

/* Notices (NOTICE, WARNING of the migrations) are not ours to print. */
static void quiet(void *arg, const char *message) { (void)arg; (void)message; }

static char *error_text(PGconn *conn, const PGresult *r)
{
	const char *m = r ? PQresultErrorMessage(r) : PQerrorMessage(conn);
	char *e = dd_xstrdup(m && *m ? m : "unknown error");
	size_t n = strlen(e);
	while (n && e[n - 1] == '\n')
		e[--n] = '\0';
	return e;
}

/* Run a command of our own (not a migration's); 0, or -1 after printing why. */
static int command(dd_verify *v, PGconn *conn, const char *sql)
{
	g_cancel = PQgetCancel(conn);
	PGresult *r = PQexec(conn, sql);
	PGcancel *c = g_cancel;
	g_cancel = NULL;
	PQfreeCancel(c);
	ExecStatusType st = PQresultStatus(r);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		if (!g_signal) {
			char *e = error_text(conn, r);
			fprintf(stderr, "ddlint: %s: %s\n", sql, e);
			free(e);
		}
		PQclear(r);
		return -1;
	}
	PQclear(r);
	return 0;
}

static int session_setup(dd_verify *v, PGconn *conn)
{
	PQsetNoticeProcessor(conn, quiet, NULL);
	int t = v->c->verify.statement_timeout < 0 ? 60 : v->c->verify.statement_timeout;
	char sql[64];
	snprintf(sql, sizeof sql, "SET statement_timeout = '%ds'; SET jit = off", t);
	return command(v, conn, sql);
}

/* Does the database hold relations in user schemas? 1 yes, 0 no, -1 error (printed). */
static int non_empty(dd_verify *v, PGconn *conn, char *what, size_t size)
{
	PGresult *r = PQexec(conn, "SELECT count(*), min(n.nspname || '.' || c.relname) FROM pg_catalog.pg_class c "
			     "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
			     "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' "
			     "AND n.nspname NOT LIKE 'pg\\_temp%'");
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		char *e = error_text(conn, r);
		fprintf(stderr, "ddlint: cannot read the catalog: %s\n", e);
		free(e);
		PQclear(r);
		return -1;
	}
	int n = atoi(PQgetvalue(r, 0, 0));
	snprintf(what, size, "%s relation%s, %s among them", PQgetvalue(r, 0, 0), n == 1 ? "" : "s", PQgetvalue(r, 0, 1));
	PQclear(r);
	return n > 0;
}

static void drop_scratch(dd_verify *v)
{
	if (v->conn) {
		PQfinish(v->conn);
		v->conn = NULL;
	}
	if (v->dbname && v->maint) {
		char sql[128];
		snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", v->dbname);
		bool sig = g_signal;
		g_signal = 0;   /* the drop itself must run, and report its own failure */
		command(v, v->maint, sql);
		g_signal = sig;
	}
	free(v->dbname);
	v->dbname = NULL;
}

/* A fresh database for the next migration directory (or the one given); 0 or -1 (printed). */
static int open_database(dd_verify *v)
{
	if (v->scratch) {
		drop_scratch(v);
		v->dbname = dd_xmalloc(64);
		snprintf(v->dbname, 64, "ddlint_verify_%ld_%zu", (long)getpid(), ++v->n_dbs);
		char sql[128];
		snprintf(sql, sizeof sql, "CREATE DATABASE \"%s\" TEMPLATE template0", v->dbname);
		if (command(v, v->maint, sql) != 0) {
			free(v->dbname);
			v->dbname = NULL;
			return -1;
		}
		v->conn = connect_to(v, v->base, v->dbname);
	} else if (!v->conn) {
		v->conn = connect_to(v, v->base, NULL);
	}
	if (!v->conn || session_setup(v, v->conn) != 0)
		return -1;
	dd_vcatalog_forget(v->cat);
	if (v->scratch) {
		/* a database of our own: snapshots read only what each migration touched, when the
		 * role may create event triggers (a superuser); else the whole catalog each time */
		char *err;
		if (dd_vcatalog_track(v->cat, v->conn, &err) != 0) {
			if (!v->untracked_noted)
				dd_buf_printf(&v->notes, "the catalog is read whole at each snapshot (slower): %s\n", err);
			v->untracked_noted = true;
			free(err);
		}
	}
	if (!v->scratch && !v->c->verify.allow_nonempty) {
		char what[256];
		int ne = non_empty(v, v->conn, what, sizeof what);
		if (ne != 0) {
			if (ne > 0)
				fprintf(stderr, "ddlint: the database is not empty (%s): verify runs the migrations from the first "
					"on an empty database; give an empty one, --create-database (a scratch database on that server), "
					"or --allow-nonempty\n", what);
			return -1;
		}
	}
	return 0;
}

/* ---- opening and closing ---- */

static void at_exit(void)
{
	if (g_verify)
		dd_verify_close(g_verify);
}

dd_verify *dd_verify_open(const cli *c)
{
	if (!c->verify.temp_server == !c->verify.database) {
		fprintf(stderr, "ddlint: verify needs where to run the migrations: --temp-server (a throwaway PostgreSQL "
			"started here) or --database CONNINFO (an empty database)\n");
		return NULL;
	}
	if (c->verify.create_database && !c->verify.database) {
		fprintf(stderr, "ddlint: --create-database goes with --database CONNINFO (the server to create it on)\n");
		return NULL;
	}
	if (c->n_erd_schemas > 1) {
		fprintf(stderr, "ddlint: verify compares with one schema file: --schema FILE is given %zu times\n", c->n_erd_schemas);
		return NULL;
	}
	if (c->verify.schema && c->verify.database && !c->verify.create_database) {
		fprintf(stderr, "ddlint: --schema loads the schema into a second scratch database: give --temp-server, "
			"or --create-database with --database\n");
		return NULL;
	}
	dd_verify *v = dd_xcalloc(1, sizeof *v);
	v->c = c;
	v->cat = dd_vcatalog_new();
	g_verify = v;
	static bool registered;
	if (!registered) {
		atexit(at_exit);
		registered = true;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (c->verify.temp_server) {
		if (dd_vserver_start(&v->server, c->verify.pg_bin) != 0)
			goto fail;
		v->base = dd_vserver_conninfo(&v->server);
		v->scratch = true;
	} else {
		v->base = dd_xstrdup(c->verify.database);
		v->scratch = c->verify.create_database;
	}
	if (g_signal)
		goto fail;
	if (v->scratch && !(v->maint = connect_to(v, v->base, NULL)))
		goto fail;
	if (c->changed_since && !(v->changes = dd_changes_load(c->changed_since)))
		goto fail;
	return v;
fail:
	if (g_signal)
		fprintf(stderr, "ddlint: interrupted\n");
	dd_verify_close(v);
	return NULL;
}

void dd_verify_close(dd_verify *v)
{
	if (!v)
		return;
	g_verify = NULL;
	drop_scratch(v);
	if (v->maint)
		PQfinish(v->maint);
	dd_vserver_stop(&v->server);
	dd_vsnap_free(v->cur);
	dd_vcatalog_free(v->cat);
	dd_changes_free(v->changes);
	dd_buf_free(&v->notes);
	for (size_t i = 0; i < v->n_model_diff; i++)
		free(v->model_diff[i]);
	free(v->model_diff);
	free(v->base);
	free(v);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
}

/* ---- findings ---- */

static int cmp_str(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

static const char *mig_name(const dd_migration *m, char *buf, size_t size)
{
	snprintf(buf, size, "%s %s", m->layout, m->version ? m->version : m->up ? m->up->path : "?");
	return buf;
}

static void report(dd_verify *v, dd_run *run, int rule, const dd_file *f, int offset, const dd_migration *m,
		   const char *message)
{
	char obj[256];
	dd_loc loc = { f, offset, 0 };
	dd_run_add_diag(run, rule, &loc, mig_name(m, obj, sizeof obj), NULL, message);
}

/* Byte offset in text of the pos-th character (1-based, as PostgreSQL counts). */
static int char_offset(const char *text, int len, long pos)
{
	int i = 0;
	for (long c = 1; c < pos && i < len; c++) {
		i++;
		while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

/* What PostgreSQL said, with its SQLSTATE, as one line (heap). */
static char *pg_message(const PGresult *r, PGconn *conn)
{
	dd_buf b = { 0 };
	const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *detail = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL) : NULL;
	if (msg) {
		dd_buf_puts(&b, msg);
	} else {
		char *e = error_text(conn, r);
		dd_buf_puts(&b, e);
		free(e);
	}
	if (detail)
		dd_buf_printf(&b, " (%s)", detail);
	dd_buf_printf(&b, " [SQLSTATE %s]", state ? state : "none");
	for (char *p = b.data; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return b.data;
}

/* ---- running a migration's part ---- */

/* Is the text between statements (or of a section without any) only blanks, comments and
 * semicolons? Else some of it did not parse: the section is sent whole, and PostgreSQL says. */
static bool only_blanks(const char *s, int from, int to)
{
	for (int i = from; i < to;) {
		char ch = s[i];
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == ';') {
			i++;
		} else if (ch == '-' && i + 1 < to && s[i + 1] == '-') {
			while (i < to && s[i] != '\n')
				i++;
		} else if (ch == '/' && i + 1 < to && s[i + 1] == '*') {
			int depth = 0;
			do {
				if (s[i] == '/' && i + 1 < to && s[i + 1] == '*')
					depth++, i += 2;
				else if (s[i] == '*' && i + 1 < to && s[i + 1] == '/')
					depth--, i += 2;
				else
					i++;
			} while (i < to && depth > 0);
		} else {
			return false;
		}
	}
	return true;
}

typedef struct failure {
	bool failed;
	const dd_file *file;
	int offset;
	char *message;           /* heap */
} failure;

/* A part PostgreSQL rejected: "<before><m's version><after>: <PostgreSQL's message>" at the
 * error's place; f's message is freed. */
static void report_failure(dd_verify *v, dd_run *run, int rule, const dd_migration *m, failure *f, const char *before,
			   const char *after)
{
	dd_buf msg = { 0 };
	dd_buf_printf(&msg, "%s%s%s: %s", before, m->version ? m->version : "", after, f->message);
	report(v, run, rule, f->file, f->offset, m, msg.data);
	dd_buf_free(&msg);
	free(f->message);
	f->message = NULL;
}

/* Send one query of a migration, sql (len bytes) being the text at file offset `base` (for
 * the error position); false with *f set when PostgreSQL rejects it. */
static bool send_query(dd_verify *v, const char *sql, int len, const dd_file *file, int base, failure *f)
{
	g_cancel = PQgetCancel(v->conn);
	PGresult *r = PQexec(v->conn, sql);
	PGcancel *c = g_cancel;
	g_cancel = NULL;
	PQfreeCancel(c);
	ExecStatusType st = PQresultStatus(r);
	bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY;
	if (st == PGRES_COPY_IN) {   /* COPY FROM STDIN: the data is not ours to send */
		PQputCopyEnd(v->conn, "ddlint verify sends no COPY data");
		PQclear(r);
		r = PQgetResult(v->conn);
	}
	if (!ok) {
		const char *pos = r ? PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION) : NULL;
		f->failed = true;
		f->file = file;
		f->offset = base + (pos ? char_offset(sql, len, atol(pos)) : 0);
		f->message = pg_message(r, v->conn);
	}
	PQclear(r);
	while ((r = PQgetResult(v->conn)))
		PQclear(r);
	return ok;
}

static bool send_text(dd_verify *v, const dd_file *file, int base, int len, failure *f)
{
	char *sql = dd_xmalloc((size_t)len + 1);
	memcpy(sql, file->text + base, (size_t)len);
	sql[len] = '\0';
	bool ok = send_query(v, sql, len, file, base, f);
	free(sql);
	return ok;
}

/* Does st change the catalog in a way the event triggers do not show (the objects they report
 * do not lead to it)? Then the next snapshot reads the whole catalog. In PostgreSQL 15:
 * - INSERT, UPDATE or DELETE on pg_catalog's tables: no DDL command at all;
 * - REINDEX: fires no event trigger, and CONCURRENTLY gives the index a new oid;
 * - ALTER EXTENSION ADD/DROP/UPDATE: reports the extension only, and a member it releases
 *   joins the snapshot with no dependency leading to it;
 * - ALTER TABLE ... DETACH PARTITION: reports the parent, and the dependency to the child is gone;
 * - anything on an event trigger (its comment is in the snapshot): fires no event trigger.
 * Not seen: a catalog written by a data-modifying WITH or by a function the migration calls. */
static bool unseen_by_tracking(const dd_stmt *st)
{
	const PgQuery__Node *n = st->node;
	const PgQuery__RangeVar *rv = NULL;
	if (!n)
		return false;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_INSERT_STMT: rv = n->insert_stmt->relation; break;
	case PG_QUERY__NODE__NODE_UPDATE_STMT: rv = n->update_stmt->relation; break;
	case PG_QUERY__NODE__NODE_DELETE_STMT: rv = n->delete_stmt->relation; break;
	case PG_QUERY__NODE__NODE_REINDEX_STMT:
	case PG_QUERY__NODE__NODE_ALTER_EXTENSION_STMT:
	case PG_QUERY__NODE__NODE_ALTER_EXTENSION_CONTENTS_STMT:
	case PG_QUERY__NODE__NODE_CREATE_EVENT_TRIG_STMT:
	case PG_QUERY__NODE__NODE_ALTER_EVENT_TRIG_STMT:
		return true;
	case PG_QUERY__NODE__NODE_COMMENT_STMT: return n->comment_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_EVENT_TRIGGER;
	case PG_QUERY__NODE__NODE_DROP_STMT: return n->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_EVENT_TRIGGER;
	case PG_QUERY__NODE__NODE_RENAME_STMT: return n->rename_stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_EVENT_TRIGGER;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
		for (size_t i = 0; i < n->alter_table_stmt->n_cmds; i++) {
			const PgQuery__Node *c = n->alter_table_stmt->cmds[i];
			if (c->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD &&
			    (c->alter_table_cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition ||
			     c->alter_table_cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize))
				return true;
		}
		return false;
	default: return false;
	}
	if (!rv || !rv->relname)
		return false;
	if (rv->schemaname && rv->schemaname[0])
		return strcmp(rv->schemaname, "pg_catalog") == 0;
	return strncmp(rv->relname, "pg_", 3) == 0;   /* pg_catalog is searched first */
}

/* Does st turn the event triggers off (PostgreSQL 17's event_triggers setting)? */
static bool stops_tracking(const dd_stmt *st)
{
	const PgQuery__Node *n = st->node;
	return n && n->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT && n->variable_set_stmt->name &&
	       strcmp(n->variable_set_stmt->name, "event_triggers") == 0;
}

/* Commit the transaction a tool runs every pending migration in (Drizzle, node-pg-migrate): at
 * the end of a directory, or before a migration that runs otherwise. False with *f set (at the
 * last migration in it) when the COMMIT fails: deferred constraints are checked there. */
static bool end_run_tx(dd_verify *v, failure *f)
{
	const dd_migration *m = v->run_tx;
	if (!m)
		return true;
	v->run_tx = NULL;
	if (PQtransactionStatus(v->conn) != PQTRANS_INTRANS)
		return true;
	const dd_file *file = m->up;
	bool ok = send_query(v, "COMMIT", 0, file, file->len ? (int)file->len - 1 : 0, f);
	if (!ok) {
		if (PQtransactionStatus(v->conn) != PQTRANS_IDLE)
			command(v, v->conn, "ROLLBACK");
		v->run_tx_lost = true;
		dd_vcatalog_suspect(v->cat);
	}
	return ok;
}

/* Run the up (down false) or down of m as its tool does; false with *f set on a failure. */
static bool run_part(dd_verify *v, const dd_migration *m, bool down, failure *f)
{
	const dd_file *file = down ? m->down : m->up;
	dd_stmt *const *stmts = down ? m->down_stmts : m->up_stmts;
	size_t n_stmts = down ? m->n_down : m->n_up;
	dd_section whole = { 0, (int)file->len, down, DD_TXMODE_NONE, NULL, NULL };
	const dd_section *secs = file->n_sections ? file->sections : &whole;
	size_t n_secs = file->n_sections ? file->n_sections : 1;
	for (size_t s = 0; s < n_secs; s++) {
		const dd_section *sec = &secs[s];
		if (sec->down != down)
			continue;
		/* the section's own statements (not those inside DO blocks), and whether they cover it */
		const dd_stmt **mine = dd_xcalloc(n_stmts + 1, sizeof *mine);
		size_t n = 0;
		bool all_outside = true;
		for (size_t i = 0; i < n_stmts; i++) {
			const dd_stmt *st = stmts[i];
			if (st->file != file || (file->n_sections && st->section != sec))
				continue;
			if (unseen_by_tracking(st))   /* also inside a DO block */
				dd_vcatalog_suspect(v->cat);
			if (stops_tracking(st))
				dd_vcatalog_untrack(v->cat);
			if (st->block)
				continue;
			mine[n++] = st;
			if (!st->node || !dd_stmt_outside_transaction(st->node))
				all_outside = false;
		}
		bool covered = true;
		int at = sec->start;
		for (size_t i = 0; i < n && covered; i++) {
			covered = only_blanks(file->text, at, mine[i]->offset);
			at = mine[i]->offset + mine[i]->len;
		}
		covered = covered && only_blanks(file->text, at, sec->end);
		bool ok = true;
		if (!covered) {
			/* some of it did not parse: sent whole, as one query, so PostgreSQL gives its error */
			dd_vcatalog_suspect(v->cat);   /* what it does is not known */
			ok = send_text(v, file, sec->start, sec->end - sec->start, f);
		} else {
			dd_txmode tx = sec->tx;
			if (tx == DD_TXMODE_OWN_OR_NONE)
				tx = all_outside ? DD_TXMODE_NONE : DD_TXMODE_OWN;
			if (tx == DD_TXMODE_IMPLICIT && n == 1)
				tx = DD_TXMODE_NONE;   /* one statement alone is its own transaction */
			if (tx != DD_TXMODE_RUN && v->run_tx)
				ok = end_run_tx(v, f);   /* another kind of migration: the pending ones are committed first */
			bool txn = tx != DD_TXMODE_NONE;
			if (ok && txn && !(tx == DD_TXMODE_RUN && v->run_tx && PQtransactionStatus(v->conn) == PQTRANS_INTRANS))
				ok = send_query(v, "BEGIN", 5, file, sec->start, f);
			if (ok && tx == DD_TXMODE_RUN)
				v->run_tx = m;   /* stays open: the next migrations run in it */
			for (size_t i = 0; ok && i < n; i++)
				ok = send_text(v, file, mine[i]->offset, mine[i]->len, f);
			/* the tool's COMMIT: deferred constraints are checked here, reported at the section's end */
			if (ok && txn && tx != DD_TXMODE_RUN && PQtransactionStatus(v->conn) == PQTRANS_INTRANS)
				ok = send_query(v, "COMMIT", 0, file, sec->end > sec->start ? sec->end - 1 : sec->start, f);
		}
		free(mine);
		if (!ok) {
			/* a statement that fails may leave what no event trigger saw (a failed CREATE INDEX
			 * CONCURRENTLY leaves an invalid index) */
			dd_vcatalog_suspect(v->cat);
			if (PQtransactionStatus(v->conn) != PQTRANS_IDLE)
				command(v, v->conn, "ROLLBACK");
			if (v->run_tx) {
				/* the earlier migrations of the transaction are gone with it, and what the
				 * snapshots taken in it saw */
				v->run_tx = NULL;
				v->run_tx_lost = true;
				dd_vcatalog_suspect(v->cat);
			}
			return false;
		}
	}
	return true;
}

/* ---- one migration ---- */

static vsnap *snapshot(dd_verify *v)
{
	char *err;
	vsnap *s = dd_vsnap_take(v->cat, v->conn, &err);
	if (!s) {
		if (!g_signal)
			fprintf(stderr, "ddlint: cannot list the catalog: %s\n", err);
		free(err);
		v->fatal = g_signal ? 128 + g_signal : 2;
	}
	return s;
}

/* One finding an object that differs between a and b. */
static size_t report_diffs(dd_verify *v, dd_run *run, int rule, const dd_file *f, int offset, const dd_migration *m,
			   const vsnap *a, const vsnap *b, const char *what)
{
	size_t n;
	char **d = dd_vsnap_diff(v->cat, a, b, &n);
	for (size_t i = 0; i < n; i++) {
		dd_buf msg = { 0 };
		dd_buf_printf(&msg, "%s: %s", what, d[i]);
		report(v, run, rule, f, offset, m, msg.data);
		dd_buf_free(&msg);
		free(d[i]);
	}
	free(d);
	return n;
}

static bool same(const dd_verify *v, const vsnap *a, const vsnap *b)
{
	size_t n;
	char **d = dd_vsnap_diff(v->cat, a, b, &n);
	for (size_t i = 0; i < n; i++)
		free(d[i]);
	free(d);
	return n == 0;
}

/* The catalog after m's up against the model as it stands (the model holds m's up now). Only
 * the differences m brings are reported: one the migrations before left is theirs. */
static void compare_model(dd_verify *v, dd_run *run, const dd_migration *m, const vsnap *s)
{
	size_t nc, nm;
	const char **cat = dd_vsnap_model_lines(v->cat, s, &nc);
	dd_arena *a = dd_arena_new();
	const char **mod;
	nm = dd_run_model_listing(run, a, &mod);
	char **now = NULL;
	size_t n_now = 0, i = 0, k = 0;
	while (i < nc || k < nm) {
		int c = i == nc ? 1 : k == nm ? -1 : strcmp(cat[i], mod[k]);
		if (c == 0) {
			i++, k++;
			continue;
		}
		dd_buf line = { 0 };
		dd_buf_printf(&line, "%s %s", c < 0 ? "catalog only:" : "model only:  ", c < 0 ? cat[i++] : mod[k++]);
		now = dd_xrealloc(now, (n_now + 1) * sizeof *now);
		now[n_now++] = line.data;
	}
	/* sorted, as the last migration's are: one pass over both */
	if (n_now)
		qsort(now, n_now, sizeof *now, cmp_str);
	dd_buf msg = { 0 };
	size_t shown = 0, more = 0, p = 0;
	for (size_t j = 0; j < n_now; j++) {
		while (p < v->n_model_diff && strcmp(v->model_diff[p], now[j]) < 0)
			p++;
		if (p < v->n_model_diff && strcmp(v->model_diff[p], now[j]) == 0)
			continue;
		if (shown++ < 8)
			dd_buf_printf(&msg, "\n    %s", now[j]);
		else
			more++;
	}
	if (shown) {
		dd_buf t = { 0 };
		dd_buf_printf(&t, "after this migration PostgreSQL's catalog differs from ddlint's model of the schema (a ddlint "
			      "bug worth reporting, unless a documented limit of the model):%s", msg.data);
		if (more)
			dd_buf_printf(&t, "\n    and %zu more", more);
		report(v, run, DD_RULE_VERIFY_MODEL_DIFFERS, m->up, m->n_up ? m->up_stmts[0]->offset : 0, m, t.data);
		dd_buf_free(&t);
	}
	for (size_t q = 0; q < v->n_model_diff; q++)
		free(v->model_diff[q]);
	free(v->model_diff);
	v->model_diff = now;
	v->n_model_diff = n_now;
	dd_buf_free(&msg);
	dd_arena_free(a);
	free(cat);
}

/* Is m one to verify (up, down, up), or only to apply (before --from, unchanged)? Past --to: -1. */
static int selected(dd_verify *v, const dd_run *run, const dd_migration *m, size_t index)
{
	const cli *c = v->c;
	if (c->verify.from || c->verify.to) {
		/* the position of the named versions in this directory's order */
		long from = -1, to = -1, me = -1, k = 0;
		for (size_t i = 0; i < run->n_migrations; i++) {
			const dd_migration *o = run->migrations[i];
			if (strcmp(o->dir, m->dir) != 0)
				continue;
			if (c->verify.from && o->version && strcmp(o->version, c->verify.from) == 0 && from < 0)
				from = k;
			if (c->verify.to && o->version && strcmp(o->version, c->verify.to) == 0)
				to = k;
			if (o == m)
				me = k;
			k++;
		}
		(void)index;
		if (c->verify.to && to >= 0 && me > to)
			return -1;
		if (c->verify.from && from >= 0 && me < from)
			return 0;
	}
	if (!m->up->report)
		return 0;   /* an earlier migration read for context */
	if (v->changes && !dd_changes_has_file(v->changes, m->up) && !(m->down && dd_changes_has_file(v->changes, m->down)))
		return 0;
	return 1;
}

static void stop_dir(dd_verify *v, const dd_migration *m, const char *why)
{
	char name[256];
	v->stopped = true;
	dd_buf_printf(&v->notes, "%s: the migrations after %s were not run: %s\n", m->dir, mig_name(m, name, sizeof name), why);
}

/* Files given that are in no migration (and are replayed into the model) are not run: say so
 * once, and compare no catalog with the model, which holds them. */
static void scan_files(dd_verify *v, const dd_run *run)
{
	if (v->scanned)
		return;
	v->scanned = true;
	size_t n = 0;
	const char *first = NULL;
	for (size_t i = 0; i < run->n_files; i++) {
		const dd_file *f = run->files[i];
		if (f == v->schema_file)
			continue;
		if (f->report && !f->migration && f->role != DD_ROLE_OTHER) {
			if (!n++)
				first = f->path;
			v->outside = true;
		}
	}
	if (n)
		dd_buf_printf(&v->notes, "%zu file%s in no migration (%s%s) not run, and the catalog not compared with the "
			      "model, which holds %s ('ddlint plan' shows how ddlint reads the paths)\n", n, n == 1 ? "" : "s", first,
			      n > 1 ? ", ..." : "", n == 1 ? "it" : "them");
}

/* The end of a directory: the transaction of its pending migrations is committed; a COMMIT
 * PostgreSQL refuses is the last migration's up failing. */
static void finish_run_tx(dd_verify *v, dd_run *run)
{
	const dd_migration *m = v->run_tx;
	failure f = { 0 };
	if (!m || end_run_tx(v, &f))
		return;
	report_failure(v, run, DD_RULE_VERIFY_UP_FAILS, m, &f,
		       "PostgreSQL rejects the COMMIT of the transaction the pending migrations run in, after migration ", "");
	stop_dir(v, m, "the transaction they ran in was rolled back");
}

static void start_dir(dd_verify *v, const dd_migration *m)
{
	if (v->n_dirs++ && !v->scratch) {
		fprintf(stderr, "ddlint: verify got several migration directories (%s, %s): each needs a database of its own; "
			"give --temp-server or --create-database, or one directory\n", v->dir, m->dir);
		v->fatal = 2;
		return;
	}
	v->dir = m->dir;
	v->stopped = false;
	v->run_tx_lost = false;
	dd_vsnap_free(v->cur);
	v->cur = NULL;
	if (open_database(v) != 0 || !(v->cur = snapshot(v))) {
		if (!v->fatal)
			v->fatal = g_signal ? 128 + g_signal : 2;
		return;
	}
	size_t n;
	free(dd_vsnap_model_lines(v->cat, v->cur, &n));
	/* the model knows only what the migrations make; with the first directory only, and an
	 * empty database, the two can be compared */
	v->model_ok = n == 0 && v->n_dirs == 1 && !v->outside;
	if (n)
		dd_buf_printf(&v->notes, "%s: the database was not empty at the start: the catalog is not compared with the model\n", m->dir);
}

static void apply_migration(dd_verify *v, dd_run *run, const dd_migration *m, bool with_model)
{
	char name[256];
	if (g_signal && !v->fatal)
		v->fatal = 128 + g_signal;
	if (v->fatal)
		return;
	if (!v->dir || strcmp(v->dir, m->dir) != 0) {
		finish_run_tx(v, run);
		start_dir(v, m);
		if (v->fatal)
			return;
	}
	int sel = selected(v, run, m, 0);
	if (v->stopped || sel < 0) {
		v->not_run++;
		return;
	}
	bool full = sel == 1 && m->down && m->up->role != DD_ROLE_REPEATABLE;
	failure f = { 0 };
	if (!run_part(v, m, false, &f)) {
		if (g_signal)
			goto interrupted;
		report_failure(v, run, DD_RULE_VERIFY_UP_FAILS, m, &f, "PostgreSQL rejects the up of migration ",
			       v->run_tx_lost ? " (in the one transaction its tool runs every pending migration in, rolled back with them)" : "");
		stop_dir(v, m, "its up failed");
		return;
	}
	vsnap *s1 = snapshot(v);
	if (!s1)
		return;
	if (with_model && v->model_ok && sel == 1)
		compare_model(v, run, m, s1);
	if (!full) {
		if (sel == 1)
			v->up_only_no_down++;
		else
			v->up_only_before++;
		dd_vsnap_free(v->cur);
		v->cur = s1;
		return;
	}
	v->verified++;
	const dd_file *df = m->down;
	int down_at = m->n_down ? m->down_stmts[0]->offset : 0;
	if (df == m->up) {   /* a down section: at its start */
		for (size_t i = 0; i < df->n_sections; i++)
			if (df->sections[i].down) {
				down_at = df->sections[i].start;
				break;
			}
	}
	if (!run_part(v, m, true, &f)) {
		if (g_signal)
			goto interrupted_s1;
		report_failure(v, run, DD_RULE_VERIFY_DOWN_FAILS, m, &f, "PostgreSQL rejects the down of migration ", "");
		if (v->run_tx_lost) {
			stop_dir(v, m, "its failed down rolled back the transaction its tool runs every pending migration in");
			dd_vsnap_free(s1);
			return;
		}
		vsnap *now = snapshot(v);
		if (!now) {
			dd_vsnap_free(s1);
			return;
		}
		if (!same(v, s1, now))
			stop_dir(v, m, "its failed down left the database changed");
		dd_vsnap_free(now);
		dd_vsnap_free(v->cur);
		v->cur = s1;
		return;
	}
	vsnap *s2 = snapshot(v);
	if (!s2) {
		dd_vsnap_free(s1);
		return;
	}
	report_diffs(v, run, DD_RULE_VERIFY_DOWN_NOT_INVERSE, df, down_at, m, v->cur, s2,
		     "the down does not restore the schema as it was before the up (- before the up, + after the down)");
	dd_vsnap_free(s2);
	if (!run_part(v, m, false, &f)) {
		if (g_signal)
			goto interrupted_s1;
		report_failure(v, run, DD_RULE_VERIFY_UP_NOT_REPEATABLE, m, &f, "after its down, PostgreSQL rejects the up of migration ",
			       " again");
		stop_dir(v, m, "its up failed when applied again after its down");
		dd_vsnap_free(s1);
		return;
	}
	vsnap *s3 = snapshot(v);
	if (!s3) {
		dd_vsnap_free(s1);
		return;
	}
	if (report_diffs(v, run, DD_RULE_VERIFY_UP_NOT_REPEATABLE, m->up, m->n_up ? m->up_stmts[0]->offset : 0, m, s1, s3,
			 "applied again after its down, the up builds another schema (- after the first up, + after the second)") &&
	    v->model_ok) {
		/* the database goes on from the second up's schema, the model from the first's */
		v->model_ok = false;
		dd_buf_printf(&v->notes, "%s: after %s the catalog is not compared with the model any more: the second up built "
			      "another schema\n", m->dir, mig_name(m, name, sizeof name));
	}
	dd_vsnap_free(s1);
	dd_vsnap_free(v->cur);
	v->cur = s3;
	return;
interrupted_s1:
	dd_vsnap_free(s1);
interrupted:
	free(f.message);
	v->fatal = 128 + g_signal;
}

/* The migrations before m (in the run's order) that have not run yet, then m itself. */
static void on_migration(dd_run *run, const dd_migration *m, void *arg)
{
	dd_verify *v = arg;
	scan_files(v, run);
	while (!v->fatal && v->next < run->n_migrations) {
		const dd_migration *o = run->migrations[v->next++];
		apply_migration(v, run, o, o == m);
		if (o == m)
			break;
	}
	if (g_signal && !v->fatal)
		v->fatal = 128 + g_signal;
}

static void on_finish(dd_run *run, void *arg);

void dd_verify_attach(dd_verify *v, dd_run *run)
{
	dd_run_on_migration(run, on_migration, v);
	dd_run_on_finish(run, on_finish, v);
	dd_run_set_command(run, "verify");
	/* the schema file is a file of the run, so that its findings have a place; it comes after
	 * the migrations, so the model is compared with each migration before it is replayed */
	if (v->c->verify.schema) {
		if (dd_run_add_path(run, v->c->verify.schema, v->c->verify.schema, true) != 0) {
			fprintf(stderr, "ddlint: %s\n", dd_run_error(run));
			v->fatal = 2;
			return;
		}
		v->schema_file = run->files[run->n_files - 1];
	}
}

/* Migration tools' bookkeeping tables (and their sequences) are in a dump, never in migrations. */
static bool tool_group(const char *grp)
{
	static const char *const tools[] = { "schema_migrations", "ar_internal_metadata", "goose_db_version",
		"flyway_schema_history", "__diesel_schema_migrations", "_prisma_migrations", "_sqlx_migrations",
		"schema_version", "knex_migrations", "knex_migrations_lock", "gorp_migrations", "__drizzle_migrations",
		"pgmigrations", "atlas_schema_revisions", "databasechangelog", "databasechangeloglock", "seed_files", NULL };
	const char *dot = strrchr(grp, '.');
	if (!dot || (strncmp(grp, "table ", 6) != 0 && strncmp(grp, "sequence ", 9) != 0))
		return false;
	for (size_t i = 0; tools[i]; i++) {
		size_t n = strlen(tools[i]);
		if (strncmp(dot + 1, tools[i], n) == 0 && (dot[1 + n] == '\0' || dot[1 + n] == '_' || dot[1 + n] == ' '))
			return true;
	}
	return false;
}

/* Where in the schema file an object (a group: "table public.users", "function public.f(integer)")
 * is: the first place its qualified name is written, else its name as a word; else 0. */
static int object_offset(const dd_file *f, const char *grp)
{
	const char *sp = strchr(grp, ' ');
	while (sp && strncmp(sp, " view ", 6) == 0)   /* "materialized view x" */
		sp = strchr(sp + 1, ' ');
	if (!sp)
		return 0;
	char qual[256], name[256];
	snprintf(qual, sizeof qual, "%.*s", (int)strcspn(sp + 1, "("), sp + 1);
	const char *dot = strrchr(qual, '.');
	snprintf(name, sizeof name, "%s", dot ? dot + 1 : qual);
	const char *hit = strstr(f->text, qual);
	for (const char *p = f->text; !hit && (p = strstr(p, name)); p++) {
		char before = p > f->text ? p[-1] : ' ', after = p[strlen(name)];
		bool word = !(before == '_' || (before >= 'a' && before <= 'z') || (before >= '0' && before <= '9')) &&
			    !(after == '_' || (after >= 'a' && after <= 'z') || (after >= '0' && after <= '9'));
		if (word)
			hit = p;
	}
	return hit ? (int)(hit - f->text) : 0;
}

/* --schema: the file loaded into a second scratch database, its catalog against the migrations'. */
static void schema_drift(dd_verify *v, dd_run *run)
{
	const dd_file *f = v->schema_file;
	PGconn *mig = v->conn;
	char name[64];
	snprintf(name, sizeof name, "ddlint_verify_%ld_schema", (long)getpid());
	char sql[160];
	snprintf(sql, sizeof sql, "CREATE DATABASE \"%s\" TEMPLATE template0", name);
	if (command(v, v->maint, sql) != 0) {
		v->fatal = g_signal ? 128 + g_signal : 2;
		return;
	}
	PGconn *conn = connect_to(v, v->base, name);
	if (conn && session_setup(v, conn) == 0) {
		v->conn = conn;
		failure fl = { 0 };
		/* as psql would run it (its meta-commands are blanked in the file's text): one query */
		if (!send_text(v, f, 0, (int)f->len, &fl)) {
			if (g_signal) {
				v->fatal = 128 + g_signal;
			} else {
				dd_buf msg = { 0 };
				dd_buf_printf(&msg, "PostgreSQL rejects the schema file: %s", fl.message);
				char obj[] = "schema file";
				dd_loc loc = { f, fl.offset, 0 };
				dd_run_add_diag(run, DD_RULE_VERIFY_SCHEMA_DRIFT, &loc, obj, NULL, msg.data);
				dd_buf_free(&msg);
			}
			free(fl.message);
		} else {
			vsnap *s = snapshot(v);
			if (s) {
				size_t n;
				char **d = dd_vsnap_diff(v->cat, v->cur, s, &n);
				for (size_t i = 0; i < n; i++) {
					/* "<group>[ (only before|only after)]\n    - line..." */
					char grp[512];
					snprintf(grp, sizeof grp, "%.*s", (int)strcspn(d[i], "\n"), d[i]);
					const char *rest = d[i] + strlen(grp), *where = "";
					char *paren = strstr(grp, " (only ");
					if (paren) {
						where = strstr(paren, "before") ? " (only from the migrations)" : " (only in the schema file)";
						*paren = '\0';
					}
					if (!tool_group(grp)) {
						dd_buf msg = { 0 };
						dd_buf_printf(&msg, "the schema file differs from what the migrations build (- the migrations, "
							      "+ the schema file): %s%s%s", grp, where, rest);
						dd_loc loc = { f, object_offset(f, grp), 0 };
						dd_run_add_diag(run, DD_RULE_VERIFY_SCHEMA_DRIFT, &loc, grp, NULL, msg.data);
						dd_buf_free(&msg);
					}
					free(d[i]);
				}
				free(d);
				dd_vsnap_free(s);
			}
		}
		v->conn = mig;
	}
	if (conn)
		PQfinish(conn);
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", name);
	bool sig = g_signal;
	g_signal = 0;
	command(v, v->maint, sql);
	g_signal = sig;
	if (!conn && !v->fatal)
		v->fatal = 2;
}

/* Once the model is complete (dd_run_on_finish): the migrations left, then --schema; before the
 * ddlint-disable comments are applied, so that they apply to these findings too. */
static void on_finish(dd_run *run, void *arg)
{
	dd_verify *v = arg;
	scan_files(v, run);
	while (!v->fatal && v->next < run->n_migrations) {
		const dd_migration *o = run->migrations[v->next++];
		apply_migration(v, run, o, false);
	}
	if (!v->fatal)
		finish_run_tx(v, run);
	if (!v->fatal && v->schema_file) {
		if (v->n_dirs != 1 || !v->cur)
			fprintf(stderr, "ddlint: --schema compares one migration directory with its schema file: %zu were given\n", v->n_dirs);
		else if (v->stopped)
			dd_buf_printf(&v->notes, "%s: not compared with the schema file: not every migration ran\n", v->dir);
		else
			schema_drift(v, run);
	}
}

int dd_verify_finish(dd_verify *v, dd_run *run)
{
	if (v->fatal) {
		if (v->fatal > 128)
			fprintf(stderr, "ddlint: interrupted; the scratch database%s removed\n", v->server.dir[0] ? " and the server are" : " is");
		return v->fatal;
	}
	if (run->n_migrations == 0) {
		fprintf(stderr, "ddlint: verify found no migrations ('ddlint plan' shows how ddlint reads the paths)\n");
		return 2;
	}
	/* the findings a ddlint-disable comment leaves */
	size_t findings = 0, suppressed = 0;
	for (size_t i = 0; i < run->n_diags; i++) {
		const dd_diag *g = run->diags[i];
		int ri = dd_rule_find(g->rule);
		if (ri >= 0 && dd_rules[ri]->command && strcmp(dd_rules[ri]->command, "verify") == 0)
			g->suppressed ? suppressed++ : findings++;
	}
	fprintf(stderr, "ddlint verify: %zu migration%s verified (up, down, up)", v->verified, v->verified == 1 ? "" : "s");
	if (v->up_only_no_down)
		fprintf(stderr, ", %zu applied up only (no down)", v->up_only_no_down);
	if (v->up_only_before)
		fprintf(stderr, ", %zu earlier or unchanged applied up only", v->up_only_before);
	if (v->not_run)
		fprintf(stderr, ", %zu not run", v->not_run);
	fprintf(stderr, "; %zu finding%s", findings, findings == 1 ? "" : "s");
	if (suppressed)
		fprintf(stderr, " (and %zu silenced by ddlint-disable comments)", suppressed);
	fprintf(stderr, "\n");
	if (v->notes.len)
		fprintf(stderr, "%.*s", (int)v->notes.len, v->notes.data);
	return 0;
}
