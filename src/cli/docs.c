/*
 * ddlint docs: the documentation site of the schema (src/docs), with the diagram drawn by
 * Graphviz when `dot` is installed; --check compares it with the one in the directory.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "docs.h"

/* More tables than this are not drawn in one picture (Graphviz would take minutes, and nobody
 * could read it): the index says how to draw a part. */
#define DD_DOCS_MAX_DRAWN 400

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	dd_buf b = { 0 };
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		dd_buf_add(&b, chunk, got);
	fclose(f);
	*len = b.len;
	if (!b.data)
		b.data = dd_xstrdup("");
	return b.data;
}

/* The diagram as Graphviz's SVG (the <svg> element), or NULL with *why saying what to do. */
static char *draw(dd_erd *g, const char **urls, dd_arena *a, const char **why)
{
	if (g->n_tables > DD_DOCS_MAX_DRAWN) {
		*why = dd_arena_sprintf(a, "%zu tables are too many for one picture: `ddlint erd --around TABLE --depth N` "
					"draws the neighbourhood of one, `--schema` or `--table` a part. The Mermaid "
					"source of the whole follows.", g->n_tables);
		return NULL;
	}
	char tmpl[] = "/tmp/ddlint-docs-XXXXXX";
	int fd = mkstemp(tmpl);
	if (fd < 0) {
		*why = "The diagram could not be drawn (no temporary file); its Mermaid source follows.";
		return NULL;
	}
	FILE *f = fdopen(fd, "w");
	g->urls = urls;
	int rc = f ? dd_erd_write_dot(f, g) : -1;
	g->urls = NULL;
	if (!f || fclose(f) != 0)
		rc = -1;
	char *svg = NULL;
	if (rc == 0) {
		char *argv[] = { "dot", "-Tsvg", tmpl, NULL };
		dd_buf out = { 0 };
		int status = 0;
		int err = dd_child_run(argv, 0, &out, NULL, &status);
		if (err || status == 127)
			*why = "Graphviz is not installed, so the diagram is not drawn: install it (Debian: apt-get install "
			       "graphviz) and run ddlint docs again. Its Mermaid source follows.";
		else if (status != 0 || !out.data || !strstr(out.data, "<svg"))
			*why = "Graphviz's dot could not draw the diagram; its Mermaid source follows.";
		else
			svg = dd_arena_strdup(a, strstr(out.data, "<svg"));
		dd_buf_free(&out);
	}
	unlink(tmpl);
	return svg;
}

/* Our pages in dir/sub that the site no longer has (a table dropped): paths relative to dir. */
static void stale_pages(const char *dir, const char *sub, const char *ext, const char **written, size_t n, dd_arena *a,
			const char ***out, size_t *n_out)
{
	char *path = dd_arena_sprintf(a, "%s/%s", dir, sub);
	DIR *dp = opendir(path);
	if (!dp)
		return;
	dd_map ours = { 0 };
	for (size_t i = 0; i < n; i++)
		dd_map_put(&ours, a, written[i], (void *)1);
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		if (!dd_has_suffix(e->d_name, ext))
			continue;
		const char *rel = dd_arena_sprintf(a, "%s/%s", sub, e->d_name);
		if (!dd_map_get(&ours, rel))
			DD_PUSH(a, out, n_out, rel);
	}
	dd_map_free(&ours);
	closedir(dp);
}

static void remove_tree(const char *dir, const char **written, size_t n, dd_arena *a)
{
	for (size_t i = 0; i < n; i++)
		unlink(dd_arena_sprintf(a, "%s/%s", dir, written[i]));
	rmdir(dd_arena_sprintf(a, "%s/tables", dir));
	rmdir(dd_arena_sprintf(a, "%s/rules", dir));
	rmdir(dir);
}

int dd_cli_docs(const cli *c, dd_run *run)
{
	const char *fmt_name = c->format_name ? c->format_name : "html";
	dd_docs_format fmt;
	if (strcmp(fmt_name, "html") == 0)
		fmt = DD_DOCS_HTML;
	else if (strcmp(fmt_name, "markdown") == 0)
		fmt = DD_DOCS_MARKDOWN;
	else {
		fprintf(stderr, "ddlint: docs: unknown format '%s'; use html or markdown\n", fmt_name);
		return 2;
	}
	const char *dir = c->n_targets ? c->targets[c->n_targets - 1].output : NULL;
	if (!dir) {
		fprintf(stderr, "ddlint: docs: --output DIR names the directory of the site\n");
		return 2;
	}
	if (c->depth >= 0 && !c->around) {
		fprintf(stderr, "ddlint: docs: --depth goes with --around TABLE\n");
		return 2;
	}
	dd_erd_filter f = { c->erd_schemas, c->n_erd_schemas, c->erd_tables, c->n_erd_tables, c->erd_exclude,
			    c->n_erd_exclude, c->around, c->depth >= 0 ? c->depth : 1 };
	dd_erd g;
	char err[1024];
	if (dd_erd_build(&g, run->model, &f, err, sizeof err) != 0) {
		fprintf(stderr, "ddlint: docs: %s\n", err);
		dd_erd_free(&g);
		return 2;
	}
	dd_arena *a = dd_arena_new();
	dd_docs d = { &g, run, fmt, NULL, NULL, NULL };
	char *mermaid = NULL;
	size_t mlen = 0;
	FILE *mf = open_memstream(&mermaid, &mlen);
	if (!mf || dd_erd_write_mermaid(mf, &g) != 0 || fclose(mf) != 0) {
		fprintf(stderr, "ddlint: docs: out of memory\n");
		exit(2);
	}
	d.mermaid = mermaid;
	if (fmt == DD_DOCS_HTML)
		d.svg = draw(&g, dd_docs_table_paths(a, &g, fmt), a, &d.no_svg_why);
	int status = 0;
	const char **written;
	size_t n_written;
	const char *ext = fmt == DD_DOCS_HTML ? ".html" : ".md";
	if (!c->check) {
		if (dd_docs_write(&d, dir, a, &written, &n_written, err, sizeof err) != 0) {
			fprintf(stderr, "ddlint: docs: %s\n", err);
			status = 2;
		} else {
			const char **stale = NULL;
			size_t n_stale = 0;
			stale_pages(dir, "tables", ext, written, n_written, a, &stale, &n_stale);
			for (size_t i = 0; i < n_stale; i++)
				unlink(dd_arena_sprintf(a, "%s/%s", dir, stale[i]));
			fprintf(stderr, "ddlint: docs: %zu pages in %s (%zu tables)%s\n", n_written, dir, g.n_tables,
				fmt == DD_DOCS_HTML && !d.svg ? "; the diagram is not drawn (see the index)" : "");
		}
	} else {
		/* --check: make the site apart, then compare it with dir page by page */
		char tmpl[] = "/tmp/ddlint-docs-check-XXXXXX";
		if (!mkdtemp(tmpl)) {
			fprintf(stderr, "ddlint: docs: cannot make a temporary directory: %s\n", strerror(errno));
			status = 2;
		} else if (dd_docs_write(&d, tmpl, a, &written, &n_written, err, sizeof err) != 0) {
			fprintf(stderr, "ddlint: docs: %s\n", err);
			status = 2;
		} else {
			size_t differ = 0;
			for (size_t i = 0; i < n_written; i++) {
				size_t la, lb;
				char *want = read_file(dd_arena_sprintf(a, "%s/%s", tmpl, written[i]), &la);
				char *have = read_file(dd_arena_sprintf(a, "%s/%s", dir, written[i]), &lb);
				if (!have || la != lb || memcmp(want, have, la) != 0) {
					fprintf(stderr, "ddlint: docs: %s/%s is %s\n", dir, written[i], have ? "out of date" : "missing");
					differ++;
				}
				free(want);
				free(have);
			}
			const char **stale = NULL;
			size_t n_stale = 0;
			stale_pages(dir, "tables", ext, written, n_written, a, &stale, &n_stale);
			stale_pages(dir, "rules", ext, written, n_written, a, &stale, &n_stale);
			for (size_t i = 0; i < n_stale; i++)
				fprintf(stderr, "ddlint: docs: %s/%s is no page of the schema any more\n", dir, stale[i]);
			differ += n_stale;
			if (differ) {
				fprintf(stderr, "ddlint: docs: %zu page%s of %s differ from the SQL; run ddlint docs --output %s%s\n",
					differ, differ == 1 ? "" : "s", dir, dir, fmt == DD_DOCS_MARKDOWN ? " --format markdown" : "");
				status = 1;
			} else {
				fprintf(stderr, "ddlint: docs: %s is up to date (%zu pages)\n", dir, n_written);
			}
		}
		if (status != 2 || n_written)
			remove_tree(tmpl, written, n_written, a);
	}
	free(mermaid);
	dd_erd_free(&g);
	dd_arena_free(a);
	return status;
}
