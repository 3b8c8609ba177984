/* naming/identifier-length: no name longer than 63 bytes, written or generated. */
#include "ddlint/rule.h"

#define MAX_NAME 63

static void check(dd_ctx *ctx, const dd_defname *d, void *arg)
{
	(void)arg;
	dd_checked(ctx, d->loc, d->object);
	size_t n = strlen(d->name);
	if (n <= MAX_NAME)
		return;
	/* d->name is the source token decoded (quotes and U& escapes), d->folded the tree's cut name */
	dd_report(ctx, d->loc, d->object, NULL,
		  "%s name '%s' is %zu bytes; PostgreSQL silently cuts names to 63 bytes, so it becomes '%s'",
		  d->kind, d->name, n, d->folded);
}

static void visit(dd_ctx *ctx, const PgQuery__Node *stmt)
{
	dd_each_defined_name(ctx, stmt, check, NULL);
}

/* Names PostgreSQL generates for unnamed constraints and indexes are cut the same way. */
static void finish(dd_ctx *ctx)
{
	const dd_model *m = dd_ctx_model(ctx);
	const dd_table *t;
	for (size_t i = 0; (t = dd_next_table(ctx, &i, 0)) != NULL;) {
		for (size_t k = 0; k < t->n_constraints; k++) {
			const dd_constraint *c = t->constraints[k];
			if (!c->named && !c->inherited)
				dd_checked(ctx, c->loc, dd_qualified(ctx, t->schema, t->name, c->name));
			if (!c->named && !c->inherited && c->name_truncated)
				dd_report(ctx, c->loc, dd_qualified(ctx, t->schema, t->name, c->name), NULL,
					  "the name PostgreSQL generates for this constraint is longer than 63 bytes and is "
					  "cut to '%s', which can collide with others; name the constraint", c->name);
		}
	}
	for (size_t i = 0; i < m->n_indexes; i++) {
		const dd_index *ix = m->indexes[i];
		if (!ix->dropped && !ix->inherited && !ix->named && !ix->constraint && ix->table && !ix->table->dropped)
			dd_checked(ctx, ix->loc, dd_qualified(ctx, ix->schema, ix->name, NULL));
		if (!ix->dropped && !ix->inherited && !ix->named && !ix->constraint && ix->name_truncated && ix->table && !ix->table->dropped)
			dd_report(ctx, ix->loc, dd_qualified(ctx, ix->schema, ix->name, NULL), NULL,
				  "the name PostgreSQL generates for this index is longer than 63 bytes and is cut to "
				  "'%s', which can collide with others; name the index", ix->name);
	}
}

const dd_rule dd_rule_naming_identifier_length = {
	.id = "naming/identifier-length",
	.summary = "No name is longer than 63 bytes, written or generated",
	.severity = DD_SEV_ERROR,
	.description =
		"Reports a name the SQL defines that is longer than 63 bytes: of a table, column, constraint "
		"(in CREATE TABLE or ALTER TABLE ... ADD CONSTRAINT), index, type (enum, domain, range, "
		"composite), function or procedure, sequence, view, trigger or schema, or the new name of a "
		"RENAME. The length is the source token's, in bytes of UTF-8, as PostgreSQL's lexer reads "
		"it: quotes removed (\"\" is one byte), U&\"...\" escapes decoded. The message gives the "
		"whole name and what PostgreSQL keeps: the first 63 bytes, cut back to a character "
		"boundary. Also reports an unnamed constraint or index whose generated name "
		"(<table>_<columns>_fkey, ..._key, ..._idx) PostgreSQL would have to cut to 63 bytes.",
	.why = "PostgreSQL truncates longer names with only a NOTICE. Two long names that share their "
	       "first 63 bytes become the same name, the second CREATE fails or an ALTER hits the wrong "
	       "object, and the name in the catalog is not the one in the code.",
	.bad = "CREATE TABLE customer_subscription_billing_adjustment_history_entries_archive (\n"
	       "    id uuid PRIMARY KEY\n);\n",
	.good = "CREATE TABLE billing_adjustment_archives (\n    id uuid PRIMARY KEY\n);\n",
	.visits = dd_defname_visits,
	.visit = visit,
	.finish = finish,
};
