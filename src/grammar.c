/*
 * The syntax of PostgreSQL 16 and later that the PostgreSQL 15 grammar of libpg_query rejects,
 * recognised at the place a statement fails to parse. PostgreSQL's parser stops at the first
 * token it cannot use, so newer syntax fails right at it (or right after it): each construct is
 * told by the tokens at and around the error, never by a word somewhere in the statement, and a
 * real mistake elsewhere gets no note. (README "The grammar ddlint parses with".)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pg_query.h>
#include "grammar.h"

enum { GRAMMAR_MAJOR = PG_VERSION_NUM / 10000, NEWER_THAN_18 = 19 };

const char *dd_grammar_version(void) { return PG_VERSION; }

/*
 * Patterns of tokens around the error: words (any case), "*" for any token, and ( ) , for
 * themselves; the token the error is at is the one in [brackets]. `first`: the statement's first
 * word, or NULL for any statement.
 */
static const struct pattern {
	const char *tokens, *first;
	int version;
	const char *what;
} patterns[] = {
	{ "CONSTRAINT * [NOT] NULL", NULL, 18, "a NOT NULL table constraint" },
	{ "ADD [NOT] NULL", "ALTER", 18, "a NOT NULL table constraint" },
	{ "( [NOT] NULL", "CREATE", 18, "a NOT NULL table constraint" },
	{ ", [NOT] NULL", "CREATE", 18, "a NOT NULL table constraint" },
	{ "[WITHOUT] OVERLAPS", NULL, 18, "WITHOUT OVERLAPS" },
	{ "( PERIOD [*]", NULL, 18, "PERIOD in a foreign key" },
	{ ", PERIOD [*]", NULL, 18, "PERIOD in a foreign key" },
	{ ") [ENFORCED]", NULL, 18, "ENFORCED and NOT ENFORCED constraints" },
	{ "NOT [ENFORCED]", NULL, 18, "ENFORCED and NOT ENFORCED constraints" },
	{ "RETURNING [WITH] (", NULL, 18, "RETURNING WITH (OLD ..., NEW ...)" },
	{ "IS [JSON]", NULL, 16, "IS JSON" },
	{ "IS NOT [JSON]", NULL, 16, "IS JSON" },
	{ "NOT MATCHED [BY]", NULL, 17, "WHEN NOT MATCHED BY SOURCE or TARGET" },
	{ "AT [LOCAL]", NULL, 17, "AT LOCAL" },
	{ "SET [EXPRESSION] AS", "ALTER", 17, "ALTER COLUMN ... SET EXPRESSION" },
	{ "WITH [INHERIT]", "GRANT", 16, "GRANT ... WITH INHERIT" },
	{ "WITH [SET]", "GRANT", 16, "GRANT ... WITH SET" },
	{ "STATISTICS [ON]", "CREATE", 16, "CREATE STATISTICS without a name" },
	{ "[STORAGE]", "CREATE", 16, "STORAGE in CREATE TABLE" },
	{ "[FOR] PORTION OF", NULL, NEWER_THAN_18, "FOR PORTION OF" },
	{ "[PROPERTY] GRAPH", NULL, NEWER_THAN_18, "property graphs" },
	{ NULL, NULL, 0, NULL }
};

/* Functions whose newer arguments fail inside their parentheses: the error's innermost
 * parenthesis is theirs. Older versions parse some of them as plain calls (json_object(a, b)). */
static const struct call {
	const char *name;
	int version;
} calls[] = {
	{ "JSON_OBJECT", 16 }, { "JSON_ARRAY", 16 }, { "JSON_OBJECTAGG", 16 }, { "JSON_ARRAYAGG", 16 },
	{ "JSON_TABLE", 17 }, { "JSON_QUERY", 17 }, { "JSON_VALUE", 17 }, { "JSON_EXISTS", 17 },
	{ "JSON_SERIALIZE", 17 }, { "JSON", 17 },
	{ "GRAPH_TABLE", NEWER_THAN_18 },
	{ NULL, 0 }
};

/* The tokens of a statement up to a few past the error, and where the error is among them. */
typedef struct toks {
	const char *s;
	dd_tok *t;
	int n;
	int e;          /* the token the error is at (n when past the last) */
	int inner;      /* the innermost parenthesis open at the error, or -1 */
	int closed;     /* the opening parenthesis of a ')' right before the error, or -1 */
} toks;

static bool item(const toks *k, int i, const char *w, size_t n)
{
	if (i < 0 || i >= k->n)
		return false;
	dd_tok t = k->t[i];
	if (n == 1 && strchr("*(),", *w))
		return *w == '*' ? t.kind != DD_TOK_SEMI : *w == '(' ? t.kind == DD_TOK_LPAREN
						      : *w == ')' ? t.kind == DD_TOK_RPAREN : t.kind == DD_TOK_COMMA;
	return dd_tok_is_word(k->s, t, w, n);
}

static bool word(const toks *k, int i, const char *w) { return item(k, i, w, strlen(w)); }

static bool matches(const toks *k, const char *pattern)
{
	int before = 0;
	for (const char *p = pattern; *p && *p != '['; p++)
		if (*p == ' ')
			before++;
	int i = k->e - before;
	for (const char *p = pattern; *p; i++) {
		p += *p == '[';
		size_t n = strcspn(p, " ]");
		if (!item(k, i, p, n))
			return false;
		p += n;
		p += *p == ']';
		p += *p == ' ';
	}
	return true;
}

/* RETURNING in a MERGE: a MERGE at the same depth before it (in its parentheses, if any). */
static bool merge_returning(const toks *k)
{
	if (!word(k, k->e, "RETURNING"))
		return false;
	int depth = 0;
	for (int i = k->inner + 1; i < k->e; i++) {
		if (k->t[i].kind == DD_TOK_LPAREN)
			depth++;
		else if (k->t[i].kind == DD_TOK_RPAREN)
			depth--;
		else if (depth == 0 && word(k, i, "MERGE"))
			return true;
	}
	return false;
}

static bool digit_of(char c, int base)
{
	if (base == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
		return true;
	return c >= '0' && c < '0' + (base < 10 ? base : 10);
}

/* Digits of `base` with single underscores before them (not before the first decimal one), from
 * s[i]: where they end, or i when there are none. */
static int digits(const char *s, int len, int i, int base)
{
	int start = i;
	while (i < len && (digit_of(s[i], base) ||
			   (s[i] == '_' && (i > start || base != 10) && i + 1 < len && digit_of(s[i + 1], base))))
		i++;
	return i;
}

/* PostgreSQL 15 reads 1_000 and 0x1F as a number followed by junk; PostgreSQL 16 reads the whole
 * literal (and still calls 0x1G or 1_000abc junk). */
static const char *number_literal(const char *s, int len, int at, const char *message)
{
	if (strncmp(message, "trailing junk after numeric literal", 35) != 0)
		return NULL;
	const char *what = "an integer literal with underscores";
	int base = 10, i = at;
	if (at + 2 < len && s[at] == '0' && strchr("xXoObB", s[at + 1])) {
		base = (s[at + 1] | 0x20) == 'x' ? 16 : (s[at + 1] | 0x20) == 'o' ? 8 : 2;
		what = "a hexadecimal, octal or binary integer literal";
		i += 2;
	}
	int end = digits(s, len, i, base);
	if (end == i || (base == 10 && !memchr(s + i, '_', (size_t)(end - i))))
		return NULL;
	if (base == 10 && end + 1 < len && s[end] == '.' && s[end + 1] >= '0' && s[end + 1] <= '9')
		end = digits(s, len, end + 1, 10);   /* 1_000.000_5 */
	unsigned char next = end < len ? (unsigned char)s[end] : ' ';
	bool junk = next == '_' || next >= 0x80 || (next >= '0' && next <= '9') || ((next | 0x20) >= 'a' && (next | 0x20) <= 'z');
	return junk ? NULL : what;
}

/* What newer syntax the error is at, and the version that has it. */
static const char *construct(const toks *k, const char *message, int *version)
{
	if (strcmp(message, "subquery in FROM must have an alias") == 0 ||
	    strcmp(message, "VALUES in FROM must have an alias") == 0) {
		*version = 16;
		return "a subquery in FROM without an alias";
	}
	/* GENERATED ALWAYS AS (...) followed by VIRTUAL, or by what may follow a column (PostgreSQL
	 * 15 needs STORED there; a misspelt STORED is a mistake on any version) */
	if (k->closed >= 3 && word(k, k->closed - 1, "AS") && word(k, k->closed - 2, "ALWAYS") &&
	    word(k, k->closed - 3, "GENERATED")) {
		static const char *const follow[] = { "VIRTUAL", "NOT", "NULL", "CONSTRAINT", "CHECK", "UNIQUE",
						      "PRIMARY", "REFERENCES", NULL };
		bool ok = k->e >= k->n || k->t[k->e].kind == DD_TOK_COMMA || k->t[k->e].kind == DD_TOK_RPAREN ||
			  k->t[k->e].kind == DD_TOK_SEMI;
		for (int i = 0; !ok && follow[i]; i++)
			ok = word(k, k->e, follow[i]);
		if (ok) {
			*version = 18;
			return "a virtual generated column";
		}
	}
	if (k->e >= k->n)
		return NULL;
	if (merge_returning(k)) {
		*version = 17;
		return "MERGE ... RETURNING";
	}
	/* in the parentheses of a newer function, at a word or a ':' (JSON_OBJECT('a': 1)): an
	 * incomplete expression (an error at ')' or ',') is a mistake on any version */
	dd_tok et = k->t[k->e];
	bool word_or_colon = et.kind == DD_TOK_IDENT || (et.end - et.start == 1 && k->s[et.start] == ':');
	if (word_or_colon && k->inner > 0 && k->t[k->inner - 1].kind == DD_TOK_IDENT)
		for (int i = 0; calls[i].name; i++)
			if (word(k, k->inner - 1, calls[i].name)) {
				*version = calls[i].version;
				return calls[i].name;
			}
	for (int i = 0; patterns[i].tokens; i++)
		if ((!patterns[i].first || word(k, 0, patterns[i].first)) && matches(k, patterns[i].tokens)) {
			*version = patterns[i].version;
			return patterns[i].what;
		}
	return NULL;
}

bool dd_newer_syntax(const char *stmt, int len, int at, const char *message, char *note, size_t size)
{
	int version = 0;
	const char *what = number_literal(stmt, len, at, message);
	if (what) {
		version = 16;
	} else {
		toks k = { stmt, NULL, 0, -1, -1, -1 };
		int cap = 0, depth = 0, *open = NULL, after = 0;
		for (dd_tok t = dd_lex_next(stmt, len, 0); t.kind != DD_TOK_EOF && after < 3; t = dd_lex_next(stmt, len, t.end)) {
			if (k.n == cap) {
				cap = cap ? cap * 2 : 64;
				k.t = dd_xrealloc(k.t, (size_t)cap * sizeof *k.t);
				open = dd_xrealloc(open, (size_t)cap * sizeof *open);
			}
			if (t.start >= at && k.e < 0)
				k.e = k.n;
			if (k.e >= 0) {
				after++;
			} else {
				/* the parentheses open at the error, and the one a ')' right before it closes */
				k.closed = -1;
				if (t.kind == DD_TOK_LPAREN)
					open[depth++] = k.n;
				else if (t.kind == DD_TOK_RPAREN && depth > 0)
					k.closed = open[--depth];
			}
			k.t[k.n++] = t;
			if (t.kind == DD_TOK_UNTERMINATED)
				break;
		}
		if (k.e < 0)
			k.e = k.n;
		k.inner = depth > 0 ? open[depth - 1] : -1;
		what = construct(&k, message, &version);
		free(k.t);
		free(open);
	}
	if (!what || version <= GRAMMAR_MAJOR)
		return false;
	if (version == NEWER_THAN_18)
		snprintf(note, size, "; ddlint parses with the PostgreSQL %s grammar: this may be valid SQL for a "
			 "PostgreSQL newer than 18 (%s)", PG_VERSION, what);
	else
		snprintf(note, size, "; ddlint parses with the PostgreSQL %s grammar: this may be valid SQL for "
			 "PostgreSQL %d or later (%s)", PG_VERSION, version, what);
	return true;
}
