/* ALTER TABLE, and what renames, moves or drops a table or its parts (columns, constraints,
 * indexes), with what goes along with them as PostgreSQL would have it. */
#include "model_priv.h"

static void drop_constraint(dd_model *m, dd_table *t, const char *name)
{
	for (size_t i = 0; i < t->n_constraints; i++) {
		dd_constraint *c = t->constraints[i];
		if (strcmp(c->name, name) != 0)
			continue;
		if (c->index)
			dd_obj_drop(m, KIND_INDEX, c->index);
		dd_model_conname_count(m, t->schema, c->name, -1);
		memmove(&t->constraints[i], &t->constraints[i + 1], (t->n_constraints - i - 1) * sizeof *t->constraints);
		t->n_constraints--;
		return;
	}
}

static bool refers_to(const dd_constraint *c, const dd_table *t)
{
	return c->kind == DD_CON_FOREIGN && c->ref_table && strcmp(c->ref_table, t->name) == 0 &&
	       c->ref_schema && strcmp(c->ref_schema, t->schema) == 0;
}

/* Does foreign key c (referencing t) use t's column col: named, or through t's primary key? */
static bool refers_to_column(const dd_constraint *c, const dd_table *t, const char *col)
{
	for (size_t k = 0; k < c->n_ref_columns; k++)
		if (strcmp(c->ref_columns[k], col) == 0)
			return true;
	const dd_constraint *pk = c->n_ref_columns ? NULL : dd_table_primary_key(t);
	for (size_t k = 0; pk && k < pk->n_columns; k++)
		if (strcmp(pk->columns[k], col) == 0)
			return true;
	return false;
}

/* The foreign keys of other tables that reference t (with col: that column of t) go, as DROP ...
 * CASCADE drops them (without CASCADE PostgreSQL refuses the drop; the model follows the intent). */
static void drop_references(dd_model *m, const dd_table *t, const char *col)
{
	const dd_tables *l = dd_model_referencing(m, t->schema, t->name);
	for (size_t i = 0; l && i < l->n; i++) {
		dd_table *u = l->v[i];
		if (u->dropped || (u == t && !col))
			continue;
		for (size_t k = u->n_constraints; k > 0; k--) {
			const dd_constraint *c = u->constraints[k - 1];
			if (refers_to(c, t) && (!col || refers_to_column(c, t, col)))
				drop_constraint(m, u, c->name);
		}
	}
}

/* The foreign keys that reference t name it (and its column `from`, renamed `to`) as it is now:
 * PostgreSQL's hold its oid. */
static void follow_references(dd_model *m, const char *schema, const char *name, const dd_table *t,
			      const char *from, const char *to)
{
	const dd_tables *l = dd_model_referencing(m, schema, name);
	for (size_t i = 0; l && i < l->n; i++) {
		dd_table *u = l->v[i];
		for (size_t k = 0; !u->dropped && k < u->n_constraints; k++) {
			dd_constraint *c = u->constraints[k];
			if (c->kind != DD_CON_FOREIGN || !c->ref_table || strcmp(c->ref_table, name) != 0 ||
			    !c->ref_schema || strcmp(c->ref_schema, schema) != 0)
				continue;
			c->ref_schema = t->schema;
			c->ref_table = t->name;
			for (size_t j = 0; from && j < c->n_ref_columns; j++)
				if (strcmp(c->ref_columns[j], from) == 0) {
					const char **cols = dd_arena_alloc(A(m), c->n_ref_columns * sizeof *cols);
					memcpy(cols, c->ref_columns, c->n_ref_columns * sizeof *cols);
					cols[j] = to;
					c->ref_columns = cols;
				}
		}
	}
}

/* The partitions of a renamed or moved table name it as it is now. */
static void follow_partitions(dd_model *m, const char *schema, const char *name, const dd_table *t)
{
	for (size_t i = 0; t->partitioned && i < m->n_tables; i++) {
		dd_table *p = m->tables[i];
		if (!p->dropped && p->parent && strcmp(p->parent, name) == 0 && strcmp(p->parent_schema, schema) == 0) {
			p->parent = t->name;
			p->parent_schema = t->schema;
		}
	}
}

/* Does a CHECK expression name the column? (Its columns list keeps at most two, for its name.) */
static bool check_uses(dd_model *m, const dd_constraint *c, const char *col)
{
	if (!c->expr)
		return false;
	int len = (int)strlen(c->expr);
	for (dd_tok t = dd_lex_next(c->expr, len, 0); t.kind != DD_TOK_EOF && t.kind != DD_TOK_UNTERMINATED;
	     t = dd_lex_next(c->expr, len, t.end))
		if ((t.kind == DD_TOK_IDENT || t.kind == DD_TOK_QIDENT) && strcmp(dd_tok_ident(A(m), c->expr, t), col) == 0)
			return true;
	return false;
}

static void drop_column(dd_model *m, dd_table *t, const char *name)
{
	drop_references(m, t, name);
	for (size_t i = 0; i < t->n_columns; i++) {
		if (strcmp(t->columns[i]->name, name) != 0)
			continue;
		memmove(&t->columns[i], &t->columns[i + 1], (t->n_columns - i - 1) * sizeof *t->columns);
		t->n_columns--;
		break;
	}
	/* constraints and indexes on the column go with it (CASCADE or not, the model follows PostgreSQL's result) */
	for (size_t i = t->n_constraints; i > 0; i--) {
		if (t->constraints[i - 1]->kind == DD_CON_CHECK && check_uses(m, t->constraints[i - 1], name)) {
			drop_constraint(m, t, t->constraints[i - 1]->name);
			continue;
		}
		dd_constraint *c = t->constraints[i - 1];
		for (size_t k = 0; k < c->n_columns; k++)
			if (strcmp(c->columns[k], name) == 0) {
				drop_constraint(m, t, c->name);
				break;
			}
	}
	for (size_t i = 0; i < t->n_indexes; i++)
		if (!t->indexes[i]->dropped && dd_index_uses_column(t->indexes[i], name))
			dd_obj_drop(m, KIND_INDEX, t->indexes[i]);
}

/* A constraint of a table or column that is renamed keeps its name (PostgreSQL renames none),
 * and the name PostgreSQL would give it follows the new names: a generated name that no longer
 * matches it is one like any other. */
static void rename_follows(dd_model *m, const dd_table *t, dd_constraint *c)
{
	c->implicit_name = dd_model_implicit_name(m, t, c);
	if (!c->named && strncmp(c->name, c->implicit_name, strlen(c->implicit_name)) != 0)
		c->named = true;
}

void dd_model_rename_column(dd_model *m, dd_table *t, const char *from, const char *to)
{
	dd_column *c = dd_table_column(t, from);
	if (!c)
		return;
	const char *nn = dd_arena_strdup(A(m), to);
	c->name = nn;
	follow_references(m, t->schema, t->name, t, from, nn);
	for (size_t i = 0; i < t->n_constraints; i++) {
		for (size_t k = 0; k < t->constraints[i]->n_columns; k++)
			if (strcmp(t->constraints[i]->columns[k], from) == 0)
				t->constraints[i]->columns[k] = nn;
		rename_follows(m, t, t->constraints[i]);
	}
	for (size_t i = 0; i < t->n_indexes; i++) {
		dd_index *ix = t->indexes[i];
		for (size_t k = 0; k < ix->n_elems; k++)
			if (ix->elems[k].column && strcmp(ix->elems[k].column, from) == 0)
				ix->elems[k].column = nn;
		for (size_t k = 0; k < ix->n_include; k++)
			if (strcmp(ix->include[k], from) == 0)
				ix->include[k] = nn;
	}
}

/* RENAME CONSTRAINT: an index-backed constraint's index takes the new name too. */
void dd_model_rename_constraint(dd_model *m, dd_table *t, const char *from, const char *to)
{
	for (size_t i = 0; i < t->n_constraints; i++) {
		dd_constraint *c = t->constraints[i];
		if (strcmp(c->name, from) != 0)
			continue;
		dd_model_conname_count(m, t->schema, c->name, -1);
		c->name = dd_arena_strdup(A(m), to);
		c->named = true;
		/* findings about it point at the statement that gave it this name */
		if (m->priv->st)
			c->loc = c->name_loc = dd_stmt_find_ident(m->priv->st, m->priv->st->offset, c->name);
		dd_model_conname_count(m, t->schema, c->name, +1);
		if (c->index)
			dd_obj_rename(m, KIND_INDEX, c->index, c->name);
	}
}

static void alter_cmd(dd_model *m, dd_table *t, const PgQuery__AlterTableStmt *as, const PgQuery__AlterTableCmd *cmd);

/* A partitioned table's constraint dropped: the copies PostgreSQL made of it on its partitions
 * (named after each partition for a key) go too, and theirs. */
static void drop_partition_copies(dd_model *m, const dd_table *t, const dd_constraint *c)
{
	for (size_t i = 0; i < m->n_tables; i++) {
		dd_table *p = m->tables[i];
		if (!dd_model_partition_of(m, p, t))
			continue;
		dd_constraint *eq = dd_model_equivalent_constraint(p, c);
		if (!eq || !eq->inherited)
			continue;
		if (p->partitioned)
			drop_partition_copies(m, p, eq);
		drop_constraint(m, p, eq->name);
	}
}

void dd_model_drop_index(dd_model *m, dd_index *ix)
{
	dd_obj_drop(m, KIND_INDEX, ix);
	const dd_table *t = ix->table;
	for (size_t i = 0; t && t->partitioned && i < m->n_tables; i++) {
		dd_table *p = m->tables[i];
		if (!dd_model_partition_of(m, p, t))
			continue;
		dd_index *eq = dd_model_equivalent_index(p, ix);
		if (eq && eq->inherited)
			dd_model_drop_index(m, eq);
	}
}

/* DETACH PARTITION: what PostgreSQL cloned onto the partition stays, as the table's own (a
 * pg_dump shows each under its name). */
static void detach(dd_model *m, dd_table *part)
{
	part->parent_schema = part->parent = NULL;
	for (size_t i = 0; i < part->n_constraints; i++) {
		dd_constraint *c = part->constraints[i];
		if (!c->inherited)
			continue;
		c->inherited = false;
		rename_follows(m, part, c);
	}
	for (size_t i = 0; i < part->n_indexes; i++)
		if (part->indexes[i]->inherited) {
			part->indexes[i]->inherited = false;
			part->indexes[i]->named = true;
		}
}

/* ALTER TABLE on a partitioned table without ONLY: what the action did to t, PostgreSQL does to
 * each partition (and theirs): columns added, dropped or changed, the constraints it added
 * cloned, constraints dropped. */
static void to_partitions(dd_model *m, const dd_table *t, const PgQuery__AlterTableCmd *cmd, size_t n_before)
{
	const dd_column *col = cmd->name && *cmd->name ? dd_table_column(t, cmd->name) : NULL;
	for (size_t i = 0; i < m->n_tables; i++) {
		dd_table *p = m->tables[i];
		if (!dd_model_partition_of(m, p, t))
			continue;
		size_t p_before = p->n_constraints;
		dd_column *pcol = cmd->name && *cmd->name ? dd_table_column(p, cmd->name) : NULL;
		switch (cmd->subtype) {
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse:
			dd_model_copy_columns(m, p, t, true);
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse:
			drop_column(m, p, cmd->name);
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
			if (col && pcol)
				pcol->type = col->type;
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
			if (col && pcol)
				pcol->not_null = col->not_null;
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
			if (col && pcol)
				pcol->default_expr = col->default_expr;
			break;
		default:
			break;
		}
		if (p->partitioned)
			to_partitions(m, p, cmd, p_before);
	}
	/* constraints an ADD COLUMN made on t (ADD CONSTRAINT clones its own) */
	if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn || cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse)
		for (size_t k = n_before; k < t->n_constraints; k++)
			dd_model_clone_to_partitions(m, t, t->constraints[k]);
}

void dd_model_alter_table(dd_model *m, const PgQuery__AlterTableStmt *as)
{
	if (as->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) {
		/* ALTER INDEX parent ATTACH PARTITION child (pg_dump): the partition's index, and the
		 * constraint it backs, become the clones of the parent's */
		for (size_t i = 0; i < as->n_cmds; i++) {
			const PgQuery__AlterTableCmd *cmd = as->cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD ?
							    as->cmds[i]->alter_table_cmd : NULL;
			if (!cmd || cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition || !cmd->def ||
			    cmd->def->node_case != PG_QUERY__NODE__NODE_PARTITION_CMD || !cmd->def->partition_cmd->name)
				continue;
			const PgQuery__RangeVar *rv = cmd->def->partition_cmd->name;
			dd_index *ix = dd_obj_find(m, KIND_INDEX, rv->schemaname, rv->relname);
			if (ix) {
				ix->inherited = true;
				if (ix->constraint)
					ix->constraint->inherited = true;
			}
		}
		return;
	}
	if (as->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE && as->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE)
		return;
	dd_table *t = table_of(m, as->relation);
	if (!t)
		return;
	for (size_t i = 0; i < as->n_cmds; i++) {
		if (as->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
			continue;
		const PgQuery__AlterTableCmd *cmd = as->cmds[i]->alter_table_cmd;
		size_t n_before = t->n_constraints;
		if (t->partitioned && as->relation->inh && (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint ||
							    cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse))
			for (size_t k = 0; k < t->n_constraints; k++)
				if (strcmp(t->constraints[k]->name, cmd->name) == 0)
					drop_partition_copies(m, t, t->constraints[k]);
		alter_cmd(m, t, as, cmd);
		if (t->partitioned && as->relation->inh)
			to_partitions(m, t, cmd, n_before);
	}
}

/* One action of ALTER TABLE on t. */
static void alter_cmd(dd_model *m, dd_table *t, const PgQuery__AlterTableStmt *as, const PgQuery__AlterTableCmd *cmd)
{
	{
		dd_column *col = cmd->name && *cmd->name ? dd_table_column(t, cmd->name) : NULL;
		switch (cmd->subtype) {
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse: {
			if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
				break;
			const PgQuery__ColumnDef *cd = cmd->def->column_def;
			if (dd_table_column(t, cd->colname))
				break;   /* ADD COLUMN IF NOT EXISTS */
			dd_model_add_column(m, t, cd);
			break;
		}
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse:
			drop_column(m, t, cmd->name);
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
			if (col && cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
				dd_type_from_typename(A(m), cmd->def->column_def->type_name, &col->type);
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
			if (col)
				col->not_null = true;
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
			if (col)
				col->not_null = false;
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
			if (col) {
				col->default_expr = dd_model_default_text(m, &col->type, cmd->def);
				if (col->default_expr && strncmp(col->default_expr, "nextval(", 8) == 0)
					col->type.serial = true;   /* pg_dump's spelling of serial */
			}
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
			if (col) {
				const PgQuery__Node *d = cmd->def;
				col->identity = 'a';
				if (d && d->node_case == PG_QUERY__NODE__NODE_CONSTRAINT && d->constraint->generated_when &&
				    *d->constraint->generated_when)
					col->identity = d->constraint->generated_when[0];
				col->not_null = true;
			}
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
			if (col)
				col->identity = 0;
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression:
			if (col)
				col->generated = false;
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIndexConstraint:
			if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
				const PgQuery__Constraint *pc = cmd->def->constraint;
				if (pc->conname && *pc->conname) {
					bool exists = false;
					for (size_t k = 0; k < t->n_constraints; k++)
						if (strcmp(t->constraints[k]->name, pc->conname) == 0)
							exists = true;
					if (exists)
						break;
				}
				dd_model_add_constraint(m, t, pc, as->relation->inh);
			}
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse:
			drop_constraint(m, t, cmd->name);
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse:
			for (size_t k = 0; k < t->n_constraints; k++)
				if (strcmp(t->constraints[k]->name, cmd->name) == 0)
					t->constraints[k]->not_valid = false;
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
			if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD) {
				dd_table *part = table_of(m, cmd->def->partition_cmd->name);
				if (part && !dd_model_is_ancestor(m, part, t)) {   /* PostgreSQL refuses a cycle */
					part->parent_schema = t->schema;
					part->parent = t->name;
					dd_model_clone_to_partition(m, t, part);
				}
			}
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
			if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD) {
				dd_table *part = table_of(m, cmd->def->partition_cmd->name);
				if (part)
					detach(m, part);
			}
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
			t->persistence = 'p';
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
			t->persistence = 'u';
			break;
		default:
			break;
		}
	}
}

/* ALTER TABLE ... RENAME TO: its triggers follow, and the names PostgreSQL would give its constraints. */
void dd_model_rename_table(dd_model *m, dd_table *t, const char *newname)
{
	const char *old = t->name;
	dd_obj_rename(m, KIND_TABLE, t, dd_arena_strdup(A(m), newname));
	follow_references(m, t->schema, old, t, NULL, NULL);
	dd_model_move_referencing(m, t->schema, old, t->schema, t->name);
	follow_partitions(m, t->schema, old, t);
	for (size_t i = 0; i < t->n_triggers; i++)
		t->triggers[i]->table = t->name;
	for (size_t i = 0; i < t->n_constraints; i++)
		rename_follows(m, t, t->constraints[i]);
}

/* ALTER TABLE ... SET SCHEMA: its indexes and triggers follow. */
void dd_model_move_table(dd_model *m, dd_table *t, const char *schema)
{
	const char *old = t->schema;
	dd_obj_move(m, KIND_TABLE, t, dd_arena_strdup(A(m), schema));
	follow_references(m, old, t->name, t, NULL, NULL);
	dd_model_move_referencing(m, old, t->name, t->schema, t->name);
	follow_partitions(m, old, t->name, t);
	for (size_t i = 0; i < t->n_triggers; i++)
		t->triggers[i]->schema = t->schema;
	for (size_t i = 0; i < t->n_indexes; i++)
		if (!t->indexes[i]->dropped)
			dd_obj_move(m, KIND_INDEX, t->indexes[i], t->schema);
}

/* DROP TABLE: its indexes, constraint names, triggers and serial sequences go with it, the
 * foreign keys that reference it, and its partitions. */
void dd_model_drop_table(dd_model *m, dd_table *t)
{
	dd_obj_drop(m, KIND_TABLE, t);
	drop_references(m, t, NULL);
	for (size_t i = 0; t->partitioned && i < m->n_tables; i++) {   /* a partitioned table's partitions go with it */
		dd_table *p = m->tables[i];
		if (dd_model_partition_of(m, p, t))
			dd_model_drop_table(m, p);
	}
	for (size_t i = 0; i < t->n_indexes; i++)
		if (!t->indexes[i]->dropped)
			dd_obj_drop(m, KIND_INDEX, t->indexes[i]);
	for (size_t i = 0; i < t->n_constraints; i++)
		dd_model_conname_count(m, t->schema, t->constraints[i]->name, -1);
	for (size_t i = 0; i < t->n_triggers; i++)
		t->triggers[i]->dropped = true;
	for (size_t i = 0; i < m->n_sequences; i++) {
		dd_sequence *s = m->sequences[i];
		if (!s->dropped && s->owned_by_table && strcmp(s->schema, t->schema) == 0 &&
		    strcmp(s->owned_by_table, t->name) == 0)
			dd_obj_drop(m, KIND_SEQUENCE, s);
	}
}

/* DROP TYPE ... CASCADE: the columns of that type go (and what uses them), and the domains over it. */
void dd_model_drop_type_uses(dd_model *m, const dd_typedef *ty)
{
	const char *def = dd_model_schema_for(m, NULL);
	for (size_t i = 0; i < m->n_tables; i++) {
		dd_table *t = m->tables[i];
		for (size_t c = t->n_columns; !t->dropped && c > 0; c--) {
			const dd_type *ct = &t->columns[c - 1]->type;
			if (strcmp(ct->name, ty->name) == 0 && strcmp(ct->schema ? ct->schema : def, ty->schema) == 0)
				drop_column(m, t, t->columns[c - 1]->name);
		}
	}
	for (size_t i = 0; i < m->n_types; i++) {
		dd_typedef *d = m->types[i];
		if (!d->dropped && d->kind == DD_TYPE_DOMAIN && strcmp(d->base.name, ty->name) == 0 &&
		    strcmp(d->base.schema ? d->base.schema : def, ty->schema) == 0) {
			dd_obj_drop(m, KIND_TYPE, d);
			dd_model_drop_type_uses(m, d);
		}
	}
}
