/* report: the output formats, one file a format under src/report/. Depends on run. */
#ifndef DDLINT_REPORT_H
#define DDLINT_REPORT_H

#include "run.h"

#include <stdio.h>

typedef struct dd_report_opts {
	bool color;              /* ANSI colours */
	bool source;             /* show the source line and a caret under the column */
	bool show_baselined;     /* --show-baselined: json and sarif keep baselined findings, marked */
} dd_report_opts;

/* What a reporter writes: the diagnostics of one or more runs, sorted. */
typedef struct dd_result {
	dd_diag *diags;          /* suppressed ones included, flagged */
	size_t n, cap;
	size_t files;
	size_t counts[4];        /* unsuppressed, by dd_severity */
	size_t suppressed;
	/* A baseline in use: the findings it absorbed (flagged, not in counts) and those of it gone. */
	bool baseline;
	size_t baselined, baseline_gone;
} dd_result;

/* Append a linted run's diagnostics (runs keep their order; within one, the run's order). */
void dd_result_add_run(dd_result *r, const struct dd_run *run);
void dd_result_free(dd_result *r);

typedef struct dd_reporter {
	const char *name;
	const char *summary;
	/* Write the report to `out`; returns 0, or -1 on a write error. */
	int (*write)(FILE *out, const dd_result *result, const dd_report_opts *opts);
} dd_reporter;

extern const dd_reporter *const dd_reporters[];
extern const dd_reporter dd_reporter_text, dd_reporter_json, dd_reporter_sarif, dd_reporter_github,
	dd_reporter_gitlab, dd_reporter_junit;
/* The offending line, trimmed (points into the file). */
const char *dd_diag_line_text(const dd_diag *d, size_t *len);
/* 16 hex digits, stable across edits elsewhere in the file. */
void dd_diag_fingerprint(const dd_result *r, size_t index, char out[17]);
/* A path as a URI: relative to the working directory when below it, else file://; heap string. */
char *dd_path_uri(const char *path);
/* Write a JSON document (indented, keys in order, a final newline) and release it; 0, or -1 on a write error. */
struct json_t;
int dd_write_json(FILE *out, struct json_t *doc);
const dd_reporter *dd_reporter_find(const char *name);

#endif
