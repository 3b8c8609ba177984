/* safety/drop-database: DROP DATABASE in a migration. */
#include "ddlint/rule.h"

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	if (st->node->node_case != PG_QUERY__NODE__NODE_DROPDB_STMT || !st->file->report)
		return;
	/* databases are not in the model: the one dropped is taken to exist */
	if (!dd_stmt_on_existing(ctx, st, NULL))
		return;
	const char *name = st->node->dropdb_stmt->dbname;
	dd_loc at = dd_stmt_find_name(ctx, st, name);
	if (!at.len)
		at = dd_name_loc(st->file, st->offset);
	dd_checked(ctx, at, name);
	dd_report(ctx, at, name, "drop databases by hand, outside the migrations, after a backup",
		  "DROP DATABASE '%s' in a migration: the whole database is gone for good, and a migration tool that "
		  "replays the directory on another server (a new environment, a test) drops it there too",
		  name);
}

const dd_rule dd_rule_safety_drop_database = {
	.id = "safety/drop-database",
	.summary = "No DROP DATABASE in a migration",
	.severity = DD_SEV_ERROR,
	.description =
		"Reports DROP DATABASE in a migration (the databases are not in the model, so every one counts as "
		"existing). It takes no table lock that PostgreSQL's 13.3 Explicit Locking lists: PostgreSQL refuses "
		"it while anyone is connected to that database (WITH (FORCE) ends their sessions) and inside a "
		"transaction block (see migration/concurrently-in-transaction). Downs are never judged; a plain "
		"schema file only with safety.assume_existing.",
	.why = "A migration directory is replayed on every environment it is deployed to; a DROP DATABASE in "
	       "it destroys a database, with no way back, wherever it runs.",
	.bad = "-- file: 0001_reports.sql\nCREATE TABLE reports (id bigint PRIMARY KEY);\n"
	       "-- file: 0002_cleanup.sql\nDROP DATABASE legacy_reports;\n",
	.good = "-- file: 0001_reports.sql\nCREATE TABLE reports (id bigint PRIMARY KEY);\n"
		"-- file: 0002_cleanup.sql\nDROP TABLE IF EXISTS legacy_reports;\n",
	.statement = statement,
};
