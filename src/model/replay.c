/* The replay: dd_model_apply dispatches each statement kind; RENAME, DROP and SET SCHEMA of every
 * kind, and the objects other than tables (types, views, triggers, functions, sequences, schemas),
 * comments and the search path. */
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include "model_priv.h"

static void split_names(PgQuery__Node *const *items, size_t n, const char **schema, const char **name)
{
	*name = dd_name_last(items, n);
	*schema = n >= 2 ? dd_string_node(items[n - 2]) : NULL;
}

static void list_names(const PgQuery__Node *obj, const char **schema, const char **name)
{
	*schema = NULL;
	*name = "";
	if (!obj)
		return;
	if (obj->node_case == PG_QUERY__NODE__NODE_LIST)
		split_names(obj->list->items, obj->list->n_items, schema, name);
	else if (obj->node_case == PG_QUERY__NODE__NODE_STRING)
		*name = obj->string->sval;
	else if (obj->node_case == PG_QUERY__NODE__NODE_TYPE_NAME)
		split_names(obj->type_name->names, obj->type_name->n_names, schema, name);
	else if (obj->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS)
		split_names(obj->object_with_args->objname, obj->object_with_args->n_objname, schema, name);
}

/* The kind of object an ObjectType names, for the kinds the model finds by name; -1 for the others. */
static int kind_of(PgQuery__ObjectType type)
{
	switch (type) {
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
	case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: return KIND_TABLE;
	case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return KIND_INDEX;
	case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
	case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: return KIND_VIEW;
	case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return KIND_SEQUENCE;
	case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
	case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: return KIND_TYPE;
	case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: return KIND_SCHEMA;
	default: return -1;
	}
}

static bool is_routine(PgQuery__ObjectType type)
{
	return type == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION || type == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ||
	       type == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE;
}

/* The triggers named `name` (NULL: all) on table t, or, t NULL, on the view schema.table: a
 * table's own list, or the model's for a view (which keeps none of its own). */
static void drop_triggers(dd_model *m, dd_table *t, const char *schema, const char *table, const char *name)
{
	dd_trigger **v = t ? t->triggers : m->triggers;
	size_t n = t ? t->n_triggers : m->n_triggers;
	for (size_t j = 0; j < n; j++) {
		dd_trigger *x = v[j];
		if (!x->dropped && (t || (strcmp(x->schema, schema) == 0 && strcmp(x->table, table) == 0)) &&
		    (!name || strcmp(x->name, name) == 0))
			x->dropped = true;
	}
}

/* A view renamed or moved: its triggers follow. */
static void view_triggers_follow(dd_model *m, const char *schema, const char *name, const dd_view *v)
{
	for (size_t j = 0; j < m->n_triggers; j++) {
		dd_trigger *x = m->triggers[j];
		if (!x->dropped && strcmp(x->schema, schema) == 0 && strcmp(x->table, name) == 0) {
			x->schema = v->schema;
			x->table = v->name;
		}
	}
}

/* A type that refers to `ty` by its old name now bears its new one, as PostgreSQL's columns
 * (which hold the type's oid) show it. */
static void rename_type_ref(dd_model *m, dd_type *t, const dd_typedef *ty, const char *old)
{
	if (strcmp(t->name, old) != 0 || (t->schema && strcmp(t->schema, ty->schema) != 0))
		return;
	if (!t->schema && strcmp(dd_model_schema_for(m, NULL), ty->schema) != 0)
		return;
	const char *at = strstr(t->text, old);
	if (at)
		t->text = dd_arena_sprintf(A(m), "%.*s%s%s", (int)(at - t->text), t->text, ty->name, at + strlen(old));
	t->name = ty->name;
}

/* ALTER TYPE ... RENAME: the columns and domains of that type follow it. */
static void retype(dd_model *m, const dd_typedef *ty, const char *old)
{
	for (size_t i = 0; i < m->n_tables; i++) {
		dd_table *t = m->tables[i];
		for (size_t c = 0; !t->dropped && c < t->n_columns; c++)
			rename_type_ref(m, &t->columns[c]->type, ty, old);
	}
	for (size_t i = 0; i < m->n_types; i++)
		if (!m->types[i]->dropped && m->types[i]->kind == DD_TYPE_DOMAIN)
			rename_type_ref(m, &m->types[i]->base, ty, old);
}

static void move_schema_objects(dd_model *m, const char *old, const char *schema);

static void rename_stmt(dd_model *m, const PgQuery__RenameStmt *rs)
{
	const char *schema = NULL, *name = rs->subname;
	if (rs->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER && rs->relation) {
		/* on a table or a view */
		dd_table *t = table_of(m, rs->relation);
		dd_view *v = t ? NULL : dd_obj_find(m, KIND_VIEW, rs->relation->schemaname, rs->relation->relname);
		for (size_t j = 0; (t || v) && j < m->n_triggers; j++) {
			dd_trigger *x = m->triggers[j];
			if (!x->dropped && strcmp(x->schema, t ? t->schema : v->schema) == 0 &&
			    strcmp(x->table, t ? t->name : v->name) == 0 && strcmp(x->name, rs->subname) == 0)
			{
				x->name = dd_arena_strdup(A(m), rs->newname);
				x->loc = dd_stmt_find_ident(m->priv->st, m->priv->st->offset, x->name);
			}
		}
		return;
	}
	if (rs->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN ||
	    rs->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT) {
		/* a part of a table, named by rs->subname */
		dd_table *t = table_of(m, rs->relation);
		if (!t)
			return;
		if (rs->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN)
			dd_model_rename_column(m, t, rs->subname, rs->newname);
		else
			dd_model_rename_constraint(m, t, rs->subname, rs->newname);
		return;
	}
	if (is_routine(rs->rename_type)) {
		/* every overload */
		list_names(rs->object, &schema, &name);
		const char *s = dd_model_schema_for(m, schema);
		for (size_t i = 0; i < m->n_functions; i++) {
			dd_function *f = m->functions[i];
			if (!f->dropped && strcmp(f->schema, s) == 0 && strcmp(f->name, name) == 0)
				f->name = dd_arena_strdup(A(m), rs->newname);
		}
		return;
	}
	int k = kind_of(rs->rename_type);
	if (k < 0)
		return;
	/* relations are named by a RangeVar, types by a name list, a schema by rs->subname */
	if (k == KIND_TYPE) {
		list_names(rs->object, &schema, &name);
	} else if (k != KIND_SCHEMA) {
		if (!rs->relation)
			return;
		schema = rs->relation->schemaname;
		name = rs->relation->relname;
	}
	void *o = dd_obj_find(m, k, schema, name);
	if (!o)
		return;
	if (k == KIND_TABLE) {
		dd_model_rename_table(m, o, rs->newname);
		return;
	}
	if (k == KIND_INDEX && ((dd_index *)o)->constraint && ((dd_index *)o)->table) {
		/* renaming the index renames its constraint, as RENAME CONSTRAINT does */
		dd_index *ix = o;
		dd_model_rename_constraint(m, ix->table, ix->constraint->name, rs->newname);
		ix->named = true;
		return;
	}
	const char *old = obj_name((dd_kind_id)k, o);
	dd_obj_rename(m, k, o, dd_arena_strdup(A(m), rs->newname));
	if (k == KIND_SCHEMA)
		move_schema_objects(m, old, obj_name((dd_kind_id)k, o));
	if (k == KIND_TYPE)
		retype(m, o, old);
	if (k == KIND_VIEW)
		view_triggers_follow(m, ((dd_view *)o)->schema, old, o);
	if (k == KIND_INDEX)
		((dd_index *)o)->named = true;
}

/* Every object of the model in `schema`, each kind the model holds: moved to schema `to`, or
 * dropped (to NULL). A table takes its indexes, triggers and sequences along, and the foreign
 * keys naming it follow (or go); the triggers left are those on views. */
static void schema_objects(dd_model *m, const char *schema, const char *to)
{
	for (size_t j = 0; j < m->n_tables; j++) {
		dd_table *t = m->tables[j];
		if (t->dropped || strcmp(t->schema, schema) != 0)
			continue;
		if (to)
			dd_model_move_table(m, t, to);
		else
			dd_model_drop_table(m, t);
	}
	static const dd_kind_id kinds[] = { KIND_INDEX, KIND_TYPE, KIND_VIEW, KIND_FUNCTION, KIND_SEQUENCE };
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		void **items = obj_items(m, kinds[k]);
		for (size_t j = 0; j < obj_count(m, kinds[k]); j++) {
			if (obj_dropped(kinds[k], items[j]) || strcmp(obj_schema(kinds[k], items[j]), schema) != 0)
				continue;
			if (to)
				dd_obj_move(m, kinds[k], items[j], to);
			else
				dd_obj_drop(m, kinds[k], items[j]);
		}
	}
	for (size_t j = 0; j < m->n_triggers; j++) {   /* on views */
		if (strcmp(m->triggers[j]->schema, schema) != 0)
			continue;
		if (to)
			m->triggers[j]->schema = to;
		else
			m->triggers[j]->dropped = true;
	}
}

/* A type named with the schema `old` now names `schema` (its column's type keeps the type's oid). */
static void move_type_ref(dd_model *m, dd_type *t, const char *old, const char *schema)
{
	if (!t->schema || strcmp(t->schema, old) != 0)
		return;
	size_t n = strlen(old);
	if (strncmp(t->text, old, n) == 0 && t->text[n] == '.')
		t->text = dd_arena_sprintf(A(m), "%s%s", schema, t->text + n);
	t->schema = schema;
}

/* ALTER SCHEMA ... RENAME: every object in the schema is in the new one (tables with their
 * indexes and triggers, and the foreign keys naming them; types, views and their triggers,
 * functions, sequences), and the columns of its types name it. */
static void move_schema_objects(dd_model *m, const char *old, const char *schema)
{
	schema_objects(m, old, schema);
	for (size_t i = 0; i < m->n_tables; i++)
		for (size_t c = 0; !m->tables[i]->dropped && c < m->tables[i]->n_columns; c++)
			move_type_ref(m, &m->tables[i]->columns[c]->type, old, schema);
	for (size_t i = 0; i < m->n_types; i++)
		if (!m->types[i]->dropped && m->types[i]->kind == DD_TYPE_DOMAIN)
			move_type_ref(m, &m->types[i]->base, old, schema);
}

/* CASCADE or not, the objects in a schema are gone when the drop succeeds (without CASCADE
 * PostgreSQL refuses to drop a schema that has any): every kind the model holds. A table's
 * indexes, triggers and sequences go with it, and so do the foreign keys of other schemas'
 * tables that reference it. */
static void drop_schema_objects(dd_model *m, const char *schema) { schema_objects(m, schema, NULL); }

/* Does `ref` ("name" or "schema.name", as a trigger names its function) name schema.name? An
 * unqualified one is taken in the default schema. */
static bool names_object(dd_model *m, const char *ref, const char *schema, const char *name)
{
	const char *dot = strrchr(ref, '.');
	if (!dot)
		return strcmp(ref, name) == 0 && strcmp(dd_model_schema_for(m, NULL), schema) == 0;
	return strcmp(dot + 1, name) == 0 && strlen(schema) == (size_t)(dot - ref) && strncmp(ref, schema, (size_t)(dot - ref)) == 0;
}

/* The sequence a default's nextval('...') names, as schema and name (the regclass text folded
 * as PostgreSQL reads it: unquoted parts to lower case); false when it calls no nextval. */
static bool nextval_of(dd_model *m, const char *expr, const char **schema, const char **name)
{
	const char *p = expr ? strstr(expr, "nextval('") : NULL;
	if (!p)
		return false;
	p += strlen("nextval('");
	char part[2][128];
	int n = 0;
	size_t len = 0;
	bool quoted = false;
	for (; *p && n < 2; p++) {
		if (quoted) {
			if (*p == '"' && p[1] == '"')
				p++;
			else if (*p == '"') {
				quoted = false;
				continue;
			}
		} else if (*p == '"') {
			quoted = true;
			continue;
		} else if (*p == '.' || *p == '\'') {
			part[n][len] = '\0';
			n++, len = 0;
			if (*p == '\'')
				break;
			continue;
		}
		if (len + 1 < sizeof part[0])
			part[n][len++] = quoted ? *p : (char)tolower((unsigned char)*p);
	}
	if (n == 0 || n > 2 || *p != '\'')
		return false;
	*schema = n == 2 ? dd_arena_strdup(A(m), part[0]) : dd_model_schema_for(m, NULL);
	*name = dd_arena_strdup(A(m), part[n - 1]);
	return true;
}

static void drop_stmt(dd_model *m, const PgQuery__DropStmt *ds)
{
	int k = kind_of(ds->remove_type);
	for (size_t i = 0; i < ds->n_objects; i++) {
		const char *schema, *name;
		list_names(ds->objects[i], &schema, &name);
		if (ds->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER) {
			/* objects: [schema.]table.trigger */
			const PgQuery__Node *o = ds->objects[i];
			if (o->node_case != PG_QUERY__NODE__NODE_LIST || o->list->n_items < 2)
				continue;
			size_t n = o->list->n_items;
			const char *tg = dd_string_node(o->list->items[n - 1]);
			const char *tname = dd_string_node(o->list->items[n - 2]);
			const char *tschema = n >= 3 ? dd_string_node(o->list->items[n - 3]) : NULL;
			if (tg)
				drop_triggers(m, dd_model_table(m, tschema, tname ? tname : ""), dd_model_schema_for(m, tschema),
					      tname ? tname : "", tg);
		} else if (is_routine(ds->remove_type)) {
			/* every overload */
			const char *s = dd_model_schema_for(m, schema);
			for (size_t j = 0; j < m->n_functions; j++) {
				dd_function *f = m->functions[j];
				if (!f->dropped && strcmp(f->schema, s) == 0 && strcmp(f->name, name) == 0)
					f->dropped = true;
			}
			/* CASCADE: the triggers that run it go too (without, PostgreSQL refuses the drop) */
			for (size_t j = 0; ds->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE && j < m->n_triggers; j++)
				if (!m->triggers[j]->dropped && names_object(m, m->triggers[j]->function, s, name))
					m->triggers[j]->dropped = true;
		} else if (k >= 0) {
			void *o = dd_obj_find(m, k, schema, name);
			if (o && k == KIND_TABLE)
				dd_model_drop_table(m, o);
			else if (o && k == KIND_INDEX)
				dd_model_drop_index(m, o);
			else if (o)
				dd_obj_drop(m, k, o);
			if (o && k == KIND_VIEW)
				drop_triggers(m, NULL, ((dd_view *)o)->schema, ((dd_view *)o)->name, NULL);
			if (o && k == KIND_TYPE && ds->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
				dd_model_drop_type_uses(m, o);
			if (o && k == KIND_SEQUENCE && ds->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE) {
				/* the defaults that call nextval() of it go */
				const dd_sequence *q = o;
				for (size_t t = 0; t < m->n_tables; t++)
					for (size_t c = 0; !m->tables[t]->dropped && c < m->tables[t]->n_columns; c++) {
						dd_column *col = m->tables[t]->columns[c];
						const char *qs, *qn;
						if (nextval_of(m, col->default_expr, &qs, &qn) && strcmp(qs, q->schema) == 0 &&
						    strcmp(qn, q->name) == 0)
							col->default_expr = NULL;
					}
			}
			if (k == KIND_SCHEMA)
				drop_schema_objects(m, name);
		}
	}
}

static dd_typedef *new_typedef(dd_model *m, PgQuery__Node *const *names, size_t n, dd_typedef_kind kind)
{
	const char *schema, *name;
	split_names(names, n, &schema, &name);
	schema = dd_model_schema_for(m, schema);
	if (dd_obj_find(m, KIND_TYPE, schema, name))
		return NULL;
	dd_typedef *ty = dd_arena_alloc(A(m), sizeof *ty);
	ty->schema = dd_arena_strdup(A(m), schema);
	ty->name = dd_arena_strdup(A(m), name);
	ty->kind = kind;
	ty->loc = find_ident(m, m->priv->st->offset, name);
	dd_obj_add(m, KIND_TYPE, ty);
	return ty;
}

static void alter_enum(dd_model *m, const PgQuery__AlterEnumStmt *ae)
{
	const char *schema, *name;
	split_names(ae->type_name, ae->n_type_name, &schema, &name);
	dd_typedef *ty = dd_obj_find(m, KIND_TYPE, schema, name);
	if (!ty)
		return;
	if (ae->old_val && *ae->old_val) {   /* RENAME VALUE */
		for (size_t i = 0; i < ty->n_labels; i++)
			if (strcmp(ty->labels[i], ae->old_val) == 0)
				ty->labels[i] = dd_arena_strdup(A(m), ae->new_val);
		return;
	}
	for (size_t i = 0; i < ty->n_labels; i++)
		if (strcmp(ty->labels[i], ae->new_val) == 0)
			return;   /* ADD VALUE IF NOT EXISTS */
	size_t pos = ty->n_labels;
	if (ae->new_val_neighbor && *ae->new_val_neighbor)
		for (size_t i = 0; i < ty->n_labels; i++)
			if (strcmp(ty->labels[i], ae->new_val_neighbor) == 0)
				pos = ae->new_val_is_after ? i + 1 : i;
	const char **labels = dd_arena_alloc(A(m), (ty->n_labels + 1) * sizeof *labels);
	memcpy(labels, ty->labels, pos * sizeof *labels);
	labels[pos] = dd_arena_strdup(A(m), ae->new_val);
	memcpy(labels + pos + 1, ty->labels + pos, (ty->n_labels - pos) * sizeof *labels);
	ty->labels = labels;
	ty->n_labels++;
}

static void create_view(dd_model *m, const PgQuery__RangeVar *rv, bool materialized)
{
	const char *schema = dd_model_schema_for(m, rv->schemaname);
	dd_view *v = dd_obj_find(m, KIND_VIEW, schema, rv->relname);
	if (v)
		return;   /* OR REPLACE keeps the view */
	v = dd_arena_alloc(A(m), sizeof *v);
	v->schema = dd_arena_strdup(A(m), schema);
	v->name = dd_arena_strdup(A(m), rv->relname);
	v->materialized = materialized;
	v->loc = dd_name_loc(m->priv->st->file, rv->location);
	dd_obj_add(m, KIND_VIEW, v);
}

/* CreateTrigStmt's timing and events are PostgreSQL's TRIGGER_TYPE_* bits (catalog/pg_trigger.h);
 * AFTER is no bit, and FOR EACH ROW is the statement's own `row`. */
enum {
	TRIGGER_TYPE_ROW = 1 << 0, TRIGGER_TYPE_BEFORE = 1 << 1, TRIGGER_TYPE_INSERT = 1 << 2,
	TRIGGER_TYPE_DELETE = 1 << 3, TRIGGER_TYPE_UPDATE = 1 << 4, TRIGGER_TYPE_TRUNCATE = 1 << 5,
	TRIGGER_TYPE_INSTEAD = 1 << 6
};

static void create_trigger(dd_model *m, const PgQuery__CreateTrigStmt *ts)
{
	dd_table *t = table_of(m, ts->relation);
	const char *schema = t ? t->schema : dd_model_schema_for(m, ts->relation->schemaname);
	const char *table = t ? t->name : ts->relation->relname;
	drop_triggers(m, t, schema, table, ts->trigname);   /* CREATE OR REPLACE */
	dd_trigger *tg = dd_arena_alloc(A(m), sizeof *tg);
	tg->name = dd_arena_strdup(A(m), ts->trigname);
	tg->schema = dd_arena_strdup(A(m), schema);
	tg->table = dd_arena_strdup(A(m), table);
	tg->loc = find_ident(m, m->priv->st->offset, ts->trigname);
	tg->timing = (ts->timing & TRIGGER_TYPE_BEFORE) ? "before" :
		     (ts->timing & TRIGGER_TYPE_INSTEAD) ? "instead of" : "after";
	tg->on_insert = (ts->events & TRIGGER_TYPE_INSERT) != 0;
	tg->on_delete = (ts->events & TRIGGER_TYPE_DELETE) != 0;
	tg->on_update = (ts->events & TRIGGER_TYPE_UPDATE) != 0;
	tg->on_truncate = (ts->events & TRIGGER_TYPE_TRUNCATE) != 0;
	tg->for_each_row = ts->row;
	dd_buf b = { 0 };
	for (size_t i = 0; i < ts->n_funcname; i++) {
		const char *s = dd_string_node(ts->funcname[i]);
		if (i)
			dd_buf_puts(&b, ".");
		dd_buf_puts(&b, s ? s : "");
	}
	tg->function = dd_arena_strdup(A(m), b.data ? b.data : "");
	dd_buf_free(&b);
	dd_obj_add(m, KIND_TRIGGER, tg);
	if (t)
		DD_PUSH(A(m), &t->triggers, &t->n_triggers, tg);
}

static void create_function(dd_model *m, const PgQuery__CreateFunctionStmt *fs)
{
	const char *schema, *name;
	split_names(fs->funcname, fs->n_funcname, &schema, &name);
	schema = dd_model_schema_for(m, schema);
	dd_buf args = { 0 };
	for (size_t i = 0, k = 0; i < fs->n_parameters; i++) {
		const PgQuery__Node *p = fs->parameters[i];
		if (p->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER)
			continue;
		const PgQuery__FunctionParameter *fp = p->function_parameter;
		if (fp->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT ||
		    fp->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE)
			continue;
		dd_type ty;
		dd_type_from_typename(A(m), fp->arg_type, &ty);
		dd_buf_printf(&args, "%s%s", k++ ? ", " : "", ty.text);
	}
	const char *argtext = dd_arena_strdup(A(m), args.data ? args.data : "");
	dd_buf_free(&args);
	const char *fkey = dd_arena_sprintf(A(m), "%s.%s(%s)", schema, name, argtext);
	dd_function *old = dd_map_get(&m->priv->functions, fkey);
	if (old)
		old->dropped = true;   /* OR REPLACE: the new definition wins */
	dd_function *f = dd_arena_alloc(A(m), sizeof *f);
	f->schema = dd_arena_strdup(A(m), schema);
	f->name = dd_arena_strdup(A(m), name);
	f->args = argtext;
	f->procedure = fs->is_procedure;
	f->volatility = 'v';
	if (fs->return_type) {
		dd_type rt;
		dd_type_from_typename(A(m), fs->return_type, &rt);
		f->returns = fs->return_type->setof ? dd_arena_sprintf(A(m), "SETOF %s", rt.text) : rt.text;
	}
	for (size_t i = 0; i < fs->n_options; i++) {
		const PgQuery__Node *o = fs->options[i];
		if (o->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
			continue;
		if (strcmp(o->def_elem->defname, "language") == 0)
			f->language = dd_arena_strdup(A(m), dd_string_node(o->def_elem->arg));
		else if (strcmp(o->def_elem->defname, "volatility") == 0 && dd_string_node(o->def_elem->arg))
			f->volatility = dd_string_node(o->def_elem->arg)[0];   /* "immutable", "stable", "volatile" */
	}
	f->loc = find_ident(m, m->priv->st->offset, name);
	dd_obj_add(m, KIND_FUNCTION, f);
}

static void create_sequence(dd_model *m, const PgQuery__CreateSeqStmt *cs)
{
	const char *schema = dd_model_schema_for(m, cs->sequence->schemaname);
	if (dd_obj_find(m, KIND_SEQUENCE, schema, cs->sequence->relname))
		return;
	dd_sequence *s = dd_arena_alloc(A(m), sizeof *s);
	s->schema = dd_arena_strdup(A(m), schema);
	s->name = dd_arena_strdup(A(m), cs->sequence->relname);
	s->loc = dd_name_loc(m->priv->st->file, cs->sequence->location);
	dd_obj_add(m, KIND_SEQUENCE, s);
}

static void alter_sequence(dd_model *m, const PgQuery__AlterSeqStmt *as)
{
	dd_sequence *s = dd_obj_find(m, KIND_SEQUENCE, as->sequence->schemaname, as->sequence->relname);
	if (!s)
		return;
	for (size_t i = 0; i < as->n_options; i++) {
		const PgQuery__Node *o = as->options[i];
		if (o->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || strcmp(o->def_elem->defname, "owned_by") != 0)
			continue;
		const PgQuery__Node *arg = o->def_elem->arg;
		if (arg && arg->node_case == PG_QUERY__NODE__NODE_LIST && arg->list->n_items >= 2) {
			size_t n = arg->list->n_items;
			s->owned_by_table = dd_arena_strdup(A(m), dd_string_node(arg->list->items[n - 2]));
			s->owned_by_column = dd_arena_strdup(A(m), dd_string_node(arg->list->items[n - 1]));
		}
	}
}

static void comment_stmt(dd_model *m, const PgQuery__CommentStmt *cs)
{
	const PgQuery__Node *o = cs->object;
	if (!o || o->node_case != PG_QUERY__NODE__NODE_LIST)
		return;
	size_t n = o->list->n_items;
	PgQuery__Node **it = o->list->items;
	const char *text = cs->comment && *cs->comment ? dd_arena_strdup(A(m), cs->comment) : NULL;
	if (cs->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
		const char *schema, *name;
		split_names(it, n, &schema, &name);
		dd_table *t = dd_model_table(m, schema, name);
		if (t)
			t->comment = text;
	} else if (cs->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN && n >= 2) {
		const char *col = dd_string_node(it[n - 1]);
		const char *schema = n >= 3 ? dd_string_node(it[n - 3]) : NULL;
		dd_table *t = dd_model_table(m, schema, dd_string_node(it[n - 2]));
		dd_column *c = t && col ? dd_table_column(t, col) : NULL;
		if (c)
			c->comment = text;
	}
}

static void set_search_path(dd_model *m, const char *first)
{
	if (first && *first && strcmp(first, "$user") != 0 && strcmp(first, "pg_catalog") != 0)
		m->default_schema = dd_arena_strdup(A(m), first);
	else
		m->default_schema = "public";
}

static void variable_set(dd_model *m, const PgQuery__VariableSetStmt *vs)
{
	if (strcmp(vs->name, "search_path") != 0)
		return;
	if (vs->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE && vs->n_args > 0) {
		const PgQuery__Node *a = vs->args[0];
		if (a->node_case == PG_QUERY__NODE__NODE_A_CONST && a->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL)
			set_search_path(m, a->a_const->sval->sval);
	} else if (vs->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT ||
		   vs->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET) {
		set_search_path(m, NULL);
	}
}

/* pg_dump writes SELECT pg_catalog.set_config('search_path', '...', false). */
static void select_stmt(dd_model *m, const PgQuery__SelectStmt *ss)
{
	if (ss->n_target_list != 1 || ss->target_list[0]->node_case != PG_QUERY__NODE__NODE_RES_TARGET)
		return;
	const PgQuery__Node *v = ss->target_list[0]->res_target->val;
	if (!v || v->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return;
	const PgQuery__FuncCall *fc = v->func_call;
	if (strcmp(dd_name_last(fc->funcname, fc->n_funcname), "set_config") != 0 || fc->n_args < 2)
		return;
	const PgQuery__Node *a0 = fc->args[0], *a1 = fc->args[1];
	if (a0->node_case != PG_QUERY__NODE__NODE_A_CONST || a0->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL ||
	    strcmp(a0->a_const->sval->sval, "search_path") != 0)
		return;
	if (a1->node_case != PG_QUERY__NODE__NODE_A_CONST || a1->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return;
	char first[128];
	snprintf(first, sizeof first, "%s", a1->a_const->sval->sval);
	char *comma = strchr(first, ',');
	if (comma)
		*comma = '\0';
	char *p = first;
	while (*p == ' ' || *p == '"')
		p++;
	size_t l = strlen(p);
	while (l && (p[l - 1] == ' ' || p[l - 1] == '"'))
		p[--l] = '\0';
	set_search_path(m, p);
}

static void alter_object_schema(dd_model *m, const PgQuery__AlterObjectSchemaStmt *as)
{
	if (as->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
		dd_table *t = table_of(m, as->relation);
		if (t)
			dd_model_move_table(m, t, as->newschema);
	} else if (as->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ||
		   as->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW) {
		dd_view *v = as->relation ? dd_obj_find(m, KIND_VIEW, as->relation->schemaname, as->relation->relname) : NULL;
		if (v) {
			const char *old = v->schema;
			dd_obj_move(m, KIND_VIEW, v, dd_arena_strdup(A(m), as->newschema));
			view_triggers_follow(m, old, v->name, v);
		}
	} else if (as->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE ||
		   as->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN) {
		const char *schema, *name;
		list_names(as->object, &schema, &name);
		dd_typedef *ty = dd_obj_find(m, KIND_TYPE, schema, name);
		if (ty)
			dd_obj_move(m, KIND_TYPE, ty, dd_arena_strdup(A(m), as->newschema));
	}
}

void dd_model_apply(dd_model *m, const dd_stmt *st)
{
	m->priv->st = st;
	const PgQuery__Node *n = st->node;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: {
		const PgQuery__CreateSchemaStmt *cs = n->create_schema_stmt;
		const char *name = cs->schemaname && *cs->schemaname ? cs->schemaname :
				   (cs->authrole && cs->authrole->rolename ? cs->authrole->rolename : "");
		if (!*name || dd_map_get(&m->priv->schemas, name))
			break;
		dd_schema *s = dd_arena_alloc(A(m), sizeof *s);
		s->name = dd_arena_strdup(A(m), name);
		s->loc = find_ident(m, st->offset, name);
		dd_obj_add(m, KIND_SCHEMA, s);
		/* CREATE SCHEMA s CREATE TABLE ...: elements are created in the new schema */
		const char *saved = m->default_schema;
		m->default_schema = s->name;
		for (size_t i = 0; i < cs->n_schema_elts; i++) {
			dd_stmt sub = *st;
			sub.node = cs->schema_elts[i];
			dd_model_apply(m, &sub);
		}
		m->default_schema = saved;
		m->priv->st = st;
		break;
	}
	case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT: variable_set(m, n->variable_set_stmt); break;
	case PG_QUERY__NODE__NODE_SELECT_STMT: select_stmt(m, n->select_stmt); break;
	case PG_QUERY__NODE__NODE_CREATE_STMT: dd_model_create_table(m, n->create_stmt); break;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: dd_model_alter_table(m, n->alter_table_stmt); break;
	case PG_QUERY__NODE__NODE_INDEX_STMT: dd_model_create_index(m, n->index_stmt); break;
	case PG_QUERY__NODE__NODE_RENAME_STMT: rename_stmt(m, n->rename_stmt); break;
	case PG_QUERY__NODE__NODE_DROP_STMT: drop_stmt(m, n->drop_stmt); break;
	case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: {
		const PgQuery__CreateEnumStmt *es = n->create_enum_stmt;
		dd_typedef *ty = new_typedef(m, es->type_name, es->n_type_name, DD_TYPE_ENUM);
		if (ty) {
			ty->labels = dd_model_names_of(m, es->vals, es->n_vals);
			ty->n_labels = es->n_vals;
		}
		break;
	}
	case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: alter_enum(m, n->alter_enum_stmt); break;
	case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: {
		const PgQuery__CreateDomainStmt *ds = n->create_domain_stmt;
		dd_typedef *ty = new_typedef(m, ds->domainname, ds->n_domainname, DD_TYPE_DOMAIN);
		if (ty)
			dd_type_from_typename(A(m), ds->type_name, &ty->base);
		break;
	}
	case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT: {
		const PgQuery__RangeVar *rv = n->composite_type_stmt->typevar;
		if (!rv)
			break;
		PgQuery__String s1 = PG_QUERY__STRING__INIT, s2 = PG_QUERY__STRING__INIT;
		PgQuery__Node n1 = PG_QUERY__NODE__INIT, n2 = PG_QUERY__NODE__INIT;
		s1.sval = rv->schemaname;
		s2.sval = rv->relname;
		n1.node_case = n2.node_case = PG_QUERY__NODE__NODE_STRING;
		n1.string = &s1;
		n2.string = &s2;
		PgQuery__Node *names[2] = { &n1, &n2 };
		bool qualified = rv->schemaname && *rv->schemaname;
		new_typedef(m, qualified ? names : names + 1, qualified ? 2 : 1, DD_TYPE_COMPOSITE);
		break;
	}
	case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
		new_typedef(m, n->create_range_stmt->type_name, n->create_range_stmt->n_type_name, DD_TYPE_RANGE);
		break;
	case PG_QUERY__NODE__NODE_VIEW_STMT: create_view(m, n->view_stmt->view, false); break;
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
		const PgQuery__CreateTableAsStmt *ct = n->create_table_as_stmt;
		if (ct->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW && ct->into && ct->into->rel)
			create_view(m, ct->into->rel, true);
		break;
	}
	case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: create_trigger(m, n->create_trig_stmt); break;
	case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: create_function(m, n->create_function_stmt); break;
	case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: create_sequence(m, n->create_seq_stmt); break;
	case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT: alter_sequence(m, n->alter_seq_stmt); break;
	case PG_QUERY__NODE__NODE_COMMENT_STMT: comment_stmt(m, n->comment_stmt); break;
	case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT: alter_object_schema(m, n->alter_object_schema_stmt); break;
	default:
		break;   /* INSERT, GRANT, SELECT ...: nothing the model follows */
	}
}
