/* The rule engine: a run's files, replay into the model, visitors, finish steps, diagnostics. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "internal.h"

#define MAX_FILE_BYTES ((size_t)1 << 30)
#define DD_MAX_NODE_CASE 512
#define UNIT_MIN ((size_t)32 << 10)
#define UNIT_MAX ((size_t)128 << 10)

#include <regex.h>

struct dd_ctx {
	dd_run *run;
	const dd_rule *rule;
	int rule_index;
	const dd_stmt *stmt;
	dd_arena *arena;        /* what the helpers allocate: emptied after each statement and each finish step */
};

struct dd_rule_opts {
	size_t n;
	const dd_value **values;   /* per declared option; NULL until read or set */
	regex_t **patterns;        /* compiled DD_OPT_PATTERN values */
};

const char *dd_severity_name(dd_severity sev)
{
	switch (sev) {
	case DD_SEV_ERROR: return "error";
	case DD_SEV_WARNING: return "warning";
	case DD_SEV_INFO: return "info";
	default: return "off";
	}
}

int dd_severity_parse(const char *name, dd_severity *out)
{
	static const char *const names[] = { "off", "info", "warning", "error" };
	for (int i = 0; i < 4; i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (dd_severity)i;
			return 0;
		}
	return -1;
}

int dd_rule_find(const char *id)
{
	for (size_t i = 0; i < dd_rules_count; i++)
		if (strcmp(dd_rules[i]->id, id) == 0)
			return (int)i;
	return -1;
}

dd_run *dd_run_new(void)
{
	dd_run *run = calloc(1, sizeof *run);
	if (!run)
		return NULL;
	run->arena = dd_arena_new();
	run->jobs = 1;
	run->severity = dd_arena_alloc(run->arena, (dd_rules_count + 1) * sizeof *run->severity);
	for (size_t i = 0; i < dd_rules_count; i++)
		run->severity[i] = dd_rules[i]->severity;
	run->model = dd_model_new(run->arena);
	run->opts = dd_arena_alloc(run->arena, (dd_rules_count + 1) * sizeof *run->opts);
	for (size_t i = 0; i < dd_rules_count; i++) {
		size_t n = 0;
		for (const dd_option *o = dd_rules[i]->options; o && o->name; o++)
			n++;
		run->opts[i].n = n;
		run->opts[i].values = dd_arena_alloc(run->arena, (n + 1) * sizeof *run->opts[i].values);
		run->opts[i].patterns = dd_arena_alloc(run->arena, (n + 1) * sizeof *run->opts[i].patterns);
	}
	return run;
}

void dd_run_free(dd_run *run)
{
	if (!run)
		return;
	dd_model_free(run->model);
	for (size_t i = 0; i < run->n_units; i++)
		dd_arena_free(run->units[i]->arena);
	for (size_t i = 0; run->opts && i < dd_rules_count; i++)
		for (size_t k = 0; k < run->opts[i].n; k++)
			if (run->opts[i].patterns[k]) {
				regfree(run->opts[i].patterns[k]);
				free(run->opts[i].patterns[k]);
			}
	free(run->sorted);
	dd_arena_free(run->arena);
	free(run);
}

const char *dd_run_error(const dd_run *run) { return run->error; }
size_t dd_run_file_count(const dd_run *run) { return run->n_files; }

int dd_run_set_severity(dd_run *run, const char *rule_id, dd_severity severity)
{
	int i = dd_rule_find(rule_id);
	if (i < 0) {
		snprintf(run->error, sizeof run->error, "unknown rule '%s'", rule_id);
		return -1;
	}
	run->severity[i] = severity;
	return 0;
}

static dd_file *new_file(dd_run *run, const char *display, bool report)
{
	dd_file *f = dd_arena_alloc(run->arena, sizeof *f);
	f->path = dd_arena_strdup(run->arena, display);
	f->report = report;
	f->index = run->n_files;
	f->up_start = f->up_end = f->down_start = f->down_end = -1;
	DD_PUSH(run->arena, &run->files, &run->n_files, f);
	return f;
}

int dd_run_add_buffer(dd_run *run, const char *display, const char *data, size_t len, bool report)
{
	dd_file *f = new_file(run, display, report);
	f->text = dd_arena_strndup(run->arena, data, len);
	f->len = len;
	dd_file_index_lines(run->arena, f);
	return 0;
}

int dd_run_add_path(dd_run *run, const char *path, const char *display, bool report)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		snprintf(run->error, sizeof run->error, "cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	struct stat sb;
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(fp);
		snprintf(run->error, sizeof run->error, "cannot read '%s': is a directory", path);
		return -1;
	}
	/* Read to the end whatever the size claims: the file may change while we read it. */
	size_t cap = sb.st_size > 0 ? (size_t)sb.st_size + 1 : 65536, len = 0;
	char *buf = malloc(cap + 1);
	if (!buf) {
		fclose(fp);
		snprintf(run->error, sizeof run->error, "cannot read '%s': out of memory", path);
		return -1;
	}
	for (;;) {
		size_t got = fread(buf + len, 1, cap - len, fp);
		len += got;
		if (got == 0)
			break;
		if (len == cap) {
			if (cap >= MAX_FILE_BYTES) {
				free(buf);
				fclose(fp);
				snprintf(run->error, sizeof run->error, "cannot read '%s': larger than 1 GiB", path);
				return -1;
			}
			cap *= 2;
			char *nb = realloc(buf, cap + 1);
			if (!nb) {
				free(buf);
				fclose(fp);
				snprintf(run->error, sizeof run->error, "cannot read '%s': out of memory", path);
				return -1;
			}
			buf = nb;
		}
	}
	int err = ferror(fp) ? errno : 0;
	fclose(fp);
	if (err) {
		free(buf);
		snprintf(run->error, sizeof run->error, "cannot read '%s': %s", path, strerror(err));
		return -1;
	}
	int rc = dd_run_add_buffer(run, display, buf, len, report);
	free(buf);
	char *real = realpath(path, NULL);
	run->files[run->n_files - 1]->fs_real = dd_arena_strdup(run->arena, real ? real : path);
	free(real);
	return rc;
}

static void add_diag(dd_run *run, int ri, const char *rule, const dd_loc *loc, const char *object,
		     const char *suggestion, const char *message);

void dd_run_add_diag(dd_run *run, const char *rule, const dd_loc *loc, const char *object,
		     const char *suggestion, const char *message)
{
	add_diag(run, dd_rule_find(rule), rule, loc, object, suggestion, message);
}

static void add_diag(dd_run *run, int ri, const char *rule, const dd_loc *loc, const char *object,
		     const char *suggestion, const char *message)
{
	dd_severity sev = ri >= 0 ? run->severity[ri] : DD_SEV_ERROR;
	if (sev == DD_SEV_OFF || !loc->file->report)
		return;
	dd_diag *d = dd_arena_alloc(run->arena, sizeof *d);
	d->file = loc->file;
	d->path = loc->file->path;
	d->offset = loc->offset;
	dd_file_position(loc->file, loc->offset, &d->line, &d->column);
	dd_file_position(loc->file, loc->offset + (loc->len > 0 ? loc->len : 0), &d->end_line, &d->end_column);
	d->rule = ri >= 0 ? dd_rules[ri]->id : dd_arena_strdup(run->arena, rule);
	d->severity = sev;
	d->message = dd_arena_strdup(run->arena, message);
	d->object = dd_arena_strdup(run->arena, object);
	d->suggestion = dd_arena_strdup(run->arena, suggestion);
	DD_PUSH(run->arena, &run->diags, &run->n_diags, d);
}

static int diag_cmp(const void *pa, const void *pb)
{
	const dd_diag *a = pa, *b = pb;
	if (a->file->index != b->file->index)
		return a->file->index < b->file->index ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	int c = strcmp(a->rule, b->rule);
	if (c)
		return c;
	return strcmp(a->message, b->message);
}

static bool rule_visits(const dd_rule *r, int node_case)
{
	if (!r->visit || !r->visits)
		return false;
	for (const int *k = r->visits; *k; k++)
		if (*k == node_case)
			return true;
	return false;
}

/* The run's statements of a parsed unit: tied to their migration (a down file, a down section
 * or a verify script is down), its syntax errors reported. On the consumer's thread. */
static void take_unit(dd_run *run, dd_unit *u)
{
	dd_file *f = u->file;
	for (size_t i = 0; i < u->n_errors; i++) {
		dd_loc loc = { f, u->errors[i]->offset, u->errors[i]->len };
		dd_run_add_diag(run, "syntax-error", &loc, NULL, NULL, u->errors[i]->message);
	}
	u->made = dd_arena_alloc(run->arena, (u->n_stmts + 1) * sizeof *u->made);
	for (size_t i = 0; i < u->n_stmts; i++) {
		dd_stmt *st = dd_arena_alloc(run->arena, sizeof *st);
		st->file = f;
		st->node = u->stmts[i]->node;
		st->offset = u->stmts[i]->offset;
		st->len = u->stmts[i]->len;
		st->transaction_control = dd_stmt_transaction_control(st->node);
		st->outside_transaction = dd_stmt_outside_transaction(st->node);
		st->migration = f->migration;
		st->down = f->role == DD_ROLE_DOWN || f->role == DD_ROLE_OTHER ||
			   (f->role == DD_ROLE_UP_AND_DOWN && f->down_start >= 0 && st->offset >= f->down_start);
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

struct names { dd_map map; dd_arena *arena; };

static void add_name(const char *s, void *arg)
{
	struct names *n = arg;
	if (!dd_map_get(&n->map, s))
		dd_map_put(&n->map, n->arena, s, (void *)1);
}

/* Every name the up and the down of a migration write: the objects they can change. */
static void migration_names(dd_migration *m, dd_arena *a, dd_map *out)
{
	struct names n = { { 0 }, a };
	for (size_t i = 0; i < m->n_up; i++)
		dd_tree_strings(&m->up_stmts[i]->node->base, add_name, &n);
	for (size_t i = 0; i < m->n_down; i++)
		dd_tree_strings(&m->down_stmts[i]->node->base, add_name, &n);
	*out = n.map;
}

/* A reversibility check under way: what the model was before a migration's up, among the
 * objects its statements name (the rest of the schema cannot differ). */
typedef struct reversal {
	dd_migration *m;             /* NULL: none under way */
	dd_arena *scratch;           /* the names, the fingerprint and the copy of the model */
	dd_map names;
	const char **before;
	size_t n_before;
} reversal;

static void reversal_free(reversal *rv)
{
	dd_map_free(&rv->names);
	dd_arena_free(rv->scratch);
	memset(rv, 0, sizeof *rv);
}

static void reversal_begin(dd_run *run, dd_migration *m, reversal *rv)
{
	reversal_free(rv);   /* a check that never reached its last up statement */
	rv->m = m;
	rv->scratch = dd_arena_new();
	migration_names(m, rv->scratch, &rv->names);
	rv->n_before = dd_model_fingerprint(rv->scratch, run->model, &rv->names, &rv->before);
}

/* Apply the migration's down to a copy of the model as it is now and compare the two. */
static void reversal_end(dd_run *run, reversal *rv)
{
	dd_migration *m = rv->m;
	const char **before = rv->before;
	size_t n_before = rv->n_before;
	dd_model *copy = dd_model_clone(rv->scratch, run->model, &rv->names);
	for (size_t i = 0; i < m->n_down; i++)
		dd_model_apply(copy, m->down_stmts[i]);
	const char **after;
	size_t n_after = dd_model_fingerprint(rv->scratch, copy, &rv->names, &after);
	dd_model_free(copy);
	size_t a = 0, b = 0;
	while (a < n_before || b < n_after) {
		int c = a == n_before ? 1 : b == n_after ? -1 : strcmp(before[a], after[b]);
		if (c < 0)
			DD_PUSH(run->arena, &m->missing, &m->n_missing, dd_arena_strdup(run->arena, before[a++]));
		else if (c > 0)
			DD_PUSH(run->arena, &m->left_over, &m->n_left_over, dd_arena_strdup(run->arena, after[b++]));
		else
			a++, b++;
	}
	m->reversibility_checked = true;
	reversal_free(rv);
}

dd_migration *const *dd_ctx_migrations(const dd_ctx *ctx, size_t *n)
{
	*n = ctx->run->n_migrations;
	return ctx->run->migrations;
}

/* What the replay carries from one statement to the next. */
typedef struct replay {
	dd_ctx ctx;
	int *byc[DD_MAX_NODE_CASE];   /* which rules visit which statement kind */
	size_t nbyc[DD_MAX_NODE_CASE];
	reversal checking;            /* the migration whose up is being replayed, when it has a down to check */
	bool reversible;              /* the check is wanted: migration/reversible is on */
} replay;

static void replay_stmt(dd_run *run, replay *rp, dd_stmt *st)
{
	DD_PUSH(run->arena, &run->stmts, &run->n_stmts, st);
	/* down statements are checked against their up, never replayed into the model */
	if (st->down)
		return;
	dd_migration *m = st->migration;
	if (m && rp->reversible && m != rp->checking.m && m->reported && m->n_down && m->up == st->file)
		reversal_begin(run, m, &rp->checking);
	int k = (int)st->node->node_case;
	rp->ctx.stmt = st;
	if (k > 0 && k < DD_MAX_NODE_CASE)
		for (size_t r = 0; r < rp->nbyc[k]; r++) {
			rp->ctx.rule_index = rp->byc[k][r];
			rp->ctx.rule = dd_rules[rp->ctx.rule_index];
			rp->ctx.rule->visit(&rp->ctx, st->node);
		}
	dd_arena_reset(rp->ctx.arena);
	dd_model_apply(run->model, st);
	/* the last up statement of the migration being checked: apply its down to a copy */
	if (rp->checking.m && m == rp->checking.m && st == m->up_stmts[m->n_up - 1])
		reversal_end(run, &rp->checking);
}

static void parse_work(void *arg, size_t i)
{
	dd_unit **units = arg;
	units[i]->arena = dd_arena_new();
	dd_parse_unit(units[i]);
}

void dd_run_set_jobs(dd_run *run, int jobs) { run->jobs = jobs > 0 ? jobs : 1; }

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
		dd_plan_units(run, run->files[i], target);

	/* Migration files first, and kept: each migration's up and down must be known before
	 * its up is replayed, and its down's trees are replayed onto a copy of the model later. */
	dd_unit **kept = dd_arena_alloc(run->arena, (run->n_units + 1) * sizeof *kept);
	dd_unit **streamed = dd_arena_alloc(run->arena, (run->n_units + 1) * sizeof *streamed);
	size_t n_kept = 0, n_streamed = 0;
	for (size_t i = 0; i < run->n_units; i++) {
		if (run->units[i]->keep)
			kept[n_kept++] = run->units[i];
		else
			streamed[n_streamed++] = run->units[i];
	}
	dd_pool *pool = dd_pool_start(n_kept, run->jobs, n_kept, parse_work, kept);
	for (size_t i = 0; i < n_kept; i++) {
		dd_pool_wait(pool, i);
		take_unit(run, kept[i]);
	}
	dd_pool_end(pool);

	replay *rp = calloc(1, sizeof *rp);
	if (!rp) {
		snprintf(run->error, sizeof run->error, "out of memory");
		return -1;
	}
	for (int k = 1; k < DD_MAX_NODE_CASE; k++)
		for (size_t r = 0; r < dd_rules_count; r++)
			if (run->severity[r] != DD_SEV_OFF && rule_visits(dd_rules[r], k)) {
				if (!rp->byc[k])
					rp->byc[k] = dd_arena_alloc(run->arena, dd_rules_count * sizeof *rp->byc[k]);
				rp->byc[k][rp->nbyc[k]++] = (int)r;
			}
	rp->ctx.run = run;
	rp->ctx.rule_index = -1;
	int ri = dd_rule_find("migration/reversible");
	bool reversible = ri >= 0 && run->severity[ri] != DD_SEV_OFF;
	rp->reversible = reversible;
	rp->ctx.arena = dd_arena_new();

	/* The rest streams: parsed ahead on the worker threads, replayed in order on this one,
	 * and each unit's trees freed once replayed, so a large dump never holds all its trees. */
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
	reversal_free(&rp->checking);
	dd_ctx ctx = rp->ctx;
	free(rp);
	/* a migration whose up has no statement still gets its down checked against the model as it is */
	for (size_t i = 0; i < run->n_migrations; i++) {
		dd_migration *m = run->migrations[i];
		if (reversible && m->reported && m->n_down && !m->reversibility_checked && m->n_up == 0) {
			reversal rv = { 0 };
			reversal_begin(run, m, &rv);
			reversal_end(run, &rv);
		}
	}
	ctx.stmt = NULL;
	for (size_t r = 0; r < dd_rules_count; r++) {
		if (run->severity[r] == DD_SEV_OFF || !dd_rules[r]->finish)
			continue;
		ctx.rule = dd_rules[r];
		ctx.rule_index = (int)r;
		ctx.rule->finish(&ctx);
		dd_arena_reset(ctx.arena);
	}

	dd_arena_free(ctx.arena);

	dd_apply_suppressions(run);

	run->sorted = malloc((run->n_diags ? run->n_diags : 1) * sizeof *run->sorted);
	if (!run->sorted) {
		snprintf(run->error, sizeof run->error, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < run->n_diags; i++)
		run->sorted[i] = *run->diags[i];
	qsort(run->sorted, run->n_diags, sizeof *run->sorted, diag_cmp);
	return 0;
}

const dd_diag *dd_run_diagnostics(const dd_run *run, size_t *count)
{
	*count = run->sorted ? run->n_diags : 0;
	return run->sorted;
}

/* ---- the rule-facing API ---- */

const dd_model *dd_ctx_model(const dd_ctx *ctx) { return ctx->run->model; }
const dd_file *dd_ctx_file(const dd_ctx *ctx) { return ctx->stmt ? ctx->stmt->file : NULL; }
int dd_ctx_stmt_offset(const dd_ctx *ctx) { return ctx->stmt ? ctx->stmt->offset : 0; }
int dd_ctx_stmt_len(const dd_ctx *ctx) { return ctx->stmt ? ctx->stmt->len : 0; }

void dd_report(dd_ctx *ctx, dd_loc loc, const char *object, const char *suggestion, const char *fmt, ...)
{
	if (!loc.file)
		return;
	if (!loc.file->report)
		return;   /* context files are never reported: do not even format the message */
	va_list ap;
	va_start(ap, fmt);
	char *msg = dd_arena_vsprintf(ctx->arena, fmt, ap);
	va_end(ap);
	add_diag(ctx->run, ctx->rule_index, ctx->rule->id, &loc, object, suggestion, msg);
}

void *dd_alloc(dd_ctx *ctx, size_t size) { return dd_arena_alloc(ctx->arena, size); }

char *dd_strdup(dd_ctx *ctx, const char *s) { return dd_arena_strdup(ctx->arena, s); }

char *dd_sprintf(dd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = dd_arena_vsprintf(ctx->arena, fmt, ap);
	va_end(ap);
	return s;
}

char *dd_qualified(dd_ctx *ctx, const char *schema, const char *name, const char *col)
{
	if (col)
		return dd_sprintf(ctx, "%s.%s.%s", schema, name, col);
	return dd_sprintf(ctx, "%s.%s", schema, name);
}

static int option_index(const dd_rule *r, const char *name)
{
	int i = 0;
	for (const dd_option *o = r->options; o && o->name; o++, i++)
		if (strcmp(o->name, name) == 0)
			return i;
	return -1;
}

static bool is_int(const char *s)
{
	char *end;
	if (!*s)
		return false;
	strtol(s, &end, 10);
	return *end == '\0';
}

/* glibc's regcomp copies the tree of a repeated part once per repetition, so
 * stacked or nested repetition ("a+++...", "((a{0,99}){0,99}){0,99}") can take
 * gigabytes before it returns (found by fuzz_config). The copies a pattern
 * needs are estimated here (the product of the counts around each atom) and a
 * pattern needing more than RE_DUP_MAX (32767) is refused with a reason. */
static bool pattern_too_repetitive(const char *p)
{
	enum { LIMIT = 32767, MAX_DEPTH = 64 };
	long gmax[MAX_DEPTH] = {1};
	int depth = 0;
	long cur = 0;   /* copies of the atom just read; 0 when there is none */
#define COMMIT() do { if (cur > gmax[depth]) gmax[depth] = cur; } while (0)
	for (size_t i = 0; p[i]; i++) {
		char c = p[i];
		if (c == '*' || c == '+') {
			cur *= 2;
		} else if (c == '?') {
			/* optional: no copy */
		} else if (c == '{' && p[i + 1] >= '0' && p[i + 1] <= '9') {
			long m = 0, n = -1;
			for (i++; p[i] >= '0' && p[i] <= '9'; i++)
				m = m < LIMIT ? m * 10 + (p[i] - '0') : m;
			if (p[i] == ',') {
				n = m + 1;   /* "{m,}": m copies and a star */
				if (p[i + 1] >= '0' && p[i + 1] <= '9')
					for (n = 0, i++; p[i] >= '0' && p[i] <= '9'; i++)
						n = n < LIMIT ? n * 10 + (p[i] - '0') : n;
				else
					i++;
			}
			long times = n > m ? n : m;
			cur *= times > 0 ? times : 1;
			if (p[i] != '}')
				return false;   /* malformed interval: regcomp reports it */
		} else if (c == '(') {
			COMMIT();
			if (++depth == MAX_DEPTH)
				return true;
			gmax[depth] = 1;
			cur = 0;
		} else if (c == ')' && depth > 0) {
			COMMIT();
			cur = gmax[depth--];
		} else if (c == '|' || c == '^' || c == '$') {
			COMMIT();
			cur = 0;
		} else {
			COMMIT();
			cur = 1;
			if (c == '\\' && p[i + 1]) {
				i++;
			} else if (c == '[') {
				size_t j = i + 1;
				if (p[j] == '^')
					j++;
				if (p[j] == ']')
					j++;
				while (p[j] && p[j] != ']') {
					if (p[j] == '[' && (p[j + 1] == ':' || p[j + 1] == '.' || p[j + 1] == '=')) {
						char end = p[j + 1];
						for (j += 2; p[j] && !(p[j] == end && p[j + 1] == ']'); j++)
							;
						if (p[j])
							j++;
					}
					if (p[j])
						j++;
				}
				if (!p[j])
					return false;   /* unterminated bracket: regcomp reports it */
				i = j;
			}
		}
		if (cur > LIMIT)
			return true;
	}
	COMMIT();
#undef COMMIT
	return false;
}

const char *dd_option_check(const dd_option *o, const dd_value *v, const dd_value **at)
{
	*at = v;
	switch (o->type) {
	case DD_OPT_BOOL:
		return dd_value_bool(v) < 0 ? "expected true or false" : NULL;
	case DD_OPT_INT:
		return v->kind != DD_VAL_SCALAR || !is_int(v->text) ? "expected a whole number" : NULL;
	case DD_OPT_STRING:
		return v->kind != DD_VAL_SCALAR ? "expected a string" : NULL;
	case DD_OPT_PATTERN: {
		if (v->kind != DD_VAL_SCALAR)
			return "expected a regular expression";
		if (pattern_too_repetitive(v->text))
			return "regular expression repeats too much (nested or stacked repetition would need more than 32767 copies)";
		regex_t re;
		if (regcomp(&re, v->text, REG_EXTENDED | REG_NOSUB) != 0)
			return "invalid regular expression (POSIX extended syntax)";
		regfree(&re);
		return NULL;
	}
	case DD_OPT_LIST:
		if (v->kind != DD_VAL_LIST)
			return "expected a list of strings";
		for (size_t i = 0; i < v->n_items; i++)
			if (v->items[i]->kind != DD_VAL_SCALAR) {
				*at = v->items[i];
				return "expected a string";
			}
		return NULL;
	case DD_OPT_STRUCT:
		return o->validate ? o->validate(v, at) : NULL;
	}
	return NULL;
}

/* The value of option `oi` of rule `ri`: configured, or its default parsed once. */
static const dd_value *option_value(dd_run *run, int ri, int oi)
{
	struct dd_rule_opts *ro = &run->opts[ri];
	if (!ro->values[oi]) {
		const dd_option *o = &dd_rules[ri]->options[oi];
		dd_value *v;
		char err[256];
		char *where = dd_arena_sprintf(run->arena, "default of %s.%s", dd_rules[ri]->id, o->name);
		const char *text = o->default_value ? o->default_value : "";
		const dd_value *bad;
		if (dd_yaml_parse(run->arena, text, strlen(text), where, &v, err, sizeof err) != 0 ||
		    dd_option_check(o, v, &bad) != NULL) {
			/* a rule shipping a default that does not fit its own type is a programming error */
			fprintf(stderr, "ddlint: bad %s: %s\n", where, text);
			abort();
		}
		ro->values[oi] = v;
	}
	return ro->values[oi];
}

int dd_run_set_option(dd_run *run, const char *rule_id, const char *name, const dd_value *v)
{
	int ri = dd_rule_find(rule_id);
	int oi = ri >= 0 ? option_index(dd_rules[ri], name) : -1;
	if (oi < 0) {
		snprintf(run->error, sizeof run->error, "unknown option '%s' of rule '%s'", name, rule_id);
		return -1;
	}
	run->opts[ri].values[oi] = v;
	return 0;
}

static const dd_value *ctx_option(dd_ctx *ctx, const char *name, int *oi)
{
	*oi = option_index(ctx->rule, name);
	if (*oi < 0) {
		/* a rule asking for an option it never declared is a programming error */
		fprintf(stderr, "ddlint: rule '%s' reads undeclared option '%s'\n", ctx->rule->id, name);
		abort();
	}
	return option_value(ctx->run, ctx->rule_index, *oi);
}

const dd_value *dd_opt_value(dd_ctx *ctx, const char *name)
{
	int oi;
	return ctx_option(ctx, name, &oi);
}

bool dd_opt_bool(dd_ctx *ctx, const char *name) { return dd_value_bool(dd_opt_value(ctx, name)) == 1; }
long dd_opt_int(dd_ctx *ctx, const char *name) { return strtol(dd_opt_value(ctx, name)->text, NULL, 10); }
const char *dd_opt_string(dd_ctx *ctx, const char *name) { return dd_opt_value(ctx, name)->text; }

const char *const *dd_opt_list(dd_ctx *ctx, const char *name, size_t *n)
{
	const dd_value *v = dd_opt_value(ctx, name);
	const char **items = dd_arena_alloc(ctx->arena, (v->n_items + 1) * sizeof *items);
	for (size_t i = 0; i < v->n_items; i++)
		items[i] = v->items[i]->text;
	*n = v->n_items;
	return items;
}

bool dd_opt_match(dd_ctx *ctx, const char *name, const char *s)
{
	int oi;
	const dd_value *v = ctx_option(ctx, name, &oi);
	struct dd_rule_opts *ro = &ctx->run->opts[ctx->rule_index];
	if (!ro->patterns[oi]) {
		regex_t *re = malloc(sizeof *re);
		if (!re || regcomp(re, v->text, REG_EXTENDED | REG_NOSUB) != 0) {
			free(re);
			return true;   /* checked when configured; cannot happen for a valid default */
		}
		ro->patterns[oi] = re;
	}
	return regexec(ro->patterns[oi], s, 0, NULL, 0) == 0;
}

const char *dd_ident_at(dd_ctx *ctx, const dd_file *f, int offset, dd_loc *span, bool *quoted)
{
	if (offset < 0 || !f)
		return NULL;
	dd_tok t = dd_lex_next(f->text, (int)f->len, offset);
	if (t.start != offset || (t.kind != DD_TOK_IDENT && t.kind != DD_TOK_QIDENT))
		return NULL;
	if (span) {
		span->file = f;
		span->offset = t.start;
		span->len = t.end - t.start;
	}
	if (quoted)
		*quoted = t.kind == DD_TOK_QIDENT;
	if (t.kind == DD_TOK_QIDENT)
		return dd_tok_ident(ctx->arena, f->text, t);
	return dd_arena_strndup(ctx->arena, f->text + t.start, (size_t)(t.end - t.start));
}

dd_loc dd_find_ident(dd_ctx *ctx, int from, const char *name)
{
	if (!ctx->stmt) {
		dd_loc none = { NULL, 0, 0 };
		return none;
	}
	return dd_stmt_find_ident(ctx->stmt, from, name);
}

const char *dd_expr_text(dd_ctx *ctx, const PgQuery__Node *expr)
{
	return dd_deparse_expr(ctx->arena, expr);
}

const dd_table *dd_next_table(const dd_ctx *ctx, size_t *i, unsigned skip)
{
	const dd_model *m = ctx->run->model;
	while (*i < m->n_tables) {
		const dd_table *t = m->tables[(*i)++];
		if (t->dropped || dd_is_system_schema(t->schema) || ((skip & DD_SKIP_TEMP) && t->persistence == 't') ||
		    ((skip & DD_SKIP_PARTITIONS) && t->parent) || ((skip & DD_SKIP_TOOL_TABLES) && dd_is_tool_table(t)))
			continue;
		return t;
	}
	return NULL;
}

void dd_each_column(dd_ctx *ctx, void (*fn)(dd_ctx *, const dd_coldef *, void *), void *arg)
{
	const dd_model *m = ctx->run->model;
	dd_coldef def;
	for (size_t i = 0; i < m->n_tables; i++) {
		const dd_table *t = m->tables[i];
		/* a partition's columns are its partitioned table's: judged there */
		if (t->dropped || t->persistence == 't' || t->parent || dd_is_system_schema(t->schema))
			continue;
		for (size_t k = 0; k < t->n_columns; k++) {
			const dd_column *c = t->columns[k];
			memset(&def, 0, sizeof def);
			def.schema = t->schema;
			def.table = t->name;
			def.column = c->name;
			def.type = c->type;
			def.loc = c->loc;
			fn(ctx, &def, arg);
		}
	}
	for (size_t i = 0; i < m->n_types; i++) {
		const dd_typedef *d = m->types[i];
		if (d->dropped || d->kind != DD_TYPE_DOMAIN || dd_is_system_schema(d->schema))
			continue;
		memset(&def, 0, sizeof def);
		def.schema = d->schema;
		def.table = d->name;
		def.type = d->base;
		def.loc = d->loc;
		def.is_domain = true;
		fn(ctx, &def, arg);
	}
}

const char *dd_coldef_object(dd_ctx *ctx, const dd_coldef *def)
{
	return dd_qualified(ctx, def->schema, def->table, def->column);
}

void dd_report_coldef_type(dd_ctx *ctx, const dd_coldef *def, const char *fix)
{
	if (def->is_domain)
		dd_report(ctx, def->loc, dd_coldef_object(ctx, def), fix,
			  "domain '%s' is based on %s; use %s", def->table, def->type.text, fix);
	else
		dd_report(ctx, def->loc, dd_coldef_object(ctx, def), fix,
			  "column '%s.%s' is %s; use %s", def->table, def->column, def->type.text, fix);
}

const char *dd_normalize_expr(dd_ctx *ctx, const char *text)
{
	if (strchr(text, ';'))
		return NULL;
	const PgQuery__Node *e = dd_parse_select_expr(ctx->arena, "SELECT %s", text);
	return e ? dd_deparse_expr(ctx->arena, e) : NULL;
}

bool dd_parse_type(dd_ctx *ctx, const char *text, dd_type *out)
{
	if (strchr(text, ';'))
		return false;
	const PgQuery__Node *e = dd_parse_select_expr(ctx->arena, "SELECT NULL::%s", text);
	if (!e || e->node_case != PG_QUERY__NODE__NODE_TYPE_CAST || !e->type_cast->type_name)
		return false;
	dd_type_from_typename(ctx->arena, e->type_cast->type_name, out);
	return true;
}

bool dd_type_same(const dd_type *a, const dd_type *b)
{
	if (strcmp(a->name, b->name) != 0 || (a->array_dims > 0) != (b->array_dims > 0))
		return false;
	const char *sa = a->schema ? a->schema : "", *sb = b->schema ? b->schema : "";
	/* an unqualified user type and a public-qualified one are the same */
	if (strcmp(sa, "public") == 0)
		sa = "";
	if (strcmp(sb, "public") == 0)
		sb = "";
	return strcmp(sa, sb) == 0;
}

bool dd_word_is_plural(dd_ctx *ctx, const char *word) { return dd_is_plural(ctx->arena, word); }
const char *dd_word_plural(dd_ctx *ctx, const char *word) { return dd_pluralize(ctx->arena, word); }
const char *dd_word_singular(dd_ctx *ctx, const char *word) { return dd_singularize(ctx->arena, word); }

dd_stmt *const *dd_ctx_statements(const dd_ctx *ctx, size_t *n)
{
	*n = ctx->run->n_stmts;
	return ctx->run->stmts;
}

dd_file *const *dd_ctx_files(const dd_ctx *ctx, size_t *n)
{
	*n = ctx->run->n_files;
	return ctx->run->files;
}

int dd_stmt_transaction_control(const PgQuery__Node *stmt)
{
	if (stmt->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT)
		return 0;
	switch (stmt->transaction_stmt->kind) {
	case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
	case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START: return 1;
	case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT: return 2;
	case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK: return 3;
	default: return 0;
	}
}

static bool has_concurrently(PgQuery__Node *const *params, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (params[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
		    strcmp(params[i]->def_elem->defname, "concurrently") == 0)
			return true;
	return false;
}

const char *dd_stmt_outside_transaction(const PgQuery__Node *stmt)
{
	switch (stmt->node_case) {
	case PG_QUERY__NODE__NODE_INDEX_STMT:
		return stmt->index_stmt->concurrent ? "CREATE INDEX CONCURRENTLY" : NULL;
	case PG_QUERY__NODE__NODE_DROP_STMT:
		return stmt->drop_stmt->concurrent ? "DROP INDEX CONCURRENTLY" : NULL;
	case PG_QUERY__NODE__NODE_REINDEX_STMT:
		return has_concurrently(stmt->reindex_stmt->params, stmt->reindex_stmt->n_params) ? "REINDEX CONCURRENTLY" : NULL;
	case PG_QUERY__NODE__NODE_VACUUM_STMT:
		return stmt->vacuum_stmt->is_vacuumcmd ? "VACUUM" : NULL;
	case PG_QUERY__NODE__NODE_CREATEDB_STMT: return "CREATE DATABASE";
	case PG_QUERY__NODE__NODE_DROPDB_STMT: return "DROP DATABASE";
	case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT: return "ALTER SYSTEM";
	case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT: return "CREATE TABLESPACE";
	case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT: return "DROP TABLESPACE";
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
		const PgQuery__AlterTableStmt *as = stmt->alter_table_stmt;
		for (size_t i = 0; i < as->n_cmds; i++) {
			const PgQuery__Node *c = as->cmds[i];
			if (c->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD &&
			    c->alter_table_cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition && c->alter_table_cmd->def &&
			    c->alter_table_cmd->def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD &&
			    c->alter_table_cmd->def->partition_cmd->concurrent)
				return "DETACH PARTITION CONCURRENTLY";
		}
		return NULL;
	}
	default:
		return NULL;
	}
}

void dd_run_set_last_file_path(dd_run *run, const char *path)
{
	if (!run->n_files)
		return;
	char *real = realpath(path, NULL);
	if (!real) {
		/* a new file: its directory's real path and its name */
		char *dir = strdup(path);
		if (!dir)
			return;
		char *slash = strrchr(dir, '/');
		const char *base = slash ? slash + 1 : path;
		if (slash)
			*slash = '\0';
		char *rdir = realpath(slash ? (*dir ? dir : "/") : ".", NULL);
		if (rdir) {
			real = malloc(strlen(rdir) + strlen(base) + 2);
			if (real)
				sprintf(real, "%s/%s", rdir, base);
			free(rdir);
		}
		free(dir);
	}
	if (real)
		run->files[run->n_files - 1]->fs_real = dd_arena_strdup(run->arena, real);
	free(real);
}
