/* naming/reserved-word: no name that PostgreSQL only accepts in double quotes. */
#include "ddlint/rule.h"

static void check(dd_ctx *ctx, const dd_defname *d, void *arg)
{
	(void)arg;
	dd_checked(ctx, d->loc, d->object);
	/* An unquoted keyword that needs quotes is a syntax error; only quoted names get here as keywords.
	 * A mixed-case quoted name is a different identifier from the keyword. */
	if (!d->quoted)
		return;
	for (const char *p = d->name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
			return;
	int kind = dd_keyword_kind(d->name);
	bool function = strcmp(d->kind, "function") == 0 || strcmp(d->kind, "procedure") == 0;
	/* table, column and type names are ColId (unreserved and column-name keywords are allowed);
	 * function names are type_function_name (unreserved and type/function-name keywords) */
	bool needs_quotes = kind == 4 || (function ? kind == 2 : kind == 3);
	if (!needs_quotes)
		return;
	dd_report(ctx, d->loc, d->object, NULL,
		  "%s name '%s' is a %s keyword in PostgreSQL and must be double-quoted everywhere it is used; "
		  "choose another name", d->kind, d->name,
		  kind == 4 ? "reserved" : kind == 3 ? "type or function name" : "column name");
}

static void visit(dd_ctx *ctx, const PgQuery__Node *stmt)
{
	dd_each_defined_name(ctx, stmt, check, NULL);
}

const dd_rule dd_rule_naming_reserved_word = {
	.id = "naming/reserved-word",
	.summary = "No name that must be double-quoted because it is a keyword",
	.severity = DD_SEV_ERROR,
	.description =
		"Reports a name that PostgreSQL only accepts when double-quoted because it is a keyword for "
		"that kind of name: reserved keywords (user, order, group, table, check, ...) and, for "
		"tables, columns and types, type/function-name keywords (left, join, ...); for functions, "
		"column-name keywords (between, ...). The keyword categories come from PostgreSQL's own "
		"scanner (libpg_query), not a copied list.",
	.why = "Every query, ORM mapping and tool that touches the name has to quote it; one that forgets "
	       "fails with a syntax error far from the schema (SELECT user FROM ... even returns the "
	       "current role instead of the column).",
	.bad = "CREATE TABLE \"order\" (\n    id uuid PRIMARY KEY,\n    \"user\" text\n);\n",
	.good = "CREATE TABLE orders (\n    id uuid PRIMARY KEY,\n    username text\n);\n",
	.visits = dd_defname_visits,
	.visit = visit,
};
