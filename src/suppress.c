/*
 * Inline suppression comments:
 *   -- ddlint-disable-next-line rule/a, rule/b -- reason   the next line with SQL on it
 *   -- ddlint-disable-line rule/a                           this line
 *   -- ddlint-disable rule/a ... -- ddlint-enable rule/a    a region (no ids: every rule)
 *   -- ddlint-disable-file rule/a                           the whole file
 * in -- or block comments. Ids may be rule ids or categories (naming, naming/).
 */
#include <ctype.h>
#include <string.h>
#include "suppress.h"

typedef enum { SUP_NEXT_LINE, SUP_LINE, SUP_REGION, SUP_FILE, SUP_ENABLE } sup_kind;

typedef struct directive {
	sup_kind kind;
	const char **ids;        /* empty: every rule */
	size_t n_ids;
	const char *reason;
	dd_loc loc;              /* the comment */
	int first_line, last_line;
	bool used;
} directive;

static bool id_matches(const char *pattern, const char *rule)
{
	size_t n = strlen(pattern);
	if (strcmp(pattern, rule) == 0)
		return true;
	/* a category: "naming" or "naming/" */
	if (n && pattern[n - 1] == '/')
		n--;
	return strncmp(pattern, rule, n) == 0 && rule[n] == '/';
}

static bool known_id(const char *id)
{
	for (size_t i = 0; i < dd_rules_count; i++)
		if (id_matches(id, dd_rules[i]->id))
			return true;
	return false;
}

static int line_of(const dd_file *f, int offset)
{
	int line, col;
	dd_file_position(f, offset, &line, &col);
	return line;
}

/* Parse the text of one comment; NULL when it is no directive. */
static directive *parse_directive(dd_arena *a, const dd_file *f, const char *s, size_t n, int offset, int len)
{
	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	static const struct { const char *word; sup_kind kind; } words[] = {
		{ "ddlint-disable-next-line", SUP_NEXT_LINE }, { "ddlint-disable-line", SUP_LINE },
		{ "ddlint-disable-file", SUP_FILE }, { "ddlint-disable", SUP_REGION }, { "ddlint-enable", SUP_ENABLE },
	};
	for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
		size_t wl = strlen(words[w].word);
		if (n < wl || strncmp(s, words[w].word, wl) != 0 || (n > wl && !isspace((unsigned char)s[wl])))
			continue;
		directive *d = dd_arena_alloc(a, sizeof *d);
		d->kind = words[w].kind;
		d->loc.file = f;
		d->loc.offset = offset;
		d->loc.len = len;
		const char *p = s + wl, *end = s + n;
		const char *dash = NULL;
		for (const char *q = p; q + 1 < end; q++)
			if (q[0] == '-' && q[1] == '-') {
				dash = q;
				break;
			}
		if (dash) {
			const char *r = dash + 2, *re = end;
			while (r < re && isspace((unsigned char)*r))
				r++;
			while (re > r && isspace((unsigned char)re[-1]))
				re--;
			if (re > r)
				d->reason = dd_arena_strndup(a, r, (size_t)(re - r));
		}
		const char *ids_end = dash ? dash : end;
		while (p < ids_end) {
			while (p < ids_end && (isspace((unsigned char)*p) || *p == ','))
				p++;
			const char *e = p;
			while (e < ids_end && !isspace((unsigned char)*e) && *e != ',')
				e++;
			if (e > p)
				DD_PUSH(a, &d->ids, &d->n_ids, dd_arena_strndup(a, p, (size_t)(e - p)));
			p = e;
		}
		return d;
	}
	return NULL;
}

static bool is_word(const char *t, dd_tok tok, const char *word) { return dd_tok_is_word(t, tok, word, strlen(word)); }

/* The directives in text[pos, len), appended in order. The dollar-quoted body of a DO block
 * (DO $$...$$, DO LANGUAGE plpgsql $$...$$), whose statements are linted, is read as SQL too;
 * function bodies and other strings are not. */
static void collect_range(dd_arena *a, const dd_file *f, int pos, int len, directive ***out, size_t *np)
{
	size_t n = *np;
	const char *t = f->text;
	dd_tok prev[3] = { { DD_TOK_EOF, 0, 0 }, { DD_TOK_EOF, 0, 0 }, { DD_TOK_EOF, 0, 0 } };
	for (;;) {
		dd_tok tok = dd_lex_next(t, len, pos);
		/* comments live in the gap between pos and the token */
		int i = pos, gap_end = tok.start;
		while (i < gap_end) {
			if (i + 1 < gap_end && t[i] == '-' && t[i + 1] == '-') {
				int e = i;
				while (e < gap_end && t[e] != '\n')
					e++;
				directive *d = parse_directive(a, f, t + i + 2, (size_t)(e - i - 2), i, e - i);
				if (d)
					DD_PUSH(a, out, &n, d);
				i = e;
			} else if (i + 1 < gap_end && t[i] == '/' && t[i + 1] == '*') {
				int depth = 1, e = i + 2;
				while (e < gap_end && depth) {
					if (e + 1 < gap_end && t[e] == '/' && t[e + 1] == '*') { depth++; e += 2; }
					else if (e + 1 < gap_end && t[e] == '*' && t[e + 1] == '/') { depth--; e += 2; }
					else e++;
				}
				size_t inner = (size_t)(e - i - 4 > 0 ? e - i - 4 : 0);
				directive *d = parse_directive(a, f, t + i + 2, inner, i, e - i);
				if (d)
					DD_PUSH(a, out, &n, d);
				i = e;
			} else {
				i++;
			}
		}
		if (tok.kind == DD_TOK_EOF || tok.kind == DD_TOK_UNTERMINATED)
			break;
		bool do_body = is_word(t, prev[0], "do") || (is_word(t, prev[2], "do") && is_word(t, prev[1], "language"));
		if (tok.kind == DD_TOK_STRING && t[tok.start] == '$' && do_body) {
			const char *close = memchr(t + tok.start + 1, '$', (size_t)(tok.end - tok.start - 1));
			int tag = close ? (int)(close - (t + tok.start)) + 1 : 0;
			if (tag && tok.end - tok.start >= 2 * tag) {
				*np = n;
				collect_range(a, f, tok.start + tag, tok.end - tag, out, np);
				n = *np;
			}
		}
		prev[2] = prev[1];
		prev[1] = prev[0];
		prev[0] = tok;
		pos = tok.end;
	}
	*np = n;
}

/* Find the directives of a file, in order. */
static size_t collect(dd_arena *a, const dd_file *f, directive ***out)
{
	size_t n = 0;
	*out = NULL;
	if (memmem(f->text, f->len, "ddlint-", 7))
		collect_range(a, f, 0, (int)f->len, out, &n);
	return n;
}

/* Line ranges: next-line reaches the line of the next token; regions run to their enable. */
static void resolve(const dd_file *f, directive **ds, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		directive *d = ds[i];
		int line = line_of(f, d->loc.offset);
		switch (d->kind) {
		case SUP_LINE:
			d->first_line = d->last_line = line;
			break;
		case SUP_NEXT_LINE: {
			dd_tok t = dd_lex_next(f->text, (int)f->len, d->loc.offset + d->loc.len);
			d->first_line = d->last_line = t.kind == DD_TOK_EOF ? line + 1 : line_of(f, t.start);
			break;
		}
		case SUP_FILE:
			d->first_line = 1;
			d->last_line = f->n_lines;
			break;
		case SUP_REGION: {
			d->first_line = line;
			d->last_line = f->n_lines;
			/* the first later enable that names no ids, or one of ours, ends the region */
			for (size_t k = i + 1; k < n; k++) {
				const directive *e = ds[k];
				if (e->kind != SUP_ENABLE)
					continue;
				bool ends = e->n_ids == 0;
				for (size_t a = 0; a < e->n_ids && !ends; a++)
					for (size_t b = 0; b < d->n_ids && !ends; b++)
						ends = strcmp(e->ids[a], d->ids[b]) == 0;
				if (ends) {
					d->last_line = line_of(f, e->loc.offset);
					break;
				}
			}
			break;
		}
		case SUP_ENABLE:
			d->first_line = d->last_line = 0;
			break;
		}
	}
}

static bool applies(const directive *d, const dd_diag *g)
{
	if (d->kind == SUP_ENABLE || g->line < d->first_line || g->line > d->last_line)
		return false;
	if (d->n_ids == 0)
		return true;
	for (size_t i = 0; i < d->n_ids; i++)
		if (id_matches(d->ids[i], g->rule))
			return true;
	return false;
}

/* Does a rule the pattern names run here: on, and (a rule of one command only) the run serves
 * that command? */
static bool rule_enabled(const dd_run *run, const char *pattern)
{
	for (size_t i = 0; i < dd_rules_count; i++) {
		const char *cmd = dd_rules[i]->command;
		if (id_matches(pattern, dd_rules[i]->id) && run->severity[i] != DD_SEV_OFF &&
		    (!cmd || (run->command && strcmp(cmd, run->command) == 0)))
			return true;
	}
	return false;
}

void dd_apply_suppressions(dd_run *run)
{
	for (size_t fi = 0; fi < run->n_files; fi++) {
		const dd_file *f = run->files[fi];
		if (!f->report)
			continue;
		directive **ds;
		size_t n = collect(run->arena, f, &ds);
		if (!n)
			continue;
		resolve(f, ds, n);
		size_t n_diags = run->n_diags;
		for (size_t k = 0; k < n_diags; k++) {
			dd_diag *g = run->diags[k];
			if (g->file != f || g->suppressed || g->rule == dd_rule_unused_suppression.id ||
			    g->rule == dd_rule_suppression_reason.id)
				continue;
			for (size_t i = 0; i < n; i++)
				if (applies(ds[i], g)) {
					g->suppressed = true;
					g->suppression_reason = ds[i]->reason;
					ds[i]->used = true;
					break;
				}
		}
		for (size_t i = 0; i < n; i++) {
			directive *d = ds[i];
			bool unknown = false;
			/* every suppression comment is judged by both rules (disable, and enable for unknown ids) */
			dd_run_checked(run, DD_RULE_UNUSED_SUPPRESSION, &d->loc, NULL);
			if (d->kind != SUP_ENABLE)
				dd_run_checked(run, DD_RULE_SUPPRESSION_REASON, &d->loc, NULL);
			for (size_t k = 0; k < d->n_ids; k++) {
				if (known_id(d->ids[k]))
					continue;
				unknown = true;
				const char **ids = dd_arena_alloc(run->arena, (dd_rules_count + 1) * sizeof *ids);
				for (size_t r = 0; r < dd_rules_count; r++)
					ids[r] = dd_rules[r]->id;
				const char *near = dd_did_you_mean(d->ids[k], ids, dd_rules_count);
				char *msg = dd_arena_sprintf(run->arena, "suppression names unknown rule '%s'%s%s%s", d->ids[k],
							     near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
				dd_run_add_diag(run, DD_RULE_UNUSED_SUPPRESSION, &d->loc, NULL, near, msg);
			}
			if (d->kind == SUP_ENABLE)
				continue;
			if (!d->reason)
				dd_run_add_diag(run, DD_RULE_SUPPRESSION_REASON, &d->loc, NULL, NULL,
						"suppression has no reason; add one after '--': -- ddlint-disable-line rule -- why");
			if (d->used || unknown)
				continue;
			bool any_enabled = d->n_ids == 0;
			for (size_t k = 0; k < d->n_ids; k++)
				any_enabled = any_enabled || rule_enabled(run, d->ids[k]);
			if (!any_enabled)
				continue;   /* every rule it names is off in this run */
			dd_run_add_diag(run, DD_RULE_UNUSED_SUPPRESSION, &d->loc, NULL, NULL,
					"suppression suppresses nothing; remove it");
		}
	}
}
