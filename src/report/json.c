/* json: one document with every diagnostic and a summary. */
#include <jansson.h>
#include "report.h"

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

static int write_json(FILE *out, const dd_result *r, const dd_report_opts *opts)
{
	const dd_diag *d = r->diags;
	json_t *arr = json_array();
	for (size_t i = 0; i < r->n; i++) {
		if (d[i].baselined && !opts->show_baselined)
			continue;
		json_t *o = json_object();
		json_object_set_new(o, "file", json_string(d[i].path));
		json_object_set_new(o, "line", json_integer(d[i].line));
		json_object_set_new(o, "column", json_integer(d[i].column));
		json_object_set_new(o, "end_line", json_integer(d[i].end_line));
		json_object_set_new(o, "end_column", json_integer(d[i].end_column));
		json_object_set_new(o, "offset", json_integer(d[i].offset));
		json_object_set_new(o, "rule", json_string(d[i].rule));
		json_object_set_new(o, "severity", json_string(dd_severity_name(d[i].severity)));
		json_object_set_new(o, "message", json_string(d[i].message));
		json_object_set_new(o, "object", str_or_null(d[i].object));
		json_object_set_new(o, "suggestion", str_or_null(d[i].suggestion));
		if (d[i].suppressed) {
			json_object_set_new(o, "suppressed", json_true());
			json_object_set_new(o, "suppression_reason", str_or_null(d[i].suppression_reason));
		}
		if (d[i].baselined)
			json_object_set_new(o, "baselined", json_true());
		json_array_append_new(arr, o);
	}
	json_t *doc = json_object();
	json_object_set_new(doc, "version", json_string(DDLINT_VERSION));
	json_object_set_new(doc, "diagnostics", arr);
	json_t *sum = json_object();
	json_object_set_new(sum, "files", json_integer((json_int_t)r->files));
	json_object_set_new(sum, "errors", json_integer((json_int_t)r->counts[DD_SEV_ERROR]));
	json_object_set_new(sum, "warnings", json_integer((json_int_t)r->counts[DD_SEV_WARNING]));
	json_object_set_new(sum, "infos", json_integer((json_int_t)r->counts[DD_SEV_INFO]));
	json_object_set_new(sum, "suppressed", json_integer((json_int_t)r->suppressed));
	if (r->baseline) {
		json_object_set_new(sum, "baselined", json_integer((json_int_t)r->baselined));
		json_object_set_new(sum, "baseline_gone", json_integer((json_int_t)r->baseline_gone));
	}
	json_object_set_new(doc, "summary", sum);
	return dd_write_json(out, doc);
}

const dd_reporter dd_reporter_json = {
	.name = "json",
	.summary = "one JSON document: diagnostics and a summary",
	.write = write_json,
};
