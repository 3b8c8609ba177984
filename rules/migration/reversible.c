/* migration/reversible: applying the up and then its down returns the schema to what it was. */
#include "ddlint/rule.h"

/* Objects that hold others first, so that "and N more" never hides a table behind its columns. */
static int kind_rank(const char *line)
{
	static const char *const kinds[] = { "schema ", "table ", "type ", "view ", "sequence ", "function ", "column ",
		"constraint ", "index ", "trigger ", NULL };
	for (int k = 0; kinds[k]; k++)
		if (strncmp(line, kinds[k], strlen(kinds[k])) == 0)
			return k;
	return 10;
}

static const char *list(dd_ctx *ctx, const char *const *items, size_t n)
{
	const char **sorted = dd_alloc(ctx, (n + 1) * sizeof *sorted);
	size_t k = 0;
	for (int rank = 0; rank <= 10; rank++)   /* stable: each kind keeps its sorted order */
		for (size_t i = 0; i < n; i++)
			if (kind_rank(items[i]) == rank)
				sorted[k++] = items[i];
	const char *out = "";
	size_t shown = n > 4 ? 4 : n;
	for (size_t i = 0; i < shown; i++)
		out = dd_sprintf(ctx, "%s%s%s", out, i ? "; " : "", sorted[i]);
	if (n > shown)
		out = dd_sprintf(ctx, "%s; and %zu more", out, n - shown);
	return out;
}

/* Is an object of that kind and name created by the up of a migration after m, and not by m or
 * one before it? Only then is the down known to drop what does not exist yet: a down that drops
 * what no migration creates may target a schema made outside the linted files, and one whose
 * own migration creates it meets a statement the model could not follow (a syntax error). */
static bool created_later(dd_ctx *ctx, const dd_migration *m, const char *kind, const char *name)
{
	size_t n;
	dd_migration *const *ms = dd_ctx_migrations(ctx, &n);
	bool table = strcmp(kind, "table") == 0, index = strcmp(kind, "index") == 0, type = strcmp(kind, "type") == 0;
	bool after = false;
	for (size_t i = 0; i < n; i++, after = after || ms[i - 1] == m)
		for (size_t k = 0; strcmp(ms[i]->dir, m->dir) == 0 && k < ms[i]->n_up; k++) {
			const PgQuery__Node *nd = ms[i]->up_stmts[k]->node;
			if (!nd)
				continue;
			const char *made = NULL;
			if (table && nd->node_case == PG_QUERY__NODE__NODE_CREATE_STMT)
				made = nd->create_stmt->relation->relname;
			else if (index && nd->node_case == PG_QUERY__NODE__NODE_INDEX_STMT)
				made = nd->index_stmt->idxname;
			else if (!table && !index && !type && nd->node_case == PG_QUERY__NODE__NODE_VIEW_STMT)
				made = nd->view_stmt->view->relname;
			else if (!table && !index && !type && nd->node_case == PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT &&
				 nd->create_table_as_stmt->into && nd->create_table_as_stmt->into->rel)
				made = nd->create_table_as_stmt->into->rel->relname;
			else if (type && nd->node_case == PG_QUERY__NODE__NODE_CREATE_ENUM_STMT)
				made = dd_name_last(nd->create_enum_stmt->type_name, nd->create_enum_stmt->n_type_name);
			else if (type && nd->node_case == PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT)
				made = dd_name_last(nd->create_domain_stmt->domainname, nd->create_domain_stmt->n_domainname);
			if (made && strcmp(made, name) == 0)
				return after;
		}
	return false;
}

/* The down of m, applied to the model as its up left it, against the model before the up. */
static void check(dd_ctx *ctx, const dd_migration *m, dd_snapshot *before)
{
	const char *const *left_over, *const *missing;
	size_t n_left_over, n_missing, n_misses;
	const dd_down_miss *misses;
	dd_snapshot_undo(ctx, before, &left_over, &n_left_over, &missing, &n_missing, &misses, &n_misses);
	if (m->n_down)
		dd_checked(ctx, (dd_loc){ m->down_stmts[0]->file, m->down_stmts[0]->offset, 0 },
			   dd_sprintf(ctx, "%s %s", m->layout, m->version));
	bool fails = false;   /* the down stops at its first rejected statement: nothing after it to compare */
	for (size_t i = 0; i < n_misses && !fails; i++) {
		const dd_down_miss *x = &misses[i];
		if (!created_later(ctx, m, x->kind, x->name))
			continue;
		fails = true;
		const dd_stmt *st = x->stmt;
		dd_report(ctx, dd_stmt_find_name(ctx, st, x->name), dd_sprintf(ctx, "%s %s", m->layout, m->version), NULL,
			  "the down of migration %s drops %s '%s.%s', which does not exist yet when it runs (a later "
			  "migration creates it): PostgreSQL rejects the statement and the down stops there",
			  m->version, x->kind, x->schema, x->name);
	}
	if (fails || (!n_left_over && !n_missing))
		return;
	const dd_stmt *first = m->down_stmts[0];
	dd_loc l = { first->file, first->offset, dd_name_loc(first->file, first->offset).len };
	const char *obj = dd_sprintf(ctx, "%s %s", m->layout, m->version);
	if (n_left_over && n_missing)
		dd_report(ctx, l, obj, NULL, "the down of migration %s does not undo its up: it leaves %s; and does not restore %s",
			  m->version, list(ctx, left_over, n_left_over), list(ctx, missing, n_missing));
	else if (n_left_over)
		dd_report(ctx, l, obj, NULL, "the down of migration %s does not undo its up: it leaves %s", m->version,
			  list(ctx, left_over, n_left_over));
	else
		dd_report(ctx, l, obj, NULL, "the down of migration %s does not undo its up: it does not restore %s",
			  m->version, list(ctx, missing, n_missing));
}

/* The migration whose up is being replayed, and the model before it. */
typedef struct state { const dd_migration *m; dd_snapshot *before; } state;

static void *init(dd_ctx *ctx) { return dd_run_alloc(ctx, sizeof(state)); }

static bool wanted(const dd_migration *m) { return m && m->reported && m->n_down; }

/* The first statement of an up that has a down to check: what the model holds before it. */
static void statement(dd_ctx *ctx, const dd_stmt *st)
{
	state *s = dd_state(ctx);
	const dd_migration *m = st->migration;
	if (!st->down && wanted(m) && m != s->m && m->up == st->file) {
		s->m = m;
		s->before = dd_snapshot_take(ctx, m);
	}
}

/* Its last statement: the down goes onto a copy of the model as the up leaves it. */
static void applied(dd_ctx *ctx, const dd_stmt *st)
{
	state *s = dd_state(ctx);
	const dd_migration *m = s->m;
	if (m && st->migration == m && st == m->up_stmts[m->n_up - 1]) {
		check(ctx, m, s->before);
		s->before = NULL;
	}
}

/* A migration whose up has no statement: its down against the model as it is. */
static void finish(dd_ctx *ctx)
{
	size_t n;
	dd_migration *const *ms = dd_ctx_migrations(ctx, &n);
	for (size_t i = 0; i < n; i++)
		if (wanted(ms[i]) && ms[i]->n_up == 0)
			check(ctx, ms[i], dd_snapshot_take(ctx, ms[i]));
}

const dd_rule dd_rule_migration_reversible = {
	.id = "migration/reversible",
	.summary = "Applying the up and then its down returns the schema to what it was",
	.severity = DD_SEV_WARNING,
	.description =
		"For each migration with a down, ddlint replays the up into the model, applies the down to a "
		"copy, and compares the copy with the model as it was before the up: every table, column "
		"(type, NOT NULL, default), constraint, index, type, view, function, trigger and sequence the "
		"up creates must be gone, and everything it drops or changes must be back. Reported at the "
		"first statement of the down, naming what is left over and what is missing (objects are "
		"listed as 'column public.users.email text NOT NULL'). A DROP (without IF EXISTS) in the down of "
		"something that does not exist yet when the down runs, because a later migration creates it (a "
		"down paired with the wrong up), is reported at that statement instead: PostgreSQL rejects it, "
		"and the down stops there.",
	.why = "A down that forgets an index or restores a column with another type rolls back to a "
	       "schema nobody has tested; the next up then fails on what was left behind.",
	.bad = "-- file: 20260101120000_tags.sql\n-- migrate:up\nCREATE TABLE tags (id uuid PRIMARY KEY, name text);\n"
	       "CREATE INDEX idx_tags_name ON tags (name);\nCREATE TABLE labels (id uuid PRIMARY KEY);\n"
	       "-- migrate:down\nDROP TABLE tags;\n",
	.good = "-- file: 20260101120000_tags.sql\n-- migrate:up\nCREATE TABLE tags (id uuid PRIMARY KEY, name text);\n"
		"CREATE INDEX idx_tags_name ON tags (name);\n-- migrate:down\nDROP TABLE tags;\n",
	.init = init,
	.statement = statement,
	.applied = applied,
	.finish = finish,
};
