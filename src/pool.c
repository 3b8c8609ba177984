/*
 * An ordered work pool: items 0..n-1 run on worker threads, and one consumer takes their
 * results in order. Workers run at most `window` items ahead of what the consumer has
 * released, which bounds the memory of results waiting to be consumed. The consumer runs
 * an item itself when it needs it and no worker has started it, and runs later ones while
 * it waits for a worker; with no worker threads at all everything runs on the calling
 * thread, in order.
 */
#include <pthread.h>
#include <stdlib.h>
#include "pool.h"
#include "util.h"

enum { PENDING, RUNNING, DONE };

struct dd_pool {
	pthread_mutex_t mu;
	pthread_cond_t done;         /* an item finished */
	pthread_cond_t space;        /* the consumer released items, or the work ran out */
	unsigned char *state;
	size_t n, next, released, window;
	void (*work)(void *arg, size_t i);
	void *arg;
	pthread_t *threads;
	size_t n_threads;
};

static void run_item(dd_pool *p, size_t i)
{
	p->state[i] = RUNNING;
	pthread_mutex_unlock(&p->mu);
	p->work(p->arg, i);
	pthread_mutex_lock(&p->mu);
	p->state[i] = DONE;
	pthread_cond_broadcast(&p->done);
}

static void *worker(void *arg)
{
	dd_pool *p = arg;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->next < p->n && p->state[p->next] != PENDING)
			p->next++;
		if (p->next >= p->n)
			break;
		if (p->next >= p->released + p->window) {
			pthread_cond_wait(&p->space, &p->mu);
			continue;
		}
		run_item(p, p->next++);
	}
	pthread_mutex_unlock(&p->mu);
	/* libpg_query frees the thread's memory context itself, at thread exit */
	return NULL;
}

dd_pool *dd_pool_start(size_t n, int threads, size_t window, void (*work)(void *arg, size_t i), void *arg)
{
	dd_pool *p = dd_xcalloc(1, sizeof *p);
	p->state = dd_xcalloc(n + 1, 1);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->done, NULL);
	pthread_cond_init(&p->space, NULL);
	p->n = n;
	p->window = window ? window : 1;
	p->work = work;
	p->arg = arg;
	size_t want = threads > 1 ? (size_t)threads - 1 : 0;   /* the consumer is one of them */
	if (want > n)
		want = n;
	if (want)
		p->threads = dd_xcalloc(want, sizeof *p->threads);
	for (size_t i = 0; i < want; i++) {
		if (pthread_create(&p->threads[p->n_threads], NULL, worker, p) != 0)
			break;   /* fewer threads: the consumer runs what they would have */
		p->n_threads++;
	}
	return p;
}

void dd_pool_wait(dd_pool *p, size_t i)
{
	pthread_mutex_lock(&p->mu);
	if (p->state[i] == PENDING)
		run_item(p, i);
	/* while a worker finishes item i, run a later one rather than wait idle */
	size_t ahead = i + 1;
	while (p->state[i] != DONE) {
		while (ahead < p->n && ahead < p->released + p->window && p->state[ahead] != PENDING)
			ahead++;
		if (ahead < p->n && ahead < p->released + p->window)
			run_item(p, ahead);
		else
			pthread_cond_wait(&p->done, &p->mu);
	}
	pthread_mutex_unlock(&p->mu);
}

void dd_pool_release(dd_pool *p, size_t i)
{
	pthread_mutex_lock(&p->mu);
	if (i + 1 > p->released) {
		p->released = i + 1;
		pthread_cond_broadcast(&p->space);
	}
	pthread_mutex_unlock(&p->mu);
}

void dd_pool_end(dd_pool *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		dd_pool_wait(p, i);
	pthread_mutex_lock(&p->mu);
	p->released = p->n;
	pthread_cond_broadcast(&p->space);
	pthread_mutex_unlock(&p->mu);
	for (size_t i = 0; i < p->n_threads; i++)
		pthread_join(p->threads[i], NULL);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->done);
	pthread_cond_destroy(&p->space);
	free(p->threads);
	free(p->state);
	free(p);
}
