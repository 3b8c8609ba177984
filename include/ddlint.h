/*
 * ddlint embedding API.
 *
 * A run owns everything it creates: files, parse trees, the schema model and
 * the diagnostics live in one arena that dd_run_free() releases. Pointers
 * returned by the run stay valid until then. Functions returning int return 0
 * on success and a negative value on failure; dd_run_error() then describes
 * the failure in lower case, naming the path and the reason.
 *
 * Out of memory: ddlint does not try to recover from it. When the system refuses an
 * allocation, ddlint prints "ddlint: out of memory" on standard error and exits the
 * process with status 2 (the status of a failed run); no function returns NULL or
 * an error for it. An embedder that must survive it runs ddlint in a child process.
 *
 * Threads: runs share no state. Two runs may be linted at once on two threads; one
 * run is used by one thread at a time.
 *
 * Input: each file or buffer is at most 1 GiB (byte offsets are int); a larger one
 * is refused with "larger than 1 GiB", wherever it comes from.
 */
#ifndef DDLINT_H
#define DDLINT_H

#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>

#define DDLINT_VERSION "0.1.0"

typedef enum dd_severity {
	DD_SEV_OFF = 0,
	DD_SEV_INFO = 1,
	DD_SEV_WARNING = 2,
	DD_SEV_ERROR = 3
} dd_severity;

typedef struct dd_run dd_run;
typedef struct dd_file dd_file;

/* One finding. Lines and columns are 1-based; columns count Unicode characters. */
typedef struct dd_diag {
	const dd_file *file;
	const char *path;        /* the file's display path */
	int line, column;
	int end_line, end_column;
	int offset;              /* 0-based byte offset of the start */
	const char *rule;        /* rule id */
	dd_severity severity;
	const char *message;
	const char *object;      /* qualified name of the object, or NULL */
	const char *suggestion;  /* what the standard expects, or NULL */
	bool suppressed;         /* silenced by a ddlint-disable comment: reported, never counted */
	const char *suppression_reason; /* the text after "--" in that comment, or NULL */
	bool baselined;          /* absorbed by the baseline file (set by the command line): never counted */
} dd_diag;

/* Create an empty run. Never NULL (see "Out of memory" above). */
dd_run *dd_run_new(void);

/* Release the run and everything it owns. Accepts NULL. */
void dd_run_free(dd_run *run);

/*
 * Add a file read from disk. `display` is the path diagnostics show (copied).
 * `report` false makes the file context only: replayed into the model,
 * never reported on. Fails (returns -1, see dd_run_error) when the file
 * cannot be read.
 */
int dd_run_add_path(dd_run *run, const char *path, const char *display, bool report);

/* Add an in-memory buffer of `len` bytes (copied) under the name `display`. */
int dd_run_add_buffer(dd_run *run, const char *display, const char *data, size_t len, bool report);

/* Override a rule's severity (DD_SEV_OFF disables it). Returns -1 for an unknown rule id. */
int dd_run_set_severity(dd_run *run, const char *rule_id, dd_severity severity);

/* Parse on this many threads, the calling one included (default 1). Files and the statements
 * of a large file are parsed in parallel; the replay stays in order, so results never depend on it. */
void dd_run_set_jobs(dd_run *run, int jobs);

/*
 * Parse every added file, replay it into the schema model and run the rules.
 * Call once. Bad SQL is reported as diagnostics, never as a failure.
 */
int dd_run_lint(dd_run *run);

/* The diagnostics of the run, sorted by file, line, column and rule. */
const dd_diag *dd_run_diagnostics(const dd_run *run, size_t *count);

/* Number of files added. */
size_t dd_run_file_count(const dd_run *run);

/* The message of the last failure of the run. */
const char *dd_run_error(const dd_run *run);

/* Write the schema model as a JSON document (see the README, "ddlint dump"). */
int dd_run_dump_json(dd_run *run, FILE *out);

/* The model as it stands, as sorted lines in the form of PostgreSQL's catalog listing that
 * `ddlint verify` compares it with ("table public.users", "column public.users.id type=uuid
 * notnull=true default=false", "constraint ...", "index ...", "enum ...", "view ...",
 * "trigger ..."); strings and array in `a` (an arena of util.h). Returns the count. */
struct dd_arena;
size_t dd_run_model_listing(const dd_run *run, struct dd_arena *a, const char ***out);

/* Call fn(run, m, arg) during dd_run_lint each time the model holds the up of a migration m
 * (its last statement replayed), in the order they are applied. Set before dd_run_lint. */
struct dd_migration;
void dd_run_on_migration(dd_run *run, void (*fn)(dd_run *run, const struct dd_migration *m, void *arg), void *arg);
/* Call fn(run, arg) during dd_run_lint once every statement is replayed and the rules are done,
 * before the ddlint-disable comments are applied: findings added then are suppressed as the
 * rules' are. Set before dd_run_lint. */
void dd_run_on_finish(dd_run *run, void (*fn)(dd_run *run, void *arg), void *arg);
/* The command the run serves ("verify"), NULL for linting: a rule reported only by a command
 * (dd_rule.command) runs only in a run serving it, so that a ddlint-disable comment naming it is
 * not "unused" when linting. */
void dd_run_set_command(dd_run *run, const char *command);

const char *dd_severity_name(dd_severity sev);
/* Parse "error", "warning", "info" or "off"; returns -1 for anything else. */
int dd_severity_parse(const char *name, dd_severity *out);

#endif
