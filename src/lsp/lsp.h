/*
 * lsp: `ddlint lsp`, a language server over standard input and output (LSP 3.17, JSON-RPC 2.0
 * with Content-Length framing). Its lints are the command line's (cli/main.c, dd_cli_lint): the
 * same config lookup, migration context, rules, suppressions and baseline, on the editor's text.
 *   reader.c  the message framing (no JSON, no I/O: what the fuzz target drives)
 *   text.c    documents: file URIs, UTF-16 positions, incremental edits
 *   server.c  the loop, the lifecycle, the document notifications
 *   diag.c    a document's lint into diagnostics; hover and code actions on them
 */
#ifndef DDLINT_LSP_H
#define DDLINT_LSP_H

#include <stdbool.h>
#include <stddef.h>

/* ---- reader.c: Content-Length framing ---- */

/* The largest message body read (a larger one is skipped, byte by byte as it arrives). */
#define DD_LSP_MAX_MESSAGE ((size_t)64 << 20)
/* The largest header block (the lines before the empty line). */
#define DD_LSP_MAX_HEADER ((size_t)8 << 10)

typedef struct dd_lsp_reader {
	char *buf;
	size_t len, cap;
	size_t skip;                 /* bytes of a refused message still to drop */
} dd_lsp_reader;

typedef enum dd_lsp_read {
	DD_LSP_NEED_MORE,            /* no complete message yet: feed more */
	DD_LSP_MESSAGE,              /* *body (heap, NUL-terminated) of *len bytes */
	DD_LSP_BAD_HEADER,           /* a header block that is not one: skipped up to the next Content-Length */
	DD_LSP_TOO_LARGE             /* a body over DD_LSP_MAX_MESSAGE: being skipped */
} dd_lsp_read;

void dd_lsp_reader_feed(dd_lsp_reader *r, const char *data, size_t n);
/* The next thing in what was fed; for the errors, why in `why`. */
dd_lsp_read dd_lsp_reader_next(dd_lsp_reader *r, char **body, size_t *len, char *why, size_t whysize);
void dd_lsp_reader_free(dd_lsp_reader *r);

/* ---- text.c: positions and documents ---- */

/* A file: URI's path (percent-decoded, heap), or NULL for another scheme or a malformed URI. */
char *dd_lsp_uri_path(const char *uri);
/* The file: URI of an absolute path (heap). */
char *dd_lsp_path_uri(const char *path);
/* The byte offset of an LSP position (0-based line, UTF-16 code units) in text; a line past
 * the end is the end, a character past the line's end is the line's end (LSP 3.17, Position). */
size_t dd_lsp_offset(const char *text, size_t len, long line, long character);
/* The LSP position of a byte offset (an offset inside a character counts from its start, one
 * inside a line break from the end of the line). Lines end at \n, \r\n or \r, as LSP has it. */
void dd_lsp_position(const char *text, size_t len, size_t offset, long *line, long *character);
/* The same from the line starts (heap array, their count returned) computed once for many. */
size_t dd_lsp_line_starts(const char *text, size_t len, size_t **out);
void dd_lsp_position_in(const char *text, size_t len, const size_t *ls, size_t n, size_t offset, long *line, long *character);
/* UTF-16 code units of the bytes [from, to) of text. */
long dd_lsp_units(const char *text, size_t from, size_t to);
/* The byte offset of ddlint's 1-based line (ended by \n) and 1-based column in Unicode characters. */
size_t dd_lsp_offset_of_column(const char *text, size_t len, int line, int column);
/* Replace bytes [from, to) of a heap text by `with`; returns the new text. */
char *dd_lsp_splice(char *text, size_t *len, size_t from, size_t to, const char *with, size_t n);

#endif
