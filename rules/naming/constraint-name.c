/* naming/constraint-name: <pk|fk|uq|chk|ex>_<table>_<descriptor>. Decided after the last file. */
#include <ctype.h>
#include "ddlint/rule.h"

static const char *prefix_option(dd_constraint_kind k)
{
	static const char *const names[] = { "primary_key", "unique", "check", "foreign_key", "exclude" };
	return names[k];
}

/* The name PostgreSQL would generate, possibly numbered on a collision (orders_user_id_fkey1): as if unnamed. */
static bool is_generated(const dd_constraint *c)
{
	size_t n = strlen(c->implicit_name);
	if (strncmp(c->name, c->implicit_name, n) != 0)
		return false;
	for (const char *p = c->name + n; *p; p++)
		if (!isdigit((unsigned char)*p))
			return false;
	return true;
}

static const char *expected(dd_ctx *ctx, const dd_constraint *c, const char *prefix)
{
	const char *cols = "";
	for (size_t i = 0; i < c->n_columns; i++)
		cols = dd_sprintf(ctx, "%s_%s", cols, c->columns[i]);
	if (c->kind == DD_CON_PRIMARY)
		return dd_sprintf(ctx, "%s_%s", prefix, c->table->name);
	if (c->kind == DD_CON_CHECK && !*cols)
		cols = "_check";
	return dd_sprintf(ctx, "%s_%s%s", prefix, c->table->name, cols);
}

static void finish(dd_ctx *ctx)
{
	bool require = dd_opt_bool(ctx, "require_explicit");
	const dd_table *t;
	for (size_t i = 0; (t = dd_next_table(ctx, &i, DD_SKIP_TEMP)) != NULL;) {
		for (size_t k = 0; k < t->n_constraints; k++) {
			const dd_constraint *c = t->constraints[k];
			if (c->inherited)
				continue;   /* named by PostgreSQL after the partitioned table's */
			const char *prefix = dd_opt_string(ctx, prefix_option(c->kind));
			const char *want = dd_fit_name(ctx, expected(ctx, c, prefix), NULL);
			const char *obj = dd_qualified(ctx, t->schema, t->name, c->name);
			dd_checked(ctx, c->name_loc, obj);
			if (!c->named || is_generated(c)) {
				if (require)
					dd_report(ctx, c->loc, obj, want,
						  "constraint '%s' has the name PostgreSQL generated; name it '%s'", c->name, want);
				continue;
			}
			/* <prefix>_<table>_<descriptor>; a primary key may stop after the table */
			const char *head = dd_sprintf(ctx, "%s_%s", prefix, t->name);
			size_t hn = strlen(head);
			bool ok = strcmp(c->name, want) == 0 || (strncmp(c->name, head, hn) == 0 &&
				  ((c->name[hn] == '_' && dd_is_snake_words(c->name + hn + 1, strlen(c->name + hn + 1))) ||
				   (c->name[hn] == '\0' && c->kind == DD_CON_PRIMARY)));
			if (!ok)
				dd_report(ctx, c->name_loc, obj, want,
					  "constraint name '%s' does not follow %s_%s_<descriptor>; e.g. '%s'", c->name, prefix,
					  t->name, want);
		}
	}
}

static const dd_option options[] = {
	{ "primary_key", DD_OPT_STRING, "pk", "prefix of PRIMARY KEY constraints", NULL },
	{ "foreign_key", DD_OPT_STRING, "fk", "prefix of FOREIGN KEY constraints", NULL },
	{ "unique", DD_OPT_STRING, "uq", "prefix of UNIQUE constraints", NULL },
	{ "check", DD_OPT_STRING, "chk", "prefix of CHECK constraints", NULL },
	{ "exclude", DD_OPT_STRING, "ex", "prefix of EXCLUDE constraints", NULL },
	{ "require_explicit", DD_OPT_BOOL, "false", "report unnamed constraints too, with the expected name", NULL },
	{ 0 }
};

const dd_rule dd_rule_naming_constraint_name = {
	.id = "naming/constraint-name",
	.summary = "Named constraints are <pk|fk|uq|chk|ex>_<table>_<descriptor>",
	.severity = DD_SEV_ERROR,
	.description =
		"Once every file has been replayed, an explicitly named constraint must be named "
		"<prefix>_<table>_<descriptor>, with prefix pk for PRIMARY KEY, fk for FOREIGN KEY, uq for "
		"UNIQUE, chk for CHECK and ex for EXCLUDE, and a snake_case descriptor (chk_users_email_format, "
		"fk_orders_user_id); a primary key may be just pk_<table>. A name equal to the one PostgreSQL "
		"generates (users_pkey, orders_user_id_fkey, possibly numbered) counts as unnamed, so a "
		"pg_dump gets the same verdict as its source. Unnamed constraints are accepted unless the "
		"option require_explicit is on; then they are reported with the expected name. An expected "
		"name longer than PostgreSQL's 63 bytes is shortened (abbreviations, then a hash: README "
		"\"Suggested names\"), and a constraint named so is accepted.",
	.why = "Constraint names appear in every violation error the application sees; a name that says "
	       "the kind, the table and the rule makes the error readable and the constraint easy to find, "
	       "alter and drop in the next migration.",
	.bad = "CREATE TABLE users (\n    id uuid PRIMARY KEY,\n    email text NOT NULL,\n"
	       "    CONSTRAINT email_must_have_at CHECK (email LIKE '%@%')\n);\n",
	.good = "CREATE TABLE users (\n    id uuid PRIMARY KEY,\n    email text NOT NULL,\n"
		"    CONSTRAINT chk_users_email_format CHECK (email LIKE '%@%')\n);\n",
	.options = options,
	.finish = finish,
};
