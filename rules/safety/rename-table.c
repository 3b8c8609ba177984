/* safety/rename-table: ALTER TABLE ... RENAME TO of a table that exists before the migration. */
#include "ddlint/rule.h"

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	if (st->node->node_case != PG_QUERY__NODE__NODE_RENAME_STMT || !st->file->report)
		return;
	const PgQuery__RenameStmt *rs = st->node->rename_stmt;
	if (rs->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !rs->relation || !rs->newname)
		return;
	const char *schema = rs->relation->schemaname[0] ? rs->relation->schemaname : NULL;
	const dd_model *m = dd_ctx_model(ctx);
	const dd_table *t = dd_model_table(m, schema, rs->relation->relname);
	if (!t && rs->missing_ok && dd_model_dropped_table(m, schema, rs->relation->relname))
		return;
	if (!dd_stmt_on_existing(ctx, st, t ? t->made_in : NULL))
		return;
	const char *object = dd_qualified(ctx, t ? t->schema : dd_model_schema_for(dd_ctx_model(ctx), schema), rs->relation->relname, NULL);
	dd_checked(ctx, dd_name_loc(st->file, rs->relation->location), object);
	dd_report(ctx, dd_name_loc(st->file, rs->relation->location), object,
		  dd_sprintf(ctx, "rename it and leave a view under the old name for a release (CREATE VIEW %s AS SELECT * "
			     "FROM %s, which is updatable), or keep the name", rs->relation->relname, rs->newname),
		  "RENAME TO '%s' of table '%s', which exists before this migration: running code that still names '%s' fails "
		  "from the moment it commits (the statement takes an ACCESS EXCLUSIVE lock on the table)",
		  rs->newname, object, rs->relation->relname);
}

const dd_rule dd_rule_safety_rename_table = {
	.id = "safety/rename-table",
	.summary = "No RENAME of a table in use: running code still uses the old name",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports ALTER TABLE ... RENAME TO of a table that exists before the migration being judged "
		"(created by an earlier migration or a context file, or never created by the linted files). A "
		"table created by the same migration is exempt. Downs are never judged; a plain schema file only "
		"with safety.assume_existing. The rename takes an ACCESS EXCLUSIVE lock on the table (PostgreSQL "
		"documentation, 13.3 Explicit Locking: \"many forms of ALTER TABLE\") and changes the name under "
		"the release running at that moment. The suggestion leaves a view with the old name for one "
		"release (a simple view over one table is updatable).",
	.why = "The application deployed while the migration runs names the old table: its queries fail with "
	       "'relation does not exist' until the new code is everywhere.",
	.bad = "-- file: 0001_person.sql\nCREATE TABLE person (id bigint PRIMARY KEY);\n"
	       "-- file: 0002_rename.sql\nALTER TABLE person RENAME TO people;\n",
	.good = "-- file: 0001_person.sql\nCREATE TABLE person (id bigint PRIMARY KEY);\n"
		"-- the table is new in this migration\nALTER TABLE person RENAME TO people;\n",
	.statement = statement,
};
