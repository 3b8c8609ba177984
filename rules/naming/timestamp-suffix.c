/* naming/timestamp-suffix: timestamps end with _at; dates end with _date or _on, or start with date_of_. */
#include "ddlint/rule.h"

static bool any(const char *const *list, size_t n, const char *name, bool prefix)
{
	for (size_t i = 0; i < n; i++)
		if (prefix ? strncmp(name, list[i], strlen(list[i])) == 0 : dd_has_suffix(name, list[i]))
			return true;
	return false;
}

/* created -> created_at, login_time -> login_at, due -> due_date (within 63 bytes) */
static const char *suggest(dd_ctx *ctx, const char *name, const char *suffix)
{
	static const char *const strip[] = { "_timestamp", "_time", "_ts", "_datetime", "_date", "_on", "_at", "_dt", NULL };
	size_t n = strlen(name);
	for (int i = 0; strip[i]; i++)
		if (dd_has_suffix(name, strip[i]) && n > strlen(strip[i])) {
			n -= strlen(strip[i]);
			break;
		}
	return dd_fit_name(ctx, dd_sprintf(ctx, "%.*s%s", (int)n, name, suffix), suffix);
}

static void check(dd_ctx *ctx, const dd_coldef *def, void *arg)
{
	(void)arg;
	if (def->is_domain || !dd_loc_reported(def->loc))   /* nothing in a context file is reported */
		return;
	const dd_type *t = dd_model_base_type(dd_ctx_model(ctx), &def->type);
	if (t->schema || t->array_dims)
		return;
	size_t n;
	if (strcmp(t->name, "timestamp with time zone") == 0 || strcmp(t->name, "timestamp without time zone") == 0 ||
	    strcmp(t->name, "date") == 0)
		dd_checked(ctx, def->loc, dd_coldef_object(ctx, def));
	if (strcmp(t->name, "timestamp with time zone") == 0 || strcmp(t->name, "timestamp without time zone") == 0) {
		const char *const *suf = dd_opt_list(ctx, "timestamp_suffixes", &n);
		if (any(suf, n, def->column, false) || n == 0)
			return;
		const char *fix = suggest(ctx, def->column, suf[0]);
		dd_report(ctx, def->loc, dd_coldef_object(ctx, def), fix,
			  "timestamp column '%s.%s' does not end with %s; e.g. '%s'", def->table, def->column, suf[0], fix);
	} else if (strcmp(t->name, "date") == 0) {
		size_t np;
		const char *const *suf = dd_opt_list(ctx, "date_suffixes", &n);
		const char *const *pre = dd_opt_list(ctx, "date_prefixes", &np);
		if (any(suf, n, def->column, false) || any(pre, np, def->column, true) || n == 0)
			return;
		const char *fix = suggest(ctx, def->column, suf[0]);
		dd_report(ctx, def->loc, dd_coldef_object(ctx, def), fix,
			  "date column '%s.%s' does not end with %s%s%s; e.g. '%s'", def->table, def->column, suf[0],
			  n > 1 ? " or " : "", n > 1 ? suf[1] : "", fix);
	}
}

static void finish(dd_ctx *ctx)
{
	dd_each_column(ctx, check, NULL);
}

static const dd_option options[] = {
	{ "timestamp_suffixes", DD_OPT_LIST, "[_at]", "a timestamp column ends with one of these", NULL },
	{ "date_suffixes", DD_OPT_LIST, "[_date, _on]", "a date column ends with one of these", NULL },
	{ "date_prefixes", DD_OPT_LIST, "[date_of_]", "or starts with one of these", NULL },
	{ 0 }
};

const dd_rule dd_rule_naming_timestamp_suffix = {
	.id = "naming/timestamp-suffix",
	.summary = "Timestamps end with _at; dates end with _date or _on",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports a column of type timestamp or timestamptz whose name does not end with _at "
		"(created_at, last_login_at), and a column of type date whose name does not end with _date "
		"or _on and does not start with date_of_ (due_date, starts_on, date_of_birth). Domains are "
		"resolved. All suffixes and prefixes are options. A suggestion longer than 63 bytes is "
		"shortened, with the suffix kept (README \"Suggested names\").",
	.why = "The suffix tells the type from the name: an _at column is an instant, an _on or _date "
	       "column a calendar day; a column called created or expiry leaves the reader guessing "
	       "whether it is a flag, a date or a time.",
	.bad = "CREATE TABLE invoices (\n    id uuid PRIMARY KEY,\n    created timestamptz NOT NULL,\n    due date\n);\n",
	.good = "CREATE TABLE invoices (\n    id uuid PRIMARY KEY,\n    created_at timestamptz NOT NULL,\n    due_date date\n);\n",
	.options = options,
	.finish = finish,
};
