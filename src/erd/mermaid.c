/*
 * Mermaid erDiagram. What the grammar of Mermaid 11 (its erDiagram lexer) accepts, and how text
 * is escaped here:
 * - an entity is named by an id of ours (t1, t2, ...: no table name can clash with a keyword such
 *   as `end` or `style`), with the table's name as its alias in `["..."]`; an alias string may not
 *   hold `"`, `%`, `\` or a line break;
 * - an attribute's type is one word ([A-Za-z_*] then letters, digits, -_[]().,*): spaces become _,
 *   any other character _;
 * - an attribute's name is a word too, and written between backticks when it is not one (or is
 *   PK, FK or UK, which the lexer takes for keys): backticks take any character but a backtick;
 * - a comment (and a relationship label) is "..." and may not hold `"`.
 * Text is escaped with Mermaid's entity codes (#quot;, #lt;, #35; ...), which Mermaid turns
 * back into the characters when it renders: `"`, `%`, `\`, `#`, `<`, `>`, `&`, the backtick,
 * `;` and braces are written as codes, line breaks and other control characters as spaces.
 * Mermaid 11 reads labels as Markdown (`**b**` is drawn bold): `*`, `~` and an `_` that is not
 * inside a word are written as codes too; the codes are decoded after the Markdown.
 */
#include <string.h>
#include <strings.h>
#include "erd.h"

static bool alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80; }

static void put_text(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		/* Markdown in labels: an _ that can open or close emphasis (not inside a word) */
		if (*p == '_' && (p == (const unsigned char *)s || !alnum(p[-1]) || !alnum(p[1]))) {
			fputs("#95;", out);
			continue;
		}
		switch (*p) {
		case '"': fputs("#quot;", out); break;
		case '<': fputs("#lt;", out); break;
		case '>': fputs("#gt;", out); break;
		case '#': case '%': case '\\': case '&': case '`': case ';': case '{': case '}': case '*': case '~':
			fprintf(out, "#%d;", *p);
			break;
		default:
			fputc(*p < 0x20 || *p == 0x7f ? ' ' : *p, out);
		}
	}
}

static bool word_char(unsigned char c, bool first)
{
	if (c >= 0x80 || c == '_' || c == '*' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return true;
	return !first && ((c >= '0' && c <= '9') || strchr("-[]().,", c));
}

/* Is s an attribute word that cannot be taken for a key? */
static bool plain_word(const char *s)
{
	if (!word_char((unsigned char)*s, true) || strcasecmp(s, "PK") == 0 || strcasecmp(s, "FK") == 0 ||
	    strcasecmp(s, "UK") == 0)
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (!word_char(*p, false) || *p >= 0x80)
			return false;
	return true;
}

/* A type as one attribute word. */
static void put_type(FILE *out, const char *s)
{
	if (!word_char((unsigned char)*s, true))
		fputc('_', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		fputc(word_char(*p, false) ? *p : '_', out);
}

static void relationship(FILE *out, const dd_erd *g, const dd_erd_rel *r)
{
	/* parent first: its end is exactly one (a NOT NULL key) or zero or one; the child's end
	 * is zero or more, or zero or one when the key columns are unique */
	fprintf(out, "    t%ld %s--%s t%ld : \"", dd_erd_table_index(g, r->parent) + 1, r->required ? "||" : "|o",
		r->one_to_one ? "o|" : "o{", dd_erd_table_index(g, r->child) + 1);
	put_text(out, r->fk->name);
	fputs("\"\n", out);
}

int dd_erd_write_mermaid(FILE *out, const dd_erd *g)
{
	fputs("erDiagram\n", out);
	for (size_t i = 0; i < g->n_tables; i++) {
		const dd_table *t = g->tables[i];
		fprintf(out, "    t%zu[\"", i + 1);
		put_text(out, dd_erd_label(g, t->schema, t->name));
		fputs("\"] {\n", out);
		for (size_t k = 0; k < t->n_columns; k++) {
			const dd_column *c = t->columns[k];
			fputs("        ", out);
			put_type(out, c->type.text);
			if (plain_word(c->name)) {
				fprintf(out, " %s", c->name);
			} else {
				fputs(" `", out);
				put_text(out, c->name);
				fputc('`', out);
			}
			const char *keys[3];
			int n = 0;
			if (dd_erd_is_pk(t, c->name))
				keys[n++] = "PK";
			if (dd_erd_is_fk(t, c->name))
				keys[n++] = "FK";
			if (!dd_erd_is_pk(t, c->name) && dd_erd_is_unique(t, c->name))
				keys[n++] = "UK";
			for (int j = 0; j < n; j++)
				fprintf(out, "%s%s", j ? ", " : " ", keys[j]);
			/* the comment carries NOT NULL (Mermaid has no place for it) and COMMENT ON */
			if (c->not_null || c->comment) {
				fputs(" \"", out);
				if (c->not_null)
					fputs(c->comment ? "not null: " : "not null", out);
				if (c->comment)
					put_text(out, c->comment);
				fputc('"', out);
			}
			fputc('\n', out);
		}
		fputs("    }\n", out);
	}
	for (size_t i = 0; i < g->n_rels; i++)
		relationship(out, g, &g->rels[i]);
	/* enums: an entity each, its labels as attributes */
	for (size_t i = 0; i < g->n_enums; i++) {
		const dd_typedef *e = g->enums[i];
		fprintf(out, "    e%zu[\"", i + 1);
		put_text(out, dd_erd_label(g, e->schema, e->name));
		fputs(" (enum)\"] {\n", out);
		for (size_t k = 0; k < e->n_labels; k++) {
			if (plain_word(e->labels[k])) {
				fprintf(out, "        label %s\n", e->labels[k]);
			} else {
				fputs("        label `", out);
				put_text(out, e->labels[k]);
				fputs("`\n", out);
			}
		}
		fputs("    }\n", out);
	}
	return ferror(out) ? -1 : 0;
}
