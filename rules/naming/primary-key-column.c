/* naming/primary-key-column: a single-column primary key is named id. Decided after the last file. */
#include "ddlint/rule.h"

static void finish(dd_ctx *ctx)
{
	const char *want = dd_opt_string(ctx, "name");
	const dd_table *t;
	for (size_t i = 0; (t = dd_next_table(ctx, &i, DD_SKIP_TEMP | DD_SKIP_PARTITIONS | DD_SKIP_TOOL_TABLES)) != NULL;) {
		const dd_constraint *pk = dd_table_primary_key(t);
		if (!pk || pk->n_columns != 1)
			continue;
		const dd_column *c = dd_table_column(t, pk->columns[0]);
		dd_checked(ctx, c ? c->loc : pk->loc, dd_qualified(ctx, t->schema, t->name, pk->columns[0]));
		if (strcmp(pk->columns[0], want) == 0)
			continue;
		dd_report(ctx, c ? c->loc : pk->loc, dd_qualified(ctx, t->schema, t->name, pk->columns[0]), want,
			  "primary key column '%s.%s' is not named '%s'", t->name, pk->columns[0], want);
	}
}

static const dd_option options[] = {
	{ "name", DD_OPT_STRING, "id", "the name of a single-column primary key", NULL },
	{ 0 }
};

const dd_rule dd_rule_naming_primary_key_column = {
	.id = "naming/primary-key-column",
	.summary = "A single-column primary key is named id",
	.severity = DD_SEV_WARNING,
	.description =
		"Once every file has been replayed, a table whose primary key is one column must have that "
		"column named id (option name). Composite keys and partitions are not judged. Reported at "
		"the column.",
	.why = "With every key called id, every reference is <table>_id and every join reads the same "
	       "way; user_id = users.id needs no lookup of what the key of users is called.",
	.bad = "CREATE TABLE users (\n    user_id uuid PRIMARY KEY\n);\n",
	.good = "CREATE TABLE users (\n    id uuid PRIMARY KEY\n);\n",
	.options = options,
	.finish = finish,
};
