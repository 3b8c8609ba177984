/* sarif: SARIF 2.1.0 for code-scanning services; one run, every rule, suppressed results marked. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"

#define HELP_URI "https://github.com/ddlint/ddlint/blob/main/README.md#rules"

static const char *level(dd_severity s)
{
	return s == DD_SEV_ERROR ? "error" : s == DD_SEV_WARNING ? "warning" : s == DD_SEV_INFO ? "note" : "none";
}

/* naming/snake-case -> NamingSnakeCase: SARIF wants a readable name distinct from the id */
static char *pascal(const char *id)
{
	char *out = dd_xmalloc(strlen(id) + 1);
	size_t k = 0;
	bool up = true;
	for (const char *p = id; *p; p++) {
		if (*p == '/' || *p == '-' || *p == '_') {
			up = true;
			continue;
		}
		out[k++] = up && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
		up = false;
	}
	out[k] = '\0';
	return out;
}

static json_t *rule_descriptor(const dd_rule *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(r->id));
	char *name = pascal(r->id);
	if (name)
		json_object_set_new(o, "name", json_string(name));
	free(name);
	json_object_set_new(o, "shortDescription", json_pack("{s:s}", "text", r->summary));
	json_object_set_new(o, "fullDescription", json_pack("{s:s}", "text", r->description));
	char *help = NULL;
	size_t n = strlen(r->why) + strlen(r->bad) + strlen(r->good) + 64;
	help = dd_xmalloc(n);
	if (help) {
		snprintf(help, n, "%s\n\nBad:\n%s\nGood:\n%s", r->why, r->bad, r->good);
		json_object_set_new(o, "help", json_pack("{s:s}", "text", help));
		free(help);
	}
	json_object_set_new(o, "helpUri", json_string(HELP_URI));
	json_object_set_new(o, "defaultConfiguration", json_pack("{s:s, s:b}", "level", level(r->severity),
								 "enabled", r->severity != DD_SEV_OFF));
	return o;
}

static int write_sarif(FILE *out, const dd_result *r, const dd_report_opts *opts)
{
	json_t *rules = json_array();
	for (size_t i = 0; i < dd_rules_count; i++)
		json_array_append_new(rules, rule_descriptor(dd_rules[i]));
	json_t *driver = json_pack("{s:s, s:s, s:s, s:o}", "name", "ddlint", "version", DDLINT_VERSION,
				   "informationUri", HELP_URI, "rules", rules);
	json_t *results = json_array();
	for (size_t i = 0; i < r->n; i++) {
		const dd_diag *d = &r->diags[i];
		if (d->baselined && !opts->show_baselined)
			continue;
		json_t *res = json_object();
		json_object_set_new(res, "ruleId", json_string(d->rule));
		int ri = dd_rule_find(d->rule);
		if (ri >= 0)
			json_object_set_new(res, "ruleIndex", json_integer(ri));
		json_object_set_new(res, "level", json_string(level(d->severity)));
		json_object_set_new(res, "message", json_pack("{s:s}", "text", d->message));
		char *uri = dd_path_uri(d->path);
		json_t *region = json_pack("{s:i, s:i, s:i, s:i}", "startLine", d->line, "startColumn", d->column,
					   "endLine", d->end_line, "endColumn", d->end_column > d->column || d->end_line > d->line
									? d->end_column : d->column + 1);
		json_t *loc = json_pack("{s:{s:{s:s}, s:o}}", "physicalLocation", "artifactLocation", "uri", uri, "region", region);
		free(uri);
		if (d->object)
			json_object_set_new(loc, "logicalLocations", json_pack("[{s:s}]", "fullyQualifiedName", d->object));
		json_object_set_new(res, "locations", json_pack("[o]", loc));
		char fp[17];
		dd_diag_fingerprint(r, i, fp);
		json_object_set_new(res, "partialFingerprints", json_pack("{s:s}", "ddlint/v1", fp));
		if (d->suggestion)
			json_object_set_new(res, "properties", json_pack("{s:s}", "suggestion", d->suggestion));
		if (d->suppressed) {
			json_t *sup = json_pack("{s:s}", "kind", "inSource");
			if (d->suppression_reason)
				json_object_set_new(sup, "justification", json_string(d->suppression_reason));
			json_object_set_new(res, "suppressions", json_pack("[o]", sup));
		}
		if (opts->show_baselined)
			json_object_set_new(res, "baselineState", json_string(d->baselined ? "unchanged" : "new"));
		json_array_append_new(results, res);
	}
	json_t *run = json_pack("{s:{s:o}, s:o, s:s}", "tool", "driver", driver, "results", results,
				"columnKind", "unicodeCodePoints");
	json_t *doc = json_pack("{s:s, s:s, s:[o]}", "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
				"version", "2.1.0", "runs", run);
	return dd_write_json(out, doc);
}

const dd_reporter dd_reporter_sarif = {
	.name = "sarif",
	.summary = "SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps, ...)",
	.write = write_sarif,
};
