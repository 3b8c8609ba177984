/*
 * safety/set-not-null: SET NOT NULL on a table that exists before the migration comes after a
 * validated CHECK (col IS NOT NULL), which lets PostgreSQL 12+ skip the scan.
 */
#include "ddlint/rule.h"

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	const PgQuery__AlterTableStmt *as = st->file->report ? dd_alter_existing_table(ctx, st) : NULL;
	if (!as)
		return;
	const dd_table *t = dd_rangevar_table(ctx, as->relation);
	const char *table = dd_rangevar_name(ctx, as->relation, NULL);
	int version = dd_ctx_postgres_version(ctx);
	for (size_t i = 0; i < as->n_cmds; i++) {
		const PgQuery__AlterTableCmd *cmd = dd_alter_cmd(as, i);
		if (!cmd || cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull)
			continue;
		const dd_column *col = t ? dd_table_column(t, cmd->name) : NULL;
		if (col && col->not_null)
			continue;   /* already NOT NULL: PostgreSQL does nothing */
		dd_loc l = dd_find_ident(ctx, as->relation->location, cmd->name);
		if (!l.len)
			l = dd_name_loc(st->file, st->offset);
		dd_checked(ctx, l, dd_rangevar_name(ctx, as->relation, cmd->name));
		bool not_valid;
		if (!dd_set_not_null_scans(ctx, t, cmd->name, &not_valid))
			continue;
		const char *name = dd_fit_name(ctx, dd_sprintf(ctx, "chk_%s_%s_not_null", as->relation->relname, cmd->name), NULL);
		const char *fix;
		if (version < 12)
			fix = dd_sprintf(ctx, "PostgreSQL %d always scans for SET NOT NULL (12 and later use a validated CHECK "
					 "instead): keep the column nullable with CHECK (%s IS NOT NULL) NOT VALID and VALIDATE it, or "
					 "run it in a maintenance window", version, cmd->name);
		else if (not_valid)
			fix = dd_sprintf(ctx, "its CHECK (%s IS NOT NULL) is NOT VALID, which PostgreSQL cannot use: ALTER TABLE %s "
					 "VALIDATE CONSTRAINT ... in an earlier transaction, then SET NOT NULL", cmd->name, table);
		else
			fix = dd_sprintf(ctx, "ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s IS NOT NULL) NOT VALID; in a later transaction "
					 "ALTER TABLE %s VALIDATE CONSTRAINT %s; then ALTER TABLE %s ALTER COLUMN %s SET NOT NULL (no scan) "
					 "and DROP CONSTRAINT %s", table, name, cmd->name, table, name, table, cmd->name, name);
		dd_report(ctx, l, dd_rangevar_name(ctx, as->relation, cmd->name), fix,
			  "SET NOT NULL on %s.%s, which exists before this migration, reads every row under an ACCESS EXCLUSIVE "
			  "lock, blocking every read and write", table, cmd->name);
	}
}

const dd_rule dd_rule_safety_set_not_null = {
	.id = "safety/set-not-null",
	.summary = "SET NOT NULL on an existing table comes after a validated CHECK (col IS NOT NULL)",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports ALTER TABLE ... ALTER COLUMN ... SET NOT NULL on a table that exists before the "
		"migration, unless the column is NOT NULL already or (on PostgreSQL 12 and later, "
		"safety.postgres_version) a validated CHECK (column IS NOT NULL) constraint on the table "
		"proves it: ALTER TABLE's notes say SET NOT NULL then skips the full-table scan. Otherwise "
		"the scan runs under ALTER TABLE's ACCESS EXCLUSIVE lock. The suggestion is the sequence: "
		"ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a later "
		"transaction (SHARE UPDATE EXCLUSIVE), SET NOT NULL, DROP the CHECK. A CHECK that is still NOT "
		"VALID does not count. Tables created in the same migration are exempt; plain schema files are "
		"judged only with safety.assume_existing.",
	.why = "The scan of a big table under ACCESS EXCLUSIVE stops every query on it for as long as it takes.",
	.bad = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
	       "-- file: 0002_users_email_not_null.sql\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n",
	.good = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
		"-- file: 0002_users_email_check.sql\n"
		"ALTER TABLE users ADD CONSTRAINT chk_users_email_not_null CHECK (email IS NOT NULL) NOT VALID;\n"
		"-- file: 0003_users_email_validate.sql\nALTER TABLE users VALIDATE CONSTRAINT chk_users_email_not_null;\n"
		"-- file: 0004_users_email_not_null.sql\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n"
		"ALTER TABLE users DROP CONSTRAINT chk_users_email_not_null;\n",
	.statement = statement,
};
