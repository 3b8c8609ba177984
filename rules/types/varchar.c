/* types/varchar: no varchar without a length, no char(n) except for fixed-length codes. */
#include "ddlint/rule.h"

static void check(dd_ctx *ctx, const dd_coldef *def, void *arg)
{
	(void)arg;
	if (!dd_loc_reported(def->loc))
		return;   /* in a context file: nothing there is reported */
	const dd_type *t = &def->type;
	const char *what = def->is_domain ? dd_sprintf(ctx, "domain '%s'", def->table)
					  : dd_sprintf(ctx, "column '%s.%s'", def->table, def->column);
	if (t->schema)
		return;
	if (strcmp(t->name, "character varying") == 0 || strcmp(t->name, "character") == 0 || strcmp(t->name, "text") == 0)
		dd_checked(ctx, def->loc, dd_coldef_object(ctx, def));
	if (strcmp(t->name, "character varying") == 0 && t->n_mods == 0) {
		dd_report(ctx, def->loc, dd_coldef_object(ctx, def), t->array_dims ? "text[]" : "text",
			  "%s is varchar without a length, which is text in disguise; use text", what);
		return;
	}
	if (strcmp(t->name, "character") != 0)
		return;
	size_t n;
	const char *const *suffixes = dd_opt_list(ctx, "code_suffixes", &n);
	for (size_t i = 0; i < n && def->column; i++)
		if (dd_has_suffix(def->column, suffixes[i]))
			return;
	dd_report(ctx, def->loc, dd_coldef_object(ctx, def), "text",
		  "%s is %s, which pads with spaces; use text (char(n) is for fixed-length codes, "
		  "named like country_code)", what, t->text);
}

static void finish(dd_ctx *ctx)
{
	dd_each_column(ctx, check, NULL);
}

static const dd_option options[] = {
	{ "code_suffixes", DD_OPT_LIST, "[_code]", "columns whose names end with one of these may be char(n)", NULL },
	{ 0 }
};

const dd_rule dd_rule_types_varchar = {
	.id = "types/varchar",
	.summary = "No varchar without a length; char(n) only for fixed-length codes",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports a column or domain of type varchar (character varying) without a length: it is text "
		"with another name. Reports char(n)/character(n) (and char, which is char(1)) unless the "
		"column's name ends with one of the option code_suffixes (default _code: country_code, "
		"currency_code).",
	.why = "In PostgreSQL varchar without a limit and text are the same type under two names, and "
	       "mixing them makes casts appear in plans and diffs. char(n) pads values with spaces, "
	       "compares ignoring them and is never faster than text; it only documents a fixed width.",
	.bad = "CREATE TABLE people (\n    id uuid PRIMARY KEY,\n    name varchar,\n    nickname char(20)\n);\n",
	.good = "CREATE TABLE people (\n    id uuid PRIMARY KEY,\n    name text,\n    email varchar(320),\n"
		"    country_code char(2)\n);\n",
	.options = options,
	.finish = finish,
};
