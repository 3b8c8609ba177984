/* Unit tests: two runs linting at once on two threads share nothing (make tsan runs this under
 * ThreadSanitizer, which reports any state the runs share). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ddlint.h"

/* Schema-qualified names: every lookup and generated name goes through the model's keys. */
static const char sql_app[] =
	"CREATE SCHEMA app;\n"
	"CREATE TABLE app.users (id serial PRIMARY KEY, email varchar(100) NOT NULL, created timestamp);\n"
	"CREATE TABLE app.orders (id bigint PRIMARY KEY, user_id int REFERENCES app.users (id), total money);\n"
	"CREATE INDEX ON app.orders (user_id);\n"
	"ALTER TABLE app.orders ADD COLUMN note text;\n"
	"ALTER TABLE app.users RENAME TO members;\n";

static const char sql_shop[] =
	"CREATE SCHEMA shop;\n"
	"CREATE TABLE shop.items (sku text PRIMARY KEY, price money, added timestamp);\n"
	"CREATE TABLE shop.stock (item_sku text REFERENCES shop.items (sku), qty int);\n"
	"CREATE INDEX ON shop.stock (item_sku, qty);\n"
	"CREATE INDEX ON shop.stock (item_sku, qty);\n"
	"ALTER TABLE shop.stock SET SCHEMA public;\n";

/* The diagnostics of one run as text, one a line (heap string). */
static char *lint(const char *sql)
{
	dd_run *run = dd_run_new();
	if (!run || dd_run_add_buffer(run, "t.sql", sql, strlen(sql), true) != 0 || dd_run_lint(run) != 0) {
		dd_run_free(run);
		return NULL;
	}
	size_t n;
	const dd_diag *d = dd_run_diagnostics(run, &n);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	for (size_t i = 0; f && i < n; i++)
		fprintf(f, "%d:%d %s %s\n", d[i].line, d[i].column, d[i].rule, d[i].message);
	if (f)
		fclose(f);
	dd_run_free(run);
	return out;
}

enum { ROUNDS = 300 };

typedef struct job {
	const char *sql;
	const char *want;   /* the diagnostics of the same SQL linted alone */
	int wrong;          /* rounds whose diagnostics differed */
} job;

/* No cmocka assertion here: a failing one would jump across threads. */
static void *lint_rounds(void *arg)
{
	job *j = arg;
	for (int i = 0; i < ROUNDS; i++) {
		char *got = lint(j->sql);
		if (!got || strcmp(got, j->want) != 0)
			j->wrong++;
		free(got);
	}
	return NULL;
}

static void two_runs_on_two_threads(void **state)
{
	(void)state;
	char *want_app = lint(sql_app), *want_shop = lint(sql_shop);
	assert_non_null(want_app);
	assert_non_null(want_shop);
	/* names the model makes up, found through schema-qualified keys */
	assert_non_null(strstr(want_app, "PostgreSQL calls it 'orders_user_id_idx'"));
	assert_non_null(strstr(want_app, "table 'app.members' lacks the audit columns"));
	assert_non_null(strstr(want_shop, "PostgreSQL calls it 'stock_item_sku_qty_idx1'"));
	job a = { sql_app, want_app, 0 }, b = { sql_shop, want_shop, 0 };
	pthread_t ta, tb;
	assert_int_equal(pthread_create(&ta, NULL, lint_rounds, &a), 0);
	assert_int_equal(pthread_create(&tb, NULL, lint_rounds, &b), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	assert_int_equal(a.wrong, 0);
	assert_int_equal(b.wrong, 0);
	free(want_app);
	free(want_shop);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(two_runs_on_two_threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
