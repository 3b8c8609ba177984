/*
 * safety/many-tables-locked: one transaction takes ACCESS EXCLUSIVE on at most `max_tables`
 * existing tables.
 */
#include "ddlint/rule.h"

typedef struct state {
	dd_txtrack tx;
	unsigned long txid;        /* the transaction counted; ids are never 0 here, statement scopes use ~0 - n */
	const dd_stmt *stmt;       /* the statement counted, for one run on its own */
	char **tables;             /* run memory */
	size_t n_tables;
	bool reported;
} state;

static void *init(dd_ctx *ctx) { return dd_run_alloc(ctx, sizeof(state)); }

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	state *s = dd_state(ctx);
	unsigned long txid = dd_txtrack_step(ctx, &s->tx, st);
	if (st->down)
		return;
	/* a statement run on its own is its own transaction */
	if (txid != s->txid || (!txid && st != s->stmt && !st->block)) {
		s->txid = txid;
		s->stmt = st;
		s->tables = NULL;
		s->n_tables = 0;
		s->reported = false;
	}
	const dd_lock *locks;
	size_t k = dd_stmt_locks(ctx, st, &locks);
	long max = dd_opt_int(ctx, "max_tables");
	for (size_t i = 0; i < k; i++) {
		const dd_lock *l = &locks[i];
		if (!l->existing || l->mode != DD_LOCK_ACCESS_EXCLUSIVE)
			continue;
		const char *name = dd_qualified(ctx, l->schema, l->name, NULL);
		bool seen = false;
		for (size_t j = 0; j < s->n_tables && !seen; j++)
			seen = strcmp(s->tables[j], name) == 0;
		if (seen)
			continue;
		dd_run_push(ctx, (void ***)&s->tables, &s->n_tables, dd_run_strdup(ctx, name));
		dd_checked(ctx, (dd_loc){ st->file, st->offset, dd_name_loc(st->file, st->offset).len }, name);
		if ((long)s->n_tables > max && !s->reported && st->file->report) {
			s->reported = true;
			char *list = dd_strdup(ctx, "");
			for (size_t j = 0; j < s->n_tables; j++)
				list = dd_sprintf(ctx, "%s%s%s", list, j ? ", " : "", s->tables[j]);
			dd_loc at = { st->file, st->offset, dd_name_loc(st->file, st->offset).len };
			dd_report(ctx, at, name,
				  "split the migration so that each transaction locks fewer tables, and set lock_timeout",
				  "with this %s, one transaction holds ACCESS EXCLUSIVE on %zu tables that exist before this migration "
				  "(%s) until it ends: it waits for every query on each, blocks all of them meanwhile, and deadlocks "
				  "with the application's transactions get likelier (max_tables: %ld)", l->what, s->n_tables, list, max);
		}
	}
}

static const dd_option options[] = {
	{ "max_tables", DD_OPT_INT, "3", "how many existing tables one transaction may lock ACCESS EXCLUSIVE", NULL },
	{ 0 }
};

const dd_rule dd_rule_safety_many_tables_locked = {
	.id = "safety/many-tables-locked",
	.summary = "One transaction takes ACCESS EXCLUSIVE on at most a few existing tables",
	.severity = DD_SEV_OFF,
	.description =
		"Reports the statement with which one transaction comes to hold ACCESS EXCLUSIVE on more "
		"than `max_tables` (default 3) tables that exist before the migration. Locks are held until "
		"the transaction ends, so all those tables stay blocked together, the transaction must wait "
		"for every query on each, and taking them one after the other in an order the application "
		"does not share invites deadlocks. The transaction is the one the migration's tool runs it "
		"in (its own, one implicit transaction for a file sent as one query, or BEGIN ... COMMIT); a "
		"statement run on its own counts alone (TRUNCATE a, b, c, d). Tables created in the same "
		"migration are exempt; plain schema files are judged only with safety.assume_existing. Off by "
		"default (how many is too many is a project's call): turn it on with extends: strict or rules:.",
	.why = "Each extra table multiplies the queries the migration waits for and blocks; a deploy that "
	       "renames or alters many tables at once is the classic source of lock pile-ups.",
	.bad = "-- file: 0001_init.sql\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLE c (id int);\n"
	       "CREATE TABLE d (id int);\n"
	       "-- file: 0002_note.sql\nBEGIN;\nALTER TABLE a ADD COLUMN note text;\nALTER TABLE b ADD COLUMN note text;\n"
	       "ALTER TABLE c ADD COLUMN note text;\nALTER TABLE d ADD COLUMN note text;\nCOMMIT;\n",
	.good = "-- file: 0001_init.sql\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLE c (id int);\n"
		"CREATE TABLE d (id int);\n"
		"-- file: 0002_note.sql\nBEGIN;\nALTER TABLE a ADD COLUMN note text;\nALTER TABLE b ADD COLUMN note text;\nCOMMIT;\n"
		"-- file: 0003_note.sql\nBEGIN;\nALTER TABLE c ADD COLUMN note text;\nALTER TABLE d ADD COLUMN note text;\nCOMMIT;\n",
	.options = options,
	.init = init,
	.statement = statement,
};
