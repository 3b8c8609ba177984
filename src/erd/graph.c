/* The diagram's content: which tables, which relationships and their cardinality, which enums. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include "erd.h"

/* A table the diagrams consider: not dropped, not temporary, not in a system schema, not a
 * partition (its partitioned table stands for it), not a migration tool's bookkeeping table. */
static bool drawable(const dd_table *t)
{
	return !t->dropped && t->persistence != 't' && !dd_is_system_schema(t->schema) && !t->parent &&
	       !dd_is_tool_table(t);
}

static bool in_list(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

/* Does a glob match the table's name or its schema.name? */
static bool glob_matches(dd_arena *a, const char *glob, const dd_table *t)
{
	return fnmatch(glob, t->name, 0) == 0 ||
	       fnmatch(glob, dd_arena_sprintf(a, "%s.%s", t->schema, t->name), 0) == 0;
}

static bool any_glob(dd_arena *a, const char *const *globs, size_t n, const dd_table *t)
{
	for (size_t i = 0; i < n; i++)
		if (glob_matches(a, globs[i], t))
			return true;
	return false;
}

static bool has_col(const char *const *cols, size_t n, const char *c)
{
	return in_list(cols, n, c);
}

/* Is every column of `key` among `cols`? */
static bool subset(const char *const *key, size_t n_key, const char *const *cols, size_t n)
{
	if (n_key == 0)
		return false;
	for (size_t i = 0; i < n_key; i++)
		if (!has_col(cols, n, key[i]))
			return false;
	return true;
}

/* Does a primary key, a unique constraint or a unique index (no predicate, plain columns) of t
 * lie within `cols`? Then no two rows share a value of `cols`. */
static bool unique_within(const dd_table *t, const char *const *cols, size_t n)
{
	for (size_t i = 0; i < t->n_constraints; i++) {
		const dd_constraint *c = t->constraints[i];
		if ((c->kind == DD_CON_PRIMARY || c->kind == DD_CON_UNIQUE) &&
		    subset((const char *const *)c->columns, c->n_columns, cols, n))
			return true;
	}
	for (size_t i = 0; i < t->n_indexes; i++) {
		const dd_index *ix = t->indexes[i];
		if (!ix->unique || ix->dropped || ix->predicate || ix->n_elems == 0)
			continue;
		bool all = true;
		for (size_t k = 0; k < ix->n_elems && all; k++)
			all = ix->elems[k].column && has_col(cols, n, ix->elems[k].column);
		if (all)
			return true;
	}
	return false;
}

bool dd_erd_is_pk(const dd_table *t, const char *col)
{
	const dd_constraint *pk = dd_table_primary_key(t);
	return pk && has_col((const char *const *)pk->columns, pk->n_columns, col);
}

bool dd_erd_is_fk(const dd_table *t, const char *col)
{
	for (size_t i = 0; i < t->n_constraints; i++)
		if (t->constraints[i]->kind == DD_CON_FOREIGN &&
		    has_col((const char *const *)t->constraints[i]->columns, t->constraints[i]->n_columns, col))
			return true;
	return false;
}

bool dd_erd_is_unique(const dd_table *t, const char *col)
{
	return unique_within(t, &col, 1);
}

static int table_cmp(const void *a, const void *b)
{
	const dd_table *x = *(const dd_table *const *)a, *y = *(const dd_table *const *)b;
	int c = strcmp(x->schema, y->schema);
	return c ? c : strcmp(x->name, y->name);
}

static int typedef_cmp(const void *a, const void *b)
{
	const dd_typedef *x = *(const dd_typedef *const *)a, *y = *(const dd_typedef *const *)b;
	int c = strcmp(x->schema, y->schema);
	return c ? c : strcmp(x->name, y->name);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The table a foreign key references, when it is in the model. */
static const dd_table *fk_parent(const dd_model *m, const dd_constraint *c)
{
	return c->ref_table ? dd_model_table(m, c->ref_schema, c->ref_table) : NULL;
}

/* --around: keep the tables at most `depth` foreign keys from the start (breadth first over the
 * candidates, edges followed both ways). */
static int around(dd_erd *g, const dd_table **cand, size_t n, const dd_erd_filter *f, bool *keep,
		  char *err, size_t errsize)
{
	dd_ptrmap index = { 0 };
	for (size_t i = 0; i < n; i++)
		dd_ptrmap_put(&index, cand[i], (void *)(i + 1));
	long start = -1;
	for (size_t i = 0; i < n && start < 0; i++)
		if (strcmp(cand[i]->name, f->around) == 0 ||
		    strcmp(dd_arena_sprintf(g->arena, "%s.%s", cand[i]->schema, cand[i]->name), f->around) == 0)
			start = (long)i;
	if (start < 0) {
		snprintf(err, errsize, "--around: no table '%s' among the tables shown", f->around);
		dd_ptrmap_free(&index);
		return -1;
	}
	/* undirected adjacency lists */
	size_t *deg = calloc(n + 1, sizeof *deg);
	size_t **adj = calloc(n + 1, sizeof *adj);
	if (!deg || !adj)
		dd_out_of_memory();
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < cand[i]->n_constraints; k++) {
			const dd_constraint *c = cand[i]->constraints[k];
			if (c->kind != DD_CON_FOREIGN)
				continue;
			const dd_table *p = fk_parent(g->model, c);
			size_t j = p ? (size_t)dd_ptrmap_get(&index, p) : 0;
			if (!j--)
				continue;
			size_t ends[2][2] = { { i, j }, { j, i } };
			for (int e = 0; e < 2; e++) {
				size_t a = ends[e][0];
				adj[a] = dd_xrealloc(adj[a], (deg[a] + 1) * sizeof *adj[a]);
				adj[a][deg[a]++] = ends[e][1];
			}
		}
	int *dist = malloc((n + 1) * sizeof *dist);
	size_t *queue = malloc((n + 1) * sizeof *queue);
	if (!dist || !queue)
		dd_out_of_memory();
	for (size_t i = 0; i < n; i++)
		dist[i] = -1;
	size_t head = 0, tail = 0;
	dist[start] = 0;
	queue[tail++] = (size_t)start;
	while (head < tail) {
		size_t v = queue[head++];
		keep[v] = true;
		if (dist[v] >= f->depth)
			continue;
		for (size_t k = 0; k < deg[v]; k++)
			if (dist[adj[v][k]] < 0) {
				dist[adj[v][k]] = dist[v] + 1;
				queue[tail++] = adj[v][k];
			}
	}
	for (size_t i = 0; i < n; i++)
		free(adj[i]);
	free(adj);
	free(deg);
	free(dist);
	free(queue);
	dd_ptrmap_free(&index);
	return 0;
}

int dd_erd_build(dd_erd *g, const dd_model *m, const dd_erd_filter *f, char *err, size_t errsize)
{
	memset(g, 0, sizeof *g);
	g->arena = dd_arena_new();
	g->model = m;
	dd_arena *a = g->arena;
	dd_arena *scratch = dd_arena_new();
	/* candidates: drawable, in the schemas, matching --table, not --exclude */
	const dd_table **cand = dd_arena_alloc(a, (m->n_tables + 1) * sizeof *cand);
	size_t n = 0;
	for (size_t i = 0; i < m->n_tables; i++) {
		const dd_table *t = m->tables[i];
		if (!drawable(t) || (f->n_schemas && !in_list(f->schemas, f->n_schemas, t->schema)))
			continue;
		if ((f->n_tables && !any_glob(scratch, f->tables, f->n_tables, t)) ||
		    any_glob(scratch, f->exclude, f->n_exclude, t))
			continue;
		cand[n++] = t;
		if (n % 1024 == 0)
			dd_arena_reset(scratch);
	}
	dd_arena_free(scratch);
	qsort(cand, n, sizeof *cand, table_cmp);
	bool *keep = dd_arena_alloc(a, n + 1);
	if (f->around) {
		if (around(g, cand, n, f, keep, err, errsize) != 0)
			return -1;
	} else {
		memset(keep, 1, n);
	}
	g->tables = dd_arena_alloc(a, (n + 1) * sizeof *g->tables);
	for (size_t i = 0; i < n; i++)
		if (keep[i])
			g->tables[g->n_tables++] = cand[i];
	/* relationships between shown tables */
	dd_ptrmap shown = { 0 };
	for (size_t i = 0; i < g->n_tables; i++)
		dd_ptrmap_put(&shown, g->tables[i], (void *)(i + 1));
	size_t cap = 0;
	for (size_t i = 0; i < g->n_tables; i++) {
		const dd_table *t = g->tables[i];
		for (size_t k = 0; k < t->n_constraints; k++) {
			const dd_constraint *c = t->constraints[k];
			const dd_table *p = c->kind == DD_CON_FOREIGN ? fk_parent(m, c) : NULL;
			if (!p || !dd_ptrmap_get(&shown, p))
				continue;
			if (g->n_rels == cap) {
				cap = cap ? cap * 2 : 16;
				dd_erd_rel *grown = dd_arena_alloc(a, cap * sizeof *grown);
				if (g->n_rels)
					memcpy(grown, g->rels, g->n_rels * sizeof *grown);
				g->rels = grown;
			}
			dd_erd_rel *r = &g->rels[g->n_rels++];
			r->child = t;
			r->parent = p;
			r->fk = c;
			r->parent_columns = (const char *const *)c->ref_columns;
			r->n_parent_columns = c->n_ref_columns;
			const dd_constraint *pk = c->n_ref_columns ? NULL : dd_table_primary_key(p);
			if (pk) {
				r->parent_columns = (const char *const *)pk->columns;
				r->n_parent_columns = pk->n_columns;
			}
			if (r->n_parent_columns != c->n_columns) {   /* the parent has no such key: nothing to draw */
				g->n_rels--;
				continue;
			}
			r->one_to_one = unique_within(t, (const char *const *)c->columns, c->n_columns);
			r->required = c->n_columns > 0;
			for (size_t j = 0; j < c->n_columns; j++) {
				const dd_column *col = dd_table_column(t, c->columns[j]);
				r->required = r->required && col && col->not_null;
			}
		}
	}
	dd_ptrmap_free(&shown);
	/* enums the shown columns use */
	dd_ptrmap used = { 0 };
	g->enums = dd_arena_alloc(a, (m->n_types + 1) * sizeof *g->enums);
	for (size_t i = 0; i < g->n_tables; i++)
		for (size_t k = 0; k < g->tables[i]->n_columns; k++) {
			const dd_type *ty = &g->tables[i]->columns[k]->type;
			/* an enum takes no type modifier: bit(5) is PostgreSQL's bit even beside an enum
			 * named bit (the model does not keep pg_catalog on a built-in type's name) */
			const dd_typedef *td = ty->n_mods ? NULL : dd_model_type(m, ty->schema, ty->name);
			if (td && td->kind == DD_TYPE_ENUM && !dd_ptrmap_get(&used, td)) {
				dd_ptrmap_put(&used, td, (void *)1);
				g->enums[g->n_enums++] = td;
			}
		}
	dd_ptrmap_free(&used);
	qsort(g->enums, g->n_enums, sizeof *g->enums, typedef_cmp);
	/* schemas of the shown tables */
	g->schemas = dd_arena_alloc(a, (g->n_tables + 1) * sizeof *g->schemas);
	for (size_t i = 0; i < g->n_tables; i++)
		if (!g->n_schemas || strcmp(g->schemas[g->n_schemas - 1], g->tables[i]->schema) != 0)
			g->schemas[g->n_schemas++] = g->tables[i]->schema;
	qsort(g->schemas, g->n_schemas, sizeof *g->schemas, str_cmp);
	return 0;
}

void dd_erd_free(dd_erd *g)
{
	dd_arena_free(g->arena);
	memset(g, 0, sizeof *g);
}

long dd_erd_table_index(const dd_erd *g, const dd_table *t)
{
	/* tables are sorted by schema and name: binary search */
	size_t lo = 0, hi = g->n_tables;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = table_cmp(&g->tables[mid], &t);
		if (c == 0)
			return g->tables[mid] == t ? (long)mid : -1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

const char *dd_erd_label(const dd_erd *g, const char *schema, const char *name)
{
	if (g->n_schemas <= 1 && g->n_schemas && strcmp(g->schemas[0], schema) == 0)
		return name;
	return dd_arena_sprintf(g->arena, "%s.%s", schema, name);
}

int dd_erd_format_parse(const char *name, dd_erd_format *out)
{
	static const char *const names[] = { "mermaid", "dbml", "dot", "plantuml" };
	for (int i = 0; i < 4; i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (dd_erd_format)i;
			return 0;
		}
	return -1;
}

int dd_erd_write(FILE *out, const dd_erd *g, dd_erd_format fmt)
{
	switch (fmt) {
	case DD_ERD_MERMAID: return dd_erd_write_mermaid(out, g);
	case DD_ERD_DBML: return dd_erd_write_dbml(out, g);
	case DD_ERD_DOT: return dd_erd_write_dot(out, g);
	case DD_ERD_PLANTUML: return dd_erd_write_plantuml(out, g);
	}
	return -1;
}
