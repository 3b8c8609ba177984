/* index/jsonb-gin: a jsonb column indexed whole with a B-tree should use GIN. Decided after the last file. */
#include "ddlint/rule.h"

static void finish(dd_ctx *ctx)
{
	const dd_model *m = dd_ctx_model(ctx);
	for (size_t i = 0; i < m->n_indexes; i++) {
		const dd_index *ix = m->indexes[i];
		/* a unique index cannot be GIN: it is there for uniqueness, not for searching */
		if (ix->dropped || ix->inherited || !ix->table || ix->table->dropped || ix->constraint || ix->unique ||
		    (strcmp(ix->method, "btree") != 0 && strcmp(ix->method, "hash") != 0))
			continue;
		dd_checked(ctx, ix->loc, dd_qualified(ctx, ix->schema, ix->name, NULL));
		for (size_t k = 0; k < ix->n_elems; k++) {
			if (!ix->elems[k].column)
				continue;   /* expressions such as ((data->>'key')) are what B-trees are for */
			const dd_column *c = dd_table_column(ix->table, ix->elems[k].column);
			if (!c)
				continue;
			const dd_type *t = dd_model_base_type(m, &c->type);
			if (strcmp(t->name, "jsonb") != 0 || t->schema || t->array_dims)
				continue;
			dd_report(ctx, ix->loc, dd_qualified(ctx, ix->schema, ix->name, NULL),
				  dd_sprintf(ctx, "CREATE INDEX %s ON %s.%s USING gin (%s);", ix->name, ix->table->schema,
					     ix->table->name, c->name),
				  "index '%s' indexes the jsonb column '%s.%s' whole with a %s index; use USING gin "
				  "(or index an expression such as ((%s->>'key')))", ix->name, ix->table->name, c->name,
				  ix->method, c->name);
			break;
		}
	}
}

const dd_rule dd_rule_index_jsonb_gin = {
	.id = "index/jsonb-gin",
	.summary = "jsonb columns are indexed with GIN, not a whole-value B-tree",
	.severity = DD_SEV_WARNING,
	.description =
		"Once every file has been replayed, reports a B-tree or hash index with a jsonb column as a "
		"key (the whole document). Expression indexes such as ((data->>'key')) are fine, and so are "
		"GIN indexes. Indexes behind constraints are not reported.",
	.why = "A B-tree on a whole jsonb value only serves equality of entire documents and ordering by "
	       "jsonb's internal order; the queries jsonb is for (@>, ?, ?&, jsonpath) cannot use it. "
	       "Large documents also exceed the B-tree entry size limit and make inserts fail.",
	.bad = "CREATE TABLE events (id uuid PRIMARY KEY, payload jsonb NOT NULL);\n"
	       "CREATE INDEX idx_events_payload ON events (payload);\n",
	.good = "CREATE TABLE events (id uuid PRIMARY KEY, payload jsonb NOT NULL);\n"
		"CREATE INDEX idx_events_payload ON events USING gin (payload);\n"
		"CREATE INDEX idx_events_payload_kind ON events ((payload->>'kind'));\n",
	.finish = finish,
};
