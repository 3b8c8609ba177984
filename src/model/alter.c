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

static void drop_column(dd_model *m, dd_table *t, const char *name)
{
	for (size_t i = 0; i < t->n_columns; i++) {
		if (strcmp(t->columns[i]->name, name) != 0)
			continue;
		memmove(&t->columns[i], &t->columns[i + 1], (t->n_columns - i - 1) * sizeof *t->columns);
		t->n_columns--;
		break;
	}
	/* constraints and indexes on the column go with it (CASCADE or not, the model follows PostgreSQL's result) */
	for (size_t i = t->n_constraints; i > 0; i--) {
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

void dd_model_rename_column(dd_model *m, dd_table *t, const char *from, const char *to)
{
	dd_column *c = dd_table_column(t, from);
	if (!c)
		return;
	const char *nn = dd_arena_strdup(A(m), to);
	c->name = nn;
	for (size_t i = 0; i < t->n_constraints; i++)
		for (size_t k = 0; k < t->constraints[i]->n_columns; k++)
			if (strcmp(t->constraints[i]->columns[k], from) == 0)
				t->constraints[i]->columns[k] = nn;
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
		dd_model_conname_count(m, t->schema, c->name, +1);
		if (c->index)
			dd_obj_rename(m, KIND_INDEX, c->index, c->name);
	}
}

void dd_model_rename_trigger(dd_model *m, dd_table *t, const char *from, const char *to)
{
	for (size_t i = 0; i < t->n_triggers; i++) {
		dd_trigger *tg = t->triggers[i];
		if (!tg->dropped && strcmp(tg->name, from) == 0)
			tg->name = dd_arena_strdup(A(m), to);
	}
}

void dd_model_alter_table(dd_model *m, const PgQuery__AlterTableStmt *as)
{
	if (as->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE && as->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE)
		return;
	dd_table *t = table_of(m, as->relation);
	if (!t)
		return;
	for (size_t i = 0; i < as->n_cmds; i++) {
		if (as->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
			continue;
		const PgQuery__AlterTableCmd *cmd = as->cmds[i]->alter_table_cmd;
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
				dd_model_add_constraint(m, t, pc);
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
				if (part) {
					part->parent_schema = t->schema;
					part->parent = t->name;
				}
			}
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
			if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD) {
				dd_table *part = table_of(m, cmd->def->partition_cmd->name);
				if (part)
					part->parent_schema = part->parent = NULL;
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

/* ALTER TABLE ... RENAME TO: its triggers follow. */
void dd_model_rename_table(dd_model *m, dd_table *t, const char *newname)
{
	dd_obj_rename(m, KIND_TABLE, t, dd_arena_strdup(A(m), newname));
	for (size_t i = 0; i < t->n_triggers; i++)
		t->triggers[i]->table = t->name;
}

/* ALTER TABLE ... SET SCHEMA: its indexes and triggers follow. */
void dd_model_move_table(dd_model *m, dd_table *t, const char *schema)
{
	dd_obj_move(m, KIND_TABLE, t, dd_arena_strdup(A(m), schema));
	for (size_t i = 0; i < t->n_triggers; i++)
		t->triggers[i]->schema = t->schema;
	for (size_t i = 0; i < t->n_indexes; i++)
		if (!t->indexes[i]->dropped)
			dd_obj_move(m, KIND_INDEX, t->indexes[i], t->schema);
}

/* DROP TABLE: its indexes, constraint names, triggers and serial sequences go with it. */
void dd_model_drop_table(dd_model *m, dd_table *t)
{
	dd_obj_drop(m, KIND_TABLE, t);
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
