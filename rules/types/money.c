/* types/money: no money type; monetary columns are numeric with explicit precision and scale. */
#include "ddlint/rule.h"

static bool is_approximate_or_integer(const char *name)
{
	static const char *bad[] = { "real", "double precision", "smallint", "integer", "bigint", NULL };
	for (int i = 0; bad[i]; i++)
		if (strcmp(name, bad[i]) == 0)
			return true;
	return false;
}

static void check(dd_ctx *ctx, const dd_coldef *def, void *arg)
{
	(void)arg;
	if (!dd_loc_reported(def->loc))
		return;   /* in a context file: nothing there is reported */
	const dd_type *t = dd_model_base_type(dd_ctx_model(ctx), &def->type);
	const char *fix = dd_opt_string(ctx, "suggested_type");
	const char *what = def->is_domain ? dd_sprintf(ctx, "domain '%s'", def->table)
					  : dd_sprintf(ctx, "column '%s.%s'", def->table, def->column);
	if (t->schema == NULL && strcmp(t->name, "money") == 0) {
		dd_checked(ctx, def->loc, dd_coldef_object(ctx, def));
		dd_report(ctx, def->loc, dd_coldef_object(ctx, def), fix,
			  "%s uses the money type, whose rounding and format follow lc_monetary; use %s", what, fix);
		return;
	}
	if (def->is_domain || t->schema || t->array_dims)
		return;
	const char *name = def->column;
	if (!dd_opt_match(ctx, "pattern", name) || dd_opt_match(ctx, "exclude", name))
		return;
	dd_checked(ctx, def->loc, dd_coldef_object(ctx, def));
	if (is_approximate_or_integer(t->name))
		dd_report(ctx, def->loc, dd_coldef_object(ctx, def), fix,
			  "%s holds money but is %s; use %s", what, def->type.text, fix);
	else if (strcmp(t->name, "numeric") == 0 && t->n_mods == 0)
		dd_report(ctx, def->loc, dd_coldef_object(ctx, def), fix,
			  "%s holds money but is numeric with no precision and scale (any number of digits); use %s",
			  what, fix);
}

static void finish(dd_ctx *ctx)
{
	dd_each_column(ctx, check, NULL);
}

static const dd_option options[] = {
	{ "pattern", DD_OPT_PATTERN,
	  "'(^|_)(amounts?|prices?|costs?|totals?|balances?|fees?|tax|taxes|discounts?|salary|salaries|revenues?|payments?|subtotals?|refunds?)(_(cents|minor_units))?$'",
	  "a column whose name matches this is monetary: a money word as its last word (unit_price, "
	  "tax_amount), or before a unit (amount_cents)", NULL },
	{ "exclude", DD_OPT_PATTERN,
	  "'(^|_)(count|counts|number|num|qty|quantity|rate|rates|percent|percentage|pct|ratio|id|ids|days|hours|minutes|seconds|version|rank|score|points|units|items)$'",
	  "a monetary-looking name that ends with one of these words is not money (total_count, tax_rate, price_id)", NULL },
	{ "suggested_type", DD_OPT_STRING, "'numeric(12,2)'", "the type suggested in messages", NULL },
	{ 0 }
};

const dd_rule dd_rule_types_money = {
	.id = "types/money",
	.summary = "Money is numeric(p,s): never the money type, a float or an integer",
	.severity = DD_SEV_ERROR,
	.description =
		"Reports any column or domain of the money type, and a monetary column (its name matches the "
		"option pattern: it ends with amount, price, cost, total, balance, fee, tax, discount, salary, "
		"revenue, payment, subtotal or refund, singular or plural, possibly followed by _cents, as in "
		"unit_price, total, tax_amount, amount_cents) whose type is real, "
		"double precision, an integer, or numeric without a precision (numeric(p) is numeric(p,0) "
		"for PostgreSQL, and counts as explicit). Names "
		"ending in a word of the option exclude (total_count, tax_rate, price_id) are not monetary. "
		"Columns of other types (text, uuid, ...) are not judged by their name.",
	.why = "Floating-point types cannot represent most decimal fractions (0.1 + 0.2 <> 0.3), so sums "
	       "drift. The money type formats and rounds by the server's lc_monetary setting, has a fixed "
	       "scale, and loses the currency when moved between servers. Integers hide the scale in "
	       "application code. numeric(p,s) is exact and states its scale.",
	.bad = "CREATE TABLE invoices (\n    id uuid PRIMARY KEY,\n    total double precision NOT NULL,\n"
	       "    tax money\n);\n",
	.good = "CREATE TABLE invoices (\n    id uuid PRIMARY KEY,\n    total numeric(12,2) NOT NULL,\n"
		"    tax numeric(12,2),\n    line_count integer NOT NULL\n);\n",
	.options = options,
	.finish = finish,
};
