/* naming/enum-suffix: an enum type's name ends with _enum. */
#include "ddlint/rule.h"

/* name in snake_case: ChartType -> chart_type */
static const char *snake(dd_ctx *ctx, const char *name)
{
	size_t n = strlen(name);
	char *out = dd_alloc(ctx, 2 * n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		if (c >= 'A' && c <= 'Z') {
			if (i && name[i - 1] != '_' && ((name[i - 1] >= 'a' && name[i - 1] <= 'z') || (name[i - 1] >= '0' && name[i - 1] <= '9') ||
						       (i + 1 < n && name[i + 1] >= 'a' && name[i + 1] <= 'z')))
				*o++ = '_';
			c = (char)(c - 'A' + 'a');
		}
		*o++ = c;
	}
	*o = '\0';
	return out;
}

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
		size_t n = strlen(t->name);
		if (n >= k && strcmp(t->name + n - k, suffix) == 0)
			continue;
		const char *fix = dd_sprintf(ctx, "%s%s", snake(ctx, t->name), suffix);
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
		       "and a type renamed into place is reported at its rename. The suggestion is in snake_case.",
	.why = "Enum types and tables share a namespace with columns in people's heads: order_status could "
	       "be a table, a column or a type. The suffix says it is a closed list of labels.",
	.bad = "CREATE TYPE order_status AS ENUM ('pending', 'shipped');\n",
	.good = "CREATE TYPE order_status_enum AS ENUM ('pending', 'shipped');\n",
	.options = options,
	.finish = finish,
};
