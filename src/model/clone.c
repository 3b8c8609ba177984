/* Copies and fingerprints of the model, for checking that a down undoes its up: a copy (whole, or
 * of the objects a migration names) replays the down, and the two fingerprints are compared. */
#include <stdio.h>
#include <stdlib.h>
#include "model_priv.h"

static const char *ptr_key(char *buf, size_t n, const void *p)
{
	snprintf(buf, n, "%p", p);
	return buf;
}

static void *copy_array(dd_arena *a, const void *items, size_t n, size_t size)
{
	if (!items || !n)
		return (void *)items;
	void *out = dd_arena_alloc(a, n * size);
	memcpy(out, items, n * size);
	return out;
}

static bool table_named(const dd_map *only, const dd_table *t);
static bool table_in_scope(const dd_map *only, const dd_table *t);

static bool named(const dd_map *only, const char *name)
{
	return !only || (name && dd_map_get(only, name));
}

/* Is the object in the scope of `only`: named there, or in a schema named there? */
static bool object_named(const dd_map *only, const char *schema, const char *name)
{
	return named(only, name) || named(only, schema);
}

static bool trigger_named(const dd_map *only, const dd_trigger *tg)
{
	return object_named(only, tg->schema, tg->name) || named(only, tg->table);
}

static bool index_named(const dd_map *only, const dd_index *ix)
{
	return object_named(only, ix->schema, ix->name) || (ix->table && table_in_scope(only, ix->table));
}

/* A table is in a partial copy when it is named, or one of its indexes is (the copy of an
 * index must have the copy of its table to point to). */
static bool table_in_scope(const dd_map *only, const dd_table *t)
{
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

dd_model *dd_model_clone(dd_arena *a, const dd_model *m, const dd_map *only)
{
	dd_model *c = dd_model_new(a);
	if (only) {
		c->priv->base = m;
		c->priv->only = only;
	}
	c->default_schema = m->default_schema;
	dd_map remap = { 0 };   /* old object -> new object */
	char k[32];
	for (size_t i = 0; i < m->n_indexes; i++) {
		if (!index_named(only, m->indexes[i]))
			continue;
		dd_index *ix = dd_arena_alloc(a, sizeof *ix);
		*ix = *m->indexes[i];
		/* arrays the replay changes in place (RENAME COLUMN) are copied, never shared */
		ix->elems = copy_array(a, ix->elems, ix->n_elems, sizeof *ix->elems);
		ix->include = copy_array(a, ix->include, ix->n_include, sizeof *ix->include);
		DD_PUSH(a, &c->indexes, &c->n_indexes, ix);
		dd_map_put(&remap, a, ptr_key(k, sizeof k, m->indexes[i]), ix);
		if (!ix->dropped)
			dd_map_put(&c->priv->indexes, a, tkey(ix->schema, ix->name).s, ix);
	}
	for (size_t i = 0; i < m->n_tables; i++) {
		const dd_table *ot = m->tables[i];
		if (!table_in_scope(only, ot))
			continue;
		dd_table *t = dd_arena_alloc(a, sizeof *t);
		*t = *ot;
		t->columns = NULL;
		t->n_columns = 0;
		for (size_t j = 0; j < ot->n_columns; j++) {
			dd_column *col = dd_arena_alloc(a, sizeof *col);
			*col = *ot->columns[j];
			DD_PUSH(a, &t->columns, &t->n_columns, col);
		}
		t->constraints = NULL;
		t->n_constraints = 0;
		for (size_t j = 0; j < ot->n_constraints; j++) {
			dd_constraint *con = dd_arena_alloc(a, sizeof *con);
			*con = *ot->constraints[j];
			con->columns = copy_array(a, con->columns, con->n_columns, sizeof *con->columns);
			con->ref_columns = copy_array(a, con->ref_columns, con->n_ref_columns, sizeof *con->ref_columns);
			con->table = t;
			if (con->index) {
				con->index = dd_map_get(&remap, ptr_key(k, sizeof k, con->index));
				if (con->index)
					con->index->constraint = con;
			}
			DD_PUSH(a, &t->constraints, &t->n_constraints, con);
			if (!t->dropped)
				dd_model_conname_count(c, t->schema, con->name, +1);
		}
		t->indexes = NULL;
		t->n_indexes = 0;
		for (size_t j = 0; j < ot->n_indexes; j++) {
			dd_index *ix = dd_map_get(&remap, ptr_key(k, sizeof k, ot->indexes[j]));
			if (ix) {
				ix->table = t;
				DD_PUSH(a, &t->indexes, &t->n_indexes, ix);
			}
		}
		DD_PUSH(a, &c->tables, &c->n_tables, t);
		if (!t->dropped)
			dd_map_put(&c->priv->tables, a, tkey(t->schema, t->name).s, t);
	}
	for (size_t i = 0; i < m->n_types; i++) {
		if (!object_named(only, m->types[i]->schema, m->types[i]->name))
			continue;
		dd_typedef *ty = dd_arena_alloc(a, sizeof *ty);
		*ty = *m->types[i];
		ty->labels = copy_array(a, ty->labels, ty->n_labels, sizeof *ty->labels);
		DD_PUSH(a, &c->types, &c->n_types, ty);
		if (!ty->dropped)
			dd_map_put(&c->priv->types, a, tkey(ty->schema, ty->name).s, ty);
	}
	for (size_t i = 0; i < m->n_views; i++) {
		if (!object_named(only, m->views[i]->schema, m->views[i]->name))
			continue;
		dd_view *v = dd_arena_alloc(a, sizeof *v);
		*v = *m->views[i];
		DD_PUSH(a, &c->views, &c->n_views, v);
		if (!v->dropped)
			dd_map_put(&c->priv->views, a, tkey(v->schema, v->name).s, v);
	}
	for (size_t i = 0; i < m->n_triggers; i++) {
		const dd_trigger *ot = m->triggers[i];
		if (!trigger_named(only, ot))
			continue;
		dd_trigger *t = dd_arena_alloc(a, sizeof *t);
		*t = *m->triggers[i];
		DD_PUSH(a, &c->triggers, &c->n_triggers, t);
		dd_map_put(&remap, a, ptr_key(k, sizeof k, m->triggers[i]), t);
	}
	for (size_t i = 0; i < c->n_tables; i++) {
		dd_table *t = c->tables[i];
		dd_trigger **old = t->triggers;
		size_t n = t->n_triggers;
		t->triggers = NULL;
		t->n_triggers = 0;
		for (size_t j = 0; j < n; j++) {
			dd_trigger *nt = dd_map_get(&remap, ptr_key(k, sizeof k, old[j]));
			if (nt)
				DD_PUSH(a, &t->triggers, &t->n_triggers, nt);
		}
	}
	for (size_t i = 0; i < m->n_functions; i++) {
		if (!object_named(only, m->functions[i]->schema, m->functions[i]->name))
			continue;
		dd_function *f = dd_arena_alloc(a, sizeof *f);
		*f = *m->functions[i];
		DD_PUSH(a, &c->functions, &c->n_functions, f);
		if (!f->dropped)
			dd_map_put(&c->priv->functions, a, dd_arena_sprintf(a, "%s.%s(%s)", f->schema, f->name, f->args), f);
	}
	for (size_t i = 0; i < m->n_sequences; i++) {
		const dd_sequence *os = m->sequences[i];
		if (!object_named(only, os->schema, os->name) && !(os->owned_by_table && named(only, os->owned_by_table)))
			continue;
		dd_sequence *s = dd_arena_alloc(a, sizeof *s);
		*s = *m->sequences[i];
		DD_PUSH(a, &c->sequences, &c->n_sequences, s);
		if (!s->dropped)
			dd_map_put(&c->priv->sequences, a, tkey(s->schema, s->name).s, s);
	}
	for (size_t i = 0; i < m->n_schemas; i++) {
		if (!named(only, m->schemas[i]->name))
			continue;
		dd_schema *s = dd_arena_alloc(a, sizeof *s);
		*s = *m->schemas[i];
		DD_PUSH(a, &c->schemas, &c->n_schemas, s);
		if (!s->dropped)
			dd_map_put(&c->priv->schemas, a, s->name, s);
	}
	dd_map_free(&remap);
	return c;
}

static int str_cmp(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static const char *cols_text(dd_arena *a, const char *const *cols, size_t n)
{
	dd_buf b = { 0 };
	for (size_t i = 0; i < n; i++)
		dd_buf_printf(&b, "%s%s", i ? ", " : "", cols[i]);
	char *s = dd_arena_strdup(a, b.data ? b.data : "");
	dd_buf_free(&b);
	return s;
}

size_t dd_model_fingerprint(dd_arena *a, const dd_model *m, const dd_map *only, const char ***out)
{
	const char **v = NULL;
	size_t n = 0;
	static const char *kinds[] = { "primary key", "unique", "check", "foreign key", "exclude" };
	for (size_t i = 0; i < m->n_schemas; i++)
		if (!m->schemas[i]->dropped && named(only, m->schemas[i]->name))
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "schema %s", m->schemas[i]->name));
	for (size_t i = 0; i < m->n_tables; i++) {
		const dd_table *t = m->tables[i];
		if (t->dropped || !table_in_scope(only, t))
			continue;
		DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "table %s.%s", t->schema, t->name));
		for (size_t j = 0; j < t->n_columns; j++) {
			const dd_column *c = t->columns[j];
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "column %s.%s.%s %s%s%s%s", t->schema, t->name, c->name, c->type.text,
							    c->not_null ? " NOT NULL" : "", c->default_expr ? " DEFAULT " : "",
							    c->default_expr ? c->default_expr : ""));
		}
		for (size_t j = 0; j < t->n_constraints; j++) {
			const dd_constraint *c = t->constraints[j];
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "constraint %s on %s.%s (%s %s)", c->name, t->schema, t->name,
							    kinds[c->kind], cols_text(a, c->columns, c->n_columns)));
		}
	}
	for (size_t i = 0; i < m->n_indexes; i++) {
		const dd_index *ix = m->indexes[i];
		if (ix->dropped || ix->constraint || !ix->table || ix->table->dropped)
			continue;
		if (index_named(only, ix))
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "index %s.%s", ix->schema, ix->name));
	}
	for (size_t i = 0; i < m->n_types; i++) {
		const dd_typedef *t = m->types[i];
		if (t->dropped || !object_named(only, t->schema, t->name))
			continue;
		DD_PUSH(a, &v, &n, t->kind == DD_TYPE_ENUM
					   ? dd_arena_sprintf(a, "type %s.%s (%s)", t->schema, t->name, cols_text(a, t->labels, t->n_labels))
					   : dd_arena_sprintf(a, "type %s.%s", t->schema, t->name));
	}
	for (size_t i = 0; i < m->n_views; i++) {
		const dd_view *w = m->views[i];
		if (!w->dropped && object_named(only, w->schema, w->name))
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "view %s.%s", w->schema, w->name));
	}
	for (size_t i = 0; i < m->n_triggers; i++) {
		const dd_trigger *tg = m->triggers[i];
		if (!tg->dropped && trigger_named(only, tg))
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "trigger %s on %s.%s", tg->name, tg->schema, tg->table));
	}
	for (size_t i = 0; i < m->n_functions; i++) {
		const dd_function *f = m->functions[i];
		if (!f->dropped && object_named(only, f->schema, f->name))
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "function %s.%s(%s)", f->schema, f->name, f->args));
	}
	for (size_t i = 0; i < m->n_sequences; i++) {
		const dd_sequence *sq = m->sequences[i];
		if (!sq->dropped && !sq->owned_by_column && object_named(only, sq->schema, sq->name))
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "sequence %s.%s", sq->schema, sq->name));
	}
	if (n)
		qsort(v, n, sizeof *v, str_cmp);
	*out = v;
	return n;
}
