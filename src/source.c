/* Source text: UTF-8 checks, line index and positions, psql blanking, a small SQL lexer. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include "source.h"

int dd_read_stream(FILE *fp, char **out, size_t *len_out, const char **why)
{
	struct stat sb;
	if (fstat(fileno(fp), &sb) != 0) {
		*why = strerror(errno);
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		*why = "is a directory";
		return -1;
	}
	if (S_ISREG(sb.st_mode) && (uintmax_t)sb.st_size > DD_MAX_INPUT_BYTES) {
		*why = "larger than 1 GiB";
		return -1;
	}
	/* Read to the end whatever the size claims: the file may change while we read it. */
	size_t cap = S_ISREG(sb.st_mode) && sb.st_size > 0 ? (size_t)sb.st_size + 1 : 65536, len = 0;
	char *buf = dd_xmalloc(cap + 1);
	for (;;) {
		size_t got = fread(buf + len, 1, cap - len, fp);
		len += got;
		if (len > DD_MAX_INPUT_BYTES) {
			free(buf);
			*why = "larger than 1 GiB";
			return -1;
		}
		if (got == 0)
			break;
		if (len == cap) {
			cap = cap * 2 > DD_MAX_INPUT_BYTES + 1 ? DD_MAX_INPUT_BYTES + 1 : cap * 2;
			buf = dd_xrealloc(buf, cap + 1);
		}
	}
	if (ferror(fp)) {
		free(buf);
		*why = strerror(errno ? errno : EIO);
		return -1;
	}
	buf[len] = '\0';
	*out = buf;
	*len_out = len;
	return 0;
}

void dd_file_index_lines(dd_arena *a, dd_file *f)
{
	/* memchr: the line index of a 50 MB dump should cost next to nothing */
	int n = 1;
	const char *end = f->text + f->len;
	for (const char *p = f->text; p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		n++;
	f->line_starts = dd_arena_alloc(a, (size_t)n * sizeof *f->line_starts);
	f->n_lines = n;
	int k = 0;
	f->line_starts[k++] = 0;
	for (const char *p = f->text; p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		f->line_starts[k++] = (int)(p - f->text) + 1;
}

int dd_file_line(const dd_file *f, int offset)
{
	int lo = 0, hi = f->n_lines - 1;
	while (lo < hi) {             /* last line start <= offset */
		int mid = (lo + hi + 1) / 2;
		if (f->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo + 1;
}

void dd_file_position(const dd_file *f, int offset, int *line, int *column)
{
	if (offset < 0)
		offset = 0;
	if ((size_t)offset > f->len)
		offset = (int)f->len;
	*line = dd_file_line(f, offset);
	int col = 1;
	for (int i = f->line_starts[*line - 1]; i < offset; i++)
		if (((unsigned char)f->text[i] & 0xC0) != 0x80)
			col++;
	*column = col;
}

long dd_utf8_first_invalid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		/* eight ASCII bytes at a time, none of them NUL */
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) || ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		unsigned char c = s[i];
		if (c == 0)
			return (long)i;
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t need;
		unsigned int min;
		if (c >= 0xC2 && c <= 0xDF) { need = 1; min = 0x80; }
		else if (c >= 0xE0 && c <= 0xEF) { need = 2; min = 0x800; }
		else if (c >= 0xF0 && c <= 0xF4) { need = 3; min = 0x10000; }
		else return (long)i;
		if (i + need >= len)
			return (long)i;
		unsigned int cp = c & (0x3F >> need);
		for (size_t k = 1; k <= need; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return (long)i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return (long)i;
		i += need + 1;
	}
	return -1;
}

static bool line_is_copy_from_stdin(const char *p, const char *eol)
{
	while (p < eol && (*p == ' ' || *p == '\t'))
		p++;
	if (eol - p < 5 || strncasecmp(p, "copy", 4) != 0 || !isspace((unsigned char)p[4]))
		return false;
	const char *e = eol;
	while (e > p && isspace((unsigned char)e[-1]))
		e--;
	if (e == p || e[-1] != ';')
		return false;
	for (const char *q = p; q + 10 <= e; q++)
		if (strncasecmp(q, "from stdin", 10) == 0)
			return true;
	return false;
}

static void blank(char *from, char *to)
{
	for (char *q = from; q < to; q++)
		if (*q != '\n' && *q != '\r')
			*q = ' ';
}

/*
 * psql meta-commands (a line starting with a backslash) and COPY data are not
 * SQL. Blank them with spaces so every byte offset and line stays where it was.
 * Only lines that start outside a string, quoted name or comment are looked at.
 */
void dd_blank_psql(char *text, size_t len)
{
	char *end = text + len;
	char *p = text;
	bool in_copy = false;
	while (p < end) {
		char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		if (in_copy) {
			if (eol - p >= 2 && p[0] == '\\' && p[1] == '.' &&
			    (eol - p == 2 || (eol - p == 3 && p[2] == '\r')))
				in_copy = false;
			blank(p, eol);
			p = eol + 1;
			continue;
		}
		char *q = p;
		while (q < eol && (*q == ' ' || *q == '\t'))
			q++;
		if (q < eol && *q == '\\') {
			blank(p, eol);
			p = eol + 1;
			continue;
		}
		if (line_is_copy_from_stdin(p, eol))
			in_copy = true;
		/* Skip SQL tokens until a newline that lies between tokens. */
		int pos = (int)(p - text);
		for (;;) {
			dd_tok t = dd_lex_next(text, (int)len, pos);
			/* newline in the gap before this token? */
			const char *gap = memchr(text + pos, '\n', (size_t)(t.start - pos));
			if (gap) {
				p = (char *)gap + 1;
				break;
			}
			if (t.kind == DD_TOK_EOF || t.kind == DD_TOK_UNTERMINATED) {
				p = end;
				break;
			}
			pos = t.end;
		}
	}
}

static bool ident_start(unsigned char c) { return isalpha(c) || c == '_' || c >= 0x80; }
static bool ident_char(unsigned char c) { return isalnum(c) || c == '_' || c == '$' || c >= 0x80; }

static int skip_quoted(const char *s, int len, int i, char q, bool backslash)
{
	/* i is just past the opening quote; returns just past the closing one, or -1 */
	while (i < len) {
		if (backslash && s[i] == '\\') {
			i += 2;
			continue;
		}
		if (s[i] == q) {
			if (i + 1 < len && s[i + 1] == q) {
				i += 2;
				continue;
			}
			return i + 1;
		}
		i++;
	}
	return -1;
}

dd_tok dd_lex_next(const char *s, int len, int i)
{
	dd_tok t = { DD_TOK_EOF, len, len };
	for (;;) {
		while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v'))
			i++;
		if (i + 1 < len && s[i] == '-' && s[i + 1] == '-') {
			while (i < len && s[i] != '\n')
				i++;
			continue;
		}
		if (i + 1 < len && s[i] == '/' && s[i + 1] == '*') {
			int depth = 1, start = i;
			i += 2;
			while (i < len && depth > 0) {
				if (i + 1 < len && s[i] == '/' && s[i + 1] == '*') { depth++; i += 2; }
				else if (i + 1 < len && s[i] == '*' && s[i + 1] == '/') { depth--; i += 2; }
				else i++;
			}
			if (depth > 0) {
				t.kind = DD_TOK_UNTERMINATED;
				t.start = start;
				return t;
			}
			continue;
		}
		break;
	}
	if (i >= len)
		return t;
	t.start = i;
	unsigned char c = (unsigned char)s[i];
	if (ident_start(c)) {
		/* string prefixes: E'..', B'..', X'..', N'..', U&'..' / U&".." */
		if (i + 1 < len && s[i + 1] == '\'' && strchr("eEbBxXnN", c)) {
			int e = skip_quoted(s, len, i + 2, '\'', c == 'e' || c == 'E');
			t.kind = e < 0 ? DD_TOK_UNTERMINATED : DD_TOK_STRING;
			t.end = e < 0 ? len : e;
			return t;
		}
		if ((c == 'u' || c == 'U') && i + 2 < len && s[i + 1] == '&' && (s[i + 2] == '\'' || s[i + 2] == '"')) {
			char q = s[i + 2];
			int e = skip_quoted(s, len, i + 3, q, false);
			t.kind = e < 0 ? DD_TOK_UNTERMINATED : (q == '"' ? DD_TOK_QIDENT : DD_TOK_STRING);
			t.end = e < 0 ? len : e;
			return t;
		}
		while (i < len && ident_char((unsigned char)s[i]))
			i++;
		t.kind = DD_TOK_IDENT;
		t.end = i;
		return t;
	}
	if (c == '"' || c == '\'') {
		int e = skip_quoted(s, len, i + 1, (char)c, false);
		t.kind = e < 0 ? DD_TOK_UNTERMINATED : (c == '"' ? DD_TOK_QIDENT : DD_TOK_STRING);
		t.end = e < 0 ? len : e;
		return t;
	}
	if (c == '$') {
		int j = i + 1;
		if (j < len && (isalpha((unsigned char)s[j]) || s[j] == '_' || (unsigned char)s[j] >= 0x80))
			while (j < len && (isalnum((unsigned char)s[j]) || s[j] == '_' || (unsigned char)s[j] >= 0x80))
				j++;
		if (j < len && s[j] == '$') {
			int taglen = j - i + 1;
			const char *tag = s + i;
			for (int k = j + 1; k + taglen <= len; k++) {
				if (s[k] == '$' && memcmp(s + k, tag, (size_t)taglen) == 0) {
					t.kind = DD_TOK_STRING;
					t.end = k + taglen;
					return t;
				}
			}
			t.kind = DD_TOK_UNTERMINATED;
			t.end = len;
			return t;
		}
		/* positional parameter $1 */
		j = i + 1;
		while (j < len && isdigit((unsigned char)s[j]))
			j++;
		t.kind = DD_TOK_OTHER;
		t.end = j;
		return t;
	}
	if (isdigit(c) || (c == '.' && i + 1 < len && isdigit((unsigned char)s[i + 1]))) {
		while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '.' || s[i] == '_'))
			i++;
		t.kind = DD_TOK_NUMBER;
		t.end = i;
		return t;
	}
	t.end = i + 1;
	switch (c) {
	case ';': t.kind = DD_TOK_SEMI; return t;
	case '(': t.kind = DD_TOK_LPAREN; return t;
	case ')': t.kind = DD_TOK_RPAREN; return t;
	case ',': t.kind = DD_TOK_COMMA; return t;
	case '.': t.kind = DD_TOK_DOT; return t;
	default: break;
	}
	if (strchr("+-*/<>=~!@#%^&|`?:", c)) {
		while (t.end < len && strchr("+-*/<>=~!@#%^&|`?:", s[t.end]) && s[t.end] != '\0' &&
		       !(s[t.end] == '-' && t.end + 1 < len && s[t.end + 1] == '-') &&
		       !(s[t.end] == '/' && t.end + 1 < len && s[t.end + 1] == '*'))
			t.end++;
		t.kind = DD_TOK_OP;
		return t;
	}
	t.kind = DD_TOK_OTHER;
	return t;
}

bool dd_tok_is_word(const char *text, dd_tok t, const char *word, size_t n)
{
	return t.kind == DD_TOK_IDENT && (size_t)(t.end - t.start) == n && strncasecmp(text + t.start, word, n) == 0;
}

static bool tok_is(const char *text, dd_tok t, const char *word) { return dd_tok_is_word(text, t, word, strlen(word)); }

/*
 * Our own splitter, used when a file does not parse as a whole: libpg_query's
 * scanner-based splitter gives up on lexer errors and was seen to drop a
 * statement starting with an unknown word. Semicolons do not split inside
 * BEGIN ATOMIC ... END bodies, nor inside the parentheses of CREATE RULE.
 */
size_t dd_split_statements(const char *text, int len, int **starts, int **lens)
{
	size_t n = 0, cap = 16;
	int *st = dd_xmalloc(cap * sizeof *st), *ln = dd_xmalloc(cap * sizeof *ln);
	int pos = 0, start = -1, last_end = 0, depth = 0, atomic = 0, ntok = 0;
	bool rule = false;
	dd_tok prev = { DD_TOK_EOF, 0, 0 };
	for (;;) {
		dd_tok t = dd_lex_next(text, len, pos);
		bool done = t.kind == DD_TOK_EOF || t.kind == DD_TOK_UNTERMINATED;
		bool split = t.kind == DD_TOK_SEMI && atomic == 0 && !(rule && depth > 0);
		if (split || done) {
			if (t.kind == DD_TOK_UNTERMINATED) {
				if (start < 0)
					start = t.start;
				last_end = t.end;
			}
			if (start >= 0) {
				if (n == cap) {
					cap *= 2;
					st = dd_xrealloc(st, cap * sizeof *st);
					ln = dd_xrealloc(ln, cap * sizeof *ln);
				}
				st[n] = start;
				ln[n] = last_end - start;
				n++;
			}
			start = -1;
			depth = atomic = ntok = 0;
			rule = false;
			if (done)
				break;
			pos = t.end;
			continue;
		}
		if (start < 0)
			start = t.start;
		ntok++;
		if (ntok <= 4 && tok_is(text, t, "rule"))
			rule = true;
		if (t.kind == DD_TOK_LPAREN)
			depth++;
		else if (t.kind == DD_TOK_RPAREN && depth > 0)
			depth--;
		if (atomic == 0 && tok_is(text, t, "atomic") && tok_is(text, prev, "begin"))
			atomic = 1;
		else if (atomic > 0 && tok_is(text, t, "case"))
			atomic++;
		else if (atomic > 0 && tok_is(text, t, "end"))
			atomic--;
		prev = t;
		last_end = t.end;
		pos = t.end;
	}
	*starts = st;
	*lens = ln;
	return n;
}

size_t dd_utf8_clip(const char *s, size_t len, size_t n)
{
	if (len <= n)
		return len;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* Bytes written to a buffer of `cap` bytes (NUL kept room for), counted in full beyond it. */
typedef struct sink { char *out; size_t cap, n; } sink;

static void put(sink *k, char c)
{
	if (k->n + 1 < k->cap)
		k->out[k->n] = c;
	k->n++;
}

static void put_utf8(sink *k, unsigned long cp)
{
	if (cp < 0x80) {
		put(k, (char)cp);
	} else if (cp < 0x800) {
		put(k, (char)(0xC0 | (cp >> 6)));
		put(k, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		put(k, (char)(0xE0 | (cp >> 12)));
		put(k, (char)(0x80 | ((cp >> 6) & 0x3F)));
		put(k, (char)(0x80 | (cp & 0x3F)));
	} else {
		put(k, (char)(0xF0 | (cp >> 18)));
		put(k, (char)(0x80 | ((cp >> 12) & 0x3F)));
		put(k, (char)(0x80 | ((cp >> 6) & 0x3F)));
		put(k, (char)(0x80 | (cp & 0x3F)));
	}
}

/* The value of `n` hex digits at s[i..] before `end`, or -1. */
static long hex_at(const char *s, int i, int end, int n)
{
	if (i + n > end)
		return -1;
	long v = 0;
	for (int k = 0; k < n; k++) {
		int c = (unsigned char)s[i + k];
		if (!isxdigit(c))
			return -1;
		v = v * 16 + (isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
	}
	return v;
}

/* Past the whitespace and comments at text[i] (NUL-terminated text). */
static int skip_blank(const char *s, int i)
{
	for (;;) {
		while (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v')
			i++;
		if (s[i] == '-' && s[i + 1] == '-') {
			while (s[i] && s[i] != '\n')
				i++;
		} else if (s[i] == '/' && s[i + 1] == '*') {
			int depth = 1;
			i += 2;
			while (s[i] && depth > 0) {
				if (s[i] == '/' && s[i + 1] == '*') { depth++; i += 2; }
				else if (s[i] == '*' && s[i + 1] == '/') { depth--; i += 2; }
				else i++;
			}
		} else {
			return i;
		}
	}
}

/* The escape character of a U&"..." token: the one of a UESCAPE 'c' right after it, or '\'. */
static char uescape_of(const char *text, dd_tok t)
{
	int i = skip_blank(text, t.end);
	if (strncasecmp(text + i, "uescape", 7) != 0 || ident_char((unsigned char)text[i + 7]))
		return '\\';
	i = skip_blank(text, i + 7);
	if (text[i] == '\'' && text[i + 1] && text[i + 1] != '\'' && text[i + 2] == '\'')
		return text[i + 1];
	return '\\';
}

size_t dd_tok_decode(const char *text, dd_tok t, char *out, size_t cap)
{
	sink k = { out, cap, 0 };
	if (t.kind == DD_TOK_IDENT) {
		/* downcase_identifier: ASCII letters only, as for any multi-byte encoding */
		for (int i = t.start; i < t.end; i++) {
			char c = text[i];
			put(&k, (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c);
		}
	} else if (t.kind == DD_TOK_QIDENT) {
		bool unicode = text[t.start] == 'u' || text[t.start] == 'U';
		int s = t.start + (unicode ? 3 : 1), e = t.end - 1;
		char esc = unicode ? uescape_of(text, t) : 0;
		unsigned long high = 0;       /* a UTF-16 high surrogate waiting for its pair */
		for (int i = s; i < e; i++) {
			if (text[i] == '"' && i + 1 < e && text[i + 1] == '"') {
				put(&k, '"');
				i++;
				continue;
			}
			if (!unicode || text[i] != esc) {
				put(&k, text[i]);
				continue;
			}
			/* str_udeescape: \\ is the escape character itself, \XXXX and \+XXXXXX code points */
			if (i + 1 < e && text[i + 1] == esc) {
				put(&k, esc);
				i++;
				continue;
			}
			long cp = hex_at(text, i + 1, e, 4);
			int step = 4;
			if (cp < 0 && i + 1 < e && text[i + 1] == '+') {
				cp = hex_at(text, i + 2, e, 6);
				step = 7;
			}
			if (cp < 0 || cp > 0x10FFFF) {   /* PostgreSQL rejects it: keep the text as written */
				put(&k, text[i]);
				continue;
			}
			i += step;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				high = (unsigned long)cp;
				continue;
			}
			if (cp >= 0xDC00 && cp <= 0xDFFF && high) {
				cp = (long)(((high - 0xD800) << 10) + ((unsigned long)cp - 0xDC00) + 0x10000);
			}
			high = 0;
			put_utf8(&k, (unsigned long)cp);
		}
	}
	if (cap)
		k.out[k.n < cap ? k.n : cap - 1] = '\0';
	return k.n;
}

char *dd_tok_ident(dd_arena *a, const char *text, dd_tok t)
{
	char small[128];
	size_t n = dd_tok_decode(text, t, small, sizeof small);
	char *out = dd_arena_alloc(a, n + 1);
	if (n < sizeof small)
		memcpy(out, small, n + 1);
	else
		dd_tok_decode(text, t, out, n + 1);
	return out;
}

/* Does the identifier token t name `name` (of length nlen) as PostgreSQL reads it: decoded, and
 * cut to 63 bytes as truncate_identifier does? The whole decoded text matches too. */
static bool tok_names(const char *text, dd_tok t, const char *name, size_t nlen)
{
	/* decoding never lengthens a token: escapes and quotes take more bytes than they give */
	if ((size_t)(t.end - t.start) < nlen)
		return false;
	char small[256];
	char *s = small;
	size_t n = dd_tok_decode(text, t, small, sizeof small);
	if (n >= sizeof small) {
		s = dd_xmalloc(n + 1);
		dd_tok_decode(text, t, s, n + 1);
	}
	bool same = (n == nlen || dd_utf8_clip(s, n, DD_NAME_MAX) == nlen) && memcmp(s, name, nlen) == 0;
	if (s != small)
		free(s);
	return same;
}

/* ---- positions of names in statements ---- */

dd_loc dd_stmt_token_loc(const dd_stmt *st, int offset)
{
	dd_loc l = { st->file, offset, 0 };
	if (offset < 0) {
		l.offset = st->offset;
		return l;
	}
	dd_tok t = dd_lex_next(l.file->text, (int)l.file->len, offset);
	if (t.start == offset && t.kind != DD_TOK_EOF)
		l.len = t.end - t.start;
	return l;
}

dd_loc dd_name_loc(const dd_file *f, int offset)
{
	dd_loc l = { f, offset, 0 };
	if (offset < 0)
		return l;
	int pos = offset;
	for (;;) {
		dd_tok t = dd_lex_next(f->text, (int)f->len, pos);
		if (t.kind != DD_TOK_IDENT && t.kind != DD_TOK_QIDENT)
			return l;
		l.offset = t.start;
		l.len = t.end - t.start;
		dd_tok dot = dd_lex_next(f->text, (int)f->len, t.end);
		if (dot.kind != DD_TOK_DOT)
			return l;
		pos = dot.end;
	}
}

dd_loc dd_stmt_find_ident(const dd_stmt *st, int from, const char *name)
{
	const dd_file *f = st->file;
	int end = st->offset + st->len;
	dd_loc l = { f, st->offset, 0 };
	int pos = from < st->offset ? st->offset : from;
	size_t nlen = strlen(name);
	while (pos < end) {
		dd_tok t = dd_lex_next(f->text, end, pos);
		if (t.kind == DD_TOK_EOF || t.kind == DD_TOK_UNTERMINATED)
			break;
		if ((t.kind == DD_TOK_IDENT || t.kind == DD_TOK_QIDENT) && tok_names(f->text, t, name, nlen)) {
			l.offset = t.start;
			l.len = t.end - t.start;
			return l;
		}
		pos = t.end;
	}
	return l;
}
