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
	bool tool = strcmp(mode, "tool") == 0 || (strcmp(mode, "auto") == 0 && m->tool_transaction);
	const char *obj = dd_sprintf(ctx, "%s %s", m->layout, m->version);
	if (tool) {
		if (!m->tool_transaction)
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
	bool begins = dd_stmt_transaction_control(st[0]->node) == DD_TX_BEGIN;
	bool commits = dd_stmt_transaction_control(st[n - 1]->node) == DD_TX_COMMIT;
	if (!begins || !commits)
		dd_report(ctx, at(st[0]), obj, "BEGIN; ... COMMIT;",
			  "%s is not wrapped in BEGIN ... COMMIT%s; a failure half way leaves the schema half changed",
			  what, !begins && !commits ? "" : !begins ? " (no BEGIN first)" : " (no COMMIT last)");
}

static void finish(dd_ctx *ctx)
{
	const char *mode = dd_opt_string(ctx, "mode");
	size_t n;
	dd_migration *const *ms = dd_ctx_migrations(ctx, &n);
	for (size_t i = 0; i < n; i++) {
		const dd_migration *m = ms[i];
		check_unit(ctx, m, m->up_stmts, m->n_up, dd_sprintf(ctx, "migration %s", m->version), mode);
		check_unit(ctx, m, m->down_stmts, m->n_down, dd_sprintf(ctx, "the down of migration %s", m->version), mode);
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
	{ "mode", DD_OPT_STRUCT, "explicit",
	  "explicit: every migration is wrapped in BEGIN ... COMMIT; tool: the tool wraps each one, so explicit "
	  "BEGIN/COMMIT is reported; auto: tool for Flyway, goose, dbmate and Diesel, explicit for the others", validate },
	{ 0 }
};

const dd_rule dd_rule_migration_transaction = {
	.id = "migration/transaction",
	.summary = "Each migration is atomic: wrapped in BEGIN ... COMMIT (or the tool's transaction)",
	.severity = DD_SEV_WARNING,
	.description =
		"Every up and every down of a migration directory must start with BEGIN (or START "
		"TRANSACTION) and end with COMMIT (option mode: explicit, the default). With mode: tool, for "
		"tools that wrap each migration in a transaction themselves (Flyway, goose, dbmate, Diesel), "
		"an explicit BEGIN, COMMIT or ROLLBACK is reported instead; mode: auto picks per layout. A "
		"migration with a statement PostgreSQL refuses inside a transaction (CREATE INDEX "
		"CONCURRENTLY, VACUUM, ...) is exempt. Reported at the first statement.",
	.why = "Without a transaction a migration that fails half way leaves the schema half changed: the "
	       "next deploy neither applies it again nor rolls it back cleanly, and the tool may record it "
	       "as applied.",
	.bad = "-- file: 0002_add_email.up.sql\nALTER TABLE users ADD COLUMN email text;\n"
	       "CREATE INDEX idx_users_email ON users (email);\n",
	.good = "-- file: 0002_add_email.up.sql\nBEGIN;\nALTER TABLE users ADD COLUMN email text;\n"
		"CREATE INDEX idx_users_email ON users (email);\nCOMMIT;\n",
	.options = options,
	.finish = finish,
};
