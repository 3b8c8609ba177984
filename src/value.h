/* value: YAML text as dd_value trees (config files, option values). Depends on util. */
#ifndef DDLINT_VALUE_H
#define DDLINT_VALUE_H

#include "ddlint/rule.h"
#include "util.h"

/* Parse YAML text into a value tree (arena). On failure returns -1 and writes
 * "source:line:column: message" to err. An empty document is a null value. */
int dd_yaml_parse(dd_arena *a, const char *text, size_t len, const char *source, dd_value **out,
		  char *err, size_t errsize);

/* A value as one line of YAML flow style: [a, b], {name: x}, 'quoted: text'. */
char *dd_value_flow(dd_arena *a, const dd_value *v);

#endif
