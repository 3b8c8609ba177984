/*
 * safety/constraint-not-valid: a FOREIGN KEY or CHECK added to a table that exists before the
 * migration is added NOT VALID, and validated by VALIDATE CONSTRAINT in a later transaction.
 */
#include "ddlint/rule.h"

/* An ADD CONSTRAINT ... NOT VALID on an existing table, and the transaction it ran in. */
typedef struct added { const dd_file *file; int start, end; unsigned long txid; } added;
typedef struct state {
	dd_txtrack tx;
	added **added;
	size_t n_added;
} state;

static void *init(dd_ctx *ctx) { return dd_run_alloc(ctx, sizeof(state)); }

static dd_loc at(const dd_stmt *st, int location)
{
	if (location >= st->offset && location < st->offset + st->len)
		return dd_name_loc(st->file, location);
	dd_loc l = { st->file, st->offset, dd_name_loc(st->file, st->offset).len };
	return l;
}

static const char *qname(dd_ctx *ctx, const PgQuery__RangeVar *rv)
{
	const dd_table *t = dd_rangevar_table(ctx, rv);
	if (t)
		return dd_qualified(ctx, t->schema, t->name, NULL);
	return dd_qualified(ctx, dd_rangevar_schema(ctx, rv), rv->relname, NULL);
}

static void report(dd_ctx *ctx, const dd_stmt *st, const PgQuery__RangeVar *rv, const PgQuery__Constraint *c,
		   const char *column)
{
	const char *table = qname(ctx, rv);
	const dd_table *t = dd_rangevar_table(ctx, rv);
	bool fk = c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN;
	const char *name = *c->conname ? c->conname : "<name>";
	const char *fix = dd_sprintf(ctx, "ALTER TABLE %s ADD CONSTRAINT %s %s NOT VALID; then, in a later transaction "
				     "(a later migration, or after COMMIT), ALTER TABLE %s VALIDATE CONSTRAINT %s, which only takes SHARE "
				     "UPDATE EXCLUSIVE%s", table, name, fk ? "FOREIGN KEY (...) REFERENCES ..." : "CHECK (...)", table, name,
				     fk ? " on the table and ROW SHARE on the referenced one" : "");
	if (column)
		fix = dd_sprintf(ctx, "add column %s without REFERENCES, then %s", column, fix);
	if (fk && t && t->partitioned && dd_ctx_postgres_version(ctx) < 18)
		fix = dd_sprintf(ctx, "%s is partitioned, and PostgreSQL %d cannot add a NOT VALID foreign key to it (18 can): add "
				 "it NOT VALID to each partition and validate them, then add it to the partitioned table",
				 table, dd_ctx_postgres_version(ctx));
	if (fk && column)
		dd_report(ctx, at(st, c->location), table, fix,
			  "ADD COLUMN %s ... REFERENCES on %s, which exists before this migration: the foreign key is checked over "
			  "every row while ADD COLUMN holds ACCESS EXCLUSIVE on %s (and SHARE ROW EXCLUSIVE on the referenced table %s)",
			  column, table, table, qname(ctx, c->pktable));
	else if (fk)
		dd_report(ctx, at(st, c->location), table, fix,
			  "FOREIGN KEY without NOT VALID on %s, which exists before this migration: it takes a SHARE ROW EXCLUSIVE lock "
			  "on %s and on the referenced table %s, blocking writes to both while every row is checked",
			  table, table, qname(ctx, c->pktable));
	else
		dd_report(ctx, at(st, c->location), table, fix,
			  "CHECK without NOT VALID on %s, which exists before this migration: it takes an ACCESS EXCLUSIVE lock, "
			  "blocking every read and write while every row is checked", table);
}

/* VALIDATE CONSTRAINT of a constraint this same transaction added NOT VALID: the ADD's lock is
 * still held, so the scan runs under it. */
static void validate(dd_ctx *ctx, state *s, const dd_stmt *st, const PgQuery__RangeVar *rv, const char *conname,
		     unsigned long txid)
{
	const dd_table *t = dd_rangevar_table(ctx, rv);
	if (t)   /* judged: a VALIDATE CONSTRAINT on a table in use */
		dd_checked(ctx, at(st, rv->location), dd_qualified(ctx, t->schema, t->name, conname));
	if (!t || !txid)
		return;
	for (size_t i = 0; i < t->n_constraints; i++) {
		const dd_constraint *c = t->constraints[i];
		if (strcmp(c->name, conname) != 0)
			continue;
		for (size_t k = 0; k < s->n_added; k++) {
			const added *a = s->added[k];
			if (a->txid == txid && a->file == c->loc.file && c->loc.offset >= a->start && c->loc.offset < a->end) {
				const char *table = dd_qualified(ctx, t->schema, t->name, NULL);
				dd_report(ctx, at(st, rv->location), dd_qualified(ctx, t->schema, t->name, conname),
					  "COMMIT between them, or put VALIDATE CONSTRAINT in the next migration",
					  "VALIDATE CONSTRAINT %s runs in the transaction that added it NOT VALID: the lock the ADD "
					  "took on %s (%s) is held while every row is checked, which is what NOT VALID was to avoid",
					  conname, table, c->kind == DD_CON_FOREIGN ? "SHARE ROW EXCLUSIVE" : "ACCESS EXCLUSIVE");
				return;
			}
		}
	}
}

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	state *s = dd_state(ctx);
	unsigned long txid = dd_txtrack_step(ctx, &s->tx, st);
	const PgQuery__AlterTableStmt *as = dd_alter_existing_table(ctx, st);
	if (!as)
		return;
	for (size_t i = 0; i < as->n_cmds; i++) {
		const PgQuery__AlterTableCmd *cmd = dd_alter_cmd(as, i);
		if (!cmd)
			continue;
		const PgQuery__Node *def = cmd->def;
		if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint && def &&
		    def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
			const PgQuery__Constraint *c = def->constraint;
			if (c->contype != PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN && c->contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK)
				continue;
			dd_checked(ctx, at(st, c->location), qname(ctx, as->relation));   /* judged: a FOREIGN KEY or CHECK added to a table in use */
			if (c->skip_validation) {
				added *a = dd_run_alloc(ctx, sizeof *a);
				a->file = st->file;
				a->start = st->offset;
				a->end = st->offset + st->len;
				a->txid = txid;
				dd_run_push(ctx, (void ***)&s->added, &s->n_added, a);
			} else if (st->file->report) {
				report(ctx, st, as->relation, c, NULL);
			}
		} else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && def &&
			   def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF && st->file->report) {
			const PgQuery__ColumnDef *cd = def->column_def;
			for (size_t k = 0; k < cd->n_constraints; k++) {
				const PgQuery__Node *cn = cd->constraints[k];
				if (cn->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
				    cn->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN) {
					dd_checked(ctx, at(st, cn->constraint->location), qname(ctx, as->relation));
					report(ctx, st, as->relation, cn->constraint, cd->colname);
				}
			}
		} else if ((cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint ||
			    cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse) && st->file->report) {
			validate(ctx, s, st, as->relation, cmd->name, txid);
		}
	}
}

const dd_rule dd_rule_safety_constraint_not_valid = {
	.id = "safety/constraint-not-valid",
	.summary = "FOREIGN KEY and CHECK on an existing table are added NOT VALID, then validated apart",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports ALTER TABLE ... ADD FOREIGN KEY and ADD CHECK without NOT VALID, and ADD COLUMN ... "
		"REFERENCES, on a table that exists before the migration. PostgreSQL checks every row while "
		"holding the ALTER's lock: a CHECK takes ACCESS EXCLUSIVE (every read and write waits); a "
		"foreign key takes SHARE ROW EXCLUSIVE on the table and on the referenced table (writes to "
		"both wait). Added NOT VALID, the constraint holds for new rows at once and the ALTER is "
		"quick; ALTER TABLE ... VALIDATE CONSTRAINT then checks the old rows under SHARE UPDATE "
		"EXCLUSIVE, which does not block reads or writes. It also reports a VALIDATE CONSTRAINT that "
		"runs in the same transaction as the ADD ... NOT VALID of its constraint (as the migration's "
		"tool runs it: its own transaction, an implicit one, or BEGIN ... COMMIT): the ADD's lock is "
		"still held then. Tables created in the same migration are exempt; plain schema files are "
		"judged only with safety.assume_existing. A partitioned table cannot take a NOT VALID "
		"foreign key before PostgreSQL 18 (safety.postgres_version): the suggestion says so.",
	.why = "Checking every row of a big table under a lock that blocks writes (or reads) turns a "
	       "schema change into an outage as long as the scan.",
	.bad = "-- file: 0001_init.sql\nCREATE TABLE users (id bigint PRIMARY KEY);\n"
	       "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\n"
	       "-- file: 0002_orders_user_fk.sql\n"
	       "ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id);\n",
	.good = "-- file: 0001_init.sql\nCREATE TABLE users (id bigint PRIMARY KEY);\n"
		"CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\n"
		"-- file: 0002_orders_user_fk.sql\n"
		"ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n"
		"-- file: 0003_orders_user_fk_validate.sql\n"
		"ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user_id;\n",
	.init = init,
	.statement = statement,
};
