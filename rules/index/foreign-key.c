/*
 * index/foreign-key: every foreign key can be checked through an index on the
 * referencing table. Decided after the last file, since the index may come later.
 *
 * When a referenced row is deleted or its key updated, PostgreSQL looks up the
 * referencing rows with "WHERE fk_col1 = $1 AND fk_col2 = $2". Any B-tree whose
 * leading columns are exactly the foreign key's columns, in any order, serves
 * that equality lookup; so does a partial index whose predicate the lookup
 * implies (fk_col IS NOT NULL). Tools that demand the same column order, or only
 * look at the first column, disagree with what the planner can use.
 */
#include "ddlint/rule.h"

static bool in_list(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

/* Is `pred` implied by "col = $1" for every foreign-key column? Only IS NOT NULL tests of them (ANDed) are. */
static bool predicate_implied(const PgQuery__Node *pred, const dd_constraint *fk)
{
	if (!pred)
		return true;
	if (pred->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR &&
	    pred->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) {
		for (size_t i = 0; i < pred->bool_expr->n_args; i++)
			if (!predicate_implied(pred->bool_expr->args[i], fk))
				return false;
		return true;
	}
	if (pred->node_case == PG_QUERY__NODE__NODE_NULL_TEST &&
	    pred->null_test->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL) {
		const PgQuery__Node *arg = pred->null_test->arg;
		if (arg && arg->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && arg->column_ref->n_fields) {
			const char *col = dd_string_node(arg->column_ref->fields[arg->column_ref->n_fields - 1]);
			return col && in_list(fk->columns, fk->n_columns, col);
		}
	}
	return false;
}

static bool index_covers(const dd_index *ix, const dd_constraint *fk)
{
	if (ix->dropped || ix->n_elems < fk->n_columns || fk->n_columns == 0)
		return false;
	/* equality lookups: B-tree on leading columns; a hash index only on a single column */
	bool btree = strcmp(ix->method, "btree") == 0;
	bool hash = strcmp(ix->method, "hash") == 0 && fk->n_columns == 1;
	if (!btree && !hash)
		return false;
	for (size_t i = 0; i < fk->n_columns; i++) {
		const char *col = ix->elems[i].column;
		if (!col || !in_list(fk->columns, fk->n_columns, col))
			return false;
		for (size_t k = 0; k < i; k++)   /* the same column twice does not cover two */
			if (ix->elems[k].column && strcmp(ix->elems[k].column, col) == 0)
				return false;
	}
	return predicate_implied(ix->predicate_node, fk);
}

static void finish(dd_ctx *ctx)
{
	const dd_table *t;
	for (size_t i = 0; (t = dd_next_table(ctx, &i, DD_SKIP_TEMP)) != NULL;) {
		for (size_t c = 0; c < t->n_constraints; c++) {
			const dd_constraint *fk = t->constraints[c];
			if (fk->kind != DD_CON_FOREIGN || fk->n_columns == 0 || fk->inherited)
				continue;   /* a partition's copy is judged through its partitioned table's key */
			dd_checked(ctx, fk->loc, dd_qualified(ctx, t->schema, t->name, fk->name));
			bool covered = false;
			for (size_t k = 0; k < t->n_indexes && !covered; k++)
				covered = index_covers(t->indexes[k], fk);
			if (covered)
				continue;
			char *cols = dd_strdup(ctx, "");
			char *under = dd_strdup(ctx, "");
			for (size_t k = 0; k < fk->n_columns; k++) {
				cols = dd_sprintf(ctx, "%s%s%s", cols, k ? ", " : "", fk->columns[k]);
				under = dd_sprintf(ctx, "%s_%s", under, fk->columns[k]);
			}
			const char *name = dd_fit_name(ctx, dd_sprintf(ctx, "idx_%s%s", t->name, under), NULL);
			const char *fix = dd_sprintf(ctx, "CREATE INDEX %s ON %s.%s (%s);", name, t->schema, t->name, cols);
			dd_report(ctx, fk->loc, dd_qualified(ctx, t->schema, t->name, fk->name), fix,
				  "foreign key '%s' on %s.%s (%s) has no index starting with its columns; "
				  "deletes and key updates on %s.%s scan the whole table",
				  fk->name, t->schema, t->name, cols, fk->ref_schema ? fk->ref_schema : t->schema,
				  fk->ref_table ? fk->ref_table : "?");
		}
	}
}

const dd_rule dd_rule_index_foreign_key = {
	.id = "index/foreign-key",
	.summary = "Every foreign key has an index starting with its columns",
	.severity = DD_SEV_WARNING,
	.description =
		"Once every file has been replayed, each foreign key must be served by an index on the "
		"referencing table whose leading columns are the foreign key's columns, in any order. A "
		"primary key or unique constraint counts; an expression in those leading positions does not; "
		"a partial index counts only when the lookup fk_col = $1 implies its predicate (as with "
		"WHERE fk_col IS NOT NULL). The copies PostgreSQL makes of a partitioned table's foreign key on its "
		"partitions are judged once, through the partitioned table's (an index made on it is made on each "
		"partition). Reported at the foreign key, with the CREATE INDEX that fixes it (its name "
		"shortened to 63 bytes when longer: README \"Suggested names\").",
	.why = "PostgreSQL indexes the referenced key but not the referencing columns. Without such an "
	       "index every DELETE or key UPDATE on the referenced table scans the referencing table, "
	       "under a lock, and joins along the relationship cannot use an index. The equality lookup "
	       "PostgreSQL runs can use any B-tree whose leading columns are the key's, in any order.",
	.bad = "CREATE TABLE users (id uuid PRIMARY KEY);\n"
	       "CREATE TABLE orders (\n    id uuid PRIMARY KEY,\n    user_id uuid NOT NULL REFERENCES users (id)\n);\n",
	.good = "CREATE TABLE users (id uuid PRIMARY KEY);\n"
		"CREATE TABLE orders (\n    id uuid PRIMARY KEY,\n    user_id uuid NOT NULL REFERENCES users (id)\n);\n"
		"CREATE INDEX idx_orders_user_id ON orders (user_id);\n",
	.finish = finish,
};
