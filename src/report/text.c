/* text: "path:line:column: severity: message [rule]", the form compilers and editors read. */
#include <stdio.h>
#include <string.h>
#include "report.h"

static const char *sev_color(dd_severity s)
{
	return s == DD_SEV_ERROR ? "\033[1;31m" : s == DD_SEV_WARNING ? "\033[1;33m" : "\033[1;36m";
}

static void show_source(FILE *out, const dd_diag *d, bool color)
{
	const dd_file *f = d->file;
	if (d->line < 1 || d->line > f->n_lines)
		return;
	int start = f->line_starts[d->line - 1];
	int end = start;
	while ((size_t)end < f->len && f->text[end] != '\n' && f->text[end] != '\r')
		end++;
	fprintf(out, "  %.*s\n  ", end - start, f->text + start);
	/* the caret sits under the column, counting characters; tabs are kept so it lines up */
	int col = 1;
	for (int i = start; i < end && col < d->column; i++) {
		if (((unsigned char)f->text[i] & 0xC0) == 0x80)
			continue;
		fputc(f->text[i] == '\t' ? '\t' : ' ', out);
		col++;
	}
	int width = d->end_line == d->line && d->end_column > d->column ? d->end_column - d->column : 1;
	fputs(color ? "\033[1;32m" : "", out);
	for (int i = 0; i < width; i++)
		fputc(i == 0 ? '^' : '~', out);
	fputs(color ? "\033[0m\n" : "\n", out);
}

static int write_text(FILE *out, const dd_result *r, const dd_report_opts *opts)
{
	const dd_diag *d = r->diags;
	for (size_t i = 0; i < r->n; i++) {
		if (d[i].suppressed || d[i].baselined)
			continue;
		const char *sev = dd_severity_name(d[i].severity);
		if (opts->color)
			fprintf(out, "\033[1m%s:%d:%d:\033[0m %s%s:\033[0m %s \033[2m[%s]\033[0m\n", d[i].path,
				d[i].line, d[i].column, sev_color(d[i].severity), sev, d[i].message, d[i].rule);
		else
			fprintf(out, "%s:%d:%d: %s: %s [%s]\n", d[i].path, d[i].line, d[i].column, sev,
				d[i].message, d[i].rule);
		if (opts->source) {
			show_source(out, &d[i], opts->color);
			if (d[i].suggestion)
				fprintf(out, "  suggestion: %s\n", d[i].suggestion);
		}
	}
	return ferror(out) ? -1 : 0;
}

const dd_reporter dd_reporter_text = {
	.name = "text",
	.summary = "path:line:column: severity: message [rule] (default)",
	.write = write_text,
};
