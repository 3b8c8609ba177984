/*
 * The plan of a run's migration directories, phase by phase: find each directory and its tool,
 * order its entries as the tool does, make the migrations, pair downs with ups, read what the
 * model needs (the files given, the earlier ups as context, the counterparts of the files given),
 * mark the parts of each file as the tool runs them, and put each directory's files in order.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "migrate_priv.h"

/* ---- where a file's directory is ---- */

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
	char *parent_slash = strrchr(dir, '/');
	const char *parent_name = parent_slash ? parent_slash + 1 : dir;
	/* diesel and prisma: <version>_<name>/up.sql, down.sql, migration.sql */
	if ((strcmp(base, "up.sql") == 0 || strcmp(base, "down.sql") == 0 || strcmp(base, "migration.sql") == 0) &&
	    isdigit((unsigned char)parent_name[0]) && parent_slash) {
		*parent_slash = '\0';
		return dir;
	}
	/* sqitch: deploy/, revert/, verify/ beside sqitch.plan */
	if (parent_slash && (strcmp(parent_name, "deploy") == 0 || strcmp(parent_name, "revert") == 0 ||
			     strcmp(parent_name, "verify") == 0)) {
		*parent_slash = '\0';
		char *plan = dd_join(dir, "sqitch.plan");
		bool ok = dd_is_file(plan);
		free(plan);
		if (ok)
			return dir;
		*parent_slash = '/';
	}
	return dir;
}

/* ---- order ---- */

/* Versioned entries first, in the tool's order (a file whose name breaks the tool's rules goes
 * where its version puts it), an up before its down; repeatables after, by name; the rest last. */
static int entry_cmp(const void *pa, const void *pb, void *arg)
{
	const dd_tool *tool = arg;
	const entry *a = pa, *b = pb;
	int ra = a->kind == DD_ROLE_REPEATABLE ? 1 : a->key && !a->ignored ? 0 : 2;
	int rb = b->kind == DD_ROLE_REPEATABLE ? 1 : b->key && !b->ignored ? 0 : 2;
	if (ra != rb)
		return ra - rb;
	if (ra == 0) {
		int c = tool->compare(a, b);
		if (c)
			return c;
	} else if (a->order != b->order) {
		return a->order < b->order ? -1 : 1;
	}
	if (a->kind != b->kind)
		return a->kind == DD_ROLE_DOWN ? 1 : b->kind == DD_ROLE_DOWN ? -1 : a->kind - b->kind;
	return strcmp(a->rel, b->rel);
}

static void sort_entries(mdir *d) { qsort_r(d->entries, d->n, sizeof *d->entries, entry_cmp, (void *)d->tool); }

/* ---- the run's files by the real path they were read from ---- */

typedef struct file_index { dd_map map; dd_arena *arena; } file_index;

static void index_file(file_index *fx, dd_file *f)
{
	if (f->fs_real && !dd_map_get(&fx->map, f->fs_real))
		dd_map_put(&fx->map, fx->arena, f->fs_real, f);
}

static dd_file *find_file(const file_index *fx, const char *real) { return dd_map_get(&fx->map, real); }

/* Entries that must not share a version: the same kind and the same first letter (V, U, B). */
static const char *version_key(dd_arena *a, const entry *e)
{
	return dd_arena_sprintf(a, "%d %c %s", e->kind, e->rel[0], e->version);
}

/* Files given that are not on disk yet (an editor's new buffer) join their directory too. */
static void add_unsaved(dd_run *run, size_t n0, mdir *d)
{
	if (!d->tool->classify)
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
			d->tool->classify(d, f->fs_real, strrchr(f->fs_real, '/') + 1);
			added = true;
		}
		free(root);
	}
	dd_map_free(&known);
	dd_arena_free(a);
	if (added)
		sort_entries(d);
}

/* ---- the plan ---- */

typedef struct plan {
	dd_run *run;
	size_t n0;                   /* files given (the others are read as context) */
	file_index fx;
	mdir *dirs; size_t n_dirs;
	dd_file ***dir_files;        /* each directory's files in their order */
	size_t *n_dir_files;
	int *dir_of;                 /* the directory of each file given, or -1 */
} plan;

/* The tool of a directory: the one configured for it, else the first whose evidence is there. */
static const dd_tool *choose_tool(const dd_run *run, const char *root, const char **why)
{
	for (size_t k = 0; k < run->n_forced; k++)
		if (strcmp(run->forced_dirs[k], root) == 0 && run->forced_layouts[k]) {
			*why = "configured (migrations: in .ddlint.yml)";
			return dd_tool_named(run->forced_layouts[k]);
		}
	names ls = dd_list_dir(root);
	const dd_tool *tool = NULL;
	for (size_t i = 0; dd_tools[i] && !tool; i++)
		if ((*why = dd_tools[i]->detect(root, &ls)) != NULL)
			tool = dd_tools[i];
	dd_free_names(&ls);
	return tool;
}

/* Phase: the migration directories of the files given, each with its tool and entries. */
static void find_dirs(plan *p)
{
	dd_run *run = p->run;
	dd_map none = { 0 };   /* directories found to be of no tool: looked at once */
	dd_arena *scratch = dd_arena_new();
	for (size_t i = 0; i < p->n0; i++) {
		dd_file *f = run->files[i];
		if (!f->fs_real)
			continue;
		char *root = root_of(f->fs_real);
		if (!root)
			continue;
		bool seen = dd_map_get(&none, root) != NULL;
		for (size_t k = 0; k < p->n_dirs && !seen; k++)
			seen = strcmp(p->dirs[k].root, root) == 0;
		const char *why = NULL;
		const dd_tool *tool = seen ? NULL : choose_tool(run, root, &why);
		if (!tool) {
			if (!seen)
				dd_map_put(&none, scratch, root, (void *)1);
			free(root);
			continue;
		}
		p->dirs = dd_xrealloc(p->dirs, (p->n_dirs + 1) * sizeof *p->dirs);
		mdir *d = &p->dirs[p->n_dirs++];
		memset(d, 0, sizeof *d);
		d->run = run;
		d->root = root;
		d->tool = tool;
		d->why = why;
		tool->enumerate(d);
		sort_entries(d);
		add_unsaved(run, p->n0, d);
		dd_migration_dir *md = dd_arena_alloc(run->arena, sizeof *md);
		md->root = dd_arena_strdup(run->arena, root);
		md->tool = tool->name;
		md->why = why;
		DD_PUSH(run->arena, &run->migration_dirs, &run->n_migration_dirs, md);
	}
	dd_map_free(&none);
	dd_arena_free(scratch);
}

/* A tool's down hint with {v} the version and {n} the name of the migration. */
static const char *expand_hint(dd_arena *a, const char *hint, const dd_migration *m)
{
	dd_buf b = { 0 };
	for (const char *p = hint; *p; p++) {
		if (p[0] == '{' && (p[1] == 'v' || p[1] == 'n') && p[2] == '}') {
			dd_buf_puts(&b, p[1] == 'v' ? m->version : m->name);
			p += 2;
		} else {
			dd_buf_add(&b, p, 1);
		}
	}
	const char *out = dd_arena_strdup(a, b.data ? b.data : "");
	dd_buf_free(&b);
	return out;
}

/* Phase: one migration a versioned up (or repeatable). */
static void make_migrations(dd_run *run, mdir *d)
{
	const dd_tool *t = d->tool;
	for (size_t i = 0; i < d->n; i++) {
		entry *e = &d->entries[i];
		if (e->ignored || (!e->version && e->kind != DD_ROLE_REPEATABLE) || e->kind == DD_ROLE_DOWN || e->kind == DD_ROLE_OTHER)
			continue;
		dd_migration *m = dd_arena_alloc(run->arena, sizeof *m);
		m->dir = dd_arena_strdup(run->arena, d->root);
		m->layout = t->name;
		m->version = dd_arena_strdup(run->arena, e->version ? e->version : e->name);
		m->name = dd_arena_strdup(run->arena, e->name);
		/* Flyway: only versioned migrations have undos */
		m->down_expected = t->downs && e->kind != DD_ROLE_REPEATABLE && (strcmp(t->name, "flyway") != 0 || e->rel[0] == 'V');
		m->down_optional = t->downs_optional;
		m->down_hint = t->down_hint ? expand_hint(run->arena, t->down_hint, m) : "a down";
		e->migration = m;
	}
}

/* What the versions of a directory tie together: the first up of each version (its downs join
 * it), and the last two entries of each kind and version (two make a duplicate). */
typedef struct versions { dd_arena *arena; dd_map ups, named, same; } versions;

/* Phase: a down joins the up of its version and name, else of its version; duplicates are found. */
static void link_versions(mdir *d, versions *v)
{
	v->arena = dd_arena_new();
	for (size_t i = 0; i < d->n; i++) {
		entry *u = &d->entries[i];
		if (u->migration && u->kind != DD_ROLE_REPEATABLE && u->version) {
			if (!dd_map_get(&v->ups, u->version))
				dd_map_put(&v->ups, v->arena, u->version, u->migration);
			dd_map_put(&v->named, v->arena, dd_arena_sprintf(v->arena, "%s\t%s", u->version, u->name), u->migration);
		}
		if (u->version && !u->ignored) {
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
		if (e->kind != DD_ROLE_DOWN || !e->version || e->migration)
			continue;
		e->migration = dd_map_get(&v->named, dd_arena_sprintf(v->arena, "%s\t%s", e->version, e->name));
		if (!e->migration)
			e->migration = dd_map_get(&v->ups, e->version);
	}
}

static void versions_free(versions *v)
{
	dd_map_free(&v->ups);
	dd_map_free(&v->named);
	dd_map_free(&v->same);
	dd_arena_free(v->arena);
}

/* The parts of file f as its tool runs them; a tool whose downs are written in the up file's
 * comments (Liquibase) gives them as a second file with the same positions, placed after it. */
static dd_file *mark_sections(plan *p, mdir *d, const entry *e, dd_file *f)
{
	dd_run *run = p->run;
	dd_migration *m = e->migration;
	if (d->tool->sections) {
		d->tool->sections(run, d, f, m, e);
	} else {
		char *down = NULL;
		dd_liquibase_sections(run, f, &down);
		if (down && m && dd_run_add_buffer(run, f->path, down, f->len, f->report) == 0) {
			dd_file *df = run->files[run->n_files - 1];
			df->fs_real = NULL;
			df->role = DD_ROLE_DOWN;
			df->migration = m;
			df->dir_name = f->dir_name;
			df->dir_layout = f->dir_layout;
			df->version = f->version;
			/* each changeset's rollback runs as the changeset does */
			for (size_t s = 0; s < f->n_sections; s++) {
				const dd_section up = f->sections[s];
				dd_add_section(run, df, up.start, up.end, true, up.tx, up.tx_why, up.tx_optout);
			}
			m->down = df;
			free(down);
			return df;
		}
		free(down);
	}
	if (f->n_sections == 0)   /* a tool without parts of its own (a down view): all of it is the up */
		dd_whole_file(run, f, false, DD_TXMODE_NONE, NULL, NULL);
	if (m && e->kind == DD_ROLE_UP_AND_DOWN) {
		bool down = false;
		for (size_t s = 0; s < f->n_sections; s++)
			down = down || f->sections[s].down;
		if (down)
			m->down = f;
	}
	return NULL;
}

/* What a file of directory d is there: its role, its migration, what its name says. */
static void describe_file(dd_run *run, mdir *d, versions *v, size_t i, dd_file *f)
{
	entry *e = &d->entries[i];
	f->role = e->ignored ? DD_ROLE_OTHER : e->kind;
	f->migration = e->ignored ? NULL : e->migration;
	f->dir_name = dd_arena_strdup(run->arena, e->rel);
	f->dir_layout = d->tool->name;
	f->version = dd_arena_strdup(run->arena, e->version);
	f->off_layout = !e->matched;
	f->off_layout_why = e->why;
	if (e->version && e->matched && !e->ignored && strcmp(d->tool->name, "sqitch") != 0 && strcmp(d->tool->name, "drizzle") != 0) {
		/* the last other entry of the same kind and version */
		size_t *last2 = dd_map_get(&v->same, version_key(v->arena, e));
		size_t j = last2 ? (last2[0] != i ? last2[0] : last2[1]) : SIZE_MAX;
		if (j != SIZE_MAX)
			f->same_version = dd_arena_strdup(run->arena, d->entries[j].rel);
	}
	dd_migration *m = f->migration;
	if (m) {
		if (e->kind == DD_ROLE_DOWN)
			m->down = f;
		else if (e->kind == DD_ROLE_UP || e->kind == DD_ROLE_UP_AND_DOWN || e->kind == DD_ROLE_REPEATABLE)
			m->up = f;
		if (f->report)
			m->reported = true;
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
		bool earlier_up = any && i < last && !e->ignored && e->kind != DD_ROLE_DOWN && e->kind != DD_ROLE_OTHER &&
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
		if (e->ignored)
			continue;
		dd_file *view = mark_sections(p, d, e, f);
		if (view)
			DD_PUSH(run->arena, &p->dir_files[k], &p->n_dir_files[k], view);
		dd_migration *m = f->migration;
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
			entry *e = &p->dirs[k].entries[i];
			free(e->path);
			free(e->rel);
			free(e->name);
			free(e->version);
			free(e->key);
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

const char *dd_migration_tool(size_t i)
{
	size_t n = 0;
	for (size_t k = 0; dd_tools[k]; k++) {
		bool again = false;   /* a tool detected two ways is listed once */
		for (size_t j = 0; j < k && !again; j++)
			again = strcmp(dd_tools[j]->name, dd_tools[k]->name) == 0;
		if (!again && n++ == i)
			return dd_tools[k]->name;
	}
	return NULL;
}
