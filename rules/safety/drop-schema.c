/* safety/drop-schema: DROP SCHEMA of a schema that exists before the migration. */
#include "ddlint/rule.h"

/* The schema of that name in the model, or NULL; *dropped: only a dropped one is known. */
static const dd_schema *find(const dd_model *m, const char *name, bool *dropped)
{
	*dropped = false;
	for (size_t i = m->n_schemas; i-- > 0;)
		if (strcmp(m->schemas[i]->name, name) == 0) {
			if (!m->schemas[i]->dropped)
				return m->schemas[i];
			*dropped = true;
		}
	return NULL;
}

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	if (st->node->node_case != PG_QUERY__NODE__NODE_DROP_STMT || !st->file->report)
		return;
	const PgQuery__DropStmt *ds = st->node->drop_stmt;
	if (ds->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA)
		return;
	bool cascade = ds->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
	for (size_t i = 0; i < ds->n_objects; i++) {
		const char *name = dd_string_node(ds->objects[i]);
		if (!name)
			continue;
		bool dropped;
		const dd_schema *s = find(dd_ctx_model(ctx), name, &dropped);
		if (!s && dropped && ds->missing_ok)
			continue;   /* IF EXISTS of a schema dropped before */
		if (!dd_stmt_on_existing(ctx, st, s ? s->loc.file : NULL))
			continue;
		dd_checked(ctx, dd_stmt_find_name(ctx, st, name), name);
		dd_report(ctx, dd_stmt_find_name(ctx, st, name), name,
			  "drop the schema's objects one by one, each once no code uses it, and the empty schema last (without CASCADE)",
			  "DROP SCHEMA '%s', a schema that exists before this migration: %s",
			  name, cascade ? "CASCADE drops every table, view, function and type in it, with their data, each "
					  "table under an ACCESS EXCLUSIVE lock, and running code that uses them fails"
					: "PostgreSQL refuses it while the schema holds anything, and running code that names "
					  "the schema (its search_path, qualified names) fails once it is gone");
	}
}

const dd_rule dd_rule_safety_drop_schema = {
	.id = "safety/drop-schema",
	.summary = "No DROP SCHEMA of a schema in use (CASCADE drops everything in it)",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports DROP SCHEMA of a schema that exists before the migration being judged: one an earlier "
		"migration or a context file created, or one the linted files never create (public, a schema made "
		"by hand). A schema created by the same migration is exempt; so is DROP SCHEMA IF EXISTS of a schema "
		"an earlier statement dropped. With CASCADE it drops every object in the schema, and each table with "
		"an ACCESS EXCLUSIVE lock (PostgreSQL documentation, 13.3 Explicit Locking, lists DROP TABLE under "
		"ACCESS EXCLUSIVE). Downs are never judged; a plain schema file only with safety.assume_existing.",
	.why = "A schema holds tables and their data, functions and types that running code uses; DROP SCHEMA "
	       "... CASCADE removes all of them in one statement that no down migration can undo.",
	.bad = "-- file: 0001_reporting.sql\nCREATE SCHEMA reporting;\n"
	       "-- file: 0002_drop.sql\nDROP SCHEMA reporting CASCADE;\n",
	.good = "-- file: 0001_reporting.sql\nCREATE SCHEMA reporting_tmp;\nDROP SCHEMA reporting_tmp;\n",
	.statement = statement,
};
