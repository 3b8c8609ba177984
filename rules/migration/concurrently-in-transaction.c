/*
 * migration/concurrently-in-transaction: a statement PostgreSQL refuses inside a transaction
 * block appears inside one: an explicit BEGIN, the migration tool's own transaction, or the
 * implicit transaction of several statements sent at once (golang-migrate).
 */
#include "ddlint/rule.h"

/* Statements are seen one by one as they are replayed (trees of plain files do not outlive
 * that); those that matter here are kept until their unit (the statements of one part of a file:
 * a section, an up or a down) ends, when its size is known: a tool that sends the part as one query
 * runs several statements in one implicit transaction, and a single one alone. */
typedef struct mark { const dd_stmt *st; dd_tx_control control; const char *what; } mark;
typedef struct state {
	const dd_file *file;         /* the unit under way */
	const dd_section *section;
	bool down;
	size_t n;                    /* its statements */
	size_t n_outside;            /* those PostgreSQL refuses in a transaction block */
	mark **marks;                /* its statements that control or refuse a transaction */
	size_t n_marks;
} state;

static void *init(dd_ctx *ctx) { return dd_run_alloc(ctx, sizeof(state)); }

/* How to run it outside the transaction, in the words of the tool. */
static const char *fix(dd_ctx *ctx, const dd_section *sec, const dd_migration *m, bool implicit)
{
	if (sec && sec->tx_optout)
		return dd_sprintf(ctx, "; %s", sec->tx_optout);
	if (sec && m && !implicit && (sec->tx == DD_TXMODE_OWN || sec->tx == DD_TXMODE_RUN))
		return dd_sprintf(ctx, "; %s has no way to run it outside a transaction: run it apart from the migrations", m->layout);
	return "; put it in a migration of its own";
}

static void check_unit(dd_ctx *ctx, state *s)
{
	if (!s->n_marks)
		return;
	const dd_section *sec = s->section;
	const dd_migration *m = s->marks[0]->st->migration;
	dd_txmode tx = sec ? sec->tx : DD_TXMODE_NONE;
	/* Flyway runs a migration of only such statements outside a transaction */
	bool tool = tx == DD_TXMODE_OWN || tx == DD_TXMODE_RUN || (tx == DD_TXMODE_OWN_OR_NONE && s->n_outside < s->n);
	bool implicit = tx == DD_TXMODE_IMPLICIT && s->n > 1;
	bool in_tx = tool || implicit;
	const char *why = in_tx && sec ? sec->tx_why : NULL;
	bool after_begin = false;
	for (size_t k = 0; k < s->n_marks; k++) {
		const mark *mk = s->marks[k];
		if (mk->control == DD_TX_BEGIN) {
			in_tx = after_begin = true;
			why = "after BEGIN";
		} else if (mk->control == DD_TX_COMMIT || mk->control == DD_TX_ROLLBACK) {
			in_tx = implicit;   /* why stays "after BEGIN", as the message has always said */
		}
		const dd_stmt *st = mk->st;
		if (mk->what)   /* a statement that cannot run in a transaction block: what the rule checks */
			dd_checked(ctx, (dd_loc){ st->file, st->offset, 0 }, NULL);
		if (mk->what && in_tx && st->file->report) {
			dd_loc l = { st->file, st->offset, dd_name_loc(st->file, st->offset).len };
			dd_report(ctx, l, NULL, NULL, "%s cannot run inside a transaction block, and here it does (%s)%s", mk->what,
				  why ? why : "in a transaction", after_begin ? "; put it in a migration of its own" : fix(ctx, sec, m, implicit));
		}
	}
}

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	state *s = dd_state(ctx);
	if (st->file != s->file || st->down != s->down || st->section != s->section) {
		check_unit(ctx, s);
		s->file = st->file;
		s->section = st->section;
		s->down = st->down;
		s->n = s->n_outside = 0;
		s->marks = NULL;
		s->n_marks = 0;
	}
	s->n++;
	dd_tx_control control = dd_stmt_transaction_control(st->node);
	const char *what = dd_stmt_outside_transaction(st->node);
	if (what)
		s->n_outside++;
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
		"inside a transaction block, as the migration's tool really runs it (see the README's table of "
		"tools): after an explicit BEGIN; in a migration the tool wraps in a transaction of its own "
		"(goose, dbmate, Diesel, sqlx, pop, Atlas, sql-migrate, Liquibase, postgres-migrations, unless "
		"the file opts out the tool's way; Flyway unless every statement of the migration is of this "
		"kind; Drizzle and node-pg-migrate, which run all pending migrations in one transaction); or "
		"among other statements of a file the tool sends as one query, which PostgreSQL runs as one "
		"implicit transaction (golang-migrate, Prisma, Supabase, and the opted-out files of dbmate, "
		"Diesel, sqlx, pop and postgres-migrations). The message says how to fix it in that tool.",
	.why = "PostgreSQL refuses these statements inside a transaction block, so the migration fails "
	       "when it is deployed, not when it is written.",
	.bad = "BEGIN;\nCREATE INDEX CONCURRENTLY idx_users_email ON users (email);\nCOMMIT;\n",
	.good = "CREATE INDEX CONCURRENTLY idx_users_email ON users (email);\n",
	.init = init,
	.statement = statement,
	.finish = finish,
};
