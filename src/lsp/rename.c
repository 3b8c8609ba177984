/*
 * The rename quick fix: a naming rule's finding at a name this document creates (CREATE
 * TABLE / INDEX / TYPE / VIEW / ..., a column or constraint of CREATE TABLE, ALTER TABLE ...
 * ADD [COLUMN] / ADD CONSTRAINT), with the rule's suggested name, is offered as "Rename X to
 * Y" only when nothing else can be using the name yet: no identifier PostgreSQL reads as X
 * anywhere but at the definition, in this document or any other file the lint can see (the
 * migration directory, earlier and later migrations alike, the lint's context files, the
 * workspace folders, the other open documents), and nothing called Y either. Mentions in the
 * migration's own down (its down file, or the down sections of this file) are renamed with it:
 * the name being nowhere else, they can only be this object's.
 *
 * What counts as a mention is decided by the project's lexer (dd_lex_next), never by a text
 * search: every identifier token, unquoted ones folded as PostgreSQL folds them and quoted ones
 * exact, both cut to 63 bytes; qualified names are their parts, so s.t mentions t; a column
 * name is mentioned by any table's column of that name (which table a bare name means is not
 * decided: such a fix is not offered). String constants and dollar-quoted bodies are read
 * as SQL too (function bodies, 'name'::regclass, nextval('name')). Comments do not count.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "source.h"
#include "run.h"
#include "lsp/lsp_priv.h"

/* The rules whose suggestion is the name to use instead. */
static const char *const rename_rules[] = {
	"naming/snake-case", "naming/table-plural", "naming/boolean-prefix", "naming/timestamp-suffix",
	"naming/enum-suffix", "naming/constraint-name", "naming/index-name", "naming/primary-key-column",
	"naming/foreign-key-column", NULL
};

/* How far the scan of directories goes before it gives up (and offers nothing). */
#define MAX_FILES 20000
#define MAX_DEPTH 8
/* How deep strings inside strings are read as SQL. */
#define MAX_NEST 4

bool lsp_rename_candidate(const dd_diag *x)
{
	if (!x->suggestion || !*x->suggestion || !x->file || !x->object)
		return false;
	bool rule = false;
	for (int i = 0; rename_rules[i] && !rule; i++)
		rule = strcmp(rename_rules[i], x->rule) == 0;
	if (!rule || x->file->role == DD_ROLE_DOWN)
		return false;
	for (size_t i = 0; i < x->file->n_sections; i++) {
		const dd_section *sc = &x->file->sections[i];
		if (sc->down && x->offset >= sc->start && x->offset < sc->end)
			return false;
	}
	return true;
}

/* The real path of a file, or of its directory and its name when it is not on disk yet. */
static char *real_of(const char *path)
{
	char *r = realpath(path, NULL);
	const char *slash = strrchr(path, '/');
	if (r || !slash)
		return r;
	char *dir = dd_xstrdup(path);
	dir[slash - path] = '\0';
	char *rdir = realpath(*dir ? dir : "/", NULL);
	free(dir);
	if (!rdir)
		return NULL;
	r = dd_xmalloc(strlen(rdir) + strlen(slash) + 1);
	sprintf(r, "%s%s", rdir, slash);
	free(rdir);
	return r;
}

static void add_str(char ***v, size_t *n, const char *s)
{
	*v = dd_xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = dd_xstrdup(s);
}

static bool under(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	return strncmp(path, dir, n) == 0 && (path[n] == '/' || (n > 0 && dir[n - 1] == '/'));
}

void lsp_rename_scope(lsp_doc *d, dd_run *const *runs, size_t n_runs)
{
	lsp_scope_free(d);
	lsp_scope *sc = &d->scope;
	char *self = d->path ? real_of(d->path) : NULL;
	for (size_t r = 0; r < n_runs; r++) {
		const dd_run *run = runs[r];
		for (size_t i = 0; i < run->n_migration_dirs; i++)
			add_str(&sc->dirs, &sc->n_dirs, run->migration_dirs[i]->root);
		for (size_t i = 0; i < run->n_files; i++) {
			const dd_file *f = run->files[i];
			if (!f->fs_real)
				continue;   /* a part of a file read as a file of its own (a Liquibase down) */
			if (f->report && self && strcmp(f->fs_real, self) == 0) {   /* the document, linted from its buffer */
				const dd_migration *m = f->migration;
				for (size_t k = 0; k < f->n_sections; k++)
					if (f->sections[k].down) {
						sc->downs = dd_xrealloc(sc->downs, (sc->n_downs + 1) * sizeof *sc->downs);
						sc->downs[sc->n_downs][0] = (size_t)f->sections[k].start;
						sc->downs[sc->n_downs++][1] = (size_t)f->sections[k].end;
					}
				if (m && m->down && m->down != f && m->down->fs_real) {
					free(sc->pair);
					sc->pair = dd_xstrdup(m->down->fs_real);
				}
				continue;
			}
			bool in_dir = false;
			for (size_t k = 0; k < sc->n_dirs && !in_dir; k++)
				in_dir = under(f->path, sc->dirs[k]) || under(f->fs_real, sc->dirs[k]);
			if (!in_dir)
				add_str(&sc->files, &sc->n_files, f->fs_real);
		}
	}
	free(self);
	/* the down of the migration may not be in the run (a down is read only when checked) */
	if (!sc->pair && d->path) {
		static const char *const ends[][2] = { { ".up.sql", ".down.sql" }, { "/up.sql", "/down.sql" } };
		for (int i = 0; i < 2 && !sc->pair; i++)
			if (dd_has_suffix(d->path, ends[i][0])) {
				size_t n = strlen(d->path) - strlen(ends[i][0]);
				char *p = dd_xmalloc(n + strlen(ends[i][1]) + 1);
				memcpy(p, d->path, n);
				strcpy(p + n, ends[i][1]);
				struct stat st;
				if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
					sc->pair = p;
				else
					free(p);
			}
	}
	sc->set = true;
}

void lsp_scope_free(lsp_doc *d)
{
	lsp_scope *sc = &d->scope;
	for (size_t i = 0; i < sc->n_dirs; i++)
		free(sc->dirs[i]);
	for (size_t i = 0; i < sc->n_files; i++)
		free(sc->files[i]);
	free(sc->dirs);
	free(sc->files);
	free(sc->downs);
	free(sc->pair);
	memset(sc, 0, sizeof *sc);
}

/* ---- identifiers ---- */

/* The name PostgreSQL reads from an identifier token, cut to 63 bytes, in out (NUL-terminated). */
static size_t ident_key(const char *text, dd_tok t, char *out, size_t cap)
{
	size_t n = dd_tok_decode(text, t, out, cap);
	if (n >= cap)
		n = cap - 1;
	n = dd_utf8_clip(out, n, DD_NAME_MAX);
	out[n] = '\0';
	return n;
}

/* A name as a key: cut to 63 bytes. */
static size_t name_key(const char *name, char *out, size_t cap)
{
	size_t n = strlen(name);
	if (n >= cap)
		n = cap - 1;
	memcpy(out, name, n);
	n = dd_utf8_clip(out, n, DD_NAME_MAX);
	out[n] = '\0';
	return n;
}

#define KEY_CAP (DD_NAME_MAX * 4 + 8)

typedef struct hits { size_t *at; size_t n; bool other; } hits;

/*
 * The identifier tokens in text[from, to) that PostgreSQL reads as `key`, the one at byte
 * `skip` excepted, strings read as SQL; each is added to h->at when `collect`, else the first
 * one sets h->other and ends the search.
 */
static void mentions(const char *text, int from, int to, const char *key, size_t kn, int skip, bool collect, hits *h,
		     int nest)
{
	char buf[KEY_CAP];
	for (dd_tok t = dd_lex_next(text, to, from); t.kind != DD_TOK_EOF && !h->other; t = dd_lex_next(text, to, t.end)) {
		if (t.kind == DD_TOK_IDENT || t.kind == DD_TOK_QIDENT) {
			if (t.start == skip || ident_key(text, t, buf, sizeof buf) != kn || memcmp(buf, key, kn) != 0)
				continue;
			if (!collect) {
				h->other = true;
				return;
			}
			h->at = dd_xrealloc(h->at, (h->n + 1) * sizeof *h->at);
			h->at[h->n++] = (size_t)t.start;
		} else if ((t.kind == DD_TOK_STRING || t.kind == DD_TOK_UNTERMINATED) && nest < MAX_NEST) {
			/* the text between the quotes ('..', E'..', $tag$..$tag$) or after an opening one */
			int a = t.start + 1, b = t.end;
			if (t.kind == DD_TOK_STRING && text[t.start] == '$') {
				int q = a;
				while (q < b && text[q] != '$')
					q++;
				a = q + 1;
				b -= q - t.start + 1;
			} else if (t.kind == DD_TOK_STRING) {
				a = t.start;
				while (a < b && text[a] != '\'')
					a++;
				a++;
				b--;
			}
			if (a < b) {
				/* a mention in a string cannot be renamed as a token: it counts as another use */
				hits inner = { 0 };
				mentions(text, a, b, key, kn, skip, false, &inner, nest + 1);
				if (inner.other) {
					h->other = true;
					return;
				}
			}
		}
	}
}

/* Can text hold a token PostgreSQL reads as key? Not when the key's bytes (ASCII letters in any
 * case) are nowhere in it, unless a quoted name could spell it otherwise ("" in it, U&"..."). */
static bool may_mention(const char *text, size_t len, const char *key, size_t kn)
{
	if (memchr(key, '"', kn))
		return true;
	for (size_t i = 0; i + 1 < len; i++)
		if (text[i] == '&' && text[i + 1] == '"')
			return true;
	for (size_t i = 0; i + kn <= len; i++) {
		size_t k = 0;
		while (k < kn) {
			char a = text[i + k], b = key[k];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
			k++;
		}
		if (k == kn)
			return true;
	}
	return false;
}

/* ---- where the name is defined ---- */

static bool word(const char *text, const dd_tok *t, size_t n, size_t i, const char *w)
{
	return i < n && dd_tok_is_word(text, t[i], w, strlen(w));
}

static bool is_ident(const dd_tok *t, size_t n, size_t i)
{
	return i < n && (t[i].kind == DD_TOK_IDENT || t[i].kind == DD_TOK_QIDENT);
}

/* CREATE [OR REPLACE] [TEMP | UNLOGGED | UNIQUE | MATERIALIZED | ...] <kind> [CONCURRENTLY] [IF NOT EXISTS] name */
static bool create_defines(const char *text, const dd_tok *t, size_t n, size_t k)
{
	static const char *const mods[] = { "or", "replace", "global", "local", "temp", "temporary", "unlogged", "unique",
		"materialized", "recursive", NULL };
	static const char *const kinds[] = { "table", "index", "type", "domain", "view", "sequence", "schema", "function",
		"procedure", "trigger", NULL };
	size_t i = 1;
	for (bool more = true; more;) {
		more = false;
		for (int m = 0; mods[m] && !more; m++)
			if (word(text, t, n, i, mods[m])) {
				i++;
				more = true;
			}
	}
	const char *kind = NULL;
	for (int m = 0; kinds[m] && !kind; m++)
		if (word(text, t, n, i, kinds[m]))
			kind = kinds[m];
	if (!kind)
		return false;
	i++;
	if (strcmp(kind, "index") == 0 && word(text, t, n, i, "concurrently"))
		i++;
	if (word(text, t, n, i, "if") && word(text, t, n, i + 1, "not") && word(text, t, n, i + 2, "exists"))
		i += 3;
	if (!is_ident(t, n, i) || (strcmp(kind, "index") == 0 && word(text, t, n, i, "on")))
		return false;   /* CREATE INDEX ON t: no name written */
	size_t last = i;
	while (last + 2 < n && t[last + 1].kind == DD_TOK_DOT && is_ident(t, n, last + 2))
		last += 2;
	if (k == last)
		return true;
	if (strcmp(kind, "table") != 0 || last + 1 >= n || t[last + 1].kind != DD_TOK_LPAREN || k <= last + 1)
		return false;
	/* CREATE TABLE name ( column ..., CONSTRAINT name ..., ... ): k inside that list */
	int depth = 0;
	for (size_t j = last + 1; j < n && j <= k; j++) {
		if (j == k)
			return depth == 1 && (t[j - 1].kind == DD_TOK_LPAREN || t[j - 1].kind == DD_TOK_COMMA ||
					      word(text, t, n, j - 1, "constraint"));
		if (t[j].kind == DD_TOK_LPAREN)
			depth++;
		else if (t[j].kind == DD_TOK_RPAREN && --depth == 0)
			return false;   /* past the list */
	}
	return false;
}

/* ALTER TABLE ... ADD [COLUMN] [IF NOT EXISTS] name | ADD CONSTRAINT name | a column's CONSTRAINT name */
static bool alter_defines(const char *text, const dd_tok *t, size_t n, size_t k)
{
	if (!word(text, t, n, 1, "table") || k < 3)
		return false;
	size_t p = k - 1;
	if (word(text, t, n, p, "exists") && p >= 2 && word(text, t, n, p - 1, "not") && word(text, t, n, p - 2, "if"))
		p -= 3;
	if (word(text, t, n, p, "add"))
		return true;
	if (word(text, t, n, p, "column") && p > 0 && word(text, t, n, p - 1, "add"))
		return true;
	if (p == k - 1 && word(text, t, n, p, "constraint") && p > 0)
		return !(word(text, t, n, p - 1, "rename") || word(text, t, n, p - 1, "drop") ||
			 word(text, t, n, p - 1, "validate") || word(text, t, n, p - 1, "alter"));
	return false;
}

/* Is the identifier token at byte `at` the name its statement creates? */
static bool defines(const char *text, int len, int at)
{
	int *starts, *lens;
	size_t ns = dd_split_statements(text, len, &starts, &lens);
	bool yes = false;
	for (size_t i = 0; i < ns; i++) {
		if (at < starts[i] || at >= starts[i] + lens[i])
			continue;
		int end = starts[i] + lens[i];
		dd_tok *t = NULL;
		size_t n = 0, k = SIZE_MAX;
		for (dd_tok x = dd_lex_next(text, end, starts[i]); x.kind != DD_TOK_EOF; x = dd_lex_next(text, end, x.end)) {
			t = dd_xrealloc(t, (n + 1) * sizeof *t);
			if (x.start == at)
				k = n;
			t[n++] = x;
		}
		if (k != SIZE_MAX && k > 0 && is_ident(t, n, k)) {
			if (word(text, t, n, 0, "create"))
				yes = create_defines(text, t, n, k);
			else if (word(text, t, n, 0, "alter"))
				yes = alter_defines(text, t, n, k);
		}
		free(t);
		break;
	}
	free(starts);
	free(lens);
	return yes;
}

/* ---- the files that can mention the name ---- */

typedef struct paths { char **v; size_t n; bool overflow; } paths;

static void add_path(paths *p, const char *path, bool real_already)
{
	if (p->n >= MAX_FILES) {
		p->overflow = true;
		return;
	}
	char *real = real_already ? dd_xstrdup(path) : realpath(path, NULL);
	if (!real)
		return;   /* gone since */
	p->v = dd_xrealloc(p->v, (p->n + 1) * sizeof *p->v);
	p->v[p->n++] = real;
}

/* The .sql files of dir, a real path (and, when deep, of its folders but those whose name starts
 * with a dot): a name in it that is not a symbolic link is a real path too. */
static void scan_dir(paths *p, const char *dir, bool deep, int depth)
{
	DIR *dh = opendir(dir);
	if (!dh)
		return;
	struct dirent *e;
	while ((e = readdir(dh)) != NULL && !p->overflow) {
		if (e->d_name[0] == '.')
			continue;
		size_t dn = strlen(dir), en = strlen(e->d_name);
		char *path = dd_xmalloc(dn + en + 2);
		memcpy(path, dir, dn);
		path[dn] = '/';
		memcpy(path + dn + 1, e->d_name, en + 1);
		struct stat st;
		if (lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode) && deep) {   /* a symbolic link to a folder is not followed: no loops */
				if (depth < MAX_DEPTH)
					scan_dir(p, path, deep, depth + 1);
				else
					p->overflow = true;
			} else if (dd_has_suffix(e->d_name, ".sql") && (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))) {
				add_path(p, path, S_ISREG(st.st_mode));
			}
		}
		free(path);
	}
	closedir(dh);
}

static int str_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Scan a directory given by any path, once: not again when a deep scan already covered it. */
static void scan_root(paths *p, char ***done, size_t *n_done, const char *dir, bool deep)
{
	char *real = realpath(dir, NULL);
	if (!real)
		return;
	for (size_t i = 0; i < *n_done; i++)
		if (strcmp(real, (*done)[i]) == 0 || under(real, (*done)[i])) {
			free(real);
			return;
		}
	scan_dir(p, real, deep, 0);
	if (deep) {
		*done = dd_xrealloc(*done, (*n_done + 1) * sizeof **done);
		(*done)[(*n_done)++] = real;
	} else {
		free(real);
	}
}

struct lsp_files {
	char **paths;                /* real paths, sorted, each once, the document's own left out */
	char **texts;                /* read when first searched (NULL: not yet) */
	size_t *lens;
	bool *read, *failed;
	size_t n;
	char **doc_real;             /* the open documents' real paths */
	const lsp_doc **docs;
	size_t n_docs;
	bool overflow;               /* more files than searched: nothing is offered */
};

void lsp_files_free(lsp_files *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		free(f->paths[i]);
		free(f->texts[i]);
	}
	free(f->paths);
	free(f->texts);
	free(f->lens);
	free(f->read);
	free(f->failed);
	for (size_t i = 0; i < f->n_docs; i++)
		free(f->doc_real[i]);
	free(f->doc_real);
	free(f->docs);
	free(f);
}

/* Every .sql file the lint of the document can see, but the document. */
static lsp_files *collect_files(const lsp_server *s, const lsp_doc *d)
{
	const lsp_scope *sc = &d->scope;
	paths ps = { 0 };
	char **done = NULL;
	size_t n_done = 0;
	for (size_t i = 0; i < s->n_roots; i++)   /* the workspace folders first: they hold the rest */
		if (d->path && under(d->path, s->roots[i]))
			scan_root(&ps, &done, &n_done, s->roots[i], true);
	for (size_t i = 0; i < sc->n_dirs; i++)
		scan_root(&ps, &done, &n_done, sc->dirs[i], true);
	if (d->path) {
		char *dir = dd_xstrdup(d->path), *slash = strrchr(dir, '/');
		if (slash) {
			*slash = '\0';
			scan_root(&ps, &done, &n_done, *dir ? dir : "/", false);
		}
		free(dir);
	}
	for (size_t i = 0; i < n_done; i++)
		free(done[i]);
	free(done);
	for (size_t i = 0; i < sc->n_files; i++)
		add_path(&ps, sc->files[i], false);
	for (const lsp_doc *o = s->docs; o; o = o->next)
		if (o != d && o->path)
			add_path(&ps, o->path, false);
	if (sc->pair)
		add_path(&ps, sc->pair, false);
	if (ps.n)
		qsort(ps.v, ps.n, sizeof *ps.v, str_cmp);
	char *self = d->path ? real_of(d->path) : NULL;
	lsp_files *f = dd_xcalloc(1, sizeof *f);
	f->overflow = ps.overflow;
	f->paths = dd_xcalloc(ps.n + 1, sizeof *f->paths);
	f->texts = dd_xcalloc(ps.n + 1, sizeof *f->texts);
	f->lens = dd_xcalloc(ps.n + 1, sizeof *f->lens);
	f->read = dd_xcalloc(ps.n + 1, sizeof *f->read);
	f->failed = dd_xcalloc(ps.n + 1, sizeof *f->failed);
	for (size_t i = 0; i < ps.n; i++) {
		if ((f->n > 0 && strcmp(ps.v[i], f->paths[f->n - 1]) == 0) || (self && strcmp(ps.v[i], self) == 0)) {
			free(ps.v[i]);
			continue;
		}
		f->paths[f->n++] = ps.v[i];
	}
	free(ps.v);
	free(self);
	for (const lsp_doc *o = s->docs; o; o = o->next) {
		char *r = o->path ? real_of(o->path) : NULL;
		if (!r)
			continue;
		f->doc_real = dd_xrealloc(f->doc_real, (f->n_docs + 1) * sizeof *f->doc_real);
		f->docs = dd_xrealloc(f->docs, (f->n_docs + 1) * sizeof *f->docs);
		f->doc_real[f->n_docs] = r;
		f->docs[f->n_docs++] = o;
	}
	return f;
}

static char *read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	char *text = NULL;
	const char *why;
	struct stat st;
	if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode) || dd_read_stream(fp, &text, len, &why) != 0)
		text = NULL;
	fclose(fp);
	return text;
}

/* ---- the action ---- */

/* The new name as an identifier: bare when PostgreSQL reads it back unchanged, else quoted. */
static char *identifier(const char *name)
{
	bool bare = (*name >= 'a' && *name <= 'z') || *name == '_';
	for (const char *c = name; *c && bare; c++)
		bare = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_';
	if (bare && dd_keyword_kind(name) > 1)   /* unreserved keywords are names anywhere */
		bare = false;
	if (bare)
		return dd_xstrdup(name);
	size_t n = strlen(name);
	char *q = dd_xmalloc(2 * n + 3), *o = q;
	*o++ = '"';
	for (const char *c = name; *c; c++) {
		if (*c == '"')
			*o++ = '"';
		*o++ = *c;
	}
	*o++ = '"';
	*o = '\0';
	return q;
}

static json_t *edits_at(const char *text, size_t len, const size_t *at, size_t n, const char *new_text)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		dd_tok t = dd_lex_next(text, (int)len, (int)at[i]);
		long sl, sc, el, ec;
		dd_lsp_position(text, len, (size_t)t.start, &sl, &sc);
		dd_lsp_position(text, len, (size_t)t.end, &el, &ec);
		json_array_append_new(arr, json_pack("{s:{s:{s:I, s:I}, s:{s:I, s:I}}, s:s}", "range", "start", "line",
						     (json_int_t)sl, "character", (json_int_t)sc, "end", "line", (json_int_t)el,
						     "character", (json_int_t)ec, "newText", new_text));
	}
	return arr;
}

/* Is byte `at` of the document in one of its down sections? */
static bool in_down(const lsp_scope *sc, size_t at)
{
	for (size_t i = 0; i < sc->n_downs; i++)
		if (at >= sc->downs[i][0] && at < sc->downs[i][1])
			return true;
	return false;
}

/* The open document of a real path, if any. */
static const lsp_doc *open_doc(const lsp_files *f, const char *real)
{
	for (size_t i = 0; i < f->n_docs; i++)
		if (strcmp(f->doc_real[i], real) == 0)
			return f->docs[i];
	return NULL;
}

json_t *lsp_rename_action(lsp_server *s, lsp_doc *d, const lsp_diag *g, lsp_files **files)
{
	if (!g->rename || !d->scope.set || !g->suggestion)
		return NULL;
	const lsp_scope *sc = &d->scope;
	const char *text = d->text;
	int len = (int)d->len;
	dd_tok name = dd_lex_next(text, len, (int)g->start);
	if ((name.kind != DD_TOK_IDENT && name.kind != DD_TOK_QIDENT) || (size_t)name.start != g->start ||
	    !defines(text, len, name.start))
		return NULL;
	char old_key[KEY_CAP], new_key[KEY_CAP];
	size_t on = ident_key(text, name, old_key, sizeof old_key);
	size_t nn = name_key(g->suggestion, new_key, sizeof new_key);
	/* the token is the object's name (not a keyword where an unnamed constraint starts) */
	size_t obn = strlen(g->object);
	if (on == 0 || nn == 0 || obn < on || memcmp(g->object + obn - on, old_key, on) != 0 ||
	    (obn > on && g->object[obn - on - 1] != '.'))
		return NULL;
	char *new_text = identifier(g->suggestion);
	char title[512];
	snprintf(title, sizeof title, "Rename %.*s to %s", name.end - name.start, text + name.start, new_text);
	if (on == nn && memcmp(old_key, new_key, on) == 0) {
		/* Foo to foo: the name PostgreSQL reads is the same, every use of it stays right */
		json_t *act = NULL;
		if (strlen(new_text) != (size_t)(name.end - name.start) || memcmp(new_text, text + name.start, strlen(new_text)) != 0) {
			size_t at = (size_t)name.start;
			act = json_pack("{s:s, s:s, s:[o], s:{s:{s:o}}, s:b}", "title", title, "kind", "quickfix", "diagnostics",
					lsp_diag_json(g), "edit", "changes", d->uri, edits_at(text, d->len, &at, 1, new_text),
					"isPreferred", 1);
		}
		free(new_text);
		return act;
	}
	/* this document: the old name only at the definition and in its down sections, the new nowhere */
	hits here = { 0 }, clash = { 0 };
	mentions(text, 0, len, old_key, on, name.start, true, &here, 0);
	mentions(text, 0, len, new_key, nn, -1, false, &clash, 0);
	bool safe = !here.other && !clash.other;
	for (size_t i = 0; i < here.n && safe; i++)
		safe = in_down(sc, here.at[i]);
	/* every other file the lint can see (listed once a request, each read once) */
	if (safe && !*files)
		*files = collect_files(s, d);
	lsp_files *fs = *files;
	safe = safe && !fs->overflow;
	char *pair = sc->pair ? realpath(sc->pair, NULL) : NULL;
	json_t *pair_edits = NULL;
	char *pair_uri = NULL;
	for (size_t i = 0; safe && i < fs->n; i++) {
		if (!fs->read[i]) {
			fs->read[i] = true;
			const lsp_doc *o = open_doc(fs, fs->paths[i]);
			if (o) {
				fs->texts[i] = dd_xmalloc(o->len + 1);
				memcpy(fs->texts[i], o->text, o->len + 1);
				fs->lens[i] = o->len;
			} else {
				fs->texts[i] = read_all(fs->paths[i], &fs->lens[i]);
			}
			fs->failed[i] = !fs->texts[i];
		}
		if (fs->failed[i]) {
			safe = false;   /* a file that cannot be read may use it */
			break;
		}
		const char *ftext = fs->texts[i];
		size_t flen = fs->lens[i];
		bool is_pair = pair && strcmp(fs->paths[i], pair) == 0;
		hits h = { 0 }, c = { 0 };
		if (may_mention(ftext, flen, old_key, on))
			mentions(ftext, 0, (int)flen, old_key, on, -1, is_pair, &h, 0);
		if (may_mention(ftext, flen, new_key, nn))
			mentions(ftext, 0, (int)flen, new_key, nn, -1, false, &c, 0);
		safe = !h.other && !c.other;
		if (safe && is_pair && h.n) {
			const lsp_doc *o = open_doc(fs, fs->paths[i]);
			pair_edits = edits_at(ftext, flen, h.at, h.n, new_text);
			pair_uri = o ? dd_xstrdup(o->uri) : dd_lsp_path_uri(fs->paths[i]);
		}
		free(h.at);
	}
	json_t *act = NULL;
	if (safe) {
		size_t *at = dd_xmalloc((here.n + 1) * sizeof *at);
		at[0] = (size_t)name.start;
		if (here.n)
			memcpy(at + 1, here.at, here.n * sizeof *at);
		json_t *changes = json_object();
		json_object_set_new(changes, d->uri, edits_at(text, d->len, at, here.n + 1, new_text));
		if (pair_edits) {
			json_object_set_new(changes, pair_uri, pair_edits);
			pair_edits = NULL;
		}
		free(at);
		act = json_pack("{s:s, s:s, s:[o], s:{s:o}, s:b}", "title", title, "kind", "quickfix", "diagnostics",
				lsp_diag_json(g), "edit", "changes", changes, "isPreferred", 1);
	}
	json_decref(pair_edits);
	free(pair_uri);
	free(new_text);
	free(pair);
	free(here.at);
	return act;
}
