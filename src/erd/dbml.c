/*
 * DBML, as @dbml/core's current parser (the one of dbdiagram.io and dbdocs, "dbmlv2") reads it:
 * names are always written "double quoted", with \\ and \" inside and \n for a line break;
 * notes and enum notes are 'single quoted' strings, with \\, \' and \n (DBML language
 * reference, "Multi-line String" and "Syntax Consistency"). Types are written quoted too
 * ("timestamp with time zone"). Refs: > many-to-one, - one-to-one. Schemas are TableGroups
 * when there is more than one. DBML has no table without columns and no two refs between the
 * same columns: such a table is left out (with its refs), and so is a second foreign key over
 * the same columns to the same ones.
 */
#include <string.h>
#include "erd.h"

static void put_escaped(FILE *out, const char *s, char q)
{
	fputc(q, out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\\' || *p == (unsigned char)q)
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p < 0x20 || *p == 0x7f)
			fputc(' ', out);
		else
			fputc(*p, out);
	}
	fputc(q, out);
}

static void put_name(FILE *out, const char *s) { put_escaped(out, s, '"'); }
static void put_note(FILE *out, const char *s) { put_escaped(out, s, '\''); }

static void put_qualified(FILE *out, const char *schema, const char *name)
{
	put_name(out, schema);
	fputc('.', out);
	put_name(out, name);
}

static void put_columns(FILE *out, const char *const *cols, size_t n)
{
	fputc('(', out);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(", ", out);
		put_name(out, cols[i]);
	}
	fputc(')', out);
}

/* DBML's action, or NULL for "no action" (its default, left out). */
static const char *action(char a) { return a == 'r' || a == 'c' || a == 'n' || a == 'd' ? dd_fk_action_name(a) : NULL; }

static bool same_cols(const char *const *a, const char *const *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(a[i], b[i]) != 0)
			return false;
	return true;
}

/* Does an earlier relationship of the same child join the same columns? (rels are by child) */
static bool repeated(const dd_erd *g, size_t i)
{
	const dd_erd_rel *r = &g->rels[i];
	for (size_t k = i; k-- > 0 && g->rels[k].child == r->child;) {
		const dd_erd_rel *o = &g->rels[k];
		if (o->parent == r->parent && o->fk->n_columns == r->fk->n_columns &&
		    same_cols((const char *const *)o->fk->columns, (const char *const *)r->fk->columns, r->fk->n_columns) &&
		    same_cols(o->parent_columns, r->parent_columns, r->n_parent_columns))
			return true;
	}
	return false;
}

static void table(FILE *out, const dd_table *t)
{
	fputs("Table ", out);
	put_qualified(out, t->schema, t->name);
	fputs(" {\n", out);
	const dd_constraint *pk = dd_table_primary_key(t);
	for (size_t k = 0; k < t->n_columns; k++) {
		const dd_column *c = t->columns[k];
		fputs("  ", out);
		put_name(out, c->name);
		fputc(' ', out);
		put_name(out, c->type.text);
		const char *sep = " [";
		if (pk && pk->n_columns == 1 && strcmp(pk->columns[0], c->name) == 0) {
			fprintf(out, "%spk", sep);
			sep = ", ";
		} else if (dd_erd_is_unique(t, c->name)) {
			fprintf(out, "%sunique", sep);
			sep = ", ";
		}
		if (c->not_null) {
			fprintf(out, "%snot null", sep);
			sep = ", ";
		}
		if (c->comment) {
			fprintf(out, "%snote: ", sep);
			put_note(out, c->comment);
			sep = ", ";
		}
		fputs(*sep == ',' ? "]\n" : "\n", out);
	}
	/* keys of several columns */
	bool open = false;
	for (size_t k = 0; k < t->n_constraints; k++) {
		const dd_constraint *c = t->constraints[k];
		if ((c->kind != DD_CON_PRIMARY && c->kind != DD_CON_UNIQUE) || c->n_columns < 2)
			continue;
		if (!open)
			fputs("  indexes {\n", out);
		open = true;
		fputs("    ", out);
		put_columns(out, (const char *const *)c->columns, c->n_columns);
		fprintf(out, " [%s, name: ", c->kind == DD_CON_PRIMARY ? "pk" : "unique");
		put_note(out, c->name);
		fputs("]\n", out);
	}
	if (open)
		fputs("  }\n", out);
	if (t->comment) {
		fputs("  Note: ", out);
		put_note(out, t->comment);
		fputc('\n', out);
	}
	fputs("}\n\n", out);
}

int dd_erd_write_dbml(FILE *out, const dd_erd *g)
{
	for (size_t i = 0; i < g->n_enums; i++) {
		const dd_typedef *e = g->enums[i];
		fputs("Enum ", out);
		put_qualified(out, e->schema, e->name);
		fputs(" {\n", out);
		for (size_t k = 0; k < e->n_labels; k++) {
			fputs("  ", out);
			put_name(out, e->labels[k]);
			fputc('\n', out);
		}
		fputs("}\n\n", out);
	}
	for (size_t i = 0; i < g->n_tables; i++)
		if (g->tables[i]->n_columns)
			table(out, g->tables[i]);
	for (size_t i = 0; i < g->n_rels; i++) {
		const dd_erd_rel *r = &g->rels[i];
		const dd_constraint *c = r->fk;
		if (!r->child->n_columns || !r->parent->n_columns || repeated(g, i))
			continue;
		fputs("Ref: ", out);
		put_qualified(out, r->child->schema, r->child->name);
		fputc('.', out);
		put_columns(out, (const char *const *)c->columns, c->n_columns);
		fputs(r->one_to_one ? " - " : " > ", out);
		put_qualified(out, r->parent->schema, r->parent->name);
		fputc('.', out);
		put_columns(out, r->parent_columns, r->n_parent_columns);
		const char *del = action(c->on_delete), *upd = action(c->on_update);
		if (del || upd)
			fprintf(out, " [%s%s%s%s%s]", del ? "delete: " : "", del ? del : "", del && upd ? ", " : "",
				upd ? "update: " : "", upd ? upd : "");
		fputc('\n', out);
	}
	if (g->n_schemas > 1)
		for (size_t s = 0; s < g->n_schemas; s++) {
			fputs("\nTableGroup ", out);
			put_name(out, g->schemas[s]);
			fputs(" {\n", out);
			for (size_t i = 0; i < g->n_tables; i++)
				if (g->tables[i]->n_columns && strcmp(g->tables[i]->schema, g->schemas[s]) == 0) {
					fputs("  ", out);
					put_qualified(out, g->tables[i]->schema, g->tables[i]->name);
					fputc('\n', out);
				}
			fputs("}\n", out);
		}
	return ferror(out) ? -1 : 0;
}
