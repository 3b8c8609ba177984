/* The model's maps: creating and freeing the model, keys and lookups, the kinds of object and the
 * steps every kind takes alike, and the names PostgreSQL makes up for what the source leaves unnamed. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include "model_priv.h"

dd_model *dd_model_new(dd_arena *a)
{
	dd_model *m = dd_arena_alloc(a, sizeof *m);
	m->priv = dd_xcalloc(1, sizeof *m->priv);
	m->priv->arena = a;
	m->default_schema = "public";
	return m;
}

void dd_model_free(dd_model *m)
{
	if (!m || !m->priv)
		return;
	struct dd_model_priv *p = m->priv;
	dd_map *maps[] = { &p->tables, &p->indexes, &p->views, &p->sequences, &p->types,
			   &p->schemas, &p->connames, &p->functions, &p->removed, &p->referencing };
	for (size_t i = 0; i < sizeof maps / sizeof *maps; i++)
		dd_map_free(maps[i]);
	free(p);
	m->priv = NULL;
}

/* ---- keys and lookups ---- */

/* A "schema.name" map key, returned by value so that it lives on the caller's stack until the end
 * of the full expression that asked for it (tkey(s, n).s): runs may lint on several threads. */
typedef struct mkey { char s[512]; } mkey;

static mkey tkey(const char *schema, const char *name)
{
	/* built without printf: it is built for every lookup */
	mkey k;
	size_t ls = strlen(schema), ln = strlen(name);
	if (ls + ln + 2 > sizeof k.s) {
		ls = ls > 200 ? 200 : ls;
		ln = sizeof k.s - ls - 2;
	}
	memcpy(k.s, schema, ls);
	k.s[ls] = '.';
	memcpy(k.s + ls + 1, name, ln);
	k.s[ls + 1 + ln] = '\0';
	return k;
}

void dd_model_note_reference(dd_model *m, dd_table *from, const char *schema, const char *name)
{
	if (!schema || !name)
		return;
	mkey k = tkey(schema, name);
	dd_tables *l = dd_map_get(&m->priv->referencing, k.s);
	if (!l) {
		l = dd_arena_alloc(A(m), sizeof *l);
		dd_map_put(&m->priv->referencing, A(m), dd_arena_strdup(A(m), k.s), l);
	}
	if (l->n && l->v[l->n - 1] == from)
		return;   /* its keys made one after another */
	DD_PUSH(A(m), &l->v, &l->n, from);
}

const dd_tables *dd_model_referencing(const dd_model *m, const char *schema, const char *name)
{
	return dd_map_get(&m->priv->referencing, tkey(schema, name).s);
}

void dd_model_move_referencing(dd_model *m, const char *schema, const char *name, const char *new_schema,
			       const char *new_name)
{
	dd_tables *l = dd_map_get(&m->priv->referencing, tkey(schema, name).s);
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		dd_model_note_reference(m, l->v[i], new_schema, new_name);
	l->n = 0;
}

/* The object of a "schema.name" map: in `schema`, or when it is NULL or empty, through the search path. */
static void *lookup(const dd_model *m, const dd_map *map, const char *schema, const char *name)
{
	if (schema && *schema)
		return dd_map_get(map, tkey(schema, name).s);
	void *v = dd_map_get(map, tkey(m->default_schema, name).s);
	if (!v && strcmp(m->default_schema, "public") != 0)
		v = dd_map_get(map, tkey("public", name).s);
	if (!v)
		v = dd_map_get(map, tkey("pg_catalog", name).s);
	return v;
}

/* Remove a key from one of the model's maps (a partial copy remembers it). */
static void forget(dd_model *m, dd_map *map, const char *key)
{
	if (m->priv->base && !dd_map_get(&m->priv->removed, key))
		dd_map_put(&m->priv->removed, A(m), key, (void *)1);
	dd_map_del(map, key);
}

const dd_type *dd_model_base_type(const dd_model *m, const dd_type *t)
{
	for (int depth = 0; depth < 16; depth++) {
		if (!t || t->array_dims)
			return t;
		const dd_typedef *d = dd_model_type(m, t->schema, t->name);
		if (!d || d->kind != DD_TYPE_DOMAIN)
			return t;
		t = &d->base;
	}
	return t;
}

bool dd_model_dropped_table(const dd_model *m, const char *schema, const char *name)
{
	if (dd_model_table(m, schema, name))
		return false;
	const char *s = dd_model_schema_for(m, schema);
	for (size_t i = 0; i < m->n_tables; i++)
		if (m->tables[i]->dropped && strcmp(m->tables[i]->name, name) == 0 &&
		    (strcmp(m->tables[i]->schema, s) == 0 || (!(schema && *schema) && strcmp(m->tables[i]->schema, "public") == 0)))
			return true;
	return false;
}

bool dd_is_tool_table(const dd_table *t)
{
	static const char *const names[] = {
		"schema_migrations", "ar_internal_metadata", "goose_db_version", "flyway_schema_history",
		"__diesel_schema_migrations", "_prisma_migrations", "_sqlx_migrations", "schema_version",
		"knex_migrations", "knex_migrations_lock", "gorp_migrations", "dbmate_migrations",
		"alembic_version", "SequelizeMeta", "typeorm_metadata", "__drizzle_migrations", "pgmigrations",
		"atlas_schema_revisions", "databasechangelog", "databasechangeloglock", "schema_migration",
		"seed_files", NULL
	};
	for (int i = 0; names[i]; i++)
		if (strcmp(t->name, names[i]) == 0)
			return true;
	return false;
}

bool dd_is_system_schema(const char *schema)
{
	return schema && (strcmp(schema, "pg_catalog") == 0 || strcmp(schema, "information_schema") == 0 ||
			  strcmp(schema, "pg_temp") == 0);
}

const char *dd_model_schema_for(const dd_model *m, const char *schema)
{
	return schema && *schema ? schema : m->default_schema;
}

dd_table *dd_model_table(const dd_model *m, const char *schema, const char *name)
{
	return lookup(m, &m->priv->tables, schema, name);
}

dd_typedef *dd_model_type(const dd_model *m, const char *schema, const char *name)
{
	return lookup(m, &m->priv->types, schema, name);
}

dd_index *dd_model_index(const dd_model *m, const char *schema, const char *name)
{
	return lookup(m, &m->priv->indexes, schema, name);
}

dd_view *dd_model_view(const dd_model *m, const char *schema, const char *name)
{
	return lookup(m, &m->priv->views, schema, name);
}

dd_column *dd_table_column(const dd_table *t, const char *name)
{
	for (size_t i = 0; i < t->n_columns; i++)
		if (strcmp(t->columns[i]->name, name) == 0)
			return t->columns[i];
	return NULL;
}

const char *dd_fk_action_name(char action)
{
	switch (action) {
	case 'r': return "restrict";
	case 'c': return "cascade";
	case 'n': return "set null";
	case 'd': return "set default";
	default: return "no action";
	}
}

dd_constraint *dd_table_primary_key(const dd_table *t)
{
	for (size_t i = 0; i < t->n_constraints; i++)
		if (t->constraints[i]->kind == DD_CON_PRIMARY)
			return t->constraints[i];
	return NULL;
}

bool dd_index_uses_column(const dd_index *ix, const char *col)
{
	for (size_t i = 0; i < ix->n_elems; i++)
		if (ix->elems[i].column && strcmp(ix->elems[i].column, col) == 0)
			return true;
	for (size_t i = 0; i < ix->n_include; i++)
		if (strcmp(ix->include[i], col) == 0)
			return true;
	return false;
}

/* ---- kinds of object ---- */

#define MAP(name) offsetof(struct dd_model_priv, name)
/* Objects of type T in the model's array `list`, in the map `map`, named by schema and name. */
#define KIND(T, list, map) { sizeof(T), offsetof(dd_model, list), offsetof(dd_model, n_##list), map, \
			     offsetof(T, schema), offsetof(T, name), NO_FIELD, offsetof(T, dropped), offsetof(T, loc) }

const dd_kind dd_kinds[KIND_COUNT] = {
	[KIND_TABLE] = KIND(dd_table, tables, MAP(tables)),
	[KIND_INDEX] = KIND(dd_index, indexes, MAP(indexes)),
	[KIND_TYPE] = KIND(dd_typedef, types, MAP(types)),
	[KIND_VIEW] = KIND(dd_view, views, MAP(views)),
	[KIND_TRIGGER] = KIND(dd_trigger, triggers, NO_FIELD),
	[KIND_FUNCTION] = { sizeof(dd_function), offsetof(dd_model, functions), offsetof(dd_model, n_functions),
			    MAP(functions), offsetof(dd_function, schema), offsetof(dd_function, name),
			    offsetof(dd_function, args), offsetof(dd_function, dropped), offsetof(dd_function, loc) },
	[KIND_SEQUENCE] = KIND(dd_sequence, sequences, MAP(sequences)),
	[KIND_SCHEMA] = { sizeof(dd_schema), offsetof(dd_model, schemas), offsetof(dd_model, n_schemas), MAP(schemas),
			  NO_FIELD, offsetof(dd_schema, name), NO_FIELD, offsetof(dd_schema, dropped), offsetof(dd_schema, loc) },
};

static dd_map *obj_map(const dd_model *m, dd_kind_id k)
{
	return &OBJ_FIELD(dd_map, m->priv, dd_kinds[k].map);
}

/* The key of an object in its map: "schema.name", a schema's name, "schema.name(args)" for a function. */
static const char *obj_key(dd_model *m, dd_kind_id k, const void *o, mkey *buf)
{
	const char *schema = obj_schema(k, o), *name = obj_name(k, o);
	if (!schema)
		return name;
	if (dd_kinds[k].args != NO_FIELD)
		return dd_arena_sprintf(A(m), "%s.%s(%s)", schema, name, OBJ_FIELD(const char *, o, dd_kinds[k].args));
	*buf = tkey(schema, name);
	return buf->s;
}

void *dd_obj_find(const dd_model *m, dd_kind_id k, const char *schema, const char *name)
{
	if (dd_kinds[k].schema == NO_FIELD)
		return dd_map_get(obj_map(m, k), name);
	return lookup(m, obj_map(m, k), schema, name);
}

void dd_obj_add(dd_model *m, dd_kind_id k, void *o)
{
	dd_arena_push(A(m), &OBJ_FIELD(void **, m, dd_kinds[k].items), &OBJ_FIELD(size_t, m, dd_kinds[k].count), o);
	mkey buf;
	if (dd_kinds[k].map != NO_FIELD && !obj_dropped(k, o))
		dd_map_put(obj_map(m, k), A(m), obj_key(m, k, o, &buf), o);
}

static void obj_forget(dd_model *m, dd_kind_id k, const void *o)
{
	mkey buf;
	forget(m, obj_map(m, k), obj_key(m, k, o, &buf));
}

static void obj_put(dd_model *m, dd_kind_id k, void *o)
{
	mkey buf;
	dd_map_put(obj_map(m, k), A(m), obj_key(m, k, o, &buf), o);
}

void dd_obj_rename(dd_model *m, dd_kind_id k, void *o, const char *name)
{
	obj_forget(m, k, o);
	OBJ_FIELD(const char *, o, dd_kinds[k].name) = name;
	/* findings about it point at the statement that gave it this name, at the new name */
	if (m->priv->st)
		OBJ_FIELD(dd_loc, o, dd_kinds[k].loc) = dd_stmt_find_ident(m->priv->st, m->priv->st->offset, name);
	obj_put(m, k, o);
}

void dd_obj_move(dd_model *m, dd_kind_id k, void *o, const char *schema)
{
	obj_forget(m, k, o);
	OBJ_FIELD(const char *, o, dd_kinds[k].schema) = schema;
	obj_put(m, k, o);
}

void dd_obj_drop(dd_model *m, dd_kind_id k, void *o)
{
	OBJ_FIELD(bool, o, dd_kinds[k].dropped) = true;
	obj_forget(m, k, o);
}

/* ---- names taken and names made up ---- */

/* Does the model a partial copy was taken from hold this name, for an object left out of it? */
static bool base_holds(const dd_model *m, const char *schema, const char *name)
{
	const struct dd_model_priv *p = m->priv;
	return p->base && !dd_map_get(p->only, name) && !dd_map_get(&p->removed, tkey(schema, name).s);
}

static bool relname_taken(dd_model *m, const char *schema, const char *name)
{
	mkey k = tkey(schema, name);
	if (dd_map_get(&m->priv->tables, k.s) || dd_map_get(&m->priv->indexes, k.s) ||
	    dd_map_get(&m->priv->views, k.s) || dd_map_get(&m->priv->sequences, k.s))
		return true;
	return base_holds(m, schema, name) && relname_taken((dd_model *)m->priv->base, schema, name);
}

static bool conname_taken(dd_model *m, const char *schema, const char *name)
{
	if (dd_map_get(&m->priv->connames, tkey(schema, name).s))
		return true;
	return base_holds(m, schema, name) && conname_taken((dd_model *)m->priv->base, schema, name);
}

void dd_model_conname_count(dd_model *m, const char *schema, const char *name, int delta)
{
	mkey k = tkey(schema, name);
	intptr_t n = (intptr_t)dd_map_get(&m->priv->connames, k.s) + delta;
	if (n <= 0)
		forget(m, &m->priv->connames, k.s);
	else
		dd_map_put(&m->priv->connames, A(m), k.s, (void *)n);
}

const char *dd_model_choose_name(dd_model *m, const char *schema, const char *name1, const char *name2,
				 const char *label, bool relation, bool constraint)
{
	char modlabel[80];
	snprintf(modlabel, sizeof modlabel, "%s", label);
	for (int pass = 1;; pass++) {
		char *name = dd_make_object_name(A(m), name1, name2, modlabel);
		bool taken = (relation && relname_taken(m, schema, name)) ||
			     (constraint && conname_taken(m, schema, name));
		if (!taken)
			return name;
		snprintf(modlabel, sizeof modlabel, "%s%d", label, pass);
	}
}
