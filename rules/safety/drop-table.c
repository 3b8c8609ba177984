/* safety/drop-table: DROP TABLE of a table that exists before the migration. */
#include "ddlint/rule.h"

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	if (st->node->node_case != PG_QUERY__NODE__NODE_DROP_STMT || !st->file->report)
		return;
	const PgQuery__DropStmt *ds = st->node->drop_stmt;
	if (ds->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
		return;
	const dd_model *m = dd_ctx_model(ctx);
	for (size_t i = 0; i < ds->n_objects; i++) {
		const PgQuery__List *l = ds->objects[i]->list;
		if (!l || !l->n_items)
			continue;
		const char *name = dd_name_last(l->items, l->n_items);
		const char *schema = l->n_items >= 2 ? dd_string_node(l->items[l->n_items - 2]) : NULL;
		const dd_table *t = dd_model_table(m, schema, name);
		if (!t && ds->missing_ok && dd_model_dropped_table(m, schema, name))
			continue;   /* IF EXISTS of a table dropped before: nothing is dropped */
		if (!dd_stmt_on_existing(ctx, st, t ? t->made_in : NULL))
			continue;
		const char *object = dd_qualified(ctx, t ? t->schema : dd_model_schema_for(dd_ctx_model(ctx), schema), name, NULL);
		dd_checked(ctx, dd_stmt_find_name(ctx, st, name), object);
		dd_report(ctx, dd_stmt_find_name(ctx, st, name), object,
			  "first deploy code that no longer uses the table, then drop it in a later migration (renaming it "
			  "aside first makes the drop reversible for a release)",
			  "DROP TABLE '%s', a table that exists before this migration: its data is gone and running code that "
			  "still queries it fails (the statement takes an ACCESS EXCLUSIVE lock on it%s)",
			  object, ds->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE
				  ? "; CASCADE also drops the views and foreign keys that depend on it" : "");
	}
}

const dd_rule dd_rule_safety_drop_table = {
	.id = "safety/drop-table",
	.summary = "No DROP TABLE of a table in use: its data and the code that queries it",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports DROP TABLE of a table that exists before the migration being judged: one an earlier "
		"migration or a context file created, or one the linted files never create. A table created by the "
		"same migration is exempt; so is DROP TABLE IF EXISTS of a table an earlier statement already "
		"dropped. Downs are never judged; a plain schema file only with safety.assume_existing. DROP "
		"TABLE takes an ACCESS EXCLUSIVE lock on the table (PostgreSQL documentation, 13.3 Explicit "
		"Locking, lists DROP TABLE under ACCESS EXCLUSIVE); with CASCADE it also drops the views and "
		"foreign key constraints that depend on it, which the message says.",
	.why = "The table's rows cannot be brought back by a down migration, and the release still running "
	       "while the migration is applied queries the table: those requests fail until the new code is "
	       "everywhere.",
	.bad = "-- file: 0001_sessions.sql\nCREATE TABLE sessions (id bigint PRIMARY KEY, token text);\n"
	       "-- file: 0002_drop_sessions.sql\nDROP TABLE sessions;\n",
	.good = "-- file: 0001_sessions.sql\nCREATE TABLE sessions_tmp (id bigint PRIMARY KEY, token text);\n"
		"-- a table of the same migration: nothing uses it yet\nDROP TABLE sessions_tmp;\n",
	.statement = statement,
};
