/*
 * The tools whose migrations are folders (Prisma, Diesel) or are listed in a file of the tool
 * (sqitch's plan, Drizzle's journal), and Supabase's directory: entries of the tool table (tools.c).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "migrate_priv.h"

static int by_order(const entry *a, const entry *b) { return a->order < b->order ? -1 : a->order > b->order; }

/* ---- Prisma ----
 * Every folder of prisma/migrations holds one migration.sql; the folder name is its identity, and
 * folders are ordered by name with String.localeCompare (packages/migrate/src/utils/listMigrations.ts).
 * The schema engine sends the whole file as one query: one implicit transaction, no opt-out
 * (schema-engine postgres flavour apply_migration_script, simple_query). */
/* Does a folder of the directory hold `file`? */
static bool folder_with(const char *root, const names *ls, const char *file)
{
	for (size_t i = 0; i < ls->n; i++) {
		if (!dd_entry_may_be_dir(ls, i))
			continue;   /* a file: readdir said so, no stat needed */
		char *dir = dd_join(root, ls->v[i]), *p = dd_join(dir, file);
		bool yes = dd_is_file(p);
		free(dir);
		free(p);
		if (yes)
			return true;
	}
	return false;
}

static const char *detect_prisma(const char *root, const names *ls)
{
	return folder_with(root, ls, "migration.sql") ? "folders with a migration.sql" : NULL;
}

static void enum_prisma(mdir *d)
{
	names ls = dd_list_dir(d->root);
	for (size_t i = 0; i < ls.n; i++) {
		char *p = dd_join(d->root, ls.v[i]);
		if (dd_entry_is_dir(&ls, i, p)) {
			char *fp = dd_join(p, "migration.sql"), *rel = dd_join(ls.v[i], "migration.sql");
			if (dd_is_file(fp)) {
				const char *us = strchr(ls.v[i], '_');
				dd_add_entry(d, fp, rel, DD_ROLE_UP, dd_xstrdup(ls.v[i]), us ? us + 1 : ls.v[i], true);
			}
			free(fp);
			free(rel);
		} else if (dd_has_suffix(ls.v[i], ".sql")) {
			dd_add_entry(d, p, ls.v[i], DD_ROLE_OTHER, NULL, ls.v[i], false);
			d->entries[d->n - 1].ignored = true;
			d->entries[d->n - 1].why = "Prisma runs only <folder>/migration.sql";
		}
		free(p);
	}
	dd_free_names(&ls);
}

/* String.localeCompare of Node (ICU, root collation) on ASCII: blanks and punctuation before
 * digits before letters, letters without regard to case first, then lower case before upper. */
static int icu_weight(unsigned char c)
{
	static const char order[] = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ";
	const char *p = c ? strchr(order, c) : NULL;
	if (!p)
		return 1000 + c;
	int i = (int)(p - order);
	return i >= 44 ? 44 + (i - 44) / 2 : i;   /* a letter and its capital weigh the same */
}

static int prisma_cmp(const entry *a, const entry *b)
{
	const unsigned char *x = (const unsigned char *)a->key, *y = (const unsigned char *)b->key;
	size_t i = 0;
	for (; x[i] && y[i]; i++) {
		int wx = icu_weight(x[i]), wy = icu_weight(y[i]);
		if (wx != wy)
			return wx < wy ? -1 : 1;
	}
	if (x[i] || y[i])
		return x[i] ? 1 : -1;
	for (i = 0; x[i]; i++)
		if (x[i] != y[i])
			return islower(x[i]) ? -1 : 1;
	return 0;
}

static void sec_prisma(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	dd_whole_entry(run, f, e, DD_TXMODE_IMPLICIT, "Prisma sends migration.sql as one query, which runs as one transaction", NULL);
}

const dd_tool dd_tool_prisma = { "prisma", detect_prisma, enum_prisma, NULL, prisma_cmp, sec_prisma, false, false, NULL };

/* ---- Diesel ----
 * Every folder with an up.sql (and down.sql); the version is the folder name up to its first _
 * with the dashes removed, ordered as text (migrations_internals/src/lib.rs version_from_string;
 * migration_harness.rs pending_migrations). Each migration runs in a transaction unless its
 * metadata.toml says run_in_transaction = false (a metadata.toml without the key says false too:
 * #[serde(default)] bool); the file is sent as one query either way (file_based_migrations.rs
 * batch_execute). */
static const char *detect_diesel(const char *root, const names *ls)
{
	return folder_with(root, ls, "up.sql") ? "folders with an up.sql" : NULL;
}

static void enum_diesel(mdir *d)
{
	names ls = dd_list_dir(d->root);
	for (size_t i = 0; i < ls.n; i++) {
		char *p = dd_join(d->root, ls.v[i]);
		if (dd_entry_is_dir(&ls, i, p)) {
			const char *us = strchr(ls.v[i], '_');
			size_t vn = us ? (size_t)(us - ls.v[i]) : strlen(ls.v[i]);
			char *v = dd_xmalloc(vn + 1), *key = dd_xmalloc(vn + 1);
			memcpy(v, ls.v[i], vn);
			v[vn] = '\0';
			size_t k = 0;
			for (size_t j = 0; j < vn; j++)
				if (v[j] != '-')
					key[k++] = v[j];
			key[k] = '\0';
			static const char *const files[2] = { "up.sql", "down.sql" };
			for (int f = 0; f < 2; f++) {
				char *fp = dd_join(p, files[f]), *rel = dd_join(ls.v[i], files[f]);
				if (dd_is_file(fp)) {
					dd_add_entry(d, fp, rel, f ? DD_ROLE_DOWN : DD_ROLE_UP, dd_xstrdup(key), us ? us + 1 : ls.v[i], true);
					free(d->entries[d->n - 1].key);
					d->entries[d->n - 1].key = dd_xstrdup(key);
				}
				free(fp);
				free(rel);
			}
			free(v);
			free(key);
		} else if (dd_has_suffix(ls.v[i], ".sql")) {
			dd_add_entry(d, p, ls.v[i], DD_ROLE_OTHER, NULL, ls.v[i], false);
			d->entries[d->n - 1].ignored = true;
			d->entries[d->n - 1].why = "Diesel runs only <folder>/up.sql and down.sql";
		}
		free(p);
	}
	dd_free_names(&ls);
}

static void sec_diesel(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	char *dir = dd_xstrdup(e->path);
	*strrchr(dir, '/') = '\0';
	char *meta = dd_join(dir, "metadata.toml");
	char *text = dd_file_head(meta, 4096);
	bool off = false;
	if (text) {
		const char *k = strstr(text, "run_in_transaction");
		off = true;   /* #[serde(default)]: a metadata.toml without the key is false */
		if (k) {
			k += 18;
			while (*k == ' ' || *k == '\t' || *k == '=')
				k++;
			off = strncmp(k, "true", 4) != 0;
		}
	}
	free(text);
	free(meta);
	free(dir);
	if (off)
		dd_whole_entry(run, f, e, DD_TXMODE_IMPLICIT,
		      "Diesel sends the file as one query (run_in_transaction = false), which runs as one transaction", NULL);
	else
		dd_whole_entry(run, f, e, DD_TXMODE_OWN, "Diesel runs each migration in a transaction",
		      "add run_in_transaction = false to metadata.toml in its folder (it is then sent as one query: keep it alone there)");
}

const dd_tool dd_tool_diesel = { "diesel", detect_diesel, enum_diesel, NULL, dd_key_text, sec_diesel, true, false, "down.sql beside it" };

/* ---- sqitch ----
 * The changes of sqitch.plan in plan order; each has deploy/<name>.sql, revert/<name>.sql and
 * verify/<name>.sql (lib/App/Sqitch/Plan.pm _parse; Plan/Change.pm). Scripts run through psql,
 * statement by statement: only a BEGIN ... COMMIT in the script makes a transaction
 * (Engine/pg.pm run_file, _client_opts; etc/templates/deploy/pg.tmpl). */
static const char *detect_sqitch(const char *root, const names *ls)
{
	char *plan = dd_join(root, "sqitch.plan"), *deploy = dd_join(root, "deploy");
	bool yes = dd_is_file(plan) && dd_is_dir(deploy);
	free(plan);
	free(deploy);
	return yes ? "sqitch.plan and deploy/" : NULL;
}

static names sqitch_plan(const char *root)
{
	names out = { NULL, 0, NULL };
	char *plan = dd_join(root, "sqitch.plan");
	FILE *fp = dd_is_file(plan) ? fopen(plan, "r") : NULL;
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
		out.v[out.n++] = dd_xstrdup(line[0] == '+' || line[0] == '-' ? line + 1 : line);
	}
	fclose(fp);
	return out;
}

static void enum_sqitch(mdir *d)
{
	names plan = sqitch_plan(d->root);
	static const char *const sub[] = { "deploy", "revert", "verify" };
	static const int kinds[] = { DD_ROLE_UP, DD_ROLE_DOWN, DD_ROLE_OTHER };
	for (int s = 0; s < 3; s++) {
		char *dir = dd_join(d->root, sub[s]);
		names ls = dd_list_dir(dir);
		for (size_t i = 0; i < ls.n; i++) {
			char *full = dd_join(dir, ls.v[i]);
			bool file = dd_is_file(full);   /* never a FIFO or a device: reading one would wait */
			free(full);
			if (!dd_has_suffix(ls.v[i], ".sql") || !file)
				continue;
			char *name = dd_xstrdup(ls.v[i]);
			name[strlen(name) - 4] = '\0';
			size_t pos = 0;
			while (pos < plan.n && strcmp(plan.v[pos], name) != 0)
				pos++;
			char *path = dd_join(dir, ls.v[i]), *rel = dd_join(sub[s], ls.v[i]);
			dd_add_entry(d, path, rel, kinds[s], pos < plan.n ? dd_xstrdup(name) : NULL, name, pos < plan.n);
			entry *e = &d->entries[d->n - 1];
			e->order = pos + 1;
			if (pos == plan.n) {
				/* a reworked change's earlier scripts (deploy/x@tag.sql) are history, not the plan's */
				e->ignored = strchr(name, '@') != NULL;
				e->why = e->ignored ? "the script of a reworked change, before its rework" : "not in sqitch.plan: sqitch never runs it";
			}
			free(path);
			free(rel);
			free(name);
		}
		dd_free_names(&ls);
		free(dir);
	}
	dd_free_names(&plan);
}

static void sec_sqitch(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	dd_whole_entry(run, f, e, DD_TXMODE_NONE, "sqitch runs the script through psql, statement by statement", NULL);
}

const dd_tool dd_tool_sqitch = { "sqitch", detect_sqitch, enum_sqitch, NULL, by_order, sec_sqitch, true, false, "revert/{v}.sql" };

/* ---- Drizzle ----
 * The migrations are the entries of meta/_journal.json, in its order, each <tag>.sql; a .sql file
 * the journal does not list is never run (drizzle-orm/src/migrator.ts readMigrationFiles). All
 * pending migrations run in one transaction, with no way out (pg-core/dialect.ts PgDialect.migrate);
 * a file is cut at "--> statement-breakpoint" (a comment to PostgreSQL). */
static const char *detect_drizzle(const char *root, const names *ls)
{
	char *j = dd_join(root, "meta/_journal.json");
	bool yes = dd_is_file(j);
	free(j);
	return yes ? "meta/_journal.json" : NULL;
}

/* The "tag" values of the journal, in order (a JSON reader is not needed for this one key). */
static names journal_tags(const char *root)
{
	names out = { NULL, 0, NULL };
	char *j = dd_join(root, "meta/_journal.json");
	char *text = dd_file_head(j, (size_t)16 << 20);
	free(j);
	for (const char *p = text; p && (p = strstr(p, "\"tag\"")) != NULL;) {
		p += 5;
		while (*p == ' ' || *p == ':' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p != '"')
			continue;
		const char *end = strchr(++p, '"');
		if (!end)
			break;
		out.v = dd_xrealloc(out.v, (out.n + 1) * sizeof *out.v);
		out.v[out.n] = dd_xmalloc((size_t)(end - p) + 1);
		memcpy(out.v[out.n], p, (size_t)(end - p));
		out.v[out.n++][end - p] = '\0';
		p = end + 1;
	}
	free(text);
	return out;
}

static void enum_drizzle(mdir *d)
{
	names tags = journal_tags(d->root);
	names ls = dd_list_dir(d->root);
	for (size_t i = 0; i < ls.n; i++) {
		char *p = dd_join(d->root, ls.v[i]);
		if (!dd_has_suffix(ls.v[i], ".sql") || !dd_entry_is_file(&ls, i, p)) {
			free(p);
			continue;
		}
		size_t pos = 0, n = strlen(ls.v[i]) - 4;
		while (pos < tags.n && !(strlen(tags.v[pos]) == n && strncmp(tags.v[pos], ls.v[i], n) == 0))
			pos++;
		char *tag = dd_xstrdup(ls.v[i]);
		tag[n] = '\0';
		dd_add_entry(d, p, ls.v[i], pos < tags.n ? DD_ROLE_UP : DD_ROLE_OTHER, pos < tags.n ? dd_xstrdup(tag) : NULL, tag,
			     pos < tags.n);
		entry *e = &d->entries[d->n - 1];
		e->order = pos + 1;
		if (pos == tags.n) {
			e->ignored = true;
			e->why = "not in meta/_journal.json: drizzle never runs it";
		}
		free(tag);
		free(p);
	}
	dd_free_names(&ls);
	dd_free_names(&tags);
}

static void sec_drizzle(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	dd_whole_entry(run, f, e, DD_TXMODE_RUN, "drizzle runs all pending migrations in one transaction", NULL);
}

const dd_tool dd_tool_drizzle = { "drizzle", detect_drizzle, enum_drizzle, NULL, by_order, sec_drizzle, false, false, NULL };

/* ---- Supabase CLI ----
 * supabase/migrations: files ^([0-9]+)_(.*)\.sql$, ordered by name as text; others are skipped
 * with a warning (supabase/cli pkg/migration/file.go, list.go ListLocalMigrations). A file is split
 * into statements and sent as one pipeline with its history row, which PostgreSQL runs as one
 * implicit transaction (file.go MigrationFile.ExecBatch); no downs. */
static const char *detect_supabase(const char *root, const names *ls)
{
	size_t n = strlen(root);
	if (n >= 19 && strcmp(root + n - 19, "supabase/migrations") == 0)
		return "a supabase/migrations directory";
	char *up = dd_xstrdup(root);
	char *slash = strrchr(up, '/');
	bool yes = false;
	if (slash && strcmp(slash, "/migrations") == 0) {
		*slash = '\0';
		char *conf = dd_join(up, "config.toml");
		yes = dd_file_contains(conf, "project_id");
		free(conf);
	}
	free(up);
	return yes ? "a Supabase config.toml beside it" : NULL;
}

static void enum_supabase(mdir *d)
{
	names ls = dd_list_dir(d->root);
	for (size_t i = 0; i < ls.n; i++) {
		const char *f = ls.v[i];
		char *p = dd_join(d->root, f);
		if (dd_has_suffix(f, ".sql") && dd_entry_is_file(&ls, i, p)) {
			const char *rest = NULL;
			char *v = dd_leading_version(f, false, false, &rest);
			bool ok = v && *rest == '_';
			dd_add_entry(d, p, f, DD_ROLE_UP, v, ok ? rest + 1 : f, ok);
			entry *e = &d->entries[d->n - 1];
			free(e->key);
			e->key = dd_xstrdup(f);
			if (!ok)
				e->why = "the Supabase CLI skips it";
		}
		free(p);
	}
	dd_free_names(&ls);
}

static void sec_supabase(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	dd_whole_entry(run, f, e, DD_TXMODE_IMPLICIT, "the Supabase CLI sends the file as one pipeline, which runs as one transaction", NULL);
}

const dd_tool dd_tool_supabase = { "supabase", detect_supabase, enum_supabase, NULL, dd_key_text, sec_supabase, false, false, NULL };
