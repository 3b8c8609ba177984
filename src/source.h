/*
 * source: reading input text (with the size limit that applies to every input), its encoding,
 * line positions, psql lines, and a lexer that knows just enough SQL to split statements and
 * find names and comments. Depends on util.
 */
#ifndef DDLINT_SOURCE_H
#define DDLINT_SOURCE_H

#include <stdio.h>
#include "ddlint/rule.h"
#include "util.h"

/* The largest input ddlint reads, whatever it comes from (file, pipe, buffer): positions are
 * int byte offsets, and the parser needs the whole text at once. */
#define DD_MAX_INPUT_BYTES ((size_t)1 << 30)

/* Read a stream to its end into a heap buffer (NUL-terminated). Returns 0; or -1 with a reason
 * ("larger than 1 GiB", strerror) in why. Refuses at once a regular file larger than the limit. */
int dd_read_stream(FILE *fp, char **out, size_t *len, const char **why);

/* Index the lines of f->text. */
void dd_file_index_lines(dd_arena *a, dd_file *f);
/* 1-based line and column (in Unicode characters) of a byte offset. */
void dd_file_position(const dd_file *f, int offset, int *line, int *column);
/* Offset of the first byte that is NUL or not valid UTF-8, or -1. */
long dd_utf8_first_invalid(const char *s, size_t len);
/* Blank psql meta-command lines and COPY ... FROM stdin data, in place. */
void dd_blank_psql(char *text, size_t len);
/* The token that starts at byte `offset` of a statement's file (length 0 when none does); a
 * negative offset stands for the statement's start. */
dd_loc dd_stmt_token_loc(const dd_stmt *st, int offset);
/* The first identifier of the statement, from byte `from` on, that folds to `name`; when there is
 * none, a span of length 0 at the statement's start. */
dd_loc dd_stmt_find_ident(const dd_stmt *st, int from, const char *name);

/* ---- lexer ---------------------------------------------------------------- */

typedef enum dd_tok_kind {
	DD_TOK_EOF, DD_TOK_IDENT, DD_TOK_QIDENT, DD_TOK_STRING, DD_TOK_NUMBER,
	DD_TOK_OP, DD_TOK_SEMI, DD_TOK_LPAREN, DD_TOK_RPAREN, DD_TOK_COMMA, DD_TOK_DOT,
	DD_TOK_OTHER, DD_TOK_UNTERMINATED
} dd_tok_kind;

typedef struct dd_tok { dd_tok_kind kind; int start, end; } dd_tok;

/* The next token at or after `pos` (whitespace and comments skipped). */
dd_tok dd_lex_next(const char *text, int len, int pos);
/* Split text into statements at top-level semicolons; returns the count and
 * heap arrays of starts and lengths (statements without tokens are dropped). */
size_t dd_split_statements(const char *text, int len, int **starts, int **lens);
/* Fold an identifier token as PostgreSQL would (unquoted: lower case). */
char *dd_tok_ident(dd_arena *a, const char *text, dd_tok t);

#endif
