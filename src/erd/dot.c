/*
 * Graphviz DOT. Every node id is ours (t1, t2, ...), every label an HTML-like label: text from
 * SQL is written with the entities &amp; &lt; &gt; &quot; (Graphviz "DOT Language", IDs: an HTML
 * string is <...>; "Node Shapes", HTML-like labels: the characters <, > and & are written as
 * entities), line breaks as <BR/>, other control characters as spaces. Ports are ours too: a
 * column's row has l1 (its left cell) and r1 (its right one); an edge leaves the child's column
 * on the right (east) and enters the parent's on the left (west), as rankdir=LR lays them out. A schema is a cluster; relationships are crow's-foot edges.
 * newrank=true: without it Graphviz 2.43 (Debian 12) warns 'Arrow type "both" unknown' on some
 * graphs of clusters with dir=both edges (adventureworks).
 */
#include <string.h>
#include "erd.h"

/* Text in an HTML-like label; in an attribute value (attr) a line break is a space. */
static void put_html_text(FILE *out, const char *s, bool attr)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\n': fputs(attr ? " " : "<BR ALIGN=\"LEFT\"/>", out); break;
		default: fputc(*p < 0x20 || *p == 0x7f ? ' ' : *p, out);
		}
	}
}

static void put_html(FILE *out, const char *s) { put_html_text(out, s, false); }

/* A double-quoted DOT string (for an escString attribute such as tooltip): \\ and \" inside. */
static void put_quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else
			fputc(*p < 0x20 || *p == 0x7f ? ' ' : *p, out);
	}
	fputc('"', out);
}

static size_t column_index(const dd_table *t, const char *name)
{
	for (size_t k = 0; k < t->n_columns; k++)
		if (strcmp(t->columns[k]->name, name) == 0)
			return k + 1;
	return 0;
}

static void table(FILE *out, const dd_erd *g, size_t i, const char *indent)
{
	const dd_table *t = g->tables[i];
	fprintf(out, "%st%zu [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">\n", indent, i + 1);
	fprintf(out, "%s  <TR><TD COLSPAN=\"3\" BGCOLOR=\"#dde6f0\"><B>", indent);
	put_html(out, dd_erd_label(g, t->schema, t->name));
	fputs("</B></TD></TR>\n", out);
	if (t->comment) {
		fprintf(out, "%s  <TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\"><I>", indent);
		put_html(out, t->comment);
		fputs("</I></TD></TR>\n", out);
	}
	for (size_t k = 0; k < t->n_columns; k++) {
		const dd_column *c = t->columns[k];
		bool pk = dd_erd_is_pk(t, c->name), fk = dd_erd_is_fk(t, c->name);
		bool uk = !pk && dd_erd_is_unique(t, c->name);
		fprintf(out, "%s  <TR><TD ALIGN=\"LEFT\" PORT=\"l%zu\">%s%s%s</TD><TD ALIGN=\"LEFT\"", indent, k + 1, pk ? "PK" : "",
			pk && (fk || uk) ? " " : "", fk ? (uk ? "FK UK" : "FK") : uk ? "UK" : "");
		if (c->comment) {
			fputs(" TOOLTIP=\"", out);
			put_html_text(out, c->comment, true);
			fputc('"', out);
		}
		fputs(">", out);
		fputs(pk ? "<U>" : "", out);
		put_html(out, c->name);
		fputs(pk ? "</U>" : "", out);
		fprintf(out, "</TD><TD ALIGN=\"LEFT\" PORT=\"r%zu\">", k + 1);
		put_html(out, c->type.text);
		fputs(c->not_null ? " NOT NULL" : "", out);
		fputs("</TD></TR>\n", out);
	}
	fprintf(out, "%s</TABLE>>", indent);
	if (g->urls && g->urls[i]) {
		fputs(", URL=", out);
		put_quoted(out, g->urls[i]);
	}
	fputs("];\n", out);
}

int dd_erd_write_dot(FILE *out, const dd_erd *g)
{
	fputs("digraph erd {\n"
	      "  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", fontsize=12];\n"
	      "  node [shape=plaintext, fontname=\"Helvetica\", fontsize=10];\n"
	      "  edge [dir=both, color=\"#555555\"];\n", out);
	bool clusters = g->n_schemas > 1;
	for (size_t s = 0; s < g->n_schemas; s++) {
		if (clusters) {
			fprintf(out, "  subgraph cluster_%zu {\n    label=<<B>", s + 1);
			put_html(out, g->schemas[s]);
			fputs("</B>>;\n", out);
		}
		for (size_t i = 0; i < g->n_tables; i++)
			if (strcmp(g->tables[i]->schema, g->schemas[s]) == 0)
				table(out, g, i, clusters ? "    " : "  ");
		if (clusters)
			fputs("  }\n", out);
	}
	for (size_t i = 0; i < g->n_enums; i++) {
		const dd_typedef *e = g->enums[i];
		fprintf(out, "  e%zu [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">\n"
			"    <TR><TD BGCOLOR=\"#f0e6dd\"><B>", i + 1);
		put_html(out, dd_erd_label(g, e->schema, e->name));
		fputs("</B> (enum)</TD></TR>\n", out);
		for (size_t k = 0; k < e->n_labels; k++) {
			fputs("    <TR><TD ALIGN=\"LEFT\">", out);
			put_html(out, e->labels[k]);
			fputs("</TD></TR>\n", out);
		}
		fputs("  </TABLE>>];\n", out);
	}
	/* child -> parent: the tail (child) end is many (crow) or at most one (tee), zero allowed
	 * (odot); the head (parent) end is exactly one (teetee) or zero or one (teeodot) */
	for (size_t i = 0; i < g->n_rels; i++) {
		const dd_erd_rel *r = &g->rels[i];
		size_t from = r->fk->n_columns ? column_index(r->child, r->fk->columns[0]) : 0;
		size_t to = r->n_parent_columns ? column_index(r->parent, r->parent_columns[0]) : 0;
		fprintf(out, "  t%ld", dd_erd_table_index(g, r->child) + 1);
		if (from)
			fprintf(out, ":r%zu:e", from);
		fprintf(out, " -> t%ld", dd_erd_table_index(g, r->parent) + 1);
		if (to)
			fprintf(out, ":l%zu:w", to);
		fprintf(out, " [arrowtail=%s, arrowhead=%s, tooltip=", r->one_to_one ? "teeodot" : "crowodot",
			r->required ? "teetee" : "teeodot");
		put_quoted(out, r->fk->name);
		fputs("];\n", out);
	}
	fputs("}\n", out);
	return ferror(out) ? -1 : 0;
}
