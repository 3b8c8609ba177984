/* safety/rename-column: ALTER TABLE ... RENAME COLUMN of a column that exists before the migration. */
#include "ddlint/rule.h"

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	if (st->node->node_case != PG_QUERY__NODE__NODE_RENAME_STMT || !st->file->report)
		return;
	const PgQuery__RenameStmt *rs = st->node->rename_stmt;
	if (rs->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN || rs->relation_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ||
	    !rs->relation || !rs->subname || !rs->newname)
		return;
	const char *schema = rs->relation->schemaname[0] ? rs->relation->schemaname : NULL;
	const dd_table *t = dd_model_table(dd_ctx_model(ctx), schema, rs->relation->relname);
	const dd_column *col = t ? dd_table_column(t, rs->subname) : NULL;
	if (t && !col && rs->missing_ok)
		return;
	if (!dd_stmt_on_existing(ctx, st, col ? col->made_in : t ? t->made_in : NULL))
		return;
	const char *object = dd_qualified(ctx, t ? t->schema : dd_model_schema_for(dd_ctx_model(ctx), schema), rs->relation->relname, rs->subname);
	dd_checked(ctx, dd_find_ident(ctx, rs->relation->location, rs->subname), object);
	dd_report(ctx, dd_find_ident(ctx, rs->relation->location, rs->subname), object,
		  dd_sprintf(ctx, "add column %s beside %s, write both and backfill, move the code to %s, and drop %s in a later "
			     "migration (or keep the old name)", rs->newname, rs->subname, rs->newname, rs->subname),
		  "RENAME COLUMN '%s' TO '%s' of a table that exists before this migration: running code that still uses '%s' "
		  "fails from the moment it commits (the statement takes an ACCESS EXCLUSIVE lock on the table)",
		  rs->subname, rs->newname, rs->subname);
}

const dd_rule dd_rule_safety_rename_column = {
	.id = "safety/rename-column",
	.summary = "No RENAME COLUMN of a column in use: running code still uses the old name",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports ALTER TABLE ... RENAME COLUMN of a column that exists before the migration being judged "
		"(created by an earlier migration or a context file, or of a table the linted files never "
		"create). A column or table created by the same migration is exempt. Downs are never judged; a "
		"plain schema file only with safety.assume_existing. The rename takes an ACCESS EXCLUSIVE lock on "
		"the table (PostgreSQL documentation, 13.3 Explicit Locking: \"many forms of ALTER TABLE\"), "
		"briefly, and changes the name under the application deployed at that moment. The suggestion is "
		"the expand and contract sequence.",
	.why = "The code running while the migration is applied (and any replica of the old release) names the "
	       "old column: every query that does fails with 'column does not exist' until the new code is "
	       "everywhere, and the new code fails the same way if it starts before the migration.",
	.bad = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, mail text);\n"
	       "-- file: 0002_rename.sql\nALTER TABLE users RENAME COLUMN mail TO email;\n",
	.good = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, mail text);\n"
		"-- the table is new in this migration: nothing uses the column yet\n"
		"ALTER TABLE users RENAME COLUMN mail TO email;\n"
		"-- file: 0002_expand.sql\nALTER TABLE users ADD COLUMN contact_email text;\n"
		"UPDATE users SET contact_email = email WHERE contact_email IS NULL;\n",
	.statement = statement,
};
