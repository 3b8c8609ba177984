/*
 * ctx: what a rule sees of a run (the helpers of include/ddlint/rule.h): the model, the
 * statement being visited, options, reporting, scratch and run-lifetime memory, model
 * snapshots. Depends on run, options and model.
 */
#ifndef DDLINT_CTX_H
#define DDLINT_CTX_H

#include "options.h"

struct dd_ctx {
	struct dd_run *run;
	const dd_rule *rule;
	int rule_index;
	const dd_stmt *stmt;
	dd_arena *arena;        /* what the helpers allocate: emptied after each statement and each finish step */
};

/* A context for the rules of a run (with its own scratch arena), and its end. */
void dd_ctx_begin(dd_ctx *ctx, struct dd_run *run);
void dd_ctx_end(dd_ctx *ctx);
/* Make rule `ri` the running one. */
void dd_ctx_enter(dd_ctx *ctx, int ri);
/* Free the snapshots of a run. */
void dd_snapshots_free(struct dd_run *run);

#endif
