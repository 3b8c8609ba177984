/*
 * migration/concurrently-in-transaction: a statement PostgreSQL refuses inside a transaction
 * block appears inside one: an explicit BEGIN, the migration tool's own transaction, or the
 * implicit transaction of several statements sent at once (golang-migrate).
 */
#include "ddlint/rule.h"

/* Statements are seen one by one as they are replayed (trees of plain files do not outlive
 * that); those that matter here are kept until their unit (the statements of one file and one
 * direction) ends, when its size is known: several statements sent at once run in one implicit
 * transaction, a single one does not. */
typedef struct mark { const dd_stmt *st; dd_tx_control control; const char *what; } mark;
typedef struct state {
	const dd_file *file;         /* the unit under way */
	bool down;
	size_t n;                    /* its statements */
	mark **marks;                /* its statements that control or refuse a transaction */
	size_t n_marks;
} state;

static void *init(dd_ctx *ctx) { return dd_run_alloc(ctx, sizeof(state)); }

static void check_unit(dd_ctx *ctx, state *s)
{
	if (!s->n_marks)
		return;
	const dd_migration *m = s->marks[0]->st->migration;
	bool tool = m && m->tool_transaction;
	bool implicit = m && m->implicit_transaction && s->n > 1;
	bool in_tx = tool || implicit;
	const char *why = tool ? dd_sprintf(ctx, "%s runs each migration in a transaction", m->layout)
		: implicit ? dd_sprintf(ctx, "%s sends the file as one query, which runs as one transaction", m->layout)
		: NULL;
	for (size_t k = 0; k < s->n_marks; k++) {
		const mark *mk = s->marks[k];
		if (mk->control == DD_TX_BEGIN) {
			in_tx = true;
			why = "after BEGIN";
		} else if (mk->control == DD_TX_COMMIT || mk->control == DD_TX_ROLLBACK) {
			in_tx = implicit;
		}
		const dd_stmt *st = mk->st;
		if (mk->what && in_tx && st->file->report) {
			dd_loc l = { st->file, st->offset, dd_name_loc(st->file, st->offset).len };
			dd_report(ctx, l, NULL, NULL,
				  "%s cannot run inside a transaction block, and here it does (%s)%s", mk->what, why,
				  tool && strcmp(m->layout, "goose") == 0 ? "; add -- +goose NO TRANSACTION"
				  : tool && strcmp(m->layout, "dbmate") == 0 ? "; add transaction:false to -- migrate:up"
				  : "; put it in a migration of its own");
		}
	}
}

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	state *s = dd_state(ctx);
	if (st->file != s->file || st->down != s->down) {
		check_unit(ctx, s);
		s->file = st->file;
		s->down = st->down;
		s->n = 0;
		s->marks = NULL;
		s->n_marks = 0;
	}
	s->n++;
	dd_tx_control control = dd_stmt_transaction_control(st->node);
	const char *what = dd_stmt_outside_transaction(st->node);
	if (control == DD_TX_NONE && !what)
		return;
	mark *mk = dd_run_alloc(ctx, sizeof *mk);
	mk->st = st;
	mk->control = control;
	mk->what = what;
	dd_run_push(ctx, (void ***)&s->marks, &s->n_marks, mk);
}

static void finish(dd_ctx *ctx) { check_unit(ctx, dd_state(ctx)); }

const dd_rule dd_rule_migration_concurrently_in_transaction = {
	.id = "migration/concurrently-in-transaction",
	.summary = "No CREATE INDEX CONCURRENTLY (or other non-transactional statement) inside a transaction",
	.severity = DD_SEV_ERROR,
	.description =
		"Reports CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION CONCURRENTLY, "
		"VACUUM, CREATE/DROP DATABASE, ALTER SYSTEM and CREATE/DROP TABLESPACE where they would run "
		"inside a transaction block: after an explicit BEGIN, in a migration its tool wraps in a "
		"transaction (Flyway, goose and dbmate unless told not to, Diesel), or among other statements "
		"of a golang-migrate file (sent as one query, which PostgreSQL runs as one transaction).",
	.why = "PostgreSQL refuses these statements inside a transaction block, so the migration fails "
	       "when it is deployed, not when it is written.",
	.bad = "BEGIN;\nCREATE INDEX CONCURRENTLY idx_users_email ON users (email);\nCOMMIT;\n",
	.good = "CREATE INDEX CONCURRENTLY idx_users_email ON users (email);\n",
	.init = init,
	.statement = statement,
	.finish = finish,
};
