/*
 * PlantUML entity-relationship (Information Engineering) diagram. Names, types and comments
 * are written with every character but letters, digits, space, _ . , ( ) [ ] - and non-ASCII
 * text as an HTML numeric entity (&#34; for "), which PlantUML decodes in the text it draws:
 * no quote, < (Creole and HTML-like markup such as <img>), ~ (Creole's escape), ** or //
 * (Creole bold and italics) reaches its parser. Line breaks are spaces. Entities are named by
 * ids of ours (t1, t2, ...); a schema is a package.
 */
#include <string.h>
#include "erd.h"

static void put_text(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr(" _.,()[]", *p))
			fputc(*p, out);
		else if (*p < 0x20 || *p == 0x7f)
			fputc(' ', out);
		else
			fprintf(out, "<U+%04X>", *p);
	}
}

static void table(FILE *out, const dd_erd *g, size_t i, const char *indent)
{
	const dd_table *t = g->tables[i];
	fprintf(out, "%sentity \"", indent);
	put_text(out, dd_erd_label(g, t->schema, t->name));
	fprintf(out, "\" as t%zu {\n", i + 1);
	if (t->comment) {
		fprintf(out, "%s  //", indent);
		put_text(out, t->comment);
		fprintf(out, "//\n%s  ..\n", indent);
	}
	/* the primary key's columns first, then a line, then the others (IE notation) */
	for (int pass = 0; pass < 2; pass++) {
		bool any = false;
		for (size_t k = 0; k < t->n_columns; k++) {
			const dd_column *c = t->columns[k];
			bool pk = dd_erd_is_pk(t, c->name), fk = dd_erd_is_fk(t, c->name);
			bool uk = !pk && dd_erd_is_unique(t, c->name);
			if (pk != (pass == 0))
				continue;
			any = true;
			fprintf(out, "%s  %s", indent, c->not_null ? "* " : "");
			put_text(out, c->name);
			fputs(" : ", out);
			put_text(out, c->type.text);
			fputs(pk ? " <<PK>>" : "", out);
			fputs(fk ? " <<FK>>" : "", out);
			fputs(uk ? " <<UK>>" : "", out);
			if (c->comment) {
				fputs(" -- ", out);
				put_text(out, c->comment);
			}
			fputc('\n', out);
		}
		if (pass == 0 && any)
			fprintf(out, "%s  --\n", indent);
	}
	fprintf(out, "%s}\n", indent);
}

int dd_erd_write_plantuml(FILE *out, const dd_erd *g)
{
	fputs("@startuml\nhide circle\nhide empty members\nskinparam linetype ortho\n", out);
	bool packages = g->n_schemas > 1;
	for (size_t s = 0; s < g->n_schemas; s++) {
		if (packages) {
			fputs("package \"", out);
			put_text(out, g->schemas[s]);
			fprintf(out, "\" as s%zu {\n", s + 1);
		}
		for (size_t i = 0; i < g->n_tables; i++)
			if (strcmp(g->tables[i]->schema, g->schemas[s]) == 0)
				table(out, g, i, packages ? "  " : "");
		if (packages)
			fputs("}\n", out);
	}
	for (size_t i = 0; i < g->n_enums; i++) {
		const dd_typedef *e = g->enums[i];
		fputs("enum \"", out);
		put_text(out, dd_erd_label(g, e->schema, e->name));
		fprintf(out, "\" as e%zu {\n", i + 1);
		for (size_t k = 0; k < e->n_labels; k++) {
			fputs("  ", out);
			put_text(out, e->labels[k]);
			fputc('\n', out);
		}
		fputs("}\n", out);
	}
	/* child }o--|| parent: many (or at most one) children, exactly one (or at most one) parent */
	for (size_t i = 0; i < g->n_rels; i++) {
		const dd_erd_rel *r = &g->rels[i];
		fprintf(out, "t%ld %s--%s t%ld : ", dd_erd_table_index(g, r->child) + 1, r->one_to_one ? "|o" : "}o",
			r->required ? "||" : "o|", dd_erd_table_index(g, r->parent) + 1);
		put_text(out, r->fk->name);
		fputc('\n', out);
	}
	fputs("@enduml\n", out);
	return ferror(out) ? -1 : 0;
}
