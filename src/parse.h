/*
 * parse: PostgreSQL's parser (libpg_query) on units of text, tree walks and copies, expressions
 * deparsed to text, and what a statement means for transactions. Depends on source and util.
 */
#ifndef DDLINT_PARSE_H
#define DDLINT_PARSE_H

#include <pg_query.h>
#include "source.h"

/*
 * A unit of parsing: a whole file, or a run of whole statements of a large one. Units are
 * parsed on worker threads, so parsing one touches nothing but the unit (and, for a whole
 * file, that file's text): trees, statements and syntax errors go to the unit's own arena,
 * and the run takes them over, in file order, on the thread that replays them.
 */
typedef struct dd_parsed {
	PgQuery__Node *node;
	int offset, len;
	int block;                   /* in a DO block: 1 + the index of its DO statement in the unit */
	bool guarded;                /* in a DO block, under an IF or an exception handler */
} dd_parsed;
typedef struct dd_parse_error { int offset, len; const char *message; } dd_parse_error;
typedef struct dd_unit {
	dd_file *file;
	int start, len;              /* the byte range of file->text it covers */
	bool whole;                  /* the whole file: check its encoding and blank its psql lines first */
	bool keep;                   /* its trees outlive the replay (migration files) */
	dd_arena *arena;             /* trees, statements, errors; freed after the replay unless kept */
	dd_parsed **stmts; size_t n_stmts;
	dd_parse_error **errors; size_t n_errors;
	dd_stmt **made; size_t n_made; /* the run's statements made from stmts */
	bool guarded;                /* while a DO block's statements are added: theirs */
	bool cached;                 /* its results belong to a dd_parse_cache (arena NULL) */
	char *original;              /* a cache miss: the file's bytes before the parse (heap), for the cache */
} dd_unit;
/* Cut a file into units of about `target` bytes (one unit when it is not much larger), appended
 * to *units (arena `a`): a large file is checked and blanked here, then cut between statements. */
void dd_plan_units(dd_arena *a, dd_file *f, size_t target, dd_unit ***units, size_t *n);
/* Parse one unit (thread-safe across units). */
void dd_parse_unit(dd_unit *u);

/* Parsed whole files kept by their bytes across runs (parsecache.c); NULL in a run: no cache.
 * Take and keep are called on the replaying thread, before and after the parse. */
typedef struct dd_parse_cache dd_parse_cache;
dd_parse_cache *dd_parse_cache_new(void);
void dd_parse_cache_free(dd_parse_cache *c);
/* A whole unit whose file has the bytes of one parsed before: its results taken (the file's
 * text made what that parse left), true. Else false, and the bytes are kept for ..._keep. */
bool dd_parse_cache_take(dd_parse_cache *c, dd_unit *u);
/* A unit parsed after a miss: its results are the cache's from now on. */
void dd_parse_cache_keep(dd_parse_cache *c, dd_unit *u);
/* After a run: drop what the last `keep` generations (sweeps) did not take; the next generation. */
void dd_parse_cache_sweep(dd_parse_cache *c, unsigned long keep);
void dd_parse_cache_counts(const dd_parse_cache *c, size_t *hits, size_t *misses);

/* Within the module (parse.c, plpgsql.c): a parse result unpacked into arena a; a statement of
 * the unit added (NULL for an empty one), a DO statement followed by the static SQL of its
 * block; and that SQL, added after the DO statement at index parent - 1. */
PgQuery__ParseResult *dd_parse_result_unpack(dd_arena *a, PgQueryProtobuf pb);
dd_parsed *dd_add_parsed(dd_unit *u, PgQuery__RawStmt *raw, int limit);
void dd_parse_do_block(dd_unit *u, const PgQuery__DoStmt *ds, int offset, int end, int parent);

/* Deparse an expression node into normalized SQL text (arena), or NULL. */
char *dd_deparse_expr(dd_arena *a, const PgQuery__Node *expr);
/* Parse prefix + text ("SELECT " + an expression) as one SELECT and return its only target
 * expression, or NULL. */
const PgQuery__Node *dd_parse_select_expr(dd_arena *a, const char *prefix, const char *text);
/* A copy of a tree in another arena: for what must outlive the statement's own tree. */
PgQuery__Node *dd_node_copy(dd_arena *a, const PgQuery__Node *node);
/* Call fn with every non-empty string of a tree: names, literals, options. */
void dd_tree_strings(const ProtobufCMessage *msg, void (*fn)(const char *s, void *arg), void *arg);
/* Add `delta` to every location field of the tree. */
void dd_shift_locations(ProtobufCMessage *msg, int delta);

#endif
