/*
 * The documentation site: index, a page per table, a page per rule, in HTML or Markdown.
 *
 * Escaping. HTML: & < > " ' as entities everywhere text from SQL lands (element text and
 * attribute values); every page has a Content-Security-Policy that allows nothing but its own
 * inline style and data: images, so that nothing is loaded and no script runs even if a page
 * were wrong. Markdown: ASCII punctuation that can start markup (CommonMark: any ASCII
 * punctuation may be backslash-escaped) is escaped, : @ and the dot of www. too (GitHub's
 * autolinks), & < > as entities (so no HTML passes, GitHub allowing some), line breaks become
 * spaces; code goes in a fence longer than
 * any run of backticks inside.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "docs.h"

typedef struct page {
	FILE *f;
	dd_docs_format fmt;
	const char *root;        /* "" or "../": from the page to the site's root */
} page;

static const char *ext(dd_docs_format fmt) { return fmt == DD_DOCS_HTML ? ".html" : ".md"; }
static const char *index_name(dd_docs_format fmt) { return fmt == DD_DOCS_HTML ? "index.html" : "README.md"; }

/* ---- escaping ---- */

static void put_html(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*p, f);
		}
}

/* Markdown inline text; in a table cell or a paragraph (cell) a line break is a space. */
static void put_md(FILE *f, const char *s, bool cell)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '&')
			fputs("&amp;", f);
		else if (*p == '<')
			fputs("&lt;", f);
		else if (*p == '>')
			fputs("&gt;", f);
		else if (*p == '\n' || *p == '\r')
			fputs(cell ? " " : "\n", f);
		else if (*p < 0x20 || *p == 0x7f)
			fputc(' ', f);
		else if (strchr("\\`*_{}[]()#+-!|~=:@", *p) ||
			 (*p == '.' && p - (const unsigned char *)s >= 3 && strncasecmp((const char *)p - 3, "www", 3) == 0))
			fprintf(f, "\\%c", *p);   /* : @ and www\. too: GitHub's autolinks (http://, a@b.c, www.) */
		else
			fputc(*p, f);
	}
}

static void text(page *p, const char *s)
{
	if (p->fmt == DD_DOCS_HTML)
		put_html(p->f, s);
	else
		put_md(p->f, s, true);
}

/* A Markdown code fence: one backtick more than the longest run inside (at least three). */
static int fence_len(const char *s)
{
	int best = 0, run = 0;
	for (; *s; s++) {
		run = *s == '`' ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best >= 3 ? best + 1 : 3;
}

static void code_block(page *p, const char *lang, const char *s)
{
	if (p->fmt == DD_DOCS_HTML) {
		fputs("<pre><code>", p->f);
		put_html(p->f, s);
		fputs("</code></pre>\n", p->f);
		return;
	}
	int n = fence_len(s);
	fprintf(p->f, "\n%.*s%s\n%s%s%.*s\n\n", n, "``````````````````````````````````", lang, s,
		*s && s[strlen(s) - 1] == '\n' ? "" : "\n", n, "``````````````````````````````````");
}

/* ---- structure ---- */

static void heading(page *p, int level, const char *s)
{
	if (p->fmt == DD_DOCS_HTML) {
		fprintf(p->f, "<h%d>", level);
		put_html(p->f, s);
		fprintf(p->f, "</h%d>\n", level);
	} else {
		fprintf(p->f, "\n%.*s ", level, "######");
		put_md(p->f, s, true);
		fputs("\n\n", p->f);
	}
}

static void para(page *p, const char *s)
{
	if (p->fmt == DD_DOCS_HTML) {
		fputs("<p>", p->f);
		put_html(p->f, s);
		fputs("</p>\n", p->f);
	} else {
		put_md(p->f, s, true);   /* one line: no line of SQL text can start a list, a quote or a heading */
		fputs("\n\n", p->f);
	}
}

static void link(page *p, const char *href, const char *label)
{
	if (p->fmt == DD_DOCS_HTML) {
		fputs("<a href=\"", p->f);
		put_html(p->f, p->root);
		put_html(p->f, href);
		fputs("\">", p->f);
		put_html(p->f, label);
		fputs("</a>", p->f);
	} else {
		fputc('[', p->f);
		put_md(p->f, label, true);
		fputs("](", p->f);
		/* our paths: [a-z0-9_.-/] only (see slug), nothing to escape in a link destination */
		fprintf(p->f, "%s%s)", p->root, href);
	}
}

static void table_start(page *p, const char *const *cols, size_t n)
{
	if (p->fmt == DD_DOCS_HTML) {
		fputs("<table>\n<tr>", p->f);
		for (size_t i = 0; i < n; i++) {
			fputs("<th>", p->f);
			put_html(p->f, cols[i]);
			fputs("</th>", p->f);
		}
		fputs("</tr>\n", p->f);
		return;
	}
	fputc('|', p->f);
	for (size_t i = 0; i < n; i++) {
		fputc(' ', p->f);
		put_md(p->f, cols[i], true);
		fputs(" |", p->f);
	}
	fputs("\n|", p->f);
	for (size_t i = 0; i < n; i++)
		fputs("---|", p->f);
	fputc('\n', p->f);
}

static void row_start(page *p) { fputs(p->fmt == DD_DOCS_HTML ? "<tr>" : "|", p->f); }
static void row_end(page *p) { fputs(p->fmt == DD_DOCS_HTML ? "</tr>\n" : "\n", p->f); }
static void cell_start(page *p) { fputs(p->fmt == DD_DOCS_HTML ? "<td>" : " ", p->f); }
static void cell_end(page *p) { fputs(p->fmt == DD_DOCS_HTML ? "</td>" : " |", p->f); }
static void table_end(page *p) { fputs(p->fmt == DD_DOCS_HTML ? "</table>\n" : "\n", p->f); }

static void cell(page *p, const char *s)
{
	cell_start(p);
	text(p, s ? s : "");
	cell_end(p);
}

static void cell_num(page *p, size_t n)
{
	char b[32];
	snprintf(b, sizeof b, "%zu", n);
	cell(p, b);
}

static void cell_link(page *p, const char *href, const char *label)
{
	cell_start(p);
	if (href)
		link(p, href, label);
	else
		text(p, label);
	cell_end(p);
}

static const char *const style =
	"body{font-family:system-ui,sans-serif;margin:1.5em auto;max-width:72em;padding:0 1em;color:#222}"
	"table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;"
	"text-align:left;vertical-align:top}th{background:#eef2f7}code,pre{font-family:ui-monospace,monospace}"
	"pre{background:#f6f8fa;padding:.6em;overflow:auto}nav{margin-bottom:1em}.diagram{overflow:auto;"
	"border:1px solid #ddd;padding:.5em}.diagram svg{max-width:none}";

static void page_start(page *p, const char *title)
{
	if (p->fmt == DD_DOCS_HTML) {
		fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
		      "img-src data:\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
		      p->f);
		put_html(p->f, title);
		fprintf(p->f, "</title>\n<style>%s</style>\n</head>\n<body>\n<nav>", style);
		link(p, "index.html", "Schema");
		fputs(" · ", p->f);
		link(p, "rules/index.html", "Rules");
		fputs("</nav>\n", p->f);
	} else {
		link(p, "README.md", "Schema");
		fputs(" · ", p->f);
		link(p, "rules/README.md", "Rules");
		fputs("\n", p->f);
	}
	heading(p, 1, title);
}

static void page_end(page *p)
{
	if (p->fmt == DD_DOCS_HTML)
		fputs("<p><small>Made by ddlint docs from the SQL files; do not edit.</small></p>\n</body>\n</html>\n", p->f);
	else
		fputs("\n---\n\nMade by `ddlint docs` from the SQL files; do not edit.\n", p->f);
}

/* ---- names of pages ---- */

/* A name as a file name: a-z, 0-9 and _ as they are, any other byte as - and two hex digits
 * (so no two names share a file, even where the file system ignores case). */
static char *slug(dd_arena *a, const char *s)
{
	char *out = dd_arena_alloc(a, strlen(s) * 3 + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')
			*o++ = (char)*p;
		else
			o += sprintf(o, "-%02x", *p);
	}
	*o = '\0';
	return out;
}

const char **dd_docs_table_paths(dd_arena *a, const dd_erd *g, dd_docs_format fmt)
{
	const char **paths = dd_arena_alloc(a, (g->n_tables + 1) * sizeof *paths);
	for (size_t i = 0; i < g->n_tables; i++)
		paths[i] = dd_arena_sprintf(a, "tables/%s.%s%s", slug(a, g->tables[i]->schema), slug(a, g->tables[i]->name),
					    ext(fmt));
	return paths;
}

static const char *rule_path(dd_arena *a, const char *id, dd_docs_format fmt)
{
	char *s = dd_arena_strdup(a, id);
	for (char *c = s; *c; c++)
		if (*c == '/')
			*c = '.';
	return dd_arena_sprintf(a, "rules/%s%s", s, ext(fmt));
}

/* ---- findings by table ---- */

typedef struct findings {
	const dd_diag ***of;   /* per table, its findings */
	size_t *n;
	const dd_erd_rel ***in; /* per table, the relationships that reference it */
	size_t *n_in;
} findings;

/* The table a finding is about: its object names the table, a column or constraint of it, or
 * an index on it. */
static long finding_table(const dd_erd *g, dd_arena *a, const dd_map *by_name, const dd_diag *d)
{
	if (!d->object)
		return -1;
	char *key = dd_arena_strdup(a, d->object);
	for (int depth = 0; depth < 2; depth++) {
		void *hit = dd_map_get(by_name, key);
		if (hit)
			return (long)(size_t)hit - 1;
		char *dot = strrchr(key, '.');
		if (!dot)
			break;
		*dot = '\0';
	}
	const char *dot = strchr(d->object, '.');
	if (dot) {
		const dd_index *ix = dd_model_index(g->model, dd_arena_strndup(a, d->object, (size_t)(dot - d->object)), dot + 1);
		if (ix && ix->table)
			return dd_erd_table_index(g, ix->table);
	}
	return -1;
}

static findings by_table(const dd_docs *d, dd_arena *a)
{
	const dd_erd *g = d->erd;
	findings f = { dd_arena_alloc(a, (g->n_tables + 1) * sizeof *f.of), dd_arena_alloc(a, (g->n_tables + 1) * sizeof *f.n), NULL, NULL };
	dd_map names = { 0 };
	for (size_t i = 0; i < g->n_tables; i++)
		dd_map_put(&names, a, dd_arena_sprintf(a, "%s.%s", g->tables[i]->schema, g->tables[i]->name), (void *)(i + 1));
	for (size_t k = 0; d->run && k < d->run->n_diags; k++) {
		const dd_diag *dg = d->run->diags[k];
		if (dg->suppressed)
			continue;
		long t = finding_table(g, a, &names, dg);
		if (t >= 0)
			DD_PUSH(a, &f.of[t], &f.n[t], dg);
	}
	dd_map_free(&names);
	f.in = dd_arena_alloc(a, (g->n_tables + 1) * sizeof *f.in);
	f.n_in = dd_arena_alloc(a, (g->n_tables + 1) * sizeof *f.n_in);
	for (size_t k = 0; k < g->n_rels; k++) {
		long p = dd_erd_table_index(g, g->rels[k].parent);
		if (p >= 0)
			DD_PUSH(a, &f.in[p], &f.n_in[p], &g->rels[k]);
	}
	return f;
}

/* ---- pages ---- */

static const char *kind_name(dd_constraint_kind k)
{
	static const char *const names[] = { "primary key", "unique", "check", "foreign key", "exclude" };
	return names[k];
}

static const char *join(dd_arena *a, const char *const *items, size_t n)
{
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		s = dd_arena_sprintf(a, "%s%s%s", s, i ? ", " : "", items[i]);
	return s;
}

static size_t fks_out(const dd_table *t)
{
	size_t n = 0;
	for (size_t i = 0; i < t->n_constraints; i++)
		n += t->constraints[i]->kind == DD_CON_FOREIGN;
	return n;
}

static size_t live_indexes(const dd_table *t)
{
	size_t n = 0;
	for (size_t i = 0; i < t->n_indexes; i++)
		n += !t->indexes[i]->dropped;
	return n;
}

static void table_page(page *p, const dd_docs *d, size_t ti, const findings *fs, const char **paths, dd_arena *a)
{
	const dd_erd *g = d->erd;
	const dd_table *t = g->tables[ti];
	page_start(p, dd_arena_sprintf(a, "%s.%s", t->schema, t->name));
	if (t->comment)
		para(p, t->comment);
	if (t->partitioned)
		para(p, "Partitioned table.");

	heading(p, 2, "Columns");
	static const char *const ccols[] = { "column", "type", "key", "nullable", "default", "comment" };
	table_start(p, ccols, 6);
	for (size_t k = 0; k < t->n_columns; k++) {
		const dd_column *c = t->columns[k];
		bool pk = dd_erd_is_pk(t, c->name), fk = dd_erd_is_fk(t, c->name), uk = !pk && dd_erd_is_unique(t, c->name);
		row_start(p);
		cell(p, c->name);
		cell(p, c->type.text);
		cell(p, dd_arena_sprintf(a, "%s%s%s%s%s", pk ? "PK" : "", pk && (fk || uk) ? " " : "", fk ? "FK" : "",
					 fk && uk ? " " : "", uk ? "UK" : ""));
		cell(p, c->not_null ? "no" : "yes");
		cell(p, c->identity ? (c->identity == 'a' ? "generated always as identity" : "generated by default as identity")
				    : c->generated ? dd_arena_sprintf(a, "generated always as (%s)", c->default_expr ? c->default_expr : "")
				    : c->default_expr);
		cell(p, c->comment);
		row_end(p);
	}
	table_end(p);

	if (t->n_constraints) {
		heading(p, 2, "Constraints");
		static const char *const kcols[] = { "name", "kind", "columns", "definition" };
		table_start(p, kcols, 4);
		for (size_t k = 0; k < t->n_constraints; k++) {
			const dd_constraint *c = t->constraints[k];
			row_start(p);
			cell(p, c->name);
			cell(p, kind_name(c->kind));
			cell(p, join(a, (const char *const *)c->columns, c->n_columns));
			const char *def = c->kind == DD_CON_CHECK ? c->expr
					  : c->kind == DD_CON_FOREIGN ? dd_arena_sprintf(a, "references %s.%s (%s)", c->ref_schema ? c->ref_schema : "?",
											 c->ref_table ? c->ref_table : "?",
											 join(a, (const char *const *)c->ref_columns, c->n_ref_columns))
					  : NULL;
			cell(p, def);
			row_end(p);
		}
		table_end(p);
	}

	if (live_indexes(t)) {
		heading(p, 2, "Indexes");
		static const char *const icols[] = { "name", "method", "columns", "unique", "where" };
		table_start(p, icols, 5);
		for (size_t k = 0; k < t->n_indexes; k++) {
			const dd_index *ix = t->indexes[k];
			if (ix->dropped)
				continue;
			const char **els = dd_arena_alloc(a, (ix->n_elems + 1) * sizeof *els);
			for (size_t e = 0; e < ix->n_elems; e++)
				els[e] = dd_arena_sprintf(a, "%s%s", ix->elems[e].column ? ix->elems[e].column : ix->elems[e].expr ? ix->elems[e].expr : "?",
							  ix->elems[e].desc ? " desc" : "");
			row_start(p);
			cell(p, ix->name);
			cell(p, ix->method);
			cell(p, join(a, els, ix->n_elems));
			cell(p, ix->primary ? "primary key" : ix->unique ? "yes" : "no");
			cell(p, ix->predicate);
			row_end(p);
		}
		table_end(p);
	}

	if (fks_out(t)) {
		heading(p, 2, "Foreign keys");
		static const char *const fcols[] = { "name", "columns", "references", "on delete", "on update" };
		table_start(p, fcols, 5);
		for (size_t k = 0; k < t->n_constraints; k++) {
			const dd_constraint *c = t->constraints[k];
			if (c->kind != DD_CON_FOREIGN)
				continue;
			const dd_table *rt = c->ref_table ? dd_model_table(g->model, c->ref_schema, c->ref_table) : NULL;
			long ri = rt ? dd_erd_table_index(g, rt) : -1;
			row_start(p);
			cell(p, c->name);
			cell(p, join(a, (const char *const *)c->columns, c->n_columns));
			cell_link(p, ri >= 0 ? dd_arena_sprintf(a, "%s", paths[ri]) : NULL,
				  dd_arena_sprintf(a, "%s.%s (%s)", c->ref_schema ? c->ref_schema : "?", c->ref_table ? c->ref_table : "?",
						   join(a, (const char *const *)c->ref_columns, c->n_ref_columns)));
			cell(p, dd_fk_action_name(c->on_delete));
			cell(p, dd_fk_action_name(c->on_update));
			row_end(p);
		}
		table_end(p);
	}

	if (fs->n_in[ti]) {
		heading(p, 2, "Referenced by");
		static const char *const rcols[] = { "table", "foreign key", "columns" };
		table_start(p, rcols, 3);
		for (size_t k = 0; k < fs->n_in[ti]; k++) {
			const dd_erd_rel *r = fs->in[ti][k];
			long ci = dd_erd_table_index(g, r->child);
			row_start(p);
			cell_link(p, paths[ci], dd_arena_sprintf(a, "%s.%s", r->child->schema, r->child->name));
			cell(p, r->fk->name);
			cell(p, join(a, (const char *const *)r->fk->columns, r->fk->n_columns));
			row_end(p);
		}
		table_end(p);
	}

	size_t n_trig = 0;
	for (size_t k = 0; k < t->n_triggers; k++)
		n_trig += !t->triggers[k]->dropped;
	if (n_trig) {
		heading(p, 2, "Triggers");
		static const char *const tcols[] = { "name", "when", "events", "for each", "function" };
		table_start(p, tcols, 5);
		for (size_t k = 0; k < t->n_triggers; k++) {
			const dd_trigger *tg = t->triggers[k];
			if (tg->dropped)
				continue;
			row_start(p);
			cell(p, tg->name);
			cell(p, tg->timing);
			cell(p, dd_arena_sprintf(a, "%s%s%s%s", tg->on_insert ? "insert " : "", tg->on_update ? "update " : "",
						 tg->on_delete ? "delete " : "", tg->on_truncate ? "truncate" : ""));
			cell(p, tg->for_each_row ? "row" : "statement");
			cell(p, tg->function);
			row_end(p);
		}
		table_end(p);
	}

	heading(p, 2, "Findings");
	if (!fs->n[ti]) {
		para(p, "None.");
	} else {
		static const char *const dcols[] = { "rule", "severity", "where", "message" };
		table_start(p, dcols, 4);
		for (size_t k = 0; k < fs->n[ti]; k++) {
			const dd_diag *dg = fs->of[ti][k];
			row_start(p);
			cell_link(p, rule_path(a, dg->rule, p->fmt), dg->rule);
			cell(p, dd_severity_name(dg->severity));
			cell(p, dd_arena_sprintf(a, "%s:%d", dg->path, dg->line));
			cell(p, dg->message);
			row_end(p);
		}
		table_end(p);
	}
	page_end(p);
}

static void index_page(page *p, const dd_docs *d, const findings *fs, const char **paths, dd_arena *a)
{
	const dd_erd *g = d->erd;
	page_start(p, "Schema");
	para(p, dd_arena_sprintf(a, "%zu table%s in %zu schema%s.", g->n_tables, g->n_tables == 1 ? "" : "s", g->n_schemas,
				 g->n_schemas == 1 ? "" : "s"));
	heading(p, 2, "Diagram");
	if (p->fmt == DD_DOCS_HTML && d->svg) {
		fputs("<div class=\"diagram\">\n", p->f);
		fputs(d->svg, p->f);   /* Graphviz's SVG of our DOT: its text is escaped (dot.c, then Graphviz) */
		fputs("</div>\n", p->f);
	} else {
		if (p->fmt == DD_DOCS_HTML && d->no_svg_why)
			para(p, d->no_svg_why);
		if (d->mermaid)
			code_block(p, "mermaid", d->mermaid);
	}
	heading(p, 2, "Schemas");
	static const char *const scols[] = { "schema", "tables" };
	table_start(p, scols, 2);
	for (size_t s = 0; s < g->n_schemas; s++) {
		size_t n = 0;
		for (size_t i = 0; i < g->n_tables; i++)
			n += strcmp(g->tables[i]->schema, g->schemas[s]) == 0;
		row_start(p);
		cell(p, g->schemas[s]);
		cell_num(p, n);
		row_end(p);
	}
	table_end(p);
	heading(p, 2, "Tables");
	static const char *const tcols[] = { "table", "columns", "indexes", "foreign keys", "referenced by", "findings", "comment" };
	table_start(p, tcols, 7);
	for (size_t i = 0; i < g->n_tables; i++) {
		const dd_table *t = g->tables[i];
		row_start(p);
		cell_link(p, paths[i], dd_arena_sprintf(a, "%s.%s", t->schema, t->name));
		cell_num(p, t->n_columns);
		cell_num(p, live_indexes(t));
		cell_num(p, fks_out(t));
		cell_num(p, fs->n_in[i]);
		cell_num(p, fs->n[i]);
		cell(p, t->comment);
		row_end(p);
	}
	table_end(p);
	page_end(p);
}

static void rule_page(page *p, const dd_rule *r, dd_arena *a)
{
	page_start(p, r->id);
	para(p, r->summary);
	para(p, dd_arena_sprintf(a, "Default severity: %s.", dd_severity_name(r->severity)));
	heading(p, 2, "What it checks");
	para(p, r->description);
	heading(p, 2, "Why");
	para(p, r->why);
	heading(p, 2, "Bad");
	code_block(p, "sql", r->bad);
	heading(p, 2, "Good");
	code_block(p, "sql", r->good);
	if (r->options && r->options[0].name) {
		heading(p, 2, "Options");
		static const char *const ocols[] = { "option", "default", "meaning" };
		table_start(p, ocols, 3);
		for (const dd_option *o = r->options; o->name; o++) {
			row_start(p);
			cell(p, o->name);
			cell(p, o->default_value);
			cell(p, o->doc);
			row_end(p);
		}
		table_end(p);
	}
	page_end(p);
}

static void rules_index(page *p, dd_arena *a)
{
	page_start(p, "Rules");
	static const char *const cols[] = { "rule", "default severity", "what it checks" };
	table_start(p, cols, 3);
	for (size_t i = 0; i < dd_rules_count; i++) {
		row_start(p);
		/* from rules/: a rule's page is beside this one */
		cell_link(p, rule_path(a, dd_rules[i]->id, p->fmt), dd_rules[i]->id);
		cell(p, dd_severity_name(dd_rules[i]->severity));
		cell(p, dd_rules[i]->summary);
		row_end(p);
	}
	table_end(p);
	page_end(p);
}

/* ---- files ---- */

static int make_dir(const char *path, char *err, size_t errsize)
{
	if (mkdir(path, 0777) == 0 || errno == EEXIST)
		return 0;
	snprintf(err, errsize, "cannot make '%s': %s", path, strerror(errno));
	return -1;
}

typedef struct out_files { const char **paths; size_t n; } out_files;

static FILE *open_page(const char *dir, const char *rel, dd_arena *a, out_files *of, char *err, size_t errsize)
{
	const char *path = dd_arena_sprintf(a, "%s/%s", dir, rel);
	FILE *f = fopen(path, "w");
	if (!f)
		snprintf(err, errsize, "cannot write '%s': %s", path, strerror(errno));
	else
		DD_PUSH(a, &of->paths, &of->n, dd_arena_strdup(a, rel));
	return f;
}

static int close_page(FILE *f, const char *rel, char *err, size_t errsize)
{
	if (fclose(f) != 0) {
		snprintf(err, errsize, "cannot write '%s': %s", rel, strerror(errno));
		return -1;
	}
	return 0;
}

static int str_cmp(const void *x, const void *y) { return strcmp(*(const char *const *)x, *(const char *const *)y); }

int dd_docs_write(const dd_docs *d, const char *dir, dd_arena *a, const char ***written, size_t *n_written, char *err,
		  size_t errsize)
{
	out_files of = { NULL, 0 };
	*written = NULL;
	*n_written = 0;
	if (make_dir(dir, err, errsize) || make_dir(dd_arena_sprintf(a, "%s/tables", dir), err, errsize) ||
	    make_dir(dd_arena_sprintf(a, "%s/rules", dir), err, errsize))
		return -1;
	const char **paths = dd_docs_table_paths(a, d->erd, d->format);
	findings fs = by_table(d, a);
	page p = { NULL, d->format, "" };
	if (!(p.f = open_page(dir, index_name(d->format), a, &of, err, errsize)))
		return -1;
	index_page(&p, d, &fs, paths, a);
	if (close_page(p.f, index_name(d->format), err, errsize))
		return -1;
	p.root = "../";
	dd_arena *scratch = dd_arena_new();
	int rc = 0;
	for (size_t i = 0; i < d->erd->n_tables && rc == 0; i++) {
		if (!(p.f = open_page(dir, paths[i], a, &of, err, errsize))) {
			rc = -1;
			break;
		}
		table_page(&p, d, i, &fs, paths, scratch);
		rc = close_page(p.f, paths[i], err, errsize);
		dd_arena_reset(scratch);
	}
	for (size_t i = 0; i < dd_rules_count && rc == 0; i++) {
		const char *rel = rule_path(a, dd_rules[i]->id, d->format);
		if (!(p.f = open_page(dir, rel, a, &of, err, errsize))) {
			rc = -1;
			break;
		}
		rule_page(&p, dd_rules[i], scratch);
		rc = close_page(p.f, rel, err, errsize);
	}
	if (rc == 0) {
		const char *rel = dd_arena_sprintf(a, "rules/%s", index_name(d->format));
		/* the rules' index is in rules/: its links to rule pages go through the root like the others */
		if (!(p.f = open_page(dir, rel, a, &of, err, errsize)))
			rc = -1;
		else {
			rules_index(&p, scratch);
			rc = close_page(p.f, rel, err, errsize);
		}
	}
	dd_arena_free(scratch);
	qsort(of.paths, of.n, sizeof *of.paths, str_cmp);
	*written = of.paths;
	*n_written = of.n;
	return rc;
}
