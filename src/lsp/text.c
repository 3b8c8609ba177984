/*
 * Documents as LSP addresses them (LSP 3.17, "Text Documents"): file URIs, and positions as a
 * 0-based line and a 0-based offset in UTF-16 code units (the encoding every client supports);
 * ddlint's own positions are byte offsets and 1-based columns in Unicode characters.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"
#include "lsp/lsp.h"

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *dd_lsp_uri_path(const char *uri)
{
	if (strncasecmp(uri, "file://", 7) != 0)
		return NULL;
	const char *p = uri + 7;
	/* file://localhost/path and file:///path; another authority is not a local file */
	if (strncasecmp(p, "localhost/", 10) == 0)
		p += 9;
	if (*p != '/')
		return NULL;
	size_t n = strlen(p);
	char *out = dd_xmalloc(n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '?' || p[i] == '#')
			break;
		if (p[i] == '%') {
			if (i + 2 >= n || hexval((unsigned char)p[i + 1]) < 0 || hexval((unsigned char)p[i + 2]) < 0) {
				free(out);
				return NULL;
			}
			int c = hexval((unsigned char)p[i + 1]) * 16 + hexval((unsigned char)p[i + 2]);
			if (c == 0) {   /* a NUL cannot be in a path */
				free(out);
				return NULL;
			}
			out[k++] = (char)c;
			i += 2;
		} else {
			out[k++] = p[i];
		}
	}
	out[k] = '\0';
	return out;
}

char *dd_lsp_path_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *out = dd_xmalloc(7 + 3 * n + 2);
	size_t k = 0;
	memcpy(out, "file://", 7);
	k = 7;
	if (path[0] != '/')
		out[k++] = '/';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)path[i];
		if (isalnum(c) || strchr("/-._~", c)) {
			out[k++] = (char)c;
		} else {
			out[k++] = '%';
			out[k++] = hex[c >> 4];
			out[k++] = hex[c & 15];
		}
	}
	out[k] = '\0';
	return out;
}

/* The length of the UTF-8 sequence at s (1 for a byte that starts none: counted as one unit). */
static size_t seq_len(const unsigned char *s, size_t left)
{
	size_t n = *s < 0x80 ? 1 : (*s & 0xE0) == 0xC0 ? 2 : (*s & 0xF0) == 0xE0 ? 3 : (*s & 0xF8) == 0xF0 ? 4 : 1;
	if (n > left)
		return 1;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

/* Lines end at \n, \r\n or \r (LSP 3.17, "Text Documents"). The byte offset where line `line`
 * (0-based) starts, or len past the last line. */
static size_t line_start(const char *text, size_t len, long line)
{
	size_t i = 0;
	for (long l = 0; l < line; l++) {
		while (i < len && text[i] != '\n' && text[i] != '\r')
			i++;
		if (i >= len)
			return len;
		i += text[i] == '\r' && i + 1 < len && text[i + 1] == '\n' ? 2 : 1;
	}
	return i;
}

/* The end of the line starting at `from`, before its line break. */
static size_t line_end(const char *text, size_t len, size_t from)
{
	size_t e = from;
	while (e < len && text[e] != '\n' && text[e] != '\r')
		e++;
	return e;
}

size_t dd_lsp_offset(const char *text, size_t len, long line, long character)
{
	if (line < 0)
		return 0;
	size_t i = line_start(text, len, line);
	if (i >= len)
		return len;
	size_t end = line_end(text, len, i);
	long units = 0;
	while (i < end && units < character) {
		size_t n = seq_len((const unsigned char *)text + i, end - i);
		long u = n == 4 ? 2 : 1;
		if (units + u > character)   /* inside a surrogate pair: its start */
			break;
		units += u;
		i += n;
	}
	return i;
}

size_t dd_lsp_line_starts(const char *text, size_t len, size_t **out)
{
	size_t n = 1, cap = 64;
	size_t *ls = dd_xmalloc(cap * sizeof *ls);
	ls[0] = 0;
	for (size_t i = 0; i < len; i++) {
		if (text[i] != '\n' && text[i] != '\r')
			continue;
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			i++;
		if (n == cap)
			ls = dd_xrealloc(ls, (cap *= 2) * sizeof *ls);
		ls[n++] = i + 1;
	}
	*out = ls;
	return n;
}

void dd_lsp_position_in(const char *text, size_t len, const size_t *ls, size_t n, size_t offset, long *line, long *character)
{
	if (offset > len)
		offset = len;
	size_t lo = 0, hi = n - 1;
	while (lo < hi) {   /* the last line start <= offset */
		size_t mid = (lo + hi + 1) / 2;
		if (ls[mid] <= offset)
			lo = mid;
		else
			hi = mid - 1;
	}
	size_t end = line_end(text, len, ls[lo]);
	if (offset > end)   /* inside a line break: the end of the line */
		offset = end;
	long units = 0;
	for (size_t i = ls[lo]; i < offset;) {
		size_t k = seq_len((const unsigned char *)text + i, end - i);
		if (i + k > offset)   /* inside a character: its start */
			break;
		units += k == 4 ? 2 : 1;
		i += k;
	}
	*line = (long)lo;
	*character = units;
}

void dd_lsp_position(const char *text, size_t len, size_t offset, long *line, long *character)
{
	size_t *ls;
	size_t n = dd_lsp_line_starts(text, len, &ls);
	dd_lsp_position_in(text, len, ls, n, offset, line, character);
	free(ls);
}

long dd_lsp_units(const char *text, size_t from, size_t to)
{
	long units = 0;
	for (size_t i = from; i < to;) {
		size_t n = seq_len((const unsigned char *)text + i, to - i);
		units += n == 4 ? 2 : 1;
		i += n;
	}
	return units;
}

size_t dd_lsp_offset_of_column(const char *text, size_t len, int line, int column)
{
	/* ddlint's lines end at \n only */
	size_t i = 0;
	for (int l = 1; l < line && i < len; l++) {
		const char *nl = memchr(text + i, '\n', len - i);
		i = nl ? (size_t)(nl - text) + 1 : len;
	}
	const char *nl = memchr(text + i, '\n', len - i);
	size_t end = nl ? (size_t)(nl - text) : len;
	for (int c = 1; c < column && i < end; c++)
		i += seq_len((const unsigned char *)text + i, end - i);
	return i;
}

char *dd_lsp_splice(char *text, size_t *len, size_t from, size_t to, const char *with, size_t n)
{
	if (to < from)
		to = from;
	size_t nl = *len - (to - from) + n;
	char *out = dd_xmalloc(nl + 1);
	memcpy(out, text, from);
	memcpy(out + from, with, n);
	memcpy(out + from + n, text + to, *len - to);
	out[nl] = '\0';
	free(text);
	*len = nl;
	return out;
}
