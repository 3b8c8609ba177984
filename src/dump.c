/* ddlint dump: the final schema model as one JSON document. */
#include <jansson.h>
#include "run.h"
#include "parse.h"

static json_t *jstr(const char *s) { return s ? json_string(s) : json_null(); }

static json_t *jloc(const dd_loc *l)
{
	if (!l->file)
		return json_null();
	int line, col;
	dd_file_position(l->file, l->offset, &line, &col);
	return json_pack("{s:s, s:i, s:i}", "file", l->file->path, "line", line, "column", col);
}

static json_t *jnames(const char *const *names, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(names[i]));
	return a;
}

static const char *kind_name(dd_constraint_kind k)
{
	static const char *const names[] = { "primary key", "unique", "check", "foreign key", "exclude" };
	return names[k];
}

static json_t *jconstraint(const dd_constraint *c)
{
	json_t *o = json_object();
	json_object_set_new(o, "name", json_string(c->name));
	json_object_set_new(o, "kind", json_string(kind_name(c->kind)));
	json_object_set_new(o, "named", json_boolean(c->named));
	json_object_set_new(o, "columns", jnames(c->columns, c->n_columns));
	if (c->kind == DD_CON_FOREIGN) {
		json_object_set_new(o, "references", json_pack("{s:o, s:o, s:o}", "schema", jstr(c->ref_schema),
							       "table", jstr(c->ref_table), "columns",
							       jnames(c->ref_columns, c->n_ref_columns)));
		json_object_set_new(o, "on_delete", json_string(dd_fk_action_name(c->on_delete)));
		json_object_set_new(o, "on_update", json_string(dd_fk_action_name(c->on_update)));
		json_object_set_new(o, "match", json_string(c->match == 'f' ? "full" : c->match == 'p' ? "partial" : "simple"));
	}
	if (c->kind == DD_CON_CHECK)
		json_object_set_new(o, "expression", jstr(c->expr));
	if (c->index)
		json_object_set_new(o, "index", json_string(c->index->name));
	json_object_set_new(o, "deferrable", json_boolean(c->deferrable));
	json_object_set_new(o, "initially_deferred", json_boolean(c->initially_deferred));
	json_object_set_new(o, "not_valid", json_boolean(c->not_valid));
	json_object_set_new(o, "location", jloc(&c->loc));
	return o;
}

static json_t *jindex(const dd_index *ix)
{
	json_t *o = json_object();
	json_object_set_new(o, "name", json_string(ix->name));
	json_object_set_new(o, "schema", json_string(ix->schema));
	json_object_set_new(o, "table", ix->table ? json_string(ix->table->name) : json_null());
	json_object_set_new(o, "named", json_boolean(ix->named));
	json_t *keys = json_array();
	for (size_t i = 0; i < ix->n_elems; i++) {
		const dd_index_elem *e = &ix->elems[i];
		json_t *k = e->column ? json_pack("{s:s}", "column", e->column) : json_pack("{s:o}", "expression", jstr(e->expr));
		if (e->opclass)
			json_object_set_new(k, "opclass", json_string(e->opclass));
		if (e->desc)
			json_object_set_new(k, "descending", json_true());
		json_array_append_new(keys, k);
	}
	json_object_set_new(o, "keys", keys);
	json_object_set_new(o, "include", jnames(ix->include, ix->n_include));
	json_object_set_new(o, "unique", json_boolean(ix->unique));
	json_object_set_new(o, "primary", json_boolean(ix->primary));
	json_object_set_new(o, "method", json_string(ix->method));
	json_object_set_new(o, "predicate", jstr(ix->predicate));
	json_object_set_new(o, "constraint", ix->constraint ? json_string(ix->constraint->name) : json_null());
	json_object_set_new(o, "location", jloc(&ix->loc));
	return o;
}

static json_t *jtable(const dd_table *t)
{
	json_t *o = json_object();
	json_object_set_new(o, "schema", json_string(t->schema));
	json_object_set_new(o, "name", json_string(t->name));
	json_object_set_new(o, "persistence", json_string(t->persistence == 'u' ? "unlogged" : t->persistence == 't' ? "temporary" : "permanent"));
	json_object_set_new(o, "partitioned", json_boolean(t->partitioned));
	json_object_set_new(o, "partition_of", t->parent ? json_sprintf("%s.%s", t->parent_schema, t->parent) : json_null());
	json_object_set_new(o, "comment", jstr(t->comment));
	json_t *cols = json_array();
	for (size_t i = 0; i < t->n_columns; i++) {
		const dd_column *c = t->columns[i];
		json_t *co = json_object();
		json_object_set_new(co, "name", json_string(c->name));
		json_object_set_new(co, "type", json_string(c->type.text));
		json_object_set_new(co, "not_null", json_boolean(c->not_null));
		json_object_set_new(co, "default", jstr(c->default_expr));
		json_object_set_new(co, "identity", c->identity == 'a' ? json_string("always") :
							 c->identity == 'd' ? json_string("by default") : json_null());
		json_object_set_new(co, "generated", c->generated ? json_string("stored") : json_null());
		json_object_set_new(co, "serial", json_boolean(c->type.serial));
		json_object_set_new(co, "comment", jstr(c->comment));
		json_object_set_new(co, "location", jloc(&c->loc));
		json_array_append_new(cols, co);
	}
	json_object_set_new(o, "columns", cols);
	json_t *cons = json_array();
	for (size_t i = 0; i < t->n_constraints; i++)
		json_array_append_new(cons, jconstraint(t->constraints[i]));
	json_object_set_new(o, "constraints", cons);
	json_t *idx = json_array();
	for (size_t i = 0; i < t->n_indexes; i++)
		if (!t->indexes[i]->dropped)
			json_array_append_new(idx, json_string(t->indexes[i]->name));
	json_object_set_new(o, "indexes", idx);
	json_object_set_new(o, "location", jloc(&t->loc));
	return o;
}

int dd_run_dump_json(dd_run *run, FILE *out)
{
	const dd_model *m = run->model;
	json_t *doc = json_object();
	json_object_set_new(doc, "version", json_string(DDLINT_VERSION));
	json_object_set_new(doc, "default_schema", json_string(m->default_schema));

	json_t *a = json_array();
	for (size_t i = 0; i < m->n_schemas; i++)
		if (!m->schemas[i]->dropped)
			json_array_append_new(a, json_pack("{s:s, s:o}", "name", m->schemas[i]->name, "location", jloc(&m->schemas[i]->loc)));
	json_object_set_new(doc, "schemas", a);

	a = json_array();
	for (size_t i = 0; i < m->n_tables; i++)
		if (!m->tables[i]->dropped)
			json_array_append_new(a, jtable(m->tables[i]));
	json_object_set_new(doc, "tables", a);

	a = json_array();
	for (size_t i = 0; i < m->n_indexes; i++)
		if (!m->indexes[i]->dropped && m->indexes[i]->table && !m->indexes[i]->table->dropped)
			json_array_append_new(a, jindex(m->indexes[i]));
	json_object_set_new(doc, "indexes", a);

	a = json_array();
	for (size_t i = 0; i < m->n_types; i++) {
		const dd_typedef *t = m->types[i];
		if (t->dropped)
			continue;
		static const char *const kinds[] = { "enum", "domain", "composite", "range" };
		json_t *o = json_pack("{s:s, s:s, s:s}", "schema", t->schema, "name", t->name, "kind", kinds[t->kind]);
		if (t->kind == DD_TYPE_ENUM)
			json_object_set_new(o, "labels", jnames(t->labels, t->n_labels));
		if (t->kind == DD_TYPE_DOMAIN)
			json_object_set_new(o, "base_type", json_string(t->base.text));
		json_object_set_new(o, "location", jloc(&t->loc));
		json_array_append_new(a, o);
	}
	json_object_set_new(doc, "types", a);

	a = json_array();
	for (size_t i = 0; i < m->n_views; i++) {
		const dd_view *v = m->views[i];
		if (!v->dropped)
			json_array_append_new(a, json_pack("{s:s, s:s, s:b, s:o}", "schema", v->schema, "name", v->name,
							   "materialized", v->materialized, "location", jloc(&v->loc)));
	}
	json_object_set_new(doc, "views", a);

	a = json_array();
	for (size_t i = 0; i < m->n_triggers; i++) {
		const dd_trigger *t = m->triggers[i];
		if (t->dropped)
			continue;
		json_t *ev = json_array();
		if (t->on_insert) json_array_append_new(ev, json_string("insert"));
		if (t->on_update) json_array_append_new(ev, json_string("update"));
		if (t->on_delete) json_array_append_new(ev, json_string("delete"));
		if (t->on_truncate) json_array_append_new(ev, json_string("truncate"));
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:o}", "name", t->name,
						   "schema", t->schema, "table", t->table, "timing", t->timing,
						   "events", ev, "level", t->for_each_row ? "row" : "statement",
						   "function", t->function, "location", jloc(&t->loc)));
	}
	json_object_set_new(doc, "triggers", a);

	a = json_array();
	for (size_t i = 0; i < m->n_functions; i++) {
		const dd_function *f = m->functions[i];
		if (f->dropped)
			continue;
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o}", "schema", f->schema,
						   "name", f->name, "kind", f->procedure ? "procedure" : "function",
						   "arguments", f->args, "returns", jstr(f->returns),
						   "language", jstr(f->language), "location", jloc(&f->loc)));
	}
	json_object_set_new(doc, "functions", a);

	a = json_array();
	for (size_t i = 0; i < m->n_sequences; i++) {
		const dd_sequence *s = m->sequences[i];
		if (s->dropped)
			continue;
		json_array_append_new(a, json_pack("{s:s, s:s, s:o, s:o}", "schema", s->schema, "name", s->name,
						   "owned_by", s->owned_by_table ? json_sprintf("%s.%s", s->owned_by_table, s->owned_by_column) : json_null(),
						   "location", jloc(&s->loc)));
	}
	json_object_set_new(doc, "sequences", a);

	int rc = json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(doc);
	return rc == 0 && !ferror(out) ? 0 : -1;
}

/* ---- the model as catalog lines (ddlint verify; tests/pg/listing.js writes the same from the JSON) ---- */

static int cmp_line(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static void join_names(dd_buf *b, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			dd_buf_puts(b, ",");
		dd_buf_puts(b, names[i]);
	}
}

size_t dd_run_model_listing(const dd_run *run, dd_arena *a, const char ***out)
{
	const dd_model *m = run->model;
	const char **lines = NULL;
	size_t n = 0;
	dd_buf b = { 0 };
#define LINE() do { DD_PUSH(a, &lines, &n, dd_arena_strndup(a, b.data ? b.data : "", b.len)); b.len = 0; } while (0)
	dd_map tables = { 0 };
	static const char kinds[] = { 'p', 'u', 'c', 'f', 'x' };
	for (size_t i = 0; i < m->n_tables; i++) {
		const dd_table *t = m->tables[i];
		if (t->dropped || t->persistence == 't')
			continue;
		dd_map_put(&tables, a, dd_arena_sprintf(a, "%s.%s", t->schema, t->name), (void *)t);
		dd_buf_printf(&b, "table %s.%s", t->schema, t->name);
		LINE();
		for (size_t k = 0; k < t->n_columns; k++) {
			const dd_column *c = t->columns[k];
			dd_buf_printf(&b, "column %s.%s.%s type=%s notnull=%s default=%s", t->schema, t->name, c->name, c->type.text,
				      c->not_null ? "true" : "false", c->default_expr || c->identity ? "true" : "false");
			LINE();
		}
		for (size_t k = 0; k < t->n_constraints; k++) {
			const dd_constraint *c = t->constraints[k];
			dd_buf_printf(&b, "constraint %s.%s.%s kind=%c", t->schema, t->name, c->name, kinds[c->kind]);
			if (c->kind != DD_CON_CHECK) {
				dd_buf_puts(&b, " cols=(");
				join_names(&b, c->columns, c->n_columns);
				dd_buf_puts(&b, ")");
			}
			if (c->kind == DD_CON_FOREIGN) {
				const char *const *cols = c->ref_columns;
				size_t nc = c->n_ref_columns;
				if (!nc) {   /* the referenced primary key */
					const dd_table *rt = dd_model_table(m, c->ref_schema, c->ref_table);
					const dd_constraint *pk = rt ? dd_table_primary_key(rt) : NULL;
					cols = pk ? pk->columns : NULL;
					nc = pk ? pk->n_columns : 0;
				}
				dd_buf_printf(&b, " ref=%s.%s(", c->ref_schema ? c->ref_schema : "", c->ref_table ? c->ref_table : "");
				join_names(&b, cols, nc);
				dd_buf_puts(&b, ")");
			}
			LINE();
		}
	}
	for (size_t i = 0; i < m->n_indexes; i++) {
		const dd_index *ix = m->indexes[i];
		if (ix->dropped || !ix->table || ix->table->dropped ||
		    !dd_map_get(&tables, dd_arena_sprintf(a, "%s.%s", ix->table->schema, ix->table->name)))
			continue;
		dd_buf_printf(&b, "index %s.%s on=%s.%s unique=%s method=%s predicate=%s keys=(", ix->schema, ix->name,
			      ix->schema, ix->table->name, ix->unique ? "true" : "false", ix->method,
			      ix->predicate ? "true" : "false");
		for (size_t k = 0; k < ix->n_elems; k++)
			dd_buf_printf(&b, "%s%s", k ? "," : "", ix->elems[k].column ? ix->elems[k].column : "expr");
		dd_buf_puts(&b, ")");
		LINE();
	}
	for (size_t i = 0; i < m->n_types; i++) {
		const dd_typedef *t = m->types[i];
		if (t->dropped || t->kind != DD_TYPE_ENUM)
			continue;
		dd_buf_printf(&b, "enum %s.%s labels=(", t->schema, t->name);
		join_names(&b, t->labels, t->n_labels);
		dd_buf_puts(&b, ")");
		LINE();
	}
	dd_map views = { 0 };
	for (size_t i = 0; i < m->n_views; i++) {
		const dd_view *v = m->views[i];
		if (v->dropped)
			continue;
		dd_map_put(&views, a, dd_arena_sprintf(a, "%s.%s", v->schema, v->name), (void *)v);
		dd_buf_printf(&b, "%s %s.%s", v->materialized ? "materialized view" : "view", v->schema, v->name);
		LINE();
	}
	for (size_t i = 0; i < m->n_triggers; i++) {
		const dd_trigger *t = m->triggers[i];
		const char *q = dd_arena_sprintf(a, "%s.%s", t->schema, t->table);
		if (t->dropped || (!dd_map_get(&tables, q) && !dd_map_get(&views, q)))
			continue;
		dd_buf_printf(&b, "trigger %s.%s.%s", t->schema, t->table, t->name);
		LINE();
	}
#undef LINE
	dd_buf_free(&b);
	dd_map_free(&tables);
	dd_map_free(&views);
	if (n)
		qsort(lines, n, sizeof *lines, cmp_line);
	*out = lines;
	return n;
}
