/* Pieces several reporters share: fingerprints, the source line, paths as URIs. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>
#include "report.h"

const char *dd_diag_line_text(const dd_diag *d, size_t *len)
{
	const dd_file *f = d->file;
	if (d->line < 1 || d->line > f->n_lines) {
		*len = 0;
		return "";
	}
	const char *s = f->text + f->line_starts[d->line - 1];
	const char *e = s;
	while (e < f->text + f->len && *e != '\n' && *e != '\r')
		e++;
	while (s < e && isspace((unsigned char)*s))
		s++;
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	*len = (size_t)(e - s);
	return s;
}

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/*
 * A fingerprint that survives unrelated edits: the rule, the file, the object and the
 * text of the offending line (not its number), and which occurrence of that it is.
 */
void dd_diag_fingerprint(const dd_result *r, size_t index, char out[17])
{
	const dd_diag *d = &r->diags[index];
	size_t len;
	const char *line = dd_diag_line_text(d, &len);
	uint64_t h = 1469598103934665603ULL;
	h = fnv(h, d->rule, strlen(d->rule) + 1);
	h = fnv(h, d->path, strlen(d->path) + 1);
	if (d->object)
		h = fnv(h, d->object, strlen(d->object) + 1);
	h = fnv(h, line, len);
	uint64_t base = h;
	int occurrence = 0;
	for (size_t i = 0; i < index; i++) {
		const dd_diag *e = &r->diags[i];
		if (strcmp(e->rule, d->rule) != 0 || strcmp(e->path, d->path) != 0)
			continue;
		size_t l2;
		const char *t2 = dd_diag_line_text(e, &l2);
		uint64_t h2 = fnv(fnv(1469598103934665603ULL, e->rule, strlen(e->rule) + 1), e->path, strlen(e->path) + 1);
		if (e->object)
			h2 = fnv(h2, e->object, strlen(e->object) + 1);
		if (fnv(h2, t2, l2) == base)
			occurrence++;
	}
	char occ[16];
	snprintf(occ, sizeof occ, "#%d", occurrence);
	h = fnv(h, occ, strlen(occ));
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

char *dd_path_uri(const char *path)
{
	/* relative to the working directory when it is below it; percent-encode the rest */
	char *cwd = getcwd(NULL, 0);
	const char *p = path;
	size_t n = cwd ? strlen(cwd) : 0;
	bool absolute = path[0] == '/';
	if (absolute && cwd && strncmp(path, cwd, n) == 0 && path[n] == '/') {
		p = path + n + 1;
		absolute = false;
	}
	while (!absolute && p[0] == '.' && p[1] == '/')
		p += 2;
	dd_buf b = { 0 };
	if (absolute)
		dd_buf_puts(&b, "file://");
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c) || strchr("-._~/", c))
			dd_buf_add(&b, (const char *)p, 1);
		else
			dd_buf_printf(&b, "%%%02X", c);
	}
	free(cwd);
	char *out = dd_xstrdup(b.data ? b.data : "");
	dd_buf_free(&b);
	return out;
}

int dd_write_json(FILE *out, json_t *doc)
{
	int rc = json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(doc);
	return rc == 0 && !ferror(out) ? 0 : -1;
}
