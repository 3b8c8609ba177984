/* The table of output formats; each format lives in its own file beside this one. */
#include <string.h>
#include "internal.h"

const dd_reporter *const dd_reporters[] = { &dd_reporter_text, &dd_reporter_json, NULL };

const dd_reporter *dd_reporter_find(const char *name)
{
	for (size_t i = 0; dd_reporters[i]; i++)
		if (strcmp(dd_reporters[i]->name, name) == 0)
			return dd_reporters[i];
	return NULL;
}

void dd_run_counts(const dd_run *run, size_t counts[4])
{
	size_t n;
	const dd_diag *d = dd_run_diagnostics(run, &n);
	memset(counts, 0, 4 * sizeof *counts);
	for (size_t i = 0; i < n; i++)
		counts[d[i].severity]++;
}
