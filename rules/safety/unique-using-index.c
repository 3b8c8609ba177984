/*
 * safety/unique-using-index: a PRIMARY KEY or UNIQUE constraint added to a table that exists
 * before the migration uses USING INDEX of an index built CONCURRENTLY beforehand.
 */
#include "ddlint/rule.h"

static dd_loc at(const dd_stmt *st, int location)
{
	if (location >= st->offset && location < st->offset + st->len)
		return dd_name_loc(st->file, location);
	dd_loc l = { st->file, st->offset, dd_name_loc(st->file, st->offset).len };
	return l;
}

static const char *cols(dd_ctx *ctx, const PgQuery__Constraint *c, const char *column)
{
	if (column)
		return column;
	char *s = dd_strdup(ctx, "");
	for (size_t i = 0; i < c->n_keys; i++) {
		const char *k = dd_string_node(c->keys[i]);
		s = dd_sprintf(ctx, "%s%s%s", s, i ? ", " : "", k ? k : "?");
	}
	return s;
}

static void report(dd_ctx *ctx, const dd_stmt *st, const PgQuery__RangeVar *rv, const PgQuery__Constraint *c, const char *column)
{
	const dd_table *t = dd_rangevar_table(ctx, rv);
	const char *table = t ? dd_qualified(ctx, t->schema, t->name, NULL)
			      : dd_qualified(ctx, dd_rangevar_schema(ctx, rv), rv->relname, NULL);
	bool pk = c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
	const char *kind = pk ? "PRIMARY KEY" : "UNIQUE";
	const char *name = *c->conname ? c->conname : pk ? dd_sprintf(ctx, "%s_pkey", rv->relname) : "<name>";
	const char *fix;
	if (t && t->partitioned)
		fix = dd_sprintf(ctx, "%s is partitioned, and PostgreSQL cannot build its index concurrently nor add a constraint "
				 "USING INDEX to it: add the constraint to each partition that way, in a maintenance window for the "
				 "partitioned table", table);
	else
		fix = dd_sprintf(ctx, "%sCREATE UNIQUE INDEX CONCURRENTLY %s ON %s (%s) (outside a transaction block); then ALTER TABLE %s "
				 "ADD CONSTRAINT %s %s USING INDEX %s, which only takes the lock briefly%s",
				 column ? dd_sprintf(ctx, "add column %s first, without %s; then ", column, kind) : "",
				 name, table, cols(ctx, c, column), table, name, kind, name,
				 pk ? " (a PRIMARY KEY also needs its columns NOT NULL: see safety/set-not-null)" : "");
	dd_report(ctx, at(st, c->location), table, fix,
		  "%s without USING INDEX on %s, which exists before this migration: it builds its unique index under an ACCESS "
		  "EXCLUSIVE lock, blocking every read and write until the build ends", kind, table);
}

/* Judged: a PRIMARY KEY or UNIQUE added to a table in use (the key report() gives). */
static void checked(dd_ctx *ctx, const dd_stmt *st, const PgQuery__RangeVar *rv, const PgQuery__Constraint *c)
{
	const dd_table *t = dd_rangevar_table(ctx, rv);
	dd_checked(ctx, at(st, c->location), t ? dd_qualified(ctx, t->schema, t->name, NULL)
					       : dd_qualified(ctx, dd_rangevar_schema(ctx, rv), rv->relname, NULL));
}

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	const PgQuery__AlterTableStmt *as = st->file->report ? dd_alter_existing_table(ctx, st) : NULL;
	if (!as)
		return;
	for (size_t i = 0; i < as->n_cmds; i++) {
		const PgQuery__AlterTableCmd *cmd = dd_alter_cmd(as, i);
		if (!cmd)
			continue;
		const PgQuery__Node *def = cmd->def;
		if (!def)
			continue;
		if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint && def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
			const PgQuery__Constraint *c = def->constraint;
			if (c->contype != PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY && c->contype != PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)
				continue;
			checked(ctx, st, as->relation, c);
			if (!*c->indexname)
				report(ctx, st, as->relation, c, NULL);
		} else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
			const PgQuery__ColumnDef *cd = def->column_def;
			for (size_t k = 0; k < cd->n_constraints; k++) {
				const PgQuery__Node *cn = cd->constraints[k];
				if (cn->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
				    (cn->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ||
				     cn->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)) {
					checked(ctx, st, as->relation, cn->constraint);
					report(ctx, st, as->relation, cn->constraint, cd->colname);
				}
			}
		}
	}
}

const dd_rule dd_rule_safety_unique_using_index = {
	.id = "safety/unique-using-index",
	.summary = "PRIMARY KEY and UNIQUE on an existing table are added USING INDEX of a concurrently built index",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports ALTER TABLE ... ADD PRIMARY KEY and ADD UNIQUE without USING INDEX, and ADD COLUMN "
		"... UNIQUE / PRIMARY KEY, on a table that exists before the migration. PostgreSQL builds the "
		"constraint's unique index while holding ACCESS EXCLUSIVE on the table (ALTER TABLE's lock for "
		"these constraints; the Explicit Locking list: \"many forms of ALTER TABLE\"), so every read "
		"and write waits for the whole build. Built first with CREATE UNIQUE INDEX CONCURRENTLY, the "
		"index becomes the constraint with ADD CONSTRAINT ... USING INDEX, which only changes the "
		"catalog. Tables created in the same migration are exempt; plain schema files are judged only "
		"with safety.assume_existing.",
	.why = "Building a unique index on a big table takes minutes; under ACCESS EXCLUSIVE the table is "
	       "unavailable for all of them.",
	.bad = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
	       "-- file: 0002_users_email_unique.sql\nALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email);\n",
	.good = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
		"-- file: 0002_users_email_index.sql\nCREATE UNIQUE INDEX CONCURRENTLY uq_users_email ON users (email);\n"
		"-- file: 0003_users_email_unique.sql\n"
		"ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email;\n",
	.statement = statement,
};
