/* Tables, columns, constraints, indexes and partitions, as CREATE TABLE and CREATE INDEX make
 * them, with the names PostgreSQL gives what the source leaves unnamed. */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include "model_priv.h"

/* Would makeObjectName have to cut name1_name2_label to fit 63 bytes? */
static bool would_truncate(const char *name1, const char *name2, const char *label)
{
	return strlen(name1) + (name2 ? strlen(name2) + 1 : 0) + strlen(label) + 1 > 63;
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

static bool is_string_type(const char *name)
{
	return strcmp(name, "text") == 0 || strcmp(name, "character varying") == 0 || strcmp(name, "character") == 0;
}

/* DEFAULT NULL on a column of this type: PostgreSQL drops a bare NULL constant, but keeps the
 * NULL when it had to be coerced: to a type modifier (varchar(40), numeric(12,2), char(3),
 * timestamp(3), bit(3): a length-coercion call; not interval(p)), or to a domain (which may
 * have a default of its own to override). The default as it shows it (pg_get_expr), or NULL. */
static const char *null_default(dd_model *m, const dd_type *t)
{
	const dd_typedef *dom = dd_obj_find(m, KIND_TYPE, t->schema, t->name);   /* a type of the model */
	if (dom && dom->kind != DD_TYPE_DOMAIN)
		return NULL;   /* an enum, a composite or a range: a bare NULL */
	static const char *const coerced[][2] = {
		{ "character varying", "character varying" }, { "character", "bpchar" }, { "numeric", "numeric" },
		{ "timestamp without time zone", "timestamp without time zone" },
		{ "timestamp with time zone", "timestamp with time zone" }, { "time without time zone", "time without time zone" },
		{ "time with time zone", "time with time zone" }, { "bit", "\"bit\"" }, { "bit varying", "bit varying" },
	};
	const dd_type *shown = dom ? &dom->base : t;
	const char *name = NULL;
	for (size_t i = 0; i < sizeof coerced / sizeof *coerced; i++)
		if (strcmp(shown->name, coerced[i][0]) == 0)
			name = coerced[i][1];
	if (!dom && !(name && t->n_mods > 0))
		return NULL;
	if (!name)
		name = shown->schema ? dd_arena_sprintf(A(m), "%s.%s", shown->schema, shown->name) : shown->name;
	return dd_arena_sprintf(A(m), "NULL::%s%s", name, t->array_dims > 0 || shown->array_dims > 0 ? "[]" : "");
}

/*
 * A default as PostgreSQL stores it, in normal form: DEFAULT NULL is no default (unless the NULL
 * had to be coerced, null_default), and a constant cast to the column's own type is the constant
 * ('x'::varchar on a varchar column is 'x', 'a'::public.status_enum on a status_enum column is 'a').
 */
const char *dd_model_default_text(dd_model *m, const dd_type *coltype, const PgQuery__Node *e)
{
	if (!e)
		return NULL;
	if (e->node_case == PG_QUERY__NODE__NODE_A_CONST && e->a_const->isnull)
		return null_default(m, coltype);
	if (e->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && e->type_cast->arg && e->type_cast->type_name &&
	    e->type_cast->arg->node_case == PG_QUERY__NODE__NODE_A_CONST) {
		if (e->type_cast->arg->a_const->isnull)
			return null_default(m, coltype);
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
	c->made_in = c->loc.file;
	dd_type_from_typename(A(m), cd->type_name, &c->type);
	c->not_null = cd->is_not_null;
	if (cd->identity && *cd->identity)
		c->identity = cd->identity[0];
	if (cd->raw_default)
		c->default_expr = dd_model_default_text(m, &c->type, cd->raw_default);
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

const char **dd_model_names_of(dd_model *m, PgQuery__Node **nodes, size_t n)
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
	dd_obj_add(m, KIND_INDEX, ix);
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
		ix->include = dd_model_names_of(m, pc->including, pc->n_including);
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
		ix->name = dd_model_choose_name(m, t->schema, t->name, add, label, true, true);
		ix->name_truncated = c->name_truncated = would_truncate(t->name, add, label);
		c->name = ix->name;
	}
	c->index = ix;
	register_index(m, ix);
	return ix;
}

const char *dd_model_implicit_name(dd_model *m, const dd_table *t, const dd_constraint *c)
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
	c->implicit_name = dd_model_implicit_name(m, t, c);
	DD_PUSH(A(m), &t->constraints, &t->n_constraints, c);
	if (c->kind == DD_CON_FOREIGN)
		dd_model_note_reference(m, t, c->ref_schema, c->ref_table);
	dd_model_conname_count(m, t->schema, c->name, +1);
}

/*
 * Build a constraint from its parse node. `column` is the enclosing column of
 * an inline constraint, or NULL. Naming happens in install_constraint().
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
			c->columns = dd_model_names_of(m, pc->fk_attrs, pc->n_fk_attrs);
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
		c->ref_columns = dd_model_names_of(m, pc->pk_attrs, pc->n_pk_attrs);
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
			c->columns = dd_model_names_of(m, pc->keys, pc->n_keys);
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
			dd_index *ix = dd_obj_find(m, KIND_INDEX, t->schema, pc->indexname);
			if (ix) {
				if (!c->named)
					c->name = ix->name;
				else if (strcmp(ix->name, c->name) != 0)
					dd_obj_rename(m, KIND_INDEX, ix, c->name);
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
		c->name = dd_model_choose_name(m, t->schema, t->name, add, label, false, true);
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
			col->default_expr = dd_model_default_text(m, &col->type, pc->raw_expr);
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
		const char *seq = dd_model_choose_name(m, t->schema, t->name, col->name, "seq", true, false);
		col->default_expr = dd_arena_sprintf(A(m), "nextval('%s'::regclass)", seq);
		col->not_null = true;
		dd_sequence *s = dd_arena_alloc(A(m), sizeof *s);
		s->schema = t->schema;
		s->name = seq;
		s->loc = col->loc;
		s->owned_by_table = t->name;
		s->owned_by_column = col->name;
		dd_obj_add(m, KIND_SEQUENCE, s);
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

void dd_model_copy_columns(dd_model *m, dd_table *to, const dd_table *from, bool defaults)
{
	for (size_t i = 0; i < from->n_columns; i++) {
		if (dd_table_column(to, from->columns[i]->name))
			continue;
		dd_column *c = dd_arena_alloc(A(m), sizeof *c);
		*c = *from->columns[i];
		c->loc = to->loc;
		c->made_in = to->made_in;
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
	ix->name = dd_model_choose_name(m, to->schema, to->name, dd_name_addition(A(m), cols, nc), "idx", true, false);
	register_index(m, ix);
}

static bool same_names(const char *const *a, size_t na, const char *const *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (strcmp(a[i], b[i]) != 0)
			return false;
	return true;
}

/* The partition's own constraint that PostgreSQL takes for the parent's `pc` when the partition
 * is attached: same kind and columns (a foreign key: to the same table and columns; a CHECK: the
 * same name), or NULL. */
dd_constraint *dd_model_equivalent_constraint(const dd_table *part, const dd_constraint *pc)
{
	for (size_t k = 0; k < part->n_constraints; k++) {
		dd_constraint *c = part->constraints[k];
		if (c->kind != pc->kind)
			continue;
		if (c->kind == DD_CON_CHECK ? strcmp(c->name, pc->name) == 0 :
		    c->kind == DD_CON_PRIMARY ||
		    (same_names(c->columns, c->n_columns, pc->columns, pc->n_columns) &&
		     (c->kind != DD_CON_FOREIGN ||
		      (strcmp(c->ref_table, pc->ref_table) == 0 && strcmp(c->ref_schema, pc->ref_schema) == 0 &&
		       same_names(c->ref_columns, c->n_ref_columns, pc->ref_columns, pc->n_ref_columns)))))
			return c;
	}
	return NULL;
}

/* The partition's index that PostgreSQL attaches to the parent's `pix` instead of making one:
 * same keys, uniqueness, method and predicate, backing no constraint. */
dd_index *dd_model_equivalent_index(const dd_table *part, const dd_index *pix)
{
	for (size_t k = 0; k < part->n_indexes; k++) {
		dd_index *ix = part->indexes[k];
		if (ix->dropped || ix->constraint || ix->unique != pix->unique || strcmp(ix->method, pix->method) != 0 ||
		    ix->n_elems != pix->n_elems || (!ix->predicate != !pix->predicate) ||
		    (ix->predicate && strcmp(ix->predicate, pix->predicate) != 0))
			continue;
		bool same = true;
		for (size_t e = 0; e < ix->n_elems && same; e++) {
			const dd_index_elem *a = &ix->elems[e], *b = &pix->elems[e];
			same = a->column && b->column ? strcmp(a->column, b->column) == 0 :
			       a->expr && b->expr && strcmp(a->expr, b->expr) == 0;
		}
		if (same)
			return ix;
	}
	return NULL;
}

bool dd_model_partition_of(const dd_model *m, const dd_table *p, const dd_table *t)
{
	return !p->dropped && p->parent && strcmp(p->parent, t->name) == 0 && strcmp(p->parent_schema, t->schema) == 0 &&
	       !dd_model_is_ancestor(m, p, t);
}

bool dd_model_is_ancestor(const dd_model *m, const dd_table *a, const dd_table *t)
{
	/* a chain longer than the model has tables is a cycle: stop */
	for (size_t depth = 0; t && depth <= m->n_tables; depth++) {
		if (t == a)
			return true;
		t = t->parent ? dd_model_table(m, t->parent_schema, t->parent) : NULL;
	}
	return t != NULL;
}

static void clone_constraint(dd_model *m, const dd_constraint *pc, dd_table *part);

/* The partitions of t, each given what `fn` makes of `what`. */
static void each_partition(dd_model *m, const dd_table *t, void (*fn)(dd_model *, const void *, dd_table *),
			   const void *what)
{
	for (size_t i = 0; i < m->n_tables; i++) {
		dd_table *p = m->tables[i];
		if (dd_model_partition_of(m, p, t))
			fn(m, what, p);
	}
}

static void clone_constraint_cb(dd_model *m, const void *pc, dd_table *part) { clone_constraint(m, pc, part); }

/*
 * The parent's constraint `pc` on a partition, as PostgreSQL clones it: a key or unique
 * constraint named after the partition (its index too), a CHECK or FOREIGN KEY under the same
 * name; an equivalent one the partition has already is taken for it. On down the partitions of a
 * partition.
 */
static void clone_constraint(dd_model *m, const dd_constraint *pc, dd_table *part)
{
	dd_constraint *eq = dd_model_equivalent_constraint(part, pc);
	if (eq) {
		eq->inherited = true;
		if (eq->index)
			eq->index->inherited = true;
		return;
	}
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
	if (part->partitioned)
		each_partition(m, part, clone_constraint_cb, c);
}

/* The parent's index (backing no constraint) on a partition: an equivalent one is attached,
 * else one is made. */
static void clone_index(dd_model *m, const dd_index *pix, dd_table *part)
{
	dd_index *eq = dd_model_equivalent_index(part, pix);
	if (eq)
		eq->inherited = true;
	else
		copy_index(m, pix, part, true);
}

static void clone_index_cb(dd_model *m, const void *pix, dd_table *part) { clone_index(m, pix, part); }

void dd_model_clone_to_partitions(dd_model *m, const dd_table *t, const dd_constraint *c)
{
	each_partition(m, t, clone_constraint_cb, c);
}

/* A partition (PARTITION OF, or ATTACH PARTITION) gets what its partitioned table has: each of
 * its constraints and indexes. */
void dd_model_clone_to_partition(dd_model *m, const dd_table *parent, dd_table *part)
{
	for (size_t i = 0; i < parent->n_constraints; i++)
		clone_constraint(m, parent->constraints[i], part);
	for (size_t i = 0; i < parent->n_indexes; i++)
		if (!parent->indexes[i]->dropped && !parent->indexes[i]->constraint)
			clone_index(m, parent->indexes[i], part);
}

/* TableLikeClause.options holds PostgreSQL's TableLikeOption bits (nodes/parsenodes.h); these are
 * the ones the model follows. (libpg_query's enum of the same names numbers them 1 + their bit.) */
enum { CREATE_TABLE_LIKE_DEFAULTS = 1 << 3, CREATE_TABLE_LIKE_INDEXES = 1 << 6 };

/* CREATE TABLE, step by step: the table, its inherited columns, its elements, its constraints,
 * the clones a partition takes from its parent, the indexes of LIKE ... INCLUDING INDEXES. */

static dd_table *new_table(dd_model *m, const PgQuery__CreateStmt *cs)
{
	const PgQuery__RangeVar *rv = cs->relation;
	const char *schema = dd_model_schema_for(m, rv->schemaname);
	char persistence = rv->relpersistence && *rv->relpersistence ? rv->relpersistence[0] : 'p';
	if (persistence == 't')
		schema = "pg_temp";
	if (dd_obj_find(m, KIND_TABLE, schema, rv->relname))
		return NULL;   /* IF NOT EXISTS, or a duplicate PostgreSQL would reject */
	dd_table *t = dd_arena_alloc(A(m), sizeof *t);
	t->schema = dd_arena_strdup(A(m), schema);
	t->name = dd_arena_strdup(A(m), rv->relname);
	t->loc = dd_name_loc(m->priv->st->file, rv->location);
	t->made_in = t->loc.file;
	t->persistence = persistence;
	t->partitioned = cs->partspec != NULL;
	dd_obj_add(m, KIND_TABLE, t);
	return t;
}

/* Inherited columns come first: INHERITS and PARTITION OF. */
static void inherit_columns(dd_model *m, dd_table *t, const PgQuery__CreateStmt *cs)
{
	for (size_t i = 0; i < cs->n_inh_relations; i++) {
		const PgQuery__Node *n = cs->inh_relations[i];
		if (n->node_case != PG_QUERY__NODE__NODE_RANGE_VAR)
			continue;
		dd_table *parent = table_of(m, n->range_var);
		if (cs->partbound && parent && dd_model_is_ancestor(m, t, parent))
			continue;   /* a cycle of partitions, which PostgreSQL refuses */
		if (cs->partbound) {
			t->parent_schema = parent ? parent->schema : dd_arena_strdup(A(m), dd_model_schema_for(m, n->range_var->schemaname));
			t->parent = dd_arena_strdup(A(m), n->range_var->relname);
		}
		if (parent)
			dd_model_copy_columns(m, t, parent, true);
	}
}

/* What the elements of a CREATE TABLE leave to do once they are all read: the constraints to
 * install (named in order) and the LIKE clauses whose indexes are copied. */
typedef struct elements {
	struct pending *q;
	size_t nq;
	const PgQuery__TableLikeClause **likes;
	size_t n_likes;
} elements;

static void queue_constraint(dd_model *m, dd_table *t, const PgQuery__Constraint *pc, elements *e)
{
	dd_constraint *c = new_constraint(m, t, pc, NULL);
	if (c) {
		e->q[e->nq].c = c;
		e->q[e->nq].pc = pc;
		e->nq++;
	}
}

/* Columns, table constraints and LIKE clauses, in the order written. */
static void read_elements(dd_model *m, dd_table *t, const PgQuery__CreateStmt *cs, elements *e)
{
	size_t cap = 8;
	for (size_t i = 0; i < cs->n_table_elts; i++)
		if (cs->table_elts[i]->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
			cap += cs->table_elts[i]->column_def->n_constraints;
	cap += cs->n_table_elts + cs->n_constraints;
	e->q = dd_xcalloc(cap, sizeof *e->q);
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
			column_constraints(m, t, col, cd, e->q, &e->nq);
		} else if (n->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
			queue_constraint(m, t, n->constraint, e);
		} else if (n->node_case == PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE) {
			const PgQuery__TableLikeClause *lc = n->table_like_clause;
			dd_table *src = table_of(m, lc->relation);
			if (src)
				dd_model_copy_columns(m, t, src, (lc->options & CREATE_TABLE_LIKE_DEFAULTS) != 0);
			e->likes = dd_xrealloc(e->likes, (e->n_likes + 1) * sizeof *e->likes);
			e->likes[e->n_likes++] = lc;
		}
	}
	for (size_t i = 0; i < cs->n_constraints; i++)
		if (cs->constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
			queue_constraint(m, t, cs->constraints[i]->constraint, e);
}

/* LIKE ... INCLUDING INDEXES: the source's indexes, renamed for the new table. */
static void copy_like_indexes(dd_model *m, dd_table *t, const elements *e)
{
	for (size_t i = 0; i < e->n_likes; i++) {
		dd_table *src = table_of(m, e->likes[i]->relation);
		if (!src || !(e->likes[i]->options & CREATE_TABLE_LIKE_INDEXES))
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
}

void dd_model_create_table(dd_model *m, const PgQuery__CreateStmt *cs)
{
	dd_table *t = new_table(m, cs);
	if (!t)
		return;
	inherit_columns(m, t, cs);
	elements e = { 0 };
	read_elements(m, t, cs, &e);
	install_pending(m, t, e.q, e.nq);
	free(e.q);
	if (cs->partbound && t->parent) {
		dd_table *parent = dd_model_table(m, t->parent_schema, t->parent);
		if (parent)
			dd_model_clone_to_partition(m, parent, t);
	}
	copy_like_indexes(m, t, &e);
	free(e.likes);
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
		ix->include = dd_model_names_of(m, is->index_including_params, is->n_index_including_params);
		ix->n_include = is->n_index_including_params;
	}
	if (is->where_clause) {
		ix->predicate = dd_deparse_expr(A(m), is->where_clause);
		ix->predicate_node = dd_node_copy(A(m), is->where_clause);
	}
	return ix;
}

void dd_model_create_index(dd_model *m, const PgQuery__IndexStmt *is)
{
	dd_table *t = table_of(m, is->relation);
	const char *schema = t ? t->schema : dd_model_schema_for(m, is->relation->schemaname);
	if (is->idxname && *is->idxname && dd_obj_find(m, KIND_INDEX, schema, is->idxname))
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
		ix->name = dd_model_choose_name(m, schema, t->name, add, "idx", true, false);
		ix->name_truncated = would_truncate(t->name, add, "idx");
		ix->loc = find_ident(m, st->offset, "index");
	}
	register_index(m, ix);
	/* CREATE INDEX ON ONLY parent (as pg_dump writes it) leaves the partitions alone */
	if (t->partitioned && is->relation->inh)
		each_partition(m, t, clone_index_cb, ix);
}

void dd_model_add_column(dd_model *m, dd_table *t, const PgQuery__ColumnDef *cd)
{
	dd_column *c = new_column(m, cd);
	add_column(m, t, c);
	struct pending *q = dd_xcalloc(cd->n_constraints + 1, sizeof *q);
	size_t nq = 0;
	column_constraints(m, t, c, cd, q, &nq);
	install_pending(m, t, q, nq);
	free(q);
}

void dd_model_add_constraint(dd_model *m, dd_table *t, const PgQuery__Constraint *pc, bool recurse)
{
	dd_constraint *c = new_constraint(m, t, pc, NULL);
	if (!c)
		return;
	install_constraint(m, t, c, pc);
	/* ALTER TABLE parent (not ONLY) ADD ...: the partitions get it too */
	if (recurse && t->partitioned)
		dd_model_clone_to_partitions(m, t, c);
}
