/* junit: JUnit XML; one test case per file and rule, a failure per diagnostic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"

static void xml(FILE *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&apos;", out); break;
		default:
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				fputc('?', out);   /* not allowed in XML 1.0 */
			else
				fputc(c, out);
		}
	}
}

static int by_path_rule(const void *a, const void *b, void *arg)
{
	const dd_result *r = arg;
	const dd_diag *x = &r->diags[*(const size_t *)a], *y = &r->diags[*(const size_t *)b];
	int c = strcmp(x->path, y->path);
	if (!c)
		c = strcmp(x->rule, y->rule);
	if (!c)
		c = *(const size_t *)a < *(const size_t *)b ? -1 : 1;
	return c;
}

static int write_junit(FILE *out, const dd_result *r, const dd_report_opts *opts)
{
	(void)opts;
	/* group the findings by (file, rule), keeping their order within a group */
	size_t n = 0, *ix = dd_xmalloc((r->n + 1) * sizeof *ix);
	for (size_t i = 0; i < r->n; i++)
		if (!r->diags[i].suppressed && !r->diags[i].baselined)
			ix[n++] = i;
	qsort_r(ix, n, sizeof *ix, by_path_rule, (void *)r);
	size_t cases = 0;
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(r->diags[ix[i - 1]].rule, r->diags[ix[i]].rule) != 0 ||
		    strcmp(r->diags[ix[i - 1]].path, r->diags[ix[i]].path) != 0)
			cases++;
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	fprintf(out, "<testsuites name=\"ddlint\" tests=\"%zu\" failures=\"%zu\">\n", cases ? cases : 1, n);
	fprintf(out, "  <testsuite name=\"ddlint\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"0\">\n",
		cases ? cases : 1, n);
	if (n == 0)
		fputs("    <testcase classname=\"ddlint\" name=\"no findings\"/>\n", out);
	for (size_t i = 0; i < n; i++) {
		const dd_diag *d = &r->diags[ix[i]];
		bool first = i == 0 || strcmp(r->diags[ix[i - 1]].path, d->path) != 0 || strcmp(r->diags[ix[i - 1]].rule, d->rule) != 0;
		bool last = i + 1 == n || strcmp(r->diags[ix[i + 1]].path, d->path) != 0 || strcmp(r->diags[ix[i + 1]].rule, d->rule) != 0;
		if (first) {
			fputs("    <testcase classname=\"", out);
			xml(out, d->path);
			fputs("\" name=\"", out);
			xml(out, d->rule);
			fputs("\">\n", out);
		}
		fprintf(out, "      <failure type=\"%s\" message=\"", dd_severity_name(d->severity));
		xml(out, d->message);
		fputs("\">", out);
		xml(out, d->path);
		fprintf(out, ":%d:%d: ", d->line, d->column);
		xml(out, d->message);
		fputs("</failure>\n", out);
		if (last)
			fputs("    </testcase>\n", out);
	}
	fputs("  </testsuite>\n</testsuites>\n", out);
	free(ix);
	return ferror(out) ? -1 : 0;
}

const dd_reporter dd_reporter_junit = {
	.name = "junit",
	.summary = "JUnit XML: a test case per file and rule, a failure per finding",
	.write = write_junit,
};
