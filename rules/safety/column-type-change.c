/*
 * safety/column-type-change: no ALTER COLUMN ... TYPE that rewrites a table that exists before
 * the migration. The changes PostgreSQL makes without a rewrite are exempt.
 */
#include "ddlint/rule.h"

/* USING that leaves the contents as they are: the column itself, or the column cast to the new type. */
static bool trivial_using(const PgQuery__Node *e, const char *col)
{
	if (!e)
		return true;
	while (e && e->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
		e = e->type_cast->arg;
	if (!e || e->node_case != PG_QUERY__NODE__NODE_COLUMN_REF || !e->column_ref->n_fields)
		return false;
	const char *name = dd_string_node(e->column_ref->fields[e->column_ref->n_fields - 1]);
	return name && strcmp(name, col) == 0;
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
		if (!cmd || cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType || !cmd->def ||
		    cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF || !cmd->def->column_def->type_name)
			continue;
		const PgQuery__ColumnDef *cd = cmd->def->column_def;
		dd_loc l = dd_find_ident(ctx, as->relation->location, cmd->name);
		if (!l.len)
			l = dd_name_loc(st->file, st->offset);
		dd_checked(ctx, l, dd_rangevar_name(ctx, as->relation, cmd->name));
		dd_type to;
		dd_typename_type(ctx, cd->type_name, &to);
		const dd_column *col = t ? dd_table_column(t, cmd->name) : NULL;
		const char *why;
		if (!trivial_using(cd->raw_default, cmd->name))
			why = "its USING expression computes every value anew";
		else if (col) {
			const dd_type *from = dd_model_base_type(dd_ctx_model(ctx), &col->type);
			why = dd_type_change_rewrites(from, &to);
			if (!why)
				continue;
			why = dd_sprintf(ctx, "%s to %s: %s", col->type.text, to.text, why);
		} else {
			/* the old type is not known: only a change to an unconstrained text or numeric type may be free */
			if (to.n_mods == 0 && !to.array_dims &&
			    (strcmp(to.name, "text") == 0 || strcmp(to.name, "character varying") == 0 || strcmp(to.name, "numeric") == 0))
				continue;
			why = dd_sprintf(ctx, "to %s, from a type ddlint does not know (the table was made outside the files)", to.text);
		}
		dd_report(ctx, l, dd_rangevar_name(ctx, as->relation, cmd->name),
			  dd_sprintf(ctx, "add a new column of the new type, fill it in batches (and keep it in step with a trigger), "
				     "then switch readers and writers to it and drop %s in a later migration", cmd->name),
			  "ALTER COLUMN %s TYPE rewrites %s, which exists before this migration, and its indexes under an ACCESS "
			  "EXCLUSIVE lock that blocks every read and write (%s)", cmd->name, table, why);
	}
}

const dd_rule dd_rule_safety_column_type_change = {
	.id = "safety/column-type-change",
	.summary = "No ALTER COLUMN TYPE that rewrites an existing table",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports ALTER TABLE ... ALTER COLUMN ... TYPE on a table that exists before the migration "
		"when PostgreSQL rewrites the table (and rebuilds its indexes) to do it, under ACCESS "
		"EXCLUSIVE. Exempt, as ALTER TABLE's notes allow (no rewrite when \"the USING clause does not "
		"change the column contents and the old type is either binary coercible to the new type or "
		"an unconstrained domain over the new type\"), with no USING or a USING that is the column "
		"(cast): the same type; varchar(n) to a longer varchar, to varchar or to text; text to "
		"varchar without a length; varchar/text/citext among each other without a length; numeric(p,s) "
		"to numeric(p2,s) with p2 >= p, or to numeric; a longer bit varying; timestamp, timestamptz, "
		"time and timetz to a larger or no precision; cidr to inet; xml to text. Everything else "
		"(int to bigint, a shorter length, a new scale, timestamp to timestamptz, which PostgreSQL 12+ "
		"rewrites unless the session's TimeZone is UTC, ...) is reported with its reason. A domain "
		"column is judged by its base type. Tables created in the same migration are exempt; plain "
		"schema files are judged only with safety.assume_existing.",
	.why = "A rewrite copies the whole table and rebuilds every index while no query can touch the "
	       "table: on a big table, an outage as long as the copy.",
	.bad = "-- file: 0001_orders.sql\nCREATE TABLE orders (id integer PRIMARY KEY, total numeric(10,2));\n"
	       "-- file: 0002_orders_id_bigint.sql\nALTER TABLE orders ALTER COLUMN id TYPE bigint;\n",
	.good = "-- file: 0001_orders.sql\nCREATE TABLE orders (id integer PRIMARY KEY, total numeric(10,2));\n"
		"-- file: 0002_orders_total_precision.sql\nALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2);\n",
	.statement = statement,
};
