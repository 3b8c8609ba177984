/* schema/updated-at-trigger: a table with updated_at has a BEFORE UPDATE row trigger. Decided after the last file. */
#include "ddlint/rule.h"

static bool has_trigger(const dd_table *t)
{
	for (size_t i = 0; t && i < t->n_triggers; i++) {
		const dd_trigger *tg = t->triggers[i];
		if (!tg->dropped && tg->on_update && tg->for_each_row && strcmp(tg->timing, "before") == 0)
			return true;
	}
	return false;
}

static void finish(dd_ctx *ctx)
{
	const char *column = dd_opt_string(ctx, "column");
	const dd_table *t;
	/* a partition is judged through its partitioned table, whose row triggers fire for it */
	for (size_t i = 0; (t = dd_next_table(ctx, &i, DD_SKIP_TEMP | DD_SKIP_PARTITIONS)) != NULL;) {
		if (!dd_table_column(t, column))
			continue;
		dd_checked(ctx, t->loc, dd_qualified(ctx, t->schema, t->name, NULL));
		if (has_trigger(t))
			continue;
		const char *suffix = dd_sprintf(ctx, "_%s", column);
		const char *trigger = dd_fit_name(ctx, dd_sprintf(ctx, "trg_%s%s", t->name, suffix), suffix);
		const char *function = dd_fit_name(ctx, dd_sprintf(ctx, "set%s", suffix), NULL);
		dd_report(ctx, t->loc, dd_qualified(ctx, t->schema, t->name, NULL),
			  dd_sprintf(ctx, "CREATE TRIGGER %s BEFORE UPDATE ON %s.%s FOR EACH ROW EXECUTE FUNCTION %s();",
				     trigger, t->schema, t->name, function),
			  "table '%s.%s' has %s but no BEFORE UPDATE ... FOR EACH ROW trigger to keep it current",
			  t->schema, t->name, column);
	}
}

static const dd_option options[] = {
	{ "column", DD_OPT_STRING, "updated_at", "the column the trigger keeps current", NULL },
	{ 0 }
};

const dd_rule dd_rule_schema_updated_at_trigger = {
	.id = "schema/updated-at-trigger",
	.summary = "A table with updated_at has a BEFORE UPDATE row trigger",
	.severity = DD_SEV_WARNING,
	.description =
		"Once every file has been replayed, a table with an updated_at column (option column) must "
		"have a BEFORE UPDATE ... FOR EACH ROW trigger, created in any file; a partition is covered "
		"by a trigger on its partitioned table, and judged once, through it. The rule does not read the trigger's function. "
		"Reported at the table name, with a CREATE TRIGGER (its name shortened to 63 bytes when "
		"longer: README \"Suggested names\").",
	.why = "A default fills updated_at on INSERT only. Without a trigger every UPDATE that forgets "
	       "the column leaves it stale, and the column then lies exactly when it is needed.",
	.bad = "CREATE TABLE notes (\n    id uuid PRIMARY KEY,\n    updated_at timestamptz NOT NULL DEFAULT now()\n);\n",
	.good = "CREATE TABLE notes (\n    id uuid PRIMARY KEY,\n    updated_at timestamptz NOT NULL DEFAULT now()\n);\n"
		"CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$\n"
		"BEGIN NEW.updated_at := now(); RETURN NEW; END $$;\n"
		"CREATE TRIGGER trg_notes_updated_at BEFORE UPDATE ON notes\n"
		"    FOR EACH ROW EXECUTE FUNCTION set_updated_at();\n",
	.options = options,
	.finish = finish,
};
