/* run: a run's files, rule severities and diagnostics (see run.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "run.h"

const char *dd_severity_name(dd_severity sev)
{
	switch (sev) {
	case DD_SEV_ERROR: return "error";
	case DD_SEV_WARNING: return "warning";
	case DD_SEV_INFO: return "info";
	default: return "off";
	}
}

int dd_severity_parse(const char *name, dd_severity *out)
{
	static const char *names[] = { "off", "info", "warning", "error" };
	for (int i = 0; i < 4; i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (dd_severity)i;
			return 0;
		}
	return -1;
}

int dd_rule_find(const char *id)
{
	for (size_t i = 0; i < dd_rules_count; i++)
		if (strcmp(dd_rules[i]->id, id) == 0)
			return (int)i;
	return -1;
}

const char *dd_run_error(const dd_run *run) { return run->error; }
size_t dd_run_file_count(const dd_run *run) { return run->n_files; }

int dd_run_set_severity(dd_run *run, const char *rule_id, dd_severity severity)
{
	int i = dd_rule_find(rule_id);
	if (i < 0) {
		snprintf(run->error, sizeof run->error, "unknown rule '%s'", rule_id);
		return -1;
	}
	run->severity[i] = severity;
	return 0;
}

static dd_file *new_file(dd_run *run, const char *display, bool report)
{
	dd_file *f = dd_arena_alloc(run->arena, sizeof *f);
	f->path = dd_arena_strdup(run->arena, display);
	f->report = report;
	f->index = run->n_files;
	DD_PUSH(run->arena, &run->files, &run->n_files, f);
	return f;
}

int dd_run_add_buffer(dd_run *run, const char *display, const char *data, size_t len, bool report)
{
	if (len > DD_MAX_INPUT_BYTES) {
		snprintf(run->error, sizeof run->error, "cannot read '%s': larger than 1 GiB", display);
		return -1;
	}
	dd_file *f = new_file(run, display, report);
	f->text = dd_arena_strndup(run->arena, data, len);
	f->len = len;
	dd_file_index_lines(run->arena, f);
	return 0;
}

/* realpath(path), with each directory's own resolved once a run: a file that is not a symbolic
 * link, named in a directory by an absolute path without . or .. parts, is the directory's real
 * path and its name (as realpath finds, component by component). A migration directory's
 * thousand earlier files cost a stat each, not a readlink for every component of each. */
char *dd_run_real_path(dd_run *run, const char *path)
{
	const char *slash = strrchr(path, '/');
	struct stat sb;
	if (dd_map_get(&run->real_files, path))   /* a migration's path, resolved when it was planned */
		return dd_xstrdup(path);
	if (path[0] != '/' || !slash || !slash[1] || strstr(path, "//") || strstr(path, "/./") || strstr(path, "/../") ||
	    strcmp(slash, "/.") == 0 || strcmp(slash, "/..") == 0 || lstat(path, &sb) != 0 || S_ISLNK(sb.st_mode))
		return realpath(path, NULL);
	char *dir = dd_xstrdup(path);
	dir[slash - path] = '\0';
	const char *rdir = dd_map_get(&run->real_dirs, *dir ? dir : "/");
	if (!rdir) {
		char *r = realpath(*dir ? dir : "/", NULL);
		if (!r) {
			free(dir);
			return realpath(path, NULL);
		}
		rdir = dd_arena_strdup(run->arena, r);
		free(r);
		dd_map_put(&run->real_dirs, run->arena, *dir ? dir : "/", (void *)rdir);
	}
	free(dir);
	size_t n = strlen(rdir) + strlen(slash) + 1;
	char *real = dd_xmalloc(n);
	snprintf(real, n, "%s%s", strcmp(rdir, "/") == 0 ? "" : rdir, slash);
	dd_map_put(&run->real_files, run->arena, real, (void *)1);
	return real;
}

int dd_run_add_path(dd_run *run, const char *path, const char *display, bool report)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		snprintf(run->error, sizeof run->error, "cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	char *buf;
	size_t len;
	const char *why;
	int rc = dd_read_stream(fp, &buf, &len, &why);
	fclose(fp);
	if (rc != 0) {
		snprintf(run->error, sizeof run->error, "cannot read '%s': %s", path, why);
		return -1;
	}
	rc = dd_run_add_buffer(run, display, buf, len, report);
	free(buf);
	char *real = dd_run_real_path(run, path);
	run->files[run->n_files - 1]->fs_real = dd_arena_strdup(run->arena, real ? real : path);
	free(real);
	return rc;
}

void dd_run_add_diag(dd_run *run, int ri, const dd_loc *loc, const char *object,
		     const char *suggestion, const char *message)
{
	if (run->severity[ri] == DD_SEV_OFF || !loc->file->report)
		return;
	dd_diag *d = dd_arena_alloc(run->arena, sizeof *d);
	d->file = loc->file;
	d->path = loc->file->path;
	d->offset = loc->offset;
	dd_file_position(loc->file, loc->offset, &d->line, &d->column);
	dd_file_position(loc->file, loc->offset + (loc->len > 0 ? loc->len : 0), &d->end_line, &d->end_column);
	d->rule = dd_rules[ri]->id;
	d->severity = run->severity[ri];
	d->message = dd_arena_strdup(run->arena, message);
	d->object = dd_arena_strdup(run->arena, object);
	d->suggestion = dd_arena_strdup(run->arena, suggestion);
	DD_PUSH(run->arena, &run->diags, &run->n_diags, d);
}

void dd_run_count_checked(dd_run *run)
{
	if (!run->checked)
		run->checked = dd_arena_alloc(run->arena, (dd_rules_count + 1) * sizeof *run->checked);
}

void dd_run_checked(dd_run *run, int ri, const dd_loc *loc, const char *object)
{
	if (!run->checked || run->severity[ri] == DD_SEV_OFF || !loc->file || !loc->file->report)
		return;
	const char *key = object;
	char buf[64];
	if (!key) {
		int line, col;
		dd_file_position(loc->file, loc->offset, &line, &col);
		snprintf(buf, sizeof buf, ":%d", line);
		key = dd_arena_sprintf(run->arena, "%s%s", loc->file->path, buf);
	}
	if (!dd_map_get(&run->checked[ri], key))
		dd_map_put(&run->checked[ri], run->arena, key, (void *)1);
}

const char *dd_diag_checked_key(dd_run *run, const dd_diag *d)
{
	return d->object ? d->object : dd_arena_sprintf(run->arena, "%s:%d", d->path, d->line);
}

static int diag_cmp(const void *pa, const void *pb)
{
	const dd_diag *a = pa, *b = pb;
	if (a->file->index != b->file->index)
		return a->file->index < b->file->index ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	int c = strcmp(a->rule, b->rule);
	if (c)
		return c;
	return strcmp(a->message, b->message);
}

int dd_run_sort_diags(dd_run *run)
{
	run->sorted = dd_xmalloc((run->n_diags ? run->n_diags : 1) * sizeof *run->sorted);
	for (size_t i = 0; i < run->n_diags; i++)
		run->sorted[i] = *run->diags[i];
	qsort(run->sorted, run->n_diags, sizeof *run->sorted, diag_cmp);
	return 0;
}

const dd_diag *dd_run_diagnostics(const dd_run *run, size_t *count)
{
	*count = run->sorted ? run->n_diags : 0;
	return run->sorted;
}

void dd_run_set_jobs(dd_run *run, int jobs) { run->jobs = jobs > 0 ? jobs : 1; }

void dd_run_set_last_file_path(dd_run *run, const char *path)
{
	if (!run->n_files)
		return;
	char *real = realpath(path, NULL);
	if (!real) {
		/* a new file: its directory's real path and its name */
		char *dir = dd_xstrdup(path);
		char *slash = strrchr(dir, '/');
		const char *base = slash ? slash + 1 : path;
		if (slash)
			*slash = '\0';
		char *rdir = realpath(slash ? (*dir ? dir : "/") : ".", NULL);
		if (rdir) {
			real = dd_xmalloc(strlen(rdir) + strlen(base) + 2);
			if (real)
				sprintf(real, "%s/%s", rdir, base);
			free(rdir);
		}
		free(dir);
	}
	if (real)
		run->files[run->n_files - 1]->fs_real = dd_arena_strdup(run->arena, real);
	free(real);
}

void dd_run_add_migration_dir(dd_run *run, const char *dir, const char *layout)
{
	char *real = realpath(dir, NULL);
	size_t n = run->n_forced;
	DD_PUSH(run->arena, &run->forced_dirs, &n, dd_arena_strdup(run->arena, real ? real : dir));
	DD_PUSH(run->arena, &run->forced_layouts, &run->n_forced, layout ? dd_arena_strdup(run->arena, layout) : NULL);
	free(real);
}
