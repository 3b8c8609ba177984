/* naming/index-name: idx_<table>_<descriptor> (unique: also uq_<table>_<descriptor>). Decided after the last file. */
#include <ctype.h>
#include <stdlib.h>
#include "ddlint/rule.h"

#define WORDS "[a-z0-9]+(_[a-z0-9]+)*"

/* The descriptor made of an index's columns: lower(email) gives lower_email, (data->>'kind') data_kind. */
static const char *columns_descriptor(dd_ctx *ctx, const dd_index *ix)
{
	const char *out = "";
	for (size_t i = 0; i < ix->n_elems; i++) {
		const char *src = ix->elems[i].column ? ix->elems[i].column : ix->elems[i].expr ? ix->elems[i].expr : "expr";
		/* keep runs of letters, digits and underscores */
		char *word = dd_alloc(ctx, strlen(src) * 2 + 2);
		size_t k = 0;
		for (const char *p = src; *p; p++) {
			if (isalnum((unsigned char)*p) || *p == '_')
				word[k++] = (char)tolower((unsigned char)*p);
			else if (k && word[k - 1] != '_')
				word[k++] = '_';
		}
		while (k && word[k - 1] == '_')
			k--;
		word[k] = '\0';
		if (*word)
			out = dd_sprintf(ctx, "%s%s%s", out, *out ? "_" : "", word);
	}
	return *out ? out : "expr";
}

/* Expand a template: {table}, {columns}, and {descriptor} (given the columns). */
static char *expand(dd_ctx *ctx, const char *tpl, const char *table, const char *columns)
{
	const char *out = "";
	for (const char *p = tpl; *p;) {
		if (strncmp(p, "{table}", 7) == 0) {
			out = dd_sprintf(ctx, "%s%s", out, table);
			p += 7;
		} else if (strncmp(p, "{columns}", 9) == 0) {
			out = dd_sprintf(ctx, "%s%s", out, columns);
			p += 9;
		} else if (strncmp(p, "{descriptor}", 12) == 0) {
			out = dd_sprintf(ctx, "%s%s", out, columns);
			p += 12;
		} else {
			out = dd_sprintf(ctx, "%s%c", out, *p++);
		}
	}
	return (char *)out;
}

/* The name the template gives an index on these columns, cut down to 63 bytes when longer
 * (dd_fit_name), keeping the template's text after its last placeholder (as in {table}_{columns}_idx). */
static const char *suggested(dd_ctx *ctx, const char *tpl, const char *table, const char *columns)
{
	const char *close = strrchr(tpl, '}');
	return dd_fit_name(ctx, expand(ctx, tpl, table, columns), close && close[1] ? close + 1 : NULL);
}

/* Does name fit the template? {descriptor} is any snake_case words, or the columns when strict;
 * the name ddlint suggests (shortened when the template's is too long) always does.
 * No regular expression: this runs for every index of a schema. */
static bool matches(dd_ctx *ctx, const char *tpl, const char *table, const char *columns, const char *name, bool strict)
{
	const char *mark = strstr(tpl, "{descriptor}");
	if (mark && !strict) {
		const char *before = expand(ctx, dd_sprintf(ctx, "%.*s", (int)(mark - tpl), tpl), table, columns);
		const char *after = expand(ctx, mark + 12, table, columns);
		size_t nb = strlen(before), na = strlen(after), n = strlen(name);
		if (n > nb + na && strncmp(name, before, nb) == 0 && strcmp(name + n - na, after) == 0 &&
		    dd_is_snake_words(name + nb, n - nb - na))
			return true;
	}
	return strcmp(name, suggested(ctx, tpl, table, columns)) == 0;
}

static void finish(dd_ctx *ctx)
{
	const dd_model *m = dd_ctx_model(ctx);
	bool strict = dd_opt_bool(ctx, "strict");
	const char *tpl = dd_opt_string(ctx, "template");
	const char *utpl = dd_opt_string(ctx, "unique_template");
	for (size_t i = 0; i < m->n_indexes; i++) {
		const dd_index *ix = m->indexes[i];
		/* indexes behind constraints are named by naming/constraint-name */
		if (ix->dropped || ix->inherited || ix->constraint || !ix->table || ix->table->dropped || dd_is_system_schema(ix->schema))
			continue;
		const char *table = ix->table->name;
		const char *cols = columns_descriptor(ctx, ix);
		const char *want = suggested(ctx, ix->unique ? utpl : tpl, table, cols);
		const char *obj = dd_qualified(ctx, ix->schema, ix->name, NULL);
		dd_checked(ctx, ix->loc, obj);
		if (!ix->named) {
			dd_report(ctx, ix->loc, obj, want, "index on %s.%s has no name (PostgreSQL calls it '%s'); name it '%s'",
				  ix->table->schema, table, ix->name, want);
			continue;
		}
		if (matches(ctx, tpl, table, cols, ix->name, strict) || (ix->unique && matches(ctx, utpl, table, cols, ix->name, strict)))
			continue;
		const char *shape = strict ? suggested(ctx, tpl, table, cols) : expand(ctx, tpl, table, "<descriptor>");
		if (ix->unique)
			shape = dd_sprintf(ctx, "%s or %s", shape, strict ? suggested(ctx, utpl, table, cols)
								    : expand(ctx, utpl, table, "<descriptor>"));
		dd_report(ctx, ix->loc, obj, want, "index name '%s' does not follow %s; e.g. '%s'", ix->name, shape, want);
	}
}

static const dd_option options[] = {
	{ "template", DD_OPT_STRING, "'idx_{table}_{descriptor}'",
	  "the name of an index: {table}, {columns} (the indexed columns joined by _), {descriptor} (any snake_case words)", NULL },
	{ "unique_template", DD_OPT_STRING, "'uq_{table}_{descriptor}'",
	  "a unique index may also be named like this", NULL },
	{ "strict", DD_OPT_BOOL, "false", "the descriptor must be exactly the columns joined by _", NULL },
	{ 0 }
};

const dd_rule dd_rule_naming_index_name = {
	.id = "naming/index-name",
	.summary = "Indexes are named idx_<table>_<descriptor> (unique: also uq_<table>_<descriptor>)",
	.severity = DD_SEV_WARNING,
	.description =
		"Once every file has been replayed, each index created with CREATE INDEX is named after the "
		"option template (idx_{table}_{descriptor}; a unique index may also follow unique_template, "
		"uq_{table}_{descriptor}), where the descriptor is non-empty snake_case: the columns or a "
		"purpose (idx_orders_user_id, idx_orders_active, idx_users_lower_email). With strict, the "
		"descriptor must be the columns joined by _ (for an expression, its words: lower(email) is "
		"lower_email). An unnamed CREATE INDEX is reported with a name built from the columns. "
		"Indexes behind PRIMARY KEY, UNIQUE and EXCLUDE constraints are left to naming/constraint-name. "
		"A suggested name longer than PostgreSQL's 63 bytes is shortened (abbreviations, then a hash: "
		"README \"Suggested names\"), and an index named so is accepted.",
	.why = "A name that says the table and the columns tells a reader of EXPLAIN output or of a "
	       "lock-wait log what the index is for, and keeps names unique across the schema; "
	       "PostgreSQL's generated names (orders_user_id_idx1) do neither reliably.",
	.bad = "CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid);\n"
	       "CREATE INDEX orders_by_user ON orders (user_id);\nCREATE INDEX ON orders (id, user_id);\n",
	.good = "CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid);\n"
		"CREATE INDEX idx_orders_user_id ON orders (user_id);\n",
	.options = options,
	.finish = finish,
};
