/*
 * ddlint report: compliance with the standard, rule by rule. Each rule says which objects it
 * judged (dd_checked: the tables, columns, names, foreign keys, migrations ... it looked at); an
 * object passes when no finding of that rule is about it. A finding counts against the object it
 * names, else against that object's table (a finding about a column of a table the rule judges
 * as a whole), else it is an object of its own, checked and failed. Suppressed findings pass (as
 * they never count in a lint), and are shown; a baseline is not applied.
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"

typedef struct rule_row {
	const dd_rule *rule;
	dd_severity severity;
	size_t checked, failed, suppressed;
	size_t unmatched;   /* failed objects the rule did not say it checked (0 when its dd_checked calls are right) */
} rule_row;

/* The key a finding's object stands under when the rule judged its parent: "s.t.c" -> "s.t",
 * "path:12" -> "path"; NULL when it has none. */
static const char *parent_key(dd_arena *a, const char *key)
{
	const char *colon = strrchr(key, ':');
	if (colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1))
		return dd_arena_strndup(a, key, (size_t)(colon - key));
	const char *dot = strrchr(key, '.');
	return dot ? dd_arena_strndup(a, key, (size_t)(dot - key)) : NULL;
}

static void count(dd_run *run, rule_row *rows, dd_arena *a)
{
	for (size_t ri = 0; ri < dd_rules_count; ri++) {
		rows[ri].rule = dd_rules[ri];
		rows[ri].severity = run->severity[ri];
		rows[ri].checked = run->checked[ri].live;
	}
	dd_map *failed = dd_arena_alloc(a, (dd_rules_count + 1) * sizeof *failed);
	for (size_t i = 0; i < run->n_diags; i++) {
		const dd_diag *d = run->diags[i];
		int ri = dd_rule_find(d->rule);
		if (ri < 0)
			continue;
		if (d->suppressed) {
			rows[ri].suppressed++;
			continue;
		}
		const char *key = dd_diag_checked_key(run, d);
		const dd_map *checked = &run->checked[ri];
		if (!dd_map_get(checked, key)) {
			const char *parent = parent_key(a, key);
			if (parent && dd_map_get(checked, parent))
				key = parent;
			else if (!dd_map_get(&failed[ri], key)) {
				rows[ri].checked++;   /* judged, though the rule did not say so: an object of its own */
				rows[ri].unmatched++;
			}
		}
		if (!dd_map_get(&failed[ri], key)) {
			dd_map_put(&failed[ri], a, key, (void *)1);
			rows[ri].failed++;
		}
	}
	for (size_t ri = 0; ri < dd_rules_count; ri++)
		dd_map_free(&failed[ri]);
}

static double percent(size_t passed, size_t checked) { return checked ? 100.0 * (double)passed / (double)checked : 0; }

static void totals(const rule_row *rows, size_t *checked, size_t *passed)
{
	*checked = *passed = 0;
	for (size_t i = 0; i < dd_rules_count; i++)
		if (rows[i].severity != DD_SEV_OFF) {
			*checked += rows[i].checked;
			*passed += rows[i].checked - rows[i].failed;
		}
}

static void write_text(FILE *out, const rule_row *rows, size_t files)
{
	fprintf(out, "compliance with the standard: %zu file%s\n\n", files, files == 1 ? "" : "s");
	fprintf(out, "%-38s %-8s %8s %8s %8s %10s\n", "rule", "severity", "checked", "passed", "failed", "compliance");
	for (size_t i = 0; i < dd_rules_count; i++) {
		const rule_row *r = &rows[i];
		if (r->severity == DD_SEV_OFF)
			continue;
		fprintf(out, "%-38s %-8s %8zu %8zu %8zu ", r->rule->id, dd_severity_name(r->severity), r->checked,
			r->checked - r->failed, r->failed);
		if (r->checked)
			fprintf(out, "%9.1f%%", percent(r->checked - r->failed, r->checked));
		else
			fprintf(out, "%10s", "-");
		if (r->suppressed)
			fprintf(out, "  (%zu suppressed)", r->suppressed);
		fputc('\n', out);
	}
	size_t checked, passed;
	totals(rows, &checked, &passed);
	fprintf(out, "%-38s %-8s %8zu %8zu %8zu ", "overall", "", checked, passed, checked - passed);
	if (checked)
		fprintf(out, "%9.1f%%\n", percent(passed, checked));
	else
		fprintf(out, "%10s\n", "-");
	size_t off = 0;
	for (size_t i = 0; i < dd_rules_count; i++)
		off += rows[i].severity == DD_SEV_OFF;
	if (off)
		fprintf(out, "\n%zu rule%s off, not counted\n", off, off == 1 ? "" : "s");
}

/* Markdown table cells: the text of rule ids and numbers only (no SQL reaches them). */
static void write_markdown(FILE *out, const rule_row *rows, size_t files)
{
	size_t checked, passed;
	totals(rows, &checked, &passed);
	fputs("## ddlint compliance\n\n", out);
	if (checked)
		fprintf(out, "**%.1f%%** of %zu checked objects follow the standard (%zu file%s).\n\n",
			percent(passed, checked), checked, files, files == 1 ? "" : "s");
	else
		fprintf(out, "No object checked (%zu file%s).\n\n", files, files == 1 ? "" : "s");
	fputs("| rule | checked | passed | failed | compliance |\n|---|---:|---:|---:|---:|\n", out);
	for (size_t i = 0; i < dd_rules_count; i++) {
		const rule_row *r = &rows[i];
		if (r->severity == DD_SEV_OFF)
			continue;
		fprintf(out, "| `%s` | %zu | %zu | %zu | ", r->rule->id, r->checked, r->checked - r->failed, r->failed);
		if (r->checked)
			fprintf(out, "%.1f%%", percent(r->checked - r->failed, r->checked));
		else
			fputs("-", out);
		if (r->suppressed)
			fprintf(out, " (%zu suppressed)", r->suppressed);
		fputs(" |\n", out);
	}
	fprintf(out, "| **overall** | %zu | %zu | %zu | ", checked, passed, checked - passed);
	if (checked)
		fprintf(out, "**%.1f%%** |\n", percent(passed, checked));
	else
		fputs("- |\n", out);
}

static int write_json(FILE *out, const rule_row *rows, size_t files)
{
	json_t *list = json_array();
	for (size_t i = 0; i < dd_rules_count; i++) {
		const rule_row *r = &rows[i];
		if (r->severity == DD_SEV_OFF)
			continue;
		json_array_append_new(list, json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:o}", "rule", r->rule->id, "severity",
						      dd_severity_name(r->severity), "checked", (json_int_t)r->checked,
						      "passed", (json_int_t)(r->checked - r->failed), "failed",
						      (json_int_t)r->failed, "suppressed", (json_int_t)r->suppressed,
						      "undeclared", (json_int_t)r->unmatched,
						      "percent", r->checked ? json_real(percent(r->checked - r->failed, r->checked))
									    : json_null()));
	}
	size_t checked, passed;
	totals(rows, &checked, &passed);
	json_t *doc = json_pack("{s:s, s:I, s:o, s:{s:I, s:I, s:I, s:o}}", "version", DDLINT_VERSION, "files",
				(json_int_t)files, "rules", list, "overall", "checked", (json_int_t)checked, "passed",
				(json_int_t)passed, "failed", (json_int_t)(checked - passed), "percent",
				checked ? json_real(percent(passed, checked)) : json_null());
	return dd_write_json(out, doc);
}

int dd_cli_compliance(const cli *c, dd_run *run)
{
	const char *fmt = c->format_name ? c->format_name : "text";
	if (strcmp(fmt, "text") != 0 && strcmp(fmt, "json") != 0 && strcmp(fmt, "markdown") != 0) {
		fprintf(stderr, "ddlint: report: unknown format '%s'; use text, json or markdown\n", fmt);
		return 2;
	}
	dd_arena *a = dd_arena_new();
	rule_row *rows = dd_arena_alloc(a, (dd_rules_count + 1) * sizeof *rows);
	count(run, rows, a);
	size_t files = 0;
	for (size_t i = 0; i < run->n_files; i++)
		files += run->files[i]->report;
	const char *path = c->n_targets ? c->targets[c->n_targets - 1].output : NULL;
	FILE *out = path ? fopen(path, "w") : stdout;
	int status = 0;
	if (!out) {
		fprintf(stderr, "ddlint: cannot write '%s': %s\n", path, strerror(errno));
		status = 2;
	} else {
		int rc = 0;
		if (strcmp(fmt, "json") == 0)
			rc = write_json(out, rows, files);
		else if (strcmp(fmt, "markdown") == 0)
			write_markdown(out, rows, files);
		else
			write_text(out, rows, files);
		if (path ? fclose(out) != 0 : fflush(out) != 0)
			rc = -1;
		if (rc != 0) {
			fprintf(stderr, "ddlint: cannot write the report: %s\n", strerror(errno));
			status = 2;
		}
	}
	dd_arena_free(a);
	return status;
}
