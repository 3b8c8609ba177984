/* The command line's own pieces: the grammar (args.c), inputs (paths, directory walks) and commands. */
#ifndef DDLINT_CLI_H
#define DDLINT_CLI_H

#include "config.h"
#include "migrate.h"
#include "report.h"

typedef struct dd_input {
	char *path;      /* what to open; "-" for standard input */
	char *display;   /* the path diagnostics show */
	const dd_config *config;
	const char *lookup;  /* the path its config is looked up for, when not `path` (not owned) */
	const char *text;    /* a buffer linted in place of the file `path` ("-": of no file), or NULL (not owned) */
	size_t len;
} dd_input;

typedef struct dd_inputs {
	dd_input *items;
	size_t n, cap;
} dd_inputs;

void dd_inputs_add(dd_inputs *in, const char *path, const char *display);
/* Add a file, a directory (walked for *.sql in natural order) or "-"; prints and returns -1 on errors. */
int dd_inputs_collect(dd_inputs *in, const char *arg, const char *stdin_name);
/* Keep one input per file: a file named twice, or reached through a symbolic link or a hard
 * link as well, is linted once, where it is first named. */
void dd_inputs_dedup(dd_inputs *in);
void dd_inputs_free(dd_inputs *in);

typedef struct report_target { const dd_reporter *format; const char *output; } report_target;

/* Configs are loaded once each, by path, into one arena. */
typedef struct config_cache {
	dd_arena *arena;
	char **paths;
	dd_config **configs;
	size_t n;
	char error[1024], error_path[1024];   /* the last config that failed to load, and why */
} config_cache;

struct dd_command;

typedef struct cli {
	report_target *targets;      /* --format (and its --output) in order; text to stdout when none */
	size_t n_targets;
	const char *stdin_name;
	const char *config_path;
	bool no_config;
	int fail_on;                 /* -1: from the config, else warning */
	int color;                   /* -1 auto */
	const char **rule_ids;       /* --rule */
	dd_severity *rule_sevs;
	size_t n_rules;
	const char **select, **ignore, **context;
	size_t n_select, n_ignore, n_context;
	const struct dd_command *command;  /* NULL: lint */
	const char *pg_dump;
	int jobs;                    /* 0: the number of cores */
	char **paths;
	size_t n_paths;
	const char *baseline;        /* --baseline FILE */
	bool no_baseline, show_baselined, update;
	int exit_now;                /* the status when parsing ends the program (--help: 0, errors: 2) */
	const char *changed_since;   /* --changed-since REF, or NULL */
	size_t changed_left_out;     /* findings left out by it */
	config_cache configs;
	/* erd (and docs): --schema, --table, --exclude, --around, --depth; the last --format as
	 * given, for the commands with formats of their own (erd, report, docs); --check */
	const char **erd_schemas, **erd_tables, **erd_exclude;
	size_t n_erd_schemas, n_erd_tables, n_erd_exclude;
	const char *around;
	int depth;                   /* -1: not given */
	const char *format_name;
	bool check;
	struct dd_parse_cache *parse_cache; /* `ddlint lsp`: parses kept from one lint to the next, or NULL */
	/* ddlint verify (src/verify/): where, and which migrations */
	struct {
		const char *database, *pg_bin, *schema, *from, *to;
		bool temp_server, allow_nonempty, create_database;
		int statement_timeout;   /* seconds; -1: the default (60), 0: none */
	} verify;
} cli;

/* A command: its name, the name it had before (a command only where no such path is here),
 * its arguments and summary for the usage, and what runs it. */
typedef struct dd_command {
	const char *name, *old_name, *args, *summary;
	int (*run)(cli *c);
	bool own_formats;   /* --format names the command's own formats (erd, report), not a lint report's */
} dd_command;

/* Parse the command line into c; -1 when the program should end with c->exit_now. */
int dd_cli_parse(cli *c, int argc, char **argv);
void dd_cli_usage(FILE *out);
/* Does a --select/--ignore prefix (a rule id or category) take in rule `id`? */
bool dd_cli_prefix_matches(const char *prefix, const char *id);

/* The commands (main.c), each from the parsed command line. */
int dd_run_cmd_rules(cli *c);
int dd_run_cmd_explain(cli *c);
int dd_run_cmd_model(cli *c);
int dd_run_cmd_init(cli *c);
int dd_run_cmd_config(cli *c);
int dd_run_cmd_plan(cli *c);
int dd_run_cmd_inspect(cli *c);
int dd_run_cmd_baseline(cli *c);
int dd_run_cmd_erd(cli *c);
int dd_run_cmd_compliance(cli *c);
/* ddlint report (compliance.c): per rule, the objects checked and passed, and overall. */
int dd_cli_compliance(const cli *c, dd_run *run);
int dd_run_cmd_docs(cli *c);
/* ddlint docs (docs.c): the site into --output DIR, or --check it. */
int dd_cli_docs(const cli *c, dd_run *run);

/* ddlint erd (erd.c): the diagram of the run's model, as --format says, to --output or stdout. */
int dd_cli_erd(const cli *c, dd_run *run);

int dd_run_cmd_lsp(cli *c);

/* Linting (main.c), as the default command does it: configs, runs, baselines, --changed-since. */
typedef enum lint_mode { LINT_REPORT, LINT_MODEL, LINT_PLAN, LINT_BASELINE, LINT_ERD, LINT_COMPLIANCE, LINT_DOCS, LINT_VERIFY } lint_mode;
struct dd_baseline;
/* The baselines of a lint, each loaded once by path (NULL where no file is). */
typedef struct baselines {
	char **paths;
	struct dd_baseline **items;
	size_t n;
} baselines;
/* What a lint leaves for the reports: the result points into the runs. */
typedef struct dd_linted {
	dd_result result;
	bool complete;               /* the reports are to be written from it */
	baselines bs;
	dd_run **runs;
	size_t n_runs;
	struct dd_changes *changes;
} dd_linted;
/* Lint the inputs (each gets its config; those it excludes drop out) into *out; returns the exit
 * status. Free *out with dd_linted_free whatever it returns. */
int dd_cli_lint(cli *c, dd_inputs *inputs, lint_mode mode, int status, dd_linted *out);
void dd_linted_free(dd_linted *l);
/* Release the configs loaded (the next lint reads them again). */
void dd_cli_configs_free(config_cache *cc);
int dd_run_cmd_verify(cli *c);

/* What they print (commands.c). */
int dd_cmd_rules(void);
int dd_cmd_explain(const char *id);
/* ddlint-rules(7), in man(7) roff: every rule, from the text `explain` prints. */
int dd_cmd_rules_man(void);
/* Write a commented .ddlint.yml into `dir`; refuses to overwrite. */
int dd_cmd_init(const char *dir);
/* Print the effective configuration for `path` with where each value came from. */
int dd_cmd_config(const char *path, const dd_config *config, const char *config_origin);
/* List the migration directories of the run: layout, versions in order, downs. */
int dd_cmd_migrations(dd_run *run, bool json);

/* --changed-since (changed.c): the lines changed since the merge base of REF and HEAD, work
 * tree included, from git; NULL after printing why (not a work tree, unknown REF). */
typedef struct dd_changes dd_changes;
dd_changes *dd_changes_load(const char *ref);
void dd_changes_free(dd_changes *ch);
/* Drop the findings r->diags[from..] of `run` that are neither on a changed line nor about a
 * table a changed statement creates or alters; returns how many counted ones were dropped. */
size_t dd_changes_filter(const dd_changes *ch, const dd_run *run, dd_result *r, size_t from);
/* Did file f change (new, or lines added or deleted) since the merge base? */
bool dd_changes_has_file(const dd_changes *ch, const dd_file *f);

/* Run argv (argv[0] a program name, looked up in PATH, or a path; no shell), standard input
 * /dev/null; its standard output to out_fd when that is not 0, else read into out (at most
 * DD_MAX_CHILD_OUTPUT bytes kept), else dropped; its standard error read into err (64 KiB
 * kept) or dropped. Not both out and err. Returns 0 with *exit_status (-1: killed by a
 * signal; 127: the program could not be run), or an errno when it could not be started. */
#define DD_MAX_CHILD_OUTPUT ((size_t)1 << 30)
int dd_child_run(char *const argv[], int out_fd, dd_buf *out, dd_buf *err, int *exit_status);

/* Run pg_dump --schema-only for a connection string into a temporary file; returns its
 * path (heap) or NULL after printing why. */
char *dd_pg_dump_to_file(const char *pg_dump, const char *conninfo);

#endif
