/* types/primary-key-type: a single-column primary key has the configured type. Decided after the last file. */
#include "ddlint/rule.h"

static const char *declared(dd_ctx *ctx, const dd_type *t)
{
	if (!t->serial)
		return t->text;
	if (strcmp(t->name, "bigint") == 0)
		return "bigserial";
	if (strcmp(t->name, "smallint") == 0)
		return "smallserial";
	return "serial";
}

static void finish(dd_ctx *ctx)
{
	const dd_model *m = dd_ctx_model(ctx);
	const char *want_text = dd_opt_string(ctx, "type");
	dd_type want;
	if (!dd_parse_type(ctx, want_text, &want))
		return;
	bool want_bigint = strcmp(want.name, "bigint") == 0;
	const dd_table *t;
	for (size_t i = 0; (t = dd_next_table(ctx, &i, DD_SKIP_TEMP | DD_SKIP_PARTITIONS | DD_SKIP_TOOL_TABLES)) != NULL;) {
		const dd_constraint *pk = dd_table_primary_key(t);
		if (!pk || pk->n_columns != 1)
			continue;
		const dd_column *c = dd_table_column(t, pk->columns[0]);
		if (!c)
			continue;
		dd_checked(ctx, c->loc, dd_qualified(ctx, t->schema, t->name, c->name));
		const dd_type *ty = dd_model_base_type(m, &c->type);
		bool ok = dd_type_same(ty, &want) && !(want_bigint && c->type.serial);
		if (ok)
			continue;
		const char *fix = want_bigint ? "bigint GENERATED ALWAYS AS IDENTITY" : want.text;
		const char *extra = "";
		if (c->type.serial && want_bigint)
			extra = "; an identity column does what serial does, without a separately owned sequence";
		dd_report(ctx, c->loc, dd_qualified(ctx, t->schema, t->name, c->name), fix,
			  "primary key column '%s.%s' is %s; the standard is %s%s", t->name, c->name,
			  declared(ctx, &c->type), fix, extra);
	}
}

static const dd_option options[] = {
	{ "type", DD_OPT_STRING, "uuid",
	  "the primary key type: uuid, or bigint (which also accepts bigint GENERATED ... AS IDENTITY)", NULL },
	{ 0 }
};

const dd_rule dd_rule_types_primary_key_type = {
	.id = "types/primary-key-type",
	.summary = "Single-column primary keys have the configured type (uuid by default)",
	.severity = DD_SEV_WARNING,
	.description =
		"Once every file has been replayed, a table whose primary key is one column must have that "
		"column of the type set by the option type (uuid by default; domains are resolved to their "
		"base type). With type: bigint, plain bigint and bigint GENERATED ... AS IDENTITY are "
		"accepted, and serial/bigserial are reported with the identity form as suggestion. Composite "
		"keys are left to types/foreign-key-type, as their columns usually reference other keys. "
		"Partitions are judged through their partitioned table.",
	.why = "One key type across the schema makes every foreign key the same type and every join "
	       "predictable. integer keys run out at 2^31; serial creates a sequence owned separately "
	       "from the column, with its own permissions, where an identity column is part of the table.",
	.bad = "CREATE TABLE customers (\n    id serial PRIMARY KEY,\n    name text NOT NULL\n);\n",
	.good = "CREATE TABLE customers (\n    id uuid PRIMARY KEY,\n    name text NOT NULL\n);\n",
	.options = options,
	.finish = finish,
};
