/*
 * safety/exclusive-lock-held: nothing long runs in a transaction after a statement that took
 * ACCESS EXCLUSIVE on an existing table: that lock is held until the transaction ends.
 */
#include "ddlint/rule.h"

typedef struct state {
	dd_txtrack tx;
	unsigned long held_tx;     /* the transaction holding it, 0 when none */
	const char *held_table;    /* run memory */
	const char *held_what;
	const dd_file *held_file;
	int held_offset;
	unsigned long reported_tx; /* one finding per transaction: the first long statement */
} state;

static void *init(dd_ctx *ctx) { return dd_run_alloc(ctx, sizeof(state)); }

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	state *s = dd_state(ctx);
	unsigned long txid = dd_txtrack_step(ctx, &s->tx, st);
	if (st->down || !txid)
		return;
	const dd_lock *locks;
	size_t k = dd_stmt_locks(ctx, st, &locks);
	if (s->held_tx == txid && s->reported_tx != txid && st->file->report) {
		for (size_t i = 0; i < k; i++) {
			const dd_lock *l = &locks[i];
			if (!l->existing)
				continue;
			dd_loc at = { st->file, st->offset, dd_name_loc(st->file, st->offset).len };
			dd_checked(ctx, at, dd_qualified(ctx, l->schema, l->name, NULL));   /* judged: a table in use, locked after it */
			if (!l->long_why)
				continue;
			const char *where = s->held_file == st->file ? dd_sprintf(ctx, "line %d", dd_file_line(st->file, s->held_offset))
								    : dd_sprintf(ctx, "%s:%d", s->held_file->path, dd_file_line(s->held_file, s->held_offset));
			dd_report(ctx, at, dd_qualified(ctx, l->schema, l->name, NULL),
				  dd_sprintf(ctx, "put it in a transaction of its own (a later migration), or run the %s after it", s->held_what),
				  "%s on %s %s while this transaction holds the ACCESS EXCLUSIVE lock that %s took on %s (%s), which exists "
				  "before this migration: every read and write of %s waits until the transaction ends",
				  l->what, dd_qualified(ctx, l->schema, l->name, NULL), l->long_why, s->held_what, s->held_table, where,
				  s->held_table);
			s->reported_tx = txid;
			break;
		}
	}
	if (s->held_tx == txid)
		return;
	for (size_t i = 0; i < k; i++) {
		const dd_lock *l = &locks[i];
		if (l->existing && l->mode == DD_LOCK_ACCESS_EXCLUSIVE) {
			s->held_tx = txid;
			s->held_table = dd_run_strdup(ctx, dd_qualified(ctx, l->schema, l->name, NULL));
			s->held_what = dd_run_strdup(ctx, l->what);
			s->held_file = st->file;
			s->held_offset = st->offset;
			break;
		}
	}
}

const dd_rule dd_rule_safety_exclusive_lock_held = {
	.id = "safety/exclusive-lock-held",
	.summary = "Nothing long runs in a transaction after it took ACCESS EXCLUSIVE on an existing table",
	.severity = DD_SEV_WARNING,
	.description =
		"A table-level lock is held until the transaction ends (Explicit Locking: \"Once acquired, a "
		"lock is normally held until the end of the transaction\"). Reports a statement that may run "
		"long on a table that exists before the migration (an index build, a constraint's full "
		"scan, SET NOT NULL's scan, a rewrite by ALTER COLUMN TYPE or ADD COLUMN, VALIDATE CONSTRAINT, "
		"CLUSTER, VACUUM FULL, REINDEX, REFRESH MATERIALIZED VIEW, UPDATE or DELETE) when an earlier "
		"statement of the same transaction took ACCESS EXCLUSIVE on an existing table: that table "
		"stays unavailable for the whole long statement. Only the first such statement of a transaction is reported. The transaction is the one the migration's "
		"tool runs it in (its own, one implicit transaction for a file sent as one query, or "
		"BEGIN ... COMMIT); a statement run on its own is never reported. Tables created in the "
		"same migration are exempt; plain schema files are judged only with safety.assume_existing.",
	.why = "A quick ALTER becomes an outage when a backfill or an index build follows it in the same "
	       "transaction: the ALTER's lock is kept for the length of both.",
	.bad = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, name text);\n"
	       "-- file: 0002_users_status.sql\nBEGIN;\nALTER TABLE users ADD COLUMN status text;\n"
	       "UPDATE users SET status = 'active';\nCOMMIT;\n",
	.good = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, name text);\n"
		"-- file: 0002_users_status.sql\nALTER TABLE users ADD COLUMN status text;\n"
		"-- file: 0003_users_status_fill.sql\nUPDATE users SET status = 'active';\n",
	.init = init,
	.statement = statement,
};
