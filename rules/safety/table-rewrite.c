/*
 * safety/table-rewrite: no VACUUM FULL, CLUSTER, SET TABLESPACE, SET LOGGED / UNLOGGED on a table
 * that exists before the migration: each copies the whole table under ACCESS EXCLUSIVE.
 */
#include "ddlint/rule.h"

static const char *name_of(dd_ctx *ctx, const PgQuery__RangeVar *rv)
{
	const dd_table *t = dd_rangevar_table(ctx, rv);
	if (t)
		return dd_qualified(ctx, t->schema, t->name, NULL);
	return dd_qualified(ctx, dd_rangevar_schema(ctx, rv), rv->relname, NULL);
}

static void report(dd_ctx *ctx, const dd_stmt *st, int location, const char *table, const char *what, const char *fix)
{
	dd_loc l = location >= st->offset && location < st->offset + st->len ? dd_name_loc(st->file, location)
									      : dd_name_loc(st->file, st->offset);
	dd_checked(ctx, l, table);   /* judged: a rewrite of a table in use (NULL: of them all, keyed by the line) */
	dd_report(ctx, l, table, fix, "%s rewrites %s under an ACCESS EXCLUSIVE lock that blocks every read and write until "
		  "the copy is done", what, table ? dd_sprintf(ctx, "%s, which exists before this migration,", table)
						 : "tables that exist before this migration, one after the other,");
}

static const char *repack = "pg_repack or pg_squeeze rebuild a table while it stays in use; else run it in a maintenance window";

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	if (st->down || !st->file->report)
		return;
	const PgQuery__Node *n = st->node;
	if (n->node_case == PG_QUERY__NODE__NODE_VACUUM_STMT) {
		const PgQuery__VacuumStmt *vs = n->vacuum_stmt;
		bool full = false;
		for (size_t i = 0; i < vs->n_options; i++)
			if (vs->options[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
			    strcmp(vs->options[i]->def_elem->defname, "full") == 0) {
				const char *arg = dd_string_node(vs->options[i]->def_elem->arg);
				full = !arg || (strcmp(arg, "false") != 0 && strcmp(arg, "off") != 0);
			}
		if (!vs->is_vacuumcmd || !full)
			return;
		if (!vs->n_rels && dd_stmt_on_existing(ctx, st, NULL))
			report(ctx, st, st->offset, NULL, "VACUUM FULL of the whole database", repack);
		for (size_t i = 0; i < vs->n_rels; i++) {
			const PgQuery__Node *r = vs->rels[i];
			if (r->node_case == PG_QUERY__NODE__NODE_VACUUM_RELATION && r->vacuum_relation->relation &&
			    dd_rangevar_existing(ctx, st, r->vacuum_relation->relation))
				report(ctx, st, r->vacuum_relation->relation->location, name_of(ctx, r->vacuum_relation->relation),
				       "VACUUM FULL", repack);
		}
	} else if (n->node_case == PG_QUERY__NODE__NODE_CLUSTER_STMT) {
		const PgQuery__RangeVar *rv = n->cluster_stmt->relation;
		if (!rv && dd_stmt_on_existing(ctx, st, NULL))
			report(ctx, st, st->offset, NULL, "CLUSTER of every clustered table", repack);
		else if (rv && dd_rangevar_existing(ctx, st, rv))
			report(ctx, st, rv->location, name_of(ctx, rv), "CLUSTER", repack);
	} else if (n->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) {
		const PgQuery__AlterTableStmt *as = n->alter_table_stmt;
		if (as->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE && as->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW)
			return;
		if (!dd_rangevar_existing(ctx, st, as->relation))
			return;
		for (size_t i = 0; i < as->n_cmds; i++) {
			const PgQuery__AlterTableCmd *cmd = dd_alter_cmd(as, i);
			if (!cmd)
				continue;
			const char *what = NULL, *fix = NULL;
			if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace) {
				what = "SET TABLESPACE";
				fix = "pg_repack --tablespace moves a table while it stays in use; else run it in a maintenance window";
			} else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged ||
				   cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged) {
				what = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged ? "SET LOGGED" : "SET UNLOGGED";
				fix = "run it in a maintenance window, or copy the data into a new table made that way";
			} else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod) {
				what = "SET ACCESS METHOD";
				fix = "run it in a maintenance window, or copy the data into a new table made that way";
			}
			if (what)
				report(ctx, st, as->relation->location, name_of(ctx, as->relation), dd_sprintf(ctx, "ALTER TABLE ... %s", what), fix);
		}
	}
}

const dd_rule dd_rule_safety_table_rewrite = {
	.id = "safety/table-rewrite",
	.summary = "No VACUUM FULL, CLUSTER, SET TABLESPACE or SET LOGGED/UNLOGGED on an existing table",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports, on a table that exists before the migration, the statements that copy it whole "
		"while holding ACCESS EXCLUSIVE (the Explicit Locking list names CLUSTER and VACUUM FULL; "
		"ALTER TABLE's SET TABLESPACE, SET LOGGED, SET UNLOGGED and SET ACCESS METHOD rewrite too): "
		"every read and write waits for the copy. VACUUM FULL and CLUSTER without a table name are "
		"reported once. The suggestion names pg_repack / pg_squeeze, which rebuild a table online. "
		"Tables created in the same migration are exempt; plain schema files are judged only with "
		"safety.assume_existing.",
	.why = "These are maintenance operations that take a table offline for the length of a full copy; "
	       "run from a migration they happen at deploy time, on production, unannounced.",
	.bad = "-- file: 0001_events.sql\nCREATE TABLE events (id bigint PRIMARY KEY, payload jsonb);\n"
	       "-- file: 0002_events_compact.sql\nVACUUM FULL events;\n",
	.good = "-- file: 0001_events.sql\nCREATE TABLE events (id bigint PRIMARY KEY, payload jsonb);\n"
		"-- file: 0002_events_analyze.sql\nANALYZE events;\n",
	.statement = statement,
};
