/*
 * The throwaway PostgreSQL of `ddlint verify --temp-server`: initdb into a directory of its own
 * under /tmp, the server listening on a Unix socket in that directory only (no TCP, so any port
 * is free: the socket's name is private), trust authentication for the user ddlint. As root, the
 * server cannot run: initdb and pg_ctl then run as the user postgres (or nobody) through
 * runuser, as tests/pg/server.sh does. Programs run through dd_child_run (no shell).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "verify.h"

#define PORT "5432"

static bool has_server(const char *dir)
{
	char p[PATH_MAX];
	snprintf(p, sizeof p, "%s/initdb", dir);
	bool ok = access(p, X_OK) == 0;
	snprintf(p, sizeof p, "%s/pg_ctl", dir);
	return ok && access(p, X_OK) == 0;
}

/* --pg-bin, else pg_config --bindir, else the newest /usr/lib/postgresql/N/bin (heap), or NULL. */
static char *find_bin(const char *pg_bin)
{
	if (pg_bin)
		return has_server(pg_bin) ? dd_xstrdup(pg_bin) : NULL;
	char *argv[] = { "pg_config", "--bindir", NULL };
	dd_buf out = { 0 };
	int status = 0;
	if (dd_child_run(argv, 0, &out, NULL, &status) == 0 && status == 0 && out.len) {
		dd_buf_add(&out, "", 1);
		out.data[strcspn(out.data, "\r\n")] = '\0';
		if (has_server(out.data))
			return out.data;
	}
	dd_buf_free(&out);
	DIR *d = opendir("/usr/lib/postgresql");
	long best = -1;
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			char *end, p[PATH_MAX];
			long v = strtol(e->d_name, &end, 10);
			snprintf(p, sizeof p, "/usr/lib/postgresql/%s/bin", e->d_name);
			if (end != e->d_name && !*end && v > best && has_server(p))
				best = v;
		}
		closedir(d);
	}
	if (best < 0)
		return NULL;
	char p[64];
	snprintf(p, sizeof p, "/usr/lib/postgresql/%ld/bin", best);
	return dd_xstrdup(p);
}

/* Run a server program (as s->user when set) with its output into log; 0, or -1 after printing
 * what it said. */
static int run_prog(const vserver *s, const char *prog, char *const args[], const char *log)
{
	char *argv[32];
	size_t n = 0;
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", s->bin, prog);
	if (s->user) {
		argv[n++] = "runuser";
		argv[n++] = "-u";
		argv[n++] = (char *)s->user;
		argv[n++] = "--";
	}
	argv[n++] = path;
	for (size_t i = 0; args[i] && n < 31; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		fprintf(stderr, "ddlint: cannot write '%s': %s\n", log, strerror(errno));
		return -1;
	}
	dd_buf err = { 0 };
	int status = 0;
	int rc = dd_child_run(argv, fd, NULL, &err, &status);
	close(fd);
	if (rc != 0 || status != 0) {
		fprintf(stderr, "ddlint: %s failed%s%s\n", s->user ? "runuser" : prog, rc ? ": " : "", rc ? strerror(rc) : "");
		if (err.len)
			fprintf(stderr, "%.*s", (int)err.len, err.data);
		FILE *f = fopen(log, "r");
		char line[512];
		for (int i = 0; f && i < 20 && fgets(line, sizeof line, f); i++)
			fputs(line, stderr);
		if (f)
			fclose(f);
		dd_buf_free(&err);
		return -1;
	}
	dd_buf_free(&err);
	return 0;
}

static int rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw) { return remove(p); }

int dd_vserver_start(vserver *s, const char *pg_bin)
{
	s->bin = find_bin(pg_bin);
	if (!s->bin) {
		if (pg_bin)
			fprintf(stderr, "ddlint: --pg-bin '%s' has no initdb and pg_ctl\n", pg_bin);
		else
			fprintf(stderr, "ddlint: --temp-server needs the PostgreSQL server programs (initdb, pg_ctl) and none were found "
				"(pg_config --bindir, /usr/lib/postgresql/*/bin): install them (Debian: apt-get install postgresql) "
				"or name their directory with --pg-bin DIR\n");
		return -1;
	}
	uid_t uid = (uid_t)-1;
	if (geteuid() == 0) {
		/* PostgreSQL refuses to run as root: an unprivileged user owns the directory and runs it */
		static const char *const users[] = { "postgres", "nobody" };
		for (size_t i = 0; i < 2 && !s->user; i++) {
			struct passwd *pw = getpwnam(users[i]);
			if (pw) {
				s->user = users[i];
				uid = pw->pw_uid;
			}
		}
		if (!s->user) {
			fprintf(stderr, "ddlint: PostgreSQL does not run as root, and there is no user postgres or nobody to run "
				"it as: run ddlint as an unprivileged user, or create the user postgres\n");
			return -1;
		}
	}
	/* named with our pid: a directory whose process is gone was left behind */
	snprintf(s->dir, sizeof s->dir, "/tmp/ddlint-verify-%ld-XXXXXX", (long)getpid());
	if (!mkdtemp(s->dir)) {
		fprintf(stderr, "ddlint: cannot create a temporary directory: %s\n", strerror(errno));
		s->dir[0] = '\0';
		return -1;
	}
	if (chmod(s->dir, 0755) != 0 || (s->user && chown(s->dir, uid, (gid_t)-1) != 0)) {
		fprintf(stderr, "ddlint: cannot give '%s' to the user %s: %s\n", s->dir, s->user ? s->user : "", strerror(errno));
		dd_vserver_stop(s);
		return -1;
	}
	char data[128], log[128], opts[512];
	snprintf(data, sizeof data, "%s/data", s->dir);
	snprintf(log, sizeof log, "%s/initdb.log", s->dir);
	char *initdb[] = { "-D", data, "-U", "ddlint", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", NULL };
	if (run_prog(s, "initdb", initdb, log) != 0) {
		dd_vserver_stop(s);
		return -1;
	}
	snprintf(log, sizeof log, "%s/server.log", s->dir);
	snprintf(opts, sizeof opts, "-c listen_addresses='' -c unix_socket_directories='%s' -p " PORT
		 " -c fsync=off -c full_page_writes=off -c synchronous_commit=off", s->dir);
	char *start[] = { "-D", data, "-l", log, "-w", "-t", "60", "-o", opts, "start", NULL };
	char ctl_log[128];
	snprintf(ctl_log, sizeof ctl_log, "%s/pg_ctl.log", s->dir);
	s->up = true;   /* from here on, stopping it is tried */
	if (run_prog(s, "pg_ctl", start, ctl_log) != 0) {
		FILE *f = fopen(log, "r");
		char line[512];
		for (int i = 0; f && i < 20 && fgets(line, sizeof line, f); i++)
			fputs(line, stderr);
		if (f)
			fclose(f);
		dd_vserver_stop(s);
		return -1;
	}
	return 0;
}

char *dd_vserver_conninfo(const vserver *s)
{
	dd_buf b = { 0 };
	dd_buf_printf(&b, "host=%s port=" PORT " user=ddlint dbname=postgres", s->dir);
	return b.data;
}

void dd_vserver_stop(vserver *s)
{
	if (s->dir[0]) {
		if (s->up) {
			char data[128];
			snprintf(data, sizeof data, "%s/data", s->dir);
			char path[PATH_MAX];
			snprintf(path, sizeof path, "%s/pg_ctl", s->bin);
			char *as[] = { "runuser", "-u", (char *)s->user, "--", path, "-D", data, "-m", "immediate", "-w", "stop", NULL };
			int status;
			/* quietly: a server that is gone already is what we want */
			dd_child_run(s->user ? as : as + 4, 0, NULL, NULL, &status);
			s->up = false;
		}
		nftw(s->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
		s->dir[0] = '\0';
	}
	free(s->bin);
	s->bin = NULL;
}
