/* schema/primary-key: every table has a primary key, decided after the last file. */
#include "ddlint/rule.h"

static void finish(dd_ctx *ctx)
{
	const dd_table *t;
	/* a partition is judged through its partitioned table, whose key it gets */
	for (size_t i = 0; (t = dd_next_table(ctx, &i, DD_SKIP_TEMP | DD_SKIP_PARTITIONS)) != NULL;) {
		dd_checked(ctx, t->loc, dd_qualified(ctx, t->schema, t->name, NULL));
		if (dd_table_primary_key(t))
			continue;
		dd_report(ctx, t->loc, dd_qualified(ctx, t->schema, t->name, NULL), NULL,
			  "table '%s.%s' has no primary key", t->schema, t->name);
	}
}

const dd_rule dd_rule_schema_primary_key = {
	.id = "schema/primary-key",
	.summary = "Every table has a primary key",
	.severity = DD_SEV_ERROR,
	.description =
		"Reports a table that, once every file has been replayed, has no PRIMARY KEY constraint. "
		"A key added later (ALTER TABLE ... ADD PRIMARY KEY, in any later file) counts. Temporary "
		"tables are ignored; a partition (PARTITION OF or ATTACH PARTITION) is judged once, through its "
		"partitioned table. "
		"Reported at the table name in its CREATE TABLE.",
	.why = "Without a primary key rows cannot be addressed one by one: updates and deletes from "
	       "tools and ORMs become ambiguous, logical replication cannot replicate UPDATE and DELETE, "
	       "and duplicates go unnoticed.",
	.bad = "CREATE TABLE audit_events (\n    event_name text NOT NULL\n);\n",
	.good = "CREATE TABLE audit_events (\n    id uuid PRIMARY KEY,\n    event_name text NOT NULL\n);\n",
	.finish = finish,
};
