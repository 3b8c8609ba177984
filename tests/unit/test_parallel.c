/* Unit tests: the ordered work pool, and a large file cut into units parsed on several threads. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pool.h"
#include "run.h"

/* ---- the pool ---- */

typedef struct items {
	size_t n;
	int *value;                 /* written by the work, read by the consumer */
	int *runs;                  /* how often each item ran */
} items;

static void square(void *arg, size_t i)
{
	items *it = arg;
	it->value[i] = (int)(i * i);
	__atomic_add_fetch(&it->runs[i], 1, __ATOMIC_SEQ_CST);
}

static void run_pool(size_t n, int threads, size_t window, bool consume_all)
{
	items it = { n, calloc(n + 1, sizeof(int)), calloc(n + 1, sizeof(int)) };
	dd_pool *p = dd_pool_start(n, threads, window, square, &it);
	size_t upto = consume_all ? n : n / 2;
	for (size_t i = 0; i < upto; i++) {
		dd_pool_wait(p, i);
		assert_int_equal(it.value[i], (int)(i * i));
		dd_pool_release(p, i);
	}
	/* the end runs whatever the consumer never asked for */
	dd_pool_end(p);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(it.runs[i], 1);
		assert_int_equal(it.value[i], (int)(i * i));
	}
	free(it.value);
	free(it.runs);
}

static void pool_runs_each_item_once(void **state)
{
	(void)state;
	run_pool(0, 4, 2, true);
	run_pool(1, 1, 1, true);
	run_pool(100, 1, 1, true);      /* no worker: everything on the consumer, in order */
	run_pool(100, 2, 1, true);
	run_pool(1000, 4, 3, true);
	run_pool(1000, 8, 1000, true);  /* more threads than cores, no window */
	run_pool(50, 3, 2, false);      /* the consumer stops half way */
}

/* ---- a large file, cut into units ---- */

/* A file of n tables; table k of `bad_table` is singular, and statement `broken` (if >= 0) has a syntax error. */
static char *big_file(size_t n, size_t bad_table, long broken, size_t *len)
{
	dd_buf b = { 0 };
	for (size_t i = 0; i < n; i++) {
		if ((long)i == broken)
			dd_buf_printf(&b, "CREATE TABLE broken_%zu_rows (id uuid PRIMARY KEY,, name text);\n", i);
		else if (i == bad_table)
			dd_buf_printf(&b, "CREATE TABLE record_%zu (\n    id uuid PRIMARY KEY,\n    name text NOT NULL\n);\n", i);
		else
			dd_buf_printf(&b, "CREATE TABLE records_%zu (\n    id uuid PRIMARY KEY,\n    name text NOT NULL\n);\n"
				      "-- a comment between statements; with a semicolon\n", i);
	}
	*len = b.len;
	return b.data;
}

/* "line:column rule" of every diagnostic, one a line. */
static char *lint_text(const char *text, size_t len, int jobs, size_t *n_units)
{
	dd_run *run = dd_run_new();
	dd_run_set_jobs(run, jobs);
	for (size_t i = 0; i < dd_rules_count; i++)
		if (strcmp(dd_rules[i]->id, "naming/table-plural") != 0 && strcmp(dd_rules[i]->id, "syntax-error") != 0)
			dd_run_set_severity(run, dd_rules[i]->id, DD_SEV_OFF);
	assert_int_equal(dd_run_add_buffer(run, "big.sql", text, len, true), 0);
	assert_int_equal(dd_run_lint(run), 0);
	size_t n;
	const dd_diag *d = dd_run_diagnostics(run, &n);
	dd_buf out = { 0 };
	for (size_t i = 0; i < n; i++)
		dd_buf_printf(&out, "%d:%d %s %s\n", d[i].line, d[i].column, d[i].rule, d[i].message);
	*n_units = run->n_units;
	dd_run_free(run);
	return out.data ? out.data : strdup("");
}

static void large_file_same_on_any_number_of_threads(void **state)
{
	(void)state;
	size_t len;
	/* about 600 KB: cut into several units */
	char *text = big_file(6000, 5000, 4321, &len);
	size_t units1, units4;
	char *one = lint_text(text, len, 1, &units1);
	char *four = lint_text(text, len, 4, &units4);
	assert_true(units1 > 1);
	assert_true(units4 > 1);
	assert_string_equal(one, four);
	/* positions in the last units are file positions: the table 5000 starts on line 1 + 5000*5 - 1
	 * (one table of 4 lines, the broken one and the bad one of one or four lines without a comment) */
	char want[128];
	int bad_line = 1 + 4321 * 5 + 1 + (5000 - 4322) * 5;
	snprintf(want, sizeof want, "%d:14 naming/table-plural", bad_line);
	assert_non_null(strstr(one, want));
	snprintf(want, sizeof want, "%d:52 syntax-error syntax error at or near \",\"", 1 + 4321 * 5);
	assert_non_null(strstr(one, want));
	/* the other statements of the unit holding the broken one are still linted: nothing else is reported */
	size_t lines = 0;
	for (const char *p = one; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 2);
	free(one);
	free(four);
	free(text);
}

static void large_file_with_invalid_utf8_is_one_unit(void **state)
{
	(void)state;
	size_t len;
	char *text = big_file(3000, 99999, -1, &len);
	text[len / 2] = (char)0xff;
	size_t units;
	char *out = lint_text(text, len, 2, &units);
	assert_int_equal(units, 1);
	assert_non_null(strstr(out, "file is not valid UTF-8 (byte 0xff)"));
	free(out);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pool_runs_each_item_once),
		cmocka_unit_test(large_file_same_on_any_number_of_threads),
		cmocka_unit_test(large_file_with_invalid_utf8_is_one_unit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
