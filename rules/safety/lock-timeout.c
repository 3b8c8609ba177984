/*
 * safety/lock-timeout: a migration that takes a strong lock on an existing table sets
 * lock_timeout first, so that waiting for the lock cannot stall every query queued behind it.
 */
#include <stdlib.h>
#include "ddlint/rule.h"

typedef struct state {
	dd_txtrack tx;
	const void *unit;         /* the migration (or plain file) under way */
	bool session;             /* SET lock_timeout (not LOCAL) seen in it */
	unsigned long local_tx;   /* the transaction of a SET LOCAL, or 0 */
	bool reported;
} state;

static void *init(dd_ctx *ctx) { return dd_run_alloc(ctx, sizeof(state)); }

/* A value that turns the timeout off: 0, '0', '0s', DEFAULT. */
static bool is_zero(const char *v)
{
	if (!v)
		return true;
	char *end;
	double d = strtod(v, &end);
	return end != v && d == 0;
}

static const char *const_text(dd_ctx *ctx, const PgQuery__Node *n)
{
	while (n && n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
		n = n->type_cast->arg;
	if (!n || n->node_case != PG_QUERY__NODE__NODE_A_CONST)
		return NULL;
	const PgQuery__AConst *c = n->a_const;
	if (c->isnull)
		return NULL;
	if (c->val_case == PG_QUERY__A__CONST__VAL_SVAL)
		return c->sval->sval;
	if (c->val_case == PG_QUERY__A__CONST__VAL_IVAL)
		return dd_sprintf(ctx, "%d", c->ival->ival);
	if (c->val_case == PG_QUERY__A__CONST__VAL_FVAL)
		return c->fval->fval;
	if (c->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL)
		return c->boolval->boolval ? "true" : "false";
	return NULL;
}

static void set_timeout(state *s, bool local, bool on, unsigned long txid)
{
	if (local) {
		s->local_tx = on && txid ? txid : 0;   /* SET LOCAL outside a transaction block does nothing */
		return;
	}
	s->session = on;
	if (!on)
		s->local_tx = 0;
}

struct walk { dd_ctx *ctx; state *s; unsigned long txid; };

static void find_set_config(const PgQuery__Node *n, void *arg)
{
	struct walk *w = arg;
	if (n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return;
	const PgQuery__FuncCall *fc = n->func_call;
	if (strcmp(dd_name_last(fc->funcname, fc->n_funcname), "set_config") != 0 || fc->n_args != 3)
		return;
	const char *name = const_text(w->ctx, fc->args[0]);
	if (!name || strcmp(name, "lock_timeout") != 0)
		return;
	const char *local = const_text(w->ctx, fc->args[2]);
	set_timeout(w->s, local && (strcmp(local, "true") == 0 || strcmp(local, "t") == 0), !is_zero(const_text(w->ctx, fc->args[1])),
		    w->txid);
}

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	state *s = dd_state(ctx);
	unsigned long txid = dd_txtrack_step(ctx, &s->tx, st);
	const void *unit = st->migration ? (const void *)st->migration : (const void *)st->file;
	if (unit != s->unit || st->down) {
		s->unit = st->down ? NULL : unit;
		s->session = s->reported = false;
		s->local_tx = 0;
	}
	if (st->down)
		return;
	const PgQuery__Node *n = st->node;
	if (n->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT) {
		const PgQuery__VariableSetStmt *vs = n->variable_set_stmt;
		if (vs->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL)
			set_timeout(s, false, false, txid);
		if (strcmp(vs->name, "lock_timeout") != 0)
			return;
		bool on = vs->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE && vs->n_args &&
			  !is_zero(const_text(ctx, vs->args[0]));
		set_timeout(s, vs->is_local, on, txid);
		return;
	}
	if (n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) {
		struct walk w = { ctx, s, txid };
		dd_walk_tree(&n->base, find_set_config, &w);
		return;
	}
	if (s->reported || !st->file->report)
		return;
	bool timeout = s->session || (s->local_tx && s->local_tx == txid);
	const char *min_text = dd_opt_string(ctx, "lock");
	dd_lockmode min = dd_lockmode_parse(min_text);
	const dd_lock *locks;
	size_t k = dd_stmt_locks(ctx, st, &locks);
	for (size_t i = 0; i < k; i++) {
		const dd_lock *l = &locks[i];
		if (!l->existing || l->mode < min)
			continue;
		dd_loc at = { st->file, st->offset, dd_name_loc(st->file, st->offset).len };
		dd_checked(ctx, at, dd_qualified(ctx, l->schema, l->name, NULL));   /* judged: a strong lock on a table in use */
		if (timeout)
			continue;
		s->reported = true;
		const char *where = st->migration ? "this migration" : "this file";
		dd_report(ctx, at, dd_qualified(ctx, l->schema, l->name, NULL),
			  dd_sprintf(ctx, "SET lock_timeout = '2s'; at the start of %s (SET LOCAL inside its transaction), and retry "
				     "the migration when it times out", where),
			  "%s takes %s on %s, which exists before %s, with no lock_timeout set: it blocks %s on the table, and "
			  "while it waits for running queries to finish, those queue behind it (the first such statement of %s)",
			  l->what, dd_lockmode_name(l->mode), dd_qualified(ctx, l->schema, l->name, NULL), where,
			  dd_lockmode_blocks(l->mode), where);
		return;
	}
}

static const char *validate(const dd_value *v, const dd_value **at)
{
	*at = v;
	if (v->kind != DD_VAL_SCALAR || dd_lockmode_parse(v->text) == DD_LOCK_NONE)
		return "expected a lock mode: ACCESS EXCLUSIVE, EXCLUSIVE, SHARE ROW EXCLUSIVE, SHARE, SHARE UPDATE EXCLUSIVE, "
		       "ROW EXCLUSIVE, ROW SHARE or ACCESS SHARE";
	return NULL;
}

static const dd_option options[] = {
	{ "lock", DD_OPT_STRUCT, "SHARE",
	  "the weakest lock that needs a lock_timeout; SHARE (the default) and stronger block writes, ACCESS EXCLUSIVE "
	  "alone blocks reads too", validate },
	{ 0 }
};

const dd_rule dd_rule_safety_lock_timeout = {
	.id = "safety/lock-timeout",
	.summary = "A migration that locks an existing table sets lock_timeout first",
	.severity = DD_SEV_OFF,
	.description =
		"Reports the first statement of a migration that takes a lock at least as strong as the "
		"`lock` option (default SHARE: SHARE, SHARE ROW EXCLUSIVE, EXCLUSIVE and ACCESS EXCLUSIVE, the "
		"modes that conflict with the ROW EXCLUSIVE of INSERT/UPDATE/DELETE in the Explicit Locking "
		"conflict table) on a table that exists before the migration, when no lock_timeout was set "
		"earlier in the same migration: SET lock_timeout, SET LOCAL lock_timeout (inside the same "
		"transaction, as the tool runs it), or SELECT set_config('lock_timeout', ..., ...). A value of "
		"0 or DEFAULT, RESET and RESET ALL turn it off again. The locks: ACCESS EXCLUSIVE for most ALTER "
		"TABLE forms, DROP/TRUNCATE, DROP INDEX, REINDEX, CLUSTER, VACUUM FULL, REFRESH MATERIALIZED "
		"VIEW, LOCK TABLE; SHARE ROW EXCLUSIVE for ADD FOREIGN KEY (both tables), CREATE TRIGGER, "
		"ENABLE/DISABLE TRIGGER; SHARE for CREATE INDEX. Tables created in the same migration are "
		"exempt; plain schema files are judged only with safety.assume_existing. Off by default (no "
		"migration directory of the corpus sets lock_timeout): turn it on with extends: strict or rules:.",
	.why = "A statement waiting for a lock holds its place in the lock queue: every query that "
	       "conflicts with it waits behind it, so an ALTER stuck behind one long transaction stops all "
	       "traffic to the table. lock_timeout makes it give up instead; the migration can be retried.",
	.bad = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY);\n"
	       "-- file: 0002_users_name.sql\nALTER TABLE users ADD COLUMN name text;\n",
	.good = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY);\n"
		"-- file: 0002_users_name.sql\nSET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN name text;\n",
	.options = options,
	.init = init,
	.statement = statement,
};
