/* ddlint erd: the schema model as a diagram (the erd module draws it). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "erd.h"

int dd_cli_erd(const cli *c, dd_run *run)
{
	dd_erd_format fmt;
	const char *name = c->format_name ? c->format_name : "mermaid";
	if (dd_erd_format_parse(name, &fmt) != 0) {
		fprintf(stderr, "ddlint: erd: unknown format '%s'; use mermaid, dbml, dot or plantuml\n", name);
		return 2;
	}
	if (c->depth >= 0 && !c->around) {
		fprintf(stderr, "ddlint: erd: --depth goes with --around TABLE\n");
		return 2;
	}
	dd_erd_filter f = { c->erd_schemas, c->n_erd_schemas, c->erd_tables, c->n_erd_tables, c->erd_exclude,
			    c->n_erd_exclude, c->around, c->depth >= 0 ? c->depth : 1 };
	dd_erd g;
	char err[512];
	if (dd_erd_build(&g, run->model, &f, err, sizeof err) != 0) {
		fprintf(stderr, "ddlint: erd: %s\n", err);
		dd_erd_free(&g);
		return 2;
	}
	if (g.n_tables == 0)
		fprintf(stderr, "ddlint: erd: no table to draw\n");
	const char *path = c->n_targets ? c->targets[c->n_targets - 1].output : NULL;
	FILE *out = path ? fopen(path, "w") : stdout;
	int status = 0;
	if (!out) {
		fprintf(stderr, "ddlint: cannot write '%s': %s\n", path, strerror(errno));
		status = 2;
	} else {
		int rc = dd_erd_write(out, &g, fmt);
		if (path ? fclose(out) != 0 : fflush(out) != 0)
			rc = -1;
		if (rc != 0) {
			fprintf(stderr, "ddlint: cannot write the diagram%s%s: %s\n", path ? " to " : "", path ? path : "",
				strerror(errno));
			status = 2;
		}
	}
	dd_erd_free(&g);
	return status;
}
