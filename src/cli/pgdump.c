/* ddlint db: the schema of a live database, through pg_dump --schema-only. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

char *dd_pg_dump_to_file(const char *pg_dump, const char *conninfo)
{
	/* a directory of its own: nothing else beside the dump can look like a migration directory */
	char dtmpl[] = "/tmp/ddlint-db-XXXXXX";
	if (!mkdtemp(dtmpl)) {
		fprintf(stderr, "ddlint: cannot create a temporary directory: %s\n", strerror(errno));
		return NULL;
	}
	char tmpl[64];
	snprintf(tmpl, sizeof tmpl, "%s/pg_dump.sql", dtmpl);
	int out = open(tmpl, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (out < 0) {
		fprintf(stderr, "ddlint: cannot create a temporary file: %s\n", strerror(errno));
		rmdir(dtmpl);
		return NULL;
	}
	/* the connection string is one argument: never a shell, never echoed (it may hold a password) */
	char *argv[] = { (char *)pg_dump, "--schema-only", "--no-owner", "--no-privileges", "--dbname", (char *)conninfo, NULL };
	dd_buf err = { 0 };
	int status = 0;
	int rc = dd_child_run(argv, out, NULL, &err, &status);
	close(out);
	if (rc != 0 || (status == 127 && !err.len)) {   /* not started, or the exec failed in the child */
		fprintf(stderr, "ddlint: cannot run '%s': %s; install the PostgreSQL client (Debian: postgresql-client) "
			"or name it with --pg-dump PATH\n", pg_dump, rc ? strerror(rc) : "not found");
		dd_buf_free(&err);
		unlink(tmpl);
		rmdir(dtmpl);
		return NULL;
	}
	if (status != 0) {
		fprintf(stderr, "ddlint: pg_dump failed%s\n%.*s", status < 0 ? " (killed by a signal)" : "", (int)err.len,
			err.data ? err.data : "");
		dd_buf_free(&err);
		unlink(tmpl);
		rmdir(dtmpl);
		return NULL;
	}
	dd_buf_free(&err);
	return dd_xstrdup(tmpl);
}
