/*
 * Baselines: the findings a project has accepted, in a JSON file (.ddlint-baseline.json), so
 * that only new findings are reported. A finding's identity is its rule, its file (relative to
 * the baseline's directory, with forward slashes), its object and its message, never its line
 * or column; each identity has a count, and only that many of its findings are absorbed.
 */
#ifndef DDLINT_CLI_BASELINE_H
#define DDLINT_CLI_BASELINE_H

#include "report.h"

typedef struct dd_baseline dd_baseline;

/* Read the baseline at `path`: 0 with *out set, 1 when there is no such file (*out NULL), or
 * -1 after printing why it cannot be used (not JSON, wrong types, too large). */
int dd_baseline_read(const char *path, dd_baseline **out);
/* An empty baseline to be written to `path`. */
dd_baseline *dd_baseline_new(const char *path);
void dd_baseline_free(dd_baseline *b);
const char *dd_baseline_path(const dd_baseline *b);

/* Mark the unsuppressed diagnostics of r from index `from` on that the baseline absorbs
 * (baselined, no longer counted); each entry absorbs at most its count. */
/* A file the run lints (each reported input): only the entries of linted files can be gone,
 * or dropped by --update; the others are kept as they are. */
void dd_baseline_linted(dd_baseline *b, const char *path);
void dd_baseline_match(dd_baseline *b, dd_result *r, size_t from);
/* Add the unsuppressed diagnostics of r from index `from` on to the baseline. */
void dd_baseline_record(dd_baseline *b, const dd_result *r, size_t from);
/* Findings in the baseline that no match absorbed (gone from the code). */
size_t dd_baseline_gone(const dd_baseline *b);
/* Findings the baseline holds (the sum of its counts). */
size_t dd_baseline_total(const dd_baseline *b);
/* Lower each count to what was matched; entries matched by nothing are dropped. */
void dd_baseline_tighten(dd_baseline *b);
/* Write the baseline, sorted, through a temporary file renamed over it; 0, or -1 after printing why. */
int dd_baseline_write(const dd_baseline *b);

#endif
