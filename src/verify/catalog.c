/*
 * Snapshots of the catalog for `ddlint verify`, as groups of lines (a table with its columns,
 * constraints, indexes...). The lines of a group are read again only when the group may have
 * changed since the last snapshot, and the same lines are kept once. Which groups may have changed:
 * - in a database verify made itself, as a superuser ("tracked"), event triggers record every
 *   object a DDL command touches; a snapshot reads those objects' groups, their dependants' and
 *   (for a dropped object, which the catalog no longer has) the groups whose lines showed it, so
 *   its cost follows what the migration changed, not the size of the catalog;
 * - elsewhere, one query over the whole catalog counts each group's rows and sees whether any was
 *   written since the last snapshot's transaction.
 */
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>
#include "verify.h"
#include "catalog.sql.h"

static int cmp_str(const void *x, const void *y) { return strcmp(*(const char *const *)x, *(const char *const *)y); }

/* The three prepared queries: the lines of the groups in $1, the stamps of every group, and the
 * groups the touched objects are in (heap, made once). */
enum { Q_LINES, Q_STAMPS, Q_RESOLVE, N_QUERIES };
static const char *const query_names[N_QUERIES] = { "ddlint_verify_lines", "ddlint_verify_stamps", "ddlint_verify_resolve" };
static const int query_params[N_QUERIES] = { 2, 1, 0 };

static char *query(int which)
{
	static char *q[N_QUERIES];
	static const char *const *const rests[N_QUERIES] = { catalog_lines, catalog_stamps, catalog_resolve };
	if (!q[which]) {
		dd_buf b = { 0 };
		for (size_t i = 0; catalog_ctes[i]; i++) {
			/* the lines and the resolving look objects up by oid: the object CTEs are inlined so
			 * that the condition reaches the catalog's indexes; the stamps read them all, once */
			const char *cte = catalog_ctes[i], *as = strstr(cte, " AS (");
			if (which != Q_STAMPS && as && strstr(cte, "), all_") == cte) {
				dd_buf_add(&b, cte, (size_t)(as - cte));
				dd_buf_puts(&b, " AS NOT MATERIALIZED (");
				dd_buf_puts(&b, as + 5);
			} else {
				dd_buf_puts(&b, cte);
			}
		}
		for (size_t i = 0; rests[which][i]; i++)
			dd_buf_puts(&b, rests[which][i]);
		q[which] = b.data;
	}
	return q[which];
}

/* The lines of one group as one digest gives them. */
typedef struct detail {
	const char *name;        /* the group */
	char **lines;
	size_t n;
	const char **model;      /* the "m " lines' parts before " | " */
	size_t n_model;
} detail;

/* A group of a snapshot: its lines, and the oid of its object (a comment group: of the commented
 * object), which identifies it where the same lines may have been another object's before. */
typedef struct group { const char *name; const detail *d; const char *oid; } group;

/* A group an object's key was seen in (a list: a comment's key is in the group of the comment too). */
typedef struct seen_in { const char *grp; struct seen_in *next; } seen_in;

struct vcatalog {
	dd_arena *arena;
	dd_map by_text;          /* "group\nlines" -> detail: one detail for the same lines, so same is ==  */
	dd_map groups_of;        /* "classid:objid" -> seen_in: the groups whose lines showed the object */
	PGconn *prepared[N_QUERIES]; /* the connection each query is prepared on */
	PGconn *tracked;         /* the connection whose database records what DDL touches */
	bool suspect;            /* something may have changed the catalog unseen: read it all next time */
	/* the last snapshot taken: its groups (by name, sorted), their row counts, and the
	 * transaction whose xid every later write exceeds */
	PGconn *last_conn;
	group *last;             /* sorted by name; oids in the arena */
	char **last_sig;
	size_t n_last;
	char last_xid[32];
};


struct vsnap { group *g; size_t n; };

vcatalog *dd_vcatalog_new(void)
{
	vcatalog *c = dd_xcalloc(1, sizeof *c);
	c->arena = dd_arena_new();
	return c;
}

void dd_vcatalog_free(vcatalog *c)
{
	if (!c)
		return;
	dd_map_free(&c->by_text);
	dd_map_free(&c->groups_of);
	for (size_t i = 0; i < c->n_last; i++)
		free(c->last_sig[i]);
	free(c->last_sig);
	free(c->last);
	dd_arena_free(c->arena);
	free(c);
}

void dd_vsnap_free(vsnap *s)
{
	if (!s)
		return;
	free(s->g);
	free(s);
}

static char *query_error(PGconn *conn, PGresult *r)
{
	const char *m = r ? PQresultErrorMessage(r) : PQerrorMessage(conn);
	char *e = dd_xstrdup(m && *m ? m : "the catalog query failed");
	size_t n = strlen(e);
	while (n && e[n - 1] == '\n')
		e[--n] = '\0';
	return e;
}

/* A text[] literal of the names: {"a","b"} with " and \ escaped. */
static char *array_literal(char **names, size_t n)
{
	dd_buf b = { 0 };
	dd_buf_puts(&b, "{");
	for (size_t i = 0; i < n; i++) {
		dd_buf_puts(&b, i ? ",\"" : "\"");
		for (const char *p = names[i]; *p; p++) {
			if (*p == '"' || *p == '\\')
				dd_buf_add(&b, "\\", 1);
			dd_buf_add(&b, p, 1);
		}
		dd_buf_puts(&b, "\"");
	}
	dd_buf_puts(&b, "}");
	return b.data;
}

/* Is query `which` prepared on conn? */
static bool prepared_exists(PGconn *conn, int which)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT 1 FROM pg_catalog.pg_prepared_statements WHERE name = '%s'", query_names[which]);
	PGresult *x = PQexec(conn, sql);
	bool exists = PQresultStatus(x) == PGRES_TUPLES_OK && PQntuples(x) > 0;
	PQclear(x);
	return exists;
}

/* Prepare query `which` on conn (again after a migration's DISCARD ALL or DEALLOCATE). */
static PGresult *prepare(vcatalog *c, PGconn *conn, int which)
{
	/* one left from before? (a DEALLOCATE of a missing one would be an error, which aborts a
	 * transaction the migrations run in) */
	char sql[160];
	if (prepared_exists(conn, which)) {
		snprintf(sql, sizeof sql, "DEALLOCATE %s", query_names[which]);
		PQclear(PQexec(conn, sql));
	}
	PGresult *r = PQprepare(conn, query_names[which], query(which), query_params[which], NULL);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return r;
	PQclear(r);
	c->prepared[which] = conn;
	return NULL;
}

/* The search_path the lines are written with: a migration's own (pg_dump's empty one) would
 * qualify every name otherwise. */
#define SNAPSHOT_PATH "'\"$user\", public'"

/* Execute prepared query `which`. Outside a transaction, the search_path is set for this query
 * alone (SET LOCAL lasts the implicit transaction of the query string) in the same round trip:
 * each round trip costs, a thousand migrations take three thousand snapshots. In a transaction
 * the migrations run in, guarded() has set it. */
static PGresult *run_prepared(PGconn *conn, int which, const char *const *params)
{
	if (PQtransactionStatus(conn) == PQTRANS_INTRANS)
		return PQexecPrepared(conn, query_names[which], query_params[which], params, NULL, NULL, 0);
	dd_buf q = { 0 };
	dd_buf_printf(&q, "SELECT pg_catalog.set_config('search_path', %s, true); EXECUTE %s", SNAPSHOT_PATH, query_names[which]);
	for (int i = 0; i < query_params[which]; i++) {
		char *lit = PQescapeLiteral(conn, params[i], strlen(params[i]));
		dd_buf_printf(&q, "%s%s", i ? ", " : "(", lit ? lit : "NULL");
		PQfreemem(lit);
	}
	dd_buf_puts(&q, query_params[which] ? ")" : "");
	PGresult *r = PQexec(conn, q.data);
	dd_buf_free(&q);
	return r;
}

/* Run query `which`; NULL with *err (heap) set. */
static PGresult *exec_prepared(vcatalog *c, PGconn *conn, int which, const char *const *params, char **err)
{
	if (c->prepared[which] == conn && PQtransactionStatus(conn) == PQTRANS_INTRANS && !prepared_exists(conn, which))
		c->prepared[which] = NULL;   /* a DEALLOCATE: in a transaction, the 26000 below would abort it */
	for (int attempt = 0; attempt < 2; attempt++) {
		PGresult *r = c->prepared[which] == conn ? NULL : prepare(c, conn, which);
		if (!r)
			r = run_prepared(conn, which, params);
		if (PQresultStatus(r) == PGRES_TUPLES_OK)
			return r;
		const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		if (attempt == 0 && st && strcmp(st, "26000") == 0) {   /* gone: prepared again */
			PQclear(r);
			c->prepared[which] = NULL;
			continue;
		}
		*err = query_error(conn, r);
		PQclear(r);
		return NULL;
	}
	return NULL;
}

/* The group of the last snapshot named `name`, or NULL. */
static const group *last_group(const vcatalog *c, const char *name)
{
	size_t lo = 0, hi = c->n_last;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int cmp = strcmp(c->last[mid].name, name);
		if (cmp == 0)
			return &c->last[mid];
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The detail the last snapshot had for group `name`, when it has the same rows now. */
static const detail *unchanged(const vcatalog *c, const char *name, const char *sig, bool changed)
{
	const group *g = changed ? NULL : last_group(c, name);
	if (!g)
		return NULL;
	const char *last = c->last_sig[g - c->last];
	return last && strcmp(last, sig) == 0 ? g->d : NULL;
}

void dd_vcatalog_forget(vcatalog *c)
{
	c->last_conn = NULL;
	c->tracked = NULL;
	c->suspect = false;
	for (int k = 0; k < N_QUERIES; k++)
		c->prepared[k] = NULL;
}

void dd_vcatalog_suspect(vcatalog *c) { c->suspect = true; }

void dd_vcatalog_untrack(vcatalog *c)
{
	c->tracked = NULL;
	c->last_conn = NULL;
}

int dd_vcatalog_track(vcatalog *c, PGconn *conn, char **err)
{
	*err = NULL;
	dd_buf b = { 0 };
	dd_buf_puts(&b, "BEGIN; ");
	for (size_t i = 0; catalog_track_install[i]; i++)
		dd_buf_puts(&b, catalog_track_install[i]);
	dd_buf_puts(&b, "; COMMIT");
	PGresult *r = PQexec(conn, b.data);
	dd_buf_free(&b);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		*err = query_error(conn, r);
		PQclear(r);
		PQclear(PQexec(conn, "ROLLBACK"));
		return -1;
	}
	PQclear(r);
	c->tracked = conn;
	c->last_conn = NULL;   /* the next snapshot reads everything */
	return 0;
}

/* Remember that the object `key` was seen in group `grp` (an arena string). */
static void seen(vcatalog *c, const char *key, const char *grp)
{
	seen_in *l = dd_map_get(&c->groups_of, key);
	for (seen_in *p = l; p; p = p->next)
		if (p->grp == grp || strcmp(p->grp, grp) == 0)
			return;
	seen_in *n = dd_arena_alloc(c->arena, sizeof *n);
	n->grp = grp;
	n->next = l;
	dd_map_put(&c->groups_of, c->arena, key, n);
}

/* The details of the groups names[0..n) (sorted as strcmp sorts) whose objects are among
 * oids[0..n_oids), read by the lines query: out[i] is names[i]'s group (its detail empty, its
 * oid NULL, when it has no lines). 0, or -1 with *err. */
static int fetch(vcatalog *c, PGconn *conn, char **names, size_t n, char **oids, size_t n_oids, group *out, char **err)
{
	char *params[2] = { array_literal(names, n), array_literal(oids, n_oids) };
	PGresult *r = exec_prepared(c, conn, Q_LINES, (const char *const *)params, err);
	free(params[0]);
	free(params[1]);
	if (!r)
		return -1;
	/* rows come by group, ordered as the names are (COLLATE "C", as strcmp) */
	size_t rows = (size_t)PQntuples(r), row = 0;
	for (size_t i = 0; i < n; i++) {
		while (row < rows && strcmp(PQgetvalue(r, (int)row, 0), names[i]) < 0)
			row++;
		dd_buf text = { 0 };
		dd_buf_puts(&text, names[i]);
		size_t first = row;
		while (row < rows && strcmp(PQgetvalue(r, (int)row, 0), names[i]) == 0) {
			dd_buf_puts(&text, "\n");
			dd_buf_puts(&text, PQgetvalue(r, (int)row++, 1));
		}
		detail *d = dd_map_get(&c->by_text, text.data);
		if (!d) {
			d = dd_arena_alloc(c->arena, sizeof *d);
			d->name = dd_arena_strdup(c->arena, names[i]);
			for (size_t k = first; k < row; k++)
				DD_PUSH(c->arena, &d->lines, &d->n, dd_arena_strdup(c->arena, PQgetvalue(r, (int)k, 1)));
			for (size_t k = 0; k < d->n; k++) {
				const char *l = d->lines[k], *bar = strstr(l, " | ");
				if (l[0] == 'm' && l[1] == ' ')
					DD_PUSH(c->arena, &d->model, &d->n_model,
						bar ? dd_arena_strndup(c->arena, l + 2, (size_t)(bar - l - 2)) : l + 2);
			}
			dd_map_put(&c->by_text, c->arena, text.data, d);
		}
		dd_buf_free(&text);
		/* the objects the lines show, so that a drop of one leads back here */
		for (size_t k = first; k < row; k++) {
			const char *keys = PQgetvalue(r, (int)k, 2);
			while (*keys) {
				size_t len = strcspn(keys, " ");
				char key[48];
				if (len < sizeof key) {
					memcpy(key, keys, len);
					key[len] = '\0';
					seen(c, key, d->name);
				}
				keys += len + (keys[len] == ' ');
			}
		}
		out[i] = (group){ d->name, d, first < row ? dd_arena_strdup(c->arena, PQgetvalue(r, (int)first, 3)) : NULL };
	}
	PQclear(r);
	return 0;
}

/* This snapshot is the last one now (sigs: its groups' stamps, or NULL; taken). */
static void keep_last(vcatalog *c, PGconn *conn, const vsnap *s, char **sigs, const char *xid)
{
	for (size_t i = 0; i < c->n_last; i++)
		free(c->last_sig[i]);
	free(c->last_sig);
	c->last_sig = sigs ? sigs : dd_xcalloc(s->n + 1, sizeof *c->last_sig);
	c->last = dd_xrealloc(c->last, (s->n + 1) * sizeof *c->last);
	for (size_t i = 0; i < s->n; i++)
		c->last[i] = s->g[i];
	c->n_last = s->n;
	c->last_conn = conn;
	snprintf(c->last_xid, sizeof c->last_xid, "%s", xid);
}

/* Every group, by the stamps query: those whose rows are as the last snapshot had them keep
 * their detail, the others are read again. */
static vsnap *take_stamped(vcatalog *c, PGconn *conn, char **err)
{
	/* another database: nothing of the last snapshot holds; in a transaction (the one a tool runs
	 * every migration in), what it writes has the transaction id read below: all is read again */
	if (c->last_conn != conn || PQtransactionStatus(conn) == PQTRANS_INTRANS) {
		c->last_xid[0] = '\0';
		for (size_t i = 0; i < c->n_last; i++)
			free(c->last_sig[i]);
		c->n_last = 0;
	}
	/* a transaction id of our own first: whatever is written after it has a larger one */
	PGresult *r = PQexec(conn, "SELECT pg_catalog.txid_current() % 4294967296");
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		*err = query_error(conn, r);
		PQclear(r);
		return NULL;
	}
	char xid[32];
	snprintf(xid, sizeof xid, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	const char *const since[1] = { c->last_xid };
	r = exec_prepared(c, conn, Q_STAMPS, since, err);
	if (!r)
		return NULL;
	vsnap *s = dd_xcalloc(1, sizeof *s);
	size_t n = (size_t)PQntuples(r);
	s->g = dd_xcalloc(n + 1, sizeof *s->g);
	s->n = n;
	char **missing = dd_xcalloc(n + 1, sizeof *missing), **missing_oids = dd_xcalloc(n + 1, sizeof *missing_oids);
	char **sigs = dd_xcalloc(n + 1, sizeof *sigs);
	size_t n_missing = 0;
	for (size_t i = 0; i < n; i++) {
		const char *name = PQgetvalue(r, (int)i, 0);
		sigs[i] = dd_xstrdup(PQgetvalue(r, (int)i, 1));
		s->g[i].d = unchanged(c, name, sigs[i], PQgetvalue(r, (int)i, 2)[0] != 'f');
		s->g[i].oid = dd_arena_strdup(c->arena, PQgetvalue(r, (int)i, 3));
		if (!s->g[i].d) {
			missing_oids[n_missing] = dd_xstrdup(PQgetvalue(r, (int)i, 3));
			missing[n_missing++] = dd_xstrdup(name);
		}
	}
	PQclear(r);
	group *got = dd_xcalloc(n_missing + 1, sizeof *got);
	int rc = n_missing ? fetch(c, conn, missing, n_missing, missing_oids, n_missing, got, err) : 0;
	for (size_t i = 0, k = 0; rc == 0 && i < n; i++)
		if (!s->g[i].d)
			s->g[i].d = got[k++].d;
	for (size_t i = 0; i < n; i++)
		if (s->g[i].d)
			s->g[i].name = s->g[i].d->name;
	for (size_t i = 0; i < n_missing; i++) {
		free(missing[i]);
		free(missing_oids[i]);
	}
	free(missing);
	free(missing_oids);
	free(got);
	if (rc != 0) {
		for (size_t i = 0; i < n; i++)
			free(sigs[i]);
		free(sigs);
		dd_vsnap_free(s);
		c->last_conn = NULL;   /* start again */
		return NULL;
	}
	keep_last(c, conn, s, sigs, xid);
	return s;
}

static void add_name(char ***names, size_t *n, size_t *cap, const char *name)
{
	if (*n + 1 >= *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*names = dd_xrealloc(*names, *cap * sizeof **names);
	}
	(*names)[(*n)++] = dd_xstrdup(name);
}

/* Sort names and drop the repeated ones; the count left. */
static size_t sort_unique(char **names, size_t n)
{
	if (n == 0)
		return 0;
	qsort(names, n, sizeof *names, cmp_str);
	size_t u = 0;
	for (size_t i = 0; i < n; i++) {
		if (u && strcmp(names[u - 1], names[i]) == 0)
			free(names[i]);
		else
			names[u++] = names[i];
	}
	return u;
}


/* The last snapshot with the groups the touched objects are in read again; NULL with *err. */
static vsnap *take_tracked(vcatalog *c, PGconn *conn, char **err)
{
	PGresult *r = exec_prepared(c, conn, Q_RESOLVE, NULL, err);
	if (!r)
		return NULL;
	/* the groups to read again: where each object is now (and its comment), and where the
	 * lines read so far showed it (where it was: a dropped or renamed object) */
	size_t n_names = 0, cap_names = 0, n_oids = 0, cap_oids = 0;
	char **names = NULL, **oids = NULL;
	for (int i = 0; i < PQntuples(r); i++) {
		for (int col = 1; col <= 3; col += 2)
			if (!PQgetisnull(r, i, col) && !PQgetisnull(r, i, col + 1)) {
				add_name(&names, &n_names, &cap_names, PQgetvalue(r, i, col));
				add_name(&oids, &n_oids, &cap_oids, PQgetvalue(r, i, col + 1));
			}
		/* where the lines showed it, and the relation or type it is part of */
		for (int col = 0; col <= 5; col += 5) {
			if (PQgetisnull(r, i, col))
				continue;
			for (const seen_in *p = dd_map_get(&c->groups_of, PQgetvalue(r, i, col)); p; p = p->next) {
				const group *g = last_group(c, p->grp);
				if (g) {
					add_name(&names, &n_names, &cap_names, g->name);
					add_name(&oids, &n_oids, &cap_oids, g->oid);
				}
			}
		}
	}
	PQclear(r);
	n_names = sort_unique(names, n_names);
	n_oids = sort_unique(oids, n_oids);
	group *got = dd_xcalloc(n_names + 1, sizeof *got);
	int rc = n_names ? fetch(c, conn, names, n_names, oids, n_oids, got, err) : 0;
	vsnap *s = NULL;
	if (rc == 0) {
		/* the last snapshot's groups and the ones read again, merged in order; a group read
		 * again without lines is gone */
		s = dd_xcalloc(1, sizeof *s);
		s->g = dd_xcalloc(c->n_last + n_names + 1, sizeof *s->g);
		size_t i = 0, k = 0;
		while (i < c->n_last || k < n_names) {
			int cmp = i == c->n_last ? 1 : k == n_names ? -1 : strcmp(c->last[i].name, names[k]);
			group g = cmp < 0 ? c->last[i] : got[k];
			if (cmp <= 0)
				i++;
			if (cmp >= 0)
				k++;
			if (g.d->n)
				s->g[s->n++] = g;
		}
		keep_last(c, conn, s, NULL, "");
	}
	for (size_t i = 0; i < n_names; i++)
		free(names[i]);
	for (size_t i = 0; i < n_oids; i++)
		free(oids[i]);
	free(names);
	free(oids);
	free(got);
	return s;
}

typedef vsnap *taker(vcatalog *c, PGconn *conn, char **err);

/* Run take with the session as the snapshot needs it, and as it was afterwards: in a transaction
 * the migrations run in, a savepoint, so that a failing query of ours does not abort it, and the
 * snapshot's search_path (run_prepared sets it outside one). */
static vsnap *guarded(vcatalog *c, PGconn *conn, char **err, taker *take)
{
	bool in_tx = PQtransactionStatus(conn) == PQTRANS_INTRANS;
	char *path = NULL;
	if (in_tx) {
		PQclear(PQexec(conn, "SAVEPOINT ddlint_verify_snapshot"));
		PGresult *r = PQexec(conn, "SELECT pg_catalog.current_setting('search_path'), "
				     "pg_catalog.set_config('search_path', " SNAPSHOT_PATH ", false)");
		if (PQresultStatus(r) == PGRES_TUPLES_OK)
			path = dd_xstrdup(PQgetvalue(r, 0, 0));
		PQclear(r);
	}
	vsnap *s = take(c, conn, err);
	if (in_tx && !s) {
		PQclear(PQexec(conn, "ROLLBACK TO SAVEPOINT ddlint_verify_snapshot"));   /* the path with it */
	} else if (path) {
		const char *params[1] = { path };
		PQclear(PQexecParams(conn, "SELECT pg_catalog.set_config('search_path', $1, false)", 1, NULL, params, NULL, NULL, 0));
	}
	if (in_tx)
		PQclear(PQexec(conn, "RELEASE SAVEPOINT ddlint_verify_snapshot"));
	free(path);
	return s;
}

/* A tracked database read whole: what was touched before is in it. */
static vsnap *take_all(vcatalog *c, PGconn *conn, char **err)
{
	PGresult *r = PQexec(conn, "DELETE FROM _ddlint_verify.touched");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		c->tracked = NULL;
	PQclear(r);
	c->last_conn = NULL;
	return take_stamped(c, conn, err);
}

vsnap *dd_vsnap_take(vcatalog *c, PGconn *conn, char **err)
{
	*err = NULL;
	if (c->tracked == conn && c->last_conn == conn && !c->suspect) {
		vsnap *s = guarded(c, conn, err, take_tracked);
		if (s)
			return s;
		/* the tracking failed (dropped by a migration, a role that may not read it, a
		 * read-only session...): the whole catalog from now on */
		free(*err);
		*err = NULL;
		dd_vcatalog_untrack(c);
	}
	c->suspect = false;
	return guarded(c, conn, err, c->tracked == conn ? take_all : take_stamped);
}

/* A line as shown: without its "m "/"x " mark. */
static const char *shown(const char *line) { return line[0] && line[1] == ' ' ? line + 2 : line; }

static void diff_group(dd_buf *b, const detail *a, const detail *z)
{
	size_t i = 0, k = 0, na = a ? a->n : 0, nz = z ? z->n : 0;
	while (i < na || k < nz) {
		int c = i == na ? 1 : k == nz ? -1 : strcmp(a->lines[i], z->lines[k]);
		if (c == 0) {
			i++, k++;
			continue;
		}
		dd_buf_printf(b, "\n    %s %s", c < 0 ? "-" : "+", shown(c < 0 ? a->lines[i++] : z->lines[k++]));
	}
}

char **dd_vsnap_diff(const vcatalog *c, const vsnap *a, const vsnap *b, size_t *n)
{
	char **out = NULL;
	size_t no = 0, i = 0, k = 0;
	while (i < a->n || k < b->n) {
		int cmp = i == a->n ? 1 : k == b->n ? -1 : strcmp(a->g[i].name, b->g[k].name);
		const group *ga = cmp <= 0 ? &a->g[i] : NULL, *gb = cmp >= 0 ? &b->g[k] : NULL;
		if (cmp <= 0)
			i++;
		if (cmp >= 0)
			k++;
		if (ga && gb && ga->d == gb->d)
			continue;
		dd_buf t = { 0 };
		dd_buf_printf(&t, "%s%s", ga ? ga->name : gb->name, !ga ? " (only after)" : !gb ? " (only before)" : "");
		diff_group(&t, ga ? ga->d : NULL, gb ? gb->d : NULL);
		out = dd_xrealloc(out, (no + 1) * sizeof *out);
		out[no++] = t.data;
	}
	*n = no;
	return out;
}


const char **dd_vsnap_model_lines(const vcatalog *c, const vsnap *s, size_t *n)
{
	size_t total = 0;
	for (size_t i = 0; i < s->n; i++)
		total += s->g[i].d->n_model;
	const char **out = dd_xcalloc(total + 1, sizeof *out);
	size_t no = 0;
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k < s->g[i].d->n_model; k++)
			out[no++] = s->g[i].d->model[k];
	if (no)
		qsort(out, no, sizeof *out, cmp_str);
	*n = no;
	return out;
}
