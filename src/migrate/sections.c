/*
 * Markers inside migration files: where a tool's up and down sections are, and the options
 * written on them. Each function reads the file's text and adds its sections (scan.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "migrate_priv.h"
#include "sections.h"

/* A line of text: [start, end) without its newline. */
typedef struct line { int start, end; } line;

static bool next_line(const dd_file *f, int *pos, line *l)
{
	if ((size_t)*pos >= f->len)
		return false;
	const char *t = f->text;
	const char *eol = memchr(t + *pos, '\n', f->len - (size_t)*pos);
	l->start = *pos;
	l->end = eol ? (int)(eol - t) : (int)f->len;
	*pos = l->end + 1;
	return true;
}

/* The text after "--" and blanks on a line that starts with "--" at column 0, or NULL. */
static const char *comment_text(const dd_file *f, const line *l, size_t *n)
{
	const char *s = f->text + l->start, *e = f->text + l->end;
	if (e - s < 2 || s[0] != '-' || s[1] != '-')
		return NULL;
	s += 2;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	*n = (size_t)(e - s);
	return s;
}

/* The same for a line that may be indented; *end receives the end of the line. */
static const char *indented_comment(const dd_file *f, const line *l, const char **end)
{
	const char *s = f->text + l->start, *e = f->text + l->end;
	while (s < e && isspace((unsigned char)*s))
		s++;
	if (e - s < 2 || s[0] != '-' || s[1] != '-')
		return NULL;
	*end = e;
	return s + 2;
}

static bool has_word(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, word, k) == 0 && (i == 0 || isspace((unsigned char)s[i - 1])) &&
		    (i + k == n || isspace((unsigned char)s[i + k])))
			return true;
	return false;
}

/* Sections between markers, one direction each, open until the next marker or the end. */
typedef struct opened { int start; bool down, open; dd_txmode tx; } opened;

/* A file without the tool's markers: all of it is the up, run as the tool runs a part. */
static void unmarked(dd_run *run, dd_file *f, const sec_texts *tx)
{
	if (f->n_sections == 0)
		dd_add_section(run, f, 0, (int)f->len, false, tx->tx, tx->why, tx->optout);
}

static void close_section(dd_run *run, dd_file *f, opened *o, int end, const sec_texts *tx)
{
	if (!o->open)
		return;
	dd_add_section(run, f, o->start, end, o->down, o->tx, o->tx == tx->tx ? tx->why : tx->why_off,
		       o->tx == tx->tx ? tx->optout : NULL);
	o->open = false;
}

/* dbmate: "-- migrate:up" and "-- migrate:down" at the start of a line, case as written, any
 * number of pairs; "transaction:false" on the marker line runs that section without the tool's
 * transaction, but still as one query (amacneil/dbmate pkg/dbmate/migration.go, the regexes
 * ^--\s*migrate:up(\s*$|\s+\S+) and parseMigrationOptions; db.go Migrate). */
void dd_sections_dbmate(dd_run *run, dd_file *f, const sec_texts *tx)
{
	opened o = { 0 };
	line l;
	int pos = 0;
	while (next_line(f, &pos, &l)) {
		size_t n;
		const char *c = comment_text(f, &l, &n);
		if (!c)
			continue;
		bool up = n >= 10 && strncmp(c, "migrate:up", 10) == 0 && (n == 10 || isspace((unsigned char)c[10]));
		bool down = n >= 12 && strncmp(c, "migrate:down", 12) == 0 && (n == 12 || isspace((unsigned char)c[12]));
		if (!up && !down)
			continue;
		close_section(run, f, &o, l.start, tx);
		o.open = true;
		o.down = down;
		o.start = l.end;
		o.tx = has_word(c, n, "transaction:false") ? DD_TXMODE_IMPLICIT : tx->tx;
	}
	close_section(run, f, &o, (int)f->len, tx);
	unmarked(run, f, tx);
}

/* goose: "-- +goose Up" (required) and "-- +goose Down" (optional), annotations matched without
 * regard to case; "-- +goose NO TRANSACTION" anywhere runs both directions statement by
 * statement (pressly/goose internal/sqlparser/parser.go, extractAnnotation, useTx). */
/* The annotation of a "-- +goose ..." line, trimmed (*an its length), or NULL. */
static const char *goose_annotation(const dd_file *f, const line *l, size_t *an)
{
	size_t n;
	const char *c = comment_text(f, l, &n);
	if (!c || n < 6 || strncasecmp(c, "+goose", 6) != 0)
		return NULL;
	const char *a = c + 6;
	while (a < c + n && isspace((unsigned char)*a))
		a++;
	*an = (size_t)(c + n - a);
	while (*an && isspace((unsigned char)a[*an - 1]))
		(*an)--;
	return a;
}

void dd_sections_goose(dd_run *run, dd_file *f, const sec_texts *tx)
{
	bool no_tx = false;
	line l;
	int pos = 0;
	size_t an;
	while (next_line(f, &pos, &l)) {
		const char *a = goose_annotation(f, &l, &an);
		if (a && an == 14 && strncasecmp(a, "NO TRANSACTION", 14) == 0)
			no_tx = true;
	}
	opened o = { 0 };
	pos = 0;
	while (next_line(f, &pos, &l)) {
		const char *a = goose_annotation(f, &l, &an);
		bool up = a && an == 2 && strncasecmp(a, "up", 2) == 0, down = a && an == 4 && strncasecmp(a, "down", 4) == 0;
		if (!up && !down)
			continue;
		close_section(run, f, &o, l.start, tx);
		o = (opened){ l.end, down, true, no_tx ? DD_TXMODE_NONE : tx->tx };
	}
	close_section(run, f, &o, (int)f->len, tx);
	unmarked(run, f, tx);
}

/* sql-migrate: lines that start with exactly "-- +migrate " and the command Up or Down, case as
 * written; the option notransaction runs that direction statement by statement (rubenv/sql-migrate
 * sqlparse/sqlparse.go, sqlCmdPrefix, parseCommand; migrate.go applyMigrations). */
void dd_sections_sql_migrate(dd_run *run, dd_file *f, const sec_texts *tx)
{
	opened o = { 0 };
	line l;
	int pos = 0;
	while (next_line(f, &pos, &l)) {
		const char *s = f->text + l.start;
		size_t n = (size_t)(l.end - l.start);
		if (n < 12 || strncmp(s, "-- +migrate ", 12) != 0)
			continue;
		const char *c = s + 12;
		size_t cn = n - 12;
		bool up = cn >= 2 && strncmp(c, "Up", 2) == 0 && (cn == 2 || isspace((unsigned char)c[2]));
		bool down = cn >= 4 && strncmp(c, "Down", 4) == 0 && (cn == 4 || isspace((unsigned char)c[4]));
		if (!up && !down)
			continue;
		close_section(run, f, &o, l.start, tx);
		o = (opened){ l.end, down, true, has_word(c, cn, "notransaction") ? DD_TXMODE_NONE : tx->tx };
	}
	close_section(run, f, &o, (int)f->len, tx);
	unmarked(run, f, tx);
}

/* node-pg-migrate SQL files: "-- Up Migration" and "-- Down Migration", matched without regard to
 * case, blanks and extra dashes allowed (^\s*--[\s-]*up\s+migration); with no Up marker the whole
 * file, down included, is the up (salsita/node-pg-migrate src/sqlMigration.ts getActions). */
void dd_sections_node_pg_migrate(dd_run *run, dd_file *f, const sec_texts *tx)
{
	opened o = { 0 };
	bool any_up = false;
	line l;
	int pos = 0;
	while (next_line(f, &pos, &l)) {
		const char *e, *s = indented_comment(f, &l, &e);
		if (!s)
			continue;
		while (s < e && (*s == '-' || isspace((unsigned char)*s)))
			s++;
		bool up = e - s >= 2 && strncasecmp(s, "up", 2) == 0, down = e - s >= 4 && strncasecmp(s, "down", 4) == 0;
		const char *w = s + (up ? 2 : down ? 4 : 0);
		if (!up && !down)
			continue;
		const char *after = w;
		while (after < e && isspace((unsigned char)*after))
			after++;
		if (after == w || e - after < 9 || strncasecmp(after, "migration", 9) != 0)
			continue;
		any_up = any_up || up;
		close_section(run, f, &o, l.start, tx);
		o = (opened){ l.start, down, true, tx->tx };
	}
	if (!any_up) {   /* no Up marker: everything is the up */
		f->n_sections = 0;
		dd_add_section(run, f, 0, (int)f->len, false, tx->tx, tx->why, tx->optout);
		return;
	}
	close_section(run, f, &o, (int)f->len, tx);
}

/* Liquibase formatted SQL: each "--changeset author:id" line starts a changeset that runs in a
 * transaction of its own unless the line says runInTransaction:false; "--rollback SQL" lines are
 * its down (liquibase AbstractFormattedChangeLogParser: CHANGE_SET_PATTERN, ROLLBACK_PATTERN,
 * RUN_IN_TRANSACTION_PATTERN; ChangeSet.execute). The up sections are added here; the rollback
 * text is returned as a copy of the file with everything else blanked, so its positions are the
 * file's own (NULL when there is none). */
char *dd_sections_liquibase(dd_run *run, dd_file *f, const sec_texts *tx)
{
	opened o = { 0 };
	char *down = NULL;
	line l;
	int pos = 0;
	while (next_line(f, &pos, &l)) {
		const char *e, *c = indented_comment(f, &l, &e);
		if (!c)
			continue;
		while (c < e && isspace((unsigned char)*c))
			c++;
		size_t cn = (size_t)(e - c);
		if (cn >= 10 && strncasecmp(c, "changeset", 9) == 0 && isspace((unsigned char)c[9])) {
			close_section(run, f, &o, l.start, tx);
			bool off = false;
			for (size_t i = 0; i + 20 <= cn; i++)
				if (strncasecmp(c + i, "runInTransaction:", 17) == 0)
					off = strncasecmp(c + i + 17, "true", 4) != 0;
			o = (opened){ l.end, false, true, off ? DD_TXMODE_NONE : tx->tx };
		} else if (o.open && cn >= 9 && strncasecmp(c, "rollback ", 9) == 0) {
			if (!down) {
				down = dd_xmalloc(f->len + 1);
				for (size_t i = 0; i < f->len; i++)
					down[i] = f->text[i] == '\n' ? '\n' : ' ';
				down[f->len] = '\0';
			}
			size_t from = (size_t)(c + 9 - f->text);
			memcpy(down + from, f->text + from, (size_t)l.end - from);
		}
	}
	close_section(run, f, &o, (int)f->len, tx);
	return down;
}
