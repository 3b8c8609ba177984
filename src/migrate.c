/*
 * Migration directories: detect the layout of each directory a run's files
 * live in, order its migrations by version, read the earlier migrations as
 * context, and mark what is up and what is down (whole files or sections).
 *
 * Layouts: golang-migrate (<v>_<name>.up.sql / .down.sql), Flyway (V<v>__, U<v>__
 * undo, B<v>__ baseline, R__ repeatable, after every versioned one), dbmate
 * (-- migrate:up / -- migrate:down), goose (-- +goose Up / Down), Prisma
 * (<v>_<name>/migration.sql), Diesel (<v>_<name>/up.sql + down.sql), sqitch
 * (deploy/, revert/, verify/ ordered by sqitch.plan), plain numbered files.
 */
#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "migrate.h"

typedef struct entry {
	char *path;              /* real path */
	char *rel;               /* name within the directory (dir/file for prisma, diesel, sqitch) */
	int kind;                /* DD_ROLE_UP, DD_ROLE_DOWN, DD_ROLE_UP_AND_DOWN, DD_ROLE_REPEATABLE, DD_ROLE_OTHER */
	char *version, *name;
	size_t order;            /* sqitch: plan position */
	dd_migration *migration;
	bool matched;            /* fits the layout */
} entry;

typedef struct mdir {
	char *root;
	const char *layout;
	entry *entries;
	size_t n, cap;
} mdir;

static bool is_dir(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static bool is_file(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

static char *join2(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = dd_xmalloc(n);
	snprintf(p, n, "%s/%s", a, b);
	return p;
}

/* Leading digits (and, for Flyway, _ and . between them) as a version; NULL when none. */
static char *leading_version(const char *s, bool dots, const char **rest)
{
	const char *p = s;
	while (isdigit((unsigned char)*p) || (dots && (*p == '_' || *p == '.') && isdigit((unsigned char)p[1])))
		p++;
	if (p == s)
		return NULL;
	/* diesel dates: 2019-02-26-002946 */
	while (*p == '-' && isdigit((unsigned char)p[1])) {
		p++;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (rest)
		*rest = p;
	char *v = dd_xmalloc((size_t)(p - s) + 1);
	memcpy(v, s, (size_t)(p - s));
	v[p - s] = '\0';
	return v;
}

static void add_entry(mdir *d, const char *path, const char *rel, int kind, char *version, const char *name, bool matched)
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
	e->name = dd_xstrdup(name ? name : "");
	e->matched = matched;
}

static bool file_contains(const char *path, const char *needle)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return false;
	char buf[65536];
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	return strstr(buf, needle) != NULL;
}

typedef struct names { char **v; size_t n; } names;

static names list_dir(const char *dir)
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
	return out;
}

static void free_names(names *n)
{
	for (size_t i = 0; i < n->n; i++)
		free(n->v[i]);
	free(n->v);
}

/* Guess the layout of a directory from its entries. NULL: not a migration directory. */
static const char *detect(const char *root)
{
	char *plan = join2(root, "sqitch.plan"), *deploy = join2(root, "deploy");
	bool sqitch = is_file(plan) && is_dir(deploy);
	free(plan);
	free(deploy);
	if (sqitch)
		return "sqitch";
	names ls = list_dir(root);
	int up_down = 0, flyway = 0, numbered = 0, sql = 0, diesel = 0, prisma = 0, dbmate = 0, goose = 0;
	for (size_t i = 0; i < ls.n; i++) {
		const char *f = ls.v[i];
		char *p = join2(root, f);
		if (is_dir(p)) {
			char *up = join2(p, "up.sql"), *mig = join2(p, "migration.sql");
			diesel += is_file(up);
			prisma += is_file(mig);
			free(up);
			free(mig);
		} else if (dd_has_suffix(f, ".sql")) {
			sql++;
			if (dd_has_suffix(f, ".up.sql") || dd_has_suffix(f, ".down.sql"))
				up_down++;
			if ((f[0] == 'V' || f[0] == 'U' || f[0] == 'B') && isdigit((unsigned char)f[1]) && strstr(f, "__"))
				flyway++;
			if (strncmp(f, "R__", 3) == 0)
				flyway++;
			if (isdigit((unsigned char)f[0]))
				numbered++;
			if (dbmate + goose < 8 && isdigit((unsigned char)f[0])) {
				dbmate += file_contains(p, "-- migrate:up");
				goose += file_contains(p, "+goose Up") || file_contains(p, "+goose up");
			}
		}
		free(p);
	}
	free_names(&ls);
	if (diesel)
		return "diesel";
	if (prisma)
		return "prisma";
	if (up_down)
		return "golang-migrate";
	if (flyway)
		return "flyway";
	if (dbmate)
		return "dbmate";
	if (goose)
		return "goose";
	if (sql >= 2 && numbered == sql)
		return "plain";
	return NULL;
}

static int entry_cmp(const void *pa, const void *pb)
{
	const entry *a = pa, *b = pb;
	/* versioned first (by version, then up before down), repeatables after, by name; the rest last */
	int ra = a->kind == DD_ROLE_REPEATABLE ? 1 : a->version ? 0 : 2;
	int rb = b->kind == DD_ROLE_REPEATABLE ? 1 : b->version ? 0 : 2;
	if (ra != rb)
		return ra - rb;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	if (a->version && b->version) {
		int c = dd_natural_cmp(a->version, b->version);
		if (c)
			return c;
	}
	if (a->kind != b->kind)
		return a->kind == DD_ROLE_DOWN ? 1 : b->kind == DD_ROLE_DOWN ? -1 : a->kind - b->kind;
	return strcmp(a->rel, b->rel);
}

/* Read sqitch.plan: change names in order. */
static names sqitch_plan(const char *root)
{
	names out = { NULL, 0 };
	char *plan = join2(root, "sqitch.plan");
	FILE *fp = fopen(plan, "r");
	free(plan);
	if (!fp)
		return out;
	char line[4096];
	while (fgets(line, sizeof line, fp)) {
		if (line[0] == '%' || line[0] == '@' || line[0] == '#' || isspace((unsigned char)line[0]))
			continue;
		size_t k = 0;
		while (line[k] && !isspace((unsigned char)line[k]))
			k++;
		line[k] = '\0';
		if (!k)
			continue;
		out.v = dd_xrealloc(out.v, (out.n + 1) * sizeof *out.v);
		out.v[out.n++] = dd_xstrdup(line);
	}
	fclose(fp);
	return out;
}

/* A file directly in a flat directory (golang-migrate, flyway, dbmate, goose, plain). */
static void classify_flat(mdir *d, const char *p, const char *f)
{
	const char *L = d->layout;
	const char *rest = NULL;
	if (strcmp(L, "golang-migrate") == 0) {
		char *v = leading_version(f, false, &rest);
		bool up = dd_has_suffix(f, ".up.sql"), down = dd_has_suffix(f, ".down.sql");
		bool ok = v && *rest == '_' && (up || down);
		char *name = dd_xstrdup(ok ? rest + 1 : f);
		if (ok)
			name[strlen(name) - (up ? 7 : 9)] = '\0';   /* without .up.sql / .down.sql */
		add_entry(d, p, f, down ? DD_ROLE_DOWN : DD_ROLE_UP, ok ? v : NULL, name, ok);
		free(name);
		if (!ok)
			free(v);
	} else if (strcmp(L, "flyway") == 0) {
		if (strncmp(f, "R__", 3) == 0) {
			add_entry(d, p, f, DD_ROLE_REPEATABLE, NULL, f + 3, true);
		} else if ((f[0] == 'V' || f[0] == 'U' || f[0] == 'B') && isdigit((unsigned char)f[1])) {
			char *v = leading_version(f + 1, true, &rest);
			bool ok = v && strncmp(rest, "__", 2) == 0;
			add_entry(d, p, f, f[0] == 'U' ? DD_ROLE_DOWN : DD_ROLE_UP, ok ? v : NULL, ok ? rest + 2 : f, ok);
			if (!ok)
				free(v);
		} else {
			add_entry(d, p, f, DD_ROLE_UP, NULL, f, false);
		}
	} else {   /* dbmate, goose, plain: <version>[_-]<name>.sql */
		char *v = leading_version(f, false, &rest);
		bool sections = strcmp(L, "dbmate") == 0 || strcmp(L, "goose") == 0;
		/* an unnumbered file is still applied, in name order, and named a problem */
		add_entry(d, p, f, sections ? DD_ROLE_UP_AND_DOWN : DD_ROLE_UP, v ? v : dd_xstrdup(f),
			  v && (*rest == '_' || *rest == '-') ? rest + 1 : f, v != NULL);
	}
}

static void enumerate(mdir *d)
{
	const char *L = d->layout;
	if (strcmp(L, "sqitch") == 0) {
		names plan = sqitch_plan(d->root);
		static const char *const sub[] = { "deploy", "revert", "verify" };
		static const int kinds[] = { DD_ROLE_UP, DD_ROLE_DOWN, DD_ROLE_OTHER };
		for (int s = 0; s < 3; s++) {
			char *dir = join2(d->root, sub[s]);
			names ls = list_dir(dir);
			for (size_t i = 0; i < ls.n; i++) {
				if (!dd_has_suffix(ls.v[i], ".sql"))
					continue;
				char *name = dd_xstrdup(ls.v[i]);
				name[strlen(name) - 4] = '\0';
				size_t pos = 0;
				while (pos < plan.n && strcmp(plan.v[pos], name) != 0)
					pos++;
				char *path = join2(dir, ls.v[i]), *rel = join2(sub[s], ls.v[i]);
				add_entry(d, path, rel, kinds[s], pos < plan.n ? dd_xstrdup(name) : NULL, name, pos < plan.n);
				d->entries[d->n - 1].order = pos + 1;
				free(path);
				free(rel);
				free(name);
			}
			free_names(&ls);
			free(dir);
		}
		free_names(&plan);
		qsort(d->entries, d->n, sizeof *d->entries, entry_cmp);
		return;
	}
	names ls = list_dir(d->root);
	for (size_t i = 0; i < ls.n; i++) {
		const char *f = ls.v[i];
		char *p = join2(d->root, f);
		const char *rest = NULL;
		if (strcmp(L, "diesel") == 0 || strcmp(L, "prisma") == 0) {
			if (is_dir(p)) {
				char *v = leading_version(f, false, &rest);
				const char *files[2] = { strcmp(L, "diesel") == 0 ? "up.sql" : "migration.sql", "down.sql" };
				for (int k = 0; k < (strcmp(L, "diesel") == 0 ? 2 : 1); k++) {
					char *fp = join2(p, files[k]), *rel = join2(f, files[k]);
					if (is_file(fp))
						add_entry(d, fp, rel, k ? DD_ROLE_DOWN : DD_ROLE_UP, v ? dd_xstrdup(v) : NULL,
							  rest && *rest == '_' ? rest + 1 : f, v != NULL);
					free(fp);
					free(rel);
				}
				free(v);
			} else if (dd_has_suffix(f, ".sql")) {
				add_entry(d, p, f, DD_ROLE_OTHER, NULL, f, false);
			}
			free(p);
			continue;
		}
		if (!dd_has_suffix(f, ".sql") || is_dir(p)) {
			free(p);
			continue;
		}
		classify_flat(d, p, f);
		free(p);
	}
	free_names(&ls);
	qsort(d->entries, d->n, sizeof *d->entries, entry_cmp);
	/* Flyway: a baseline (B<version>) stands for the versioned migrations up to it; when those
	 * are there too, they are what is replayed */
	if (strcmp(L, "flyway") == 0)
		for (size_t i = 0; i < d->n; i++) {
			entry *b = &d->entries[i];
			if (b->rel[0] != 'B' || !b->version)
				continue;
			for (size_t j = 0; j < d->n; j++)
				if (d->entries[j].rel[0] == 'V' && d->entries[j].version &&
				    dd_natural_cmp(d->entries[j].version, b->version) <= 0)
					b->kind = DD_ROLE_OTHER;
		}
}

/* Mark up and down sections of a dbmate or goose file, and their transaction settings. */
static void sections(dd_file *f, dd_migration *m)
{
	const char *t = f->text;
	size_t len = f->len;
	f->up_start = 0;
	f->up_end = (int)len;
	f->down_start = f->down_end = -1;
	bool found_down = false;
	for (size_t i = 0; i < len;) {
		const char *eol = memchr(t + i, '\n', len - i);
		size_t e = eol ? (size_t)(eol - t) : len;
		const char *l = t + i;
		while (l < t + e && (*l == ' ' || *l == '\t'))
			l++;
		size_t n = (size_t)(t + e - l);
		if (n >= 2 && l[0] == '-' && l[1] == '-') {
			const char *c = l + 2;
			while (c < t + e && *c == ' ')
				c++;
			size_t cn = (size_t)(t + e - c);
			bool up = (cn >= 10 && strncmp(c, "migrate:up", 10) == 0) || (cn >= 9 && strncasecmp(c, "+goose up", 9) == 0);
			bool down = (cn >= 12 && strncmp(c, "migrate:down", 12) == 0) || (cn >= 11 && strncasecmp(c, "+goose down", 11) == 0);
			if (up) {
				f->up_start = (int)e;
				if (memmem(c, cn, "transaction:false", 17))
					m->tool_transaction = false;
			} else if (down) {
				f->up_end = (int)(l - t);
				f->down_start = (int)e;
				f->down_end = (int)len;
				found_down = true;
			} else if (cn >= 21 && strncasecmp(c, "+goose NO TRANSACTION", 21) == 0) {
				m->tool_transaction = false;
			}
		}
		i = e + 1;
	}
	if (!found_down)
		m->down = NULL;
}

static bool is_root(const char *a, const char *b) { return strcmp(a, b) == 0; }

/* The migration directory a file belongs to: its directory, or above it for per-migration folders. */
static char *root_of(const char *real)
{
	char *dir = dd_xstrdup(real);
	char *slash = strrchr(dir, '/');
	if (!slash) {
		free(dir);
		return NULL;
	}
	*slash = '\0';
	const char *base = real + (slash - dir) + 1;
	const char *parent_slash = strrchr(dir, '/');
	const char *parent_name = parent_slash ? parent_slash + 1 : dir;
	/* diesel and prisma: <version>_<name>/up.sql, down.sql, migration.sql */
	if ((strcmp(base, "up.sql") == 0 || strcmp(base, "down.sql") == 0 || strcmp(base, "migration.sql") == 0) &&
	    isdigit((unsigned char)parent_name[0]) && parent_slash) {
		*(char *)parent_slash = '\0';
		return dir;
	}
	/* sqitch: deploy/, revert/, verify/ beside sqitch.plan */
	if (parent_slash && (strcmp(parent_name, "deploy") == 0 || strcmp(parent_name, "revert") == 0 ||
			     strcmp(parent_name, "verify") == 0)) {
		*(char *)parent_slash = '\0';
		char *plan = join2(dir, "sqitch.plan");
		bool ok = is_file(plan);
		free(plan);
		if (ok)
			return dir;
		*(char *)parent_slash = '/';
	}
	return dir;
}

/* The run's files by the real path they were read from. */
typedef struct file_index { dd_map map; dd_arena *arena; } file_index;

static void index_file(file_index *fx, dd_file *f)
{
	if (f->fs_real && !dd_map_get(&fx->map, f->fs_real))
		dd_map_put(&fx->map, fx->arena, f->fs_real, f);
}

static dd_file *find_file(const file_index *fx, const char *real)
{
	return dd_map_get(&fx->map, real);
}

/* Entries that must not share a version: the same kind and the same first letter (V, U, B). */
static const char *version_key(dd_arena *a, const entry *e)
{
	return dd_arena_sprintf(a, "%d %c %s", e->kind, e->rel[0], e->version);
}

/* Files given that are not on disk yet (an editor's new buffer) join their directory too. */
static void add_unsaved(dd_run *run, size_t n0, mdir *d)
{
	const char *L = d->layout;
	if (strcmp(L, "sqitch") == 0 || strcmp(L, "diesel") == 0 || strcmp(L, "prisma") == 0)
		return;
	bool added = false;
	dd_map known = { 0 };
	dd_arena *a = dd_arena_new();
	for (size_t k = 0; k < d->n; k++)
		dd_map_put(&known, a, d->entries[k].path, (void *)1);
	for (size_t i = 0; i < n0; i++) {
		const dd_file *f = run->files[i];
		if (!f->fs_real || dd_map_get(&known, f->fs_real))
			continue;
		char *root = root_of(f->fs_real);
		if (root && strcmp(root, d->root) == 0 && dd_has_suffix(f->fs_real, ".sql")) {
			classify_flat(d, f->fs_real, strrchr(f->fs_real, '/') + 1);
			added = true;
		}
		free(root);
	}
	dd_map_free(&known);
	dd_arena_free(a);
	if (added)
		qsort(d->entries, d->n, sizeof *d->entries, entry_cmp);
}

/* The planning of a run's migration directories, phase by phase. */
typedef struct plan {
	dd_run *run;
	size_t n0;                   /* files given (the others are read as context) */
	file_index fx;
	mdir *dirs; size_t n_dirs;
	dd_file ***dir_files;        /* each directory's files in their order */
	size_t *n_dir_files;
	int *dir_of;                 /* the directory of each file given, or -1 */
} plan;

/* Phase: the migration directories of the files given, each with its layout and entries. */
static void find_dirs(plan *p)
{
	dd_run *run = p->run;
	for (size_t i = 0; i < p->n0; i++) {
		dd_file *f = run->files[i];
		if (!f->fs_real)
			continue;
		char *root = root_of(f->fs_real);
		if (!root)
			continue;
		bool seen = false;
		for (size_t k = 0; k < p->n_dirs && !seen; k++)
			seen = is_root(p->dirs[k].root, root);
		if (seen) {
			free(root);
			continue;
		}
		const char *layout = NULL;
		bool forced = false;
		for (size_t k = 0; k < run->n_forced; k++)
			if (strcmp(run->forced_dirs[k], root) == 0) {
				layout = run->forced_layouts[k];
				forced = true;
			}
		if (!forced || !layout)
			layout = detect(root);
		if (!layout) {
			free(root);
			continue;
		}
		p->dirs = dd_xrealloc(p->dirs, (p->n_dirs + 1) * sizeof *p->dirs);
		mdir *d = &p->dirs[p->n_dirs++];
		memset(d, 0, sizeof *d);
		d->root = root;
		d->layout = layout;
		enumerate(d);
		add_unsaved(run, p->n0, d);
	}
}

/* Phase: one migration a versioned up (or repeatable). */
static void make_migrations(dd_run *run, mdir *d)
{
	const char *L = d->layout;
	for (size_t i = 0; i < d->n; i++) {
		entry *e = &d->entries[i];
		if ((!e->version && e->kind != DD_ROLE_REPEATABLE) || e->kind == DD_ROLE_DOWN || e->kind == DD_ROLE_OTHER)
			continue;
		dd_migration *m = dd_arena_alloc(run->arena, sizeof *m);
		m->dir = dd_arena_strdup(run->arena, d->root);
		m->layout = L;
		m->version = dd_arena_strdup(run->arena, e->version ? e->version : e->name);
		m->name = dd_arena_strdup(run->arena, e->name);
		m->down_expected = e->kind != DD_ROLE_REPEATABLE &&
				   (strcmp(L, "golang-migrate") == 0 || strcmp(L, "diesel") == 0 || strcmp(L, "dbmate") == 0 ||
				    strcmp(L, "goose") == 0 || strcmp(L, "sqitch") == 0 || (strcmp(L, "flyway") == 0 && e->rel[0] == 'V'));
		m->down_optional = strcmp(L, "flyway") == 0;
		m->tool_transaction = strcmp(L, "flyway") == 0 || strcmp(L, "dbmate") == 0 || strcmp(L, "goose") == 0 ||
				      strcmp(L, "diesel") == 0;
		m->implicit_transaction = strcmp(L, "golang-migrate") == 0;
		e->migration = m;
	}
}

/* What the versions of a directory tie together: the first up of each version (its downs join
 * it), and the last two entries of each kind and version (two make a duplicate). */
typedef struct versions { dd_arena *arena; dd_map ups, same; } versions;

/* Phase: a down joins the up of its version; duplicates are found. */
static void link_versions(mdir *d, versions *v)
{
	v->arena = dd_arena_new();
	for (size_t i = 0; i < d->n; i++) {
		entry *u = &d->entries[i];
		if (u->migration && u->kind != DD_ROLE_REPEATABLE && u->version && !dd_map_get(&v->ups, u->version))
			dd_map_put(&v->ups, v->arena, u->version, u->migration);
		if (u->version) {
			const char *key = version_key(v->arena, u);
			size_t *last2 = dd_map_get(&v->same, key);
			if (!last2) {
				last2 = dd_arena_alloc(v->arena, 2 * sizeof *last2);
				last2[0] = last2[1] = SIZE_MAX;
				dd_map_put(&v->same, v->arena, key, last2);
			}
			last2[1] = last2[0];
			last2[0] = i;
		}
	}
	for (size_t i = 0; i < d->n; i++) {
		entry *e = &d->entries[i];
		if (e->kind == DD_ROLE_DOWN && e->version && !e->migration)
			e->migration = dd_map_get(&v->ups, e->version);
	}
}

static void versions_free(versions *v)
{
	dd_map_free(&v->ups);
	dd_map_free(&v->same);
	dd_arena_free(v->arena);
}

/* What a file of directory d is there: its role, its migration, what its name says. */
static void describe_file(dd_run *run, mdir *d, versions *v, size_t i, dd_file *f)
{
	entry *e = &d->entries[i];
	f->role = e->kind;
	f->migration = e->migration;
	f->dir_name = dd_arena_strdup(run->arena, e->rel);
	f->dir_layout = d->layout;
	f->version = dd_arena_strdup(run->arena, e->version);
	f->off_layout = !e->matched;
	if (e->version && e->matched && strcmp(d->layout, "sqitch") != 0) {
		/* the last other entry of the same kind and version */
		size_t *last2 = dd_map_get(&v->same, version_key(v->arena, e));
		size_t j = last2 ? (last2[0] != i ? last2[0] : last2[1]) : SIZE_MAX;
		if (j != SIZE_MAX)
			f->same_version = dd_arena_strdup(run->arena, d->entries[j].rel);
	}
	dd_migration *m = e->migration;
	if (m) {
		if (e->kind == DD_ROLE_DOWN)
			m->down = f;
		else if (e->kind == DD_ROLE_UP || e->kind == DD_ROLE_UP_AND_DOWN || e->kind == DD_ROLE_REPEATABLE)
			m->up = f;
		if (f->report)
			m->reported = true;
	}
	if (e->kind == DD_ROLE_UP_AND_DOWN && m) {
		m->down = f;
		sections(f, m);
	}
}

/* Phase: read what the model needs of directory k — the files given, the earlier ups as
 * context, the counterparts (down or up) of the files given — and describe each. */
static void read_dir(plan *p, size_t k)
{
	dd_run *run = p->run;
	mdir *d = &p->dirs[k];
	/* the latest version given decides how much of the directory is context */
	size_t last = 0;
	bool any = false;
	for (size_t i = 0; i < d->n; i++) {
		dd_file *f = find_file(&p->fx, d->entries[i].path);
		if (f && f->report && d->entries[i].version) {
			last = i;
			any = true;
		}
	}
	make_migrations(run, d);
	versions v = { 0 };
	link_versions(d, &v);
	/* migrations with a file given to report on: their other files are read too */
	dd_ptrmap given = { 0 };
	for (size_t i = 0; i < d->n; i++) {
		dd_file *g = find_file(&p->fx, d->entries[i].path);
		if (d->entries[i].migration && g && g->report)
			dd_ptrmap_put(&given, d->entries[i].migration, (void *)(i + 1));
	}
	for (size_t i = 0; i < d->n; i++) {
		entry *e = &d->entries[i];
		dd_file *f = find_file(&p->fx, e->path);
		bool counterpart = e->migration && !f && dd_ptrmap_get(&given, e->migration);   /* not this entry: it has no file */
		bool earlier_up = any && i < last && e->kind != DD_ROLE_DOWN && e->kind != DD_ROLE_OTHER &&
				  e->kind != DD_ROLE_REPEATABLE && e->version;
		if (!f && (earlier_up || counterpart)) {
			char *display = dd_arena_sprintf(run->arena, "%s/%s", d->root, e->rel);
			if (dd_run_add_path(run, e->path, display, false) == 0) {
				f = run->files[run->n_files - 1];
				index_file(&p->fx, f);
			}
		}
		if (!f)
			continue;
		describe_file(run, d, &v, i, f);
		DD_PUSH(run->arena, &p->dir_files[k], &p->n_dir_files[k], f);
		if (f->index < p->n0)   /* a file given (files are indexed in the order they were added) */
			p->dir_of[f->index] = (int)k;
		dd_migration *m = e->migration;
		if (m && (e->kind == DD_ROLE_UP || e->kind == DD_ROLE_UP_AND_DOWN || e->kind == DD_ROLE_REPEATABLE))
			DD_PUSH(run->arena, &run->migrations, &run->n_migrations, m);
	}
	dd_ptrmap_free(&given);
	versions_free(&v);
}

/* Phase: a directory's files take the place of the first of them given; other files keep theirs;
 * context files outside any directory's order come last. */
static void reorder(plan *p)
{
	dd_run *run = p->run;
	dd_file **final = dd_arena_alloc(run->arena, (run->n_files + 1) * sizeof *final);
	bool *emitted = dd_xcalloc(p->n_dirs + 1, sizeof *emitted);
	size_t n_final = 0;
	for (size_t i = 0; i < p->n0; i++) {
		int k = p->dir_of[i];
		if (k < 0) {
			final[n_final++] = run->files[i];
		} else if (!emitted[k]) {
			emitted[k] = true;
			for (size_t j = 0; j < p->n_dir_files[k]; j++)
				final[n_final++] = p->dir_files[k][j];
		}
	}
	bool *placed = dd_xcalloc(run->n_files + 1, sizeof *placed);
	for (size_t j = 0; j < n_final; j++)
		placed[final[j]->index] = true;
	for (size_t i = p->n0; i < run->n_files; i++)
		if (!placed[run->files[i]->index])
			final[n_final++] = run->files[i];
	for (size_t i = 0; i < n_final; i++) {
		final[i]->index = i;
		run->files[i] = final[i];
	}
	free(placed);
	free(emitted);
}

static void plan_free(plan *p)
{
	dd_map_free(&p->fx.map);
	dd_arena_free(p->fx.arena);
	free(p->dir_files);
	free(p->n_dir_files);
	free(p->dir_of);
	for (size_t k = 0; k < p->n_dirs; k++) {
		for (size_t i = 0; i < p->dirs[k].n; i++) {
			free(p->dirs[k].entries[i].path);
			free(p->dirs[k].entries[i].rel);
			free(p->dirs[k].entries[i].name);
			free(p->dirs[k].entries[i].version);
		}
		free(p->dirs[k].entries);
		free(p->dirs[k].root);
	}
	free(p->dirs);
}

void dd_migrations_plan(dd_run *run)
{
	plan p = { .run = run, .n0 = run->n_files, .fx = { { 0 }, dd_arena_new() } };
	for (size_t i = 0; i < p.n0; i++)
		index_file(&p.fx, run->files[i]);
	find_dirs(&p);
	p.dir_files = dd_xcalloc(p.n_dirs + 1, sizeof *p.dir_files);
	p.n_dir_files = dd_xcalloc(p.n_dirs + 1, sizeof *p.n_dir_files);
	p.dir_of = dd_xmalloc((p.n0 + 1) * sizeof *p.dir_of);
	for (size_t i = 0; i < p.n0; i++)
		p.dir_of[i] = -1;
	for (size_t k = 0; k < p.n_dirs; k++)
		read_dir(&p, k);
	reorder(&p);
	plan_free(&p);
}
