/*
 * --changed-since REF: which lines of which files changed since the merge base of REF and HEAD
 * (git run as a child process), and which findings of a run that keeps: those on a changed line,
 * and those on a table that a changed statement creates or alters. README "Only what a pull
 * request changed" is the contract.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "parse.h"

typedef struct changed_file {
	char *real;                  /* realpath of the file */
	bool whole;                  /* new (added or untracked): every line changed */
	int (*added)[2];             /* line ranges [first, last] of the new text */
	size_t n_added;
	int *cuts;                   /* lines next to which lines were deleted */
	size_t n_cuts;
} changed_file;

struct dd_changes {
	changed_file *files;
	size_t n_files;
};

/* Run git with argv (NULL-terminated, argv[0] "git"); its standard output into *out (heap,
 * NUL-terminated), its standard error dropped. Returns its exit status, or -1. */
static int run_git(char *const argv[], char **out)
{
	dd_buf b = { 0 };
	int status;
	int rc = dd_child_run(argv, 0, &b, NULL, &status);
	dd_buf_add(&b, "", 0);
	*out = b.data ? b.data : dd_xstrdup("");
	if (!b.data)
		dd_buf_free(&b);
	return rc != 0 ? -1 : status;
}

static void trim_newline(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
}

/* The file at top/path, found by its real path (NULL when it is not on disk: deleted). */
static changed_file *add_file(dd_changes *ch, const char *top, const char *path, size_t len, bool whole)
{
	char *joined = dd_xmalloc(strlen(top) + len + 2);
	sprintf(joined, "%s/%.*s", top, (int)len, path);
	char *real = realpath(joined, NULL);
	free(joined);
	if (!real)
		return NULL;
	for (size_t i = 0; i < ch->n_files; i++)
		if (strcmp(ch->files[i].real, real) == 0) {
			free(real);
			ch->files[i].whole = ch->files[i].whole || whole;
			return &ch->files[i];
		}
	ch->files = dd_xrealloc(ch->files, (ch->n_files + 1) * sizeof *ch->files);
	changed_file *f = &ch->files[ch->n_files++];
	memset(f, 0, sizeof *f);
	f->real = real;
	f->whole = whole;
	return f;
}

/* Decode git's C-style quoting of a path in place (\\ \" \t \n and octal bytes); its new length. */
static size_t unquote(char *s, size_t len)
{
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < len) {
			char e = s[++i];
			if (e >= '0' && e <= '7' && i + 2 < len) {
				c = (char)(((e - '0') << 6) | ((s[i + 1] - '0') << 3) | (s[i + 2] - '0'));
				i += 2;
			} else {
				c = e == 't' ? '\t' : e == 'n' ? '\n' : e;
			}
		}
		s[k++] = c;
	}
	s[k] = '\0';
	return k;
}

/* Read `git diff --unified=0` output: "+++ b/PATH" starts a file, "@@ -a,b +c,d @@" a hunk. */
static void read_diff(dd_changes *ch, const char *top, char *diff)
{
	changed_file *cur = NULL;
	bool new_file = false;
	for (char *line = diff, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (strncmp(line, "diff --git ", 11) == 0) {
			cur = NULL;
			new_file = false;
		} else if (strncmp(line, "new file mode", 13) == 0) {
			new_file = true;
		} else if (strncmp(line, "+++ ", 4) == 0) {
			/* "+++ /dev/null" is a deleted file. git ends a name that has a space with a tab,
			 * and quotes one with a quote, a backslash or a control character ("b/...",
			 * C escapes): both are read back to the name. */
			char *name = line + 4;
			size_t len = strlen(name);
			if (len && name[len - 1] == '\t')
				name[--len] = '\0';
			if (len >= 2 && name[0] == '"' && name[len - 1] == '"') {
				len = unquote(name + 1, len - 2);
				name++;
			}
			cur = len > 2 && strncmp(name, "b/", 2) == 0 ? add_file(ch, top, name + 2, len - 2, new_file) : NULL;
		} else if (cur && strncmp(line, "@@ ", 3) == 0) {
			char *plus = strstr(line, " +");
			if (!plus)
				continue;
			char *end;
			long first = strtol(plus + 2, &end, 10), count = 1;
			if (*end == ',')
				count = strtol(end + 1, NULL, 10);
			if (first < 0 || first > INT_MAX || count < 0 || count > INT_MAX - first)
				continue;
			if (count == 0) {        /* only deletions: after line `first` of the new text */
				cur->cuts = dd_xrealloc(cur->cuts, (cur->n_cuts + 1) * sizeof *cur->cuts);
				cur->cuts[cur->n_cuts++] = (int)first;
			} else {
				cur->added = dd_xrealloc(cur->added, (cur->n_added + 1) * sizeof *cur->added);
				cur->added[cur->n_added][0] = (int)first;
				cur->added[cur->n_added++][1] = (int)(first + count - 1);
			}
		}
	}
}

void dd_changes_free(dd_changes *ch)
{
	if (!ch)
		return;
	for (size_t i = 0; i < ch->n_files; i++) {
		free(ch->files[i].real);
		free(ch->files[i].added);
		free(ch->files[i].cuts);
	}
	free(ch->files);
	free(ch);
}

dd_changes *dd_changes_load(const char *ref)
{
	char *top = NULL, *base = NULL, *diff = NULL, *untracked = NULL, *commit = NULL;
	dd_changes *ch = NULL;
	char *toplevel[] = { "git", "rev-parse", "--show-toplevel", NULL };
	if (run_git(toplevel, &top) != 0 || !*top) {
		fprintf(stderr, "ddlint: --changed-since needs a git work tree (and git), and the working directory is not in one\n");
		goto out;
	}
	trim_newline(top);
	char *spec = dd_xmalloc(strlen(ref) + 10);
	sprintf(spec, "%s^{commit}", ref);
	char *verify[] = { "git", "rev-parse", "--verify", "--quiet", "--end-of-options", spec, NULL };
	int rc = ref[0] == '-' ? 1 : run_git(verify, &commit);
	free(spec);
	if (rc != 0) {
		fprintf(stderr, "ddlint: --changed-since: unknown git revision '%s'\n", ref);
		goto out;
	}
	trim_newline(commit);
	char *mb[] = { "git", "merge-base", commit, "HEAD", NULL };
	if (run_git(mb, &base) != 0 || !*base) {
		fprintf(stderr, "ddlint: --changed-since: '%s' and HEAD have no common ancestor (a shallow clone? fetch more history)\n", ref);
		goto out;
	}
	trim_newline(base);
	/* the work tree against the merge base: what the branch committed, and what is not committed yet */
	/* from the top of the work tree, whatever diff.relative says: paths are read as top/PATH */
	char *d[] = { "git", "-C", top, "-c", "core.quotePath=false", "diff", "--no-relative", "--unified=0", "--no-color",
		      "--no-ext-diff", "--no-textconv", "--find-renames", "--src-prefix=a/", "--dst-prefix=b/", base, "--", NULL };
	char *top_opt[] = { "git", "-C", top, "ls-files", "-z", "--others", "--exclude-standard", NULL };
	if (run_git(d, &diff) != 0 || run_git(top_opt, &untracked) != 0) {
		fprintf(stderr, "ddlint: --changed-since: git diff against '%s' failed\n", ref);
		goto out;
	}
	ch = dd_xcalloc(1, sizeof *ch);
	read_diff(ch, top, diff);
	for (char *p = untracked; *p; p += strlen(p) + 1)   /* new files not added yet: all new */
		add_file(ch, top, p, strlen(p), true);
out:
	free(top);
	free(base);
	free(diff);
	free(untracked);
	free(commit);
	return ch;
}

static const changed_file *find_file(const dd_changes *ch, const dd_file *f)
{
	if (!f || !f->fs_real)
		return NULL;
	for (size_t i = 0; i < ch->n_files; i++)
		if (strcmp(ch->files[i].real, f->fs_real) == 0)
			return &ch->files[i];
	return NULL;
}

bool dd_changes_has_file(const dd_changes *ch, const dd_file *f) { return find_file(ch, f) != NULL; }

/* Do lines first..last hold an added line (or, with cuts, sit next to deleted ones)? */
static bool lines_changed(const changed_file *cf, int first, int last, bool cuts)
{
	if (cf->whole)
		return true;
	for (size_t i = 0; i < cf->n_added; i++)
		if (cf->added[i][0] <= last && first <= cf->added[i][1])
			return true;
	for (size_t i = 0; cuts && i < cf->n_cuts; i++)
		if (cf->cuts[i] >= first - 1 && cf->cuts[i] <= last)
			return true;
	return false;
}

typedef struct touched { char **names; size_t n; } touched;

/* The table a statement names as the one it creates or alters, or NULL. */
static const PgQuery__RangeVar *target_of(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_CREATE_STMT: return n->create_stmt->relation;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: return n->alter_table_stmt->relation;
	case PG_QUERY__NODE__NODE_INDEX_STMT: return n->index_stmt->relation;
	case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: return n->create_trig_stmt->relation;
	case PG_QUERY__NODE__NODE_RENAME_STMT: return n->rename_stmt->relation;
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
		return n->create_table_as_stmt->into ? n->create_table_as_stmt->into->rel : NULL;
	default: return NULL;
	}
}

static void touch(touched *t, const dd_model *m, const char *schema, const char *rel)
{
	if (!rel || !*rel)
		return;
	if (!schema || !*schema)
		schema = m && m->default_schema ? m->default_schema : "public";
	char *q = dd_xmalloc(strlen(schema) + strlen(rel) + 2);
	sprintf(q, "%s.%s", schema, rel);
	t->names = dd_xrealloc(t->names, (t->n + 1) * sizeof *t->names);
	t->names[t->n++] = q;
}

static const char *str_item(const PgQuery__List *l, size_t i)
{
	const PgQuery__Node *n = l->items[i];
	return n->node_case == PG_QUERY__NODE__NODE_STRING ? n->string->sval : NULL;
}

/* DROP INDEX and DROP TRIGGER alter their table: a foreign key left without an index is the
 * change's finding. The index is found in the model, where dropped ones stay. */
static void touch_drop(touched *t, const dd_model *m, const PgQuery__DropStmt *ds)
{
	for (size_t i = 0; i < ds->n_objects; i++) {
		const PgQuery__Node *o = ds->objects[i];
		if (o->node_case != PG_QUERY__NODE__NODE_LIST || o->list->n_items == 0)
			continue;
		const PgQuery__List *l = o->list;
		size_t n = l->n_items;
		if (ds->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER && n >= 2) {
			touch(t, m, n >= 3 ? str_item(l, n - 3) : NULL, str_item(l, n - 2));
		} else if (ds->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX && m) {
			const char *name = str_item(l, n - 1), *schema = n >= 2 ? str_item(l, n - 2) : NULL;
			for (size_t k = 0; name && k < m->n_indexes; k++) {
				const dd_index *ix = m->indexes[k];
				if (ix->table && ix->name && strcmp(ix->name, name) == 0 &&
				    (!schema || (ix->schema && strcmp(ix->schema, schema) == 0)))
					touch(t, m, ix->table->schema, ix->table->name);
			}
		}
	}
}

/* The tables a statement creates or alters: CREATE TABLE (AS), ALTER TABLE, CREATE INDEX,
 * CREATE TRIGGER, ALTER TABLE ... RENAME, DROP INDEX, DROP TRIGGER. */
static void touch_stmt(touched *t, const dd_model *m, const dd_stmt *st)
{
	char *text = dd_xmalloc((size_t)st->len + 1);
	memcpy(text, st->file->text + st->offset, (size_t)st->len);
	text[st->len] = '\0';
	PgQueryProtobufParseResult r = pg_query_parse_protobuf(text);
	free(text);
	if (!r.error) {
		dd_arena *a = dd_arena_new();
		PgQuery__ParseResult *pr = dd_parse_result_unpack(a, r.parse_tree);
		for (size_t i = 0; pr && i < pr->n_stmts; i++) {
			const PgQuery__Node *n = pr->stmts[i]->stmt;
			if (!n)
				continue;
			if (n->node_case == PG_QUERY__NODE__NODE_DROP_STMT) {
				touch_drop(t, m, n->drop_stmt);
				continue;
			}
			const PgQuery__RangeVar *rv = target_of(n);
			if (rv)
				touch(t, m, rv->schemaname, rv->relname);
		}
		dd_arena_free(a);
	}
	pg_query_free_protobuf_parse_result(r);
}

/* Is `object` the table `q` or something of it (q.column, q.constraint)? */
static bool object_of(const char *object, const char *q)
{
	size_t n = strlen(q);
	return object && strncmp(object, q, n) == 0 && (object[n] == '\0' || object[n] == '.');
}

size_t dd_changes_filter(const dd_changes *ch, const dd_run *run, dd_result *r, size_t from)
{
	touched t = { 0 };
	for (size_t i = 0; i < run->n_stmts; i++) {
		const dd_stmt *st = run->stmts[i];
		const changed_file *cf = st->file && st->file->report ? find_file(ch, st->file) : NULL;
		if (cf && st->len > 0 && lines_changed(cf, dd_file_line(st->file, st->offset),
							dd_file_line(st->file, st->offset + st->len - 1), true))
			touch_stmt(&t, run->model, st);
	}
	size_t kept = from, left_out = 0;
	for (size_t i = from; i < r->n; i++) {
		const dd_diag *d = &r->diags[i];
		const changed_file *cf = find_file(ch, d->file);
		bool keep = cf && lines_changed(cf, d->line, d->end_line > d->line ? d->end_line : d->line, false);
		for (size_t k = 0; !keep && k < t.n; k++)
			keep = object_of(d->object, t.names[k]);
		if (keep) {
			r->diags[kept++] = *d;
			continue;
		}
		if (d->suppressed)
			r->suppressed--;
		else {
			r->counts[d->severity]--;
			left_out++;
		}
	}
	r->n = kept;
	for (size_t k = 0; k < t.n; k++)
		free(t.names[k]);
	free(t.names);
	return left_out;
}
