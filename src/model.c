/*
 * The schema model: every statement is replayed, in order, into tables,
 * columns, constraints, indexes, types, views, triggers, functions and
 * sequences. A statement that cannot apply (ALTER of an unknown table, DROP of
 * something never created) changes nothing; rules decide what to say.
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

struct dd_model_priv {
	dd_arena *arena;
	dd_map tables, indexes, views, sequences, types, schemas, triggers;
	dd_map connames;          /* "schema.name" -> count of constraints so named */
	dd_map functions;         /* "schema.name(args)" -> function */
	const dd_stmt *st;        /* statement being applied */
	/* a partial copy (dd_model_clone with `only`): the model it was taken from answers for
	 * the names of objects it left out, unless the copy removed them */
	const dd_model *base;
	const dd_map *only;
	dd_map removed;
};

#define A(m) ((m)->priv->arena)

dd_model *dd_model_new(dd_arena *a)
{
	dd_model *m = dd_arena_alloc(a, sizeof *m);
	m->priv = calloc(1, sizeof *m->priv);
	if (!m->priv)
		abort();
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
			   &p->schemas, &p->triggers, &p->connames, &p->functions, &p->removed };
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
		"knex_migrations", "knex_migrations_lock", "gorp_migrations", "dbmate_migrations", NULL
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

dd_table *dd_model_table(const dd_model *m, const char *schema, const char *name)
{
	return lookup(m, &m->priv->tables, schema, name);
}

dd_typedef *dd_model_type(const dd_model *m, const char *schema, const char *name)
{
	return lookup(m, &m->priv->types, schema, name);
}

static dd_table *table_of(dd_model *m, const PgQuery__RangeVar *rv)
{
	return rv ? dd_model_table(m, rv->schemaname, rv->relname) : NULL;
}

dd_column *dd_table_column(const dd_table *t, const char *name)
{
	for (size_t i = 0; i < t->n_columns; i++)
		if (strcmp(t->columns[i]->name, name) == 0)
			return t->columns[i];
	return NULL;
}

dd_constraint *dd_table_primary_key(const dd_table *t)
{
	for (size_t i = 0; i < t->n_constraints; i++)
		if (t->constraints[i]->kind == DD_CON_PRIMARY)
			return t->constraints[i];
	return NULL;
}

/* Remove a key from one of the model's maps (a partial copy remembers it). */
static void forget(dd_model *m, dd_map *map, const char *key)
{
	if (m->priv->base && !dd_map_get(&m->priv->removed, key))
		dd_map_put(&m->priv->removed, A(m), key, (void *)1);
	dd_map_del(map, key);
}

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

static void conname_count(dd_model *m, const char *schema, const char *name, int delta)
{
	mkey k = tkey(schema, name);
	intptr_t n = (intptr_t)dd_map_get(&m->priv->connames, k.s) + delta;
	if (n <= 0)
		forget(m, &m->priv->connames, k.s);
	else
		dd_map_put(&m->priv->connames, A(m), k.s, (void *)n);
}

/* Would makeObjectName have to cut name1_name2_label to fit 63 bytes? */
static bool would_truncate(const char *name1, const char *name2, const char *label)
{
	return strlen(name1) + (name2 ? strlen(name2) + 1 : 0) + strlen(label) + 1 > 63;
}

/* ChooseRelationName / ChooseConstraintName: add a number to the label until the name is free. */
static const char *choose_name(dd_model *m, const char *schema, const char *name1, const char *name2,
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

/* ---- source positions ---- */

static dd_loc loc_at(dd_model *m, int offset)
{
	dd_loc l = { m->priv->st->file, offset, 0 };
	if (offset < 0) {
		l.offset = m->priv->st->offset;
		return l;
	}
	dd_tok t = dd_lex_next(l.file->text, (int)l.file->len, offset);
	if (t.start == offset && t.kind != DD_TOK_EOF)
		l.len = t.end - t.start;
	return l;
}

dd_loc dd_name_loc(const dd_file *f, int offset)
{
	dd_loc l = { f, offset, 0 };
	if (offset < 0)
		return l;
	int pos = offset;
	for (;;) {
		dd_tok t = dd_lex_next(f->text, (int)f->len, pos);
		if (t.kind != DD_TOK_IDENT && t.kind != DD_TOK_QIDENT)
			return l;
		l.offset = t.start;
		l.len = t.end - t.start;
		dd_tok dot = dd_lex_next(f->text, (int)f->len, t.end);
		if (dot.kind != DD_TOK_DOT)
			return l;
		pos = dot.end;
	}
}

/* The first identifier in the statement, from `from` on, that folds to `name`. */
static dd_loc find_ident(dd_model *m, int from, const char *name)
{
	const dd_stmt *st = m->priv->st;
	const dd_file *f = st->file;
	int end = st->offset + st->len;
	dd_loc l = { f, st->offset, 0 };
	int pos = from < st->offset ? st->offset : from;
	char tmp[256];
	while (pos < end) {
		dd_tok t = dd_lex_next(f->text, end, pos);
		if (t.kind == DD_TOK_EOF || t.kind == DD_TOK_UNTERMINATED)
			break;
		if ((t.kind == DD_TOK_IDENT || t.kind == DD_TOK_QIDENT) && t.end - t.start < (int)sizeof tmp - 1) {
			int k = 0;
			if (t.kind == DD_TOK_QIDENT) {
				for (int i = t.start + 1; i < t.end - 1; i++) {
					tmp[k++] = f->text[i];
					if (f->text[i] == '"')
						i++;
				}
			} else {
				for (int i = t.start; i < t.end; i++) {
					char c = f->text[i];
					tmp[k++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
				}
			}
			tmp[k] = '\0';
			if (strcmp(tmp, name) == 0) {
				l.offset = t.start;
				l.len = t.end - t.start;
				return l;
			}
		}
		pos = t.end;
	}
	return l;
}

dd_loc dd_model_find_ident(dd_model *m, const dd_stmt *st, int from, const char *name)
{
	const dd_stmt *saved = m->priv->st;
	m->priv->st = st;
	dd_loc l = find_ident(m, from, name);
	m->priv->st = saved;
	return l;
}

/* Does the clause starting at `from` (up to its closing comma or parenthesis) contain ON DELETE? */
static bool clause_has_on_delete(dd_model *m, int from)
{
	const dd_stmt *st = m->priv->st;
	const char *s = st->file->text;
	int end = st->offset + st->len, depth = 0, pos = from;
	bool prev_on = false;
	while (pos < end && from >= 0) {
		dd_tok t = dd_lex_next(s, end, pos);
		if (t.kind == DD_TOK_EOF || t.kind == DD_TOK_UNTERMINATED || t.kind == DD_TOK_SEMI)
			break;
		if (t.kind == DD_TOK_LPAREN)
			depth++;
		else if (t.kind == DD_TOK_RPAREN && --depth < 0)
			break;
		else if (t.kind == DD_TOK_COMMA && depth == 0)
			break;
		bool is_on = t.kind == DD_TOK_IDENT && t.end - t.start == 2 && strncasecmp(s + t.start, "on", 2) == 0;
		if (prev_on && t.kind == DD_TOK_IDENT && t.end - t.start == 6 && strncasecmp(s + t.start, "delete", 6) == 0)
			return true;
		prev_on = is_on;
		pos = t.end;
	}
	return false;
}

/* ---- objects ---- */

static bool is_string_type(const char *name)
{
	return strcmp(name, "text") == 0 || strcmp(name, "character varying") == 0 || strcmp(name, "character") == 0;
}

/*
 * A default as PostgreSQL stores it, in normal form: DEFAULT NULL is no default, and a
 * constant cast to the column's own type is the constant ('x'::varchar on a varchar
 * column is 'x', 'a'::public.status_enum on a status_enum column is 'a').
 */
static const char *default_text(dd_model *m, const dd_type *coltype, const PgQuery__Node *e)
{
	if (!e)
		return NULL;
	if (e->node_case == PG_QUERY__NODE__NODE_A_CONST && e->a_const->isnull)
		return NULL;
	if (e->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && e->type_cast->arg && e->type_cast->type_name &&
	    e->type_cast->arg->node_case == PG_QUERY__NODE__NODE_A_CONST) {
		if (e->type_cast->arg->a_const->isnull)
			return NULL;
		dd_type cast;
		dd_type_from_typename(A(m), e->type_cast->type_name, &cast);
		bool same = strcmp(cast.name, coltype->name) == 0 && (cast.array_dims > 0) == (coltype->array_dims > 0);
		bool strings = is_string_type(cast.name) && is_string_type(coltype->name);
		if (same || strings)
			return dd_deparse_expr(A(m), e->type_cast->arg);
	}
	return dd_deparse_expr(A(m), e);
}

static dd_column *new_column(dd_model *m, const PgQuery__ColumnDef *cd)
{
	dd_column *c = dd_arena_alloc(A(m), sizeof *c);
	c->name = dd_arena_strdup(A(m), cd->colname);
	c->loc = loc_at(m, cd->location);
	dd_type_from_typename(A(m), cd->type_name, &c->type);
	c->not_null = cd->is_not_null;
	if (cd->identity && *cd->identity)
		c->identity = cd->identity[0];
	if (cd->raw_default)
		c->default_expr = default_text(m, &c->type, cd->raw_default);
	return c;
}

static dd_constraint_kind con_kind(PgQuery__ConstrType t, bool *ok)
{
	*ok = true;
	switch (t) {
	case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY: return DD_CON_PRIMARY;
	case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: return DD_CON_UNIQUE;
	case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: return DD_CON_CHECK;
	case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: return DD_CON_FOREIGN;
	case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: return DD_CON_EXCLUDE;
	default: *ok = false; return DD_CON_CHECK;
	}
}

static char fk_action(const char *s) { return s && *s ? s[0] : 'a'; }

static const char **names_of(dd_model *m, PgQuery__Node **nodes, size_t n)
{
	const char **out = dd_arena_alloc(A(m), (n ? n : 1) * sizeof *out);
	for (size_t i = 0; i < n; i++) {
		const char *s = dd_string_node(nodes[i]);
		if (!s && nodes[i]->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM)
			s = nodes[i]->index_elem->name;
		out[i] = dd_arena_strdup(A(m), s ? s : "");
	}
	return out;
}

struct colref_set { const char *names[2]; int n; };

static void collect_colref(const PgQuery__Node *n, void *arg)
{
	struct colref_set *set = arg;
	if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF || set->n > 1)
		return;
	const PgQuery__ColumnRef *c = n->column_ref;
	const char *name = c->n_fields ? dd_string_node(c->fields[c->n_fields - 1]) : NULL;
	if (!name)
		return;
	for (int i = 0; i < set->n; i++)
		if (strcmp(set->names[i], name) == 0)
			return;
	set->names[set->n++] = name;
}

static void register_index(dd_model *m, dd_index *ix)
{
	DD_PUSH(A(m), &m->indexes, &m->n_indexes, ix);
	dd_map_put(&m->priv->indexes, A(m), tkey(ix->schema, ix->name).s, ix);
	if (ix->table)
		DD_PUSH(A(m), &ix->table->indexes, &ix->table->n_indexes, ix);
}

/* Index column names as ChooseIndexColumnNames picks them (duplicates numbered). */
static const char **index_colnames(dd_model *m, const dd_index *ix, size_t *n_out)
{
	size_t n = ix->n_elems + ix->n_include;
	const char **out = dd_arena_alloc(A(m), (n ? n : 1) * sizeof *out);
	for (size_t i = 0; i < n; i++) {
		const char *orig;
		if (i >= ix->n_elems)
			orig = ix->include[i - ix->n_elems];
		else if (ix->elems[i].column)
			orig = ix->elems[i].column;
		else
			orig = ix->elems[i].expr_name ? ix->elems[i].expr_name : "expr";
		const char *cur = orig;
		for (int k = 1;; k++) {
			bool clash = false;
			for (size_t j = 0; j < i; j++)
				if (strcmp(out[j], cur) == 0)
					clash = true;
			if (!clash)
				break;
			cur = dd_arena_sprintf(A(m), "%s%d", orig, k);
		}
		out[i] = cur;
	}
	*n_out = n;
	return out;
}

/* The index PostgreSQL builds for a PRIMARY KEY, UNIQUE or EXCLUDE constraint. */
static dd_index *constraint_index(dd_model *m, dd_table *t, dd_constraint *c, const PgQuery__Constraint *pc)
{
	dd_index *ix = dd_arena_alloc(A(m), sizeof *ix);
	ix->schema = t->schema;
	ix->table = t;
	ix->unique = c->kind != DD_CON_EXCLUDE;
	ix->primary = c->kind == DD_CON_PRIMARY;
	ix->method = pc && pc->access_method && *pc->access_method ? dd_arena_strdup(A(m), pc->access_method) : (c->kind == DD_CON_EXCLUDE ? "gist" : "btree");
	ix->constraint = c;
	ix->loc = c->loc;
	if (c->kind == DD_CON_EXCLUDE && pc) {
		ix->n_elems = pc->n_exclusions;
		ix->elems = dd_arena_alloc(A(m), (ix->n_elems ? ix->n_elems : 1) * sizeof *ix->elems);
		for (size_t i = 0; i < pc->n_exclusions; i++) {
			const PgQuery__Node *pair = pc->exclusions[i];
			if (pair->node_case != PG_QUERY__NODE__NODE_LIST || pair->list->n_items < 1)
				continue;
			const PgQuery__Node *e = pair->list->items[0];
			if (e->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM) {
				const PgQuery__IndexElem *ie = e->index_elem;
				if (ie->name && *ie->name)
					ix->elems[i].column = dd_arena_strdup(A(m), ie->name);
				else {
					ix->elems[i].expr = dd_deparse_expr(A(m), ie->expr);
					ix->elems[i].expr_name = dd_arena_strdup(A(m), dd_figure_colname(ie->expr));
				}
			}
		}
		if (pc->where_clause) {
			ix->predicate = dd_deparse_expr(A(m), pc->where_clause);
			ix->predicate_node = dd_node_copy(A(m), pc->where_clause);
		}
	} else {
		ix->n_elems = c->n_columns;
		ix->elems = dd_arena_alloc(A(m), (ix->n_elems ? ix->n_elems : 1) * sizeof *ix->elems);
		for (size_t i = 0; i < c->n_columns; i++)
			ix->elems[i].column = c->columns[i];
	}
	if (pc && pc->n_including) {
		ix->include = names_of(m, pc->including, pc->n_including);
		ix->n_include = pc->n_including;
	}
	if (c->named) {
		ix->name = c->name;
		ix->named = true;
	} else {
		size_t n;
		const char **cols = index_colnames(m, ix, &n);
		const char *label = c->kind == DD_CON_PRIMARY ? "pkey" : c->kind == DD_CON_UNIQUE ? "key" : "excl";
		const char *add = c->kind == DD_CON_PRIMARY ? NULL : dd_name_addition(A(m), cols, n);
		ix->name = choose_name(m, t->schema, t->name, add, label, true, true);
		ix->name_truncated = c->name_truncated = would_truncate(t->name, add, label);
		c->name = ix->name;
	}
	c->index = ix;
	register_index(m, ix);
	return ix;
}

/* The name PostgreSQL gives the constraint when it has none (before collision numbering). */
static const char *implicit_name(dd_model *m, const dd_table *t, const dd_constraint *c)
{
	switch (c->kind) {
	case DD_CON_PRIMARY: return dd_make_object_name(A(m), t->name, NULL, "pkey");
	case DD_CON_UNIQUE: return dd_make_object_name(A(m), t->name, dd_name_addition(A(m), c->columns, c->n_columns), "key");
	case DD_CON_EXCLUDE: return dd_make_object_name(A(m), t->name, dd_name_addition(A(m), c->columns, c->n_columns), "excl");
	case DD_CON_FOREIGN: return dd_make_object_name(A(m), t->name, dd_name_addition(A(m), c->columns, c->n_columns), "fkey");
	case DD_CON_CHECK: return dd_make_object_name(A(m), t->name, c->n_columns == 1 ? c->columns[0] : NULL, "check");
	}
	return "";
}

static void add_constraint_to_table(dd_model *m, dd_table *t, dd_constraint *c)
{
	c->table = t;
	c->implicit_name = implicit_name(m, t, c);
	DD_PUSH(A(m), &t->constraints, &t->n_constraints, c);
	conname_count(m, t->schema, c->name, +1);
}

/*
 * Build a constraint from its parse node. `column` is the enclosing column of
 * an inline constraint, or NULL. Naming happens in name_constraint().
 */
static dd_constraint *new_constraint(dd_model *m, dd_table *t, const PgQuery__Constraint *pc, const char *column)
{
	bool ok;
	dd_constraint_kind kind = con_kind(pc->contype, &ok);
	if (!ok)
		return NULL;
	dd_constraint *c = dd_arena_alloc(A(m), sizeof *c);
	c->kind = kind;
	c->table = t;
	c->loc = loc_at(m, pc->location);
	c->name_loc = c->loc;
	if (pc->conname && *pc->conname) {
		c->name = dd_arena_strdup(A(m), pc->conname);
		c->named = true;
		c->name_loc = find_ident(m, pc->location, pc->conname);
	}
	if (kind == DD_CON_FOREIGN) {
		if (pc->n_fk_attrs) {
			c->columns = names_of(m, pc->fk_attrs, pc->n_fk_attrs);
			c->n_columns = pc->n_fk_attrs;
		} else if (column) {
			c->columns = dd_arena_alloc(A(m), sizeof *c->columns);
			c->columns[0] = column;
			c->n_columns = 1;
		}
		if (pc->pktable) {
			c->ref_schema = dd_arena_strdup(A(m), dd_model_schema_for(m, pc->pktable->schemaname));
			c->ref_table = dd_arena_strdup(A(m), pc->pktable->relname);
			/* an unqualified reference resolves through the search path like any lookup */
			if (!*pc->pktable->schemaname) {
				dd_table *rt = dd_model_table(m, NULL, pc->pktable->relname);
				if (rt)
					c->ref_schema = rt->schema;
				else if (t && strcmp(t->name, pc->pktable->relname) == 0)
					c->ref_schema = t->schema;   /* self reference inside CREATE TABLE */
			}
			c->ref_schema = dd_arena_strdup(A(m), c->ref_schema);
		}
		c->ref_columns = names_of(m, pc->pk_attrs, pc->n_pk_attrs);
		c->n_ref_columns = pc->n_pk_attrs;
		c->on_delete = fk_action(pc->fk_del_action);
		c->on_update = fk_action(pc->fk_upd_action);
		c->match = pc->fk_matchtype && *pc->fk_matchtype ? pc->fk_matchtype[0] : 's';
		c->delete_explicit = clause_has_on_delete(m, pc->location);
		c->not_valid = pc->skip_validation;
	} else if (kind == DD_CON_CHECK) {
		c->expr = dd_deparse_expr(A(m), pc->raw_expr);
		c->not_valid = pc->skip_validation;
		struct colref_set set = { { NULL, NULL }, 0 };
		if (pc->raw_expr)
			dd_walk_tree(&pc->raw_expr->base, collect_colref, &set);
		c->columns = dd_arena_alloc(A(m), 2 * sizeof *c->columns);
		for (int i = 0; i < set.n; i++)
			c->columns[i] = dd_arena_strdup(A(m), set.names[i]);
		c->n_columns = (size_t)set.n;
	} else if (kind == DD_CON_EXCLUDE) {
		c->columns = dd_arena_alloc(A(m), (pc->n_exclusions ? pc->n_exclusions : 1) * sizeof *c->columns);
		for (size_t i = 0; i < pc->n_exclusions; i++) {
			const PgQuery__Node *pair = pc->exclusions[i];
			if (pair->node_case == PG_QUERY__NODE__NODE_LIST && pair->list->n_items >= 1 &&
			    pair->list->items[0]->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM &&
			    *pair->list->items[0]->index_elem->name)
				c->columns[c->n_columns++] = dd_arena_strdup(A(m), pair->list->items[0]->index_elem->name);
		}
	} else {
		if (pc->n_keys) {
			c->columns = names_of(m, pc->keys, pc->n_keys);
			c->n_columns = pc->n_keys;
		} else if (column) {
			c->columns = dd_arena_alloc(A(m), sizeof *c->columns);
			c->columns[0] = column;
			c->n_columns = 1;
		}
	}
	c->deferrable = pc->deferrable;
	c->initially_deferred = pc->initdeferred;
	return c;
}

/* Name (when unnamed), attach, and for index-backed kinds build the index. */
static void install_constraint(dd_model *m, dd_table *t, dd_constraint *c, const PgQuery__Constraint *pc)
{
	if (c->kind == DD_CON_PRIMARY || c->kind == DD_CON_UNIQUE || c->kind == DD_CON_EXCLUDE) {
		if (c->kind == DD_CON_PRIMARY)
			for (size_t i = 0; i < c->n_columns; i++) {
				dd_column *col = dd_table_column(t, c->columns[i]);
				if (col)
					col->not_null = true;
			}
		if (pc && pc->indexname && *pc->indexname) {
			/* ADD CONSTRAINT ... USING INDEX: the index becomes the constraint's */
			dd_index *ix = dd_map_get(&m->priv->indexes, tkey(t->schema, pc->indexname).s);
			if (ix) {
				if (!c->named) {
					c->name = ix->name;
				} else if (strcmp(ix->name, c->name) != 0) {
					forget(m, &m->priv->indexes, tkey(ix->schema, ix->name).s);
					ix->name = c->name;
					dd_map_put(&m->priv->indexes, A(m), tkey(ix->schema, ix->name).s, ix);
				}
				ix->constraint = c;
				ix->primary = c->kind == DD_CON_PRIMARY;
				c->index = ix;
				c->n_columns = ix->n_elems;
				c->columns = dd_arena_alloc(A(m), (ix->n_elems ? ix->n_elems : 1) * sizeof *c->columns);
				for (size_t i = 0; i < ix->n_elems; i++)
					c->columns[i] = ix->elems[i].column ? ix->elems[i].column : "";
				add_constraint_to_table(m, t, c);
				return;
			}
		}
		constraint_index(m, t, c, pc);
	} else if (!c->named) {
		const char *add = c->kind == DD_CON_FOREIGN ? dd_name_addition(A(m), c->columns, c->n_columns)
			       : c->n_columns == 1 ? c->columns[0] : NULL;   /* CHECK: <table>_<col>_check */
		const char *label = c->kind == DD_CON_FOREIGN ? "fkey" : "check";
		c->name = choose_name(m, t->schema, t->name, add, label, false, true);
		c->name_truncated = would_truncate(t->name, add, label);
	}
	add_constraint_to_table(m, t, c);
}

static void add_column(dd_model *m, dd_table *t, dd_column *c)
{
	DD_PUSH(A(m), &t->columns, &t->n_columns, c);
}

struct pending { dd_constraint *c; const PgQuery__Constraint *pc; };

/* Handle a ColumnDef's inline constraints; the index-backed and FK ones are queued. */
static void column_constraints(dd_model *m, dd_table *t, dd_column *col, const PgQuery__ColumnDef *cd,
			       struct pending *q, size_t *nq)
{
	for (size_t i = 0; i < cd->n_constraints; i++) {
		const PgQuery__Node *n = cd->constraints[i];
		if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
			continue;
		const PgQuery__Constraint *pc = n->constraint;
		switch (pc->contype) {
		case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: col->not_null = true; break;
		case PG_QUERY__CONSTR_TYPE__CONSTR_NULL: col->not_null = false; break;
		case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
			col->default_expr = default_text(m, &col->type, pc->raw_expr);
			break;
		case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
			col->identity = pc->generated_when && *pc->generated_when ? pc->generated_when[0] : 'a';
			col->not_null = true;
			break;
		case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
			col->generated = true;
			col->default_expr = dd_deparse_expr(A(m), pc->raw_expr);
			break;
		default: {
			dd_constraint *c = new_constraint(m, t, pc, col->name);
			if (c) {
				q[*nq].c = c;
				q[*nq].pc = pc;
				(*nq)++;
			}
		}
		}
	}
	if (col->type.serial && !col->default_expr) {
		/* serial: a sequence named <table>_<column>_seq and a NOT NULL nextval() default */
		const char *seq = choose_name(m, t->schema, t->name, col->name, "seq", true, false);
		col->default_expr = dd_arena_sprintf(A(m), "nextval('%s'::regclass)", seq);
		col->not_null = true;
		dd_sequence *s = dd_arena_alloc(A(m), sizeof *s);
		s->schema = t->schema;
		s->name = seq;
		s->loc = col->loc;
		s->owned_by_table = t->name;
		s->owned_by_column = col->name;
		DD_PUSH(A(m), &m->sequences, &m->n_sequences, s);
		dd_map_put(&m->priv->sequences, A(m), tkey(s->schema, s->name).s, s);
	}
}

static void install_pending(dd_model *m, dd_table *t, struct pending *q, size_t nq)
{
	/* PostgreSQL names CHECKs while creating the table, then builds indexes, then foreign keys. */
	for (size_t i = 0; i < nq; i++)
		if (q[i].c->kind == DD_CON_CHECK)
			install_constraint(m, t, q[i].c, q[i].pc);
	for (size_t i = 0; i < nq; i++)
		if (q[i].c->kind != DD_CON_CHECK && q[i].c->kind != DD_CON_FOREIGN)
			install_constraint(m, t, q[i].c, q[i].pc);
	for (size_t i = 0; i < nq; i++)
		if (q[i].c->kind == DD_CON_FOREIGN)
			install_constraint(m, t, q[i].c, q[i].pc);
}

static void copy_columns(dd_model *m, dd_table *to, const dd_table *from, bool defaults)
{
	for (size_t i = 0; i < from->n_columns; i++) {
		if (dd_table_column(to, from->columns[i]->name))
			continue;
		dd_column *c = dd_arena_alloc(A(m), sizeof *c);
		*c = *from->columns[i];
		c->loc = to->loc;
		if (!defaults && !c->identity)
			c->default_expr = NULL;
		c->comment = NULL;
		add_column(m, to, c);
	}
}

static dd_index *new_index_from_stmt(dd_model *m, const PgQuery__IndexStmt *is, dd_table *t, const char *schema);

/* An index (backing no constraint) made again on another table, under the name PostgreSQL
 * makes up for it there: a partitioned table's on a partition (inherited), LIKE ... INCLUDING
 * INDEXES. */
static void copy_index(dd_model *m, const dd_index *src, dd_table *to, bool inherited)
{
	dd_index *ix = dd_arena_alloc(A(m), sizeof *ix);
	*ix = *src;
	ix->table = to;
	ix->schema = to->schema;
	ix->named = false;
	if (inherited)
		ix->inherited = true;
	ix->constraint = NULL;
	ix->loc = to->loc;
	size_t nc;
	const char **cols = index_colnames(m, ix, &nc);
	ix->name = choose_name(m, to->schema, to->name, dd_name_addition(A(m), cols, nc), "idx", true, false);
	register_index(m, ix);
}

/*
 * A partition gets what its partitioned table has: the key and unique constraints
 * (named after the partition, as PostgreSQL names them), CHECK and FOREIGN KEY
 * constraints under the same names, and an index for each of its indexes.
 */
static void clone_to_partition(dd_model *m, const dd_table *parent, dd_table *part)
{
	for (size_t i = 0; i < parent->n_constraints; i++) {
		const dd_constraint *pc = parent->constraints[i];
		bool exists = false;
		for (size_t k = 0; k < part->n_constraints; k++)
			exists = exists || (part->constraints[k]->kind == pc->kind && pc->kind == DD_CON_PRIMARY);
		if (exists)
			continue;
		dd_constraint *c = dd_arena_alloc(A(m), sizeof *c);
		*c = *pc;
		c->table = part;
		c->index = NULL;
		c->inherited = true;
		c->loc = c->name_loc = part->loc;
		if (c->kind == DD_CON_PRIMARY || c->kind == DD_CON_UNIQUE || c->kind == DD_CON_EXCLUDE) {
			c->named = false;
			constraint_index(m, part, c, NULL);
			if (c->index)
				c->index->inherited = true;
			if (c->index && pc->index) {
				c->index->method = pc->index->method;
				c->index->include = pc->index->include;
				c->index->n_include = pc->index->n_include;
			}
		}
		add_constraint_to_table(m, part, c);
	}
	for (size_t i = 0; i < parent->n_indexes; i++) {
		const dd_index *pix = parent->indexes[i];
		if (!pix->dropped && !pix->constraint)
			copy_index(m, pix, part, true);
	}
}

static void create_table(dd_model *m, const PgQuery__CreateStmt *cs)
{
	const PgQuery__RangeVar *rv = cs->relation;
	const char *schema = dd_model_schema_for(m, rv->schemaname);
	char persistence = rv->relpersistence && *rv->relpersistence ? rv->relpersistence[0] : 'p';
	if (persistence == 't')
		schema = "pg_temp";
	if (dd_map_get(&m->priv->tables, tkey(schema, rv->relname).s))
		return;   /* IF NOT EXISTS, or a duplicate PostgreSQL would reject */
	dd_table *t = dd_arena_alloc(A(m), sizeof *t);
	t->schema = dd_arena_strdup(A(m), schema);
	t->name = dd_arena_strdup(A(m), rv->relname);
	t->loc = dd_name_loc(m->priv->st->file, rv->location);
	t->persistence = persistence;
	t->partitioned = cs->partspec != NULL;
	DD_PUSH(A(m), &m->tables, &m->n_tables, t);
	dd_map_put(&m->priv->tables, A(m), tkey(t->schema, t->name).s, t);

	/* inherited columns come first: INHERITS and PARTITION OF */
	for (size_t i = 0; i < cs->n_inh_relations; i++) {
		const PgQuery__Node *n = cs->inh_relations[i];
		if (n->node_case != PG_QUERY__NODE__NODE_RANGE_VAR)
			continue;
		dd_table *parent = table_of(m, n->range_var);
		if (cs->partbound) {
			t->parent_schema = parent ? parent->schema : dd_arena_strdup(A(m), dd_model_schema_for(m, n->range_var->schemaname));
			t->parent = dd_arena_strdup(A(m), n->range_var->relname);
		}
		if (parent)
			copy_columns(m, t, parent, true);
	}

	size_t cap = 8;
	for (size_t i = 0; i < cs->n_table_elts; i++)
		if (cs->table_elts[i]->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
			cap += cs->table_elts[i]->column_def->n_constraints;
	cap += cs->n_table_elts + cs->n_constraints;
	struct pending *q = calloc(cap, sizeof *q);
	if (!q)
		abort();
	size_t nq = 0;
	const PgQuery__TableLikeClause **likes = NULL;
	size_t n_likes = 0;
	for (size_t i = 0; i < cs->n_table_elts; i++) {
		const PgQuery__Node *n = cs->table_elts[i];
		if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
			const PgQuery__ColumnDef *cd = n->column_def;
			dd_column *existing = dd_table_column(t, cd->colname);
			dd_column *col = existing ? existing : new_column(m, cd);
			if (existing) {
				/* PARTITION OF t (col WITH OPTIONS ...): options on an inherited column */
				existing->loc = loc_at(m, cd->location);
				if (cd->is_not_null)
					existing->not_null = true;
			} else {
				add_column(m, t, col);
			}
			column_constraints(m, t, col, cd, q, &nq);
		} else if (n->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
			dd_constraint *c = new_constraint(m, t, n->constraint, NULL);
			if (c) {
				q[nq].c = c;
				q[nq].pc = n->constraint;
				nq++;
			}
		} else if (n->node_case == PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE) {
			const PgQuery__TableLikeClause *lc = n->table_like_clause;
			dd_table *src = table_of(m, lc->relation);
			if (src)
				copy_columns(m, t, src, (lc->options & (1u << 3)) != 0);
			likes = realloc(likes, (n_likes + 1) * sizeof *likes);
			if (!likes)
				abort();
			likes[n_likes++] = lc;
		}
	}
	for (size_t i = 0; i < cs->n_constraints; i++) {
		const PgQuery__Node *n = cs->constraints[i];
		if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
			continue;
		dd_constraint *c = new_constraint(m, t, n->constraint, NULL);
		if (c) {
			q[nq].c = c;
			q[nq].pc = n->constraint;
			nq++;
		}
	}
	install_pending(m, t, q, nq);
	free(q);
	if (cs->partbound && t->parent) {
		dd_table *parent = dd_model_table(m, t->parent_schema, t->parent);
		if (parent)
			clone_to_partition(m, parent, t);
	}

	/* LIKE ... INCLUDING INDEXES: the source's indexes, renamed for the new table */
	for (size_t i = 0; i < n_likes; i++) {
		dd_table *src = table_of(m, likes[i]->relation);
		if (!src || !(likes[i]->options & (1u << 6)))
			continue;
		for (size_t k = 0; k < src->n_indexes; k++) {
			const dd_index *six = src->indexes[k];
			if (six->dropped)
				continue;
			if (six->constraint) {
				dd_constraint *c = dd_arena_alloc(A(m), sizeof *c);
				*c = *six->constraint;
				c->named = false;
				c->loc = t->loc;
				c->name_loc = t->loc;
				install_constraint(m, t, c, NULL);
			} else {
				copy_index(m, six, t, false);
			}
		}
	}
	free(likes);
}

static dd_index *new_index_from_stmt(dd_model *m, const PgQuery__IndexStmt *is, dd_table *t, const char *schema)
{
	dd_index *ix = dd_arena_alloc(A(m), sizeof *ix);
	ix->schema = dd_arena_strdup(A(m), schema);
	ix->table = t;
	ix->unique = is->unique;
	ix->primary = is->primary;
	ix->method = dd_arena_strdup(A(m), is->access_method && *is->access_method ? is->access_method : "btree");
	ix->n_elems = is->n_index_params;
	ix->elems = dd_arena_alloc(A(m), (ix->n_elems ? ix->n_elems : 1) * sizeof *ix->elems);
	for (size_t i = 0; i < is->n_index_params; i++) {
		const PgQuery__Node *n = is->index_params[i];
		if (n->node_case != PG_QUERY__NODE__NODE_INDEX_ELEM)
			continue;
		const PgQuery__IndexElem *ie = n->index_elem;
		dd_index_elem *e = &ix->elems[i];
		if (ie->name && *ie->name) {
			e->column = dd_arena_strdup(A(m), ie->name);
		} else {
			e->expr = dd_deparse_expr(A(m), ie->expr);
			e->expr_name = dd_arena_strdup(A(m), dd_figure_colname(ie->expr));
		}
		if (ie->n_opclass)
			e->opclass = dd_arena_strdup(A(m), dd_name_last(ie->opclass, ie->n_opclass));
		e->desc = ie->ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
	}
	if (is->n_index_including_params) {
		ix->include = names_of(m, is->index_including_params, is->n_index_including_params);
		ix->n_include = is->n_index_including_params;
	}
	if (is->where_clause) {
		ix->predicate = dd_deparse_expr(A(m), is->where_clause);
		ix->predicate_node = dd_node_copy(A(m), is->where_clause);
	}
	return ix;
}

static void create_index(dd_model *m, const PgQuery__IndexStmt *is)
{
	dd_table *t = table_of(m, is->relation);
	const char *schema = t ? t->schema : dd_model_schema_for(m, is->relation->schemaname);
	if (is->idxname && *is->idxname && dd_map_get(&m->priv->indexes, tkey(schema, is->idxname).s))
		return;   /* IF NOT EXISTS, or a duplicate */
	if (!t)
		return;   /* a table outside the linted files */
	dd_index *ix = new_index_from_stmt(m, is, t, schema);
	const dd_stmt *st = m->priv->st;
	if (is->idxname && *is->idxname) {
		ix->name = dd_arena_strdup(A(m), is->idxname);
		ix->named = true;
		ix->loc = find_ident(m, st->offset, is->idxname);
	} else {
		size_t n;
		const char **cols = index_colnames(m, ix, &n);
		const char *add = dd_name_addition(A(m), cols, n);
		ix->name = choose_name(m, schema, t->name, add, "idx", true, false);
		ix->name_truncated = would_truncate(t->name, add, "idx");
		ix->loc = find_ident(m, st->offset, "index");
	}
	register_index(m, ix);
	/* CREATE INDEX ON ONLY parent (as pg_dump writes it) leaves the partitions alone */
	if (t->partitioned && is->relation->inh)
		for (size_t i = 0; i < m->n_tables; i++) {
			dd_table *p = m->tables[i];
			if (!p->dropped && p->parent && strcmp(p->parent, t->name) == 0 && strcmp(p->parent_schema, t->schema) == 0)
				copy_index(m, ix, p, true);
		}
}

/* ---- ALTER TABLE ---- */

static void drop_index_obj(dd_model *m, dd_index *ix)
{
	ix->dropped = true;
	forget(m, &m->priv->indexes, tkey(ix->schema, ix->name).s);
}

static void drop_constraint(dd_model *m, dd_table *t, const char *name)
{
	for (size_t i = 0; i < t->n_constraints; i++) {
		dd_constraint *c = t->constraints[i];
		if (strcmp(c->name, name) != 0)
			continue;
		if (c->index)
			drop_index_obj(m, c->index);
		conname_count(m, t->schema, c->name, -1);
		memmove(&t->constraints[i], &t->constraints[i + 1], (t->n_constraints - i - 1) * sizeof *t->constraints);
		t->n_constraints--;
		return;
	}
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
			drop_index_obj(m, t->indexes[i]);
}

static void rename_column(dd_table *t, const char *from, const char *to, dd_arena *a)
{
	dd_column *c = dd_table_column(t, from);
	if (!c)
		return;
	const char *nn = dd_arena_strdup(a, to);
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

static void alter_table(dd_model *m, const PgQuery__AlterTableStmt *as)
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
			dd_column *c = new_column(m, cd);
			add_column(m, t, c);
			struct pending *q = calloc(cd->n_constraints + 1, sizeof *q);
			if (!q)
				abort();
			size_t nq = 0;
			column_constraints(m, t, c, cd, q, &nq);
			install_pending(m, t, q, nq);
			free(q);
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
				col->default_expr = default_text(m, &col->type, cmd->def);
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
				dd_constraint *c = new_constraint(m, t, pc, NULL);
				if (c)
					install_constraint(m, t, c, pc);
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

/* ---- other statements ---- */

static void rename_table(dd_model *m, dd_table *t, const char *newname)
{
	forget(m, &m->priv->tables, tkey(t->schema, t->name).s);
	t->name = dd_arena_strdup(A(m), newname);
	for (size_t i = 0; i < t->n_triggers; i++)
		t->triggers[i]->table = t->name;
	dd_map_put(&m->priv->tables, A(m), tkey(t->schema, t->name).s, t);
}

static void move_table(dd_model *m, dd_table *t, const char *schema)
{
	forget(m, &m->priv->tables, tkey(t->schema, t->name).s);
	t->schema = dd_arena_strdup(A(m), schema);
	dd_map_put(&m->priv->tables, A(m), tkey(t->schema, t->name).s, t);
	for (size_t i = 0; i < t->n_triggers; i++)
		t->triggers[i]->schema = t->schema;
	for (size_t i = 0; i < t->n_indexes; i++) {
		dd_index *ix = t->indexes[i];
		if (ix->dropped)
			continue;
		forget(m, &m->priv->indexes, tkey(ix->schema, ix->name).s);
		ix->schema = t->schema;
		dd_map_put(&m->priv->indexes, A(m), tkey(ix->schema, ix->name).s, ix);
	}
}

/* Split a name list (["s", "t"] or ["t"]) into schema and name. */
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

static void rename_stmt(dd_model *m, const PgQuery__RenameStmt *rs)
{
	const char *schema, *name;
	switch (rs->rename_type) {
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
	case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: {
		dd_table *t = table_of(m, rs->relation);
		if (t)
			rename_table(m, t, rs->newname);
		break;
	}
	case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
		dd_table *t = table_of(m, rs->relation);
		if (t)
			rename_column(t, rs->subname, rs->newname, A(m));
		break;
	}
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
		dd_table *t = table_of(m, rs->relation);
		for (size_t i = 0; t && i < t->n_constraints; i++) {
			dd_constraint *c = t->constraints[i];
			if (strcmp(c->name, rs->subname) != 0)
				continue;
			conname_count(m, t->schema, c->name, -1);
			c->name = dd_arena_strdup(A(m), rs->newname);
			c->named = true;
			conname_count(m, t->schema, c->name, +1);
			if (c->index) {
				forget(m, &m->priv->indexes, tkey(c->index->schema, c->index->name).s);
				c->index->name = c->name;
				dd_map_put(&m->priv->indexes, A(m), tkey(c->index->schema, c->index->name).s, c->index);
			}
		}
		break;
	}
	case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
		const PgQuery__RangeVar *rv = rs->relation;
		dd_index *ix = rv ? lookup(m, &m->priv->indexes, rv->schemaname, rv->relname) : NULL;
		if (!ix)
			break;
		forget(m, &m->priv->indexes, tkey(ix->schema, ix->name).s);
		ix->name = dd_arena_strdup(A(m), rs->newname);
		ix->named = true;
		dd_map_put(&m->priv->indexes, A(m), tkey(ix->schema, ix->name).s, ix);
		if (ix->constraint) {   /* renaming the index renames its constraint */
			conname_count(m, ix->schema, ix->constraint->name, -1);
			ix->constraint->name = ix->name;
			conname_count(m, ix->schema, ix->name, +1);
		}
		break;
	}
	case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
	case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: {
		const PgQuery__RangeVar *rv = rs->relation;
		dd_view *v = rv ? lookup(m, &m->priv->views, rv->schemaname, rv->relname) : NULL;
		if (v) {
			forget(m, &m->priv->views, tkey(v->schema, v->name).s);
			v->name = dd_arena_strdup(A(m), rs->newname);
			dd_map_put(&m->priv->views, A(m), tkey(v->schema, v->name).s, v);
		}
		break;
	}
	case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
		const PgQuery__RangeVar *rv = rs->relation;
		dd_sequence *s = rv ? lookup(m, &m->priv->sequences, rv->schemaname, rv->relname) : NULL;
		if (s) {
			forget(m, &m->priv->sequences, tkey(s->schema, s->name).s);
			s->name = dd_arena_strdup(A(m), rs->newname);
			dd_map_put(&m->priv->sequences, A(m), tkey(s->schema, s->name).s, s);
		}
		break;
	}
	case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
	case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
		list_names(rs->object, &schema, &name);
		dd_typedef *ty = lookup(m, &m->priv->types, schema, name);
		if (ty) {
			forget(m, &m->priv->types, tkey(ty->schema, ty->name).s);
			ty->name = dd_arena_strdup(A(m), rs->newname);
			dd_map_put(&m->priv->types, A(m), tkey(ty->schema, ty->name).s, ty);
		}
		break;
	}
	case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
		dd_schema *s = dd_map_get(&m->priv->schemas, rs->subname);
		if (s) {
			forget(m, &m->priv->schemas, s->name);
			s->name = dd_arena_strdup(A(m), rs->newname);
			dd_map_put(&m->priv->schemas, A(m), s->name, s);
		}
		break;
	}
	case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: {
		dd_table *t = table_of(m, rs->relation);
		for (size_t i = 0; t && i < t->n_triggers; i++) {
			dd_trigger *tg = t->triggers[i];
			if (!tg->dropped && strcmp(tg->name, rs->subname) == 0)
				tg->name = dd_arena_strdup(A(m), rs->newname);
		}
		break;
	}
	case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
	case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
	case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
		list_names(rs->object, &schema, &name);
		const char *s = dd_model_schema_for(m, schema);
		for (size_t i = 0; i < m->n_functions; i++) {
			dd_function *f = m->functions[i];
			if (!f->dropped && strcmp(f->schema, s) == 0 && strcmp(f->name, name) == 0)
				f->name = dd_arena_strdup(A(m), rs->newname);
		}
		break;
	}
	default:
		break;
	}
}

static void drop_table(dd_model *m, dd_table *t)
{
	t->dropped = true;
	forget(m, &m->priv->tables, tkey(t->schema, t->name).s);
	for (size_t i = 0; i < t->n_indexes; i++)
		if (!t->indexes[i]->dropped)
			drop_index_obj(m, t->indexes[i]);
	for (size_t i = 0; i < t->n_constraints; i++)
		conname_count(m, t->schema, t->constraints[i]->name, -1);
	for (size_t i = 0; i < t->n_triggers; i++)
		t->triggers[i]->dropped = true;
	for (size_t i = 0; i < m->n_sequences; i++) {
		dd_sequence *s = m->sequences[i];
		if (!s->dropped && s->owned_by_table && strcmp(s->schema, t->schema) == 0 &&
		    strcmp(s->owned_by_table, t->name) == 0) {
			s->dropped = true;
			forget(m, &m->priv->sequences, tkey(s->schema, s->name).s);
		}
	}
}

static void drop_stmt(dd_model *m, const PgQuery__DropStmt *ds)
{
	for (size_t i = 0; i < ds->n_objects; i++) {
		const char *schema, *name;
		list_names(ds->objects[i], &schema, &name);
		switch (ds->remove_type) {
		case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
		case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: {
			dd_table *t = dd_model_table(m, schema, name);
			if (t)
				drop_table(m, t);
			break;
		}
		case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
			dd_index *ix = lookup(m, &m->priv->indexes, schema, name);
			if (ix)
				drop_index_obj(m, ix);
			break;
		}
		case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
		case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: {
			dd_view *v = lookup(m, &m->priv->views, schema, name);
			if (v) {
				v->dropped = true;
				forget(m, &m->priv->views, tkey(v->schema, v->name).s);
			}
			break;
		}
		case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
			dd_sequence *s = lookup(m, &m->priv->sequences, schema, name);
			if (s) {
				s->dropped = true;
				forget(m, &m->priv->sequences, tkey(s->schema, s->name).s);
			}
			break;
		}
		case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
		case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
			dd_typedef *ty = lookup(m, &m->priv->types, schema, name);
			if (ty) {
				ty->dropped = true;
				forget(m, &m->priv->types, tkey(ty->schema, ty->name).s);
			}
			break;
		}
		case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
			dd_schema *s = dd_map_get(&m->priv->schemas, name);
			if (s) {
				s->dropped = true;
				forget(m, &m->priv->schemas, name);
			}
			/* CASCADE or not, the objects in it are gone when the drop succeeds */
			for (size_t k = 0; k < m->n_tables; k++)
				if (!m->tables[k]->dropped && strcmp(m->tables[k]->schema, name) == 0)
					drop_table(m, m->tables[k]);
			break;
		}
		case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: {
			/* objects: [schema.]table.trigger */
			const PgQuery__Node *o = ds->objects[i];
			if (o->node_case != PG_QUERY__NODE__NODE_LIST || o->list->n_items < 2)
				break;
			size_t n = o->list->n_items;
			const char *tg = dd_string_node(o->list->items[n - 1]);
			const char *tname = dd_string_node(o->list->items[n - 2]);
			const char *tschema = n >= 3 ? dd_string_node(o->list->items[n - 3]) : NULL;
			dd_table *t = dd_model_table(m, tschema, tname ? tname : "");
			for (size_t k = 0; t && tg && k < t->n_triggers; k++) {
				dd_trigger *x = t->triggers[k];
				if (!x->dropped && strcmp(x->name, tg) == 0)
					x->dropped = true;
			}
			break;
		}
		case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
		case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
		case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
			const char *s = dd_model_schema_for(m, schema);
			for (size_t k = 0; k < m->n_functions; k++) {
				dd_function *f = m->functions[k];
				if (!f->dropped && strcmp(f->schema, s) == 0 && strcmp(f->name, name) == 0)
					f->dropped = true;
			}
			break;
		}
		default:
			break;
		}
	}
}

static dd_typedef *new_typedef(dd_model *m, PgQuery__Node *const *names, size_t n, dd_typedef_kind kind)
{
	const char *schema, *name;
	split_names(names, n, &schema, &name);
	schema = dd_model_schema_for(m, schema);
	if (dd_map_get(&m->priv->types, tkey(schema, name).s))
		return NULL;
	dd_typedef *ty = dd_arena_alloc(A(m), sizeof *ty);
	ty->schema = dd_arena_strdup(A(m), schema);
	ty->name = dd_arena_strdup(A(m), name);
	ty->kind = kind;
	ty->loc = find_ident(m, m->priv->st->offset, name);
	DD_PUSH(A(m), &m->types, &m->n_types, ty);
	dd_map_put(&m->priv->types, A(m), tkey(ty->schema, ty->name).s, ty);
	return ty;
}

static void alter_enum(dd_model *m, const PgQuery__AlterEnumStmt *ae)
{
	const char *schema, *name;
	split_names(ae->type_name, ae->n_type_name, &schema, &name);
	dd_typedef *ty = lookup(m, &m->priv->types, schema, name);
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
	dd_view *v = dd_map_get(&m->priv->views, tkey(schema, rv->relname).s);
	if (v)
		return;   /* OR REPLACE keeps the view */
	v = dd_arena_alloc(A(m), sizeof *v);
	v->schema = dd_arena_strdup(A(m), schema);
	v->name = dd_arena_strdup(A(m), rv->relname);
	v->materialized = materialized;
	v->loc = dd_name_loc(m->priv->st->file, rv->location);
	DD_PUSH(A(m), &m->views, &m->n_views, v);
	dd_map_put(&m->priv->views, A(m), tkey(v->schema, v->name).s, v);
}

static void create_trigger(dd_model *m, const PgQuery__CreateTrigStmt *ts)
{
	dd_table *t = table_of(m, ts->relation);
	const char *schema = t ? t->schema : dd_model_schema_for(m, ts->relation->schemaname);
	const char *table = t ? t->name : ts->relation->relname;
	for (size_t i = 0; t && i < t->n_triggers; i++) {
		dd_trigger *x = t->triggers[i];
		if (!x->dropped && strcmp(x->name, ts->trigname) == 0)
			x->dropped = true;   /* CREATE OR REPLACE */
	}
	dd_trigger *tg = dd_arena_alloc(A(m), sizeof *tg);
	tg->name = dd_arena_strdup(A(m), ts->trigname);
	tg->schema = dd_arena_strdup(A(m), schema);
	tg->table = dd_arena_strdup(A(m), table);
	tg->loc = find_ident(m, m->priv->st->offset, ts->trigname);
	/* timing and events are PostgreSQL's TRIGGER_TYPE_* bits */
	tg->timing = (ts->timing & 2) ? "before" : (ts->timing & 64) ? "instead of" : "after";
	tg->on_insert = (ts->events & 4) != 0;
	tg->on_delete = (ts->events & 8) != 0;
	tg->on_update = (ts->events & 16) != 0;
	tg->on_truncate = (ts->events & 32) != 0;
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
	DD_PUSH(A(m), &m->triggers, &m->n_triggers, tg);
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
	if (fs->return_type) {
		dd_type rt;
		dd_type_from_typename(A(m), fs->return_type, &rt);
		f->returns = fs->return_type->setof ? dd_arena_sprintf(A(m), "SETOF %s", rt.text) : rt.text;
	}
	for (size_t i = 0; i < fs->n_options; i++) {
		const PgQuery__Node *o = fs->options[i];
		if (o->node_case == PG_QUERY__NODE__NODE_DEF_ELEM && strcmp(o->def_elem->defname, "language") == 0)
			f->language = dd_arena_strdup(A(m), dd_string_node(o->def_elem->arg));
	}
	f->loc = find_ident(m, m->priv->st->offset, name);
	DD_PUSH(A(m), &m->functions, &m->n_functions, f);
	dd_map_put(&m->priv->functions, A(m), fkey, f);
}

static void create_sequence(dd_model *m, const PgQuery__CreateSeqStmt *cs)
{
	const char *schema = dd_model_schema_for(m, cs->sequence->schemaname);
	if (dd_map_get(&m->priv->sequences, tkey(schema, cs->sequence->relname).s))
		return;
	dd_sequence *s = dd_arena_alloc(A(m), sizeof *s);
	s->schema = dd_arena_strdup(A(m), schema);
	s->name = dd_arena_strdup(A(m), cs->sequence->relname);
	s->loc = dd_name_loc(m->priv->st->file, cs->sequence->location);
	DD_PUSH(A(m), &m->sequences, &m->n_sequences, s);
	dd_map_put(&m->priv->sequences, A(m), tkey(s->schema, s->name).s, s);
}

static void alter_sequence(dd_model *m, const PgQuery__AlterSeqStmt *as)
{
	dd_sequence *s = lookup(m, &m->priv->sequences, as->sequence->schemaname, as->sequence->relname);
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
			move_table(m, t, as->newschema);
	} else if (as->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE ||
		   as->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN) {
		const char *schema, *name;
		list_names(as->object, &schema, &name);
		dd_typedef *ty = lookup(m, &m->priv->types, schema, name);
		if (ty) {
			forget(m, &m->priv->types, tkey(ty->schema, ty->name).s);
			ty->schema = dd_arena_strdup(A(m), as->newschema);
			dd_map_put(&m->priv->types, A(m), tkey(ty->schema, ty->name).s, ty);
		}
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
		DD_PUSH(A(m), &m->schemas, &m->n_schemas, s);
		dd_map_put(&m->priv->schemas, A(m), s->name, s);
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
	case PG_QUERY__NODE__NODE_CREATE_STMT: create_table(m, n->create_stmt); break;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: alter_table(m, n->alter_table_stmt); break;
	case PG_QUERY__NODE__NODE_INDEX_STMT: create_index(m, n->index_stmt); break;
	case PG_QUERY__NODE__NODE_RENAME_STMT: rename_stmt(m, n->rename_stmt); break;
	case PG_QUERY__NODE__NODE_DROP_STMT: drop_stmt(m, n->drop_stmt); break;
	case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: {
		const PgQuery__CreateEnumStmt *es = n->create_enum_stmt;
		dd_typedef *ty = new_typedef(m, es->type_name, es->n_type_name, DD_TYPE_ENUM);
		if (ty) {
			ty->labels = names_of(m, es->vals, es->n_vals);
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

/* ---- copies and fingerprints, for checking that a down undoes its up ---- */

static const char *ptr_key(char *buf, size_t n, const void *p)
{
	snprintf(buf, n, "%p", p);
	return buf;
}

static void *copy_array(dd_arena *a, const void *items, size_t n, size_t size)
{
	if (!items || !n)
		return (void *)items;
	void *out = dd_arena_alloc(a, n * size);
	memcpy(out, items, n * size);
	return out;
}

static bool table_named(const dd_map *only, const dd_table *t);
static bool table_in_scope(const dd_map *only, const dd_table *t);

static bool named(const dd_map *only, const char *name)
{
	return !only || (name && dd_map_get(only, name));
}

/* Is the object in the scope of `only`: named there, or in a schema named there? */
static bool object_named(const dd_map *only, const char *schema, const char *name)
{
	return named(only, name) || named(only, schema);
}

static bool trigger_named(const dd_map *only, const dd_trigger *tg)
{
	return object_named(only, tg->schema, tg->name) || named(only, tg->table);
}

static bool index_named(const dd_map *only, const dd_index *ix)
{
	return object_named(only, ix->schema, ix->name) || (ix->table && table_in_scope(only, ix->table));
}

/* A table is in a partial copy when it is named, or one of its indexes is (the copy of an
 * index must have the copy of its table to point to). */
static bool table_in_scope(const dd_map *only, const dd_table *t)
{
	if (table_named(only, t))
		return true;
	for (size_t j = 0; j < t->n_indexes; j++)
		if (object_named(only, t->indexes[j]->schema, t->indexes[j]->name))
			return true;
	return false;
}

static bool table_named(const dd_map *only, const dd_table *t)
{
	if (object_named(only, t->schema, t->name) || (t->parent && named(only, t->parent)))
		return true;
	/* a foreign key on it to a table named there: DROP ... CASCADE takes it away */
	for (size_t j = 0; j < t->n_constraints; j++)
		if (t->constraints[j]->kind == DD_CON_FOREIGN && named(only, t->constraints[j]->ref_table))
			return true;
	return false;
}

dd_model *dd_model_clone(dd_arena *a, const dd_model *m, const dd_map *only)
{
	dd_model *c = dd_model_new(a);
	if (only) {
		c->priv->base = m;
		c->priv->only = only;
	}
	c->default_schema = m->default_schema;
	dd_map remap = { 0 };   /* old object -> new object */
	char k[32];
	for (size_t i = 0; i < m->n_indexes; i++) {
		if (!index_named(only, m->indexes[i]))
			continue;
		dd_index *ix = dd_arena_alloc(a, sizeof *ix);
		*ix = *m->indexes[i];
		/* arrays the replay changes in place (RENAME COLUMN) are copied, never shared */
		ix->elems = copy_array(a, ix->elems, ix->n_elems, sizeof *ix->elems);
		ix->include = copy_array(a, ix->include, ix->n_include, sizeof *ix->include);
		DD_PUSH(a, &c->indexes, &c->n_indexes, ix);
		dd_map_put(&remap, a, ptr_key(k, sizeof k, m->indexes[i]), ix);
		if (!ix->dropped)
			dd_map_put(&c->priv->indexes, a, tkey(ix->schema, ix->name).s, ix);
	}
	for (size_t i = 0; i < m->n_tables; i++) {
		const dd_table *ot = m->tables[i];
		if (!table_in_scope(only, ot))
			continue;
		dd_table *t = dd_arena_alloc(a, sizeof *t);
		*t = *ot;
		t->columns = NULL;
		t->n_columns = 0;
		for (size_t j = 0; j < ot->n_columns; j++) {
			dd_column *col = dd_arena_alloc(a, sizeof *col);
			*col = *ot->columns[j];
			DD_PUSH(a, &t->columns, &t->n_columns, col);
		}
		t->constraints = NULL;
		t->n_constraints = 0;
		for (size_t j = 0; j < ot->n_constraints; j++) {
			dd_constraint *con = dd_arena_alloc(a, sizeof *con);
			*con = *ot->constraints[j];
			con->columns = copy_array(a, con->columns, con->n_columns, sizeof *con->columns);
			con->ref_columns = copy_array(a, con->ref_columns, con->n_ref_columns, sizeof *con->ref_columns);
			con->table = t;
			if (con->index) {
				con->index = dd_map_get(&remap, ptr_key(k, sizeof k, con->index));
				if (con->index)
					con->index->constraint = con;
			}
			DD_PUSH(a, &t->constraints, &t->n_constraints, con);
			if (!t->dropped)
				conname_count(c, t->schema, con->name, +1);
		}
		t->indexes = NULL;
		t->n_indexes = 0;
		for (size_t j = 0; j < ot->n_indexes; j++) {
			dd_index *ix = dd_map_get(&remap, ptr_key(k, sizeof k, ot->indexes[j]));
			if (ix) {
				ix->table = t;
				DD_PUSH(a, &t->indexes, &t->n_indexes, ix);
			}
		}
		DD_PUSH(a, &c->tables, &c->n_tables, t);
		if (!t->dropped)
			dd_map_put(&c->priv->tables, a, tkey(t->schema, t->name).s, t);
	}
	for (size_t i = 0; i < m->n_types; i++) {
		if (!object_named(only, m->types[i]->schema, m->types[i]->name))
			continue;
		dd_typedef *ty = dd_arena_alloc(a, sizeof *ty);
		*ty = *m->types[i];
		ty->labels = copy_array(a, ty->labels, ty->n_labels, sizeof *ty->labels);
		DD_PUSH(a, &c->types, &c->n_types, ty);
		if (!ty->dropped)
			dd_map_put(&c->priv->types, a, tkey(ty->schema, ty->name).s, ty);
	}
	for (size_t i = 0; i < m->n_views; i++) {
		if (!object_named(only, m->views[i]->schema, m->views[i]->name))
			continue;
		dd_view *v = dd_arena_alloc(a, sizeof *v);
		*v = *m->views[i];
		DD_PUSH(a, &c->views, &c->n_views, v);
		if (!v->dropped)
			dd_map_put(&c->priv->views, a, tkey(v->schema, v->name).s, v);
	}
	for (size_t i = 0; i < m->n_triggers; i++) {
		const dd_trigger *ot = m->triggers[i];
		if (!trigger_named(only, ot))
			continue;
		dd_trigger *t = dd_arena_alloc(a, sizeof *t);
		*t = *m->triggers[i];
		DD_PUSH(a, &c->triggers, &c->n_triggers, t);
		dd_map_put(&remap, a, ptr_key(k, sizeof k, m->triggers[i]), t);
	}
	for (size_t i = 0; i < c->n_tables; i++) {
		dd_table *t = c->tables[i];
		dd_trigger **old = t->triggers;
		size_t n = t->n_triggers;
		t->triggers = NULL;
		t->n_triggers = 0;
		for (size_t j = 0; j < n; j++) {
			dd_trigger *nt = dd_map_get(&remap, ptr_key(k, sizeof k, old[j]));
			if (nt)
				DD_PUSH(a, &t->triggers, &t->n_triggers, nt);
		}
	}
	for (size_t i = 0; i < m->n_functions; i++) {
		if (!object_named(only, m->functions[i]->schema, m->functions[i]->name))
			continue;
		dd_function *f = dd_arena_alloc(a, sizeof *f);
		*f = *m->functions[i];
		DD_PUSH(a, &c->functions, &c->n_functions, f);
		if (!f->dropped)
			dd_map_put(&c->priv->functions, a, dd_arena_sprintf(a, "%s.%s(%s)", f->schema, f->name, f->args), f);
	}
	for (size_t i = 0; i < m->n_sequences; i++) {
		const dd_sequence *os = m->sequences[i];
		if (!object_named(only, os->schema, os->name) && !(os->owned_by_table && named(only, os->owned_by_table)))
			continue;
		dd_sequence *s = dd_arena_alloc(a, sizeof *s);
		*s = *m->sequences[i];
		DD_PUSH(a, &c->sequences, &c->n_sequences, s);
		if (!s->dropped)
			dd_map_put(&c->priv->sequences, a, tkey(s->schema, s->name).s, s);
	}
	for (size_t i = 0; i < m->n_schemas; i++) {
		if (!named(only, m->schemas[i]->name))
			continue;
		dd_schema *s = dd_arena_alloc(a, sizeof *s);
		*s = *m->schemas[i];
		DD_PUSH(a, &c->schemas, &c->n_schemas, s);
		if (!s->dropped)
			dd_map_put(&c->priv->schemas, a, s->name, s);
	}
	dd_map_free(&remap);
	return c;
}

static int str_cmp(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static const char *cols_text(dd_arena *a, const char *const *cols, size_t n)
{
	dd_buf b = { 0 };
	for (size_t i = 0; i < n; i++)
		dd_buf_printf(&b, "%s%s", i ? ", " : "", cols[i]);
	char *s = dd_arena_strdup(a, b.data ? b.data : "");
	dd_buf_free(&b);
	return s;
}

size_t dd_model_fingerprint(dd_arena *a, const dd_model *m, const dd_map *only, const char ***out)
{
	const char **v = NULL;
	size_t n = 0;
	static const char *kinds[] = { "primary key", "unique", "check", "foreign key", "exclude" };
	for (size_t i = 0; i < m->n_schemas; i++)
		if (!m->schemas[i]->dropped && named(only, m->schemas[i]->name))
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "schema %s", m->schemas[i]->name));
	for (size_t i = 0; i < m->n_tables; i++) {
		const dd_table *t = m->tables[i];
		if (t->dropped || !table_in_scope(only, t))
			continue;
		DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "table %s.%s", t->schema, t->name));
		for (size_t j = 0; j < t->n_columns; j++) {
			const dd_column *c = t->columns[j];
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "column %s.%s.%s %s%s%s%s", t->schema, t->name, c->name, c->type.text,
							    c->not_null ? " NOT NULL" : "", c->default_expr ? " DEFAULT " : "",
							    c->default_expr ? c->default_expr : ""));
		}
		for (size_t j = 0; j < t->n_constraints; j++) {
			const dd_constraint *c = t->constraints[j];
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "constraint %s on %s.%s (%s %s)", c->name, t->schema, t->name,
							    kinds[c->kind], cols_text(a, c->columns, c->n_columns)));
		}
	}
	for (size_t i = 0; i < m->n_indexes; i++) {
		const dd_index *ix = m->indexes[i];
		if (ix->dropped || ix->constraint || !ix->table || ix->table->dropped)
			continue;
		if (index_named(only, ix))
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "index %s.%s", ix->schema, ix->name));
	}
	for (size_t i = 0; i < m->n_types; i++) {
		const dd_typedef *t = m->types[i];
		if (t->dropped || !object_named(only, t->schema, t->name))
			continue;
		DD_PUSH(a, &v, &n, t->kind == DD_TYPE_ENUM
					   ? dd_arena_sprintf(a, "type %s.%s (%s)", t->schema, t->name, cols_text(a, t->labels, t->n_labels))
					   : dd_arena_sprintf(a, "type %s.%s", t->schema, t->name));
	}
	for (size_t i = 0; i < m->n_views; i++) {
		const dd_view *w = m->views[i];
		if (!w->dropped && object_named(only, w->schema, w->name))
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "view %s.%s", w->schema, w->name));
	}
	for (size_t i = 0; i < m->n_triggers; i++) {
		const dd_trigger *tg = m->triggers[i];
		if (!tg->dropped && trigger_named(only, tg))
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "trigger %s on %s.%s", tg->name, tg->schema, tg->table));
	}
	for (size_t i = 0; i < m->n_functions; i++) {
		const dd_function *f = m->functions[i];
		if (!f->dropped && object_named(only, f->schema, f->name))
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "function %s.%s(%s)", f->schema, f->name, f->args));
	}
	for (size_t i = 0; i < m->n_sequences; i++) {
		const dd_sequence *sq = m->sequences[i];
		if (!sq->dropped && !sq->owned_by_column && object_named(only, sq->schema, sq->name))
			DD_PUSH(a, &v, &n, dd_arena_sprintf(a, "sequence %s.%s", sq->schema, sq->name));
	}
	if (n)
		qsort(v, n, sizeof *v, str_cmp);
	*out = v;
	return n;
}
