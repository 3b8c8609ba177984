/*
 * What the files of src/migrate/ share: a directory's entries as its tool sees them, and the
 * table of tools (tools.c), each entry stating how its tool finds, orders, splits and runs
 * migrations, with the source that says so.
 */
#ifndef DDLINT_MIGRATE_PRIV_H
#define DDLINT_MIGRATE_PRIV_H

#include <stdbool.h>
#include "migrate.h"

typedef struct dd_tool dd_tool;

/* One file of a migration directory. */
typedef struct entry {
	char *path;              /* real path */
	char *rel;               /* name within the directory (dir/file for per-migration folders) */
	int kind;                /* DD_ROLE_UP, DOWN, UP_AND_DOWN, REPEATABLE or OTHER (read, never replayed) */
	char *version;           /* as the tool reads it (for display and pairing); NULL: none */
	char *key;               /* what the tool orders by (a version without dashes, a whole name...) */
	char *name;
	size_t order;            /* sqitch: plan position; drizzle: journal position (1-based, 0 none) */
	dd_migration *migration;
	bool matched;            /* the tool takes it as a migration */
	const char *why;         /* when not matched: what the tool does with it */
	bool ignored;            /* not replayed at all (not a migration of the tool: a drizzle file outside the journal) */
} entry;

/* A migration directory. */
typedef struct mdir {
	char *root;
	const dd_tool *tool;
	const char *why;         /* why this tool was chosen */
	entry *entries;
	size_t n, cap;
	/* what the tool's settings beside the migrations say (read by the tool's detect step) */
	char *journal;           /* drizzle: meta/_journal.json */
	struct dd_run *run;      /* whose directory memo resolves the entries' real paths */
} mdir;

/* A directory's names (no dot files), sorted; from dd_list_dir also each one's d_type
 * (DT_UNKNOWN where readdir did not say), else type is NULL. */
typedef struct names { char **v; size_t n; unsigned char *type; } names;

struct dd_tool {
	const char *name;
	/* Is `root` a directory of this tool's migrations? Returns why (static text), or NULL. */
	const char *(*detect)(const char *root, const names *ls);
	/* Fill the directory's entries. */
	void (*enumerate)(mdir *d);
	/* Add one file of a flat directory (an editor's buffer not on disk yet); NULL: not flat. */
	void (*classify)(mdir *d, const char *path, const char *name);
	/* The tool's order of two migrations with the same standing (both versioned). */
	int (*compare)(const entry *a, const entry *b);
	/* The parts of a migration file and how each runs (called with its text read). */
	void (*sections)(dd_run *run, const mdir *d, dd_file *f, dd_migration *m, const entry *e);
	bool downs;              /* migrations have downs */
	bool downs_optional;
	/* the down a migration lacks, {v} its version and {n} its name; NULL: "a down" */
	const char *down_hint;
};

extern const dd_tool *const dd_tools[];
/* Liquibase's changesets as sections of f, and *down its rollbacks (a copy of f's text with all
 * else blanked, heap) or NULL (tools.c). */
void dd_liquibase_sections(dd_run *run, dd_file *f, char **down);
const dd_tool *dd_tool_named(const char *name);

/* helpers (scan.c) */
names dd_list_dir(const char *dir);
void dd_free_names(names *n);
bool dd_is_dir(const char *p);
bool dd_is_file(const char *p);
/* dd_is_file / dd_is_dir of entry i of a listing (path: its path), without a stat when the
 * listing knows the entry is a regular file or a directory (a symbolic link is followed). */
bool dd_entry_is_file(const names *ls, size_t i, const char *path);
bool dd_entry_is_dir(const names *ls, size_t i, const char *path);
/* Can entry i be a directory (or a symbolic link to one)? false only when readdir said it is not. */
bool dd_entry_may_be_dir(const names *ls, size_t i);
char *dd_join(const char *a, const char *b);           /* heap */
char *dd_file_head(const char *path, size_t max);      /* the first max bytes of a regular file (heap, NUL-terminated), or NULL */
bool dd_file_contains(const char *path, const char *needle);
/* Does the project file `file` (package.json, Cargo.toml) in `root` or above name `dep` as a
 * dependency? Looks up to the directory that holds .git, at most six levels. */
bool dd_project_uses(const char *root, const char *file, const char *dep);
/* Leading digits of s (with _ and . between them for Flyway, - between them for Diesel) as a heap
 * string, *rest after them; NULL when s does not start with a digit. */
char *dd_leading_version(const char *s, bool dots, bool dashes, const char **rest);
void dd_add_entry(mdir *d, const char *path, const char *rel, int kind, char *version, const char *name, bool matched);
/* Versions (keys) in text order, the order of most tools that compare names. */
int dd_key_text(const entry *a, const entry *b);
/* The section of a whole file of entry e: a down for a down (or a file read, never run). */
void dd_whole_entry(dd_run *run, dd_file *f, const entry *e, dd_txmode tx, const char *why, const char *optout);
/* A file's section covering all of it (the tool runs whole files). */
void dd_whole_file(dd_run *run, dd_file *f, bool down, dd_txmode tx, const char *why, const char *optout);
dd_section *dd_add_section(dd_run *run, dd_file *f, int start, int end, bool down, dd_txmode tx, const char *why,
			   const char *optout);

#endif
