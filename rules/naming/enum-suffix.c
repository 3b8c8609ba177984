/* naming/enum-suffix: an enum type's name ends with _enum. */
#include "ddlint/rule.h"

/* The enum types as the last file leaves them: a temporary that a later statement renames or
 * drops is not judged, and a type renamed into place is judged by its final name. */
static void finish(dd_ctx *ctx)
{
	const dd_model *m = dd_ctx_model(ctx);
	const char *suffix = dd_opt_string(ctx, "suffix");
	size_t k = strlen(suffix);
	for (size_t i = 0; i < m->n_types; i++) {
		const dd_typedef *t = m->types[i];
		if (t->dropped || t->kind != DD_TYPE_ENUM || dd_is_system_schema(t->schema))
			continue;
		dd_checked(ctx, t->loc, dd_qualified(ctx, t->schema, t->name, NULL));
		size_t n = strlen(t->name);
		if (n >= k && strcmp(t->name + n - k, suffix) == 0)
			continue;
		const char *snake = dd_snake_case(ctx, t->name);
		const char *fix = dd_fit_name(ctx, dd_sprintf(ctx, "%s%s", snake ? snake : t->name, suffix), suffix);
		dd_report(ctx, t->loc, dd_qualified(ctx, t->schema, t->name, NULL), fix,
			  "enum type '%s' does not end with %s; e.g. '%s'", t->name, suffix, fix);
	}
}

static const dd_option options[] = {
	{ "suffix", DD_OPT_STRING, "_enum", "an enum type's name ends with this", NULL },
	{ 0 }
};

const dd_rule dd_rule_naming_enum_suffix = {
	.id = "naming/enum-suffix",
	.summary = "Enum type names end with _enum",
	.severity = DD_SEV_WARNING,
	.description = "Reports an enum type whose name does not end with _enum (option suffix), once every file "
		       "has been replayed: a temporary type that a later statement renames or drops is not judged, "
		       "and a type renamed into place is reported at its rename. The suggestion is in snake_case, "
		       "shortened to 63 bytes when longer, with the suffix kept (README \"Suggested names\").",
	.why = "Enum types and tables share a namespace with columns in people's heads: order_status could "
	       "be a table, a column or a type. The suffix says it is a closed list of labels.",
	.bad = "CREATE TYPE order_status AS ENUM ('pending', 'shipped');\n",
	.good = "CREATE TYPE order_status_enum AS ENUM ('pending', 'shipped');\n",
	.options = options,
	.finish = finish,
};
