/* naming/boolean-prefix: a boolean column starts with is_, has_, can_, should_, was_ or allow_. */
#include "ddlint/rule.h"

static void check(dd_ctx *ctx, const dd_coldef *def, void *arg)
{
	(void)arg;
	if (def->is_domain || !dd_loc_reported(def->loc))   /* nothing in a context file is reported */
		return;
	const dd_type *t = dd_model_base_type(dd_ctx_model(ctx), &def->type);
	if (strcmp(t->name, "boolean") != 0 || t->schema || t->array_dims)
		return;
	dd_checked(ctx, def->loc, dd_coldef_object(ctx, def));
	size_t n;
	const char *const *prefixes = dd_opt_list(ctx, "prefixes", &n);
	for (size_t i = 0; i < n; i++)
		if (strncmp(def->column, prefixes[i], strlen(prefixes[i])) == 0)
			return;
	const char *fix = dd_fit_name(ctx, dd_sprintf(ctx, "%s%s", n ? prefixes[0] : "is_", def->column), NULL);
	dd_report(ctx, def->loc, dd_coldef_object(ctx, def), fix,
		  "boolean column '%s.%s' does not start with %s%s; e.g. '%s'", def->table, def->column,
		  n ? prefixes[0] : "is_", n > 1 ? ", ..." : "", fix);
}

static void finish(dd_ctx *ctx)
{
	dd_each_column(ctx, check, NULL);
}

static const dd_option options[] = {
	{ "prefixes", DD_OPT_LIST, "[is_, has_, can_, should_, was_, allow_]", "a boolean column starts with one of these", NULL },
	{ 0 }
};

const dd_rule dd_rule_naming_boolean_prefix = {
	.id = "naming/boolean-prefix",
	.summary = "Boolean columns start with is_, has_, can_, should_, was_ or allow_",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports a column of type boolean (domains resolved) whose name does not start with one of "
		"the option prefixes, with is_<name> as suggestion (active -> is_active), shortened when "
		"longer than 63 bytes (README \"Suggested names\").",
	.why = "A prefix makes a flag read as a question (WHERE is_active, IF has_children) and tells it "
	       "apart from a column that holds a state or a date (active_at, status).",
	.bad = "CREATE TABLE users (\n    id uuid PRIMARY KEY,\n    active boolean NOT NULL DEFAULT true\n);\n",
	.good = "CREATE TABLE users (\n    id uuid PRIMARY KEY,\n    is_active boolean NOT NULL DEFAULT true\n);\n",
	.options = options,
	.finish = finish,
};
