/* migration/transaction: a migration runs atomically: BEGIN ... COMMIT, or the tool's own transaction.
 * It reads the trees of migration statements in its finish step: those of migrations are kept. */
#include "ddlint/rule.h"

static const char *exempt(dd_stmt *const *st, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *why = dd_stmt_outside_transaction(st[i]->node);
		if (why)
			return why;
	}
	return NULL;
}

static dd_loc at(const dd_stmt *st)
{
	dd_loc l = { st->file, st->offset, 0 };
	l.len = dd_name_loc(st->file, st->offset).len;
	return l;
}

static void check_unit(dd_ctx *ctx, const dd_migration *m, dd_stmt *const *st, size_t n, const char *what, const char *mode)
{
	if (!n || !st[0]->file->report || exempt(st, n))
		return;
	const dd_section *sec = st[0]->section;
	dd_txmode tx = sec ? sec->tx : DD_TXMODE_NONE;
	bool tool_tx = tx == DD_TXMODE_OWN || tx == DD_TXMODE_OWN_OR_NONE || tx == DD_TXMODE_RUN;
	bool tool = strcmp(mode, "tool") == 0 || (strcmp(mode, "auto") == 0 && tool_tx);
	const char *obj = dd_sprintf(ctx, "%s %s", m->layout, m->version);
	dd_checked(ctx, at(st[0]), obj);
	if (tool) {
		if (tx == DD_TXMODE_NONE && sec && sec->tx_why)
			return;   /* the tool was told not to wrap this one: explicit control is the author's */
		for (size_t i = 0; i < n; i++) {
			dd_tx_control k = dd_stmt_transaction_control(st[i]->node);
			if (k)
				dd_report(ctx, at(st[i]), obj, NULL,
					  "%s runs in the migration tool's transaction; this %s ends or nests it", what,
					  k == DD_TX_BEGIN ? "BEGIN" : k == DD_TX_COMMIT ? "COMMIT" : "ROLLBACK");
		}
		return;
	}
	/* auto: one query is one (implicit) transaction, and one statement is atomic by itself */
	if (strcmp(mode, "auto") == 0 && (tx == DD_TXMODE_IMPLICIT || n == 1))
		return;
	bool begins = dd_stmt_transaction_control(st[0]->node) == DD_TX_BEGIN;
	bool commits = dd_stmt_transaction_control(st[n - 1]->node) == DD_TX_COMMIT;
	if (begins && commits)
		return;
	const char *how = strcmp(mode, "auto") == 0 && sec && sec->tx_why ? dd_sprintf(ctx, " (%s)", sec->tx_why) : "";
	dd_report(ctx, at(st[0]), obj, "BEGIN; ... COMMIT;",
		  "%s is not wrapped in BEGIN ... COMMIT%s%s; a failure half way leaves the schema half changed",
		  what, !begins && !commits ? "" : !begins ? " (no BEGIN first)" : " (no COMMIT last)", how);
}

/* Each part of a migration (the whole up or down, or each of its sections) on its own: a tool
 * runs each part as that part says. The statements of a DO block are not counted: the block runs
 * as one statement, atomically. */
static void check_parts(dd_ctx *ctx, const dd_migration *m, dd_stmt *const *all, size_t n_all, const char *what,
			const char *mode)
{
	dd_stmt **st = dd_alloc(ctx, (n_all + 1) * sizeof *st);
	size_t n = 0;
	for (size_t i = 0; i < n_all; i++)
		if (!all[i]->block)
			st[n++] = all[i];
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && st[j]->section == st[i]->section)
			j++;
		check_unit(ctx, m, st + i, j - i, what, mode);
		i = j;
	}
}

static void finish(dd_ctx *ctx)
{
	const char *mode = dd_opt_string(ctx, "mode");
	size_t n;
	dd_migration *const *ms = dd_ctx_migrations(ctx, &n);
	for (size_t i = 0; i < n; i++) {
		const dd_migration *m = ms[i];
		check_parts(ctx, m, m->up_stmts, m->n_up, dd_sprintf(ctx, "migration %s", m->version), mode);
		check_parts(ctx, m, m->down_stmts, m->n_down, dd_sprintf(ctx, "the down of migration %s", m->version), mode);
	}
}

static const char *validate(const dd_value *v, const dd_value **at_value)
{
	*at_value = v;
	if (v->kind != DD_VAL_SCALAR || (strcmp(v->text, "explicit") != 0 && strcmp(v->text, "tool") != 0 &&
					 strcmp(v->text, "auto") != 0))
		return "expected explicit, tool or auto";
	return NULL;
}

static const dd_option options[] = {
	{ "mode", DD_OPT_STRUCT, "auto",
	  "auto: as its tool runs it (see the description); explicit: every migration is wrapped in BEGIN ... "
	  "COMMIT; tool: the tool wraps each one, so an explicit BEGIN/COMMIT is reported", validate },
	{ 0 }
};

const dd_rule dd_rule_migration_transaction = {
	.id = "migration/transaction",
	.summary = "Each migration is atomic: wrapped in BEGIN ... COMMIT (or the tool's transaction)",
	.severity = DD_SEV_WARNING,
	.description =
		"Every up and every down of a migration directory must run atomically. With mode: auto (the "
		"default) that is judged as its tool really runs it (see the README's table of tools): a "
		"migration the tool wraps in a transaction of its own (goose, dbmate, Diesel, Flyway, sqlx, "
		"pop, Atlas, sql-migrate, Liquibase, postgres-migrations, Drizzle, node-pg-migrate) is "
		"atomic, and an explicit BEGIN, COMMIT or ROLLBACK inside it, which would end or nest the "
		"tool's, is reported; a file the tool sends as one query (golang-migrate, Prisma, Supabase, "
		"and the opted-out files of dbmate, Diesel, sqlx, pop, postgres-migrations) runs as one "
		"implicit transaction and is atomic; a single statement (a DO block too) is atomic; only a migration run "
		"statement by statement (sqitch, plain numbered files, goose NO TRANSACTION, sql-migrate "
		"notransaction, Flyway executeInTransaction=false, ...) must say BEGIN ... COMMIT itself. "
		"mode: explicit asks BEGIN ... COMMIT of every migration; mode: tool reports every explicit "
		"BEGIN/COMMIT. A migration with a statement PostgreSQL refuses inside a transaction (CREATE "
		"INDEX CONCURRENTLY, VACUUM, ...) is exempt (see migration/concurrently-in-transaction). "
		"Reported at the first statement.",
	.why = "Without a transaction a migration that fails half way leaves the schema half changed: the "
	       "next deploy neither applies it again nor rolls it back cleanly, and the tool may record it "
	       "as applied.",
	.bad = "-- file: 0001_users.sql\nBEGIN;\nCREATE TABLE users (id uuid PRIMARY KEY);\nCOMMIT;\n"
	       "-- file: 0002_add_email.sql\nALTER TABLE users ADD COLUMN email text;\n"
	       "CREATE INDEX idx_users_email ON users (email);\n",
	.good = "-- file: 0001_users.sql\nBEGIN;\nCREATE TABLE users (id uuid PRIMARY KEY);\nCOMMIT;\n"
		"-- file: 0002_add_email.sql\nBEGIN;\nALTER TABLE users ADD COLUMN email text;\n"
		"CREATE INDEX idx_users_email ON users (email);\nCOMMIT;\n",
	.options = options,
	.finish = finish,
};
