/* types/timestamptz: no timestamp without time zone in columns and domains. */
#include "ddlint/rule.h"

static void check(dd_ctx *ctx, const dd_coldef *def, void *arg)
{
	(void)arg;
	if (strcmp(def->type.name, "timestamp without time zone") != 0 && strcmp(def->type.name, "timestamp with time zone") != 0)
		return;
	dd_checked(ctx, def->loc, dd_coldef_object(ctx, def));
	if (strcmp(def->type.name, "timestamp without time zone") != 0)
		return;
	const char *fix = def->type.n_mods ? dd_sprintf(ctx, "timestamp(%d) with time zone%s", def->type.mods[0],
							def->type.array_dims ? "[]" : "")
					   : dd_sprintf(ctx, "timestamp with time zone%s", def->type.array_dims ? "[]" : "");
	dd_report_coldef_type(ctx, def, fix);
}

static void finish(dd_ctx *ctx)
{
	dd_each_column(ctx, check, NULL);
}

const dd_rule dd_rule_types_timestamptz = {
	.id = "types/timestamptz",
	.summary = "Timestamps are timestamp with time zone",
	.severity = DD_SEV_ERROR,
	.description =
		"Once every file has been replayed, reports each column and domain whose type is timestamp "
		"without time zone (written timestamp, or timestamp(n)), arrays included, at the column's "
		"definition. A column changed to timestamptz by a later ALTER COLUMN ... TYPE is fine. Casts "
		"inside defaults and queries are not checked. The suggestion keeps the precision.",
	.why = "timestamp without time zone stores a wall-clock reading with no zone: the same value means "
	       "different instants to servers and clients in different zones, and daylight-saving changes "
	       "make values ambiguous. timestamp with time zone stores an instant (as UTC) and costs the "
	       "same 8 bytes.",
	.bad = "CREATE TABLE sessions (\n    id uuid PRIMARY KEY,\n    started_at timestamp NOT NULL\n);\n",
	.good = "CREATE TABLE sessions (\n    id uuid PRIMARY KEY,\n    started_at timestamptz NOT NULL\n);\n",
	.finish = finish,
};
