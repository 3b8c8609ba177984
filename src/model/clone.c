/* Copies and fingerprints of the model, for checking that a down undoes its up: a copy (whole, or
 * of the objects a migration names) replays the down, and the two fingerprints are compared. */
#include <stdarg.h>
#include <stdlib.h>
#include "model_priv.h"

/* ---- which objects a partial copy holds, and the fingerprint lists ---- */

static bool table_named(const dd_map *only, const dd_table *t);
static bool table_in_scope(const dd_map *only, const void *o);

static bool named(const dd_map *only, const char *name)
{
	return !only || (name && dd_map_get(only, name));
}

/* Is the object in the scope of `only`: named there, or in a schema named there? */
static bool object_named(const dd_map *only, const char *schema, const char *name)
{
	return named(only, name) || named(only, schema);
}

static bool trigger_named(const dd_map *only, const void *o)
{
	const dd_trigger *tg = o;
	return object_named(only, tg->schema, tg->name) || named(only, tg->table);
}

static bool index_named(const dd_map *only, const void *o)
{
	const dd_index *ix = o;
	return object_named(only, ix->schema, ix->name) || (ix->table && table_in_scope(only, ix->table));
}

/* A table is in a partial copy when it is named, or one of its indexes is (the copy of an
 * index must have the copy of its table to point to). */
static bool table_in_scope(const dd_map *only, const void *o)
{
	const dd_table *t = o;
	if (table_named(only, t))
		return true;
	for (size_t j = 0; j < t->n_indexes; j++)
		if (object_named(only, t->indexes[j]->schema, t->indexes[j]->name))
			return true;
	return false;
}

static bool table_named(const dd_map *only, const dd_table *t)
{
	if (object_named(only, t->schema, t->name) || (t->parent && named(only, t->parent)))
		return true;
	/* a foreign key on it to a table named there: DROP ... CASCADE takes it away */
	for (size_t j = 0; j < t->n_constraints; j++)
		if (t->constraints[j]->kind == DD_CON_FOREIGN && named(only, t->constraints[j]->ref_table))
			return true;
	return false;
}

/* A serial column's sequence goes with its table. */
static bool sequence_named(const dd_map *only, const void *o)
{
	const dd_sequence *s = o;
	return object_named(only, s->schema, s->name) || (s->owned_by_table && named(only, s->owned_by_table));
}

/* ---- copies ---- */

static void *copy_array(dd_arena *a, const void *items, size_t n, size_t size)
{
	if (!items || !n)
		return (void *)items;
	void *out = dd_arena_alloc(a, n * size);
	memcpy(out, items, n * size);
	return out;
}

/* What a copied object holds that the replay changes in place (RENAME COLUMN, DROP COLUMN,
 * RENAME VALUE, ...) is copied too, never shared with the original. */
static void own_table(dd_arena *a, void *o)
{
	dd_table *t = o;
	dd_column **cols = t->columns;
	size_t n = t->n_columns;
	t->columns = NULL;
	t->n_columns = 0;
	for (size_t j = 0; j < n; j++) {
		dd_column *col = dd_arena_alloc(a, sizeof *col);
		*col = *cols[j];
		DD_PUSH(a, &t->columns, &t->n_columns, col);
	}
	dd_constraint **cons = t->constraints;
	n = t->n_constraints;
	t->constraints = NULL;
	t->n_constraints = 0;
	for (size_t j = 0; j < n; j++) {
		dd_constraint *con = dd_arena_alloc(a, sizeof *con);
		*con = *cons[j];
		con->columns = copy_array(a, con->columns, con->n_columns, sizeof *con->columns);
		con->ref_columns = copy_array(a, con->ref_columns, con->n_ref_columns, sizeof *con->ref_columns);
		con->table = t;
		DD_PUSH(a, &t->constraints, &t->n_constraints, con);
	}
}

static void own_index(dd_arena *a, void *o)
{
	dd_index *ix = o;
	ix->elems = copy_array(a, ix->elems, ix->n_elems, sizeof *ix->elems);
	ix->include = copy_array(a, ix->include, ix->n_include, sizeof *ix->include);
}

static void own_type(dd_arena *a, void *o)
{
	dd_typedef *ty = o;
	ty->labels = copy_array(a, ty->labels, ty->n_labels, sizeof *ty->labels);
}

/* The copy of each object of a clone is found by the address of the original (a dd_ptrmap), for
 * the pointers between objects (a constraint's index, a table's indexes and triggers); NULL when
 * it was left out. */

/* A copied table points to the copies of its constraints' indexes, its indexes and its triggers
 * (those left out of a partial copy are left out of the table too). */
static void relink_table(dd_model *c, dd_table *t, const dd_ptrmap *made)
{
	for (size_t j = 0; j < t->n_constraints; j++) {
		dd_constraint *con = t->constraints[j];
		if (con->index) {
			con->index = dd_ptrmap_get(made, con->index);
			if (con->index)
				con->index->constraint = con;
		}
		if (!t->dropped)
			dd_model_conname_count(c, t->schema, con->name, +1);
		if (!t->dropped && con->kind == DD_CON_FOREIGN)
			dd_model_note_reference(c, t, con->ref_schema, con->ref_table);
	}
	dd_index **ixs = t->indexes;
	size_t n = t->n_indexes;
	t->indexes = NULL;
	t->n_indexes = 0;
	for (size_t j = 0; j < n; j++) {
		dd_index *ix = dd_ptrmap_get(made, ixs[j]);
		if (ix) {
			ix->table = t;
			DD_PUSH(A(c), &t->indexes, &t->n_indexes, ix);
		}
	}
	dd_trigger **tgs = t->triggers;
	n = t->n_triggers;
	t->triggers = NULL;
	t->n_triggers = 0;
	for (size_t j = 0; j < n; j++) {
		dd_trigger *tg = dd_ptrmap_get(made, tgs[j]);
		if (tg)
			DD_PUSH(A(c), &t->triggers, &t->n_triggers, tg);
	}
}

/* ---- fingerprints ---- */

typedef struct lines { dd_arena *a; const char **v; size_t n; } lines;

static void add_line(lines *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add_line(lines *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	DD_PUSH(l->a, &l->v, &l->n, dd_arena_vsprintf(l->a, fmt, ap));
	va_end(ap);
}

static const char *cols_text(dd_arena *a, const char *const *cols, size_t n)
{
	dd_buf b = { 0 };
	for (size_t i = 0; i < n; i++)
		dd_buf_printf(&b, "%s%s", i ? ", " : "", cols[i]);
	char *s = dd_arena_strdup(a, b.data ? b.data : "");
	dd_buf_free(&b);
	return s;
}

static void print_table(lines *l, const dd_map *only, const void *o)
{
	static const char *const kinds[] = { "primary key", "unique", "check", "foreign key", "exclude" };
	const dd_table *t = o;
	add_line(l, "table %s.%s", t->schema, t->name);
	for (size_t j = 0; j < t->n_columns; j++) {
		const dd_column *c = t->columns[j];
		add_line(l, "column %s.%s.%s %s%s%s%s", t->schema, t->name, c->name, c->type.text,
			 c->not_null ? " NOT NULL" : "", c->default_expr ? " DEFAULT " : "", c->default_expr ? c->default_expr : "");
	}
	for (size_t j = 0; j < t->n_constraints; j++) {
		const dd_constraint *c = t->constraints[j];
		add_line(l, "constraint %s on %s.%s (%s %s)", c->name, t->schema, t->name, kinds[c->kind],
			 cols_text(l->a, c->columns, c->n_columns));
	}
}

/* An index backing a constraint is the constraint's line. */
static void print_index(lines *l, const dd_map *only, const void *o)
{
	const dd_index *ix = o;
	if (!ix->constraint && ix->table && !ix->table->dropped)
		add_line(l, "index %s.%s", ix->schema, ix->name);
}

static void print_type(lines *l, const dd_map *only, const void *o)
{
	const dd_typedef *t = o;
	if (t->kind == DD_TYPE_ENUM)
		add_line(l, "type %s.%s (%s)", t->schema, t->name, cols_text(l->a, t->labels, t->n_labels));
	else
		add_line(l, "type %s.%s", t->schema, t->name);
}

static void print_view(lines *l, const dd_map *only, const void *o)
{
	const dd_view *v = o;
	add_line(l, "view %s.%s", v->schema, v->name);
}

static void print_trigger(lines *l, const dd_map *only, const void *o)
{
	const dd_trigger *tg = o;
	add_line(l, "trigger %s on %s.%s", tg->name, tg->schema, tg->table);
}

static void print_function(lines *l, const dd_map *only, const void *o)
{
	const dd_function *f = o;
	add_line(l, "function %s.%s(%s)", f->schema, f->name, f->args);
}

/* A serial column's sequence is part of its column's line: only free-standing ones, by their own name. */
static void print_sequence(lines *l, const dd_map *only, const void *o)
{
	const dd_sequence *s = o;
	if (!s->owned_by_column && object_named(only, s->schema, s->name))
		add_line(l, "sequence %s.%s", s->schema, s->name);
}

static void print_schema(lines *l, const dd_map *only, const void *o)
{
	const dd_schema *s = o;
	add_line(l, "schema %s", s->name);
}

/* ---- the copy and the fingerprint, kind by kind ---- */

/* What the copy and the fingerprint do with the objects of each kind. */
static const struct copy_kind {
	/* is the object in the scope of `only`? NULL: when it is named there, or its schema is */
	bool (*in_scope)(const dd_map *only, const void *o);
	/* after its fields are copied: copy what the replay changes in place; NULL: nothing */
	void (*own)(dd_arena *a, void *o);
	/* its lines in the fingerprint, when it is in scope and not dropped */
	void (*print)(lines *l, const dd_map *only, const void *o);
} copy_kinds[KIND_COUNT] = {
	[KIND_TABLE] = { table_in_scope, own_table, print_table },
	[KIND_INDEX] = { index_named, own_index, print_index },
	[KIND_TYPE] = { NULL, own_type, print_type },
	[KIND_VIEW] = { NULL, NULL, print_view },
	[KIND_TRIGGER] = { trigger_named, NULL, print_trigger },
	[KIND_FUNCTION] = { NULL, NULL, print_function },
	[KIND_SEQUENCE] = { sequence_named, NULL, print_sequence },
	[KIND_SCHEMA] = { NULL, NULL, print_schema },
};

static bool in_scope(const dd_map *only, dd_kind_id k, const void *o)
{
	if (copy_kinds[k].in_scope)
		return copy_kinds[k].in_scope(only, o);
	return object_named(only, obj_schema(k, o), obj_name(k, o));
}

dd_model *dd_model_clone(dd_arena *a, const dd_model *m, const dd_map *only)
{
	dd_model *c = dd_model_new(a);
	if (only) {
		c->priv->base = m;
		c->priv->only = only;
	}
	c->default_schema = m->default_schema;
	dd_ptrmap made = { 0 };
	for (dd_kind_id k = 0; k < KIND_COUNT; k++) {
		void **items = obj_items(m, k);
		for (size_t i = 0; i < obj_count(m, k); i++) {
			if (!in_scope(only, k, items[i]))
				continue;
			void *o = dd_arena_alloc(a, dd_kinds[k].size);
			memcpy(o, items[i], dd_kinds[k].size);
			if (copy_kinds[k].own)
				copy_kinds[k].own(a, o);
			dd_obj_add(c, k, o);
			dd_ptrmap_put(&made, items[i], o);
		}
	}
	for (size_t i = 0; i < c->n_tables; i++)
		relink_table(c, c->tables[i], &made);
	dd_ptrmap_free(&made);
	return c;
}

static int str_cmp(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

size_t dd_model_fingerprint(dd_arena *a, const dd_model *m, const dd_map *only, const char ***out)
{
	lines l = { a, NULL, 0 };
	for (dd_kind_id k = 0; k < KIND_COUNT; k++) {
		void **items = obj_items(m, k);
		for (size_t i = 0; i < obj_count(m, k); i++)
			if (!obj_dropped(k, items[i]) && in_scope(only, k, items[i]))
				copy_kinds[k].print(&l, only, items[i]);
	}
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, str_cmp);
	*out = l.v;
	return l.n;
}
