/* schema/foreign-key-action: a foreign key states its ON DELETE action. Off by default. */
#include "ddlint/rule.h"

static void finish(dd_ctx *ctx)
{
	const dd_table *t;
	for (size_t i = 0; (t = dd_next_table(ctx, &i, 0)) != NULL;) {
		for (size_t c = 0; c < t->n_constraints; c++) {
			const dd_constraint *fk = t->constraints[c];
			if (fk->kind != DD_CON_FOREIGN)
				continue;
			dd_checked(ctx, fk->loc, dd_qualified(ctx, t->schema, t->name, fk->name));
			if (fk->delete_explicit)
				continue;
			dd_report(ctx, fk->loc, dd_qualified(ctx, t->schema, t->name, fk->name),
				  "ON DELETE RESTRICT", "foreign key '%s' on %s.%s does not state its ON DELETE action "
				  "(NO ACTION is implied)", fk->name, t->schema, t->name);
		}
	}
}

const dd_rule dd_rule_schema_foreign_key_action = {
	.id = "schema/foreign-key-action",
	.summary = "Foreign keys state their ON DELETE action",
	.severity = DD_SEV_OFF,
	.description =
		"Reports a foreign key without an ON DELETE clause (pg_dump omits ON DELETE NO ACTION, so "
		"dumps of such keys are reported too). Off by default; turn it on in the config.",
	.why = "What happens to children when a parent row is deleted is a design decision; an implied "
	       "NO ACTION often means nobody decided. Writing CASCADE, RESTRICT or SET NULL documents it.",
	.bad = "CREATE TABLE users (id uuid PRIMARY KEY);\n"
	       "CREATE TABLE sessions (id uuid PRIMARY KEY, user_id uuid REFERENCES users (id));\n",
	.good = "CREATE TABLE users (id uuid PRIMARY KEY);\n"
		"CREATE TABLE sessions (id uuid PRIMARY KEY, user_id uuid REFERENCES users (id) ON DELETE CASCADE);\n",
	.finish = finish,
};
