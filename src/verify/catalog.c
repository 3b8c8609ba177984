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

/* The two queries (heap, made once). */
static char *query(bool digests)
{
	static char *q[2];
	if (!q[digests]) {
		dd_buf b = { 0 };
		dd_buf_puts(&b, digests ? "SELECT grp, pg_catalog.md5(pg_catalog.string_agg(line, E'\\n' ORDER BY line COLLATE \"C\")) FROM ("
				    : "SELECT grp, line FROM (");
		for (size_t i = 0; catalog_lines[i]; i++)
			dd_buf_puts(&b, catalog_lines[i]);
		dd_buf_puts(&b, digests ? ") x GROUP BY grp ORDER BY grp COLLATE \"C\""
				    : ") x WHERE grp = ANY($1::text[]) ORDER BY grp COLLATE \"C\", line COLLATE \"C\"");
		q[digests] = b.data;
	}
	return q[digests];
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
	dd_map details;          /* "group\ndigest" -> detail */
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
	dd_map_free(&c->details);
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

vsnap *dd_vsnap_take(vcatalog *c, PGconn *conn, char **err)
{
	*err = NULL;
	PGresult *r = PQexecParams(conn, query(true), 0, NULL, NULL, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		*err = query_error(conn, r);
		PQclear(r);
		return NULL;
	}
	vsnap *s = dd_xcalloc(1, sizeof *s);
	size_t n = (size_t)PQntuples(r);
	s->g = dd_xcalloc(n + 1, sizeof *s->g);
	s->n = n;
	char **missing = dd_xcalloc(n + 1, sizeof *missing);
	char **keys = dd_xcalloc(n + 1, sizeof *keys);
	size_t n_missing = 0;
	dd_buf key = { 0 };
	for (size_t i = 0; i < n; i++) {
		const char *name = PQgetvalue(r, (int)i, 0), *digest = PQgetvalue(r, (int)i, 1);
		group *g = &s->g[i];
		key.len = 0;
		dd_buf_printf(&key, "%s\n%s", name, digest);
		g->d = dd_map_get(&c->details, key.data);
		if (g->d) {
			g->name = g->d->name;
		} else {
			keys[i] = dd_xstrdup(key.data);
			g->name = missing[n_missing++] = dd_xstrdup(name);
		}
	}
	dd_buf_free(&key);
	PQclear(r);
	if (n_missing) {
		char *arr = array_literal(missing, n_missing);
		const char *params[1] = { arr };
		r = PQexecParams(conn, query(false), 1, NULL, params, NULL, NULL, 0);
		free(arr);
		if (PQresultStatus(r) != PGRES_TUPLES_OK) {
			*err = query_error(conn, r);
			PQclear(r);
			n = 0;   /* nothing kept */
		}
		/* rows come by group: each group's lines become its detail under the digest just read */
		size_t rows = *err ? 0 : (size_t)PQntuples(r), row = 0;
		for (size_t i = 0; i < n; i++) {
			group *g = &s->g[i];
			if (g->d)
				continue;
			detail *d = dd_arena_alloc(c->arena, sizeof *d);
			d->name = dd_arena_strdup(c->arena, g->name);
			while (row < rows && strcmp(PQgetvalue(r, (int)row, 0), g->name) < 0)
				row++;
			while (row < rows && strcmp(PQgetvalue(r, (int)row, 0), g->name) == 0)
				DD_PUSH(c->arena, &d->lines, &d->n, dd_arena_strdup(c->arena, PQgetvalue(r, (int)row++, 1)));
			for (size_t k = 0; k < d->n; k++) {
				const char *l = d->lines[k], *bar = strstr(l, " | ");
				if (l[0] == 'm' && l[1] == ' ')
					DD_PUSH(c->arena, &d->model, &d->n_model,
						bar ? dd_arena_strndup(c->arena, l + 2, (size_t)(bar - l - 2)) : l + 2);
			}
			dd_map_put(&c->details, c->arena, keys[i], d);
			g->d = d;
			g->name = d->name;
		}
		if (!*err)
			PQclear(r);
	}
	for (size_t i = 0; i < n_missing; i++)
		free(missing[i]);
	for (size_t i = 0; i < s->n; i++)
		free(keys[i]);
	free(keys);
	if (*err) {
		free(missing);
		dd_vsnap_free(s);
		return NULL;
	}
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

static int cmp_str(const void *x, const void *y) { return strcmp(*(const char *const *)x, *(const char *const *)y); }

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
