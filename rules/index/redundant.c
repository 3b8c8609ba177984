/*
 * index/redundant: an index another index makes unnecessary. Decided after the last file.
 *
 * B covers A when both have the same method and predicate, A's key columns are
 * a leading prefix of B's (equal for non-B-tree methods), A's INCLUDE columns are
 * among B's columns, and A is not unique while B is not (a unique index is never
 * covered by a non-unique one, nor by a wider unique one: uniqueness over fewer
 * columns is a stronger promise).
 */
#include "ddlint/rule.h"

static bool same_elem(const dd_index_elem *a, const dd_index_elem *b)
{
	if ((a->column == NULL) != (b->column == NULL))
		return false;
	if (a->column ? strcmp(a->column, b->column) != 0 : (!a->expr || !b->expr || strcmp(a->expr, b->expr) != 0))
		return false;
	if ((a->opclass == NULL) != (b->opclass == NULL) || (a->opclass && strcmp(a->opclass, b->opclass) != 0))
		return false;
	return a->desc == b->desc;
}

static bool same_predicate(const dd_index *a, const dd_index *b)
{
	if (!a->predicate || !b->predicate)
		return a->predicate == b->predicate;
	return strcmp(a->predicate, b->predicate) == 0;
}

/* Does b make a unnecessary? */
static bool covers(const dd_index *b, const dd_index *a)
{
	if (strcmp(a->method, b->method) != 0 || !same_predicate(a, b) || a->n_elems > b->n_elems)
		return false;
	if (strcmp(a->method, "btree") != 0 && a->n_elems != b->n_elems)
		return false;
	if (a->unique && (!b->unique || a->n_elems != b->n_elems))
		return false;
	for (size_t i = 0; i < a->n_elems; i++)
		if (!same_elem(&a->elems[i], &b->elems[i]))
			return false;
	for (size_t i = 0; i < a->n_include; i++)
		if (!dd_index_uses_column(b, a->include[i]))
			return false;
	return true;
}

static bool exact(const dd_index *a, const dd_index *b)
{
	return covers(a, b) && covers(b, a) && a->unique == b->unique;
}

static void finish(dd_ctx *ctx)
{
	const dd_table *t;
	for (size_t i = 0; (t = dd_next_table(ctx, &i, 0)) != NULL;) {
		for (size_t ia = 0; ia < t->n_indexes; ia++) {
			const dd_index *a = t->indexes[ia];
			if (a->dropped || a->constraint || a->inherited)
				continue;   /* an index behind a constraint goes with the constraint */
			dd_checked(ctx, a->loc, dd_qualified(ctx, a->schema, a->name, NULL));
			for (size_t ib = 0; ib < t->n_indexes; ib++) {
				const dd_index *b = t->indexes[ib];
				if (ib == ia || b->dropped || !covers(b, a))
					continue;
				/* of two identical plain indexes, the later one is reported */
				if (exact(a, b) && !b->constraint && ib > ia)
					continue;
				const char *how = a->n_elems == b->n_elems ? "duplicates" : "is a leading prefix of";
				const char *what = b->constraint ? dd_sprintf(ctx, " (behind constraint '%s')", b->constraint->name) : "";
				dd_report(ctx, a->loc, dd_qualified(ctx, a->schema, a->name, NULL),
					  dd_sprintf(ctx, "DROP INDEX %s.%s;", a->schema, a->name),
					  "index '%s' %s index '%s'%s on %s.%s, which serves the same lookups; it can be dropped",
					  a->name, how, b->name, what, t->schema, t->name);
				break;
			}
		}
	}
}

const dd_rule dd_rule_index_redundant = {
	.id = "index/redundant",
	.summary = "No index that another index makes unnecessary",
	.severity = DD_SEV_WARNING,
	.description =
		"Once every file has been replayed, reports an index that another index on the same table "
		"covers: an exact duplicate (the later of two is reported), a B-tree whose columns are a "
		"leading prefix of another's with the same method and predicate, or a plain index that "
		"duplicates the index behind a PRIMARY KEY or UNIQUE constraint. Columns compare with their "
		"expression, operator class and direction. Partial indexes are only compared with indexes of "
		"the same predicate; a unique index is never reported as covered by a non-unique one, nor by "
		"a wider one. Reported at the index that can be dropped, naming the one that covers it.",
	.why = "Every index is written on every INSERT and on UPDATEs of its columns, takes disk and "
	       "memory, and is one more thing for the planner to weigh, for no gain when another index "
	       "already serves the same lookups.",
	.bad = "CREATE TABLE users (id uuid PRIMARY KEY, email text UNIQUE, org_id uuid, name text);\n"
	       "CREATE INDEX idx_users_email ON users (email);\n"
	       "CREATE INDEX idx_users_org_id ON users (org_id);\n"
	       "CREATE INDEX idx_users_org_id_name ON users (org_id, name);\n",
	.good = "CREATE TABLE users (id uuid PRIMARY KEY, email text UNIQUE, org_id uuid, name text);\n"
		"CREATE INDEX idx_users_org_id_name ON users (org_id, name);\n"
		"CREATE INDEX idx_users_lower_email ON users (lower(email));\n",
	.finish = finish,
};
