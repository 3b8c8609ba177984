/* types/jsonb: json columns should be jsonb. */
#include "ddlint/rule.h"

static void check(dd_ctx *ctx, const dd_coldef *def, void *arg)
{
	(void)arg;
	if ((strcmp(def->type.name, "json") != 0 && strcmp(def->type.name, "jsonb") != 0) || def->type.schema)
		return;
	dd_checked(ctx, def->loc, dd_coldef_object(ctx, def));
	if (strcmp(def->type.name, "json") != 0)
		return;
	const char *fix = def->type.array_dims ? "jsonb[]" : "jsonb";
	dd_report_coldef_type(ctx, def, fix);
}

static void finish(dd_ctx *ctx)
{
	dd_each_column(ctx, check, NULL);
}

const dd_rule dd_rule_types_jsonb = {
	.id = "types/jsonb",
	.summary = "JSON columns are jsonb, not json",
	.severity = DD_SEV_WARNING,
	.description =
		"Once every file has been replayed, reports each column and domain of type json, arrays "
		"included, at the column's definition.",
	.why = "json stores the text as given and re-parses it on every access; it has no equality operator, "
	       "so it cannot be compared, grouped, made unique or indexed with GIN. jsonb is parsed once, "
	       "supports containment and existence operators, and GIN indexes.",
	.bad = "CREATE TABLE events (\n    id uuid PRIMARY KEY,\n    payload json NOT NULL\n);\n",
	.good = "CREATE TABLE events (\n    id uuid PRIMARY KEY,\n    payload jsonb NOT NULL\n);\n",
	.finish = finish,
};
