/*
 * docs (src/docs/): the schema as documentation: a static HTML site (an index with the schemas,
 * the tables and the diagram; a page per table; a page per rule) or the same pages in Markdown,
 * written into a directory. Everything from SQL is escaped for the page it lands in. No page
 * loads anything from outside the site (no script, no font, no network). Depends on erd and run.
 */
#ifndef DDLINT_DOCS_H
#define DDLINT_DOCS_H

#include "erd.h"
#include "run.h"

typedef enum dd_docs_format { DD_DOCS_HTML, DD_DOCS_MARKDOWN } dd_docs_format;

typedef struct dd_docs {
	const dd_erd *erd;        /* the tables documented (and drawn) */
	const struct dd_run *run; /* its findings (the unsuppressed ones are listed on each table's page) */
	dd_docs_format format;
	const char *svg;          /* HTML: the diagram as SVG (from Graphviz), or NULL */
	const char *mermaid;      /* the diagram as Mermaid (Markdown: shown; HTML: shown when svg is NULL) */
	const char *no_svg_why;   /* HTML without svg: why, and how to get it */
} dd_docs;

/* The page of each table, relative to the site's root ("tables/public.users.html"); an
 * array parallel to erd->tables, in the docs' arena. */
const char **dd_docs_table_paths(dd_arena *a, const dd_erd *g, dd_docs_format fmt);

/* Write the site into dir (made when missing, with tables/ and rules/); *written receives the
 * files written, relative to dir, sorted. 0, or -1 with a message in err. */
int dd_docs_write(const dd_docs *d, const char *dir, dd_arena *a, const char ***written, size_t *n_written,
		  char *err, size_t errsize);

#endif
