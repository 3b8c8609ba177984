/* safety/unbounded-dml: UPDATE or DELETE without WHERE on a table that exists before the migration. */
#include "ddlint/rule.h"

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	const PgQuery__RangeVar *rv;
	const char *verb;
	bool where;
	if (st->node->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT) {
		rv = st->node->update_stmt->relation;
		verb = "UPDATE";
		where = st->node->update_stmt->where_clause;
	} else if (st->node->node_case == PG_QUERY__NODE__NODE_DELETE_STMT) {
		rv = st->node->delete_stmt->relation;
		verb = "DELETE";
		where = st->node->delete_stmt->where_clause;
	} else {
		return;
	}
	if (!rv || !st->file->report)
		return;
	const char *schema = rv->schemaname[0] ? rv->schemaname : NULL;
	const dd_table *t = dd_model_table(dd_ctx_model(ctx), schema, rv->relname);
	if (!dd_stmt_on_existing(ctx, st, t ? t->made_in : NULL))
		return;
	const char *object = dd_qualified(ctx, t ? t->schema : dd_model_schema_for(dd_ctx_model(ctx), schema), rv->relname, NULL);
	dd_checked(ctx, dd_name_loc(st->file, rv->location), object);   /* judged: an UPDATE or DELETE of a table in use */
	if (where)
		return;
	dd_report(ctx, dd_name_loc(st->file, rv->location), object,
		  dd_sprintf(ctx, "%s in batches outside the schema migration: %s ... WHERE id IN (SELECT id FROM %s WHERE "
			     "<not done yet> LIMIT 10000), repeated until no row is left", *verb == 'U' ? "update" : "delete",
			     verb, rv->relname),
		  "%s without WHERE on '%s', a table that exists before this migration: it %s every row in one transaction, "
		  "holding a ROW EXCLUSIVE lock on the table and a lock on each row until the migration commits",
		  verb, object, *verb == 'U' ? "rewrites" : "deletes");
}

const dd_rule dd_rule_safety_unbounded_dml = {
	.id = "safety/unbounded-dml",
	.summary = "No UPDATE or DELETE without WHERE on a table in use",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports UPDATE and DELETE without a WHERE clause in a migration, on a table that exists before the "
		"migration being judged (created by an earlier migration or a context file, or never created by "
		"the linted files); a table created by the same migration is exempt (it holds only what the "
		"migration put in). Statements inside a DO block count. The statement takes a ROW EXCLUSIVE lock on "
		"the table (PostgreSQL documentation, 13.3 Explicit Locking: \"The commands UPDATE, DELETE, ... "
		"acquire this lock mode on the target table\") and a row lock on every row it changes, held until "
		"the migration commits. Downs are never judged; a plain schema file only with "
		"safety.assume_existing.",
	.why = "On a large table one UPDATE rewrites every row (a new row version each, all in one transaction), "
	       "blocks every concurrent writer of any row until the migration commits, and bloats the table; a "
	       "DELETE without WHERE empties it. Batches of a few thousand rows, each committed, do neither.",
	.bad = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, active boolean);\n"
	       "-- file: 0002_backfill.sql\nUPDATE users SET active = true;\n",
	.good = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, active boolean);\n"
		"-- file: 0002_backfill.sql\nUPDATE users SET active = true WHERE active IS NULL AND id < 10000;\n",
	.statement = statement,
};
