/*
 * options: the values of the rules' options in a run (configured, or each rule's default parsed
 * once), their type checks, and compiled patterns. Depends on run and value.
 */
#ifndef DDLINT_OPTIONS_H
#define DDLINT_OPTIONS_H

#include "run.h"

/* Per-rule option storage of a run (allocated in the run's arena, patterns freed with it). */
void dd_options_init(struct dd_run *run);
void dd_options_free(struct dd_run *run);

/* NULL when `v` fits the option's type, else a message; *at receives the offending value. */
const char *dd_option_check(const dd_option *o, const dd_value *v, const dd_value **at);
/* Set a rule's option from a config value (validated by the caller with dd_option_check). */
int dd_run_set_option(struct dd_run *run, const char *rule_id, const char *name, const dd_value *v);
/* Option `name` of rule `ri`: its value, and its compiled form when it is a pattern. A rule
 * asking for an option it does not declare is a programming error (abort). */
const dd_value *dd_option_value(struct dd_run *run, int ri, const char *name);
bool dd_option_match(struct dd_run *run, int ri, const char *name, const char *s);

#endif
