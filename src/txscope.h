/*
 * txscope: which statements of a migration run inside a transaction block, and in which one,
 * as the migration's tool really runs them (for the safety/ rules that follow the replay with a
 * statement step). A unit is the statements of one part of a file as its tool runs it (a whole
 * up or down, or a section); how it runs is only known when the unit ends (a tool that sends the
 * part as one query runs several statements in one implicit transaction, a single one alone), so
 * a rule records each statement as it comes and judges the unit when the next one starts.
 */
#ifndef DDLINT_TXSCOPE_H
#define DDLINT_TXSCOPE_H

#include "ddlint/rule.h"

typedef struct dd_tx_item {
	const dd_stmt *st;
	dd_tx_control control;   /* BEGIN, COMMIT, ROLLBACK or none */
	bool outside;            /* PostgreSQL refuses it inside a transaction block */
	void *data;              /* the rule's own record of the statement, or NULL */
	/* set by dd_tx_unit_scope */
	bool in_tx;              /* it runs inside a transaction block (of the tool, BEGIN, or one query) */
	int txn;                 /* which transaction of the unit (1, 2, ...), 0 when it runs alone */
} dd_tx_item;

typedef struct dd_tx_unit {
	const dd_file *file;
	const dd_section *section;
	bool down;
	dd_tx_item **items;
	size_t n_items;
} dd_tx_unit;

/* Statement step: record st in the unit. Returns true when st starts a new unit: the rule then
 * judges the unit first (its items are those of the unit that ended), calls dd_tx_unit_start and
 * records st again. The item is run-lifetime memory. */
dd_tx_item *dd_tx_unit_add(dd_ctx *ctx, dd_tx_unit *u, const dd_stmt *st, bool *new_unit);
/* Empty the unit for statement st's part. */
void dd_tx_unit_start(dd_tx_unit *u, const dd_stmt *st);
/* Fill in_tx and txn of each item of a complete unit. Statements of a DO block share their DO's. */
void dd_tx_unit_scope(dd_tx_unit *u);
/* Statements of the unit that count on their own (those of DO blocks left out). */
size_t dd_tx_unit_count(const dd_tx_unit *u);

#endif
