/*
 * safety/retry-safe: where the tool runs a migration statement by statement (no transaction of
 * its own, no BEGIN around it), every CREATE and DROP must be safe to run again: a migration that
 * fails half way has committed its first statements, and the retry meets them.
 */
#include "ddlint/rule.h"
#include "txscope.h"

typedef struct rec {
	const char *what;        /* "CREATE TABLE" */
	const char *fix;         /* "CREATE TABLE IF NOT EXISTS" */
	const char *missing;     /* "IF NOT EXISTS", "IF EXISTS", "OR REPLACE" */
	dd_loc loc;
	bool index_concurrently; /* fails half way alone: leaves an invalid index */
} rec;

typedef struct state { dd_tx_unit unit; } state;

static void *init(dd_ctx *ctx) { return dd_run_alloc(ctx, sizeof(state)); }

static void judge(dd_ctx *ctx, state *s)
{
	dd_tx_unit *u = &s->unit;
	if (!u->n_items)
		return;
	dd_tx_unit_scope(u);
	/* a statement alone is atomic: it is done or not (but CREATE INDEX CONCURRENTLY) */
	size_t n = dd_tx_unit_count(u);
	const dd_section *sec = u->section;
	const char *how = !sec ? "a plain file runs statement by statement (psql -f)"
			  : sec->tx == DD_TXMODE_OWN_OR_NONE && u->items[0]->st->migration
				  ? dd_sprintf(ctx, "%s runs a migration of only statements that cannot run in a transaction without one",
					       u->items[0]->st->migration->layout)
			  : sec->tx_why ? sec->tx_why : "the tool runs it statement by statement";
	for (size_t i = 0; i < u->n_items; i++) {
		const dd_tx_item *it = u->items[i];
		const rec *r = it->data;
		if (!r || it->in_tx || !it->st->file->report || (n == 1 && !r->index_concurrently))
			continue;
		dd_checked(ctx, r->loc, NULL);   /* judged: a CREATE or DROP a retry would fail on, keyed by its line */
		dd_report(ctx, r->loc, NULL,
			  r->index_concurrently
				  ? dd_sprintf(ctx, "%s, after DROP INDEX CONCURRENTLY IF EXISTS of the same name (a failed build "
						    "leaves an invalid index behind)", r->fix)
				  : r->fix,
			  "%s without %s in a migration that runs outside a transaction (%s): if a later statement "
			  "fails, the statements before it stay committed, and running the migration again fails here",
			  r->what, r->missing, how);
	}
}

static const char *drop_kind(PgQuery__ObjectType t)
{
	switch (t) {
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: return "TABLE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return "INDEX";
	case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: return "VIEW";
	case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: return "MATERIALIZED VIEW";
	case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return "SEQUENCE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: return "TYPE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: return "DOMAIN";
	case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION: return "FUNCTION";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: return "TRIGGER";
	case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: return "EXTENSION";
	case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: return "SCHEMA";
	default: return NULL;
	}
}

static rec *mk(dd_ctx *ctx, const dd_stmt *st, const char *what, const char *fix)
{
	rec *r = dd_run_alloc(ctx, sizeof *r);
	r->what = dd_run_strdup(ctx, what);
	r->fix = dd_run_strdup(ctx, fix);
	r->missing = strstr(what, "CREATE TYPE") || strstr(what, "CREATE DOMAIN") ? "a check that it exists"
		     : strstr(fix, "OR REPLACE") ? "OR REPLACE" : strstr(fix, "IF NOT EXISTS") ? "IF NOT EXISTS" : "IF EXISTS";
	r->loc = dd_name_loc(st->file, st->offset);
	return r;
}

/* The statement's record when it is a CREATE or DROP a retry would fail on, else NULL. */
static rec *candidate(dd_ctx *ctx, const dd_stmt *st)
{
	const PgQuery__Node *n = st->node;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_CREATE_STMT:
		if (n->create_stmt->if_not_exists || (n->create_stmt->relation && n->create_stmt->relation->relpersistence[0] == 't'))
			return NULL;
		return mk(ctx, st, "CREATE TABLE", "CREATE TABLE IF NOT EXISTS");
	case PG_QUERY__NODE__NODE_INDEX_STMT: {
		if (n->index_stmt->if_not_exists || !n->index_stmt->idxname)
			return NULL;
		rec *r = mk(ctx, st, n->index_stmt->concurrent ? "CREATE INDEX CONCURRENTLY" : "CREATE INDEX",
			    n->index_stmt->concurrent ? "CREATE INDEX CONCURRENTLY IF NOT EXISTS" : "CREATE INDEX IF NOT EXISTS");
		r->index_concurrently = n->index_stmt->concurrent;
		return r;
	}
	case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
		return n->create_schema_stmt->if_not_exists ? NULL : mk(ctx, st, "CREATE SCHEMA", "CREATE SCHEMA IF NOT EXISTS");
	case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
		return n->create_seq_stmt->if_not_exists ? NULL : mk(ctx, st, "CREATE SEQUENCE", "CREATE SEQUENCE IF NOT EXISTS");
	case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
		return n->create_extension_stmt->if_not_exists ? NULL : mk(ctx, st, "CREATE EXTENSION", "CREATE EXTENSION IF NOT EXISTS");
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
		if (n->create_table_as_stmt->if_not_exists || n->create_table_as_stmt->is_select_into)
			return NULL;
		return n->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW
			       ? mk(ctx, st, "CREATE MATERIALIZED VIEW", "CREATE MATERIALIZED VIEW IF NOT EXISTS")
			       : mk(ctx, st, "CREATE TABLE AS", "CREATE TABLE IF NOT EXISTS ... AS");
	case PG_QUERY__NODE__NODE_VIEW_STMT:
		return n->view_stmt->replace ? NULL : mk(ctx, st, "CREATE VIEW", "CREATE OR REPLACE VIEW");
	case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
		return n->create_function_stmt->replace ? NULL
			: mk(ctx, st, n->create_function_stmt->is_procedure ? "CREATE PROCEDURE" : "CREATE FUNCTION",
			     n->create_function_stmt->is_procedure ? "CREATE OR REPLACE PROCEDURE" : "CREATE OR REPLACE FUNCTION");
	case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
		if (n->create_trig_stmt->replace)
			return NULL;
		return mk(ctx, st, "CREATE TRIGGER",
			  dd_ctx_postgres_version(ctx) >= 14 ? "CREATE OR REPLACE TRIGGER" : "DROP TRIGGER IF EXISTS first, then CREATE TRIGGER");
	case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
	case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
	case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
		/* PostgreSQL has no IF NOT EXISTS for types */
		return mk(ctx, st, n->node_case == PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT ? "CREATE DOMAIN" : "CREATE TYPE",
			  "DROP ... IF EXISTS first, or a DO block that creates it only when pg_type lacks it (there is no IF NOT EXISTS)");
	case PG_QUERY__NODE__NODE_DROP_STMT: {
		const char *kind = drop_kind(n->drop_stmt->remove_type);
		if (!kind || n->drop_stmt->missing_ok)
			return NULL;
		return mk(ctx, st, dd_sprintf(ctx, "DROP %s%s", kind, n->drop_stmt->concurrent ? " CONCURRENTLY" : ""),
			  dd_sprintf(ctx, "DROP %s%s IF EXISTS", kind, n->drop_stmt->concurrent ? " CONCURRENTLY" : ""));
	}
	case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
		if (!n->alter_enum_stmt->new_val || !n->alter_enum_stmt->new_val[0] ||
		    (n->alter_enum_stmt->old_val && n->alter_enum_stmt->old_val[0]) || n->alter_enum_stmt->skip_if_new_val_exists)
			return NULL;
		return mk(ctx, st, "ALTER TYPE ... ADD VALUE", "ADD VALUE IF NOT EXISTS");
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
		if (n->alter_table_stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !n->alter_table_stmt->relation)
			return NULL;
		/* the first action a retry would fail on */
		for (size_t i = 0; i < n->alter_table_stmt->n_cmds; i++) {
			const PgQuery__AlterTableCmd *c = n->alter_table_stmt->cmds[i]->alter_table_cmd;
			if (!c || c->missing_ok)
				continue;
			const char *what = NULL, *fix = NULL, *name = c->name;
			if (c->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn) {
				what = "ADD COLUMN", fix = "ADD COLUMN IF NOT EXISTS";
				name = c->def && c->def->column_def ? c->def->column_def->colname : NULL;
			} else if (c->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn) {
				what = "DROP COLUMN", fix = "DROP COLUMN IF EXISTS";
			} else if (c->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint) {
				what = "DROP CONSTRAINT", fix = "DROP CONSTRAINT IF EXISTS";
			}
			if (!what)
				continue;
			rec *r = mk(ctx, st, what, fix);
			if (name) {
				dd_loc l = dd_find_ident(ctx, n->alter_table_stmt->relation->location, name);
				if (l.len)
					r->loc = l;
			}
			return r;
		}
		return NULL;
	default:
		return NULL;
	}
}

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	state *s = dd_state(ctx);
	bool fresh;
	dd_tx_item *it = dd_tx_unit_add(ctx, &s->unit, st, &fresh);
	if (fresh) {
		judge(ctx, s);
		dd_tx_unit_start(&s->unit, st);
		it = dd_tx_unit_add(ctx, &s->unit, st, &fresh);
	}
	/* judged: a migration's up, or a plain file with safety.assume_existing; a DO block's statement
	 * under an IF or an exception handler may be meant to fail */
	if (st->guarded || !dd_stmt_on_existing(ctx, st, NULL))
		return;
	/* numbered files of no known tool: how they are run is a guess (migration/transaction asks
	 * them for BEGIN ... COMMIT); this rule speaks where the tool is known */
	if (st->migration && strcmp(st->migration->layout, "plain") == 0)
		return;
	it->data = candidate(ctx, st);
}

static void finish(dd_ctx *ctx) { judge(ctx, dd_state(ctx)); }

const dd_rule dd_rule_safety_retry_safe = {
	.id = "safety/retry-safe",
	.summary = "Where a migration runs outside a transaction, its CREATE and DROP can run again (IF [NOT] EXISTS)",
	.severity = DD_SEV_WARNING,
	.description =
		"Where the migration's tool runs it statement by statement (sqitch, goose NO "
		"TRANSACTION, sql-migrate notransaction, Flyway executeInTransaction=false or a Flyway migration "
		"of only non-transactional statements, ...: see the README's table of tools) and no BEGIN covers "
		"the statement, reports CREATE TABLE, INDEX, SCHEMA, SEQUENCE, EXTENSION, MATERIALIZED VIEW and "
		"TABLE AS without IF NOT EXISTS, CREATE VIEW, FUNCTION, PROCEDURE and TRIGGER without OR REPLACE "
		"(TRIGGER from PostgreSQL 14, by safety.postgres_version), CREATE TYPE and DOMAIN (PostgreSQL has no "
		"IF NOT EXISTS for them), DROP without IF EXISTS, ALTER TABLE ADD COLUMN without IF NOT EXISTS, DROP "
		"COLUMN and DROP CONSTRAINT without IF EXISTS, and ALTER TYPE ... ADD VALUE without IF NOT EXISTS. "
		"A migration the tool runs in a transaction (its own, or one query: golang-migrate, Prisma) is "
		"atomic and never reported, and neither is a migration of a single statement (it is done or not), "
		"except CREATE INDEX CONCURRENTLY, which fails half way by itself and leaves an invalid index. "
		"Numbered files of no known tool are left to migration/transaction (how they run is a guess: a "
		"renamed supabase/migrations directory runs each file as one transaction). Temporary tables, "
		"statements of a DO block under an IF or an exception handler, and downs are not judged; a plain schema file only with safety.assume_existing (run as psql -f runs it). The rule is "
		"about failure and retry, not locks: the statements take the locks PostgreSQL's 13.3 Explicit "
		"Locking lists for them either way.",
	.why = "Run statement by statement, a migration that fails at its fifth statement has committed the "
	       "first four, and the tool has not recorded it as applied: the fix-and-retry runs the first four "
	       "again, and a CREATE of what exists (or a DROP of what is gone) stops it there, so the migration "
	       "can only be finished by hand on the server.",
	.bad = "-- file: 001_users.sql\n-- +goose NO TRANSACTION\n-- +goose Up\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
	       "CREATE INDEX idx_users_email ON users (email);\n",
	.good = "-- file: 001_users.sql\n-- +goose NO TRANSACTION\n-- +goose Up\nCREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, email text);\n"
		"CREATE INDEX IF NOT EXISTS idx_users_email ON users (email);\n",
	.init = init,
	.statement = statement,
	.finish = finish,
};
