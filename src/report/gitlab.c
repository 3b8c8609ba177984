/* gitlab: GitLab Code Quality JSON (a list of issues). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"

static const char *severity(const dd_diag *d)
{
	if (d->rule == dd_rule_syntax_error.id)
		return "critical";   /* nothing else about the file can be trusted */
	return d->severity == DD_SEV_ERROR ? "major" : d->severity == DD_SEV_WARNING ? "minor" : "info";
}

static int write_gitlab(FILE *out, const dd_result *r, const dd_report_opts *opts)
{
	(void)opts;
	json_t *arr = json_array();
	for (size_t i = 0; i < r->n; i++) {
		const dd_diag *d = &r->diags[i];
		if (d->suppressed || d->baselined)
			continue;
		char fp[17];
		dd_diag_fingerprint(r, i, fp);
		char *path = dd_path_uri(d->path);
		json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:{s:s, s:{s:i, s:i}}}", "description", d->message,
				      "check_name", d->rule, "fingerprint", fp, "severity", severity(d), "location", "path",
				      path, "lines", "begin", d->line, "end", d->end_line);
		free(path);
		json_array_append_new(arr, o);
	}
	return dd_write_json(out, arr);
}

const dd_reporter dd_reporter_gitlab = {
	.name = "gitlab",
	.summary = "GitLab Code Quality report (JSON)",
	.write = write_gitlab,
};
