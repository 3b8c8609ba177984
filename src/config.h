/*
 * config: .ddlint.yml files — found, read, checked (every error with its position), and applied
 * to a run. Depends on run, options and value.
 */
#ifndef DDLINT_CONFIG_H
#define DDLINT_CONFIG_H

#include "options.h"
#include "value.h"

typedef struct dd_rule_setting {
	const char *id;
	const dd_value *node;        /* the rule id in the file */
	bool has_severity;
	dd_severity severity;
	const char **option_names;
	dd_value **option_values;
	size_t n_options;
} dd_rule_setting;

typedef struct dd_config {
	const char *path;            /* the file */
	const char *dir;             /* its directory: globs are relative to it */
	bool strict;                 /* extends: strict */
	int fail_on;                 /* dd_severity, 4 for never, -1 unset */
	const dd_value *fail_on_node;
	const char **include, **exclude;
	size_t n_include, n_exclude;
	dd_rule_setting **rules;
	size_t n_rules;
	bool require_reason;
	/* safety: { assume_existing, postgres_version } (see include/ddlint/rule.h) */
	bool assume_existing;
	int postgres_version;        /* 0: unset (15) */
	const dd_value *assume_existing_node, *postgres_version_node;
	const char **migration_dirs, **migration_layouts;   /* migrations: dir and forced layout (or NULL) */
	size_t n_migration_dirs;
	dd_value *root;
} dd_config;

/* Read and check a config file. On failure returns -1 with "path:line:column: message" in err. */
int dd_config_load(dd_arena *a, const char *path, dd_config **out, char *err, size_t errsize);
int dd_config_parse(dd_arena *a, const char *path, const char *text, size_t len, dd_config **out,
		    char *err, size_t errsize);
/* Severities, options and suppression settings of the config, onto a run. */
void dd_config_apply(const dd_config *c, struct dd_run *run);
/* Does the config's include/exclude keep this file? */
bool dd_config_selects(const dd_config *c, const char *file);
/* The nearest .ddlint.yml above a file (heap string), stopping at a directory holding .git; or NULL. */
char *dd_config_find(const char *file);
/* NULL for a valid glob, else why not. */
const char *dd_glob_check(const char *glob);
bool dd_glob_match(const char *glob, const char *path);

#endif
