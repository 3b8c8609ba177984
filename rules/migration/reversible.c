/* migration/reversible: applying the up and then its down returns the schema to what it was. */
#include "ddlint/rule.h"

static const char *list(dd_ctx *ctx, const char *const *items, size_t n)
{
	const char *out = "";
	size_t shown = n > 4 ? 4 : n;
	for (size_t i = 0; i < shown; i++)
		out = dd_sprintf(ctx, "%s%s%s", out, i ? "; " : "", items[i]);
	if (n > shown)
		out = dd_sprintf(ctx, "%s; and %zu more", out, n - shown);
	return out;
}

static void finish(dd_ctx *ctx)
{
	size_t n;
	dd_migration *const *ms = dd_ctx_migrations(ctx, &n);
	for (size_t i = 0; i < n; i++) {
		const dd_migration *m = ms[i];
		if (!m->reversibility_checked || !m->n_down || (!m->n_left_over && !m->n_missing))
			continue;
		const dd_stmt *first = m->down_stmts[0];
		dd_loc l = { first->file, first->offset, dd_name_loc(first->file, first->offset).len };
		const char *obj = dd_sprintf(ctx, "%s %s", m->layout, m->version);
		if (m->n_left_over && m->n_missing)
			dd_report(ctx, l, obj, NULL, "the down of migration %s does not undo its up: it leaves %s; and does not restore %s",
				  m->version, list(ctx, m->left_over, m->n_left_over), list(ctx, m->missing, m->n_missing));
		else if (m->n_left_over)
			dd_report(ctx, l, obj, NULL, "the down of migration %s does not undo its up: it leaves %s", m->version,
				  list(ctx, m->left_over, m->n_left_over));
		else
			dd_report(ctx, l, obj, NULL, "the down of migration %s does not undo its up: it does not restore %s",
				  m->version, list(ctx, m->missing, m->n_missing));
	}
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
		"listed as 'column public.users.email text NOT NULL').",
	.why = "A down that forgets an index or restores a column with another type rolls back to a "
	       "schema nobody has tested; the next up then fails on what was left behind.",
	.bad = "-- file: 20260101120000_tags.sql\n-- migrate:up\nCREATE TABLE tags (id uuid PRIMARY KEY, name text);\n"
	       "CREATE INDEX idx_tags_name ON tags (name);\nCREATE TABLE labels (id uuid PRIMARY KEY);\n"
	       "-- migrate:down\nDROP TABLE tags;\n",
	.good = "-- file: 20260101120000_tags.sql\n-- migrate:up\nCREATE TABLE tags (id uuid PRIMARY KEY, name text);\n"
		"CREATE INDEX idx_tags_name ON tags (name);\n-- migrate:down\nDROP TABLE tags;\n",
	.finish = finish,
};
