/* naming/snake-case: user-defined names are lower snake_case, judged as written in the source. */
#include "ddlint/rule.h"

#define DEFAULT_PATTERN "^[a-z][a-z0-9]*(_[a-z0-9]+)*$"

static bool default_match(const char *s)
{
	/* The default pattern, without a regex engine: it runs on every name. */
	if (!(*s >= 'a' && *s <= 'z'))
		return false;
	bool prev_us = false;
	for (const char *p = s; *p; p++) {
		if (*p == '_') {
			if (prev_us || p[1] == '\0')
				return false;
			prev_us = true;
		} else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			prev_us = false;
		} else {
			return false;
		}
	}
	return true;
}

static void check(dd_ctx *ctx, const dd_defname *d, void *arg)
{
	(void)arg;
	dd_checked(ctx, d->loc, d->object);
	bool ok = strcmp(dd_opt_string(ctx, "pattern"), DEFAULT_PATTERN) == 0 ? default_match(d->name)
									     : dd_opt_match(ctx, "pattern", d->name);
	if (ok)
		return;
	const char *fix = dd_snake_case(ctx, d->name);
	if (fix)
		fix = dd_fit_name(ctx, fix, NULL);
	dd_report(ctx, d->loc, d->object, fix, "%s name '%s' is not snake_case%s%s%s", d->kind, d->name,
		  fix ? " (use '" : "", fix ? fix : "", fix ? "')" : "");
}

static void visit(dd_ctx *ctx, const PgQuery__Node *stmt)
{
	dd_each_defined_name(ctx, stmt, check, NULL);
}

static const dd_option options[] = {
	{ "pattern", DD_OPT_PATTERN, "'" DEFAULT_PATTERN "'", "POSIX extended regular expression every name must match", NULL },
	{ 0 }
};

const dd_rule dd_rule_naming_snake_case = {
	.id = "naming/snake-case",
	.summary = "User-defined names are lower snake_case",
	.severity = DD_SEV_ERROR,
	.description =
		"Checks the name of every schema, table, column, view, index, constraint, type, domain, "
		"function, procedure, trigger and sequence that the SQL defines or renames to, as written in "
		"the source: an unquoted weightKg is folded to weightkg by PostgreSQL, but it is still "
		"reported, with weight_kg as suggestion. Enum labels and names in pg_catalog or "
		"information_schema are not checked. A suggestion longer than 63 bytes is shortened (README "
		"\"Suggested names\").",
	.why = "Mixed case only survives when quoted, so every later query has to quote it the same way; "
	       "folded names (weightkg) are hard to read. One convention makes names predictable.",
	.bad = "CREATE TABLE \"UserAccounts\" (\n    id uuid PRIMARY KEY,\n    weightKg numeric(6,2)\n);\n",
	.good = "CREATE TABLE user_accounts (\n    id uuid PRIMARY KEY,\n    weight_kg numeric(6,2)\n);\n",
	.options = options,
	.visits = dd_defname_visits,
	.visit = visit,
};
