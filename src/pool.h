/*
 * pool: an ordered work pool. Items 0..n-1 run on `threads` threads (the consumer's included),
 * at most `window` items ahead of the last one released. Depends on util.
 */
#ifndef DDLINT_POOL_H
#define DDLINT_POOL_H

#include <stddef.h>

typedef struct dd_pool dd_pool;
dd_pool *dd_pool_start(size_t n, int threads, size_t window, void (*work)(void *arg, size_t i), void *arg);
/* Until item i is done; the caller runs it when no worker has started it. */
void dd_pool_wait(dd_pool *p, size_t i);
/* The consumer is done with items 0..i: workers may run further ahead. */
void dd_pool_release(dd_pool *p, size_t i);
/* Run what is left, join the workers, free the pool. */
void dd_pool_end(dd_pool *p);

#endif
