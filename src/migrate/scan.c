/* Reading migration directories: names, file heads, project files; entries and sections. */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "migrate_priv.h"

bool dd_is_dir(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

bool dd_is_file(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

char *dd_join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = dd_xmalloc(n);
	snprintf(p, n, "%s/%s", a, b);
	return p;
}

static int name_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

names dd_list_dir(const char *dir)
{
	names out = { NULL, 0 };
	DIR *d = opendir(dir);
	if (!d)
		return out;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		out.v = dd_xrealloc(out.v, (out.n + 1) * sizeof *out.v);
		out.v[out.n++] = dd_xstrdup(e->d_name);
	}
	closedir(d);
	qsort(out.v, out.n, sizeof *out.v, name_cmp);
	return out;
}

void dd_free_names(names *n)
{
	for (size_t i = 0; i < n->n; i++)
		free(n->v[i]);
	free(n->v);
	n->v = NULL;
	n->n = 0;
}

char *dd_file_head(const char *path, size_t max)
{
	if (!dd_is_file(path))
		return NULL;   /* never a FIFO or a device: reading one would take its data, or wait */
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	char *buf = dd_xmalloc(max + 1);
	size_t n = fread(buf, 1, max, fp);
	fclose(fp);
	buf[n] = '\0';
	return buf;
}

bool dd_file_contains(const char *path, const char *needle)
{
	char *head = dd_file_head(path, 65536);
	bool found = head && strstr(head, needle) != NULL;
	free(head);
	return found;
}

bool dd_project_uses(const char *root, const char *what)
{
	static const char *const files[] = { "package.json", "Cargo.toml", "go.mod", NULL };
	char *dir = dd_xstrdup(root);
	bool found = false;
	for (int level = 0; level < 6 && !found; level++) {
		for (int k = 0; files[k] && !found; k++) {
			char *p = dd_join(dir, files[k]);
			found = dd_file_contains(p, what);
			free(p);
		}
		char *git = dd_join(dir, ".git");
		bool top = dd_is_dir(git) || dd_is_file(git);
		free(git);
		char *slash = strrchr(dir, '/');
		if (top || !slash || slash == dir)
			break;
		*slash = '\0';
	}
	free(dir);
	return found;
}

char *dd_leading_version(const char *s, bool dots, bool dashes, const char **rest)
{
	const char *p = s;
	while (isdigit((unsigned char)*p) || (dots && (*p == '_' || *p == '.') && isdigit((unsigned char)p[1])) ||
	       (dashes && *p == '-' && isdigit((unsigned char)p[1])))
		p++;
	if (p == s)
		return NULL;
	if (rest)
		*rest = p;
	char *v = dd_xmalloc((size_t)(p - s) + 1);
	memcpy(v, s, (size_t)(p - s));
	v[p - s] = '\0';
	return v;
}

void dd_add_entry(mdir *d, const char *path, const char *rel, int kind, char *version, const char *name, bool matched)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->entries = dd_xrealloc(d->entries, d->cap * sizeof *d->entries);
	}
	entry *e = &d->entries[d->n++];
	memset(e, 0, sizeof *e);
	e->path = realpath(path, NULL);
	if (!e->path)
		e->path = dd_xstrdup(path);
	e->rel = dd_xstrdup(rel);
	e->kind = kind;
	e->version = version;
	e->key = version ? dd_xstrdup(version) : NULL;
	e->name = dd_xstrdup(name ? name : "");
	e->matched = matched;
}

dd_section *dd_add_section(dd_run *run, dd_file *f, int start, int end, bool down, dd_txmode tx, const char *why,
			   const char *optout)
{
	dd_section *s = dd_arena_alloc(run->arena, sizeof *s);
	s->start = start;
	s->end = end;
	s->down = down;
	s->tx = tx;
	s->tx_why = why;
	s->tx_optout = optout;
	/* sections are added in file order into one array */
	dd_section *all = dd_arena_alloc(run->arena, (f->n_sections + 1) * sizeof *all);
	if (f->n_sections)
		memcpy(all, f->sections, f->n_sections * sizeof *all);
	all[f->n_sections] = *s;
	f->sections = all;
	return &f->sections[f->n_sections++];
}

void dd_whole_file(dd_run *run, dd_file *f, bool down, dd_txmode tx, const char *why, const char *optout)
{
	dd_add_section(run, f, 0, (int)f->len, down, tx, why, optout);
}
