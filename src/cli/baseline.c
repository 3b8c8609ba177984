/* Baselines (see baseline.h): read, match, record, tighten and write .ddlint-baseline.json. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>
#include "baseline.h"
#include "source.h"

#define BASELINE_FORMAT 1
#define BASELINE_MAX_BYTES ((size_t)64 << 20)   /* far above any real project's */
#define BASELINE_MAX_COUNT 1000000000

typedef struct entry {
	char *file, *rule, *object, *message;   /* object: "" for none */
	long count, used;
} entry;

struct dd_baseline {
	char *path;
	char *dir;          /* absolute, normalised: what entry files are relative to */
	char **linted;      /* the files linted this run (relative, as entries name them): only */
	size_t n_linted;    /* their entries can be gone */
	char *last_path, *last_rel;   /* the last file name turned relative (findings come by file) */
	entry *entries;
	size_t n, cap;
	bool sorted;
};

static int cmp_entry(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (!c)
		c = strcmp(x->rule, y->rule);
	if (!c)
		c = strcmp(x->object, y->object);
	if (!c)
		c = strcmp(x->message, y->message);
	return c;
}

/* Sorted, with equal identities merged (their counts added). */
static void sort_entries(dd_baseline *b)
{
	if (b->sorted)
		return;
	qsort(b->entries, b->n, sizeof *b->entries, cmp_entry);
	size_t k = 0;
	for (size_t i = 0; i < b->n; i++) {
		if (k && cmp_entry(&b->entries[k - 1], &b->entries[i]) == 0) {
			entry *e = &b->entries[k - 1];
			e->count = e->count + b->entries[i].count > BASELINE_MAX_COUNT ? BASELINE_MAX_COUNT : e->count + b->entries[i].count;
			free(b->entries[i].file);
			free(b->entries[i].rule);
			free(b->entries[i].object);
			free(b->entries[i].message);
			continue;
		}
		b->entries[k++] = b->entries[i];
	}
	b->n = k;
	b->sorted = true;
}

static void add_entry(dd_baseline *b, const char *file, const char *rule, const char *object, const char *message, long count)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->entries = dd_xrealloc(b->entries, b->cap * sizeof *b->entries);
	}
	entry *e = &b->entries[b->n++];
	e->file = dd_xstrdup(file);
	e->rule = dd_xstrdup(rule);
	e->object = dd_xstrdup(object ? object : "");
	e->message = dd_xstrdup(message);
	e->count = count;
	e->used = 0;
	b->sorted = false;
}

/* An absolute path with "." and ".." and repeated slashes taken out (lexically); heap. */
static char *absolute(const char *path)
{
	dd_buf in = { 0 };
	if (path[0] != '/') {
		char *cwd = getcwd(NULL, 0);
		dd_buf_puts(&in, cwd ? cwd : "");
		free(cwd);
		dd_buf_puts(&in, "/");
	}
	dd_buf_puts(&in, path);
	size_t n = in.len;
	char *out = dd_xmalloc(n + 2);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		while (i < n && in.data[i] == '/')
			i++;
		size_t s = i;
		while (i < n && in.data[i] != '/')
			i++;
		size_t len = i - s;
		if (len == 0 || (len == 1 && in.data[s] == '.'))
			continue;
		if (len == 2 && in.data[s] == '.' && in.data[s + 1] == '.') {
			while (k > 0 && out[k - 1] != '/')
				k--;
			if (k > 0)
				k--;
			continue;
		}
		out[k++] = '/';
		memcpy(out + k, in.data + s, len);
		k += len;
	}
	if (k == 0)
		out[k++] = '/';
	out[k] = '\0';
	dd_buf_free(&in);
	return out;
}

/* `path` relative to the directory `dir` (both absolute and normalised); heap. */
static char *relative(const char *dir, const char *path)
{
	size_t common = 0;   /* length of the longest common prefix of whole components */
	for (size_t i = 0;; i++) {
		bool dend = dir[i] == '\0' || dir[i] == '/', pend = path[i] == '\0' || path[i] == '/';
		if (dend && pend)
			common = i;
		if (dir[i] != path[i] || dir[i] == '\0')
			break;
	}
	if (strcmp(dir, "/") == 0)
		return dd_xstrdup(path + 1);
	dd_buf b = { 0 };
	for (const char *p = dir + common; *p; p++)
		if (*p == '/')
			dd_buf_puts(&b, "../");
	const char *rest = path + common;
	if (*rest == '/')
		rest++;
	dd_buf_puts(&b, rest);
	char *out = dd_xstrdup(b.data ? b.data : "");
	dd_buf_free(&b);
	return out;
}

static char *dir_of(const char *path)
{
	char *abs = absolute(path);
	char *real = realpath(abs, NULL);   /* the baseline file, when it exists */
	char *slash;
	if (!real) {
		/* a file still to be written: its directory's real path */
		slash = strrchr(abs, '/');
		*(slash == abs ? slash + 1 : slash) = '\0';
		real = realpath(abs, NULL);
		free(abs);
		return real ? real : dd_xstrdup("/");
	}
	free(abs);
	slash = strrchr(real, '/');
	*(slash == real ? slash + 1 : slash) = '\0';
	return real;
}

dd_baseline *dd_baseline_new(const char *path)
{
	dd_baseline *b = dd_xcalloc(1, sizeof *b);
	b->path = dd_xstrdup(path);
	b->dir = dir_of(path);
	b->sorted = true;
	return b;
}

void dd_baseline_free(dd_baseline *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++) {
		free(b->entries[i].file);
		free(b->entries[i].rule);
		free(b->entries[i].object);
		free(b->entries[i].message);
	}
	for (size_t i = 0; i < b->n_linted; i++)
		free(b->linted[i]);
	free(b->linted);
	free(b->last_path);
	free(b->last_rel);
	free(b->entries);
	free(b->path);
	free(b->dir);
	free(b);
}

const char *dd_baseline_path(const dd_baseline *b) { return b->path; }

static int bad(const char *path, const char *why)
{
	fprintf(stderr, "ddlint: baseline '%s': %s; write it again with 'ddlint baseline'\n", path, why);
	return -1;
}

static bool text_field(json_t *o, const char *key, bool nullable, const char **out)
{
	json_t *v = json_object_get(o, key);
	if (nullable && (!v || json_is_null(v))) {
		*out = "";
		return true;
	}
	if (!json_is_string(v) || (!nullable && json_string_length(v) == 0) || strlen(json_string_value(v)) != json_string_length(v))
		return false;
	*out = json_string_value(v);
	return true;
}

int dd_baseline_read(const char *path, dd_baseline **out)
{
	*out = NULL;
	/* looked at before it is opened: opening a FIFO would wait for a writer */
	struct stat pre;
	if (stat(path, &pre) == 0 && !S_ISREG(pre.st_mode)) {
		fprintf(stderr, "ddlint: baseline '%s' is not a regular file\n", path);
		return -1;
	}
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		if (errno == ENOENT)
			return 1;
		fprintf(stderr, "ddlint: cannot read baseline '%s': %s\n", path, strerror(errno));
		return -1;
	}
	struct stat sb;
	if (fstat(fileno(fp), &sb) == 0 && !S_ISREG(sb.st_mode)) {
		fclose(fp);
		fprintf(stderr, "ddlint: baseline '%s' is not a regular file\n", path);
		return -1;
	}
	if (fstat(fileno(fp), &sb) == 0 && (size_t)sb.st_size > BASELINE_MAX_BYTES) {
		fclose(fp);
		fprintf(stderr, "ddlint: baseline '%s' is larger than %zu MiB; not a baseline ddlint wrote\n", path, BASELINE_MAX_BYTES >> 20);
		return -1;
	}
	char *text;
	size_t len;
	const char *why;
	int rc = dd_read_stream(fp, &text, &len, &why);
	fclose(fp);
	if (rc != 0) {
		fprintf(stderr, "ddlint: cannot read baseline '%s': %s\n", path, why);
		return -1;
	}
	if (len > BASELINE_MAX_BYTES) {
		free(text);
		fprintf(stderr, "ddlint: baseline '%s' is larger than %zu MiB; not a baseline ddlint wrote\n", path, BASELINE_MAX_BYTES >> 20);
		return -1;
	}
	json_error_t err;
	json_t *doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	free(text);
	if (!doc) {
		fprintf(stderr, "ddlint: baseline '%s' is not valid JSON (line %d: %s); write it again with 'ddlint baseline'\n",
			path, err.line, err.text);
		return -1;
	}
	rc = -1;
	dd_baseline *b = NULL;
	json_t *version = json_object_get(doc, "version"), *entries = json_object_get(doc, "entries");
	char msg[128];
	if (!json_is_object(doc))
		bad(path, "the document is not a JSON object");
	else if (!json_is_integer(version))
		bad(path, "no integer \"version\"");
	else if (json_integer_value(version) != BASELINE_FORMAT)
		fprintf(stderr, "ddlint: baseline '%s' has format version %lld; this ddlint reads version %d\n", path,
			(long long)json_integer_value(version), BASELINE_FORMAT);
	else if (!json_is_array(entries))
		bad(path, "no \"entries\" array");
	else {
		b = dd_baseline_new(path);
		rc = 0;
		for (size_t i = 0; i < json_array_size(entries); i++) {
			json_t *e = json_array_get(entries, i), *count = json_object_get(e, "count");
			const char *file, *rule, *object, *message;
			if (!json_is_object(e)) {
				snprintf(msg, sizeof msg, "entry %zu is not an object", i + 1);
				rc = bad(path, msg);
				break;
			}
			const char *missing = !text_field(e, "file", false, &file) ? "file" : !text_field(e, "rule", false, &rule) ? "rule"
					    : !text_field(e, "object", true, &object) ? "object" : !text_field(e, "message", false, &message) ? "message" : NULL;
			if (missing) {
				snprintf(msg, sizeof msg, "\"%s\" of entry %zu is not a string", missing, i + 1);
				rc = bad(path, msg);
				break;
			}
			if (!json_is_integer(count) || json_integer_value(count) < 1 || json_integer_value(count) > BASELINE_MAX_COUNT) {
				snprintf(msg, sizeof msg, "\"count\" of entry %zu is not a whole number from 1 to 1000000000", i + 1);
				rc = bad(path, msg);
				break;
			}
			add_entry(b, file, rule, object, message, (long)json_integer_value(count));
		}
	}
	json_decref(doc);
	if (rc != 0) {
		dd_baseline_free(b);
		return -1;
	}
	sort_entries(b);
	*out = b;
	return 0;
}

/* A file relative to the baseline's directory, with forward slashes: through its real path when
 * it exists, as the baseline's directory is (a symlink, ./x.sql and x.sql name one file); heap. */
static char *file_key(dd_baseline *b, const char *path)
{
	if (b->last_path && strcmp(b->last_path, path) == 0)
		return dd_xstrdup(b->last_rel);
	char *abs = realpath(path, NULL);
	if (!abs)
		abs = absolute(path);
	char *rel = relative(b->dir, abs);
	free(abs);
	free(b->last_path);
	free(b->last_rel);
	b->last_path = dd_xstrdup(path);
	b->last_rel = dd_xstrdup(rel);
	return rel;
}

static char *diag_file(dd_baseline *b, const dd_diag *d) { return file_key(b, d->path); }

void dd_baseline_linted(dd_baseline *b, const char *path)
{
	char *rel = file_key(b, path);
	b->linted = dd_xrealloc(b->linted, (b->n_linted + 1) * sizeof *b->linted);
	b->linted[b->n_linted++] = rel;
}

static bool was_linted(const dd_baseline *b, const char *file)
{
	for (size_t i = 0; i < b->n_linted; i++)
		if (strcmp(b->linted[i], file) == 0)
			return true;
	return false;
}

void dd_baseline_match(dd_baseline *b, dd_result *r, size_t from)
{
	sort_entries(b);
	for (size_t i = from; i < r->n; i++) {
		dd_diag *d = &r->diags[i];
		if (d->suppressed)
			continue;
		entry key = { diag_file(b, d), (char *)d->rule, (char *)(d->object ? d->object : ""), (char *)d->message, 0, 0 };
		entry *e = b->n ? bsearch(&key, b->entries, b->n, sizeof *b->entries, cmp_entry) : NULL;
		free(key.file);
		if (!e || e->used >= e->count)
			continue;
		e->used++;
		d->baselined = true;
		r->counts[d->severity]--;
		r->baselined++;
	}
}

void dd_baseline_record(dd_baseline *b, const dd_result *r, size_t from)
{
	for (size_t i = from; i < r->n; i++) {
		const dd_diag *d = &r->diags[i];
		if (d->suppressed)
			continue;
		char *file = diag_file(b, d);
		add_entry(b, file, d->rule, d->object, d->message, 1);
		free(file);
	}
	sort_entries(b);
}

size_t dd_baseline_gone(const dd_baseline *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		if (was_linted(b, b->entries[i].file))
			n += (size_t)(b->entries[i].count - b->entries[i].used);
	return n;
}

size_t dd_baseline_total(const dd_baseline *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		n += (size_t)b->entries[i].count;
	return n;
}

void dd_baseline_tighten(dd_baseline *b)
{
	size_t k = 0;
	for (size_t i = 0; i < b->n; i++) {
		entry *e = &b->entries[i];
		if (!was_linted(b, e->file)) {   /* not linted this time: kept as it is */
			b->entries[k++] = *e;
			continue;
		}
		if (e->used == 0) {
			free(e->file);
			free(e->rule);
			free(e->object);
			free(e->message);
			continue;
		}
		e->count = e->used;
		b->entries[k++] = *e;
	}
	b->n = k;
}

int dd_baseline_write(const dd_baseline *b)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < b->n; i++) {
		const entry *e = &b->entries[i];
		json_t *o = json_object();
		json_object_set_new(o, "file", json_string(e->file));
		json_object_set_new(o, "rule", json_string(e->rule));
		json_object_set_new(o, "object", e->object[0] ? json_string(e->object) : json_null());
		json_object_set_new(o, "message", json_string(e->message));
		json_object_set_new(o, "count", json_integer(e->count));
		json_array_append_new(arr, o);
	}
	json_t *doc = json_object();
	json_object_set_new(doc, "version", json_integer(BASELINE_FORMAT));
	json_object_set_new(doc, "tool", json_string("ddlint " DDLINT_VERSION));
	json_object_set_new(doc, "entries", arr);
	/* a temporary file beside it, renamed over it: a reader never sees half a baseline; a
	 * baseline that is a symbolic link is written where the link leads, and stays a link */
	char *real = realpath(b->path, NULL);
	const char *target = real ? real : b->path;
	size_t n = strlen(target) + 16;
	char *tmp = dd_xmalloc(n);
	snprintf(tmp, n, "%s.tmp-XXXXXX", target);
	int fd = mkstemp(tmp);
	FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!out) {
		fprintf(stderr, "ddlint: cannot write baseline '%s': %s\n", b->path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		json_decref(doc);
		free(tmp);
		free(real);
		return -1;
	}
	int rc = dd_write_json(out, doc);
	if (fflush(out) != 0 || fsync(fileno(out)) != 0)
		rc = -1;
	if (fclose(out) != 0)
		rc = -1;
	if (rc == 0) {
		mode_t mask = umask(0);
		umask(mask);
		chmod(tmp, 0666 & ~mask);
		if (rename(tmp, target) != 0)
			rc = -1;
	}
	if (rc != 0) {
		fprintf(stderr, "ddlint: cannot write baseline '%s': %s\n", b->path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	free(real);
	return rc;
}
