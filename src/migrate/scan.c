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
	size_t na = strlen(a), nb = strlen(b);
	char *p = dd_xmalloc(na + nb + 2);
	memcpy(p, a, na);
	p[na] = '/';
	memcpy(p + na + 1, b, nb + 1);
	return p;
}

typedef struct dirent_name { char *name; unsigned char type; } dirent_name;

static int name_cmp(const void *a, const void *b)
{
	return strcmp(((const dirent_name *)a)->name, ((const dirent_name *)b)->name);
}

names dd_list_dir(const char *dir)
{
	names out = { NULL, 0, NULL };
	DIR *d = opendir(dir);
	if (!d)
		return out;
	dirent_name *all = NULL;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		all = dd_xrealloc(all, (out.n + 1) * sizeof *all);
		all[out.n].name = dd_xstrdup(e->d_name);
		all[out.n++].type = e->d_type;
	}
	closedir(d);
	if (!out.n)   /* an empty directory has no array: qsort must not be given NULL */
		return out;
	qsort(all, out.n, sizeof *all, name_cmp);
	out.v = dd_xmalloc(out.n * sizeof *out.v);
	out.type = dd_xmalloc(out.n);
	for (size_t i = 0; i < out.n; i++) {
		out.v[i] = all[i].name;
		out.type[i] = all[i].type;
	}
	free(all);
	return out;
}

/* What readdir said of entry i: a regular file, a directory, something else, or DT_UNKNOWN
 * (also for a symbolic link, which stat follows). */
static unsigned char entry_type(const names *ls, size_t i)
{
	unsigned char t = ls->type ? ls->type[i] : DT_UNKNOWN;
	return t == DT_LNK ? DT_UNKNOWN : t;
}

bool dd_entry_is_file(const names *ls, size_t i, const char *path)
{
	unsigned char t = entry_type(ls, i);
	return t == DT_UNKNOWN ? dd_is_file(path) : t == DT_REG;
}

bool dd_entry_is_dir(const names *ls, size_t i, const char *path)
{
	unsigned char t = entry_type(ls, i);
	return t == DT_UNKNOWN ? dd_is_dir(path) : t == DT_DIR;
}

bool dd_entry_may_be_dir(const names *ls, size_t i)
{
	unsigned char t = entry_type(ls, i);
	return t == DT_UNKNOWN || t == DT_DIR;
}

void dd_free_names(names *n)
{
	for (size_t i = 0; i < n->n; i++)
		free(n->v[i]);
	free(n->v);
	free(n->type);
	n->v = NULL;
	n->type = NULL;
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

/* Does the project file name `dep` as a dependency: a key "dep" (package.json), a line
 * "dep = ..." or a table [dependencies.dep] (Cargo.toml)? */
static bool names_dependency(const char *path, const char *dep)
{
	char *text = dd_file_head(path, (size_t)1 << 20);
	bool found = false;
	size_t n = strlen(dep);
	for (const char *p = text; p && !found && (p = strstr(p, dep)) != NULL; p += n) {
		char before = p == text ? '\n' : p[-1], after = p[n];
		found = (before == '"' && after == '"') ||
			((before == '\n' || before == ' ' || before == '\t') && (after == ' ' || after == '=' || after == '.')) ||
			(before == '.' && after == ']');
	}
	free(text);
	return found;
}

bool dd_project_uses(const char *root, const char *file, const char *dep)
{
	char *dir = dd_xstrdup(root);
	bool found = false;
	for (int level = 0; level < 6 && !found; level++) {
		char *p = dd_join(dir, file);
		found = names_dependency(p, dep);
		free(p);
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
	e->path = d->run ? dd_run_real_path(d->run, path) : realpath(path, NULL);
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
	dd_section one = { start, end, down, tx, why, optout }, *s = &one;
	/* sections are added in file order into one array, its capacity doubling (4, 8, 16, ...):
	 * nothing points into it before the files are parsed */
	size_t n = f->n_sections;
	if (n == 0 || (n >= 4 && (n & (n - 1)) == 0)) {
		dd_section *all = dd_arena_alloc(run->arena, (n ? n * 2 : 4) * sizeof *all);
		if (n)
			memcpy(all, f->sections, n * sizeof *all);
		f->sections = all;
	}
	f->sections[n] = *s;
	return &f->sections[f->n_sections++];
}

void dd_whole_file(dd_run *run, dd_file *f, bool down, dd_txmode tx, const char *why, const char *optout)
{
	dd_add_section(run, f, 0, (int)f->len, down, tx, why, optout);
}

int dd_key_text(const entry *a, const entry *b) { return strcmp(a->key, b->key); }

void dd_whole_entry(dd_run *run, dd_file *f, const entry *e, dd_txmode tx, const char *why, const char *optout)
{
	dd_whole_file(run, f, e->kind == DD_ROLE_DOWN || e->kind == DD_ROLE_OTHER, tx, why, optout);
}
