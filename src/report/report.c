/* The table of output formats; each format lives in its own file beside this one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"

const dd_reporter *const dd_reporters[] = { &dd_reporter_text, &dd_reporter_json, &dd_reporter_sarif, &dd_reporter_github,
					  &dd_reporter_gitlab, &dd_reporter_junit, NULL };

const dd_reporter *dd_reporter_find(const char *name)
{
	for (size_t i = 0; dd_reporters[i]; i++)
		if (strcmp(dd_reporters[i]->name, name) == 0)
			return dd_reporters[i];
	return NULL;
}

void dd_result_add_run(dd_result *r, const dd_run *run)
{
	size_t n;
	const dd_diag *d = dd_run_diagnostics(run, &n);
	if (r->n + n > r->cap) {
		size_t cap = r->cap ? r->cap : 64;
		while (cap < r->n + n)
			cap *= 2;
		r->diags = dd_xrealloc(r->diags, cap * sizeof *r->diags);
		r->cap = cap;
	}
	for (size_t i = 0; i < n; i++) {
		r->diags[r->n] = d[i];
		r->diags[r->n++].baselined = false;
		if (d[i].suppressed)
			r->suppressed++;
		else
			r->counts[d[i].severity]++;
	}
	r->files += dd_run_file_count(run);
}

void dd_result_free(dd_result *r)
{
	free(r->diags);
	memset(r, 0, sizeof *r);
}
