/* Limits that hold where input enters, through the embedding API too. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "ddlint.h"

/* A buffer over 1 GiB is refused before a byte of it is read (the length alone decides). */
static void test_buffer_over_limit(void **state)
{
	(void)state;
	dd_run *run = dd_run_new();
	const char small[] = "SELECT 1;";
	assert_int_equal(dd_run_add_buffer(run, "big.sql", small, ((size_t)1 << 30) + 1, true), -1);
	assert_string_equal(dd_run_error(run), "cannot read 'big.sql': larger than 1 GiB");
	assert_int_equal(dd_run_file_count(run), 0);
	assert_int_equal(dd_run_add_buffer(run, "ok.sql", small, strlen(small), true), 0);
	assert_int_equal(dd_run_lint(run), 0);
	dd_run_free(run);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buffer_over_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
