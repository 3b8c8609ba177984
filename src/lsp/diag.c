/*
 * A document's findings: linted by the command line's own pipeline (dd_cli_lint, as `ddlint
 * FILE` lints the saved file, or `ddlint --stdin-filename FILE -` the editor's buffer), then
 * published as LSP Diagnostics; hover and code actions answer from what was published.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "source.h"
#include "lsp/lsp_priv.h"

/* Where the rules are documented (as in the SARIF report). */
#define RULES_URI "https://github.com/ddlint/ddlint/blob/main/README.md#rules"

void lsp_diags_free(lsp_doc *d)
{
	for (size_t i = 0; i < d->n_diags; i++) {
		free(d->diags[i].message);
		free(d->diags[i].suggestion);
		free(d->diags[i].object);
	}
	free(d->diags);
	d->diags = NULL;
	d->n_diags = 0;
	lsp_scope_free(d);
}

static json_t *position(long line, long character) { return json_pack("{s:I, s:I}", "line", (json_int_t)line, "character", (json_int_t)character); }

static json_t *range(long sl, long sc, long el, long ec)
{
	return json_pack("{s:o, s:o}", "start", position(sl, sc), "end", position(el, ec));
}

/* LSP DiagnosticSeverity: 1 error, 2 warning, 3 information. */
static int lsp_severity(dd_severity s) { return s == DD_SEV_ERROR ? 1 : s == DD_SEV_WARNING ? 2 : 3; }

json_t *lsp_diag_json(const lsp_diag *g)
{
	return json_pack("{s:o, s:i, s:s, s:{s:s}, s:s, s:s}", "range", range(g->sl, g->sc, g->el, g->ec), "severity",
			 lsp_severity(g->severity), "code", g->rule->id, "codeDescription", "href", RULES_URI, "source", "ddlint",
			 "message", g->message);
}

void lsp_publish_empty(lsp_server *s, const char *uri)
{
	lsp_notify(s, "textDocument/publishDiagnostics", json_pack("{s:s, s:[]}", "uri", uri, "diagnostics"));
}

/* A finding of the run as published: its byte range in the document, and that in LSP terms
 * (ls: the document's LSP line starts). */
static void take_diag(lsp_doc *d, const size_t *ls, size_t n_ls, const dd_diag *x, lsp_diag *g)
{
	const dd_file *f = x->file;
	g->rule = dd_rules[dd_rule_find(x->rule)];
	g->severity = x->severity;
	g->message = dd_xstrdup(x->message);
	g->suggestion = x->suggestion ? dd_xstrdup(x->suggestion) : NULL;
	/* the run's copy of the text has the document's bytes (psql lines blanked in place) */
	size_t len = d->len < f->len ? d->len : f->len;
	g->start = (size_t)x->offset < len ? (size_t)x->offset : len;
	g->end = dd_lsp_offset_of_column(f->text, len, x->end_line, x->end_column);
	if (g->end < g->start)
		g->end = g->start;
	dd_lsp_position_in(d->text, d->len, ls, n_ls, g->start, &g->sl, &g->sc);
	dd_lsp_position_in(d->text, d->len, ls, n_ls, g->end, &g->el, &g->ec);
}

/* "path:line:column: message" of a config error: its position (0-based), or 0, 0. */
static void config_error_position(const char *err, const char *path, long *line, long *col)
{
	*line = *col = 0;
	size_t n = strlen(path);
	if (strncmp(err, path, n) == 0 && err[n] == ':') {
		long l = 0, c = 0;
		if (sscanf(err + n + 1, "%ld:%ld:", &l, &c) == 2 && l > 0 && c > 0) {
			*line = l - 1;
			*col = c - 1;
		}
	}
}

static void config_error(lsp_server *s, const char *path, const char *err)
{
	/* shown once (each document under it finds it again): again only when it changes */
	size_t at = s->n_config_errors;
	for (size_t i = 0; i < s->n_config_errors; i++)
		if (strcmp(s->config_errors[i], path) == 0)
			at = i;
	if (at < s->n_config_errors && strcmp(s->config_messages[at], err) == 0)
		return;
	long line, col;
	config_error_position(err, path, &line, &col);
	char *uri = dd_lsp_path_uri(path);
	json_t *diag = json_pack("{s:o, s:i, s:s, s:s}", "range", range(line, col, line, col + 1), "severity", 1, "source",
				 "ddlint", "message", err);
	lsp_notify(s, "textDocument/publishDiagnostics", json_pack("{s:s, s:[o]}", "uri", uri, "diagnostics", diag));
	char msg[1400];
	snprintf(msg, sizeof msg, "ddlint: the config cannot be read, nothing is linted under it: %s", err);
	lsp_notify(s, "window/showMessage", json_pack("{s:i, s:s}", "type", 1, "message", msg));
	free(uri);
	if (at < s->n_config_errors) {
		free(s->config_messages[at]);
		s->config_messages[at] = dd_xstrdup(err);
		return;
	}
	s->config_errors = dd_xrealloc(s->config_errors, (s->n_config_errors + 1) * sizeof *s->config_errors);
	s->config_messages = dd_xrealloc(s->config_messages, (s->n_config_errors + 1) * sizeof *s->config_messages);
	s->config_messages[s->n_config_errors] = dd_xstrdup(err);
	s->config_errors[s->n_config_errors++] = dd_xstrdup(path);
}

/* A config that had an error and now loads: its diagnostic is cleared. */
static void config_ok(lsp_server *s, const config_cache *cc)
{
	for (size_t i = 0; i < s->n_config_errors;) {
		bool loaded = false;
		for (size_t k = 0; k < cc->n && !loaded; k++)
			loaded = strcmp(cc->paths[k], s->config_errors[i]) == 0;
		if (!loaded) {
			i++;
			continue;
		}
		char *uri = dd_lsp_path_uri(s->config_errors[i]);
		lsp_publish_empty(s, uri);
		free(uri);
		free(s->config_errors[i]);
		free(s->config_messages[i]);
		s->n_config_errors--;
		s->config_errors[i] = s->config_errors[s->n_config_errors];
		s->config_messages[i] = s->config_messages[s->n_config_errors];
	}
}

void lsp_lint_publish(lsp_server *s, lsp_doc *d)
{
	d->dirty = false;
	lsp_diags_free(d);
	const char *base = d->path ? strrchr(d->path, '/') : NULL;
	if (base && (strcmp(base, "/.ddlint.yml") == 0 || strcmp(base, "/.ddlint-baseline.json") == 0)) {
		/* a config is checked as the lints of the files under it will read it */
		dd_arena *a = dd_arena_new();
		dd_config *conf;
		char err[1024];
		if (strcmp(base, "/.ddlint.yml") == 0 && dd_config_parse(a, d->path, d->text, d->len, &conf, err, sizeof err) != 0) {
			config_error(s, d->path, err);
		} else {
			config_cache cc = { .n = 1, .paths = (char **)&d->path };
			config_ok(s, &cc);
			lsp_publish_empty(s, d->uri);
		}
		dd_arena_free(a);
		return;
	}
	/* the command line of `ddlint lsp`, its configs read afresh: a config changed since is seen */
	cli c = *s->base;
	c.parse_cache = s->parse_cache;
	memset(&c.configs, 0, sizeof c.configs);
	c.configs.arena = dd_arena_new();
	dd_inputs in = { 0 };
	dd_inputs_add(&in, d->path ? d->path : "-", d->path ? d->path : c.stdin_name);
	in.items[0].text = d->text;
	in.items[0].len = d->len;
	dd_linted l;
	dd_cli_lint(&c, &in, LINT_REPORT, 0, &l);
	if (c.configs.error[0])
		config_error(s, c.configs.error_path, c.configs.error);
	else
		config_ok(s, &c.configs);
	if (!l.complete && !c.configs.error[0])   /* ddlint FILE would print no report either */
		lsp_log(s, 1, "ddlint: %s was not linted: its baseline cannot be read, or --changed-since failed "
			   "(the reason is on the server's standard error)", d->path ? d->path : d->uri);
	size_t n = 0, *ls;
	size_t n_ls = dd_lsp_line_starts(d->text, d->len, &ls);
	d->diags = dd_xcalloc(l.result.n + 1, sizeof *d->diags);
	bool rename = false;
	for (size_t i = 0; l.complete && i < l.result.n; i++) {
		const dd_diag *x = &l.result.diags[i];
		/* what `ddlint FILE` prints: neither the suppressed nor the baselined */
		if (x->suppressed || x->baselined || !x->file->report)
			continue;
		take_diag(d, ls, n_ls, x, &d->diags[n]);
		d->diags[n].rename = lsp_rename_candidate(x);
		if (d->diags[n].rename)
			d->diags[n].object = dd_xstrdup(x->object);
		if (d->diags[n++].rename)
			rename = true;
	}
	free(ls);
	if (rename)   /* where else its names may be used: kept for the code actions */
		lsp_rename_scope(d, l.runs, l.n_runs);
	d->n_diags = n;
	dd_linted_free(&l);
	dd_inputs_free(&in);
	dd_cli_configs_free(&c.configs);
	/* what the last lints did not take is dropped: the edited file's older texts, closed directories */
	dd_parse_cache_sweep(s->parse_cache, 8);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, lsp_diag_json(&d->diags[i]));
	lsp_notify(s, "textDocument/publishDiagnostics",
		   json_pack("{s:s, s:I, s:o}", "uri", d->uri, "version", (json_int_t)d->version, "diagnostics", arr));
}

/* ---- hover ---- */

static bool contains(const lsp_diag *g, long line, long ch)
{
	bool after_start = line > g->sl || (line == g->sl && ch >= g->sc);
	bool before_end = line < g->el || (line == g->el && ch <= g->ec);
	return after_start && before_end;
}

json_t *lsp_hover(lsp_server *s, lsp_doc *d, long line, long character)
{
	dd_buf b = { 0 };
	const lsp_diag *first = NULL;
	for (size_t i = 0; i < d->n_diags; i++) {
		const lsp_diag *g = &d->diags[i];
		if (!contains(g, line, character))
			continue;
		bool again = false;   /* one entry a rule */
		for (size_t k = 0; k < i && !again; k++)
			again = d->diags[k].rule == g->rule && contains(&d->diags[k], line, character);
		if (again)
			continue;
		if (!first)
			first = g;
		else
			dd_buf_puts(&b, "\n\n---\n\n");
		const dd_rule *r = g->rule;
		char head[256];
		snprintf(head, sizeof head, "**%s** (%s): ", r->id, dd_severity_name(g->severity));
		dd_buf_puts(&b, head);
		dd_buf_puts(&b, r->summary);
		dd_buf_puts(&b, "\n\n**Why**: ");
		dd_buf_puts(&b, r->why);
		dd_buf_puts(&b, "\n\n**Good**:\n```sql\n");
		dd_buf_puts(&b, r->good);
		dd_buf_puts(&b, "\n```\n\n`ddlint explain ");
		dd_buf_puts(&b, r->id);
		dd_buf_puts(&b, "` has the rest.");
	}
	if (!first)
		return json_null();
	json_t *h = json_pack("{s:{s:s, s:s}, s:o}", "contents", "kind", "markdown", "value", b.data, "range",
			      range(first->sl, first->sc, first->el, first->ec));
	dd_buf_free(&b);
	return h;
}

/* ---- code actions ---- */

static bool overlaps(const lsp_diag *g, long sl, long sc, long el, long ec)
{
	bool starts_before_end = g->sl < el || (g->sl == el && g->sc <= ec);
	bool ends_after_start = g->el > sl || (g->el == sl && g->ec >= sc);
	return starts_before_end && ends_after_start;
}

static json_t *text_edit(const lsp_doc *d, size_t from, size_t to, const char *text)
{
	long sl, sc, el, ec;
	dd_lsp_position(d->text, d->len, from, &sl, &sc);
	dd_lsp_position(d->text, d->len, to, &el, &ec);
	return json_pack("{s:o, s:s}", "range", range(sl, sc, el, ec), "newText", text);
}

static json_t *action(const lsp_doc *d, const lsp_diag *g, const char *title, json_t *edit, bool preferred)
{
	json_t *a = json_pack("{s:s, s:s, s:[o], s:{s:{s:[o]}}}", "title", title, "kind", "quickfix", "diagnostics",
			      lsp_diag_json(g), "edit", "changes", d->uri, edit);
	if (preferred)
		json_object_set_new(a, "isPreferred", json_true());
	return a;
}

/* The start of the line holding byte `at`, and the indentation there. */
static size_t line_of(const lsp_doc *d, size_t at, size_t *indent)
{
	size_t ls = at;
	while (ls > 0 && d->text[ls - 1] != '\n')
		ls--;
	size_t i = ls;
	while (i < d->len && (d->text[i] == ' ' || d->text[i] == '\t'))
		i++;
	*indent = i - ls;
	return ls;
}

/* The types the type rules report, and the rule each is for. */
static const char *const type_rules[] = { "types/jsonb", "types/timestamptz", "types/varchar", "types/money", NULL };

/* Words that end a column's type in a column definition. */
static bool ends_type(const char *w, size_t n)
{
	static const char *const words[] = { "not", "null", "default", "primary", "references", "unique", "check",
		"constraint", "collate", "generated", "deferrable", "initially", "using", NULL };
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0)
			return true;
	return false;
}

/* The byte range of the type written after the name the finding is at: words (and the
 * parenthesized modifiers and [] after them) up to a constraint word, a comma or a closing
 * parenthesis. 0 when it is not found that way. */
static int type_span(const lsp_doc *d, const lsp_diag *g, size_t *from, size_t *to)
{
	const char *t = d->text;
	int len = (int)d->len;
	dd_tok name = dd_lex_next(t, len, (int)g->start);
	if (name.kind != DD_TOK_IDENT && name.kind != DD_TOK_QIDENT)
		return -1;
	dd_tok k = dd_lex_next(t, len, name.end);
	if (k.kind == DD_TOK_IDENT && k.end - k.start == 2 && strncasecmp(t + k.start, "as", 2) == 0)   /* CREATE DOMAIN d AS */
		k = dd_lex_next(t, len, k.end);
	if (k.kind != DD_TOK_IDENT)
		return -1;
	int start = k.start, end = k.end;
	for (;;) {
		dd_tok n = dd_lex_next(t, len, end);
		if (n.kind == DD_TOK_IDENT && !ends_type(t + n.start, (size_t)(n.end - n.start))) {
			end = n.end;
		} else if (n.kind == DD_TOK_LPAREN) {   /* (n), (p,s) */
			dd_tok x = n;
			while (x.kind != DD_TOK_RPAREN && x.kind != DD_TOK_EOF && x.kind != DD_TOK_SEMI)
				x = dd_lex_next(t, len, x.end);
			if (x.kind != DD_TOK_RPAREN)
				return -1;
			end = x.end;
		} else if (n.kind == DD_TOK_OTHER && t[n.start] == '[') {   /* [] */
			dd_tok x = dd_lex_next(t, len, n.end);
			if (!(x.kind == DD_TOK_OTHER && t[x.start] == ']'))
				return -1;
			end = x.end;
		} else {
			break;
		}
	}
	*from = (size_t)start;
	*to = (size_t)end;
	return 0;
}

json_t *lsp_code_actions(lsp_server *s, lsp_doc *d, long sl, long sc, long el, long ec)
{
	json_t *out = json_array();
	lsp_files *files = NULL;   /* where else a name may be used: read once for every finding */
	for (size_t i = 0; i < d->n_diags; i++) {
		const lsp_diag *g = &d->diags[i];
		if (!overlaps(g, sl, sc, el, ec))
			continue;
		const char *id = g->rule->id;
		char title[256], *text;
		size_t indent, ls = line_of(d, g->start, &indent);
		/* the comment goes on a line of its own before the finding's line, indented as it is */
		size_t n = indent + strlen(id) + 64;
		text = dd_xmalloc(n);
		snprintf(text, n, "%.*s-- ddlint-disable-next-line %s -- reason\n", (int)indent, d->text + ls, id);
		snprintf(title, sizeof title, "Disable %s for this line", id);
		json_array_append_new(out, action(d, g, title, text_edit(d, ls, ls, text), false));
		snprintf(text, n, "-- ddlint-disable-file %s -- reason\n", id);
		snprintf(title, sizeof title, "Disable %s for this file", id);
		json_array_append_new(out, action(d, g, title, text_edit(d, 0, 0, text), false));
		free(text);
		/* a type the rule names a safe replacement for */
		bool typed = false;
		for (int k = 0; type_rules[k] && !typed; k++)
			typed = strcmp(type_rules[k], id) == 0;
		size_t from, to;
		if (typed && g->suggestion && type_span(d, g, &from, &to) == 0) {
			snprintf(title, sizeof title, "Change %.*s to %s", (int)(to - from), d->text + from, g->suggestion);
			json_array_append_new(out, action(d, g, title, text_edit(d, from, to, g->suggestion), true));
		}
		/* a name nothing else uses yet */
		json_t *rename = lsp_rename_action(s, d, g, &files);
		if (rename)
			json_array_append_new(out, rename);
	}
	lsp_files_free(files);
	return out;
}
