/* The command line's own pieces: inputs (paths, directory walks) and subcommands. */
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
} dd_input;

typedef struct dd_inputs {
	dd_input *items;
	size_t n, cap;
} dd_inputs;

void dd_inputs_add(dd_inputs *in, const char *path, const char *display);
/* Add a file, a directory (walked for *.sql in natural order) or "-"; prints and returns -1 on errors. */
int dd_inputs_collect(dd_inputs *in, const char *arg, const char *stdin_name);
void dd_inputs_free(dd_inputs *in);

int dd_cmd_rules(void);
int dd_cmd_explain(const char *id);
/* Write a commented .ddlint.yml into `dir`; refuses to overwrite. */
int dd_cmd_init(const char *dir);
/* Print the effective configuration for `path` with where each value came from. */
int dd_cmd_config(const char *path, const dd_config *config, const char *config_origin);

/* List the migration directories of the run: layout, versions in order, downs. */
int dd_cmd_migrations(dd_run *run);

/* Run pg_dump --schema-only for a connection string into a temporary file; returns its
 * path (heap) or NULL after printing why. */
char *dd_pg_dump_to_file(const char *pg_dump, const char *conninfo);

#endif
