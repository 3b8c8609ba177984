/* Unit tests: the registry, each rule's documented examples, and the JSON report. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "report.h"

/* An example with "-- file: NAME" lines is a directory of files: write them to a fresh directory. */
static char *write_example_files(const char *sql)
{
	if (strncmp(sql, "-- file: ", 9) != 0)
		return NULL;
	char tmpl[] = "/tmp/ddlint-example-XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	dir = strdup(dir);
	const char *p = sql;
	while (*p) {
		assert_true(strncmp(p, "-- file: ", 9) == 0);
		const char *name = p + 9, *eol = strchr(name, '\n');
		assert_non_null(eol);
		const char *next = strstr(eol, "\n-- file: ");
		const char *end = next ? next + 1 : eol + strlen(eol);
		char path[512];
		snprintf(path, sizeof path, "%s/%.*s", dir, (int)(eol - name), name);
		FILE *fp = fopen(path, "w");
		assert_non_null(fp);
		fwrite(eol + 1, 1, (size_t)(end - eol - 1), fp);
		fclose(fp);
		p = end;
	}
	return dir;
}

static void remove_dir(char *dir)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

static size_t count_rule(const char *sql, const char *id)
{
	dd_run *run = dd_run_new();
	/* a rule that is off by default is turned on for its own examples */
	if (dd_rules[dd_rule_find(id)]->severity == DD_SEV_OFF)
		dd_run_set_severity(run, id, DD_SEV_WARNING);
	char *dir = write_example_files(sql);
	if (dir) {
		DIR *d = opendir(dir);
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			char path[600];
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			assert_int_equal(dd_run_add_path(run, path, e->d_name, true), 0);
		}
		closedir(d);
	} else {
		dd_run_add_buffer(run, "example.sql", sql, strlen(sql), true);
	}
	assert_int_equal(dd_run_lint(run), 0);
	if (dir)
		remove_dir(dir);
	size_t n, hits = 0;
	const dd_diag *d = dd_run_diagnostics(run, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(d[i].rule, id) == 0)
			hits++;
	dd_run_free(run);
	return hits;
}

/* Turn off every rule but those named (NULL-terminated). */
static void only(dd_run *run, ...)
{
	for (size_t i = 0; i < dd_rules_count; i++)
		dd_run_set_severity(run, dd_rules[i]->id, DD_SEV_OFF);
	va_list ap;
	va_start(ap, run);
	for (const char *id; (id = va_arg(ap, const char *)) != NULL;)
		dd_run_set_severity(run, id, dd_rules[dd_rule_find(id)]->severity);
	va_end(ap);
}

/* The registry is generated from rules/: every id is its file's path, every rule is documented. */
static void test_registry(void **state)
{
	(void)state;
	assert_true(dd_rules_count >= 4);
	for (size_t i = 0; i < dd_rules_count; i++) {
		const dd_rule *r = dd_rules[i];
		assert_string_equal(r->id, dd_rule_paths[i]);
		assert_non_null(r->summary);
		assert_non_null(r->description);
		assert_non_null(r->why);
		assert_non_null(r->bad);
		assert_non_null(r->good);
		if (i > 0)
			assert_true(strcmp(dd_rules[i - 1]->id, r->id) < 0);
		for (const dd_option *o = r->options; o && o->name; o++)
			assert_non_null(o->default_value);
	}
}

/* Each rule's documented bad example fires it and its good example does not. */
static void test_documented_examples(void **state)
{
	(void)state;
	for (size_t i = 0; i < dd_rules_count; i++) {
		const dd_rule *r = dd_rules[i];
		if (r->command)
			continue;   /* reported by a command on PostgreSQL (ddlint verify): tests/verify/ has its cases */
		if (count_rule(r->bad, r->id) == 0)
			fail_msg("%s: the documented bad example does not fire", r->id);
		if (count_rule(r->good, r->id) != 0)
			fail_msg("%s: the documented good example fires", r->id);
	}
}

static void test_json_report(void **state)
{
	(void)state;
	const char *sql = "CREATE TABLE \"Bad\" (x int);\nCREATE TABLE ok_things (id int PRIMARY KEY);\n";
	dd_run *run = dd_run_new();
	only(run, "naming/snake-case", "schema/primary-key", NULL);
	dd_run_add_buffer(run, "dir/a.sql", sql, strlen(sql), true);
	assert_int_equal(dd_run_lint(run), 0);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	dd_report_opts ro = { false, false, false };
	dd_result result = { 0 };
	dd_result_add_run(&result, run);
	assert_int_equal(dd_reporter_json.write(mem, &result, &ro), 0);
	dd_result_free(&result);
	fclose(mem);
	json_error_t err;
	json_t *doc = json_loads(buf, 0, &err);
	assert_non_null(doc);
	json_t *diags = json_object_get(doc, "diagnostics");
	assert_int_equal(json_array_size(diags), 2);
	json_t *d0 = json_array_get(diags, 0);
	assert_string_equal(json_string_value(json_object_get(d0, "file")), "dir/a.sql");
	assert_int_equal(json_integer_value(json_object_get(d0, "line")), 1);
	assert_int_equal(json_integer_value(json_object_get(d0, "column")), 14);
	assert_int_equal(json_integer_value(json_object_get(d0, "end_column")), 19);
	assert_int_equal(json_integer_value(json_object_get(d0, "offset")), 13);
	assert_string_equal(json_string_value(json_object_get(d0, "object")), "public.Bad");
	json_t *sum = json_object_get(doc, "summary");
	assert_int_equal(json_integer_value(json_object_get(sum, "files")), 1);
	assert_int_equal(json_integer_value(json_object_get(sum, "errors")), 2);
	json_decref(doc);
	free(buf);
	dd_run_free(run);
}

static void test_severity_override(void **state)
{
	(void)state;
	dd_run *run = dd_run_new();
	only(run, "schema/primary-key", NULL);
	assert_int_equal(dd_run_set_severity(run, "schema/primary-key", DD_SEV_OFF), 0);
	assert_int_equal(dd_run_set_severity(run, "no/such-rule", DD_SEV_OFF), -1);
	const char *sql = "CREATE TABLE things (x int);";
	dd_run_add_buffer(run, "a.sql", sql, strlen(sql), true);
	dd_run_lint(run);
	size_t n;
	dd_run_diagnostics(run, &n);
	assert_int_equal(n, 0);
	dd_run_free(run);
}

static void test_context_files_not_reported(void **state)
{
	(void)state;
	dd_run *run = dd_run_new();
	const char *a = "CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users);";
	const char *b = "CREATE INDEX idx_orders_user_id ON orders (user_id);\nCREATE TABLE Notes (x int);";
	only(run, "naming/snake-case", "schema/primary-key", "index/foreign-key", NULL);
	dd_run_add_buffer(run, "a.sql", a, strlen(a), false);
	dd_run_add_buffer(run, "b.sql", b, strlen(b), true);
	dd_run_lint(run);
	size_t n;
	const dd_diag *d = dd_run_diagnostics(run, &n);
	/* a.sql is context: its foreign key is covered by b.sql's index and nothing in a.sql is reported */
	assert_int_equal(n, 2);
	assert_string_equal(d[0].path, "b.sql");
	assert_string_equal(d[0].rule, "naming/snake-case");   /* Notes, as written */
	assert_string_equal(d[1].path, "b.sql");
	assert_string_equal(d[1].rule, "schema/primary-key");
	dd_run_free(run);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry), cmocka_unit_test(test_documented_examples),
		cmocka_unit_test(test_json_report), cmocka_unit_test(test_severity_override),
		cmocka_unit_test(test_context_files_not_reported),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
