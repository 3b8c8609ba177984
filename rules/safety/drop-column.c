/* safety/drop-column: ALTER TABLE ... DROP COLUMN of a column that exists before the migration. */
#include "ddlint/rule.h"

static void drop_column(dd_ctx *ctx, const dd_stmt *st, const PgQuery__AlterTableStmt *as, const PgQuery__AlterTableCmd *c)
{
	const dd_table *t = dd_model_table(dd_ctx_model(ctx), as->relation->schemaname[0] ? as->relation->schemaname : NULL,
					   as->relation->relname);
	const dd_column *col = t ? dd_table_column(t, c->name) : NULL;
	if (t && !col && c->missing_ok)
		return;   /* IF EXISTS of a column the table lacks: nothing is dropped */
	/* a column added by the same migration, even to an old table, is not in use yet */
	const dd_file *made = col ? col->made_in : t ? t->made_in : NULL;
	if (!dd_stmt_on_existing(ctx, st, made))
		return;
	const char *schema = t ? t->schema : dd_model_schema_for(dd_ctx_model(ctx), as->relation->schemaname[0] ? as->relation->schemaname : NULL);
	const char *object = dd_qualified(ctx, schema, as->relation->relname, c->name);
	dd_checked(ctx, dd_find_ident(ctx, as->relation->location, c->name), object);
	dd_report(ctx, dd_find_ident(ctx, as->relation->location, c->name), object,
		  "first deploy code that no longer reads or writes the column (with an ORM, mark it ignored), then drop it in a later migration",
		  "DROP COLUMN '%s' of a table that exists before this migration: running code that still selects, inserts or "
		  "updates it fails the moment it is gone (and the statement waits for an ACCESS EXCLUSIVE lock on the table)",
		  c->name);
}

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	if (st->node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT || !st->file->report)
		return;
	const PgQuery__AlterTableStmt *as = st->node->alter_table_stmt;
	if (as->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !as->relation)
		return;
	for (size_t i = 0; i < as->n_cmds; i++) {
		const PgQuery__AlterTableCmd *c = dd_alter_cmd(as, i);
		if (c && c->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn && c->name)
			drop_column(ctx, st, as, c);
	}
}

const dd_rule dd_rule_safety_drop_column = {
	.id = "safety/drop-column",
	.summary = "No DROP COLUMN of a column in use: running code still reads and writes it",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports ALTER TABLE ... DROP COLUMN of a column that exists before the migration being judged: "
		"one an earlier migration (or a context file) created, or one of a table the linted files never "
		"create. A column created by the same migration, or a table created by it, is exempt: nothing runs "
		"against it yet. DROP COLUMN IF EXISTS of a column the table is known to lack drops nothing and is "
		"not reported. Downs are never judged (they undo their own up); a plain schema file only with "
		"safety.assume_existing. The statement takes an ACCESS EXCLUSIVE lock on the table (PostgreSQL "
		"documentation, 13.3 Explicit Locking: \"many forms of ALTER TABLE\"); it is quick (the column is "
		"only marked dropped), but the application deployed at that moment still names the column.",
	.why = "Migrations run before (or while) the new code is deployed: the old code still selects, inserts "
	       "and updates the column, and every such query fails with 'column does not exist' until the "
	       "deploy finishes. ORMs that list every mapped column in INSERTs break on any write.",
	.bad = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, email text, nickname text);\n"
	       "-- file: 0002_drop_nickname.sql\nALTER TABLE users DROP COLUMN nickname;\n",
	.good = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, email text, nickname text);\n"
		"-- the table is new in this migration: nothing uses the column yet\n"
		"ALTER TABLE users DROP COLUMN nickname;\n",
	.statement = statement,
};
