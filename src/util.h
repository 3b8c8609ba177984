/*
 * util: the memory primitives every other module builds on (arena, growable buffer, string and
 * pointer maps) and small string helpers. Depends on nothing of ddlint.
 *
 * Out of memory: see include/ddlint.h. Every allocation of ddlint goes through dd_xmalloc and
 * its siblings (directly or through an arena, buffer or map), which print "ddlint: out of
 * memory" and exit with status 2 when the system refuses; no function returns NULL for it.
 */
#ifndef DDLINT_UTIL_H
#define DDLINT_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- allocation: never NULL ------------------------------------------------ */

_Noreturn void dd_out_of_memory(void);
void *dd_xmalloc(size_t size);
void *dd_xcalloc(size_t n, size_t size);
void *dd_xrealloc(void *p, size_t size);
char *dd_xstrdup(const char *s);

/* ---- arena: many allocations, freed at once ------------------------------------ */

typedef struct dd_arena dd_arena;
dd_arena *dd_arena_new(void);
void dd_arena_free(dd_arena *a);
/* Free everything allocated so far; the arena can be used again. */
void dd_arena_reset(dd_arena *a);
void *dd_arena_alloc(dd_arena *a, size_t size);          /* zeroed */
char *dd_arena_strdup(dd_arena *a, const char *s);
char *dd_arena_strndup(dd_arena *a, const char *s, size_t n);
char *dd_arena_sprintf(dd_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *dd_arena_vsprintf(dd_arena *a, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Append `item` to an arena array of pointers with implicit capacity. */
void dd_arena_push(dd_arena *a, void ***items, size_t *n, void *item);
#define DD_PUSH(a, arr, n, item) dd_arena_push((a), (void ***)(arr), (n), (void *)(item))
size_t dd_arena_bytes(const dd_arena *a);

/* s between two q characters, each q inside doubled, as SQL quotes literals and names (arena). */
char *dd_arena_quote(dd_arena *a, const char *s, char q);

/* ---- growable string (heap) -------------------------------------------- */

typedef struct dd_buf { char *data; size_t len, cap; } dd_buf;
void dd_buf_add(dd_buf *b, const char *s, size_t n);
void dd_buf_puts(dd_buf *b, const char *s);
void dd_buf_printf(dd_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dd_buf_free(dd_buf *b);

/* ---- string map (open addressing, arena-owned keys) --------------------- */

typedef struct dd_map { char **keys; void **vals; uint64_t *hashes; size_t cap, used, live; } dd_map;
void *dd_map_get(const dd_map *m, const char *key);
void dd_map_put(dd_map *m, dd_arena *a, const char *key, void *val);
void dd_map_del(dd_map *m, const char *key);
void dd_map_free(dd_map *m);

/* ---- pointer map (open addressing, keys are addresses, never NULL) ------------ */

typedef struct dd_ptrmap { const void **keys; void **vals; size_t cap, used; } dd_ptrmap;
void *dd_ptrmap_get(const dd_ptrmap *m, const void *key);
void dd_ptrmap_put(dd_ptrmap *m, const void *key, void *val);
void dd_ptrmap_free(dd_ptrmap *m);

/* ---- strings ---------------------------------------------------------------- */

/* Natural order: runs of digits compare as numbers, so 2_x sorts before 10_x. */
int dd_natural_cmp(const char *a, const char *b);
bool dd_has_suffix(const char *s, const char *suffix);   /* declared for rules in ddlint/rule.h too */
/* The candidate nearest to word, when near enough; or NULL. */
const char *dd_did_you_mean(const char *word, const char *const *candidates, size_t n);

#endif
