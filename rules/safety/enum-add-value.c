/*
 * safety/enum-add-value: ALTER TYPE ... ADD VALUE where the server cannot take it. Before
 * PostgreSQL 12 the statement fails inside a transaction block; from 12 on it runs there, but the
 * new value cannot be used before that transaction commits. Either way the exception is an enum
 * type created in the same transaction.
 */
#include "ddlint/rule.h"
#include "txscope.h"

typedef struct rec {
	bool add;                /* the ADD VALUE itself, else a use of a value added before */
	const char *label, *type;
	bool existing;           /* the type exists before the migration */
	dd_loc loc;
} rec;

typedef struct state {
	dd_tx_unit unit;
	bool adds;               /* the unit has an ADD VALUE so far */
} state;

static void *init(dd_ctx *ctx) { return dd_run_alloc(ctx, sizeof(state)); }

static void judge(dd_ctx *ctx, state *s)
{
	dd_tx_unit *u = &s->unit;
	if (!s->adds)
		return;
	dd_tx_unit_scope(u);
	int version = dd_ctx_postgres_version(ctx);
	const char *tool_why = u->section && u->section->tx_why ? u->section->tx_why : NULL;
	for (size_t i = 0; i < u->n_items; i++) {
		const dd_tx_item *it = u->items[i];
		const rec *r = it->data;
		if (!r || !it->st->file->report || !it->in_tx)
			continue;
		if (r->add && r->existing && version < 12) {
			bool tool = tool_why && it->txn == 1 && u->section->tx != DD_TXMODE_IMPLICIT;
			dd_report(ctx, r->loc, r->type,
				  u->section && u->section->tx_optout
					  ? dd_sprintf(ctx, "%s, and put it in a migration of its own", u->section->tx_optout)
					  : "put it in a migration of its own that runs outside a transaction",
				  "ALTER TYPE %s ADD VALUE '%s' inside a transaction block (%s): PostgreSQL %d refuses it there "
				  "(before 12, only an enum type created in the same transaction can take new values in one)",
				  r->type, r->label, tool ? tool_why : "after BEGIN, or several statements sent as one query", version);
		} else if (!r->add && version >= 12) {
			for (size_t k = 0; k < i; k++) {
				const dd_tx_item *a = u->items[k];
				const rec *ra = a->data;
				if (!ra || !ra->add || !ra->existing || a->txn != it->txn || strcmp(ra->label, r->label) != 0)
					continue;
				dd_report(ctx, r->loc, ra->type,
					  "commit between them: add the value in one migration (or transaction) and use it in the next",
					  "'%s' is used in the transaction that added it to enum %s (ALTER TYPE ... ADD VALUE above): "
					  "PostgreSQL refuses an enum value before it is committed (unsafe use of new value)",
					  r->label, ra->type);
				break;
			}
		}
	}
}

typedef struct walk { dd_ctx *ctx; state *s; const dd_stmt *st; } walk;

/* A string constant equal to a value added earlier in the unit. */
static void find_use(const PgQuery__Node *n, void *arg)
{
	walk *w = arg;
	if (n->node_case != PG_QUERY__NODE__NODE_A_CONST || n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return;
	const char *v = n->a_const->sval->sval;
	for (size_t i = 0; i < w->s->unit.n_items; i++) {
		const rec *a = w->s->unit.items[i]->data;
		if (a && a->add && a->existing && strcmp(a->label, v) == 0) {
			rec *r = dd_run_alloc(w->ctx, sizeof *r);
			r->label = a->label;
			r->loc.file = w->st->file;
			r->loc.offset = n->a_const->location;
			r->loc.len = (int)strlen(v) + 2;
			dd_tx_item *it = w->s->unit.items[w->s->unit.n_items - 1];
			if (!it->data)
				it->data = r;
			return;
		}
	}
}

static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	state *s = dd_state(ctx);
	bool fresh;
	dd_tx_item *it = dd_tx_unit_add(ctx, &s->unit, st, &fresh);
	if (fresh) {
		judge(ctx, s);
		dd_tx_unit_start(&s->unit, st);
		s->adds = false;
		it = dd_tx_unit_add(ctx, &s->unit, st, &fresh);
	}
	if (st->node->node_case == PG_QUERY__NODE__NODE_ALTER_ENUM_STMT) {
		const PgQuery__AlterEnumStmt *ae = st->node->alter_enum_stmt;
		if (!ae->new_val || !ae->new_val[0] || (ae->old_val && ae->old_val[0]))
			return;   /* RENAME VALUE */
		const char *name = dd_name_last(ae->type_name, ae->n_type_name);
		const char *schema = ae->n_type_name >= 2 ? dd_string_node(ae->type_name[ae->n_type_name - 2]) : NULL;
		const dd_typedef *t = dd_model_type(dd_ctx_model(ctx), schema, name);
		rec *r = dd_run_alloc(ctx, sizeof *r);
		r->add = true;
		r->label = dd_run_strdup(ctx, ae->new_val);
		const char *q = dd_qualified(ctx, t ? t->schema : dd_model_schema_for(dd_ctx_model(ctx), schema), name, NULL);
		r->type = dd_run_strdup(ctx, q);
		r->existing = dd_stmt_on_existing(ctx, st, t ? t->loc.file : NULL);
		r->loc = dd_stmt_find_name(ctx, st, name);
		if (!r->loc.len)
			r->loc = dd_name_loc(st->file, st->offset);
		if (r->existing)   /* judged: ADD VALUE to a type in use */
			dd_checked(ctx, r->loc, r->type);
		it->data = r;
		s->adds = true;
		return;
	}
	if (s->adds && dd_ctx_postgres_version(ctx) >= 12) {
		walk w = { ctx, s, st };
		dd_walk_tree(&st->node->base, find_use, &w);
	}
}

static void finish(dd_ctx *ctx) { judge(ctx, dd_state(ctx)); }

const dd_rule dd_rule_safety_enum_add_value = {
	.id = "safety/enum-add-value",
	.summary = "ALTER TYPE ... ADD VALUE where the server refuses it: in a transaction (PostgreSQL < 12), or used before commit",
	.severity = DD_SEV_ERROR,
	.description =
		"Judges ALTER TYPE ... ADD VALUE on an enum type that exists before the migration, as the "
		"migration's tool runs it (the tool's transaction, BEGIN, or several statements sent as one "
		"query), by safety.postgres_version. Before PostgreSQL 12 the statement is refused inside a "
		"transaction block, unless the enum type was created in the same transaction: it is reported "
		"there. From PostgreSQL 12 on it runs inside one, but the new value cannot be used until the "
		"transaction commits (again unless the type was created in it): ddlint reports a string "
		"constant equal to the new value in a later statement of the same transaction (an UPDATE that "
		"sets it, a DEFAULT, an index predicate), where PostgreSQL stops with 'unsafe use of new value'. "
		"PostgreSQL's documentation of ALTER TYPE (Notes) says both; the change in 12 is in its release "
		"notes. A type created by the same migration is exempt (taken as the same transaction). Downs are "
		"never judged; a plain schema file only with safety.assume_existing. ALTER TYPE takes no table "
		"lock that 13.3 Explicit Locking lists. Not followed: a value added in one migration and used in "
		"the next where Drizzle runs both in one transaction.",
	.why = "The migration fails when it is deployed, not when it is written: PostgreSQL stops it with "
	       "'ALTER TYPE ... ADD cannot run inside a transaction block' (before 12) or 'unsafe use of new "
	       "value' (12 and later), and a tool that runs it in a transaction leaves nothing applied.",
	.bad = "-- file: 0001_orders.sql\nCREATE TYPE order_status AS ENUM ('new', 'paid');\n"
	       "CREATE TABLE orders (id bigint PRIMARY KEY, status order_status);\n"
	       "-- file: 0002_shipped.sql\nBEGIN;\nALTER TYPE order_status ADD VALUE 'shipped';\n"
	       "UPDATE orders SET status = 'shipped' WHERE id = 1;\nCOMMIT;\n",
	.good = "-- file: 0001_orders.sql\nCREATE TYPE order_status AS ENUM ('new', 'paid');\n"
		"CREATE TABLE orders (id bigint PRIMARY KEY, status order_status);\n"
		"-- file: 0002_shipped.sql\nALTER TYPE order_status ADD VALUE 'shipped';\n"
		"-- file: 0003_ship.sql\nUPDATE orders SET status = 'shipped' WHERE id = 1;\n",
	.init = init,
	.statement = statement,
	.finish = finish,
};
