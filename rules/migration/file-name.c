/* migration/file-name: files in a migration directory follow its layout, with unique versions. */
#include "ddlint/rule.h"

static void finish(dd_ctx *ctx)
{
	size_t n;
	dd_file *const *files = dd_ctx_files(ctx, &n);
	for (size_t i = 0; i < n; i++) {
		const dd_file *f = files[i];
		if (!f->report)
			continue;
		dd_loc l = { f, 0, 0 };
		if (f->dir_layout)
			dd_checked(ctx, l, f->path);
		if (f->off_layout && f->role == DD_ROLE_OTHER)
			dd_report(ctx, l, f->path, NULL, "file name '%s' does not follow the %s layout of its directory: %s; "
				  "it is not replayed", f->dir_name, f->dir_layout, f->off_layout_why ? f->off_layout_why : "the tool skips it");
		else if (f->off_layout)
			dd_report(ctx, l, f->path, NULL, "file name '%s' does not follow the %s layout of its directory%s%s%s",
				  f->dir_name, f->dir_layout, f->off_layout_why ? ": " : "", f->off_layout_why ? f->off_layout_why : "",
				  f->version ? "; it is replayed where its version puts it" : "; it is replayed after the migrations");
		else if (f->same_version)
			dd_report(ctx, l, f->path, NULL, "version %s is used by '%s' too; versions must be unique",
				  f->version, f->same_version);
	}
}

const dd_rule dd_rule_migration_file_name = {
	.id = "migration/file-name",
	.summary = "Files in a migration directory follow its layout; versions are unique",
	.severity = DD_SEV_WARNING,
	.description =
		"In a directory detected (or configured) as a migration directory, every .sql file must be "
		"a migration its tool runs: named as the tool expects (golang-migrate <version>_<name>.up.sql "
		"/ .down.sql, Flyway V<version>__<name>.sql, ...), listed where the tool lists them "
		"(Drizzle's meta/_journal.json, sqitch.plan), and no two ups (or two downs) may share a "
		"version (Prisma's folders are named by their whole name, so a shared timestamp is fine). "
		"The message says what the tool does with the file. A misnamed file with a version is still "
		"replayed where its version puts it, so the rest of the directory is judged as intended; one "
		"the tool never runs (not in the journal, another database's) is not replayed. Reported at "
		"the start of the file. `ddlint plan DIR` shows what was detected.",
	.why = "A file the tool does not recognize is silently never applied; two files with one version "
	       "are applied in an order that depends on the tool, or make it refuse to run.",
	.bad = "-- file: 0001_init.up.sql\nCREATE TABLE users (id uuid PRIMARY KEY, email text);\n"
	       "-- file: 0001_init.down.sql\nDROP TABLE users;\n"
	       "-- file: add_index.sql\nCREATE INDEX idx_users_email ON users (email);\n",
	.good = "-- file: 0001_init.up.sql\nCREATE TABLE users (id uuid PRIMARY KEY, email text);\n"
		"-- file: 0001_init.down.sql\nDROP TABLE users;\n"
		"-- file: 0002_add_index.up.sql\nCREATE INDEX idx_users_email ON users (email);\n"
		"-- file: 0002_add_index.down.sql\nDROP INDEX idx_users_email;\n",
	.finish = finish,
};
