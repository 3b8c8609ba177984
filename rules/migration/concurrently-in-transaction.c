/*
 * migration/concurrently-in-transaction: a statement PostgreSQL refuses inside a transaction
 * block appears inside one: an explicit BEGIN, the migration tool's own transaction, or the
 * implicit transaction of several statements sent at once (golang-migrate).
 */
#include "ddlint/rule.h"

static void finish(dd_ctx *ctx)
{
	size_t n;
	dd_stmt *const *st = dd_ctx_statements(ctx, &n);
	size_t i = 0;
	while (i < n) {
		/* a unit: the statements of one file and one direction */
		size_t j = i;
		while (j < n && st[j]->file == st[i]->file && st[j]->down == st[i]->down)
			j++;
		const dd_migration *m = st[i]->migration;
		bool tool = m && m->tool_transaction;
		bool implicit = m && m->implicit_transaction && j - i > 1;
		bool in_tx = tool || implicit;
		const char *why = tool ? dd_sprintf(ctx, "%s runs each migration in a transaction", m->layout)
			: implicit ? dd_sprintf(ctx, "%s sends the file as one query, which runs as one transaction", m->layout)
			: NULL;
		for (size_t k = i; k < j; k++) {
			int c = st[k]->transaction_control;
			if (c == 1) {
				in_tx = true;
				why = "after BEGIN";
			} else if (c == 2 || c == 3) {
				in_tx = implicit;
			}
			const char *what = st[k]->outside_transaction;
			if (what && in_tx && st[k]->file->report) {
				dd_loc l = { st[k]->file, st[k]->offset, dd_name_loc(st[k]->file, st[k]->offset).len };
				dd_report(ctx, l, NULL, NULL,
					  "%s cannot run inside a transaction block, and here it does (%s)%s", what, why,
					  tool && strcmp(m->layout, "goose") == 0 ? "; add -- +goose NO TRANSACTION"
					  : tool && strcmp(m->layout, "dbmate") == 0 ? "; add transaction:false to -- migrate:up"
					  : "; put it in a migration of its own");
			}
		}
		i = j;
	}
}

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
	.finish = finish,
};
