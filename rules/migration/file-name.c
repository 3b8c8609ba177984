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
		if (f->off_layout)
			dd_report(ctx, l, f->path, NULL, "file name '%s' does not follow the %s layout of its directory",
				  f->dir_name, f->dir_layout);
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
		"named as its layout expects (golang-migrate <version>_<name>.up.sql / .down.sql, Flyway "
		"V<version>__<name>.sql, ...), and no two ups (or two downs) may share a version. Reported at "
		"the start of the file. `ddlint migrations DIR` shows what was detected.",
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
