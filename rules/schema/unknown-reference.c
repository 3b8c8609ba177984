/*
 * schema/unknown-reference: a statement names a column that a known table does
 * not have, or a table that an earlier statement dropped. Tables never defined in
 * the linted files are not reported: the schema may be partial.
 */
#include "ddlint/rule.h"

/* The columns a statement can see on a table: the model's, plus those the statement adds first. */
typedef struct colset {
	const char **names;
	size_t n, cap;
	bool complete;   /* false: some columns come from a table we do not know */
} colset;

static void add_name(dd_ctx *ctx, colset *s, const char *name)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		const char **names = dd_alloc(ctx, cap * sizeof *names);
		if (s->n)
			memcpy(names, s->names, s->n * sizeof *names);
		s->names = names;
		s->cap = cap;
	}
	s->names[s->n++] = name;
}

static bool has_name(const colset *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->names[i], name) == 0)
			return true;
	return false;
}

static void add_table(dd_ctx *ctx, colset *s, const dd_table *t)
{
	for (size_t i = 0; i < t->n_columns; i++)
		add_name(ctx, s, t->columns[i]->name);
}

static dd_loc at(dd_ctx *ctx, int from, const char *name)
{
	return dd_find_ident(ctx, from, name);
}

/* A reference to a column (col) or a table (col NULL) of a known table: what the rule checks. */
static void seen(dd_ctx *ctx, int from, const char *schema, const char *table, const char *col)
{
	dd_checked(ctx, (dd_loc){ dd_ctx_file(ctx), from, 0 }, dd_qualified(ctx, schema, table, col));
}

static void missing_column(dd_ctx *ctx, int from, const char *schema, const char *table, const char *col)
{
	dd_report(ctx, at(ctx, from, col), dd_qualified(ctx, schema, table, col), NULL,
		  "column '%s' does not exist on table '%s.%s'", col, schema, table);
}

/* A table that was dropped earlier: report it at the name; true when reported. */
static bool dropped(dd_ctx *ctx, const PgQuery__RangeVar *rv)
{
	const dd_model *m = dd_ctx_model(ctx);
	if (rv && dd_model_table(m, rv->schemaname, rv->relname))
		seen(ctx, rv->location, dd_model_schema_for(m, rv->schemaname), rv->relname, NULL);
	if (!rv || !dd_model_dropped_table(m, rv->schemaname, rv->relname))
		return false;
	seen(ctx, rv->location, dd_model_schema_for(m, rv->schemaname), rv->relname, NULL);
	const char *schema = dd_model_schema_for(m, rv->schemaname);
	dd_report(ctx, dd_name_loc(dd_ctx_file(ctx), rv->location), dd_qualified(ctx, schema, rv->relname, NULL), NULL,
		  "table '%s.%s' was dropped by an earlier statement", schema, rv->relname);
	return true;
}

struct refs { dd_ctx *ctx; const colset *cols; int from; const char *schema, *table; };

static void check_colref(const PgQuery__Node *n, void *arg)
{
	struct refs *r = arg;
	if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF || n->column_ref->n_fields != 1)
		return;
	const char *col = dd_string_node(n->column_ref->fields[0]);
	if (col)
		seen(r->ctx, n->column_ref->location, r->schema, r->table, col);
	if (col && !has_name(r->cols, col))
		dd_report(r->ctx, dd_name_loc(dd_ctx_file(r->ctx), n->column_ref->location),
			  dd_qualified(r->ctx, r->schema, r->table, col), NULL,
			  "column '%s' does not exist on table '%s.%s'", col, r->schema, r->table);
}

static void check_names(dd_ctx *ctx, const colset *cols, PgQuery__Node *const *nodes, size_t n, int from,
			const char *schema, const char *table)
{
	for (size_t i = 0; i < n; i++) {
		const char *name = dd_string_node(nodes[i]);
		if (!name && nodes[i]->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM && *nodes[i]->index_elem->name)
			name = nodes[i]->index_elem->name;
		if (name)
			seen(ctx, from, schema, table, name);
		if (name && !has_name(cols, name))
			missing_column(ctx, from, schema, table, name);
	}
}

/* The referenced side of a foreign key. `self` is the table being created, if any. */
static void check_references(dd_ctx *ctx, const PgQuery__Constraint *c, const char *self_schema,
			     const char *self_name, const colset *self_cols)
{
	const dd_model *m = dd_ctx_model(ctx);
	if (!c->pktable || dropped(ctx, c->pktable))
		return;
	const char *schema = dd_model_schema_for(m, c->pktable->schemaname);
	bool self = self_name && strcmp(c->pktable->relname, self_name) == 0 && strcmp(schema, self_schema) == 0;
	const dd_table *rt = self ? NULL : dd_model_table(m, c->pktable->schemaname, c->pktable->relname);
	if (!self && !rt)
		return;   /* outside the linted files */
	colset ref = { NULL, 0, 0, true };
	if (self)
		ref = *self_cols;
	else
		add_table(ctx, &ref, rt);
	if (!ref.complete)
		return;
	const char *rschema = self ? self_schema : rt->schema, *rname = self ? self_name : rt->name;
	check_names(ctx, &ref, c->pk_attrs, c->n_pk_attrs, c->pktable->location, rschema, rname);
	if (c->n_pk_attrs == 0 && rt)
		seen(ctx, c->pktable->location, rschema, rname, NULL);
	if (c->n_pk_attrs == 0 && rt && !dd_table_primary_key(rt))
		dd_report(ctx, dd_name_loc(dd_ctx_file(ctx), c->pktable->location), dd_qualified(ctx, rschema, rname, NULL),
			  NULL, "foreign key references table '%s.%s' without naming columns, but it has no primary key",
			  rschema, rname);
}

static void check_constraint(dd_ctx *ctx, const PgQuery__Constraint *c, const colset *cols, const char *schema,
			     const char *table, bool creating)
{
	int from = c->location;
	if (cols->complete) {
		check_names(ctx, cols, c->keys, c->n_keys, from, schema, table);
		check_names(ctx, cols, c->including, c->n_including, from, schema, table);
		check_names(ctx, cols, c->fk_attrs, c->n_fk_attrs, from, schema, table);
		if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK && c->raw_expr) {
			struct refs r = { ctx, cols, from, schema, table };
			dd_walk_tree(&c->raw_expr->base, check_colref, &r);
		}
	}
	if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)
		check_references(ctx, c, schema, creating ? table : NULL, cols);
}

static void create_table(dd_ctx *ctx, const PgQuery__CreateStmt *cs)
{
	const dd_model *m = dd_ctx_model(ctx);
	const char *schema = dd_model_schema_for(m, cs->relation->schemaname);
	const char *table = cs->relation->relname;
	if (dd_model_table(m, cs->relation->schemaname, table))
		return;   /* IF NOT EXISTS of an existing table: nothing happens */
	colset cols = { NULL, 0, 0, true };
	for (size_t i = 0; i < cs->n_inh_relations; i++) {
		const PgQuery__Node *n = cs->inh_relations[i];
		if (n->node_case != PG_QUERY__NODE__NODE_RANGE_VAR || dropped(ctx, n->range_var)) {
			cols.complete = false;
			continue;
		}
		const dd_table *p = dd_model_table(m, n->range_var->schemaname, n->range_var->relname);
		if (p)
			add_table(ctx, &cols, p);
		else
			cols.complete = false;
	}
	for (size_t i = 0; i < cs->n_table_elts; i++) {
		const PgQuery__Node *n = cs->table_elts[i];
		if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
			add_name(ctx, &cols, n->column_def->colname);
		} else if (n->node_case == PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE) {
			const PgQuery__RangeVar *rv = n->table_like_clause->relation;
			const dd_table *src = dropped(ctx, rv) ? NULL : dd_model_table(m, rv->schemaname, rv->relname);
			if (src)
				add_table(ctx, &cols, src);
			else
				cols.complete = false;
		}
	}
	if (cs->of_typename)
		cols.complete = false;
	for (size_t i = 0; i < cs->n_table_elts; i++) {
		const PgQuery__Node *n = cs->table_elts[i];
		if (n->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
			check_constraint(ctx, n->constraint, &cols, schema, table, true);
		else if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
			for (size_t k = 0; k < n->column_def->n_constraints; k++)
				if (n->column_def->constraints[k]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
					check_constraint(ctx, n->column_def->constraints[k]->constraint, &cols, schema, table, true);
	}
	for (size_t i = 0; i < cs->n_constraints; i++)
		if (cs->constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
			check_constraint(ctx, cs->constraints[i]->constraint, &cols, schema, table, true);
}

static bool names_column(PgQuery__AlterTableType t)
{
	switch (t) {
	case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStorage:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetCompression:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
		return true;
	default:
		return false;
	}
}

static void alter_table(dd_ctx *ctx, const PgQuery__AlterTableStmt *as)
{
	if (as->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
		return;
	if (!as->missing_ok && dropped(ctx, as->relation))
		return;
	const dd_model *m = dd_ctx_model(ctx);
	const dd_table *t = dd_model_table(m, as->relation->schemaname, as->relation->relname);
	if (!t)
		return;
	colset cols = { NULL, 0, 0, true };
	add_table(ctx, &cols, t);
	int from = as->relation->location;
	for (size_t i = 0; i < as->n_cmds; i++) {
		if (as->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
			continue;
		const PgQuery__AlterTableCmd *cmd = as->cmds[i]->alter_table_cmd;
		if ((cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn ||
		     cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse) &&
		    cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
			const PgQuery__ColumnDef *cd = cmd->def->column_def;
			add_name(ctx, &cols, cd->colname);
			for (size_t k = 0; k < cd->n_constraints; k++)
				if (cd->constraints[k]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
					check_constraint(ctx, cd->constraints[k]->constraint, &cols, t->schema, t->name, false);
			continue;
		}
		if (names_column(cmd->subtype) && cmd->name && *cmd->name && !cmd->missing_ok)
			seen(ctx, from, t->schema, t->name, cmd->name);
		if (names_column(cmd->subtype) && cmd->name && *cmd->name && !cmd->missing_ok && !has_name(&cols, cmd->name))
			missing_column(ctx, from, t->schema, t->name, cmd->name);
		if ((cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint ||
		     cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse) &&
		    cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
			check_constraint(ctx, cmd->def->constraint, &cols, t->schema, t->name, false);
	}
}

static void create_index(dd_ctx *ctx, const PgQuery__IndexStmt *is)
{
	if (dropped(ctx, is->relation))
		return;
	const dd_table *t = dd_model_table(dd_ctx_model(ctx), is->relation->schemaname, is->relation->relname);
	if (!t)
		return;
	colset cols = { NULL, 0, 0, true };
	add_table(ctx, &cols, t);
	int from = is->relation->location;
	struct refs r = { ctx, &cols, from, t->schema, t->name };
	for (size_t i = 0; i < is->n_index_params; i++) {
		const PgQuery__Node *n = is->index_params[i];
		if (n->node_case != PG_QUERY__NODE__NODE_INDEX_ELEM)
			continue;
		if (*n->index_elem->name)
			seen(ctx, from, t->schema, t->name, n->index_elem->name);
		if (*n->index_elem->name && !has_name(&cols, n->index_elem->name))
			missing_column(ctx, from, t->schema, t->name, n->index_elem->name);
		else if (n->index_elem->expr)
			dd_walk_tree(&n->index_elem->expr->base, check_colref, &r);
	}
	check_names(ctx, &cols, is->index_including_params, is->n_index_including_params, from, t->schema, t->name);
	if (is->where_clause)
		dd_walk_tree(&is->where_clause->base, check_colref, &r);
}

static void visit(dd_ctx *ctx, const PgQuery__Node *stmt)
{
	const dd_model *m = dd_ctx_model(ctx);
	if (dd_ctx_stmt(ctx)->guarded)
		return;   /* in a DO block under IF or EXCEPTION: PostgreSQL may skip it, or catch its error */
	switch (stmt->node_case) {
	case PG_QUERY__NODE__NODE_CREATE_STMT:
		create_table(ctx, stmt->create_stmt);
		break;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
		alter_table(ctx, stmt->alter_table_stmt);
		break;
	case PG_QUERY__NODE__NODE_INDEX_STMT:
		create_index(ctx, stmt->index_stmt);
		break;
	case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: {
		const PgQuery__CreateTrigStmt *ts = stmt->create_trig_stmt;
		if (dropped(ctx, ts->relation))
			break;
		const dd_table *t = dd_model_table(m, ts->relation->schemaname, ts->relation->relname);
		if (!t)
			break;
		colset cols = { NULL, 0, 0, true };
		add_table(ctx, &cols, t);
		check_names(ctx, &cols, ts->columns, ts->n_columns, dd_ctx_stmt_offset(ctx), t->schema, t->name);
		break;
	}
	case PG_QUERY__NODE__NODE_RENAME_STMT: {
		const PgQuery__RenameStmt *rs = stmt->rename_stmt;
		if (rs->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN || !rs->relation || rs->missing_ok)
			break;
		if (dropped(ctx, rs->relation))
			break;
		const dd_table *t = dd_model_table(m, rs->relation->schemaname, rs->relation->relname);
		if (t)
			seen(ctx, rs->relation->location, t->schema, t->name, rs->subname);
		if (t && !dd_table_column(t, rs->subname))
			missing_column(ctx, rs->relation->location, t->schema, t->name, rs->subname);
		break;
	}
	default:
		break;
	}
}

static const int visits[] = {
	PG_QUERY__NODE__NODE_CREATE_STMT, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT, PG_QUERY__NODE__NODE_INDEX_STMT,
	PG_QUERY__NODE__NODE_CREATE_TRIG_STMT, PG_QUERY__NODE__NODE_RENAME_STMT, 0
};

const dd_rule dd_rule_schema_unknown_reference = {
	.id = "schema/unknown-reference",
	.summary = "No reference to a column a known table lacks, or to a dropped table",
	.severity = DD_SEV_ERROR,
	.description =
		"Checks each statement against the model as it stood before it: an index (its columns, "
		"INCLUDE columns, expressions and predicate), a constraint (its columns, CHECK expression, "
		"and a foreign key's referenced columns), a trigger's UPDATE OF columns, an ALTER TABLE "
		"action or a RENAME COLUMN that names a column the table does not have; a statement that "
		"names a table an earlier statement dropped; and a foreign key that names no columns of a "
		"table without a primary key. Tables never defined in the linted files are not reported, nor "
		"statements of a DO block under an IF or an EXCEPTION handler (the block may skip them, or "
		"catch their error).",
	.why = "PostgreSQL only finds these mistakes when the migration runs, often in production, and "
	       "a failed migration can leave a deploy half done. They are typos and ordering mistakes "
	       "that the files alone are enough to see.",
	.bad = "CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL);\n"
	       "CREATE INDEX idx_users_email_address ON users (email_address);\n",
	.good = "CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL);\n"
		"CREATE INDEX idx_users_email ON users (email);\n",
	.visits = visits,
	.visit = visit,
};
