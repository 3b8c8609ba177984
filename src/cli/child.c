/* Running another program (git for --changed-since, pg_dump for inspect): one way, with
 * posix_spawn, its standard output to a file or read back, its standard error read back or
 * dropped, never through a shell. */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cli.h"

extern char **environ;

/* Read a pipe to its end into b (up to cap bytes kept; the rest is read and dropped). */
static void drain(int fd, dd_buf *b, size_t cap)
{
	char chunk[4096];
	for (;;) {
		ssize_t got = read(fd, chunk, sizeof chunk);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		if (b && b->len < cap)
			dd_buf_add(b, chunk, (size_t)got);
	}
	close(fd);
}

int dd_child_run(char *const argv[], int out_fd, dd_buf *out, dd_buf *err, int *exit_status)
{
	int opipe[2] = { -1, -1 }, epipe[2] = { -1, -1 };
	/* close-on-exec: the child gets only its dup2'd copies, so a daemon it starts (pg_ctl's
	 * server) cannot hold a pipe open and keep us reading forever */
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (null < 0)
		return errno;
	if ((!out_fd && out && pipe2(opipe, O_CLOEXEC) != 0) || (err && pipe2(epipe, O_CLOEXEC) != 0)) {
		int e = errno;
		close(null);
		if (opipe[0] >= 0)
			close(opipe[0]), close(opipe[1]);
		return e;
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, null, STDIN_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out_fd ? out_fd : out ? opipe[1] : null, STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, err ? epipe[1] : null, STDERR_FILENO);
	if (opipe[0] >= 0)
		posix_spawn_file_actions_addclose(&fa, opipe[0]);
	if (epipe[0] >= 0)
		posix_spawn_file_actions_addclose(&fa, epipe[0]);
	pid_t pid;
	const char *prog = argv[0];
	/* a path is checked first: where posix_spawn cannot report a failed exec (under valgrind
	 * it forks), the child would just exit with 127 */
	int rc = strchr(prog, '/') && access(prog, X_OK) != 0 ? errno
		 : strchr(prog, '/') ? posix_spawn(&pid, prog, &fa, NULL, argv, environ)
				     : posix_spawnp(&pid, prog, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(null);
	if (opipe[1] >= 0)
		close(opipe[1]);
	if (epipe[1] >= 0)
		close(epipe[1]);
	if (rc != 0) {
		if (opipe[0] >= 0)
			close(opipe[0]);
		if (epipe[0] >= 0)
			close(epipe[0]);
		return rc;
	}
	/* only one of the two is ever read back, so reading it to its end cannot block the child */
	if (opipe[0] >= 0)
		drain(opipe[0], out, (size_t)DD_MAX_CHILD_OUTPUT);
	if (epipe[0] >= 0)
		drain(epipe[0], err, 65536);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return errno;
	*exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	return 0;
}
