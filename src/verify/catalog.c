/*
 * Snapshots of the catalog for `ddlint verify`. One query lists every object as a group (a table
 * with its columns, constraints, indexes...) and the digest of its lines; the lines of a digest
 * not seen before are fetched by a second query and kept, so a snapshot costs one pass over the
 * catalog and moves little more than one row an object, however many migrations there are.
 */
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>
#include "verify.h"
#include "catalog.sql.h"

static int cmp_str(const void *x, const void *y) { return strcmp(*(const char *const *)x, *(const char *const *)y); }

/* The two queries: the stamps of every group, and the lines of the groups in $1 (heap, made once). */
static char *query(bool stamps)
{
	static char *q[2];
	if (!q[stamps]) {
		dd_buf b = { 0 };
		for (size_t i = 0; catalog_ctes[i]; i++)
			dd_buf_puts(&b, catalog_ctes[i]);
		const char *const *rest = stamps ? catalog_stamps : catalog_lines;
		for (size_t i = 0; rest[i]; i++)
			dd_buf_puts(&b, rest[i]);
		q[stamps] = b.data;
	}
	return q[stamps];
}

/* The lines of one group as one digest gives them. */
typedef struct detail {
	const char *name;        /* the group */
	char **lines;
	size_t n;
	const char **model;      /* the "m " lines' parts before " | " */
	size_t n_model;
} detail;

struct vcatalog {
	dd_arena *arena;
	dd_map by_text;          /* "group\nlines" -> detail: one detail for the same lines, so same is ==  */
	PGconn *prepared;        /* the connection the two queries are prepared on */
	/* the last snapshot taken: its groups (by name, sorted), their row counts, and the
	 * transaction whose xid every later write exceeds */
	PGconn *last_conn;
	const detail **last;
	char **last_sig;
	size_t n_last;
	char last_xid[32];
};

typedef struct group { const char *name; const detail *d; } group;   /* name: the detail's, or the result's until fetched */

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

/* Prepare the two queries on conn (again after a migration's DISCARD ALL or DEALLOCATE). */
static PGresult *prepare(vcatalog *c, PGconn *conn)
{
	static const char *const names[2] = { "ddlint_verify_lines", "ddlint_verify_stamps" };
	for (int k = 0; k < 2; k++) {
		PGresult *r = PQexec(conn, k ? "DEALLOCATE ddlint_verify_stamps" : "DEALLOCATE ddlint_verify_lines");
		PQclear(r);
		r = PQprepare(conn, names[k], query(k == 1), 1, NULL);
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			return r;
		PQclear(r);
	}
	c->prepared = conn;
	return NULL;
}

static PGresult *exec_prepared(vcatalog *c, PGconn *conn, bool stamps, const char *param, char **err)
{
	const char *params[1] = { param };
	for (int attempt = 0; attempt < 2; attempt++) {
		PGresult *r = c->prepared == conn ? NULL : prepare(c, conn);
		if (r) {
			*err = query_error(conn, r);
			PQclear(r);
			return NULL;
		}
		r = PQexecPrepared(conn, stamps ? "ddlint_verify_stamps" : "ddlint_verify_lines", 1, params, NULL, NULL, 0);
		if (PQresultStatus(r) == PGRES_TUPLES_OK)
			return r;
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		if (attempt == 0 && state && strcmp(state, "26000") == 0) {   /* gone: prepared again */
			PQclear(r);
			c->prepared = NULL;
			continue;
		}
		*err = query_error(conn, r);
		PQclear(r);
		return NULL;
	}
	return NULL;
}

/* The detail the last snapshot had for group `name`, when it has the same rows now. */
static const detail *unchanged(const vcatalog *c, const char *name, const char *sig, bool changed)
{
	if (changed)
		return NULL;
	size_t lo = 0, hi = c->n_last;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int cmp = strcmp(c->last[mid]->name, name);
		if (cmp == 0)
			return strcmp(c->last_sig[mid], sig) == 0 ? c->last[mid] : NULL;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

vsnap *dd_vsnap_take(vcatalog *c, PGconn *conn, char **err)
{
	*err = NULL;
	if (c->last_conn != conn) {   /* another database: nothing of the last snapshot holds */
		c->last_conn = conn;
		c->last_xid[0] = '\0';
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
	r = exec_prepared(c, conn, true, c->last_xid, err);
	if (!r)
		return NULL;
	vsnap *s = dd_xcalloc(1, sizeof *s);
	size_t n = (size_t)PQntuples(r);
	s->g = dd_xcalloc(n + 1, sizeof *s->g);
	s->n = n;
	char **missing = dd_xcalloc(n + 1, sizeof *missing);
	char **sigs = dd_xcalloc(n + 1, sizeof *sigs);
	size_t n_missing = 0;
	for (size_t i = 0; i < n; i++) {
		const char *name = PQgetvalue(r, (int)i, 0);
		group *g = &s->g[i];
		sigs[i] = dd_xstrdup(PQgetvalue(r, (int)i, 1));
		g->d = unchanged(c, name, sigs[i], PQgetvalue(r, (int)i, 2)[0] != 'f');
		if (g->d)
			g->name = g->d->name;
		else
			g->name = missing[n_missing++] = dd_xstrdup(name);
	}
	PQclear(r);
	if (n_missing) {
		/* the stamps and the lines both come ordered by group (COLLATE "C", as strcmp) */
		char *arr = array_literal(missing, n_missing);
		r = exec_prepared(c, conn, false, arr, err);
		free(arr);
		if (!r)
			n = 0;   /* nothing kept */
		/* rows come by group: each group's lines become its detail under the digest just read */
		size_t rows = *err ? 0 : (size_t)PQntuples(r), row = 0;
		for (size_t i = 0; i < n; i++) {
			group *g = &s->g[i];
			if (g->d)
				continue;
			detail tmp = { 0 };
			while (row < rows && strcmp(PQgetvalue(r, (int)row, 0), g->name) < 0)
				row++;
			dd_buf text = { 0 };
			dd_buf_puts(&text, g->name);
			size_t first = row;
			while (row < rows && strcmp(PQgetvalue(r, (int)row, 0), g->name) == 0) {
				dd_buf_puts(&text, "\n");
				dd_buf_puts(&text, PQgetvalue(r, (int)row++, 1));
				tmp.n++;
			}
			detail *d = dd_map_get(&c->by_text, text.data);
			if (!d) {
				d = dd_arena_alloc(c->arena, sizeof *d);
				d->name = dd_arena_strdup(c->arena, g->name);
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
			g->d = d;
			g->name = d->name;
		}
		if (!*err)
			PQclear(r);
	}
	for (size_t i = 0; i < n_missing; i++)
		free(missing[i]);
	if (*err) {
		for (size_t i = 0; i < s->n; i++)
			free(sigs[i]);
		free(sigs);
		free(missing);
		dd_vsnap_free(s);
		c->last_conn = NULL;   /* start again */
		return NULL;
	}
	/* this snapshot is the last one now */
	for (size_t i = 0; i < c->n_last; i++)
		free(c->last_sig[i]);
	free(c->last_sig);
	c->last_sig = sigs;
	c->last = dd_xrealloc(c->last, (s->n + 1) * sizeof *c->last);
	for (size_t i = 0; i < s->n; i++)
		c->last[i] = s->g[i].d;
	c->n_last = s->n;
	snprintf(c->last_xid, sizeof c->last_xid, "%s", xid);
	free(missing);
	return s;
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
