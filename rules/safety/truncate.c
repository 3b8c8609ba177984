/* safety/truncate: TRUNCATE of a table that exists before the migration (CASCADE called out). */
#include "ddlint/rule.h"

/* The tables with a foreign key to t (that CASCADE empties too), as "a, b" (at most 4 named). */
static const char *referencing(dd_ctx *ctx, const dd_table *t)
{
	const dd_model *m = dd_ctx_model(ctx);
	const char *list = NULL;
	int n = 0;
	for (size_t i = 0; i < m->n_tables; i++) {
		const dd_table *o = m->tables[i];
		if (o->dropped || o == t)
			continue;
		for (size_t k = 0; k < o->n_constraints; k++) {
			const dd_constraint *c = o->constraints[k];
			if (c->kind != DD_CON_FOREIGN || strcmp(c->ref_table, t->name) != 0 ||
			    dd_model_table(m, c->ref_schema, c->ref_table) != t)
				continue;
			if (++n <= 4)
				list = list ? dd_sprintf(ctx, "%s, %s", list, o->name) : o->name;
			break;
		}
	}
	return n > 4 ? dd_sprintf(ctx, "%s and %d more", list, n - 4) : list;
}

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	if (st->node->node_case != PG_QUERY__NODE__NODE_TRUNCATE_STMT || !st->file->report)
		return;
	const PgQuery__TruncateStmt *ts = st->node->truncate_stmt;
	bool cascade = ts->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
	for (size_t i = 0; i < ts->n_relations; i++) {
		const PgQuery__RangeVar *rv = ts->relations[i]->range_var;
		if (!rv)
			continue;
		const char *schema = rv->schemaname[0] ? rv->schemaname : NULL;
		const dd_table *t = dd_model_table(dd_ctx_model(ctx), schema, rv->relname);
		if (!dd_stmt_on_existing(ctx, st, t ? t->made_in : NULL))
			continue;
		const char *object = dd_qualified(ctx, t ? t->schema : dd_model_schema_for(dd_ctx_model(ctx), schema), rv->relname, NULL);
		dd_checked(ctx, dd_name_loc(st->file, rv->location), object);
		const char *also = "";
		if (cascade) {
			const char *refs = t ? referencing(ctx, t) : NULL;
			also = refs ? dd_sprintf(ctx, "; CASCADE also empties every table with a foreign key to it, here %s", refs)
				    : "; CASCADE also empties every table with a foreign key to it, recursively";
		}
		dd_report(ctx, dd_name_loc(st->file, rv->location), object,
			  cascade ? "name every table to empty and drop CASCADE; delete the rows in batches in a data migration if "
				    "the table is in use"
				  : "delete the rows in batches (DELETE ... WHERE id IN (SELECT id ... LIMIT 10000)) in a data migration, "
				    "or empty the table before it is in use",
			  "TRUNCATE of '%s', a table that exists before this migration: every row is gone for good and the "
			  "statement waits for, then holds, an ACCESS EXCLUSIVE lock on it until the migration commits, "
			  "blocking every read and write%s", object, also);
	}
}

const dd_rule dd_rule_safety_truncate = {
	.id = "safety/truncate",
	.summary = "No TRUNCATE of a table in use (CASCADE empties the tables that reference it too)",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports TRUNCATE of a table that exists before the migration being judged (created by an earlier "
		"migration or a context file, or never created by the linted files); a table created by the same "
		"migration is exempt. TRUNCATE takes an ACCESS EXCLUSIVE lock on each table it empties (PostgreSQL "
		"documentation, 13.3 Explicit Locking, lists TRUNCATE under ACCESS EXCLUSIVE), held to the end of "
		"the transaction. With CASCADE the message says so and names the tables of the model that have a "
		"foreign key to it: PostgreSQL empties those too, and the tables that reference them. Downs are "
		"never judged; a plain schema file only with safety.assume_existing.",
	.why = "A migration that empties a live table loses its data for good (a down cannot bring rows back), "
	       "and the ACCESS EXCLUSIVE lock blocks even reads of the table until the migration commits. "
	       "CASCADE reaches tables the statement does not name.",
	.bad = "-- file: 0001_events.sql\nCREATE TABLE events (id bigint PRIMARY KEY);\n"
	       "-- file: 0002_reset.sql\nTRUNCATE events;\n",
	.good = "-- file: 0001_events.sql\nCREATE TABLE events (id bigint PRIMARY KEY);\n"
		"-- file: 0002_prune.sql\nDELETE FROM events WHERE id < 1000;\n",
	.statement = statement,
};
