/*
 * lint: one run from its files to its sorted diagnostics. dd_run_lint reads as its phases:
 * plan the migrations, cut the files into units, parse, replay each statement into the model
 * (the rules visiting it), finish the rules, apply suppressions, sort.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ctx.h"
#include "migrate.h"
#include "pool.h"
#include "suppress.h"

#define DD_MAX_NODE_CASE 512
#define UNIT_MIN ((size_t)32 << 10)
#define UNIT_MAX ((size_t)128 << 10)

/* What the replay carries from one statement to the next: the context the rules run in, and
 * which rules want which statements. */
typedef struct replay {
	dd_ctx ctx;
	int *byc[DD_MAX_NODE_CASE];   /* rules whose visit wants a statement kind */
	size_t nbyc[DD_MAX_NODE_CASE];
	int *hooked;                  /* rules with a statement or applied step */
	size_t n_hooked;
} replay;

static bool rule_visits(const dd_rule *r, int node_case)
{
	if (!r->visit || !r->visits)
		return false;
	for (const int *k = r->visits; *k; k++)
		if (*k == node_case)
			return true;
	return false;
}

static bool rule_on(const dd_run *run, size_t r) { return run->severity[r] != DD_SEV_OFF; }

/* Units of about this many bytes: enough of them for every thread, none so large that its
 * trees (and libpg_query's own memory while it parses them) dominate the peak. */
static size_t unit_target(const dd_run *run)
{
	size_t total = 0;
	for (size_t i = 0; i < run->n_files; i++)
		total += run->files[i]->len;
	size_t t = total / ((size_t)run->jobs * 16);
	return t < UNIT_MIN ? UNIT_MIN : t > UNIT_MAX ? UNIT_MAX : t;
}

static void parse_work(void *arg, size_t i)
{
	dd_unit **units = arg;
	if (units[i]->cached)   /* taken from the run's parse cache */
		return;
	units[i]->arena = dd_arena_new();
	dd_parse_unit(units[i]);
}

/* The part of a migration file an offset is in (sections are in file order), or NULL. */
static const dd_section *section_at(const dd_file *f, int offset)
{
	size_t lo = 0, hi = f->n_sections;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->sections[mid].end <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->n_sections && f->sections[lo].start <= offset ? &f->sections[lo] : NULL;
}

/* The run's statements of a parsed unit: tied to their migration (a down file, a down section
 * or a verify script is down), its syntax errors reported. On the replaying thread. */
static void take_unit(dd_run *run, dd_unit *u)
{
	dd_file *f = u->file;
	dd_loc whole = { f, 0, 0 };
	dd_run_checked(run, DD_RULE_SYNTAX_ERROR, &whole, f->path);   /* syntax-error judges files */
	for (size_t i = 0; i < u->n_errors; i++) {
		dd_loc loc = { f, u->errors[i]->offset, u->errors[i]->len };
		dd_run_add_diag(run, DD_RULE_SYNTAX_ERROR, &loc, NULL, NULL, u->errors[i]->message);
	}
	u->made = dd_arena_alloc(run->arena, (u->n_stmts + 1) * sizeof *u->made);
	for (size_t i = 0; i < u->n_stmts; i++) {
		dd_stmt *st = dd_arena_alloc(run->arena, sizeof *st);
		st->file = f;
		st->node = u->stmts[i]->node;
		st->offset = u->stmts[i]->offset;
		st->len = u->stmts[i]->len;
		st->block = u->stmts[i]->block ? u->made[u->stmts[i]->block - 1] : NULL;
		st->guarded = u->stmts[i]->guarded;
		st->migration = f->migration;
		st->section = section_at(f, st->offset);
		st->down = f->role == DD_ROLE_DOWN || f->role == DD_ROLE_OTHER || (st->section && st->section->down);
		u->made[u->n_made++] = st;
		dd_migration *m = f->migration;
		if (!m || f->role == DD_ROLE_OTHER)
			continue;
		if (st->down)
			DD_PUSH(run->arena, &m->down_stmts, &m->n_down, st);
		else
			DD_PUSH(run->arena, &m->up_stmts, &m->n_up, st);
	}
}

/* Phase: which rules run on what; each enabled rule's init step. */
static void replay_begin(dd_run *run, replay *rp)
{
	dd_ctx_begin(&rp->ctx, run);
	rp->hooked = dd_arena_alloc(run->arena, (dd_rules_count + 1) * sizeof *rp->hooked);
	for (size_t r = 0; r < dd_rules_count; r++) {
		if (!rule_on(run, r))
			continue;
		const dd_rule *rule = dd_rules[r];
		for (int k = 1; k < DD_MAX_NODE_CASE; k++)
			if (rule_visits(rule, k)) {
				if (!rp->byc[k])
					rp->byc[k] = dd_arena_alloc(run->arena, dd_rules_count * sizeof *rp->byc[k]);
				rp->byc[k][rp->nbyc[k]++] = (int)r;
			}
		if (rule->statement || rule->applied)
			rp->hooked[rp->n_hooked++] = (int)r;
		if (rule->init) {
			dd_ctx_enter(&rp->ctx, (int)r);
			run->rule_state[r] = rule->init(&rp->ctx);
		}
	}
}

/* Phase: one statement. The rules see it with the model as it was before it; then it is applied
 * (down statements never are: they are for the reversibility check). */
static void replay_stmt(dd_run *run, replay *rp, dd_stmt *st)
{
	DD_PUSH(run->arena, &run->stmts, &run->n_stmts, st);
	dd_ctx *ctx = &rp->ctx;
	ctx->stmt = st;
	for (size_t i = 0; i < rp->n_hooked; i++)
		if (dd_rules[rp->hooked[i]]->statement) {
			dd_ctx_enter(ctx, rp->hooked[i]);
			ctx->rule->statement(ctx, st);
		}
	if (!st->down) {
		int k = (int)st->node->node_case;
		if (k > 0 && k < DD_MAX_NODE_CASE)
			for (size_t r = 0; r < rp->nbyc[k]; r++) {
				dd_ctx_enter(ctx, rp->byc[k][r]);
				ctx->rule->visit(ctx, st->node);
			}
		dd_arena_reset(ctx->arena);
		dd_model_apply(run->model, st);
		for (size_t i = 0; i < rp->n_hooked; i++)
			if (dd_rules[rp->hooked[i]]->applied) {
				dd_ctx_enter(ctx, rp->hooked[i]);
				ctx->rule->applied(ctx, st);
			}
		const dd_migration *m = st->migration;
		if (run->on_migration && m && m->n_up && m->up_stmts[m->n_up - 1] == st)
			run->on_migration(run, m, run->on_migration_arg);
	}
	dd_arena_reset(ctx->arena);
}

/* Phases: parse and replay. Migration files first, and kept: each migration's up and down must
 * be known before its up is replayed, and its down's trees are replayed onto a copy of the model
 * later. The rest streams: parsed ahead on the worker threads, replayed in order on this one,
 * and each unit's trees freed once replayed, so a large dump never holds all its trees. */
static void parse_and_replay(dd_run *run, replay *rp)
{
	dd_unit **kept = dd_arena_alloc(run->arena, (run->n_units + 1) * sizeof *kept);
	dd_unit **streamed = dd_arena_alloc(run->arena, (run->n_units + 1) * sizeof *streamed);
	size_t n_kept = 0, n_streamed = 0;
	for (size_t i = 0; i < run->n_units; i++) {
		if (run->units[i]->keep)
			kept[n_kept++] = run->units[i];
		else
			streamed[n_streamed++] = run->units[i];
	}
	for (size_t i = 0; run->parse_cache && i < n_kept; i++)
		dd_parse_cache_take(run->parse_cache, kept[i]);
	dd_pool *pool = dd_pool_start(n_kept, run->jobs, n_kept, parse_work, kept);
	for (size_t i = 0; i < n_kept; i++) {
		dd_pool_wait(pool, i);
		take_unit(run, kept[i]);
	}
	dd_pool_end(pool);
	for (size_t i = 0; run->parse_cache && i < n_kept; i++)
		dd_parse_cache_keep(run->parse_cache, kept[i]);

	replay_begin(run, rp);
	pool = dd_pool_start(n_streamed, run->jobs, (size_t)run->jobs * 2, parse_work, streamed);
	size_t s = 0;
	for (size_t i = 0; i < run->n_units; i++) {
		dd_unit *u = run->units[i];
		if (!u->keep) {
			dd_pool_wait(pool, s);
			take_unit(run, u);
		}
		for (size_t k = 0; k < u->n_made; k++)
			replay_stmt(run, rp, u->made[k]);
		if (!u->keep) {
			for (size_t k = 0; k < u->n_made; k++)
				u->made[k]->node = NULL;
			dd_arena_free(u->arena);
			u->arena = NULL;
			dd_pool_release(pool, s++);
		}
	}
	dd_pool_end(pool);
}

/* Phase: every enabled rule's finish step, on the model as the whole run leaves it. */
static void finish_rules(dd_run *run, replay *rp)
{
	dd_ctx *ctx = &rp->ctx;
	ctx->stmt = NULL;
	for (size_t r = 0; r < dd_rules_count; r++) {
		if (!rule_on(run, r) || !dd_rules[r]->finish)
			continue;
		dd_ctx_enter(ctx, (int)r);
		ctx->rule->finish(ctx);
		dd_arena_reset(ctx->arena);
	}
}

/* A run is made here, at the top, where every module that keeps something in it is known. */
dd_run *dd_run_new(void)
{
	dd_run *run = dd_xcalloc(1, sizeof *run);
	run->arena = dd_arena_new();
	run->jobs = 1;
	run->postgres_version = DD_PG_VERSION_DEFAULT;
	run->severity = dd_arena_alloc(run->arena, (dd_rules_count + 1) * sizeof *run->severity);
	for (size_t i = 0; i < dd_rules_count; i++)
		run->severity[i] = dd_rules[i]->severity;
	run->rule_state = dd_arena_alloc(run->arena, (dd_rules_count + 1) * sizeof *run->rule_state);
	run->model = dd_model_new(run->arena);
	dd_options_init(run);
	return run;
}

void dd_run_free(dd_run *run)
{
	if (!run)
		return;
	dd_snapshots_free(run);
	dd_model_free(run->model);
	for (size_t i = 0; i < run->n_units; i++) {
		dd_arena_free(run->units[i]->arena);
		free(run->units[i]->original);
	}
	dd_options_free(run);
	for (size_t i = 0; run->checked && i < dd_rules_count; i++)
		dd_map_free(&run->checked[i]);
	dd_map_free(&run->real_dirs);
	dd_map_free(&run->real_files);
	free(run->sorted);
	dd_arena_free(run->arena);
	free(run);
}

void dd_run_on_migration(dd_run *run, void (*fn)(dd_run *run, const dd_migration *m, void *arg), void *arg)
{
	run->on_migration = fn;
	run->on_migration_arg = arg;
}

void dd_run_on_finish(dd_run *run, void (*fn)(dd_run *run, void *arg), void *arg)
{
	run->on_finish = fn;
	run->on_finish_arg = arg;
}

void dd_run_set_command(dd_run *run, const char *command) { run->command = command; }

int dd_run_lint(dd_run *run)
{
	if (run->linted) {
		snprintf(run->error, sizeof run->error, "the run was already linted");
		return -1;
	}
	run->linted = true;
	dd_migrations_plan(run);
	size_t target = unit_target(run);
	for (size_t i = 0; i < run->n_files; i++)
		dd_plan_units(run->arena, run->files[i], target, &run->units, &run->n_units);
	replay *rp = dd_xcalloc(1, sizeof *rp);
	parse_and_replay(run, rp);
	finish_rules(run, rp);
	dd_ctx_end(&rp->ctx);
	free(rp);
	dd_snapshots_free(run);
	if (run->on_finish)
		run->on_finish(run, run->on_finish_arg);
	dd_apply_suppressions(run);
	dd_run_sort_diags(run);
	return 0;
}
