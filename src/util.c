/* Arena, growable buffer and string map: the memory primitives of a run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

#define ARENA_BLOCK (64 * 1024)

typedef struct block { struct block *next; size_t used, size; _Alignas(16) unsigned char data[]; } block;
struct dd_arena { block *head; size_t total; };

_Noreturn void dd_out_of_memory(void)
{
	fputs("ddlint: out of memory\n", stderr);
	exit(2);
}

void *dd_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		dd_out_of_memory();
	return p;
}

void *dd_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		dd_out_of_memory();
	return p;
}

void *dd_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		dd_out_of_memory();
	return q;
}

char *dd_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(dd_xmalloc(n), s, n);
}

dd_arena *dd_arena_new(void)
{
	dd_arena *a = dd_xmalloc(sizeof *a);
	a->head = NULL;
	a->total = 0;
	return a;
}

void dd_arena_free(dd_arena *a)
{
	if (!a)
		return;
	for (block *b = a->head, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void *dd_arena_alloc(dd_arena *a, size_t size)
{
	size = (size + 15) & ~(size_t)15;
	block *b = a->head;
	if (!b || b->size - b->used < size) {
		/* Large requests get a block of their own so small ones keep filling the current one. */
		size_t bsize = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
		block *nb = dd_xmalloc(sizeof *nb + bsize);
		nb->used = 0;
		nb->size = bsize;
		if (b && bsize != ARENA_BLOCK) {
			nb->next = b->next;
			b->next = nb;
		} else {
			nb->next = b;
			a->head = nb;
		}
		a->total += bsize;
		b = nb;
	}
	void *p = b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

void dd_arena_reset(dd_arena *a)
{
	block *keep = a->head;
#if defined(__SANITIZE_ADDRESS__)
	keep = NULL;   /* under AddressSanitizer every block goes, so a pointer kept past a reset is caught */
#endif
	if (keep && keep->size != ARENA_BLOCK)
		keep = NULL;
	for (block *b = a->head, *next; b; b = next) {
		next = b->next;
		if (b != keep)
			free(b);
	}
	a->head = keep;
	a->total = keep ? keep->size : 0;
	if (keep) {
		keep->used = 0;
		keep->next = NULL;
	}
}

size_t dd_arena_bytes(const dd_arena *a) { return a->total; }

char *dd_arena_strndup(dd_arena *a, const char *s, size_t n)
{
	char *p = dd_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *dd_arena_quote(dd_arena *a, const char *s, char q)
{
	size_t n = 2;
	for (const char *p = s; *p; p++)
		n += *p == q ? 2 : 1;
	char *out = dd_arena_alloc(a, n + 1), *o = out;
	*o++ = q;
	for (const char *p = s; *p; p++) {
		if (*p == q)
			*o++ = q;
		*o++ = *p;
	}
	*o = q;
	return out;
}

char *dd_arena_strdup(dd_arena *a, const char *s)
{
	return s ? dd_arena_strndup(a, s, strlen(s)) : NULL;
}

/* The strings of a format made of plain text and %s only (the names and objects the rules
 * build, "%s.%s", "%s_%s%s"): up to 8 of them, else -1. */
#define CONCAT_MAX 8
static int concat_args(const char *fmt, va_list ap, const char **arg)
{
	int n = 0;
	for (const char *f = fmt; *f; f++) {
		if (*f != '%')
			continue;
		if (f[1] != 's' || n == CONCAT_MAX)
			return -1;
		const char *s = va_arg(ap, const char *);
		arg[n++] = s ? s : "(null)";   /* as glibc prints it */
		f++;
	}
	return n;
}

char *dd_arena_vsprintf(dd_arena *a, const char *fmt, va_list ap)
{
	/* %s only: copied as they are, without vsnprintf's two passes (the output is the same) */
	const char *arg[CONCAT_MAX];
	va_list ap2;
	va_copy(ap2, ap);
	int na = concat_args(fmt, ap2, arg);
	va_end(ap2);
	if (na >= 0) {
		size_t n = 0, len[CONCAT_MAX];
		for (int i = 0; i < na; i++)
			n += len[i] = strlen(arg[i]);
		for (const char *f = fmt; *f; f++)
			if (*f == '%')
				f++;
			else
				n++;
		char *p = dd_arena_alloc(a, n + 1), *o = p;
		int i = 0;
		for (const char *f = fmt; *f; f++) {
			if (*f != '%') {
				*o++ = *f;
				continue;
			}
			memcpy(o, arg[i], len[i]);
			o += len[i++];
			f++;
		}
		*o = '\0';
		return p;
	}
	/* one pass when it fits a line */
	char small[256];
	va_copy(ap2, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap2);
	va_end(ap2);
	char *p = dd_arena_alloc(a, (size_t)n + 1);
	if ((size_t)n < sizeof small)
		memcpy(p, small, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *dd_arena_sprintf(dd_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = dd_arena_vsprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

/* Capacity is implicit: 4, then doubling; a full array has n == 4 * 2^k. */
void dd_arena_push(dd_arena *a, void ***items, size_t *n, void *item)
{
	size_t len = *n;
	if (len == 0 || (len >= 4 && (len & (len - 1)) == 0)) {
		size_t cap = len == 0 ? 4 : len * 2;
		void **nitems = dd_arena_alloc(a, cap * sizeof *nitems);
		if (len)
			memcpy(nitems, *items, len * sizeof *nitems);
		*items = nitems;
	}
	(*items)[len] = item;
	*n = len + 1;
}

void dd_buf_add(dd_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->data = dd_xrealloc(b->data, cap);
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void dd_buf_puts(dd_buf *b, const char *s) { dd_buf_add(b, s, strlen(s)); }

void dd_buf_printf(dd_buf *b, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < (int)sizeof small) {
		dd_buf_add(b, small, (size_t)n);
		return;
	}
	char *big = dd_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	dd_buf_add(b, big, (size_t)n);
	free(big);
}

void dd_buf_free(dd_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

static char tombstone;

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a */
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static void map_grow(dd_map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	char **keys = dd_xcalloc(ncap, sizeof *keys);
	void **vals = dd_xcalloc(ncap, sizeof *vals);
	uint64_t *hashes = dd_xcalloc(ncap, sizeof *hashes);
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i] || m->keys[i] == &tombstone)
			continue;
		size_t j = m->hashes[i] & (ncap - 1);
		while (keys[j])
			j = (j + 1) & (ncap - 1);
		keys[j] = m->keys[i];
		vals[j] = m->vals[i];
		hashes[j] = m->hashes[i];
	}
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	m->keys = keys;
	m->vals = vals;
	m->hashes = hashes;
	m->cap = ncap;
	m->used = m->live;
}

/* The slot of key, or the slot to put it in; the full hash is kept to spare most string compares. */
static size_t map_find(const dd_map *m, const char *key, uint64_t h, bool *found)
{
	size_t i = h & (m->cap - 1), first_free = SIZE_MAX;
	for (;;) {
		char *k = m->keys[i];
		if (!k) {
			*found = false;
			return first_free != SIZE_MAX ? first_free : i;
		}
		if (k == &tombstone) {
			if (first_free == SIZE_MAX)
				first_free = i;
		} else if (m->hashes[i] == h && strcmp(k, key) == 0) {
			*found = true;
			return i;
		}
		i = (i + 1) & (m->cap - 1);
	}
}

void *dd_map_get(const dd_map *m, const char *key)
{
	if (!m->live)
		return NULL;
	bool found;
	size_t i = map_find(m, key, hash_str(key), &found);
	return found ? m->vals[i] : NULL;
}

void dd_map_put(dd_map *m, dd_arena *a, const char *key, void *val)
{
	if ((m->used + 1) * 4 >= m->cap * 3)
		map_grow(m);
	bool found;
	uint64_t h = hash_str(key);
	size_t i = map_find(m, key, h, &found);
	if (!found) {
		if (!m->keys[i])
			m->used++;
		m->keys[i] = dd_arena_strdup(a, key);
		m->hashes[i] = h;
		m->live++;
	}
	m->vals[i] = val;
}

void dd_map_del(dd_map *m, const char *key)
{
	if (!m->live)
		return;
	bool found;
	size_t i = map_find(m, key, hash_str(key), &found);
	if (found) {
		m->keys[i] = &tombstone;
		m->vals[i] = NULL;
		m->live--;
	}
}

void dd_map_free(dd_map *m)
{
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	memset(m, 0, sizeof *m);
}

/* Natural order: runs of digits compare as numbers, so 2_x sorts before 10_x. */
int dd_natural_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			while (*a == '0') a++;
			while (*b == '0') b++;
			const char *ea = a, *eb = b;
			while (*ea >= '0' && *ea <= '9') ea++;
			while (*eb >= '0' && *eb <= '9') eb++;
			if (ea - a != eb - b)
				return ea - a < eb - b ? -1 : 1;
			int c = strncmp(a, b, (size_t)(ea - a));
			if (c)
				return c;
			a = ea;
			b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}


bool dd_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* ---- pointer map ---- */

static size_t ptr_slot(const dd_ptrmap *m, const void *key)
{
	uintptr_t h = (uintptr_t)key;
	h ^= h >> 17;
	h *= 0x9E3779B97F4A7C15ULL;
	size_t i = (size_t)(h >> 20) & (m->cap - 1);
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	return i;
}

void *dd_ptrmap_get(const dd_ptrmap *m, const void *key)
{
	if (!m->used)
		return NULL;
	size_t i = ptr_slot(m, key);
	return m->keys[i] ? m->vals[i] : NULL;
}

void dd_ptrmap_put(dd_ptrmap *m, const void *key, void *val)
{
	if ((m->used + 1) * 4 >= m->cap * 3) {
		dd_ptrmap old = *m;
		m->cap = old.cap ? old.cap * 2 : 64;
		m->keys = dd_xcalloc(m->cap, sizeof *m->keys);
		m->vals = dd_xcalloc(m->cap, sizeof *m->vals);
		for (size_t i = 0; i < old.cap; i++)
			if (old.keys[i]) {
				size_t j = ptr_slot(m, old.keys[i]);
				m->keys[j] = old.keys[i];
				m->vals[j] = old.vals[i];
			}
		free(old.keys);
		free(old.vals);
	}
	size_t i = ptr_slot(m, key);
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->used++;
	}
	m->vals[i] = val;
}

void dd_ptrmap_free(dd_ptrmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

/* ---- did you mean ---- */

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return 99;
	size_t d[65][65];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = d[i - 1][j] + 1, ins = d[i][j - 1] + 1;
			d[i][j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
	return d[la][lb];
}

const char *dd_did_you_mean(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_d = 99, limit = strlen(word) / 3 + 1;
	for (size_t i = 0; i < n; i++) {
		size_t d = edit_distance(word, candidates[i]);
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	if (best_d <= limit)
		return best;
	/* the same last part in another category: naming/snake-case for snake-case */
	const char *slash = strrchr(word, '/');
	for (size_t i = 0; i < n; i++) {
		const char *cs = strrchr(candidates[i], '/');
		if (strcmp(cs ? cs + 1 : candidates[i], slash ? slash + 1 : word) == 0)
			return candidates[i];
	}
	return NULL;
}

