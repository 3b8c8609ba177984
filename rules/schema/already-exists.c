/*
 * schema/already-exists: a statement creates what an earlier statement of the same history
 * already made, and PostgreSQL rejects it (42P07 duplicate_table, 42701 duplicate_column,
 * 42710 duplicate_object). The history is one file, or the migrations of one directory:
 * independent schema files or migration directories linted together may each define a table.
 */
#include "ddlint/rule.h"

/* Did the object at `made` come from the same history as the statement being visited? */
static bool same_history(dd_ctx *ctx, dd_loc made)
{
	const dd_stmt *st = dd_ctx_stmt(ctx);
	if (!made.file || st->guarded)
		return false;
	if (made.file == st->file)
		return true;
	/* the migrations of one directory; several directories linted together are several histories */
	return made.file->migration && st->file->migration &&
	       strcmp(made.file->migration->dir, st->file->migration->dir) == 0 && made.file->role != DD_ROLE_REPEATABLE &&
	       st->file->role != DD_ROLE_REPEATABLE;
}

static void exists(dd_ctx *ctx, dd_loc at, const char *what, const char *object, const char *hint)
{
	dd_report(ctx, at, object, NULL, "%s '%s' already exists, so PostgreSQL rejects this statement%s", what, object,
		  hint);
}

/* Tables and indexes (and views and sequences) share one namespace per schema: the table or
 * index of that name, with where it was made. */
static const char *relation(const dd_model *m, const char *schema, const char *name, dd_loc *made, const char **q)
{
	const dd_table *t = dd_model_table(m, schema, name);
	if (t) {
		*made = t->loc;
		*q = t->schema;
		return "table";
	}
	const dd_index *ix = dd_model_index(m, schema, name);
	if (ix) {
		*made = ix->loc;
		*q = ix->schema;
		return "index";
	}
	return NULL;   /* not views: the model does not know which a DROP ... CASCADE takes */
}

static void create_table(dd_ctx *ctx, const PgQuery__CreateStmt *cs)
{
	const dd_model *m = dd_ctx_model(ctx);
	dd_loc made;
	const char *schema;
	dd_checked(ctx, dd_name_loc(dd_ctx_file(ctx), cs->relation->location),
		   dd_qualified(ctx, dd_model_schema_for(m, cs->relation->schemaname), cs->relation->relname, NULL));
	const char *what = relation(m, cs->relation->schemaname, cs->relation->relname, &made, &schema);
	if (!what || cs->if_not_exists || !same_history(ctx, made))
		return;
	exists(ctx, dd_name_loc(dd_ctx_file(ctx), cs->relation->location), what,
	       dd_qualified(ctx, schema, cs->relation->relname, NULL),
	       strcmp(what, "table") == 0 ? " (CREATE TABLE IF NOT EXISTS, if that is meant)" : "");
}

static void create_index(dd_ctx *ctx, const PgQuery__IndexStmt *is)
{
	const dd_model *m = dd_ctx_model(ctx);
	if (!is->idxname || !*is->idxname || is->if_not_exists)
		return;
	const dd_table *t = dd_model_table(m, is->relation->schemaname, is->relation->relname);
	const char *schema = t ? t->schema : is->relation->schemaname;
	dd_checked(ctx, dd_name_loc(dd_ctx_file(ctx), is->relation->location),
		   dd_qualified(ctx, dd_model_schema_for(m, schema), is->idxname, NULL));
	dd_loc made;
	const char *in;
	const char *what = relation(m, schema, is->idxname, &made, &in);
	if (what && same_history(ctx, made))
		exists(ctx, dd_find_ident(ctx, dd_ctx_stmt_offset(ctx), is->idxname), what,
		       dd_qualified(ctx, in, is->idxname, NULL),
		       strcmp(what, "index") == 0 ? " (CREATE INDEX IF NOT EXISTS, if that is meant)" : "");
}

static void create_type(dd_ctx *ctx, PgQuery__Node *const *names, size_t n)
{
	const char *name = dd_name_last(names, n);
	const char *schema = n >= 2 ? dd_string_node(names[n - 2]) : NULL;
	const dd_typedef *ty = dd_model_type(dd_ctx_model(ctx), schema, name);
	dd_checked(ctx, (dd_loc){ dd_ctx_file(ctx), dd_ctx_stmt_offset(ctx), 0 },
		   dd_qualified(ctx, dd_model_schema_for(dd_ctx_model(ctx), schema), name, NULL));
	if (ty && same_history(ctx, ty->loc))
		exists(ctx, dd_find_ident(ctx, dd_ctx_stmt_offset(ctx), name), "type",
		       dd_qualified(ctx, ty->schema, ty->name, NULL), "");
}

/* Does an earlier action of the same ALTER TABLE drop the column or constraint cmd adds
 * (DROP COLUMN x, ADD COLUMN x: how ORMs change a column's type)? */
static bool dropped_before(const PgQuery__AlterTableStmt *as, size_t i, const PgQuery__AlterTableCmd *cmd)
{
	const char *name = cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF ? cmd->def->column_def->colname :
			   cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT ? cmd->def->constraint->conname : NULL;
	bool column = cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF;
	for (size_t k = 0; name && k < i; k++) {
		if (as->cmds[k]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
			continue;
		const PgQuery__AlterTableCmd *d = as->cmds[k]->alter_table_cmd;
		bool drops = column ? d->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn ||
				      d->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse :
				      d->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint ||
				      d->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse;
		if (drops && d->name && strcmp(d->name, name) == 0)
			return true;
	}
	return false;
}

static void alter_table(dd_ctx *ctx, const PgQuery__AlterTableStmt *as)
{
	if (as->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
		return;
	const dd_table *t = dd_model_table(dd_ctx_model(ctx), as->relation->schemaname, as->relation->relname);
	if (!t)
		return;
	int from = dd_ctx_stmt_offset(ctx);
	for (size_t i = 0; i < as->n_cmds; i++) {
		if (as->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
			continue;
		const PgQuery__AlterTableCmd *cmd = as->cmds[i]->alter_table_cmd;
		if (dropped_before(as, i, cmd))
			continue;
		if ((cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn ||
		     cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse) && !cmd->missing_ok && cmd->def &&
		    cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
			const char *col = cmd->def->column_def->colname;
			dd_checked(ctx, (dd_loc){ dd_ctx_file(ctx), from, 0 }, dd_qualified(ctx, t->schema, t->name, col));
			const dd_column *c = dd_table_column(t, col);
			if (c && same_history(ctx, c->loc))
				exists(ctx, dd_find_ident(ctx, from, col), "column", dd_qualified(ctx, t->schema, t->name, col),
				       " (ADD COLUMN IF NOT EXISTS, if that is meant)");
		} else if ((cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint ||
			    cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse) && cmd->def &&
			   cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT && cmd->def->constraint->conname &&
			   *cmd->def->constraint->conname) {
			const char *name = cmd->def->constraint->conname;
			dd_checked(ctx, (dd_loc){ dd_ctx_file(ctx), from, 0 }, dd_qualified(ctx, t->schema, t->name, name));
			for (size_t k = 0; k < t->n_constraints; k++)
				if (strcmp(t->constraints[k]->name, name) == 0 && !t->constraints[k]->inherited &&
				    same_history(ctx, t->constraints[k]->name_loc)) {
					exists(ctx, dd_find_ident(ctx, from, name), "constraint",
					       dd_qualified(ctx, t->schema, t->name, name), "");
					break;
				}
		}
	}
}

static void visit(dd_ctx *ctx, const PgQuery__Node *stmt)
{
	switch (stmt->node_case) {
	case PG_QUERY__NODE__NODE_CREATE_STMT: create_table(ctx, stmt->create_stmt); break;
	case PG_QUERY__NODE__NODE_INDEX_STMT: create_index(ctx, stmt->index_stmt); break;
	case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
		create_type(ctx, stmt->create_enum_stmt->type_name, stmt->create_enum_stmt->n_type_name);
		break;
	case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
		create_type(ctx, stmt->create_domain_stmt->domainname, stmt->create_domain_stmt->n_domainname);
		break;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: alter_table(ctx, stmt->alter_table_stmt); break;
	default: break;
	}
}

static const int visits[] = {
	PG_QUERY__NODE__NODE_CREATE_STMT, PG_QUERY__NODE__NODE_INDEX_STMT, PG_QUERY__NODE__NODE_CREATE_ENUM_STMT,
	PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT, 0
};

const dd_rule dd_rule_schema_already_exists = {
	.id = "schema/already-exists",
	.summary = "No statement creates what already exists",
	.severity = DD_SEV_ERROR,
	.description =
		"Checks each statement against the model as it stood before it: CREATE TABLE, CREATE INDEX, "
		"CREATE TYPE (enum), CREATE DOMAIN, ADD COLUMN and ADD CONSTRAINT of a name that an earlier statement already gave to an object of the same history, "
		"without IF NOT EXISTS. The history is the file itself, or the migrations of one directory in "
		"their order (repeatable migrations left out); independent schema files, or migration "
		"directories, linted together are not compared with each other. Statements of a DO block under an IF or an EXCEPTION handler "
		"(the idempotent-migration idioms) are not reported, nor what an earlier action of the same "
		"ALTER TABLE dropped. Views are not checked: the model does not know which views a DROP ... "
		"CASCADE takes with it.",
	.why = "PostgreSQL rejects the statement (duplicate_table, duplicate_column, duplicate_object): the "
	       "migration fails when it runs, often in production. It is usually a migration applied twice "
	       "in the history, or two branches that each add the same column.",
	.bad = "CREATE TABLE users (id uuid PRIMARY KEY, email text);\n"
	       "ALTER TABLE users ADD COLUMN email text;\n",
	.good = "CREATE TABLE users (id uuid PRIMARY KEY, email text);\n"
		"ALTER TABLE users ADD COLUMN IF NOT EXISTS email text;\n",
	.visit = visit,
	.visits = visits,
};
