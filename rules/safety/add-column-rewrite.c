/*
 * safety/add-column-rewrite: no ADD COLUMN that rewrites a table that exists before the
 * migration: a volatile default, a stored generated column, an identity or serial column (and
 * before PostgreSQL 11, any default).
 */
#include "ddlint/rule.h"

static const char *fix_for(dd_ctx *ctx, const char *table, const char *col, const char *why)
{
	if (strstr(why, "generated"))
		return dd_sprintf(ctx, "add %s as a plain nullable column, keep it filled with a trigger, fill the old rows in "
				  "batches, or compute it in a view", col);
	if (strstr(why, "identity") || strstr(why, "serial"))
		return dd_sprintf(ctx, "add %s as a plain nullable column; create the sequence and SET DEFAULT nextval(...) for new "
				  "rows (a catalog change only); fill the old rows in batches; then NOT NULL (see safety/set-not-null)", col);
	if (strstr(why, "PostgreSQL 1") || strstr(why, "stores it"))
		return dd_sprintf(ctx, "ALTER TABLE %s ADD COLUMN %s without the default; then ALTER COLUMN %s SET DEFAULT ... (new "
				  "rows only); fill the old rows in batches", table, col, col);
	return dd_sprintf(ctx, "ALTER TABLE %s ADD COLUMN %s without the default; then ALTER TABLE %s ALTER COLUMN %s SET DEFAULT ... "
			  "(evaluated for new rows only, no rewrite); fill the old rows in batches", table, col, table, col);
}

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	const PgQuery__AlterTableStmt *as = st->file->report ? dd_alter_existing_table(ctx, st) : NULL;
	if (!as)
		return;
	const dd_table *t = dd_rangevar_table(ctx, as->relation);
	const char *table = dd_rangevar_name(ctx, as->relation, NULL);
	for (size_t i = 0; i < as->n_cmds; i++) {
		const PgQuery__AlterTableCmd *cmd = dd_alter_cmd(as, i);
		if (!cmd || cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn || !cmd->def ||
		    cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
			continue;
		const PgQuery__ColumnDef *cd = cmd->def->column_def;
		if (t && dd_table_column(t, cd->colname))
			continue;   /* ADD COLUMN IF NOT EXISTS of a column that is there: nothing happens */
		dd_loc l = cd->location >= st->offset && cd->location < st->offset + st->len ? dd_name_loc(st->file, cd->location)
											      : dd_name_loc(st->file, st->offset);
		dd_checked(ctx, l, dd_rangevar_name(ctx, as->relation, cd->colname));
		const char *why = dd_add_column_rewrites(ctx, cd, dd_ctx_postgres_version(ctx));
		if (!why)
			continue;
		dd_report(ctx, l, dd_rangevar_name(ctx, as->relation, cd->colname),
			  fix_for(ctx, table, cd->colname, why),
			  "ADD COLUMN %s rewrites %s, which exists before this migration, under an ACCESS EXCLUSIVE lock that blocks "
			  "every read and write: %s", cd->colname, table, why);
	}
}

const dd_rule dd_rule_safety_add_column_rewrite = {
	.id = "safety/add-column-rewrite",
	.summary = "No ADD COLUMN that rewrites an existing table (volatile default, stored generated, identity, serial)",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports ALTER TABLE ... ADD COLUMN on a table that exists before the migration when "
		"PostgreSQL must write a value into every row, rewriting the table under ALTER TABLE's ACCESS "
		"EXCLUSIVE lock: a default that calls a VOLATILE function (clock_timestamp(), random(), "
		"gen_random_uuid(), uuid_generate_v4(), nextval(), ... as pg_proc marks them; now() and "
		"CURRENT_TIMESTAMP are STABLE and cost nothing), a serial/bigserial/smallserial column, an "
		"identity column, a stored generated column. Since PostgreSQL 11 a non-volatile default is "
		"stored once in the catalog (ALTER TABLE's notes: \"the default value is evaluated at the "
		"time of the statement and the result stored in the table's metadata\"); with "
		"safety.postgres_version below 11 every non-null default is reported. A function the "
		"migrations create is judged by its CREATE FUNCTION: VOLATILE unless it says IMMUTABLE or "
		"STABLE (PostgreSQL's default); functions made elsewhere (an extension, another tool) are "
		"not judged, their volatility is not known. Tables created "
		"in the same migration are exempt; plain schema files are judged only with "
		"safety.assume_existing.",
	.why = "A rewrite copies the whole table and rebuilds its indexes while no query can touch it.",
	.bad = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY);\n"
	       "-- file: 0002_users_token.sql\nALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();\n",
	.good = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY);\n"
		"-- file: 0002_users_token.sql\nALTER TABLE users ADD COLUMN token uuid;\n"
		"ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();\n",
	.statement = statement,
};
