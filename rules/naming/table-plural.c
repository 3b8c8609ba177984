/* naming/table-plural: a table's name is plural: its last word is a plural English noun. */
#include <ctype.h>
#include "ddlint/rule.h"

/* The word to judge: the last word made of letters (users_2024 -> users, order_item_v2 -> item). */
static bool last_word(const char *name, size_t *start, size_t *end)
{
	size_t n = strlen(name);
	while (n > 0) {
		size_t e = n;
		while (n > 0 && name[n - 1] != '_')
			n--;
		bool letters = e > n;
		for (size_t i = n; i < e; i++)
			if (!isalpha((unsigned char)name[i]))
				letters = false;
		if (letters && e - n > 1) {
			*start = n;
			*end = e;
			return true;
		}
		if (n > 0)
			n--;   /* skip the underscore */
	}
	return false;
}

static void judge(dd_ctx *ctx, const char *what, const char *schema, const char *name, dd_loc loc)
{
	size_t n;
	const char *const *allow = dd_opt_list(ctx, "allow", &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(allow[i], name) == 0)
			return;
	size_t s, e;
	if (!last_word(name, &s, &e))
		return;
	char *word = dd_strdup(ctx, name + s);
	word[e - s] = '\0';
	for (char *p = word; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (dd_word_is_plural(ctx, word))
		return;
	const char *fix = dd_sprintf(ctx, "%.*s%s%s", (int)s, name, dd_word_plural(ctx, word), name + e);
	dd_report(ctx, loc, dd_qualified(ctx, schema, name, NULL), fix, "%s name '%s' is singular; use '%s'", what, name, fix);
}

static void finish(dd_ctx *ctx)
{
	const dd_model *m = dd_ctx_model(ctx);
	const dd_table *t;
	/* partitions are named after their parent plus a suffix */
	for (size_t i = 0; (t = dd_next_table(ctx, &i, DD_SKIP_TEMP | DD_SKIP_PARTITIONS | DD_SKIP_TOOL_TABLES)) != NULL;) {
		judge(ctx, "table", t->schema, t->name, t->loc);
	}
	if (!dd_opt_bool(ctx, "include_views"))
		return;
	for (size_t i = 0; i < m->n_views; i++) {
		const dd_view *v = m->views[i];
		if (!v->dropped && !dd_is_system_schema(v->schema))
			judge(ctx, "view", v->schema, v->name, v->loc);
	}
}

static const dd_option options[] = {
	{ "include_views", DD_OPT_BOOL, "false", "judge view names too", NULL },
	{ "allow", DD_OPT_LIST, "[]", "table names accepted as they are", NULL },
	{ 0 }
};

const dd_rule dd_rule_naming_table_plural = {
	.id = "naming/table-plural",
	.summary = "Table names are plural",
	.severity = DD_SEV_WARNING,
	.description =
		"Once every file has been replayed, the last word of each table's name (the last "
		"underscore-separated word made of letters: users_2024 is judged by users) must be a plural "
		"English noun: users, order_items, people, categories, addresses, statuses, analyses. "
		"Uncountable nouns (data, media, news, series, metadata, settings, feedback, equipment, "
		"information, ...) are accepted. A singular name is reported with its plural as suggestion "
		"(customer_address -> customer_addresses). Partitions and temporary tables are not judged; "
		"views only with the option include_views.",
	.why = "A table holds many rows of one kind; a plural name says so and reads naturally in queries "
	       "(SELECT ... FROM users WHERE ...). Mixing singular and plural makes every name a guess.",
	.bad = "CREATE TABLE customer_address (\n    id uuid PRIMARY KEY\n);\n",
	.good = "CREATE TABLE customer_addresses (\n    id uuid PRIMARY KEY\n);\nCREATE TABLE people (\n    id uuid PRIMARY KEY\n);\n",
	.options = options,
	.finish = finish,
};
