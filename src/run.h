/*
 * run: what one run holds — its files, the severity of each rule, the model, the statements
 * replayed, the diagnostics — and the rule registry (generated from rules/). The lower modules
 * (options, migrate, suppress, config) fill a run; lint drives it. Depends on model.
 */
#ifndef DDLINT_RUN_H
#define DDLINT_RUN_H

#include "model.h"
#include "registry.h"   /* generated: every rule's symbol and its DD_RULE_* index */

extern const dd_rule *const dd_rules[];
extern const char *const dd_rule_paths[];
extern const size_t dd_rules_count;
/* Index of a rule id in dd_rules, or -1. */
int dd_rule_find(const char *id);

struct dd_rule_opts;

/* A migration directory of the run: where, its tool, and why that tool (from what evidence). */
typedef struct dd_migration_dir { const char *root, *tool, *why; } dd_migration_dir;
struct dd_snapshot;

struct dd_run {
	dd_arena *arena;
	dd_file **files; size_t n_files;
	dd_stmt **stmts; size_t n_stmts;
	dd_diag **diags; size_t n_diags;
	dd_migration **migrations; size_t n_migrations;
	dd_migration_dir **migration_dirs; size_t n_migration_dirs;
	const char **forced_dirs, **forced_layouts; size_t n_forced;
	dd_diag *sorted;
	dd_severity *severity;   /* per registry entry */
	struct dd_rule_opts *opts; /* per registry entry: option values, compiled patterns */
	void **rule_state;       /* per registry entry: what its init returned */
	struct dd_snapshot **snapshots; size_t n_snapshots; /* model snapshots alive, freed with the run */
	dd_model *model;
	dd_unit **units; size_t n_units;
	int jobs;                /* parser threads, the calling one included */
	bool assume_existing;    /* safety.assume_existing: plain files are judged as changes to a live database */
	int postgres_version;    /* safety.postgres_version */
	struct dd_parse_cache *parse_cache; /* parses kept across runs (not owned), or NULL */
	dd_map real_dirs;        /* directory -> its real path, as resolved once (run.c) */
	dd_map real_files;       /* the real paths dd_run_real_path gave: given again, they are kept as they are */
	bool linted;
	/* dd_run_on_migration: called once the model holds each migration's up */
	void (*on_migration)(struct dd_run *run, const dd_migration *m, void *arg);
	void *on_migration_arg;
	/* dd_run_on_finish: called once the rules are done, before the suppressions */
	void (*on_finish)(struct dd_run *run, void *arg);
	void *on_finish_arg;
	const char *command;     /* dd_run_set_command: the command the run serves, NULL: linting */
	char error[1024];
	/* ddlint report: the objects each rule judged (dd_checked), a map of keys per registry
	 * entry; NULL unless dd_run_count_checked asked for them */
	dd_map *checked;
};

/* Report a finding of rule `ri` (a DD_RULE_* index) at loc; dropped when the rule is off or the
 * file is context only. Strings are copied. */
void dd_run_add_diag(struct dd_run *run, int ri, const dd_loc *loc, const char *object,
		     const char *suggestion, const char *message);

/* Keep count of the objects each rule judges (dd_checked), for ddlint report; before dd_run_lint. */
void dd_run_count_checked(struct dd_run *run);
/* Rule `ri` judged `object` (a qualified name, as a finding about it would give), defined at
 * loc; NULL: the statement or comment at loc, keyed "path:line". Counted once per key; not for
 * context files, nor for a rule that is off. */
void dd_run_checked(struct dd_run *run, int ri, const dd_loc *loc, const char *object);
/* The key a finding counts against: its object, else "path:line". */
const char *dd_diag_checked_key(struct dd_run *run, const dd_diag *d);

/* The last file added stands for this path on disk (an editor's unsaved buffer). */
void dd_run_set_last_file_path(struct dd_run *run, const char *path);

/* realpath(path) (heap, NULL when it fails), each directory's resolved once a run. */
char *dd_run_real_path(struct dd_run *run, const char *path);

/* Force the layout of a directory (NULL: detect it, but treat it as a migration directory). */
void dd_run_add_migration_dir(struct dd_run *run, const char *dir, const char *layout);

/* Sort the diagnostics into the order reports show them (file, line, column, rule, message). */
int dd_run_sort_diags(struct dd_run *run);

#endif
