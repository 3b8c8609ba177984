/* migration/down-file: every up migration has its down (file or section). */
#include "ddlint/rule.h"

static dd_loc up_location(const dd_migration *m)
{
	dd_loc l = { m->up, 0, 0 };
	if (m->n_up) {
		l.offset = m->up_stmts[0]->offset;
		dd_loc name = dd_name_loc(m->up, l.offset);
		l.len = name.len;
	}
	return l;
}

static void finish(dd_ctx *ctx)
{
	size_t n;
	dd_migration *const *ms = dd_ctx_migrations(ctx, &n);
	bool undo = dd_opt_bool(ctx, "require_flyway_undo");
	bool allow_empty = dd_opt_bool(ctx, "allow_empty");
	for (size_t i = 0; i < n; i++) {
		const dd_migration *m = ms[i];
		/* a file the tool skips (misnamed) is file-name's to report: its down is no question yet */
		if (!m->up || !m->up->report || m->up->off_layout || !m->down_expected || (m->down_optional && !undo))
			continue;
		const char *obj = dd_sprintf(ctx, "%s %s", m->layout, m->version);
		dd_checked(ctx, up_location(m), obj);
		if (!m->down) {
			const char *what = m->down_hint;
			dd_report(ctx, up_location(m), obj, NULL, "migration %s has no down: add %s", m->version, what);
		} else if (m->n_down == 0 && !allow_empty) {
			dd_report(ctx, up_location(m), obj, NULL,
				  "the down of migration %s is empty: it cannot be rolled back", m->version);
		}
	}
}

static const dd_option options[] = {
	{ "require_flyway_undo", DD_OPT_BOOL, "false", "Flyway versioned migrations need a U<version>__ undo file", NULL },
	{ "allow_empty", DD_OPT_BOOL, "false", "accept a down (file or section) with no statement", NULL },
	{ 0 }
};

const dd_rule dd_rule_migration_down_file = {
	.id = "migration/down-file",
	.summary = "Every up migration has its down",
	.severity = DD_SEV_ERROR,
	.description =
		"In a migration directory whose tool has downs, every up migration has one: golang-migrate "
		"<version>_<name>.down.sql, Diesel down.sql, dbmate -- migrate:down and goose -- +goose Down "
		"sections, sqitch revert/<change>.sql; Flyway undo files (U<version>__) only with the option "
		"require_flyway_undo. A down with no statement is reported too, unless allow_empty. Prisma "
		"and plain numbered directories have no downs. Reported at the first statement of the up.",
	.why = "A deploy that goes wrong is rolled back with the down; writing it later, under pressure, "
	       "is how rollbacks lose data. Writing it with the up also tests that the up can be undone.",
	.bad = "-- file: 20260101120000_create_tags.sql\n-- migrate:up\nCREATE TABLE tags (id uuid PRIMARY KEY);\n",
	.good = "-- file: 20260101120000_create_tags.sql\n-- migrate:up\nCREATE TABLE tags (id uuid PRIMARY KEY);\n\n"
		"-- migrate:down\nDROP TABLE tags;\n",
	.options = options,
	.finish = finish,
};
