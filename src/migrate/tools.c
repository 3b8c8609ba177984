/*
 * The migration tools ddlint knows, one const entry each: how the tool recognises its directory
 * and files, reads and orders versions, finds the up and the down, and runs each part (its own
 * transaction, one query, statement by statement), with the per-migration opt-out. Each entry
 * cites where that was read: the tool's own source (repository, file, function) or documentation.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "migrate_priv.h"
#include "sections.h"

/* ---- shared steps ---- */

static bool ends_sql(const char *f) { return dd_has_suffix(f, ".sql"); }

/* How many of the first .sql files of a directory hold `needle` (at most `stop`). */
static int files_with(const char *root, const names *ls, const char *needle, int stop)
{
	int n = 0, seen = 0;
	for (size_t i = 0; i < ls->n && n < stop && seen < 64; i++) {
		if (!ends_sql(ls->v[i]))
			continue;
		char *p = dd_join(root, ls->v[i]);
		if (dd_entry_is_file(ls, i, p)) {
			seen++;
			n += dd_file_contains(p, needle);
		}
		free(p);
	}
	return n;
}

static int key_natural(const entry *a, const entry *b) { return dd_natural_cmp(a->key, b->key); }
/* Each .sql file directly in the directory, through `classify`. */
static void each_sql_file(mdir *d, void (*classify)(mdir *d, const char *path, const char *f))
{
	names ls = dd_list_dir(d->root);
	for (size_t i = 0; i < ls.n; i++) {
		char *p = dd_join(d->root, ls.v[i]);
		if (ends_sql(ls.v[i]) && dd_entry_is_file(&ls, i, p))
			classify(d, p, ls.v[i]);
		free(p);
	}
	dd_free_names(&ls);
}

/* <version>_<name>.sql (or -<name>): a versioned up; a file without a leading version is still
 * replayed where its name sorts, and reported. */
static void classify_numbered(mdir *d, const char *p, const char *f, int kind, const char *why)
{
	const char *rest = NULL;
	char *v = dd_leading_version(f, false, false, &rest);
	bool ok = v && (*rest == '_' || *rest == '-');
	dd_add_entry(d, p, f, kind, v, ok ? rest + 1 : f, ok);
	if (!ok)
		d->entries[d->n - 1].why = why;
}

/* ---- golang-migrate ----
 * Files ^([0-9]+)_(.*)\.(down|up)\.(.*)$ directly in the directory; the version is a number
 * (leading zeros ignored); other names are skipped (source/parse.go Regex, DefaultParse;
 * source/iofs/iofs.go Init). The postgres driver sends the whole file as one query, no
 * transaction of its own: several statements run as one implicit transaction (database/postgres
 * postgres.go Run; README "Multi-statement mode"). */
static const char *detect_golang_migrate(const char *root, const names *ls)
{
	if (dd_project_uses(root, "Cargo.toml", "sqlx"))
		return NULL;   /* sqlx names reversible migrations the same way */
	for (size_t i = 0; i < ls->n; i++)
		if (dd_has_suffix(ls->v[i], ".up.sql") || dd_has_suffix(ls->v[i], ".down.sql"))
			return "files named <version>_<name>.up.sql and .down.sql";
	return NULL;
}

static void classify_golang(mdir *d, const char *p, const char *f)
{
	const char *rest = NULL;
	char *v = dd_leading_version(f, false, false, &rest);
	bool up = dd_has_suffix(f, ".up.sql"), down = dd_has_suffix(f, ".down.sql");
	bool ok = v && *rest == '_' && (up || down);
	char *name = dd_xstrdup(ok ? rest + 1 : f);
	if (ok)
		name[strlen(name) - (up ? 7 : 9)] = '\0';
	dd_add_entry(d, p, f, down ? DD_ROLE_DOWN : DD_ROLE_UP, v, name, ok);
	if (!ok)
		d->entries[d->n - 1].why = "golang-migrate skips it";
	free(name);
}

static void enum_golang(mdir *d) { each_sql_file(d, classify_golang); }

static void sec_golang(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	dd_whole_entry(run, f, e, DD_TXMODE_IMPLICIT, "golang-migrate sends the file as one query, which runs as one transaction", NULL);
}

static const dd_tool golang_migrate = {
	"golang-migrate", detect_golang_migrate, enum_golang, classify_golang, key_natural, sec_golang, true, false, "{v}_{n}.down.sql"
};

/* ---- Flyway ----
 * V<version>__<description>.sql (prefix as written, suffix in any case); R__ repeatable, run after
 * the versioned ones in description order; B<version>__ baseline, for an empty database only;
 * U<version>__ undo (Teams edition); callbacks (beforeMigrate.sql, ...) are not migrations.
 * Versions: _ is a dot, parts compared as numbers, trailing zeros ignored (api/MigrationVersion.java;
 * ResourceNameParser.parse; CoreResourceTypeProvider). Each migration runs in a transaction of its
 * own, unless every statement is one PostgreSQL refuses in a transaction (CREATE INDEX CONCURRENTLY,
 * VACUUM, ...): then none (ParserSqlScript.executeInTransaction; PostgreSQLParser
 * detectCanExecuteInTransaction). A script config <file>.conf with executeInTransaction=false
 * runs it statement by statement (SqlScriptMetadata). */
static const char *detect_flyway(const char *root, const names *ls)
{
	for (size_t i = 0; i < ls->n; i++) {
		const char *f = ls->v[i];
		if (ends_sql(f) && (((f[0] == 'V' || f[0] == 'U' || f[0] == 'B') && isdigit((unsigned char)f[1]) && strstr(f, "__")) ||
				    strncmp(f, "R__", 3) == 0))
			return "files named V<version>__<description>.sql";
	}
	return NULL;
}

static bool flyway_callback(const char *f)
{
	static const char *const events[] = { "beforeMigrate", "beforeEachMigrate", "afterEachMigrate", "afterMigrate",
		"beforeEachMigrateStatement", "afterEachMigrateStatement", "afterMigrateError", "afterEachMigrateError",
		"beforeClean", "afterClean", "beforeInfo", "afterInfo", "beforeValidate", "afterValidate", "beforeBaseline",
		"afterBaseline", "beforeRepair", "afterRepair", "beforeUndo", "afterUndo", "beforeConnect", "afterConnect", NULL };
	for (int i = 0; events[i]; i++) {
		size_t n = strlen(events[i]);
		if (strncmp(f, events[i], n) == 0 && (f[n] == '.' || (f[n] == '_' && f[n + 1] == '_')))
			return true;
	}
	return false;
}

static void classify_flyway(mdir *d, const char *p, const char *f)
{
	const char *rest = NULL;
	if (strncmp(f, "R__", 3) == 0) {
		dd_add_entry(d, p, f, DD_ROLE_REPEATABLE, NULL, f + 3, true);
	} else if (flyway_callback(f)) {
		dd_add_entry(d, p, f, DD_ROLE_OTHER, NULL, f, true);
		d->entries[d->n - 1].ignored = true;
		d->entries[d->n - 1].why = "a Flyway callback, not a migration";
	} else if ((f[0] == 'V' || f[0] == 'U' || f[0] == 'B') && isdigit((unsigned char)f[1])) {
		char *v = dd_leading_version(f + 1, true, false, &rest);
		bool ok = v && strncmp(rest, "__", 2) == 0;
		dd_add_entry(d, p, f, f[0] == 'U' ? DD_ROLE_DOWN : DD_ROLE_UP, v, ok ? rest + 2 : f, ok);
		if (!ok)
			d->entries[d->n - 1].why = "Flyway skips it";
	} else {
		char *v = dd_leading_version(f, true, false, NULL);
		dd_add_entry(d, p, f, DD_ROLE_UP, v, f, false);
		d->entries[d->n - 1].why = "Flyway skips it";
	}
}

static void enum_flyway(mdir *d)
{
	each_sql_file(d, classify_flyway);
	/* a baseline stands for the versioned migrations up to it; when those are there too, they are
	 * what is replayed (a baseline is applied to an empty database only) */
	for (size_t i = 0; i < d->n; i++) {
		entry *b = &d->entries[i];
		if (b->rel[0] != 'B' || !b->version)
			continue;
		for (size_t j = 0; j < d->n; j++)
			if (d->entries[j].rel[0] == 'V' && d->entries[j].version &&
			    dd_natural_cmp(d->entries[j].key, b->key) <= 0) {
				b->kind = DD_ROLE_OTHER;
				b->ignored = true;
				b->why = "a Flyway baseline, for an empty database only: the versioned migrations it stands for are replayed";
			}
	}
}

/* Flyway versions: parts split at . or _, compared as numbers, missing parts and trailing zeros 0. */
static int flyway_cmp(const entry *a, const entry *b)
{
	const char *x = a->key, *y = b->key;
	while (*x || *y) {
		while (*x == '0' && isdigit((unsigned char)x[1]))
			x++;
		while (*y == '0' && isdigit((unsigned char)y[1]))
			y++;
		size_t nx = 0, ny = 0;
		while (isdigit((unsigned char)x[nx]))
			nx++;
		while (isdigit((unsigned char)y[ny]))
			ny++;
		if (nx != ny && !(nx == 1 && *x == '0' && !ny) && !(ny == 1 && *y == '0' && !nx))
			return nx < ny ? -1 : 1;
		int c = nx == ny ? strncmp(x, y, nx) : 0;
		if (c)
			return c;
		x += nx;
		y += ny;
		if (*x == '.' || *x == '_')
			x++;
		if (*y == '.' || *y == '_')
			y++;
	}
	return 0;
}

static void sec_flyway(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	char *conf = dd_xmalloc(strlen(e->path) + 6);
	sprintf(conf, "%s.conf", e->path);
	char *text = dd_file_head(conf, 4096);
	bool off = text && (strstr(text, "executeInTransaction=false") || strstr(text, "executeInTransaction = false"));
	free(text);
	free(conf);
	if (off)
		dd_whole_entry(run, f, e, DD_TXMODE_NONE, "Flyway runs it statement by statement (executeInTransaction=false)", NULL);
	else
		dd_whole_entry(run, f, e, DD_TXMODE_OWN_OR_NONE, "Flyway runs each migration in a transaction",
		      "move it to a migration of its own: Flyway runs a migration of only such statements outside a transaction");
}

static const dd_tool flyway = {
	"flyway", detect_flyway, enum_flyway, classify_flyway, flyway_cmp, sec_flyway, true, true, "an undo file U{v}__{n}"
};

/* ---- dbmate ----
 * ^(\d+).*\.sql$ directly in the directory, ordered by file name as text; the version is the
 * leading digits (pkg/dbmate/db.go migrationFileRegexp, FindMigrations). Sections and their
 * transaction option: sections.c. */
static const char *detect_dbmate(const char *root, const names *ls)
{
	return files_with(root, ls, "-- migrate:up", 1) || files_with(root, ls, "--migrate:up", 1)
		? "files with -- migrate:up sections" : NULL;
}

static void classify_dbmate(mdir *d, const char *p, const char *f)
{
	classify_numbered(d, p, f, DD_ROLE_UP_AND_DOWN, "dbmate skips a file whose name does not start with its version");
	entry *e = &d->entries[d->n - 1];
	free(e->key);
	e->key = dd_xstrdup(f);   /* dbmate sorts file names, not numbers */
	if (!e->matched && e->version && isdigit((unsigned char)f[0])) {
		e->matched = true;   /* ^(\d+).*\.sql$: any name after the digits */
		e->why = NULL;
	}
}

static void enum_dbmate(mdir *d) { each_sql_file(d, classify_dbmate); }

static void sec_dbmate(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	sec_texts tx = { DD_TXMODE_OWN, "dbmate runs each section in a transaction",
			 "add transaction:false to its -- migrate:up line (it is then sent as one query: keep it alone there)",
			 "dbmate sends the section as one query, which runs as one transaction" };
	dd_sections_dbmate(run, f, &tx);
}

static const dd_tool dbmate = { "dbmate", detect_dbmate, enum_dbmate, classify_dbmate, dd_key_text, sec_dbmate, true, false, "a -- migrate:down section" };

/* ---- goose ----
 * <number>_<name>.sql directly in the directory, ordered by the number (migration.go
 * NumericComponent; migrate.go Less). Sections: sections.c. Each migration runs in a transaction,
 * statement by statement (migration_sql.go runSQLMigration). */
static const char *detect_goose(const char *root, const names *ls)
{
	return files_with(root, ls, "+goose Up", 1) || files_with(root, ls, "+goose up", 1) || files_with(root, ls, "+goose UP", 1)
		? "files with -- +goose Up sections" : NULL;
}

static void classify_goose(mdir *d, const char *p, const char *f)
{
	classify_numbered(d, p, f, DD_ROLE_UP_AND_DOWN, "goose refuses a file whose name does not start with its version");
}

static void enum_goose(mdir *d) { each_sql_file(d, classify_goose); }

static void sec_goose(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	sec_texts tx = { DD_TXMODE_OWN, "goose runs each migration in a transaction", "add -- +goose NO TRANSACTION",
			 "goose runs it statement by statement (NO TRANSACTION)" };
	dd_sections_goose(run, f, &tx);
}

static const dd_tool goose = { "goose", detect_goose, enum_goose, classify_goose, key_natural, sec_goose, true, false, "a -- +goose Down section" };

/* ---- sql-migrate ----
 * Every .sql file of the directory; the id is the file name, ordered by its leading number, then
 * as text (migrate.go findMigrations, Migration.Less). Sections: sections.c. */
static const char *detect_sql_migrate(const char *root, const names *ls)
{
	return files_with(root, ls, "-- +migrate Up", 1) ? "files with -- +migrate Up sections" : NULL;
}

static void classify_sql_migrate(mdir *d, const char *p, const char *f)
{
	classify_numbered(d, p, f, DD_ROLE_UP_AND_DOWN, NULL);
	entry *e = &d->entries[d->n - 1];
	e->matched = true;   /* any .sql file is a migration, its id the file name */
	e->why = NULL;
	free(e->version);
	e->version = dd_xstrdup(f);
	free(e->key);
	e->key = dd_xstrdup(f);
}

static void enum_sql_migrate(mdir *d) { each_sql_file(d, classify_sql_migrate); }

static void sec_sql_migrate(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	sec_texts tx = { DD_TXMODE_OWN, "sql-migrate runs each migration in a transaction", "add notransaction to its -- +migrate Up line",
			 "sql-migrate runs it statement by statement (notransaction)" };
	dd_sections_sql_migrate(run, f, &tx);
}

static const dd_tool sql_migrate = { "sql-migrate", detect_sql_migrate, enum_sql_migrate, classify_sql_migrate, key_natural, sec_sql_migrate, true, false, "a -- +migrate Down section" };

/* ---- node-pg-migrate (SQL files) ----
 * Every file of the directory, ordered by its leading number (src/migration.ts
 * getMigrationFilePaths; src/utils/comparators.ts). Sections: sections.c. Its command line runs all
 * pending migrations in one transaction by default, and a SQL file has no way out of it
 * (src/cli/options.ts single-transaction; pgm.noTransaction() is for JavaScript migrations only). */
static const char *detect_node_pg_migrate(const char *root, const names *ls)
{
	if (files_with(root, ls, "-- Up Migration", 1) || files_with(root, ls, "-- up migration", 1))
		return "files with -- Up Migration sections";
	return NULL;
}

static void classify_npm(mdir *d, const char *p, const char *f)
{
	classify_numbered(d, p, f, DD_ROLE_UP_AND_DOWN, "node-pg-migrate refuses a file whose name does not start with a number");
}

static void enum_npm(mdir *d) { each_sql_file(d, classify_npm); }

static void sec_npm(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	sec_texts tx = { DD_TXMODE_RUN, "node-pg-migrate runs all pending migrations in one transaction", NULL, NULL };
	dd_sections_node_pg_migrate(run, f, &tx);
}

static const dd_tool node_pg_migrate = { "node-pg-migrate", detect_node_pg_migrate, enum_npm, classify_npm, key_natural, sec_npm, true, false, "a -- Down Migration section" };

/* ---- Liquibase formatted SQL ----
 * A .sql changelog whose first line is "--liquibase formatted sql"; changesets run in file order
 * (FormattedSqlChangeLogParser.supports, FIRST_LINE_REGEX). The order of files is the master
 * changelog's (include, includeAll by path): here, path order. Sections and rollbacks: sections.c. */
static bool liquibase_file(const char *path)
{
	char *head = dd_file_head(path, 4096);
	bool yes = false;
	if (head) {
		const char *s = head;
		while (isspace((unsigned char)*s))
			s++;
		if (s[0] == '-' && s[1] == '-') {
			s += 2;
			while (*s == ' ' || *s == '\t')
				s++;
			yes = strncasecmp(s, "liquibase", 9) == 0;
		}
	}
	free(head);
	return yes;
}

static const char *detect_liquibase(const char *root, const names *ls)
{
	for (size_t i = 0, seen = 0; i < ls->n && seen < 64; i++) {
		if (!ends_sql(ls->v[i]))
			continue;
		seen++;
		char *p = dd_join(root, ls->v[i]);
		bool yes = liquibase_file(p);
		free(p);
		if (yes)
			return "files that start with --liquibase formatted sql";
	}
	return NULL;
}

static void classify_liquibase(mdir *d, const char *p, const char *f)
{
	bool ok = liquibase_file(p);
	dd_add_entry(d, p, f, DD_ROLE_UP, dd_xstrdup(f), f, ok);
	if (!ok)
		d->entries[d->n - 1].why = "not a formatted SQL changelog: Liquibase runs it as one changeset, unsplit";
}

static void enum_liquibase(mdir *d) { each_sql_file(d, classify_liquibase); }

static const dd_tool liquibase = { "liquibase", detect_liquibase, enum_liquibase, classify_liquibase, key_natural, NULL, true, false, "--rollback lines in each changeset" };

/* ---- sqlx ----
 * <version>_<description>.sql (simple), .up.sql and .down.sql (reversible) directly in the
 * directory, the version an i64 (sqlx-core/src/migrate/source.rs resolve_blocking_with_config;
 * migration_type.rs). Each migration runs in a transaction of its own, unless the file starts with
 * "-- no-transaction"; it is then sent as one query (sqlx-postgres/src/migrate.rs apply). */
static const char *detect_sqlx(const char *root, const names *ls)
{
	return files_with(root, ls, "-- no-transaction", 1) ? "a file that starts with -- no-transaction" : NULL;
}

/* Are there .sql files named <number>_...? (what a project hint may claim) */
static bool numbered_files(const names *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		if (ends_sql(ls->v[i]) && isdigit((unsigned char)ls->v[i][0]) && strchr(ls->v[i], '_'))
			return true;
	return false;
}

/* After the tools of markers and names: numbered files in a Rust project that depends on sqlx. */
static const char *detect_sqlx_project(const char *root, const names *ls)
{
	return numbered_files(ls) && dd_project_uses(root, "Cargo.toml", "sqlx") ? "numbered files, and a Cargo.toml that depends on sqlx" : NULL;
}

static void classify_sqlx(mdir *d, const char *p, const char *f)
{
	bool down = dd_has_suffix(f, ".down.sql");
	classify_numbered(d, p, f, down ? DD_ROLE_DOWN : DD_ROLE_UP, "sqlx fails on a file whose name does not start with its version");
	entry *e = &d->entries[d->n - 1];
	if (e->matched && (down || dd_has_suffix(f, ".up.sql")))
		e->name[strlen(e->name) - (down ? 9 : 7)] = '\0';
}

static void enum_sqlx(mdir *d) { each_sql_file(d, classify_sqlx); }

static void sec_sqlx(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	if (strncmp(f->text, "-- no-transaction", 17) == 0)
		dd_whole_entry(run, f, e, DD_TXMODE_IMPLICIT, "sqlx sends the file as one query (-- no-transaction), which runs as one transaction", NULL);
	else
		dd_whole_entry(run, f, e, DD_TXMODE_OWN, "sqlx runs each migration in a transaction",
		      "start the file with -- no-transaction (it is then sent as one query: keep it alone there)");
}

static const dd_tool sqlx = { "sqlx", detect_sqlx, enum_sqlx, classify_sqlx, key_natural, sec_sqlx, false, false, "{v}_{n}.down.sql" };
static const dd_tool sqlx_by_project = { "sqlx", detect_sqlx_project, enum_sqlx, classify_sqlx, key_natural, sec_sqlx, false, false, "{v}_{n}.down.sql" };

/* ---- ory/pop ----
 * ^(\d+)_([^.]+)(\.[a-z0-9]+)?(\.autocommit)?\.(up|down)\.sql$, versions compared as text, a
 * dialect's file before the generic one of the same version (gobuffalo/pop migrator.go mrx,
 * migration_info.go; ory/x popx/match.go). Each migration runs in a transaction of its own, unless
 * its name has .autocommit.; it is then sent as one query (popx/migrator.go shouldNotUseTransaction,
 * migration_box.go). */
static bool pop_dialect(const char *s, size_t n)
{
	static const char *const dialects[] = { "postgres", "cockroach", "mysql", "sqlite3", "mariadb", NULL };
	for (int i = 0; dialects[i]; i++)
		if (strlen(dialects[i]) == n && strncmp(s, dialects[i], n) == 0)
			return true;
	return false;
}

static const char *detect_pop(const char *root, const names *ls)
{
	for (size_t i = 0; i < ls->n; i++) {
		const char *f = ls->v[i];
		if (strstr(f, ".autocommit.") || strstr(f, ".postgres.up.sql") || strstr(f, ".postgres.down.sql") ||
		    strstr(f, ".cockroach.up.sql") || strstr(f, ".sqlite3.up.sql") || strstr(f, ".mysql.up.sql"))
			return "files named <version>_<name>.<dialect>.up.sql";
	}
	return NULL;
}

static void classify_pop(mdir *d, const char *p, const char *f)
{
	const char *rest = NULL;
	char *v = dd_leading_version(f, false, false, &rest);
	bool up = dd_has_suffix(f, ".up.sql"), down = dd_has_suffix(f, ".down.sql");
	bool ok = v && *rest == '_' && (up || down);
	char *name = dd_xstrdup(ok ? rest + 1 : f);
	const char *dialect = NULL;
	if (ok) {
		name[strlen(name) - (up ? 7 : 9)] = '\0';
		char *auto_ = strstr(name, ".autocommit");
		if (auto_ && auto_[11] == '\0')
			*auto_ = '\0';
		char *dot = strchr(name, '.');
		if (dot) {
			dialect = dot + 1;
			ok = pop_dialect(dialect, strlen(dialect));
			*dot = '\0';
		}
	}
	dd_add_entry(d, p, f, down ? DD_ROLE_DOWN : DD_ROLE_UP, v, name, ok);
	entry *e = &d->entries[d->n - 1];
	if (!ok)
		e->why = "pop skips it";
	else if (dialect && strncmp(dialect, "postgres", 8) != 0) {
		e->ignored = true;   /* another database's migration */
		e->kind = DD_ROLE_OTHER;
		e->why = "a migration for another database";
	}
	free(name);
}

/* For a version and direction with a file for PostgreSQL, pop runs that one, not the generic
 * one (migration_info.go: the dialect's file sorts first, and a version is applied once). */
static void enum_pop(mdir *d)
{
	each_sql_file(d, classify_pop);
	for (size_t i = 0; i < d->n; i++) {
		entry *g = &d->entries[i];
		if (!g->matched || g->ignored || strstr(g->rel, ".postgres."))
			continue;
		for (size_t j = 0; j < d->n; j++) {
			const entry *p = &d->entries[j];
			if (j != i && p->matched && p->kind == g->kind && strstr(p->rel, ".postgres.") && strcmp(p->version, g->version) == 0) {
				g->ignored = true;
				g->kind = DD_ROLE_OTHER;
				g->why = "pop runs the PostgreSQL file of this version instead";
				break;
			}
		}
	}
}

static void sec_pop(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	if (strstr(e->rel, ".autocommit."))
		dd_whole_entry(run, f, e, DD_TXMODE_IMPLICIT, "pop sends an .autocommit. file as one query, which runs as one transaction", NULL);
	else
		dd_whole_entry(run, f, e, DD_TXMODE_OWN, "pop runs each migration in a transaction",
		      "put it alone in a file named <version>_<name>.autocommit.up.sql (ory/x popx)");
}

static const dd_tool pop = { "pop", detect_pop, enum_pop, classify_pop, dd_key_text, sec_pop, true, false, "{v}_{n}.down.sql" };

/* ---- Atlas ----
 * The .sql files beside atlas.sum, ordered by name as text, up only (sql/migrate/dir.go
 * LocalDir.Files; cmdapi.go: migrate down is not in the open-source build). Each file runs in a
 * transaction of its own (--tx-mode file), unless its header holds "atlas:txmode none" followed by
 * a blank line; it then runs statement by statement (cmdapi/migrate.go txmodeFor; dir.go Directive). */
static const char *detect_atlas(const char *root, const names *ls)
{
	char *sum = dd_join(root, "atlas.sum");
	bool yes = dd_is_file(sum);
	free(sum);
	return yes ? "atlas.sum" : NULL;
}

static void classify_atlas(mdir *d, const char *p, const char *f)
{
	classify_numbered(d, p, f, DD_ROLE_UP, NULL);
	entry *e = &d->entries[d->n - 1];
	e->matched = true;
	e->why = NULL;
	if (!e->version)
		e->version = dd_xstrdup(f);
	free(e->key);
	e->key = dd_xstrdup(f);
}

static void enum_atlas(mdir *d) { each_sql_file(d, classify_atlas); }

static bool atlas_txmode_none(const dd_file *f)
{
	const char *t = f->text;
	while (*t == '-' && t[1] == '-') {
		const char *eol = strchr(t, '\n');
		size_t n = eol ? (size_t)(eol - t) : strlen(t);
		const char *dir = memmem(t, n, "atlas:txmode", 12);
		if (dir) {
			const char *v = dir + 12;
			while (*v == ' ')
				v++;
			if (strncmp(v, "none", 4) == 0 && eol && (eol[1] == '\n' || (eol[1] == '\r' && eol[2] == '\n')))
				return true;
		}
		if (!eol)
			break;
		t = eol + 1;
	}
	return false;
}

static void sec_atlas(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	if (atlas_txmode_none(f))
		dd_whole_entry(run, f, e, DD_TXMODE_NONE, "atlas runs it statement by statement (atlas:txmode none)", NULL);
	else
		dd_whole_entry(run, f, e, DD_TXMODE_OWN, "atlas runs each migration file in a transaction",
		      "add -- atlas:txmode none at the top of the file, followed by a blank line");
}

static const dd_tool atlas = { "atlas", detect_atlas, enum_atlas, classify_atlas, dd_key_text, sec_atlas, false, false, NULL };

/* ---- postgres-migrations ----
 * ^(-?\d+)[-_]?(.*)\.sql$ directly in the directory, ordered by number, consecutive from 1
 * (src/file-name-parser.ts; src/files-loader.ts; src/validation.ts). Each migration runs in a
 * transaction of its own, unless its text holds "-- postgres-migrations disable-transaction"; it
 * is then sent as one query (src/run-migration.ts). */
static const char *detect_postgres_migrations(const char *root, const names *ls)
{
	return files_with(root, ls, "-- postgres-migrations disable-transaction", 1)
		? "a file with -- postgres-migrations disable-transaction" : NULL;
}

static const char *detect_pgm_project(const char *root, const names *ls)
{
	return numbered_files(ls) && dd_project_uses(root, "package.json", "postgres-migrations")
		? "numbered files, and a package.json that depends on postgres-migrations" : NULL;
}

static void classify_pgm(mdir *d, const char *p, const char *f)
{
	const char *rest = NULL;
	char *v = dd_leading_version(f, false, false, &rest);
	dd_add_entry(d, p, f, DD_ROLE_UP, v, v ? rest + (*rest == '-' || *rest == '_') : f, v != NULL);
	if (!v)
		d->entries[d->n - 1].why = "postgres-migrations refuses a file whose name does not start with its number";
}

static void enum_pgm(mdir *d) { each_sql_file(d, classify_pgm); }

static void sec_pgm(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	if (strstr(f->text, "-- postgres-migrations disable-transaction"))
		dd_whole_entry(run, f, e, DD_TXMODE_IMPLICIT,
		      "postgres-migrations sends the file as one query (disable-transaction), which runs as one transaction", NULL);
	else
		dd_whole_entry(run, f, e, DD_TXMODE_OWN, "postgres-migrations runs each migration in a transaction",
		      "add -- postgres-migrations disable-transaction (the file is then sent as one query: keep it alone there)");
}

static const dd_tool postgres_migrations = { "postgres-migrations", detect_postgres_migrations, enum_pgm, classify_pgm, key_natural, sec_pgm, false, false, NULL };
static const dd_tool pgm_by_project = { "postgres-migrations", detect_pgm_project, enum_pgm, classify_pgm, key_natural, sec_pgm, false, false, NULL };

/* ---- plain: numbered files of no known tool, run (say) by psql one by one ---- */
static const char *detect_plain(const char *root, const names *ls)
{
	int sql = 0, numbered = 0;
	for (size_t i = 0; i < ls->n; i++)
		if (ends_sql(ls->v[i])) {
			sql++;
			numbered += isdigit((unsigned char)ls->v[i][0]) != 0;
		}
	return sql >= 2 && numbered == sql ? "numbered .sql files of no known tool" : NULL;
}

static void classify_plain(mdir *d, const char *p, const char *f)
{
	classify_numbered(d, p, f, DD_ROLE_UP, "its name does not start with a version");
}

static void enum_plain(mdir *d) { each_sql_file(d, classify_plain); }

static void sec_plain(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e)
{
	dd_whole_entry(run, f, e, DD_TXMODE_NONE, NULL, NULL);
}

static const dd_tool plain = { "plain", detect_plain, enum_plain, classify_plain, key_natural, sec_plain, false, false, NULL };

/* The per-folder and plan-driven tools (Prisma, Diesel, Drizzle, sqitch) are in folders.c. */
extern const dd_tool dd_tool_sqitch, dd_tool_drizzle, dd_tool_prisma, dd_tool_diesel, dd_tool_supabase;

/* Detection order: the most specific evidence first (a plan, a journal, a sum file, folders of
 * a fixed shape, a header line, markers in the files), name patterns last. */
const dd_tool *const dd_tools[] = {
	&dd_tool_sqitch, &dd_tool_drizzle, &dd_tool_prisma, &dd_tool_diesel, &liquibase, &pop, &sqlx, &node_pg_migrate,
	&sql_migrate, &postgres_migrations, &dd_tool_supabase, &golang_migrate, &flyway, &dbmate, &goose,
	/* atlas.sum may sit beside another tool's format (atlas migrate --dir-format): that format first */
	&atlas,
	/* project files are the weakest evidence: only for numbered files no other tool claims */
	&sqlx_by_project, &pgm_by_project, &plain, NULL
};

const dd_tool *dd_tool_named(const char *name)
{
	for (size_t i = 0; dd_tools[i]; i++)
		if (strcmp(dd_tools[i]->name, name) == 0)
			return dd_tools[i];
	return NULL;
}

/* Liquibase's sections and rollback view are made by the planner (plan.c), which can add a file. */
void dd_liquibase_sections(dd_run *run, dd_file *f, char **down)
{
	sec_texts tx = { DD_TXMODE_OWN, "Liquibase runs each changeset in a transaction", "add runInTransaction:false to its --changeset line",
			 "Liquibase runs it statement by statement (runInTransaction:false)" };
	*down = dd_sections_liquibase(run, f, &tx);
}
