/* Inputs of the command line: files, directories walked for *.sql, standard input. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "cli.h"

void dd_inputs_add(dd_inputs *in, const char *path, const char *display)
{
	if (in->n == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 16;
		in->items = dd_xrealloc(in->items, in->cap * sizeof *in->items);
	}
	dd_input *it = &in->items[in->n++];
	it->path = dd_xstrdup(path);
	it->display = dd_xstrdup(display);
	it->config = NULL;
	it->lookup = NULL;
	it->text = NULL;
	it->len = 0;
	if (!it->path || !it->display) {
		fputs("ddlint: out of memory\n", stderr);
		exit(2);
	}
}

void dd_inputs_free(dd_inputs *in)
{
	for (size_t i = 0; i < in->n; i++) {
		free(in->items[i].path);
		free(in->items[i].display);
	}
	free(in->items);
	memset(in, 0, sizeof *in);
}

static int input_cmp(const void *pa, const void *pb)
{
	const dd_input *a = pa, *b = pb;
	int c = dd_natural_cmp(a->display, b->display);
	return c ? c : strcmp(a->display, b->display);
}

struct dirstack { dev_t dev; ino_t ino; struct dirstack *up; };

static bool ends_with_sql(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcasecmp(name + n - 4, ".sql") == 0;
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	bool slash = n > 0 && dir[n - 1] == '/';
	char *p = dd_xmalloc(n + strlen(name) + 2);
	sprintf(p, "%s%s%s", dir, slash || n == 0 ? "" : "/", name);
	return p;
}

/* Walk a directory for *.sql files; hidden entries skipped, symlink loops detected. */
static int walk(dd_inputs *o, const char *path, const char *display, struct dirstack *up)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		fprintf(stderr, "ddlint: cannot read '%s': %s\n", path, strerror(errno));
		return -1;
	}
	for (struct dirstack *s = up; s; s = s->up)
		if (s->dev == sb.st_dev && s->ino == sb.st_ino) {
			fprintf(stderr, "ddlint: skipping '%s': symbolic link loop\n", path);
			return 0;
		}
	struct dirstack here = { sb.st_dev, sb.st_ino, up };
	DIR *d = opendir(path);
	if (!d) {
		fprintf(stderr, "ddlint: cannot read directory '%s': %s\n", path, strerror(errno));
		return -1;
	}
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *child = join(path, e->d_name);
		char *child_display = *display ? join(display, e->d_name) : dd_xstrdup(e->d_name);
		struct stat cs;
		if (stat(child, &cs) != 0) {
			if (lstat(child, &cs) == 0 && S_ISLNK(cs.st_mode))
				fprintf(stderr, "ddlint: skipping '%s': broken symbolic link\n", child);
			else {
				fprintf(stderr, "ddlint: cannot read '%s': %s\n", child, strerror(errno));
				rc = -1;
			}
		} else if (S_ISDIR(cs.st_mode)) {
			if (walk(o, child, child_display, &here) != 0)
				rc = -1;
		} else if (S_ISREG(cs.st_mode) && ends_with_sql(e->d_name)) {
			dd_inputs_add(o, child, child_display);
		}
		free(child);
		free(child_display);
	}
	closedir(d);
	return rc;
}

int dd_inputs_collect(dd_inputs *o, const char *arg, const char *stdin_name)
{
	if (strcmp(arg, "-") == 0) {
		dd_inputs_add(o, "-", stdin_name);
		return 0;
	}
	struct stat sb;
	if (stat(arg, &sb) != 0) {
		fprintf(stderr, "ddlint: cannot read '%s': %s\n", arg, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		dd_inputs_add(o, arg, arg);
		return 0;
	}
	size_t first = o->n;
	int rc = walk(o, arg, strcmp(arg, ".") == 0 ? "" : arg, NULL);
	qsort(o->items + first, o->n - first, sizeof *o->items, input_cmp);
	return rc;
}

struct ident { dev_t dev; ino_t ino; size_t at; };

static int ident_cmp(const void *pa, const void *pb)
{
	const struct ident *a = pa, *b = pb;
	if (a->dev != b->dev)
		return a->dev < b->dev ? -1 : 1;
	if (a->ino != b->ino)
		return a->ino < b->ino ? -1 : 1;
	return a->at < b->at ? -1 : a->at > b->at;
}

void dd_inputs_dedup(dd_inputs *in)
{
	if (in->n < 2)
		return;
	struct ident *ids = dd_xmalloc(in->n * sizeof *ids);
	bool *drop = dd_xcalloc(in->n, sizeof *drop);
	size_t n = 0;
	for (size_t i = 0; i < in->n; i++) {
		struct stat sb;
		if (strcmp(in->items[i].path, "-") != 0 && stat(in->items[i].path, &sb) == 0)
			ids[n++] = (struct ident){ sb.st_dev, sb.st_ino, i };
	}
	qsort(ids, n, sizeof *ids, ident_cmp);
	for (size_t i = 1; i < n; i++)
		if (ids[i].dev == ids[i - 1].dev && ids[i].ino == ids[i - 1].ino)
			drop[ids[i].at] = true;   /* the first mention of the file stays */
	size_t k = 0;
	for (size_t i = 0; i < in->n; i++) {
		if (drop[i]) {
			free(in->items[i].path);
			free(in->items[i].display);
		} else {
			in->items[k++] = in->items[i];
		}
	}
	in->n = k;
	free(ids);
	free(drop);
}
