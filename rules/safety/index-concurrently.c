/*
 * safety/index-concurrently: CREATE INDEX, DROP INDEX and REINDEX on a table that exists before
 * the migration use CONCURRENTLY, so that the table stays writable (and readable) meanwhile.
 */
#include "ddlint/rule.h"

typedef struct state { dd_txtrack tx; } state;

static void *init(dd_ctx *ctx) { return dd_run_alloc(ctx, sizeof(state)); }

/* How to get out of the transaction CONCURRENTLY cannot run in, for the statement's tool. */
static const char *outside(dd_ctx *ctx, const dd_stmt *st, unsigned long txid)
{
	if (!txid)
		return "";
	const dd_section *sec = st->section;
	if (sec && sec->tx_optout && sec->tx != DD_TXMODE_NONE)
		return dd_sprintf(ctx, "; CONCURRENTLY cannot run inside a transaction block: %s", sec->tx_optout);
	if (sec && sec->tx == DD_TXMODE_IMPLICIT)
		return "; CONCURRENTLY cannot run inside a transaction block, and a file sent as one query runs as one: put it alone in a migration of its own";
	if (sec && st->migration && (sec->tx == DD_TXMODE_OWN || sec->tx == DD_TXMODE_RUN))
		return dd_sprintf(ctx, "; CONCURRENTLY cannot run inside a transaction block, and %s has no way to run a migration outside one: run it apart from the migrations", st->migration->layout);
	return "; CONCURRENTLY cannot run inside a transaction block: put it in a migration of its own, outside BEGIN ... COMMIT";
}

static dd_loc at(const dd_stmt *st)
{
	dd_loc l = { st->file, st->offset, dd_name_loc(st->file, st->offset).len };
	return l;
}

static const char *rv_name(dd_ctx *ctx, const PgQuery__RangeVar *rv)
{
	const dd_table *t = dd_rangevar_table(ctx, rv);
	if (t)
		return dd_qualified(ctx, t->schema, t->name, NULL);
	return dd_qualified(ctx, dd_rangevar_schema(ctx, rv), rv->relname, NULL);
}

static void create_index(dd_ctx *ctx, const dd_stmt *st, const PgQuery__IndexStmt *is, unsigned long txid)
{
	if (!dd_rangevar_existing(ctx, st, is->relation))
		return;
	const dd_table *t = dd_rangevar_table(ctx, is->relation);
	const char *table = rv_name(ctx, is->relation);
	dd_checked(ctx, at(st), table);   /* judged: an index built on a table in use */
	if (is->concurrent)
		return;
	const char *fix;
	if (t && t->partitioned)
		fix = dd_sprintf(ctx, "%s is partitioned, and PostgreSQL cannot build its index concurrently: CREATE INDEX ... ON ONLY %s, "
				 "then CREATE INDEX CONCURRENTLY on each partition and ALTER INDEX ... ATTACH PARTITION each of them",
				 table, table);
	else
		fix = dd_sprintf(ctx, "CREATE %sINDEX CONCURRENTLY ... ON %s (...)%s; if it fails it leaves an INVALID index: "
				 "DROP INDEX CONCURRENTLY it and run it again", is->unique ? "UNIQUE " : "", table, outside(ctx, st, txid));
	dd_report(ctx, at(st), table, fix,
		  "CREATE INDEX without CONCURRENTLY takes a SHARE lock on %s, which exists before this migration: "
		  "%s are blocked until the whole index is built", table, dd_lockmode_blocks(DD_LOCK_SHARE));
}

static void drop_index(dd_ctx *ctx, const dd_stmt *st, const PgQuery__DropStmt *ds, unsigned long txid)
{
	if (ds->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_INDEX)
		return;
	for (size_t i = 0; i < ds->n_objects; i++) {
		const PgQuery__Node *o = ds->objects[i];
		if (o->node_case != PG_QUERY__NODE__NODE_LIST)
			continue;
		size_t k = o->list->n_items;
		const char *name = dd_name_last(o->list->items, k);
		const char *schema = k >= 2 ? dd_string_node(o->list->items[k - 2]) : NULL;
		const dd_index *ix = dd_model_index(dd_ctx_model(ctx), schema, name);
		if (ix && ix->table && ix->table->persistence == 't')
			continue;
		if (!dd_stmt_on_existing(ctx, st, ix ? ix->loc.file : NULL))
			continue;
		dd_checked(ctx, at(st), dd_qualified(ctx, schema ? schema : (ix ? ix->schema : NULL), name, NULL));
		if (ds->concurrent)
			continue;
		const char *object = ix && ix->table ? dd_qualified(ctx, ix->table->schema, ix->table->name, NULL) : NULL;
		const char *fix = dd_sprintf(ctx, "DROP INDEX CONCURRENTLY %s%s (one index per statement, without CASCADE)%s",
					     ds->missing_ok ? "IF EXISTS " : "", schema ? dd_qualified(ctx, schema, name, NULL) : name,
					     outside(ctx, st, txid));
		if (ix && ix->constraint)
			fix = dd_sprintf(ctx, "it backs constraint %s: ALTER TABLE ... DROP CONSTRAINT takes the same lock; "
					 "there is no concurrent way, set lock_timeout and keep the transaction short", ix->constraint->name);
		dd_report(ctx, at(st), dd_qualified(ctx, schema ? schema : (ix ? ix->schema : NULL), name, NULL), fix,
			  "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table of index %s%s%s, which exists before this "
			  "migration: every read and write of it waits, and queues behind it while it waits for the lock",
			  name, object ? ", " : "", object ? object : "");
	}
}

static void reindex(dd_ctx *ctx, const dd_stmt *st, const PgQuery__ReindexStmt *rs, unsigned long txid)
{
	if (!rs->relation)
		return;
	const char *what, *table;
	if (rs->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE) {
		if (!dd_rangevar_existing(ctx, st, rs->relation))
			return;
		what = "TABLE";
		table = rv_name(ctx, rs->relation);
	} else if (rs->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX) {
		const dd_index *ix = dd_model_index(dd_ctx_model(ctx), *rs->relation->schemaname ? rs->relation->schemaname : NULL,
						    rs->relation->relname);
		if (!dd_stmt_on_existing(ctx, st, ix ? ix->loc.file : NULL))
			return;
		what = "INDEX";
		table = ix && ix->table ? dd_qualified(ctx, ix->table->schema, ix->table->name, NULL) : rs->relation->relname;
	} else {
		return;
	}
	dd_checked(ctx, at(st), table);   /* judged: a REINDEX on a table in use */
	if (dd_stmt_outside_transaction(st->node))   /* REINDEX CONCURRENTLY */
		return;
	const char *fix = dd_ctx_postgres_version(ctx) >= 12
		? dd_sprintf(ctx, "REINDEX (CONCURRENTLY) %s %s%s", what, rs->relation->relname, outside(ctx, st, txid))
		: dd_sprintf(ctx, "PostgreSQL %d has no REINDEX CONCURRENTLY (12 has): CREATE INDEX CONCURRENTLY a copy, DROP INDEX "
				  "CONCURRENTLY the old one, rename the copy", dd_ctx_postgres_version(ctx));
	dd_report(ctx, at(st), table, fix,
		  "REINDEX %s without CONCURRENTLY blocks writes to %s, which exists before this migration, and takes an ACCESS "
		  "EXCLUSIVE lock on each index it rebuilds, so queries planned on the table wait too%s", what, table,
		  dd_ctx_postgres_version(ctx) < 12 ? dd_sprintf(ctx, " (PostgreSQL %d has no REINDEX CONCURRENTLY)", dd_ctx_postgres_version(ctx)) : "");
}

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	state *s = dd_state(ctx);
	unsigned long txid = dd_txtrack_step(ctx, &s->tx, st);
	if (!st->file->report || st->down)
		return;
	const PgQuery__Node *n = st->node;
	if (n->node_case == PG_QUERY__NODE__NODE_INDEX_STMT)
		create_index(ctx, st, n->index_stmt, txid);
	else if (n->node_case == PG_QUERY__NODE__NODE_DROP_STMT)
		drop_index(ctx, st, n->drop_stmt, txid);
	else if (n->node_case == PG_QUERY__NODE__NODE_REINDEX_STMT)
		reindex(ctx, st, n->reindex_stmt, txid);
}

const dd_rule dd_rule_safety_index_concurrently = {
	.id = "safety/index-concurrently",
	.summary = "CREATE INDEX, DROP INDEX and REINDEX on an existing table use CONCURRENTLY",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports, on a table that exists before the migration (created by an earlier migration, or "
		"outside the files), CREATE INDEX without CONCURRENTLY (it takes a SHARE lock on the table: "
		"INSERT, UPDATE and DELETE wait until the index is built), DROP INDEX without CONCURRENTLY "
		"(ACCESS EXCLUSIVE on the table: every query waits) and REINDEX TABLE/INDEX without "
		"CONCURRENTLY (writes blocked, ACCESS EXCLUSIVE on each index; PostgreSQL's Explicit Locking "
		"list puts REINDEX with ACCESS EXCLUSIVE). Indexes of a table the same migration creates are "
		"exempt (the table is empty and unused), and so are plain schema files unless "
		"safety.assume_existing is set. CONCURRENTLY cannot run inside a transaction block (see "
		"migration/concurrently-in-transaction): when the migration runs in one, the suggestion says "
		"how this migration's tool runs a migration outside it (goose's NO TRANSACTION, dbmate's "
		"transaction:false, Flyway's executeInTransaction=false or a migration of only such "
		"statements, ...), or that the tool has none. A partitioned table cannot be indexed "
		"concurrently: the suggestion gives the ON ONLY / ATTACH PARTITION sequence. "
		"REINDEX CONCURRENTLY needs PostgreSQL 12 (safety.postgres_version).",
	.why = "A migration that builds an index on a big table without CONCURRENTLY blocks every write "
	       "to it for as long as the build takes (minutes to hours); DROP INDEX also waits for every "
	       "running query and, while it waits, queues every new one behind it.",
	.bad = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
	       "-- file: 0002_users_email.sql\nCREATE INDEX idx_users_email ON users (email);\n",
	.good = "-- file: 0001_users.sql\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
		"-- file: 0002_users_email.sql\nCREATE INDEX CONCURRENTLY idx_users_email ON users (email);\n",
	.init = init,
	.statement = statement,
};
