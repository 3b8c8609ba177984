/*
 * locks: what a statement does to a live database, for the safety/ rules: the table-level locks
 * it takes (PostgreSQL's "Explicit Locking" chapter, 13.3.1, and the lock notes of each
 * command's reference page), whether it scans or rewrites a table, and the transaction it runs
 * in as its migration tool runs it. Part of the ctx module (the helpers of rule.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "ctx.h"
#include "names.h"

static const char *const lock_names[] = {
	"", "ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE",
	"SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"
};

const char *dd_lockmode_name(dd_lockmode mode) { return lock_names[mode]; }

dd_lockmode dd_lockmode_parse(const char *text)
{
	char buf[64];
	size_t n = 0;
	for (const char *p = text; *p && n + 1 < sizeof buf; p++)
		buf[n++] = *p == '_' ? ' ' : (char)toupper((unsigned char)*p);
	buf[n] = 0;
	for (int m = DD_LOCK_ACCESS_SHARE; m <= DD_LOCK_ACCESS_EXCLUSIVE; m++)
		if (strcmp(buf, lock_names[m]) == 0)
			return (dd_lockmode)m;
	return DD_LOCK_NONE;
}

/* The conflict table (13.2) read from the side of the everyday statements: SELECT takes ACCESS
 * SHARE, INSERT/UPDATE/DELETE ROW EXCLUSIVE, VACUUM and CREATE INDEX CONCURRENTLY SHARE UPDATE
 * EXCLUSIVE. */
const char *dd_lockmode_blocks(dd_lockmode mode)
{
	switch (mode) {
	case DD_LOCK_ACCESS_EXCLUSIVE: return "every read and write";
	case DD_LOCK_EXCLUSIVE: return "writes and SELECT ... FOR UPDATE/SHARE";
	case DD_LOCK_SHARE_ROW_EXCLUSIVE: case DD_LOCK_SHARE: return "writes (INSERT, UPDATE, DELETE)";
	case DD_LOCK_SHARE_UPDATE_EXCLUSIVE: return "schema changes and VACUUM";
	default: return "schema changes";
	}
}

/* ---- tables ---- */

dd_table *dd_rangevar_table(const dd_ctx *ctx, const PgQuery__RangeVar *rv)
{
	if (!rv || !rv->relname || !*rv->relname)
		return NULL;
	const dd_model *m = dd_ctx_model(ctx);
	if (!rv->schemaname || !*rv->schemaname) {   /* PostgreSQL looks in pg_temp first */
		dd_table *temp = dd_model_table(m, "pg_temp", rv->relname);
		if (temp)
			return temp;
	}
	return dd_model_table(m, rv->schemaname && *rv->schemaname ? rv->schemaname : NULL, rv->relname);
}

const char *dd_rangevar_schema(dd_ctx *ctx, const PgQuery__RangeVar *rv)
{
	const dd_table *t = dd_rangevar_table(ctx, rv);
	if (t)
		return t->schema;
	return dd_model_schema_for(dd_ctx_model(ctx), rv->schemaname && *rv->schemaname ? rv->schemaname : NULL);
}

bool dd_rangevar_existing(const dd_ctx *ctx, const dd_stmt *st, const PgQuery__RangeVar *rv)
{
	if (!rv || (rv->relpersistence && rv->relpersistence[0] == 't'))
		return false;
	const dd_table *t = dd_rangevar_table(ctx, rv);
	if (t && t->persistence == 't')
		return false;
	if (!t) {   /* a view or materialized view the run made */
		const dd_view *v = dd_model_view(dd_ctx_model(ctx), rv->schemaname && *rv->schemaname ? rv->schemaname : NULL,
						 rv->relname);
		if (v)
			return dd_stmt_on_existing(ctx, st, v->loc.file);
	}
	return dd_stmt_on_existing(ctx, st, t ? t->made_in : NULL);
}

const char *dd_rangevar_name(dd_ctx *ctx, const PgQuery__RangeVar *rv, const char *col)
{
	const dd_table *t = dd_rangevar_table(ctx, rv);
	return dd_qualified(ctx, dd_rangevar_schema(ctx, rv), t ? t->name : rv->relname, col);
}

const PgQuery__AlterTableStmt *dd_alter_existing_table(dd_ctx *ctx, const dd_stmt *st)
{
	if (st->down || st->node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT)
		return NULL;
	const PgQuery__AlterTableStmt *as = st->node->alter_table_stmt;
	if (as->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !dd_rangevar_existing(ctx, st, as->relation))
		return NULL;
	return as;
}

const PgQuery__AlterTableCmd *dd_alter_cmd(const PgQuery__AlterTableStmt *as, size_t i)
{
	return as->cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD ? as->cmds[i]->alter_table_cmd : NULL;
}

/* ---- volatility ---- */

/* SELECT proname FROM pg_proc WHERE provolatile = 'v' on PostgreSQL 15 (those returning a value a
 * default could use, pg_* administration functions left out), then uuid-ossp's and pgcrypto's
 * volatile functions and PostgreSQL 16-18's random_normal, uuidv4 and uuidv7. */
static const char *const volatile_funcs[] = {
	"clock_timestamp", "currval", "cursor_to_xml", "gen_random_bytes", "gen_random_uuid", "gen_salt", "lastval",
	"lo_creat", "lo_create", "lo_from_bytea", "lo_import", "nextval", "query_to_xml", "random", "random_normal",
	"set_config", "setval", "timeofday", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4",
	"uuidv7", NULL
};

struct vol_walk { const char *found; };

static void find_volatile(const PgQuery__Node *n, void *arg)
{
	struct vol_walk *w = arg;
	if (w->found || n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return;
	const PgQuery__FuncCall *fc = n->func_call;
	const char *name = dd_name_last(fc->funcname, fc->n_funcname);
	if (fc->n_funcname == 2) {
		const char *sch = dd_string_node(fc->funcname[0]);
		if (sch && strcmp(sch, "pg_catalog") != 0 && strcmp(sch, "public") != 0 && strcmp(sch, "extensions") != 0)
			return;   /* a function of the user's own schema: its volatility is not known here */
	}
	for (size_t i = 0; volatile_funcs[i]; i++)
		if (strcmp(name, volatile_funcs[i]) == 0) {
			w->found = volatile_funcs[i];
			return;
		}
}

const char *dd_expr_volatile(const PgQuery__Node *expr)
{
	if (!expr)
		return NULL;
	struct vol_walk w = { NULL };
	find_volatile(expr, &w);
	if (!w.found)
		dd_walk_tree(&expr->base, find_volatile, &w);
	return w.found;
}

/* A function the migrations create VOLATILE (CREATE FUNCTION's default) that expr calls, or NULL.
 * An unqualified name is looked for in every schema: the function is the user's, not PostgreSQL's. */
struct user_vol_walk { const dd_model *m; const char *found; };

static void find_user_volatile(const PgQuery__Node *n, void *arg)
{
	struct user_vol_walk *w = arg;
	if (w->found || n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return;
	const PgQuery__FuncCall *fc = n->func_call;
	const char *name = dd_name_last(fc->funcname, fc->n_funcname);
	const char *schema = fc->n_funcname == 2 ? dd_string_node(fc->funcname[0]) : NULL;
	for (size_t i = 0; i < w->m->n_functions; i++) {
		const dd_function *f = w->m->functions[i];
		if (!f->dropped && f->volatility == 'v' && strcmp(f->name, name) == 0 &&
		    (!schema || strcmp(f->schema, schema) == 0)) {
			w->found = f->name;
			return;
		}
	}
}

static const char *user_volatile(const dd_model *m, const PgQuery__Node *expr)
{
	struct user_vol_walk w = { m, NULL };
	find_user_volatile(expr, &w);
	if (!w.found)
		dd_walk_tree(&expr->base, find_user_volatile, &w);
	return w.found;
}

static bool is_null_const(const PgQuery__Node *e)
{
	while (e && e->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
		e = e->type_cast->arg;
	return e && e->node_case == PG_QUERY__NODE__NODE_A_CONST && e->a_const->isnull;
}

const char *dd_add_column_rewrites(dd_ctx *ctx, const PgQuery__ColumnDef *cd, int version)
{
	if (cd->identity && *cd->identity)
		return "it is an identity column (every row gets a value)";
	if (cd->generated && *cd->generated)
		return "it is a stored generated column (every row gets a value)";
	const PgQuery__TypeName *tn = cd->type_name;
	if (tn && tn->n_names) {
		const char *t = dd_name_last(tn->names, tn->n_names);
		if (strcmp(t, "serial") == 0 || strcmp(t, "bigserial") == 0 || strcmp(t, "smallserial") == 0 ||
		    strcmp(t, "serial4") == 0 || strcmp(t, "serial8") == 0 || strcmp(t, "serial2") == 0)
			return dd_sprintf(ctx, "it is a %s (its default, nextval(), is volatile)", t);
	}
	const PgQuery__Node *def = cd->raw_default;
	for (size_t i = 0; i < cd->n_constraints && !def; i++) {
		const PgQuery__Node *c = cd->constraints[i];
		if (c->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
			continue;
		const PgQuery__Constraint *con = c->constraint;
		if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY)
			return "it is an identity column (every row gets a value)";
		if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED)
			return "it is a stored generated column (every row gets a value)";
		if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT)
			def = con->raw_expr;
	}
	if (!def || is_null_const(def))
		return NULL;
	const char *vol = dd_expr_volatile(def);
	if (vol)
		return dd_sprintf(ctx, "its default calls the volatile function %s()", vol);
	if ((vol = user_volatile(dd_ctx_model(ctx), def)))
		return dd_sprintf(ctx, "its default calls %s(), which the migrations create VOLATILE (CREATE FUNCTION's "
				  "default when it names no volatility)", vol);
	if (version < 11)
		return dd_sprintf(ctx, "it has a default, and PostgreSQL %d stores it in every row (11 and later do not)", version);
	return NULL;
}

/* ---- type changes ---- */

void dd_typename_type(dd_ctx *ctx, const PgQuery__TypeName *tn, dd_type *out)
{
	dd_type_from_typename(ctx->arena, tn, out);
}

static bool name_is(const dd_type *t, const char *name) { return strcmp(t->name, name) == 0; }

static bool text_like(const dd_type *t)
{
	return name_is(t, "text") || name_is(t, "character varying") || name_is(t, "citext");
}

/* ALTER TABLE's notes: "when changing the type of an existing column, if the USING clause does
 * not change the column contents and the old type is either binary coercible to the new type or
 * an unconstrained domain over the new type, a table rewrite is not needed". Binary coercible
 * (CREATE CAST, pg_cast castmethod 'b'): varchar and text (and citext's casts); cidr to inet;
 * xml to text. A longer length or larger precision is a no-op through the types' length-coercion
 * support functions (varchar_support, numeric_support, timestamp_support, ...). */
const char *dd_type_change_rewrites(const dd_type *from, const dd_type *to)
{
	if (from->array_dims != to->array_dims)
		return "an array and a non-array type";
	bool same_schema = (!from->schema && !to->schema) ||
			   (from->schema && to->schema && strcmp(from->schema, to->schema) == 0);
	if (same_schema && name_is(from, to->name)) {
		if (from->n_mods == to->n_mods && (from->n_mods == 0 || (from->mods[0] == to->mods[0] &&
					 (from->n_mods < 2 || from->mods[1] == to->mods[1]))))
			return NULL;   /* the same type */
		if (from->array_dims)
			return "an array's element length or precision changes";
		if (name_is(from, "character varying") || name_is(from, "bit varying") ||
		    name_is(from, "timestamp without time zone") || name_is(from, "timestamp with time zone") ||
		    name_is(from, "time without time zone") || name_is(from, "time with time zone")) {
			if (to->n_mods == 0 || (from->n_mods && to->mods[0] >= from->mods[0]))
				return NULL;
			return "a shorter length or precision checks or changes every value";
		}
		if (name_is(from, "numeric")) {
			if (to->n_mods == 0)
				return NULL;
			int fs = from->n_mods > 1 ? from->mods[1] : 0, ts = to->n_mods > 1 ? to->mods[1] : 0;
			if (from->n_mods && fs == ts && to->mods[0] >= from->mods[0])
				return NULL;
			return from->n_mods && fs != ts ? "a different scale changes every value"
							 : "a smaller or new precision checks every value";
		}
		return "its length or precision changes";
	}
	if (from->array_dims)
		return "a different element type";
	if (to->n_mods == 0 && text_like(from) && text_like(to))
		return NULL;   /* varchar(n) -> text, text -> varchar, citext's binary casts */
	if (name_is(from, "character varying") && name_is(to, "character varying"))
		return NULL;
	if (name_is(from, "cidr") && name_is(to, "inet"))
		return NULL;
	if (name_is(from, "xml") && name_is(to, "text"))
		return NULL;
	if (name_is(from, "timestamp without time zone") && name_is(to, "timestamp with time zone"))
		return "timestamp to timestamptz is rewritten unless the session's TimeZone is UTC (PostgreSQL 12+)";
	return "the old type is not binary coercible to the new one";
}

/* ---- SET NOT NULL ---- */

static bool is_not_null_check(const char *expr, const char *col)
{
	if (!expr)
		return false;
	size_t n = strlen(expr);
	while (n >= 2 && expr[0] == '(' && expr[n - 1] == ')') {
		expr++;
		n -= 2;
	}
	size_t c = strlen(col);
	bool quoted = n > c + 2 && expr[0] == '"';
	const char *p = expr + (quoted ? 1 : 0);
	if (strncmp(p, col, c) != 0)
		return false;
	p += c;
	if (quoted && *p++ != '"')
		return false;
	size_t rest = n - (size_t)(p - expr);
	return rest == strlen(" IS NOT NULL") && strncasecmp(p, " IS NOT NULL", rest) == 0;
}

bool dd_set_not_null_scans(const dd_ctx *ctx, const dd_table *t, const char *col, bool *not_valid)
{
	*not_valid = false;
	if (!t)
		return true;
	for (size_t i = 0; i < t->n_constraints; i++) {
		const dd_constraint *c = t->constraints[i];
		if (c->kind != DD_CON_CHECK || !is_not_null_check(c->expr, col))
			continue;
		if (c->not_valid)
			*not_valid = true;
		else if (dd_ctx_postgres_version(ctx) >= 12)
			return false;
	}
	return true;
}

/* ---- the locks of a statement ---- */

typedef struct lockset {
	dd_ctx *ctx;
	const dd_stmt *st;
	dd_lock *items;
	size_t n, cap;
} lockset;

static void add(lockset *s, const char *schema, const char *name, bool existing, dd_lockmode mode, const char *what,
		const char *long_why)
{
	if (!name || !*name)
		return;
	for (size_t i = 0; i < s->n; i++) {
		dd_lock *l = &s->items[i];
		if (strcmp(l->name, name) == 0 && strcmp(l->schema ? l->schema : "", schema ? schema : "") == 0) {
			if (mode > l->mode) {
				l->mode = mode;
				l->what = what;
			}
			if (!l->long_why)
				l->long_why = long_why;
			return;
		}
	}
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 4;
		dd_lock *items = dd_alloc(s->ctx, cap * sizeof *items);
		if (s->n)
			memcpy(items, s->items, s->n * sizeof *items);
		s->items = items;
		s->cap = cap;
	}
	dd_lock *l = &s->items[s->n++];
	l->schema = schema;
	l->name = name;
	l->mode = mode;
	l->existing = existing;
	l->what = what;
	l->long_why = long_why;
}

static void add_rv(lockset *s, const PgQuery__RangeVar *rv, dd_lockmode mode, const char *what, const char *long_why)
{
	if (!rv)
		return;
	const dd_table *t = dd_rangevar_table(s->ctx, rv);
	const char *schema = dd_rangevar_schema(s->ctx, rv);
	bool existing = dd_rangevar_existing(s->ctx, s->st, rv);
	add(s, schema, t ? t->name : rv->relname, existing, mode, what, existing ? long_why : NULL);
}

static const PgQuery__RangeVar *node_rv(const PgQuery__Node *n)
{
	return n && n->node_case == PG_QUERY__NODE__NODE_RANGE_VAR ? n->range_var : NULL;
}

static bool has_option(PgQuery__Node *const *opts, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (opts[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM && strcmp(opts[i]->def_elem->defname, name) == 0) {
			const PgQuery__Node *arg = opts[i]->def_elem->arg;
			if (!arg)
				return true;
			const char *s = dd_string_node(arg);
			if (s)
				return strcmp(s, "false") != 0 && strcmp(s, "off") != 0 && strcmp(s, "0") != 0;
			if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER)
				return arg->integer->ival != 0;
			if (arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN)
				return arg->boolean->boolval;
			return true;
		}
	return false;
}

/* An index of the model named by a RangeVar-ish (schema, name) pair, or a list of names. */
static const dd_index *index_named(dd_ctx *ctx, const char *schema, const char *name)
{
	return dd_model_index(dd_ctx_model(ctx), schema && *schema ? schema : NULL, name);
}

static void index_table_lock(lockset *s, const dd_index *ix, dd_lockmode mode, const char *what, const char *long_why)
{
	if (!ix || !ix->table || ix->table->dropped)
		return;
	bool existing = ix->table->persistence != 't' && dd_stmt_on_existing(s->ctx, s->st, ix->loc.file);
	add(s, ix->table->schema, ix->table->name, existing, mode, what, existing ? long_why : NULL);
}

static void alter_table_locks(lockset *s, const PgQuery__AlterTableStmt *as)
{
	dd_ctx *ctx = s->ctx;
	const PgQuery__RangeVar *rv = as->relation;
	if (!rv)
		return;
	if (as->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE && as->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW)
		return;
	const dd_table *t = dd_rangevar_table(ctx, rv);
	int version = dd_ctx_postgres_version(ctx);
	const PgQuery__RangeVar *refs[16];   /* referenced tables, locked after the altered one */
	size_t n_refs = 0;
	for (size_t i = 0; i < as->n_cmds; i++) {
		if (as->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
			continue;
		const PgQuery__AlterTableCmd *cmd = as->cmds[i]->alter_table_cmd;
		dd_lockmode mode = DD_LOCK_ACCESS_EXCLUSIVE;
		const char *what = "ALTER TABLE", *long_why = NULL;
		switch (cmd->subtype) {
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
			what = "ALTER TABLE ... ADD COLUMN";
			if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
				const PgQuery__ColumnDef *cd = cmd->def->column_def;
				const char *why = dd_add_column_rewrites(ctx, cd, version);
				if (why)
					long_why = dd_sprintf(ctx, "rewrites the table: %s", why);
				for (size_t k = 0; k < cd->n_constraints && !long_why; k++) {
					const PgQuery__Node *c = cd->constraints[k];
					if (c->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
						continue;
					PgQuery__ConstrType ct = c->constraint->contype;
					if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY || ct == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)
						long_why = "builds an index";
					if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN) {
						if (!c->constraint->skip_validation)
							long_why = "checks every row against the referenced table";
						if (n_refs < 16)
							refs[n_refs++] = c->constraint->pktable;
					}
				}
			}
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
			if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
				const PgQuery__Constraint *c = cmd->def->constraint;
				switch (c->contype) {
				case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
					mode = DD_LOCK_SHARE_ROW_EXCLUSIVE;
					what = "ALTER TABLE ... ADD FOREIGN KEY";
					if (!c->skip_validation)
						long_why = "checks every row against the referenced table";
					if (n_refs < 16)
						refs[n_refs++] = c->pktable;
					break;
				case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
					what = "ALTER TABLE ... ADD CHECK";
					if (!c->skip_validation)
						long_why = "checks every row";
					break;
				case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
				case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
					what = c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ? "ALTER TABLE ... ADD PRIMARY KEY"
												  : "ALTER TABLE ... ADD UNIQUE";
					if (!c->indexname || !*c->indexname)
						long_why = "builds an index";
					break;
				case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
					what = "ALTER TABLE ... ADD EXCLUDE";
					long_why = "builds an index";
					break;
				default:
					break;
				}
			}
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull: {
			bool nv;
			what = "ALTER TABLE ... SET NOT NULL";
			if (dd_set_not_null_scans(ctx, t, cmd->name, &nv))
				long_why = "checks every row";
			break;
		}
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
			what = "ALTER TABLE ... ALTER COLUMN TYPE";
			if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF && cmd->def->column_def->type_name) {
				const dd_column *col = t ? dd_table_column(t, cmd->name) : NULL;
				dd_type to;
				dd_typename_type(ctx, cmd->def->column_def->type_name, &to);
				if (!col || cmd->def->column_def->raw_default || dd_type_change_rewrites(&col->type, &to))
					long_why = "rewrites the table";
			}
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
			mode = DD_LOCK_SHARE_UPDATE_EXCLUSIVE;
			what = "ALTER TABLE ... VALIDATE CONSTRAINT";
			long_why = "checks every row";
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
			/* reloptions: SHARE UPDATE EXCLUSIVE for fillfactor, autovacuum and most others */
			mode = DD_LOCK_SHARE_UPDATE_EXCLUSIVE;
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
			mode = DD_LOCK_SHARE_ROW_EXCLUSIVE;
			what = "ALTER TABLE ... ENABLE/DISABLE TRIGGER";
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
			/* SHARE UPDATE EXCLUSIVE on the parent, ACCESS EXCLUSIVE on the partition, scanned
			 * unless a constraint proves its rows fit */
			mode = DD_LOCK_SHARE_UPDATE_EXCLUSIVE;
			what = "ALTER TABLE ... ATTACH PARTITION";
			if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD)
				add_rv(s, cmd->def->partition_cmd->name, DD_LOCK_ACCESS_EXCLUSIVE, "ALTER TABLE ... ATTACH PARTITION",
				       "checks every row of the partition against its bounds");
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
			what = "ALTER TABLE ... DETACH PARTITION";
			if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD) {
				if (cmd->def->partition_cmd->concurrent)
					mode = DD_LOCK_SHARE_UPDATE_EXCLUSIVE;
				add_rv(s, cmd->def->partition_cmd->name, DD_LOCK_ACCESS_EXCLUSIVE, what, NULL);
			}
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
			what = "ALTER TABLE ... SET TABLESPACE";
			long_why = "copies the table";
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
			what = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged ? "ALTER TABLE ... SET LOGGED"
											 : "ALTER TABLE ... SET UNLOGGED";
			long_why = "rewrites the table";
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
			what = "ALTER TABLE ... ALTER COLUMN SET/DROP DEFAULT";
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
			what = "ALTER TABLE ... DROP COLUMN";
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
			what = "ALTER TABLE ... DROP CONSTRAINT";
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
			what = "ALTER TABLE ... DROP NOT NULL";
			break;
		default:
			break;
		}
		add_rv(s, rv, mode, what, long_why);
	}
	for (size_t i = 0; i < n_refs; i++)
		add_rv(s, refs[i], DD_LOCK_SHARE_ROW_EXCLUSIVE, "ALTER TABLE ... ADD FOREIGN KEY (on the referenced table)", NULL);
}

size_t dd_stmt_locks(dd_ctx *ctx, const dd_stmt *st, const dd_lock **locks)
{
	lockset s = { ctx, st, NULL, 0, 0 };
	const PgQuery__Node *n = st->node;
	*locks = NULL;
	if (!n)
		return 0;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
		alter_table_locks(&s, n->alter_table_stmt);
		break;
	case PG_QUERY__NODE__NODE_INDEX_STMT: {
		const PgQuery__IndexStmt *is = n->index_stmt;
		add_rv(&s, is->relation, is->concurrent ? DD_LOCK_SHARE_UPDATE_EXCLUSIVE : DD_LOCK_SHARE,
		       is->concurrent ? "CREATE INDEX CONCURRENTLY" : "CREATE INDEX", "builds an index");
		break;
	}
	case PG_QUERY__NODE__NODE_REINDEX_STMT: {
		const PgQuery__ReindexStmt *rs = n->reindex_stmt;
		bool conc = has_option(rs->params, rs->n_params, "concurrently");
		const char *what = conc ? "REINDEX CONCURRENTLY" : "REINDEX";
		/* the reference page: writes blocked on the table (SHARE), ACCESS EXCLUSIVE on each index,
		 * which blocks every query planned on the table; the Explicit Locking list says ACCESS EXCLUSIVE */
		dd_lockmode mode = conc ? DD_LOCK_SHARE_UPDATE_EXCLUSIVE : DD_LOCK_ACCESS_EXCLUSIVE;
		if (rs->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE)
			add_rv(&s, rs->relation, mode, what, "rebuilds every index of the table");
		else if (rs->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX && rs->relation)
			index_table_lock(&s, index_named(ctx, rs->relation->schemaname, rs->relation->relname), mode, what,
					 "rebuilds an index");
		break;
	}
	case PG_QUERY__NODE__NODE_DROP_STMT: {
		const PgQuery__DropStmt *ds = n->drop_stmt;
		for (size_t i = 0; i < ds->n_objects; i++) {
			const PgQuery__Node *o = ds->objects[i];
			if (o->node_case != PG_QUERY__NODE__NODE_LIST)
				continue;
			PgQuery__Node *const *names = o->list->items;
			size_t k = o->list->n_items;
			const char *name = dd_name_last(names, k);
			const char *schema = k >= 2 ? dd_string_node(names[k - 2]) : NULL;
			if (ds->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) {
				index_table_lock(&s, index_named(ctx, schema, name),
						 ds->concurrent ? DD_LOCK_SHARE_UPDATE_EXCLUSIVE : DD_LOCK_ACCESS_EXCLUSIVE,
						 ds->concurrent ? "DROP INDEX CONCURRENTLY" : "DROP INDEX", NULL);
			} else if (ds->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ||
				   ds->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW) {
				PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
				rv.schemaname = (char *)(schema ? schema : "");
				rv.relname = (char *)name;
				if (ds->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE && !dd_rangevar_table(ctx, &rv))
					continue;   /* DROP TABLE IF EXISTS of what is not there */
				add_rv(&s, &rv, DD_LOCK_ACCESS_EXCLUSIVE,
				       ds->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ? "DROP TABLE" : "DROP MATERIALIZED VIEW", NULL);
			} else if (ds->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER && k >= 2) {
				/* [schema,] table, trigger */
				PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
				rv.schemaname = (char *)(k >= 3 ? dd_string_node(names[k - 3]) : "");
				rv.relname = (char *)dd_string_node(names[k - 2]);
				if (rv.relname && dd_rangevar_table(ctx, &rv))
					add_rv(&s, &rv, DD_LOCK_ACCESS_EXCLUSIVE, "DROP TRIGGER", NULL);
			}
		}
		break;
	}
	case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
		for (size_t i = 0; i < n->truncate_stmt->n_relations; i++)
			add_rv(&s, node_rv(n->truncate_stmt->relations[i]), DD_LOCK_ACCESS_EXCLUSIVE, "TRUNCATE", NULL);
		break;
	case PG_QUERY__NODE__NODE_LOCK_STMT: {
		dd_lockmode mode = (dd_lockmode)n->lock_stmt->mode;   /* PostgreSQL's LOCKMODE numbers: 1 ACCESS SHARE .. 8 */
		if (mode < DD_LOCK_ACCESS_SHARE || mode > DD_LOCK_ACCESS_EXCLUSIVE)
			mode = DD_LOCK_ACCESS_EXCLUSIVE;
		for (size_t i = 0; i < n->lock_stmt->n_relations; i++)
			add_rv(&s, node_rv(n->lock_stmt->relations[i]), mode, dd_sprintf(ctx, "LOCK TABLE ... IN %s MODE", lock_names[mode]),
			       NULL);
		break;
	}
	case PG_QUERY__NODE__NODE_CLUSTER_STMT:
		add_rv(&s, n->cluster_stmt->relation, DD_LOCK_ACCESS_EXCLUSIVE, "CLUSTER", "rewrites the table in index order");
		break;
	case PG_QUERY__NODE__NODE_VACUUM_STMT: {
		const PgQuery__VacuumStmt *vs = n->vacuum_stmt;
		bool full = vs->is_vacuumcmd && has_option(vs->options, vs->n_options, "full");
		for (size_t i = 0; i < vs->n_rels; i++) {
			const PgQuery__Node *r = vs->rels[i];
			if (r->node_case != PG_QUERY__NODE__NODE_VACUUM_RELATION)
				continue;
			add_rv(&s, r->vacuum_relation->relation, full ? DD_LOCK_ACCESS_EXCLUSIVE : DD_LOCK_SHARE_UPDATE_EXCLUSIVE,
			       full ? "VACUUM FULL" : vs->is_vacuumcmd ? "VACUUM" : "ANALYZE",
			       full ? "rewrites the table" : vs->is_vacuumcmd ? "reads the table" : NULL);
		}
		break;
	}
	case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT: {
		const PgQuery__RefreshMatViewStmt *rs = n->refresh_mat_view_stmt;
		add_rv(&s, rs->relation, rs->concurrent ? DD_LOCK_EXCLUSIVE : DD_LOCK_ACCESS_EXCLUSIVE,
		       rs->concurrent ? "REFRESH MATERIALIZED VIEW CONCURRENTLY" : "REFRESH MATERIALIZED VIEW",
		       "runs the view's query again");
		break;
	}
	case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
		add_rv(&s, n->create_trig_stmt->relation, DD_LOCK_SHARE_ROW_EXCLUSIVE, "CREATE TRIGGER", NULL);
		break;
	case PG_QUERY__NODE__NODE_RENAME_STMT: {
		const PgQuery__RenameStmt *rs = n->rename_stmt;
		if (rs->relation && (rs->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ||
				     rs->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN ||
				     rs->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT) &&
		    rs->relation_type != PG_QUERY__OBJECT_TYPE__OBJECT_VIEW)
			add_rv(&s, rs->relation, DD_LOCK_ACCESS_EXCLUSIVE,
			       rs->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ? "ALTER TABLE ... RENAME" :
			       rs->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN ? "ALTER TABLE ... RENAME COLUMN" :
			       "ALTER TABLE ... RENAME CONSTRAINT", NULL);
		break;
	}
	case PG_QUERY__NODE__NODE_CREATE_STMT: {
		const PgQuery__CreateStmt *cs = n->create_stmt;
		if (cs->partbound)   /* PARTITION OF: the parent */
			for (size_t i = 0; i < cs->n_inh_relations; i++)
				add_rv(&s, node_rv(cs->inh_relations[i]), DD_LOCK_ACCESS_EXCLUSIVE, "CREATE TABLE ... PARTITION OF", NULL);
		/* a foreign key adds triggers to the referenced table: SHARE ROW EXCLUSIVE on it */
		for (size_t i = 0; i < cs->n_table_elts; i++) {
			const PgQuery__Node *e = cs->table_elts[i];
			PgQuery__Node *const *cons = NULL;
			size_t n_cons = 0;
			if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
				cons = e->column_def->constraints;
				n_cons = e->column_def->n_constraints;
			} else if (e->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
				cons = &cs->table_elts[i];
				n_cons = 1;
			}
			for (size_t k = 0; k < n_cons; k++)
				if (cons[k]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
				    cons[k]->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)
					add_rv(&s, cons[k]->constraint->pktable, DD_LOCK_SHARE_ROW_EXCLUSIVE,
					       "CREATE TABLE ... REFERENCES (on the referenced table)", NULL);
		}
		break;
	}
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
		add_rv(&s, n->update_stmt->relation, DD_LOCK_ROW_EXCLUSIVE, "UPDATE",
		       n->update_stmt->where_clause ? "updates rows (each one locked until the transaction ends)"
						     : "updates every row");
		break;
	case PG_QUERY__NODE__NODE_DELETE_STMT:
		add_rv(&s, n->delete_stmt->relation, DD_LOCK_ROW_EXCLUSIVE, "DELETE",
		       n->delete_stmt->where_clause ? "deletes rows (each one locked until the transaction ends)"
						     : "deletes every row");
		break;
	default:
		break;
	}
	*locks = s.items;
	return s.n;
}

/* ---- transactions ---- */

/* The statements of the part st belongs to (same file, section and direction), DO blocks' inner
 * statements left out: their count, and how many PostgreSQL refuses inside a transaction. */
static void part_size(const dd_stmt *st, size_t *n, size_t *n_outside)
{
	*n = *n_outside = 0;
	const dd_migration *m = st->migration;
	if (!m)
		return;
	dd_stmt *const *all = st->down ? m->down_stmts : m->up_stmts;
	size_t k = st->down ? m->n_down : m->n_up;
	for (size_t i = 0; i < k; i++) {
		const dd_stmt *o = all[i];
		if (o->block || o->file != st->file || o->section != st->section)
			continue;
		(*n)++;
		if (o->node && dd_stmt_outside_transaction(o->node))
			(*n_outside)++;
	}
}

unsigned long dd_txtrack_step(dd_ctx *ctx, dd_txtrack *t, const dd_stmt *st)
{
	(void)ctx;
	if (st->file != t->file || st->section != t->section || st->down != t->down) {
		t->file = st->file;
		t->section = st->section;
		t->down = st->down;
		dd_txmode tx = st->section ? st->section->tx : DD_TXMODE_NONE;
		size_t n, n_outside;
		part_size(st, &n, &n_outside);
		t->wrapped = tx == DD_TXMODE_OWN || tx == DD_TXMODE_RUN || (tx == DD_TXMODE_OWN_OR_NONE && n_outside < n) ||
			     (tx == DD_TXMODE_IMPLICIT && n > 1);
		t->id = t->wrapped ? ++t->next : 0;
	}
	if (st->block)   /* a statement of a DO block runs in the DO statement's transaction */
		return t->id;
	switch (dd_stmt_transaction_control(st->node)) {
	case DD_TX_BEGIN:
		if (!t->id)
			t->id = ++t->next;
		return t->id;
	case DD_TX_COMMIT:
	case DD_TX_ROLLBACK: {
		unsigned long id = t->id;
		/* what follows runs on its own; in one query sent at once, in a new implicit transaction */
		bool implicit = st->section && st->section->tx == DD_TXMODE_IMPLICIT && t->wrapped;
		t->id = implicit ? ++t->next : 0;
		return id;
	}
	default:
		return t->id;
	}
}
