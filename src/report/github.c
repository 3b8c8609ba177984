/* github: GitHub Actions workflow commands, shown as annotations on the pull request. */
#include <stdio.h>
#include "report.h"

/* Escape for a workflow command: data escapes %, CR and LF; properties also : and , */
static void esc(FILE *out, const char *s, bool property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%': fputs("%25", out); break;
		case '\r': fputs("%0D", out); break;
		case '\n': fputs("%0A", out); break;
		case ':': fputs(property ? "%3A" : ":", out); break;
		case ',': fputs(property ? "%2C" : ",", out); break;
		default: fputc(*s, out);
		}
	}
}

static int write_github(FILE *out, const dd_result *r, const dd_report_opts *opts)
{
	(void)opts;
	for (size_t i = 0; i < r->n; i++) {
		const dd_diag *d = &r->diags[i];
		if (d->suppressed || d->baselined)
			continue;
		fprintf(out, "::%s file=", d->severity == DD_SEV_ERROR ? "error" : d->severity == DD_SEV_WARNING ? "warning" : "notice");
		esc(out, d->path, true);
		fprintf(out, ",line=%d,col=%d,endLine=%d,endColumn=%d,title=", d->line, d->column, d->end_line,
			d->end_column > d->column || d->end_line > d->line ? d->end_column : d->column + 1);
		esc(out, d->rule, true);
		fputs("::", out);
		esc(out, d->message, false);
		fputc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}

const dd_reporter dd_reporter_github = {
	.name = "github",
	.summary = "GitHub Actions workflow commands (annotations)",
	.write = write_github,
};
