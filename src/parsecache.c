/*
 * A cache of parsed units for a process that lints the same files again and again (`ddlint
 * lsp`): a whole file's parse — its statements, syntax errors and the text as the parse left
 * it (psql lines blanked) — kept by the file's exact bytes, and taken by the next run that
 * reads the same bytes, so that an unchanged earlier migration is not parsed again. The trees
 * are only read after the parse (the replay, the rules and the model copy what they keep), so
 * runs can share them. Keyed by content: a file changed on disk is a miss, never stale.
 */
#include <stdlib.h>
#include <string.h>
#include "parse.h"

typedef struct entry {
	char *text;                  /* the key: the file's bytes before the parse */
	char *parsed;                /* the text as the parse left it */
	size_t len;
	uint64_t hash;
	dd_arena *arena;             /* the trees, statements and errors */
	dd_parsed **stmts; size_t n_stmts;
	dd_parse_error **errors; size_t n_errors;
	unsigned long used;          /* the generation it was last taken or made in */
	struct entry *next;
} entry;

#define BUCKETS 4096

struct dd_parse_cache {
	entry *buckets[BUCKETS];
	unsigned long generation;
	size_t hits, misses;
};

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h ^ n;
}

dd_parse_cache *dd_parse_cache_new(void) { return dd_xcalloc(1, sizeof(dd_parse_cache)); }

static void entry_free(entry *e)
{
	free(e->text);
	free(e->parsed);
	dd_arena_free(e->arena);
	free(e);
}

void dd_parse_cache_free(dd_parse_cache *c)
{
	if (!c)
		return;
	for (size_t b = 0; b < BUCKETS; b++)
		for (entry *e = c->buckets[b], *next; e; e = next) {
			next = e->next;
			entry_free(e);
		}
	free(c);
}

bool dd_parse_cache_take(dd_parse_cache *c, dd_unit *u)
{
	const dd_file *f = u->file;
	if (!u->whole)
		return false;
	uint64_t h = hash_bytes(f->text, f->len);
	for (entry *e = c->buckets[h % BUCKETS]; e; e = e->next)
		if (e->hash == h && e->len == f->len && memcmp(e->text, f->text, f->len) == 0) {
			memcpy((char *)f->text, e->parsed, f->len);
			u->stmts = e->stmts;
			u->n_stmts = e->n_stmts;
			u->errors = e->errors;
			u->n_errors = e->n_errors;
			u->arena = NULL;   /* the cache's */
			u->cached = true;
			e->used = c->generation;
			c->hits++;
			return true;
		}
	c->misses++;
	/* remember the bytes before the parse changes them */
	u->original = dd_xmalloc(f->len + 1);
	memcpy(u->original, f->text, f->len);
	return false;
}

void dd_parse_cache_keep(dd_parse_cache *c, dd_unit *u)
{
	if (!u->original)
		return;
	const dd_file *f = u->file;
	entry *e = dd_xcalloc(1, sizeof *e);
	e->text = u->original;
	u->original = NULL;
	e->len = f->len;
	e->parsed = dd_xmalloc(f->len + 1);
	memcpy(e->parsed, f->text, f->len);
	e->hash = hash_bytes(e->text, e->len);
	e->arena = u->arena;
	e->stmts = u->stmts;
	e->n_stmts = u->n_stmts;
	e->errors = u->errors;
	e->n_errors = u->n_errors;
	e->used = c->generation;
	u->arena = NULL;   /* the cache's from now on */
	u->cached = true;
	e->next = c->buckets[e->hash % BUCKETS];
	c->buckets[e->hash % BUCKETS] = e;
}

void dd_parse_cache_sweep(dd_parse_cache *c, unsigned long keep)
{
	for (size_t b = 0; b < BUCKETS; b++)
		for (entry **p = &c->buckets[b]; *p;) {
			entry *e = *p;
			if (c->generation - e->used >= keep) {
				*p = e->next;
				entry_free(e);
			} else {
				p = &e->next;
			}
		}
	c->generation++;
}

void dd_parse_cache_counts(const dd_parse_cache *c, size_t *hits, size_t *misses)
{
	*hits = c->hits;
	*misses = c->misses;
}
