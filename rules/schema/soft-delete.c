/* schema/soft-delete: is_deleted, deleted_at and deleted_by come together, with the right types. */
#include "ddlint/rule.h"

static void finish(dd_ctx *ctx)
{
	const dd_model *m = dd_ctx_model(ctx);
	const char *flag = dd_opt_string(ctx, "flag_column");
	const char *at = dd_opt_string(ctx, "timestamp_column");
	const char *by = dd_opt_string(ctx, "actor_column");
	const char *users = dd_opt_string(ctx, "users_table");
	const char *defs[3] = { "boolean NOT NULL DEFAULT false", "timestamp with time zone",
				dd_sprintf(ctx, "REFERENCES %s", users) };
	const char *names[3] = { flag, at, by };
	const dd_table *t;
	for (size_t i = 0; (t = dd_next_table(ctx, &i, DD_SKIP_TEMP | DD_SKIP_PARTITIONS)) != NULL;) {
		const dd_column *cols[3];
		int present = 0;
		for (int k = 0; k < 3; k++)
			present += (cols[k] = dd_table_column(t, names[k])) != NULL;
		if (present == 0)
			continue;
		dd_checked(ctx, t->loc, dd_qualified(ctx, t->schema, t->name, NULL));
		const char *missing = "", *fix = "";
		for (int k = 0; k < 3; k++) {
			if (cols[k])
				continue;
			const char *type = k == 2 ? dd_sprintf(ctx, "uuid %s", defs[2]) : defs[k];
			missing = dd_sprintf(ctx, "%s%s%s", missing, *missing ? " and " : "", names[k]);
			fix = dd_sprintf(ctx, "%s%sADD COLUMN %s %s", fix, *fix ? ", " : "", names[k], type);
		}
		if (*missing)
			dd_report(ctx, t->loc, dd_qualified(ctx, t->schema, t->name, NULL),
				  dd_sprintf(ctx, "ALTER TABLE %s.%s %s;", t->schema, t->name, fix),
				  "table '%s.%s' has soft-delete columns but no %s: soft delete is %s, %s and %s together",
				  t->schema, t->name, missing, flag, at, by);
		const dd_column *f = cols[0], *a = cols[1], *b = cols[2];
		if (f) {
			const dd_type *ty = dd_model_base_type(m, &f->type);
			bool ok = strcmp(ty->name, "boolean") == 0 && !ty->array_dims && f->not_null && f->default_expr &&
				  strcmp(f->default_expr, "false") == 0;
			if (!ok)
				dd_report(ctx, f->loc, dd_qualified(ctx, t->schema, t->name, f->name), defs[0],
					  "soft-delete flag '%s.%s' is %s%s%s; the standard is %s %s", t->name, f->name,
					  f->type.text, f->not_null ? " NOT NULL" : "",
					  f->default_expr ? dd_sprintf(ctx, " DEFAULT %s", f->default_expr) : " without a default",
					  f->name, defs[0]);
		}
		if (a) {
			const dd_type *ty = dd_model_base_type(m, &a->type);
			if (strcmp(ty->name, "timestamp with time zone") != 0 || ty->array_dims)
				dd_report(ctx, a->loc, dd_qualified(ctx, t->schema, t->name, a->name), defs[1],
					  "soft-delete timestamp '%s.%s' is %s; the standard is %s", t->name, a->name,
					  a->type.text, defs[1]);
		}
		if (b && !dd_table_references(t, b->name, users))
			dd_report(ctx, b->loc, dd_qualified(ctx, t->schema, t->name, b->name), defs[2],
				  "soft-delete actor '%s.%s' does not reference %s", t->name, b->name, users);
	}
}

static const dd_option options[] = {
	{ "flag_column", DD_OPT_STRING, "is_deleted", "the boolean that marks a row deleted", NULL },
	{ "timestamp_column", DD_OPT_STRING, "deleted_at", "when the row was deleted", NULL },
	{ "actor_column", DD_OPT_STRING, "deleted_by", "who deleted it", NULL },
	{ "users_table", DD_OPT_STRING, "users", "the table the actor column references", NULL },
	{ 0 }
};

const dd_rule dd_rule_schema_soft_delete = {
	.id = "schema/soft-delete",
	.summary = "Soft delete is all or nothing: is_deleted, deleted_at and deleted_by together",
	.severity = DD_SEV_WARNING,
	.description =
		"Once every file has been replayed, a table with any of is_deleted, deleted_at and deleted_by "
		"must have all three: is_deleted boolean NOT NULL DEFAULT false, deleted_at timestamp with "
		"time zone, and deleted_by referencing users. A missing column is reported at the table "
		"name, a wrong one at the column. The names and the users table are options.",
	.why = "Half a soft-delete scheme answers only half the questions: a flag without a time cannot "
	       "be purged by age, a time without an actor cannot be audited, and a nullable flag makes "
	       "WHERE NOT is_deleted skip rows whose flag is NULL.",
	.bad = "CREATE TABLE users (id uuid PRIMARY KEY);\n"
	       "CREATE TABLE documents (\n    id uuid PRIMARY KEY,\n    deleted_at timestamptz\n);\n",
	.good = "CREATE TABLE users (id uuid PRIMARY KEY);\n"
		"CREATE TABLE documents (\n    id uuid PRIMARY KEY,\n    is_deleted boolean NOT NULL DEFAULT false,\n"
		"    deleted_at timestamptz,\n    deleted_by uuid REFERENCES users (id)\n);\n",
	.options = options,
	.finish = finish,
};
