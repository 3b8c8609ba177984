/* ddlint db: the schema of a live database, through pg_dump --schema-only. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cli.h"

extern char **environ;

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
	int errpipe[2];
	if (pipe(errpipe) != 0) {
		close(out);
		unlink(tmpl);
		rmdir(dtmpl);
		fprintf(stderr, "ddlint: cannot run '%s': %s\n", pg_dump, strerror(errno));
		return NULL;
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, out, STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, errpipe[1], STDERR_FILENO);
	posix_spawn_file_actions_addclose(&fa, errpipe[0]);
	/* the connection string is one argument: never a shell, never echoed (it may hold a password) */
	char *argv[] = { (char *)pg_dump, "--schema-only", "--no-owner", "--no-privileges", "--dbname", (char *)conninfo, NULL };
	pid_t pid;
	/* a path is checked first: where posix_spawn cannot report a failed exec (under valgrind
	 * it forks), the child would just exit with 127 */
	int rc = strchr(pg_dump, '/') && access(pg_dump, X_OK) != 0 ? errno
		 : strchr(pg_dump, '/') ? posix_spawn(&pid, pg_dump, &fa, NULL, argv, environ)
					: posix_spawnp(&pid, pg_dump, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(errpipe[1]);
	close(out);
	if (rc != 0) {
		close(errpipe[0]);
		unlink(tmpl);
		rmdir(dtmpl);
		fprintf(stderr, "ddlint: cannot run '%s': %s; install the PostgreSQL client (Debian: postgresql-client) "
			"or name it with --pg-dump PATH\n", pg_dump, strerror(rc));
		return NULL;
	}
	dd_buf err = { 0 };
	char chunk[4096];
	ssize_t got;
	while ((got = read(errpipe[0], chunk, sizeof chunk)) > 0)
		if (err.len < 65536)
			dd_buf_add(&err, chunk, (size_t)got);
	close(errpipe[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && !err.len) {   /* the exec failed in the child */
		fprintf(stderr, "ddlint: cannot run '%s': not found; install the PostgreSQL client (Debian: postgresql-client) "
			"or name it with --pg-dump PATH\n", pg_dump);
		dd_buf_free(&err);
		unlink(tmpl);
		rmdir(dtmpl);
		return NULL;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "ddlint: pg_dump failed%s\n%s", WIFEXITED(status) ? "" : " (killed by a signal)",
			err.data ? err.data : "");
		dd_buf_free(&err);
		unlink(tmpl);
		rmdir(dtmpl);
		return NULL;
	}
	dd_buf_free(&err);
	return dd_xstrdup(tmpl);
}
