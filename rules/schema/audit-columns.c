/* schema/audit-columns: every table has the audit columns of the standard. Decided after the last file. */
#include <strings.h>
#include "ddlint/rule.h"

static const char *const item_keys[] = { "name", "type", "not_null", "default", "references", NULL };

static const char *validate(const dd_value *v, const dd_value **at)
{
	*at = v;
	if (v->kind != DD_VAL_LIST)
		return "expected a list of columns ({name: ..., type: ..., not_null: ..., default: ..., references: ...})";
	for (size_t i = 0; i < v->n_items; i++) {
		const dd_value *item = v->items[i];
		*at = item;
		if (item->kind != DD_VAL_MAP)
			return "expected a column: {name: ..., type: ..., not_null: ..., default: ..., references: ...}";
		const dd_value *name = dd_value_get(item, "name");
		if (!name || name->kind != DD_VAL_SCALAR)
			return "a required column needs a name";
		for (size_t k = 0; k < item->n_items; k++) {
			bool known = false;
			for (int j = 0; item_keys[j]; j++)
				if (strcmp(item->keys[k], item_keys[j]) == 0)
					known = true;
			*at = item->key_nodes[k];
			if (!known)
				return "unknown key; a required column takes name, type, not_null, default, references";
			*at = item->items[k];
			if (strcmp(item->keys[k], "not_null") == 0 && dd_value_bool(item->items[k]) < 0)
				return "expected true or false";
			if (strcmp(item->keys[k], "not_null") != 0 && item->items[k]->kind != DD_VAL_SCALAR)
				return "expected a string";
		}
	}
	return NULL;
}

static bool is_now(const char *e)
{
	return e && (strcmp(e, "now()") == 0 || strcasecmp(e, "current_timestamp") == 0 ||
		     strcmp(e, "transaction_timestamp()") == 0 || strcmp(e, "pg_catalog.now()") == 0);
}

static bool same_default(const char *have, const char *want)
{
	if (!have || !want)
		return have == want;
	return strcmp(have, want) == 0 || (is_now(have) && is_now(want));
}

static bool excluded(dd_ctx *ctx, const dd_table *t)
{
	size_t n;
	const char *const *ex = dd_opt_list(ctx, "exclude", &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(ex[i], t->name) == 0)
			return true;
	return false;
}

static void finish(dd_ctx *ctx)
{
	const dd_model *m = dd_ctx_model(ctx);
	const dd_value *req = dd_opt_value(ctx, "required");
	/* the required columns, read once: their types and defaults parsed by PostgreSQL's parser */
	typedef struct wanted {
		const char *name;
		bool has_type, not_null;
		dd_type type;
		const char *def;
		const dd_value *ref;
	} wanted;
	wanted *w = dd_alloc(ctx, (req->n_items + 1) * sizeof *w);
	for (size_t r = 0; r < req->n_items; r++) {
		const dd_value *item = req->items[r];
		const dd_value *vtype = dd_value_get(item, "type"), *vnn = dd_value_get(item, "not_null");
		const dd_value *vdef = dd_value_get(item, "default");
		w[r].name = dd_value_get(item, "name")->text;
		w[r].has_type = vtype && dd_parse_type(ctx, vtype->text, &w[r].type);
		w[r].not_null = vnn && dd_value_bool(vnn) == 1;
		w[r].def = vdef ? dd_normalize_expr(ctx, vdef->text) : NULL;
		if (vdef && !w[r].def)
			w[r].def = vdef->text;
		w[r].ref = dd_value_get(item, "references");
	}
	const dd_table *t;
	for (size_t i = 0; (t = dd_next_table(ctx, &i, DD_SKIP_TEMP | DD_SKIP_PARTITIONS | DD_SKIP_TOOL_TABLES)) != NULL;) {
		if (excluded(ctx, t))
			continue;
		dd_checked(ctx, t->loc, dd_qualified(ctx, t->schema, t->name, NULL));
		const char *missing = "", *fix = "";
		for (size_t r = 0; r < req->n_items; r++) {
			const char *name = w[r].name;
			bool has_type = w[r].has_type, not_null = w[r].not_null;
			const dd_type want = w[r].type;
			const char *want_def = w[r].def;
			const dd_value *vref = w[r].ref;
			const dd_column *c = dd_table_column(t, name);
			if (!c) {
				const char *def = dd_sprintf(ctx, "%s%s%s%s%s%s%s", name, has_type ? " " : "",
							     has_type ? want.text : "", not_null ? " NOT NULL" : "",
							     want_def ? " DEFAULT " : "", want_def ? want_def : "",
							     vref ? dd_sprintf(ctx, " REFERENCES %s", vref->text) : "");
				missing = dd_sprintf(ctx, "%s%s%s", missing, *missing ? ", " : "", name);
				fix = dd_sprintf(ctx, "%s%sADD COLUMN %s", fix, *fix ? ", " : "", def);
				continue;
			}
			/* one finding a column, listing everything that differs */
			const char *problems = "";
			if (has_type && !dd_type_same(dd_model_base_type(m, &c->type), &want))
				problems = dd_sprintf(ctx, "is %s", c->type.text);
			if (not_null && !c->not_null)
				problems = dd_sprintf(ctx, "%s%sis nullable", problems, *problems ? ", " : "");
			if (want_def && !same_default(c->default_expr, want_def))
				problems = dd_sprintf(ctx, "%s%s%s%s", problems, *problems ? ", " : "",
						      c->default_expr ? "has DEFAULT " : "has no default",
						      c->default_expr ? c->default_expr : "");
			if (vref && !dd_table_references(t, name, vref->text))
				problems = dd_sprintf(ctx, "%s%sdoes not reference %s", problems, *problems ? ", " : "", vref->text);
			if (!*problems)
				continue;
			const char *def = dd_sprintf(ctx, "%s%s%s%s%s%s", has_type ? want.text : c->type.text,
						     not_null ? " NOT NULL" : "", want_def ? " DEFAULT " : "",
						     want_def ? want_def : "", vref ? " REFERENCES " : "", vref ? vref->text : "");
			dd_report(ctx, c->loc, dd_qualified(ctx, t->schema, t->name, name), def,
				  "audit column '%s.%s' %s; the standard is %s %s", t->name, name, problems, name, def);
		}
		if (*missing)
			dd_report(ctx, t->loc, dd_qualified(ctx, t->schema, t->name, NULL),
				  dd_sprintf(ctx, "ALTER TABLE %s.%s %s;", t->schema, t->name, fix),
				  "table '%s.%s' lacks the audit column%s %s", t->schema, t->name,
				  strchr(missing, ',') ? "s" : "", missing);
	}
}

static const dd_option options[] = {
	{ "required", DD_OPT_STRUCT,
	  "[{name: created_at, type: timestamptz, not_null: true, default: now()},"
	  " {name: updated_at, type: timestamptz, not_null: true, default: now()}]",
	  "the audit columns every table has: name, and optionally type, not_null, default (an expression) "
	  "and references (a table)", validate },
	{ "exclude", DD_OPT_LIST, "[]",
	  "more tables that need no audit columns (the bookkeeping tables of migration tools never do)", NULL },
	{ 0 }
};

const dd_rule dd_rule_schema_audit_columns = {
	.id = "schema/audit-columns",
	.summary = "Every table has created_at and updated_at (timestamptz NOT NULL DEFAULT now())",
	.severity = DD_SEV_ERROR,
	.description =
		"Once every file has been replayed, every table must have each column of the option required "
		"(by default created_at and updated_at, both timestamp with time zone NOT NULL DEFAULT now()). "
		"A missing column is reported at the table name, with the ALTER TABLE that adds it; a column "
		"with the wrong type, nullability, default or reference is reported at the column. Defaults "
		"are compared in PostgreSQL's normal form (NOW() is now(); now(), CURRENT_TIMESTAMP and "
		"transaction_timestamp() are the same value). Temporary tables, partitions (judged through "
		"their partitioned table), the bookkeeping tables of migration tools (schema_migrations, "
		"flyway_schema_history, goose_db_version, ...) and the tables of the option exclude are skipped.",
	.why = "When a row was created and last changed is the first question in every incident and "
	       "every data fix. Columns that are nullable or have no default are left empty by the first "
	       "INSERT that forgets them; timestamp without time zone makes the answer depend on the "
	       "client's zone.",
	.bad = "CREATE TABLE projects (\n    id uuid PRIMARY KEY,\n    name text NOT NULL,\n"
	       "    created_at timestamp\n);\n",
	.good = "CREATE TABLE projects (\n    id uuid PRIMARY KEY,\n    name text NOT NULL,\n"
		"    created_at timestamptz NOT NULL DEFAULT now(),\n    updated_at timestamptz NOT NULL DEFAULT now()\n);\n",
	.options = options,
	.finish = finish,
};
