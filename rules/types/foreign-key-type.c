/* types/foreign-key-type: a foreign key column has the type of the column it references. */
#include "ddlint/rule.h"

static void finish(dd_ctx *ctx)
{
	const dd_model *m = dd_ctx_model(ctx);
	const dd_table *t;
	for (size_t i = 0; (t = dd_next_table(ctx, &i, 0)) != NULL;) {
		for (size_t c = 0; c < t->n_constraints; c++) {
			const dd_constraint *fk = t->constraints[c];
			if (fk->kind != DD_CON_FOREIGN || !fk->ref_table)
				continue;
			const dd_table *rt = dd_model_table(m, fk->ref_schema, fk->ref_table);
			if (!rt)
				continue;   /* a table outside the linted files */
			const char *const *ref_cols = fk->ref_columns;
			size_t n_ref = fk->n_ref_columns;
			if (n_ref == 0) {
				const dd_constraint *pk = dd_table_primary_key(rt);
				if (!pk)
					continue;
				ref_cols = pk->columns;
				n_ref = pk->n_columns;
			}
			for (size_t k = 0; k < fk->n_columns && k < n_ref; k++) {
				const dd_column *a = dd_table_column(t, fk->columns[k]);
				const dd_column *b = dd_table_column(rt, ref_cols[k]);
				if (!a || !b)
					continue;   /* schema/unknown-reference reports missing columns */
				dd_checked(ctx, fk->loc, dd_qualified(ctx, t->schema, t->name, a->name));
				const dd_type *ta = dd_model_base_type(m, &a->type), *tb = dd_model_base_type(m, &b->type);
				if (dd_type_same(ta, tb))
					continue;
				dd_report(ctx, fk->loc, dd_qualified(ctx, t->schema, t->name, a->name), tb->text,
					  "foreign key '%s': column '%s.%s' is %s but references '%s.%s', which is %s",
					  fk->name, t->name, a->name, ta->text, rt->name, b->name, tb->text);
			}
		}
	}
}

const dd_rule dd_rule_types_foreign_key_type = {
	.id = "types/foreign-key-type",
	.summary = "A foreign key column has the same type as the column it references",
	.severity = DD_SEV_ERROR,
	.description =
		"Once every file has been replayed, each column of a foreign key must have the type of the "
		"column it references (the referenced table's primary key when no columns are named), "
		"comparing base types with domains resolved and ignoring length and precision modifiers. "
		"References to tables outside the linted files are not checked. Reported at the foreign key.",
	.why = "Incompatible types (bigint referencing uuid) make PostgreSQL refuse the constraint when the "
	       "migration runs, not when it is written. Compatible but different types (integer "
	       "referencing bigint) are accepted and silently limit the range of the reference, and every "
	       "join along it needs a cast.",
	.bad = "CREATE TABLE users (id bigint PRIMARY KEY);\n"
	       "CREATE TABLE orders (\n    id bigint PRIMARY KEY,\n    user_id integer REFERENCES users (id)\n);\n",
	.good = "CREATE TABLE users (id bigint PRIMARY KEY);\n"
		"CREATE TABLE orders (\n    id bigint PRIMARY KEY,\n    user_id bigint REFERENCES users (id)\n);\n",
	.finish = finish,
};
