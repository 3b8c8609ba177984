/*
 * The framing of LSP messages (LSP 3.17, "Base Protocol"): a header part of "Name: value\r\n"
 * fields, an empty line, then Content-Length bytes of JSON. Content-Length is required;
 * Content-Type is optional and, when given, must be JSON in UTF-8 ("utf8" is accepted for
 * "utf-8", as the specification asks). What is not a header is skipped up to the next
 * "Content-Length", so that one bad message costs only itself.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "util.h"
#include "lsp/lsp.h"

void dd_lsp_reader_feed(dd_lsp_reader *r, const char *data, size_t n)
{
	if (r->skip) {   /* the rest of a refused message */
		size_t k = n < r->skip ? n : r->skip;
		r->skip -= k;
		data += k;
		n -= k;
	}
	if (!n)
		return;
	if (r->len + n + 1 > r->cap) {
		size_t cap = r->cap ? r->cap : 4096;
		while (cap < r->len + n + 1)
			cap *= 2;
		r->buf = dd_xrealloc(r->buf, cap);
		r->cap = cap;
	}
	memcpy(r->buf + r->len, data, n);
	r->len += n;
}

void dd_lsp_reader_free(dd_lsp_reader *r)
{
	free(r->buf);
	memset(r, 0, sizeof *r);
}

static void drop(dd_lsp_reader *r, size_t n)
{
	memmove(r->buf, r->buf + n, r->len - n);
	r->len -= n;
}

/* Where "Content-Length" (any case) next starts at or after `from`, or r->len. */
static size_t next_header(const dd_lsp_reader *r, size_t from)
{
	static const char name[] = "content-length";
	for (size_t i = from; i + sizeof name - 1 <= r->len; i++)
		if (strncasecmp(r->buf + i, name, sizeof name - 1) == 0)
			return i;
	/* keep a tail that may be the start of the name */
	return r->len > from + sizeof name - 2 ? r->len - (sizeof name - 2) : from;
}

static dd_lsp_read bad_header(dd_lsp_reader *r, char *why, size_t whysize, const char *what)
{
	snprintf(why, whysize, "%s", what);
	drop(r, next_header(r, 1));
	return DD_LSP_BAD_HEADER;
}

/* A header block's value of Content-Length (-1: none, -2: malformed), its Content-Type checked. */
static long long parse_headers(const char *h, size_t n, const char **what)
{
	long long length = -1;
	size_t i = 0;
	*what = "no Content-Length header";
	while (i < n) {
		const char *line = h + i;
		const char *eol = memchr(line, '\r', n - i);
		size_t ll = eol ? (size_t)(eol - line) : n - i;
		i += ll + 2;
		const char *colon = memchr(line, ':', ll);
		if (!colon || colon == line) {
			*what = "a header line without a name and a colon";
			return -2;
		}
		size_t nl = (size_t)(colon - line);
		const char *v = colon + 1;
		size_t vl = ll - nl - 1;
		while (vl && (*v == ' ' || *v == '\t'))
			v++, vl--;
		while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\t'))
			vl--;
		if (nl == 14 && strncasecmp(line, "content-length", 14) == 0) {
			if (length != -1) {
				*what = "two Content-Length headers";
				return -2;
			}
			if (vl == 0 || vl > 12) {
				*what = "a Content-Length that is not a number";
				return -2;
			}
			length = 0;
			for (size_t k = 0; k < vl; k++) {
				if (!isdigit((unsigned char)v[k])) {
					*what = "a Content-Length that is not a number";
					return -2;
				}
				length = length * 10 + (v[k] - '0');
			}
		} else if (nl == 12 && strncasecmp(line, "content-type", 12) == 0) {
			/* application/vscode-jsonrpc; charset=utf-8 (the default); any other charset is refused */
			const char *cs = NULL;
			for (size_t k = 0; k + 8 <= vl && !cs; k++)
				if (strncasecmp(v + k, "charset=", 8) == 0)
					cs = v + k + 8;
			if (cs) {
				size_t cl = vl - (size_t)(cs - v);
				if (!((cl == 5 && strncasecmp(cs, "utf-8", 5) == 0) || (cl == 4 && strncasecmp(cs, "utf8", 4) == 0))) {
					*what = "a Content-Type charset other than utf-8";
					return -2;
				}
			}
		}
		/* other fields are ignored */
	}
	if (length < 0)
		*what = "no Content-Length header";
	return length;
}

dd_lsp_read dd_lsp_reader_next(dd_lsp_reader *r, char **body, size_t *len, char *why, size_t whysize)
{
	*body = NULL;
	*len = 0;
	if (r->skip)
		return DD_LSP_NEED_MORE;
	/* blank lines between messages are tolerated */
	size_t lead = 0;
	while (lead < r->len && (r->buf[lead] == '\r' || r->buf[lead] == '\n'))
		lead++;
	if (lead)
		drop(r, lead);
	if (r->len == 0)
		return DD_LSP_NEED_MORE;
	char *end = r->len >= 4 ? memmem(r->buf, r->len, "\r\n\r\n", 4) : NULL;
	if (!end) {
		if (r->len > DD_LSP_MAX_HEADER)
			return bad_header(r, why, whysize, "a header block longer than 8 KiB");
		return DD_LSP_NEED_MORE;
	}
	size_t hl = (size_t)(end - r->buf);
	if (hl > DD_LSP_MAX_HEADER)
		return bad_header(r, why, whysize, "a header block longer than 8 KiB");
	const char *what;
	long long length = parse_headers(r->buf, hl + 2, &what);
	if (length < 0)
		return bad_header(r, why, whysize, what);
	size_t start = hl + 4;
	if ((unsigned long long)length > DD_LSP_MAX_MESSAGE) {
		snprintf(why, whysize, "a message of %lld bytes, over the limit of %zu", length, DD_LSP_MAX_MESSAGE);
		size_t have = r->len - start;
		size_t n = (size_t)length;
		if (have >= n) {
			drop(r, start + n);
		} else {
			r->skip = n - have;
			r->len = 0;
		}
		return DD_LSP_TOO_LARGE;
	}
	size_t n = (size_t)length;
	if (r->len - start < n)
		return DD_LSP_NEED_MORE;
	char *b = dd_xmalloc(n + 1);
	memcpy(b, r->buf + start, n);
	b[n] = '\0';
	drop(r, start + n);
	*body = b;
	*len = n;
	return DD_LSP_MESSAGE;
}
