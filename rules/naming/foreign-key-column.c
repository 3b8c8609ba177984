/*
 * naming/foreign-key-column: a single-column foreign key to <table>(<column>) is named
 * <singular table>_<column> or <role>_<singular table>_<column>. Decided after the last file.
 */
#include <ctype.h>
#include "ddlint/rule.h"

/* order_items -> order_item; the last word is made singular. */
static const char *singular_table(dd_ctx *ctx, const char *table)
{
	const char *us = strrchr(table, '_');
	const char *last = us ? us + 1 : table;
	char *word = dd_strdup(ctx, last);
	for (char *p = word; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return dd_sprintf(ctx, "%.*s%s", (int)(last - table), table, dd_word_singular(ctx, word));
}

static void finish(dd_ctx *ctx)
{
	const dd_model *m = dd_ctx_model(ctx);
	size_t n_allow;
	const char *const *allow = dd_opt_list(ctx, "allow", &n_allow);
	const char *users = dd_opt_string(ctx, "users_table");
	const dd_table *t;
	for (size_t i = 0; (t = dd_next_table(ctx, &i, DD_SKIP_TEMP | DD_SKIP_PARTITIONS)) != NULL;) {
		for (size_t k = 0; k < t->n_constraints; k++) {
			const dd_constraint *fk = t->constraints[k];
			if (fk->kind != DD_CON_FOREIGN || fk->n_columns != 1 || !fk->ref_table)
				continue;
			const char *col = fk->columns[0];
			const char *ref_col = fk->n_ref_columns == 1 ? fk->ref_columns[0] : NULL;
			if (!ref_col) {
				const dd_table *rt = dd_model_table(m, fk->ref_schema, fk->ref_table);
				const dd_constraint *pk = rt ? dd_table_primary_key(rt) : NULL;
				ref_col = pk && pk->n_columns == 1 ? pk->columns[0] : rt ? NULL : "id";
			}
			if (!ref_col)
				continue;
			const dd_column *cc = dd_table_column(t, col);
			dd_checked(ctx, cc ? cc->loc : fk->loc, dd_qualified(ctx, t->schema, t->name, col));
			if (strcmp(fk->ref_table, users) == 0) {
				bool allowed = false;
				for (size_t a = 0; a < n_allow; a++)
					allowed = allowed || strcmp(allow[a], col) == 0;
				if (allowed)
					continue;
			}
			const char *full = dd_sprintf(ctx, "%s_%s", singular_table(ctx, fk->ref_table), ref_col);
			const char *want = dd_fit_name(ctx, full, dd_sprintf(ctx, "_%s", ref_col));
			size_t cn = strlen(col), wn = strlen(want);
			bool ok = strcmp(col, want) == 0 ||
				  (cn > wn + 1 && strcmp(col + cn - wn, want) == 0 && col[cn - wn - 1] == '_');
			if (ok)
				continue;
			const dd_column *c = dd_table_column(t, col);
			/* a role needs room before the name: two bytes at least, within PostgreSQL's 63 */
			bool role = strlen(want) + 2 <= 63;
			dd_report(ctx, c ? c->loc : fk->loc, dd_qualified(ctx, t->schema, t->name, col), want,
				  "column '%s.%s' references %s(%s); name it '%s'%s%s%s", t->name, col, fk->ref_table,
				  ref_col, want, role ? " or '<role>_" : "", role ? want : "", role ? "'" : "");
		}
	}
}

static const dd_option options[] = {
	{ "allow", DD_OPT_LIST, "[created_by, updated_by, deleted_by]", "names accepted for references to the users table", NULL },
	{ "users_table", DD_OPT_STRING, "users", "the table the allowed names refer to", NULL },
	{ 0 }
};

const dd_rule dd_rule_naming_foreign_key_column = {
	.id = "naming/foreign-key-column",
	.summary = "A foreign key column is named <singular table>_<column>, optionally after a role",
	.severity = DD_SEV_WARNING,
	.description =
		"Once every file has been replayed, the column of each single-column foreign key to "
		"<table>(<column>) must be named <singular table>_<column> or <role>_<singular table>_<column> "
		"(user_id, assignee_user_id, parent_category_id for categories(id), order_item_id for "
		"order_items(id)). A reference without columns names the referenced primary key (id for a "
		"table outside the linted files). The names of the option allow (created_by, updated_by, "
		"deleted_by) are accepted for references to the users table. Reported at the column. A "
		"name longer than PostgreSQL's 63 bytes is shortened, the referenced column kept at its end "
		"(README \"Suggested names\"), and a column named so is accepted.",
	.why = "When the column says which table it points to, joins write themselves and a reader can "
	       "follow the relationship without opening the constraint; a role prefix keeps two "
	       "references to one table apart.",
	.bad = "CREATE TABLE users (id uuid PRIMARY KEY);\n"
	       "CREATE TABLE tasks (\n    id uuid PRIMARY KEY,\n    owner uuid REFERENCES users (id)\n);\n",
	.good = "CREATE TABLE users (id uuid PRIMARY KEY);\n"
		"CREATE TABLE tasks (\n    id uuid PRIMARY KEY,\n    owner_user_id uuid REFERENCES users (id),\n"
		"    created_by uuid REFERENCES users (id)\n);\n",
	.options = options,
	.finish = finish,
};
