/*
 * safety/exclude-constraint: no EXCLUDE constraint added to a table that exists before the
 * migration: its index is built under ACCESS EXCLUSIVE, and there is no concurrent way.
 */
#include "ddlint/rule.h"

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	const PgQuery__AlterTableStmt *as = st->file->report ? dd_alter_existing_table(ctx, st) : NULL;
	if (!as)
		return;
	for (size_t i = 0; i < as->n_cmds; i++) {
		const PgQuery__AlterTableCmd *cmd = dd_alter_cmd(as, i);
		if (!cmd || cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint || !cmd->def ||
		    cmd->def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
			continue;
		const PgQuery__Constraint *c = cmd->def->constraint;
		const char *table = dd_rangevar_name(ctx, as->relation, NULL);
		dd_loc l = c->location >= st->offset && c->location < st->offset + st->len ? dd_name_loc(st->file, c->location)
											 : dd_name_loc(st->file, st->offset);
		dd_checked(ctx, l, table);   /* judged: a constraint added to a table in use */
		if (c->contype != PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION)
			continue;
		dd_report(ctx, l, table,
			  "PostgreSQL has no concurrent way to add an EXCLUDE constraint (USING INDEX takes only unique B-tree "
			  "indexes): run it in a maintenance window with lock_timeout set, or enforce the rule in a new table "
			  "that replaces this one",
			  "EXCLUDE constraint on %s, which exists before this migration: its index is built, and every row checked, "
			  "under an ACCESS EXCLUSIVE lock that blocks every read and write", table);
	}
}

const dd_rule dd_rule_safety_exclude_constraint = {
	.id = "safety/exclude-constraint",
	.summary = "No EXCLUDE constraint added to an existing table",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports ALTER TABLE ... ADD EXCLUDE on a table that exists before the migration. The "
		"constraint's index (GiST, usually) is built and every row checked while ALTER TABLE holds "
		"ACCESS EXCLUSIVE on the table, and unlike PRIMARY KEY and UNIQUE there is no way to attach "
		"an index built CONCURRENTLY (ADD CONSTRAINT ... USING INDEX accepts only unique B-tree "
		"indexes) nor to add it NOT VALID. Tables created in the same migration are exempt; plain "
		"schema files are judged only with safety.assume_existing.",
	.why = "Building a GiST index over a big table takes long, and every query on the table waits for it.",
	.bad = "-- file: 0001_bookings.sql\nCREATE TABLE bookings (id bigint PRIMARY KEY, room int, during tstzrange);\n"
	       "-- file: 0002_bookings_no_overlap.sql\n"
	       "ALTER TABLE bookings ADD CONSTRAINT ex_bookings_room EXCLUDE USING gist (during WITH &&);\n",
	.good = "-- file: 0001_bookings.sql\nCREATE TABLE bookings (\n    id bigint PRIMARY KEY, room int, during tstzrange,\n"
		"    CONSTRAINT ex_bookings_room EXCLUDE USING gist (during WITH &&)\n);\n",
	.statement = statement,
};
