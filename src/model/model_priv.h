/*
 * Private to the files of the schema model (src/model/), one job each:
 *   keys.c    the model's maps: names, keys, lookups, and the names PostgreSQL makes up
 *   tables.c  tables, columns, constraints, indexes and partitions, as CREATE TABLE and CREATE INDEX make them
 *   alter.c   ALTER TABLE, and renaming, moving and dropping tables and their parts
 *   replay.c  dd_model_apply: every statement kind, RENAME, DROP and SET SCHEMA of the other kinds
 *   clone.c   copies and fingerprints of the model, for checking that a down undoes its up
 */
#ifndef DDLINT_MODEL_PRIV_H
#define DDLINT_MODEL_PRIV_H

#include <stdint.h>
#include <string.h>
#include "model.h"

struct dd_model_priv {
	dd_arena *arena;
	dd_map tables, indexes, views, sequences, types, schemas;
	dd_map connames;          /* "schema.name" -> count of constraints so named */
	dd_map functions;         /* "schema.name(args)" -> function */
	dd_map referencing;       /* "schema.table" -> dd_tables (the tables whose foreign keys may reference it) */
	const dd_stmt *st;        /* statement being applied */
	/* a partial copy (dd_model_clone with `only`): the model it was taken from answers for
	 * the names of objects it left out, unless the copy removed them */
	const dd_model *base;
	const dd_map *only;
	dd_map removed;
};

#define A(m) ((m)->priv->arena)

/* ---- names (keys.c) ---- */

/* The tables whose foreign keys reference schema.name, kept as each key is made (a table may be
 * listed twice, or no longer reference it: callers check the keys themselves), so that what
 * follows a table (a drop, a rename) does not look through every table of the model. */
typedef struct dd_tables { dd_table **v; size_t n; } dd_tables;
void dd_model_note_reference(dd_model *m, dd_table *from, const char *schema, const char *name);
const dd_tables *dd_model_referencing(const dd_model *m, const char *schema, const char *name);
/* A referenced table renamed or moved: its list follows it. */
void dd_model_move_referencing(dd_model *m, const char *schema, const char *name, const char *new_schema,
			       const char *new_name);

/* Count a constraint name in or out of its schema's names. */
void dd_model_conname_count(dd_model *m, const char *schema, const char *name, int delta);
/* ChooseRelationName / ChooseConstraintName: add a number to the label until the name is free. */
const char *dd_model_choose_name(dd_model *m, const char *schema, const char *name1, const char *name2,
				 const char *label, bool relation, bool constraint);

static inline dd_table *table_of(dd_model *m, const PgQuery__RangeVar *rv)
{
	return rv ? dd_model_table(m, rv->schemaname, rv->relname) : NULL;
}

/* The name PostgreSQL gives a constraint of t when it has none (before collision numbering). */
const char *dd_model_implicit_name(dd_model *m, const dd_table *t, const dd_constraint *c);

/* ---- kinds of object, and the steps every kind takes alike (keys.c) ---- */

typedef enum dd_kind_id {
	KIND_TABLE, KIND_INDEX, KIND_TYPE, KIND_VIEW, KIND_TRIGGER, KIND_FUNCTION, KIND_SEQUENCE, KIND_SCHEMA,
	KIND_COUNT
} dd_kind_id;

#define NO_FIELD SIZE_MAX

/* Where the model keeps the objects of a kind, and where their fields are: offsets in dd_model,
 * in struct dd_model_priv and in the object's struct. */
typedef struct dd_kind {
	size_t size;              /* of one object */
	size_t items, count;      /* its array in dd_model and the array's length */
	size_t map;               /* its map by name in dd_model_priv; NO_FIELD: none (triggers) */
	size_t schema;            /* NO_FIELD: named alone (schemas) */
	size_t name;
	size_t args;              /* part of the key besides the name (functions), or NO_FIELD */
	size_t dropped;
	size_t loc;               /* where it is named: moved to the statement that renames it */
} dd_kind;

extern const dd_kind dd_kinds[KIND_COUNT];

#define OBJ_FIELD(T, o, off) (*(T *)((char *)(o) + (off)))

static inline const char *obj_schema(dd_kind_id k, const void *o)
{
	return dd_kinds[k].schema == NO_FIELD ? NULL : OBJ_FIELD(const char *, o, dd_kinds[k].schema);
}

static inline const char *obj_name(dd_kind_id k, const void *o)
{
	return OBJ_FIELD(const char *, o, dd_kinds[k].name);
}

static inline bool obj_dropped(dd_kind_id k, const void *o)
{
	return OBJ_FIELD(bool, o, dd_kinds[k].dropped);
}

/* The model's array of a kind, and its length. */
static inline void **obj_items(const dd_model *m, dd_kind_id k)
{
	return OBJ_FIELD(void **, m, dd_kinds[k].items);
}

static inline size_t obj_count(const dd_model *m, dd_kind_id k)
{
	return OBJ_FIELD(size_t, m, dd_kinds[k].count);
}

/* The live object of a kind that has that name (schema NULL or empty: through the search path;
 * ignored for schemas), or NULL. Not for triggers, which have no map. */
void *dd_obj_find(const dd_model *m, dd_kind_id k, const char *schema, const char *name);
/* Append an object to the model's array of its kind, and to its map unless it is dropped. */
void dd_obj_add(dd_model *m, dd_kind_id k, void *o);
/* Give a live object another name or schema (the caller's string, kept): out of its map and in again. */
void dd_obj_rename(dd_model *m, dd_kind_id k, void *o, const char *name);
void dd_obj_move(dd_model *m, dd_kind_id k, void *o, const char *schema);
/* Flag an object dropped and take it out of its map (the array keeps it). */
void dd_obj_drop(dd_model *m, dd_kind_id k, void *o);

/* ---- positions in the statement being applied (the lexing is src/source.c's) ---- */

static inline dd_loc loc_at(dd_model *m, int offset)
{
	return dd_stmt_token_loc(m->priv->st, offset);
}

static inline dd_loc find_ident(dd_model *m, int from, const char *name)
{
	return dd_stmt_find_ident(m->priv->st, from, name);
}

/* ---- tables, columns, constraints, indexes (tables.c) ---- */

void dd_model_create_table(dd_model *m, const PgQuery__CreateStmt *cs);
void dd_model_create_index(dd_model *m, const PgQuery__IndexStmt *is);
/* ALTER TABLE ... ADD COLUMN (one the table lacks) and ADD CONSTRAINT. */
void dd_model_add_column(dd_model *m, dd_table *t, const PgQuery__ColumnDef *cd);
/* recurse: ALTER TABLE without ONLY, so a partitioned table's partitions get it too */
void dd_model_add_constraint(dd_model *m, dd_table *t, const PgQuery__Constraint *pc, bool recurse);
/* The columns of `from` that `to` lacks, copied (with their defaults or not). */
void dd_model_copy_columns(dd_model *m, dd_table *to, const dd_table *from, bool defaults);
/* What PostgreSQL clones onto a partition: a constraint of its parent t (onto each partition of
 * t), or everything t has (onto a partition made or attached). */
void dd_model_clone_to_partitions(dd_model *m, const dd_table *t, const dd_constraint *c);
void dd_model_clone_to_partition(dd_model *m, const dd_table *parent, dd_table *part);
/* The partition's own constraint or index that stands for its parent's (same kind and columns, a
 * foreign key to the same table, a CHECK of the same name; an index of the same keys), or NULL. */
dd_constraint *dd_model_equivalent_constraint(const dd_table *part, const dd_constraint *pc);
dd_index *dd_model_equivalent_index(const dd_table *part, const dd_index *pix);
/* DROP INDEX: the copies PostgreSQL made of it on the partitions go too. */
void dd_model_drop_index(dd_model *m, dd_index *ix);
/* Is p a partition of t (live, and not also an ancestor of t: PostgreSQL has no cycles)? */
bool dd_model_partition_of(const dd_model *m, const dd_table *p, const dd_table *t);
/* Is a the table t or one of its ancestors (the partitioned tables it is a partition of)? */
bool dd_model_is_ancestor(const dd_model *m, const dd_table *a, const dd_table *t);
/* A default as PostgreSQL stores it (arena), or NULL for none. */
const char *dd_model_default_text(dd_model *m, const dd_type *coltype, const PgQuery__Node *e);
/* The strings of a name list (arena). */
const char **dd_model_names_of(dd_model *m, PgQuery__Node **nodes, size_t n);

/* ---- ALTER TABLE, renaming, moving and dropping tables and their parts (alter.c) ---- */

void dd_model_alter_table(dd_model *m, const PgQuery__AlterTableStmt *as);
void dd_model_rename_table(dd_model *m, dd_table *t, const char *newname);
void dd_model_move_table(dd_model *m, dd_table *t, const char *schema);
void dd_model_rename_column(dd_model *m, dd_table *t, const char *from, const char *to);
void dd_model_rename_constraint(dd_model *m, dd_table *t, const char *from, const char *to);
void dd_model_drop_table(dd_model *m, dd_table *t);
void dd_model_drop_type_uses(dd_model *m, const dd_typedef *ty);

#endif
