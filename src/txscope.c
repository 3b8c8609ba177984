/* txscope: which statements of a unit run inside a transaction block (see txscope.h). */
#include "txscope.h"

void dd_tx_unit_start(dd_tx_unit *u, const dd_stmt *st)
{
	u->file = st ? st->file : NULL;
	u->section = st ? st->section : NULL;
	u->down = st && st->down;
	u->items = NULL;
	u->n_items = 0;
}

dd_tx_item *dd_tx_unit_add(dd_ctx *ctx, dd_tx_unit *u, const dd_stmt *st, bool *new_unit)
{
	*new_unit = u->n_items && (st->file != u->file || st->section != u->section || st->down != u->down);
	if (*new_unit)
		return NULL;
	if (!u->n_items)
		dd_tx_unit_start(u, st);
	dd_tx_item *it = dd_run_alloc(ctx, sizeof *it);
	it->st = st;
	it->control = dd_stmt_transaction_control(st->node);
	it->outside = dd_stmt_outside_transaction(st->node) != NULL;
	dd_run_push(ctx, (void ***)&u->items, &u->n_items, it);
	return it;
}

size_t dd_tx_unit_count(const dd_tx_unit *u)
{
	size_t n = 0;
	for (size_t i = 0; i < u->n_items; i++)
		n += !u->items[i]->st->block;
	return n;
}

void dd_tx_unit_scope(dd_tx_unit *u)
{
	dd_txmode tx = u->section ? u->section->tx : DD_TXMODE_NONE;
	size_t n = 0, n_outside = 0;
	for (size_t i = 0; i < u->n_items; i++)
		if (!u->items[i]->st->block) {
			n++;
			n_outside += u->items[i]->outside;
		}
	/* Flyway runs a migration of only such statements outside a transaction */
	bool tool = tx == DD_TXMODE_OWN || tx == DD_TXMODE_RUN || (tx == DD_TXMODE_OWN_OR_NONE && n_outside < n);
	bool implicit = tx == DD_TXMODE_IMPLICIT && n > 1;
	bool in = tool || implicit;
	int txn = in ? 1 : 0, next = 2;
	const dd_tx_item *last = NULL;   /* the last statement that is not a DO block's */
	for (size_t i = 0; i < u->n_items; i++) {
		dd_tx_item *it = u->items[i];
		if (it->st->block && last) {
			it->in_tx = last->in_tx;
			it->txn = last->txn;
			continue;
		}
		if (it->control == DD_TX_BEGIN && !in) {
			in = true;
			txn = next++;
		}
		it->in_tx = in;
		it->txn = in ? txn : 0;
		if (it->control == DD_TX_COMMIT || it->control == DD_TX_ROLLBACK) {
			/* what follows in the same query is a new implicit transaction */
			in = implicit;
			txn = in ? next++ : 0;
		}
		last = it;
	}
}
