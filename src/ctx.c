/* ctx: the helpers of include/ddlint/rule.h, what a rule sees of a run (see ctx.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ctx.h"
#include "inflect.h"
#include "names.h"

void dd_ctx_begin(dd_ctx *ctx, dd_run *run)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->run = run;
	ctx->rule_index = -1;
	ctx->arena = dd_arena_new();
}

void dd_ctx_end(dd_ctx *ctx)
{
	dd_arena_free(ctx->arena);
	ctx->arena = NULL;
}

void dd_ctx_enter(dd_ctx *ctx, int ri)
{
	ctx->rule_index = ri;
	ctx->rule = dd_rules[ri];
}

const dd_model *dd_ctx_model(const dd_ctx *ctx) { return ctx->run->model; }
const dd_file *dd_ctx_file(const dd_ctx *ctx) { return ctx->stmt ? ctx->stmt->file : NULL; }
const dd_stmt *dd_ctx_stmt(const dd_ctx *ctx) { return ctx->stmt; }
int dd_ctx_stmt_offset(const dd_ctx *ctx) { return ctx->stmt ? ctx->stmt->offset : 0; }
int dd_ctx_stmt_len(const dd_ctx *ctx) { return ctx->stmt ? ctx->stmt->len : 0; }

bool dd_loc_reported(dd_loc loc) { return loc.file && loc.file->report; }

void dd_report(dd_ctx *ctx, dd_loc loc, const char *object, const char *suggestion, const char *fmt, ...)
{
	if (!loc.file)
		return;
	if (!loc.file->report)
		return;   /* context files are never reported: do not even format the message */
	va_list ap;
	va_start(ap, fmt);
	char *msg = dd_arena_vsprintf(ctx->arena, fmt, ap);
	va_end(ap);
	dd_run_add_diag(ctx->run, ctx->rule_index, &loc, object, suggestion, msg);
}

bool dd_checking(const dd_ctx *ctx) { return ctx->run->checked != NULL; }

void dd_checked_object(dd_ctx *ctx, dd_loc loc, const char *object)
{
	dd_run_checked(ctx->run, ctx->rule_index, &loc, object);
}

void *dd_alloc(dd_ctx *ctx, size_t size) { return dd_arena_alloc(ctx->arena, size); }

char *dd_strdup(dd_ctx *ctx, const char *s) { return dd_arena_strdup(ctx->arena, s); }

char *dd_sprintf(dd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = dd_arena_vsprintf(ctx->arena, fmt, ap);
	va_end(ap);
	return s;
}

char *dd_qualified(dd_ctx *ctx, const char *schema, const char *name, const char *col)
{
	if (col)
		return dd_sprintf(ctx, "%s.%s.%s", schema, name, col);
	return dd_sprintf(ctx, "%s.%s", schema, name);
}

int dd_ctx_postgres_version(const dd_ctx *ctx) { return ctx->run->postgres_version; }

bool dd_stmt_on_existing(const dd_ctx *ctx, const dd_stmt *st, const dd_file *created)
{
	if (!st || st->down)
		return false;
	if (!st->migration)
		return ctx->run->assume_existing && created != st->file;
	return !created || created->migration != st->migration;
}

void *dd_state(dd_ctx *ctx) { return ctx->run->rule_state[ctx->rule_index]; }
void *dd_run_alloc(dd_ctx *ctx, size_t size) { return dd_arena_alloc(ctx->run->arena, size); }
char *dd_run_strdup(dd_ctx *ctx, const char *s) { return dd_arena_strdup(ctx->run->arena, s); }
void dd_run_push(dd_ctx *ctx, void ***items, size_t *n, void *item) { dd_arena_push(ctx->run->arena, items, n, item); }

const dd_value *dd_opt_value(dd_ctx *ctx, const char *name) { return dd_option_value(ctx->run, ctx->rule_index, name); }
bool dd_opt_bool(dd_ctx *ctx, const char *name) { return dd_value_bool(dd_opt_value(ctx, name)) == 1; }
long dd_opt_int(dd_ctx *ctx, const char *name) { return strtol(dd_opt_value(ctx, name)->text, NULL, 10); }
const char *dd_opt_string(dd_ctx *ctx, const char *name) { return dd_opt_value(ctx, name)->text; }
bool dd_opt_match(dd_ctx *ctx, const char *name, const char *s) { return dd_option_match(ctx->run, ctx->rule_index, name, s); }

const char *const *dd_opt_list(dd_ctx *ctx, const char *name, size_t *n)
{
	const dd_value *v = dd_opt_value(ctx, name);
	const char **items = dd_arena_alloc(ctx->arena, (v->n_items + 1) * sizeof *items);
	for (size_t i = 0; i < v->n_items; i++)
		items[i] = v->items[i]->text;
	*n = v->n_items;
	return items;
}

const char *dd_ident_at(dd_ctx *ctx, const dd_file *f, int offset, dd_loc *span, bool *quoted)
{
	if (offset < 0 || !f)
		return NULL;
	dd_tok t = dd_lex_next(f->text, (int)f->len, offset);
	if (t.start != offset || (t.kind != DD_TOK_IDENT && t.kind != DD_TOK_QIDENT))
		return NULL;
	if (span) {
		span->file = f;
		span->offset = t.start;
		span->len = t.end - t.start;
	}
	if (quoted)
		*quoted = t.kind == DD_TOK_QIDENT;
	if (t.kind == DD_TOK_QIDENT)
		return dd_tok_ident(ctx->arena, f->text, t);
	return dd_arena_strndup(ctx->arena, f->text + t.start, (size_t)(t.end - t.start));
}

dd_loc dd_stmt_find_name(dd_ctx *ctx, const dd_stmt *st, const char *name)
{
	(void)ctx;
	return dd_stmt_find_ident(st, st->offset, name);
}

dd_loc dd_find_ident(dd_ctx *ctx, int from, const char *name)
{
	if (!ctx->stmt) {
		dd_loc none = { NULL, 0, 0 };
		return none;
	}
	return dd_stmt_find_ident(ctx->stmt, from, name);
}

const char *dd_expr_text(dd_ctx *ctx, const PgQuery__Node *expr)
{
	return dd_deparse_expr(ctx->arena, expr);
}

const dd_table *dd_next_table(const dd_ctx *ctx, size_t *i, unsigned skip)
{
	const dd_model *m = ctx->run->model;
	while (*i < m->n_tables) {
		const dd_table *t = m->tables[(*i)++];
		if (t->dropped || dd_is_system_schema(t->schema) || ((skip & DD_SKIP_TEMP) && t->persistence == 't') ||
		    ((skip & DD_SKIP_PARTITIONS) && t->parent) || ((skip & DD_SKIP_TOOL_TABLES) && dd_is_tool_table(t)))
			continue;
		return t;
	}
	return NULL;
}

void dd_each_column(dd_ctx *ctx, void (*fn)(dd_ctx *, const dd_coldef *, void *), void *arg)
{
	const dd_model *m = ctx->run->model;
	dd_coldef def;
	for (size_t i = 0; i < m->n_tables; i++) {
		const dd_table *t = m->tables[i];
		/* a partition's columns are its partitioned table's: judged there */
		if (t->dropped || t->persistence == 't' || t->parent || dd_is_system_schema(t->schema))
			continue;
		for (size_t k = 0; k < t->n_columns; k++) {
			const dd_column *c = t->columns[k];
			memset(&def, 0, sizeof def);
			def.schema = t->schema;
			def.table = t->name;
			def.column = c->name;
			def.type = c->type;
			def.loc = c->loc;
			fn(ctx, &def, arg);
		}
	}
	for (size_t i = 0; i < m->n_types; i++) {
		const dd_typedef *d = m->types[i];
		if (d->dropped || d->kind != DD_TYPE_DOMAIN || dd_is_system_schema(d->schema))
			continue;
		memset(&def, 0, sizeof def);
		def.schema = d->schema;
		def.table = d->name;
		def.type = d->base;
		def.loc = d->loc;
		def.is_domain = true;
		fn(ctx, &def, arg);
	}
}

const char *dd_coldef_object(dd_ctx *ctx, const dd_coldef *def)
{
	return dd_qualified(ctx, def->schema, def->table, def->column);
}

void dd_report_coldef_type(dd_ctx *ctx, const dd_coldef *def, const char *fix)
{
	if (def->is_domain)
		dd_report(ctx, def->loc, dd_coldef_object(ctx, def), fix,
			  "domain '%s' is based on %s; use %s", def->table, def->type.text, fix);
	else
		dd_report(ctx, def->loc, dd_coldef_object(ctx, def), fix,
			  "column '%s.%s' is %s; use %s", def->table, def->column, def->type.text, fix);
}

const char *dd_normalize_expr(dd_ctx *ctx, const char *text)
{
	if (strchr(text, ';'))
		return NULL;
	const PgQuery__Node *e = dd_parse_select_expr(ctx->arena, "SELECT ", text);
	return e ? dd_deparse_expr(ctx->arena, e) : NULL;
}

bool dd_parse_type(dd_ctx *ctx, const char *text, dd_type *out)
{
	if (strchr(text, ';'))
		return false;
	const PgQuery__Node *e = dd_parse_select_expr(ctx->arena, "SELECT NULL::", text);
	if (!e || e->node_case != PG_QUERY__NODE__NODE_TYPE_CAST || !e->type_cast->type_name)
		return false;
	dd_type_from_typename(ctx->arena, e->type_cast->type_name, out);
	return true;
}

bool dd_type_same(const dd_type *a, const dd_type *b)
{
	if (strcmp(a->name, b->name) != 0 || (a->array_dims > 0) != (b->array_dims > 0))
		return false;
	const char *sa = a->schema ? a->schema : "", *sb = b->schema ? b->schema : "";
	/* an unqualified user type and a public-qualified one are the same */
	if (strcmp(sa, "public") == 0)
		sa = "";
	if (strcmp(sb, "public") == 0)
		sb = "";
	return strcmp(sa, sb) == 0;
}

bool dd_word_is_plural(dd_ctx *ctx, const char *word) { return dd_is_plural(ctx->arena, word); }
const char *dd_word_plural(dd_ctx *ctx, const char *word) { return dd_pluralize(ctx->arena, word); }
const char *dd_word_singular(dd_ctx *ctx, const char *word) { return dd_singularize(ctx->arena, word); }
const char *dd_fit_name(dd_ctx *ctx, const char *name, const char *keep) { return dd_shorten_name(ctx->arena, name, keep); }

bool dd_words_end_on_noun(const char *const *words, size_t n) { return dd_ends_on_noun(words, n); }

dd_stmt *const *dd_ctx_statements(const dd_ctx *ctx, size_t *n)
{
	*n = ctx->run->n_stmts;
	return ctx->run->stmts;
}

dd_file *const *dd_ctx_files(const dd_ctx *ctx, size_t *n)
{
	*n = ctx->run->n_files;
	return ctx->run->files;
}

dd_migration *const *dd_ctx_migrations(const dd_ctx *ctx, size_t *n)
{
	*n = ctx->run->n_migrations;
	return ctx->run->migrations;
}

/* ---- snapshots of the model, for the reversibility check ---- */

struct dd_snapshot {
	const dd_migration *m;
	dd_arena *scratch;           /* the names, the fingerprint and the copy of the model */
	dd_map names;
	const char **before;
	size_t n_before;
	bool done;
};

struct names { dd_map map; dd_arena *arena; };

static void add_name(const char *s, void *arg)
{
	struct names *n = arg;
	if (!dd_map_get(&n->map, s))
		dd_map_put(&n->map, n->arena, s, (void *)1);
}

/* Every name the up and the down of a migration write: the objects they can change. */
static void migration_names(const dd_migration *m, dd_arena *a, dd_map *out)
{
	struct names n = { { 0 }, a };
	for (size_t i = 0; i < m->n_up; i++)
		dd_tree_strings(&m->up_stmts[i]->node->base, add_name, &n);
	for (size_t i = 0; i < m->n_down; i++)
		dd_tree_strings(&m->down_stmts[i]->node->base, add_name, &n);
	*out = n.map;
}

static void snapshot_release(dd_snapshot *s)
{
	if (s->done)
		return;
	dd_map_free(&s->names);
	dd_arena_free(s->scratch);
	s->done = true;
}

dd_snapshot *dd_snapshot_take(dd_ctx *ctx, const dd_migration *m)
{
	dd_run *run = ctx->run;
	dd_snapshot *s = dd_arena_alloc(run->arena, sizeof *s);
	s->m = m;
	s->scratch = dd_arena_new();
	migration_names(m, s->scratch, &s->names);
	s->n_before = dd_model_fingerprint(s->scratch, run->model, &s->names, &s->before);
	DD_PUSH(run->arena, &run->snapshots, &run->n_snapshots, s);
	return s;
}

/* Does the model hold the object a DROP names (of the kinds dd_down_miss lists)? -1: a kind
 * not checked. */
static int holds(const dd_model *m, PgQuery__ObjectType type, const char *schema, const char *name)
{
	switch (type) {
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: return dd_model_table(m, schema, name) != NULL;
	case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return dd_model_index(m, schema, name) != NULL;
	case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
	case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: return dd_model_view(m, schema, name) != NULL;
	case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
	case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: return dd_model_type(m, schema, name) != NULL;
	default: return -1;
	}
}

static const char *kind_word(PgQuery__ObjectType type)
{
	switch (type) {
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: return "table";
	case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return "index";
	case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: return "view";
	case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: return "materialized view";
	default: return "type";
	}
}

/* The objects a down's DROP (without IF EXISTS) names that the model does not hold. */
static void drop_misses(const dd_model *m, const dd_stmt *st, dd_down_miss **out, size_t *n)
{
	if (st->node->node_case != PG_QUERY__NODE__NODE_DROP_STMT || st->guarded)
		return;
	const PgQuery__DropStmt *ds = st->node->drop_stmt;
	for (size_t i = 0; !ds->missing_ok && i < ds->n_objects; i++) {
		const PgQuery__Node *o = ds->objects[i];
		PgQuery__Node *const *items = o->node_case == PG_QUERY__NODE__NODE_LIST ? o->list->items :
					      o->node_case == PG_QUERY__NODE__NODE_TYPE_NAME ? o->type_name->names : NULL;
		size_t k = o->node_case == PG_QUERY__NODE__NODE_LIST ? o->list->n_items :
			   o->node_case == PG_QUERY__NODE__NODE_TYPE_NAME ? o->type_name->n_names : 0;
		if (!k)
			continue;
		const char *name = dd_name_last(items, k), *schema = k >= 2 ? dd_string_node(items[k - 2]) : NULL;
		if (!name || holds(m, ds->remove_type, schema, name) != 0)
			continue;
		dd_down_miss miss = { st, kind_word(ds->remove_type), dd_model_schema_for(m, schema), name };
		*out = dd_xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = miss;
	}
}

void dd_snapshot_undo(dd_ctx *ctx, dd_snapshot *s, const char *const **left_over, size_t *n_left_over,
		      const char *const **missing, size_t *n_missing, const dd_down_miss **misses, size_t *n_misses)
{
	const dd_migration *m = s->m;
	dd_model *copy = dd_model_clone(s->scratch, ctx->run->model, &s->names);
	dd_down_miss *found = NULL;
	size_t nf = 0;
	for (size_t i = 0; i < m->n_down; i++) {
		drop_misses(copy, m->down_stmts[i], &found, &nf);
		dd_model_apply(copy, m->down_stmts[i]);
	}
	*misses = nf ? dd_arena_alloc(ctx->arena, nf * sizeof **misses) : NULL;
	if (nf)
		memcpy((void *)*misses, found, nf * sizeof *found);
	*n_misses = nf;
	free(found);
	const char **after;
	size_t n_after = dd_model_fingerprint(s->scratch, copy, &s->names, &after);
	dd_model_free(copy);
	const char **left = NULL, **miss = NULL;
	size_t nl = 0, nm = 0, a = 0, b = 0;
	while (a < s->n_before || b < n_after) {
		int c = a == s->n_before ? 1 : b == n_after ? -1 : strcmp(s->before[a], after[b]);
		if (c < 0)
			DD_PUSH(ctx->arena, &miss, &nm, dd_arena_strdup(ctx->arena, s->before[a++]));
		else if (c > 0)
			DD_PUSH(ctx->arena, &left, &nl, dd_arena_strdup(ctx->arena, after[b++]));
		else
			a++, b++;
	}
	*left_over = left;
	*n_left_over = nl;
	*missing = miss;
	*n_missing = nm;
	snapshot_release(s);
}

void dd_snapshots_free(dd_run *run)
{
	for (size_t i = 0; i < run->n_snapshots; i++)
		snapshot_release(run->snapshots[i]);
	run->n_snapshots = 0;
}

bool dd_is_snake_words(const char *s, size_t n)
{
	if (n == 0 || s[0] == '_' || s[n - 1] == '_')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || (s[i] == '_' && i + 1 < n && s[i + 1] != '_')))
			return false;
	return true;
}

bool dd_table_references(const dd_table *t, const char *column, const char *table)
{
	for (size_t i = 0; i < t->n_constraints; i++) {
		const dd_constraint *c = t->constraints[i];
		if (c->kind == DD_CON_FOREIGN && c->n_columns == 1 && strcmp(c->columns[0], column) == 0 &&
		    c->ref_table && strcmp(c->ref_table, table) == 0)
			return true;
	}
	return false;
}

/* weightKg -> weight_kg, HTTPServer -> http_server, "Order Items" -> order_items */
const char *dd_snake_case(dd_ctx *ctx, const char *s)
{
	size_t n = strlen(s);
	char *out = dd_alloc(ctx, n * 2 + 2);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isupper(c)) {
			bool prev_lower = i > 0 && (islower((unsigned char)s[i - 1]) || isdigit((unsigned char)s[i - 1]));
			bool next_lower = i + 1 < n && islower((unsigned char)s[i + 1]);
			bool prev_upper = i > 0 && isupper((unsigned char)s[i - 1]);
			if (k > 0 && out[k - 1] != '_' && (prev_lower || (prev_upper && next_lower)))
				out[k++] = '_';
			out[k++] = (char)tolower(c);
		} else if (isalnum(c)) {
			out[k++] = (char)c;
		} else if (k > 0 && out[k - 1] != '_') {
			out[k++] = '_';
		}
	}
	while (k > 0 && out[k - 1] == '_')
		k--;
	out[k] = '\0';
	if (k == 0 || isdigit((unsigned char)out[0]))
		return NULL;
	return out;
}
