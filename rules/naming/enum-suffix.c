/* naming/enum-suffix: an enum type's name ends with _enum. */
#include "ddlint/rule.h"

static void check(dd_ctx *ctx, const dd_defname *d, void *arg)
{
	(void)arg;
	const char *suffix = dd_opt_string(ctx, "suffix");
	size_t n = strlen(d->folded), k = strlen(suffix);
	if (n >= k && strcmp(d->folded + n - k, suffix) == 0)
		return;
	const char *fix = dd_sprintf(ctx, "%s%s", d->folded, suffix);
	dd_report(ctx, d->loc, d->object, fix, "enum type '%s' does not end with %s; e.g. '%s'", d->name, suffix, fix);
}

static void visit(dd_ctx *ctx, const PgQuery__Node *stmt)
{
	dd_each_defined_name(ctx, stmt, check, NULL);
}

static const int visits[] = { PG_QUERY__NODE__NODE_CREATE_ENUM_STMT, 0 };

static const dd_option options[] = {
	{ "suffix", DD_OPT_STRING, "_enum", "an enum type's name ends with this", NULL },
	{ 0 }
};

const dd_rule dd_rule_naming_enum_suffix = {
	.id = "naming/enum-suffix",
	.summary = "Enum type names end with _enum",
	.severity = DD_SEV_WARNING,
	.description = "Reports a CREATE TYPE ... AS ENUM whose name does not end with _enum (option suffix).",
	.why = "Enum types and tables share a namespace with columns in people's heads: order_status could "
	       "be a table, a column or a type. The suffix says it is a closed list of labels.",
	.bad = "CREATE TYPE order_status AS ENUM ('pending', 'shipped');\n",
	.good = "CREATE TYPE order_status_enum AS ENUM ('pending', 'shipped');\n",
	.options = options,
	.visits = visits,
	.visit = visit,
};
