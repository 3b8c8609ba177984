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
/* The first identifier token of the statement, from byte `from` on, that PostgreSQL reads as
 * `name` (decoded as dd_tok_decode does, then cut to 63 bytes: a name of the tree is already
 * cut, its token may be longer), spanning the whole token; when there is none, a span of
 * length 0 at the statement's start. */
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
/* The longest name PostgreSQL keeps (NAMEDATALEN - 1): longer ones are cut, with a NOTICE. */
#define DD_NAME_MAX 63

/* Is t the unquoted word `word` (its first n bytes), in any case? */
bool dd_tok_is_word(const char *text, dd_tok t, const char *word, size_t n);
/* Decode an identifier token of a NUL-terminated text as PostgreSQL's lexer does, before it
 * truncates: unquoted folded to lower case (ASCII letters only), "..." unquoted ("" is "),
 * U&"..." also unescaped (\XXXX, \+XXXXXX, UTF-16 pairs, with the character of a UESCAPE 'c'
 * right after it). Writes at most cap - 1 bytes and a NUL to out (cap 0: nothing) and returns
 * the decoded length in full. */
size_t dd_tok_decode(const char *text, dd_tok t, char *out, size_t cap);
/* The same, in the arena. */
char *dd_tok_ident(dd_arena *a, const char *text, dd_tok t);
/* The number of bytes of a UTF-8 string of `len` bytes that fit in `n` without splitting a
 * character (pg_mbcliplen): what truncate_identifier keeps with n = DD_NAME_MAX. */
size_t dd_utf8_clip(const char *s, size_t len, size_t n);

#endif
