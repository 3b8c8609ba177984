/* Unit tests: line index and positions, UTF-8 checks, psql blanking, lexer and statement splitting. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "source.h"

static dd_file make_file(dd_arena *a, const char *text)
{
	dd_file f = { 0 };
	f.path = "t.sql";
	f.text = dd_arena_strdup(a, text);
	f.len = strlen(text);
	dd_file_index_lines(a, &f);
	return f;
}

static void test_positions(void **state)
{
	(void)state;
	dd_arena *a = dd_arena_new();
	dd_file f = make_file(a, "ab\n\xc3\xa9t\xc3\xa9 x\n\nlast");
	int line, col;
	dd_file_position(&f, 0, &line, &col);
	assert_int_equal(line, 1); assert_int_equal(col, 1);
	dd_file_position(&f, 2, &line, &col);      /* the newline itself */
	assert_int_equal(line, 1); assert_int_equal(col, 3);
	dd_file_position(&f, 3, &line, &col);
	assert_int_equal(line, 2); assert_int_equal(col, 1);
	dd_file_position(&f, 9, &line, &col);      /* "x" after two 2-byte characters */
	assert_int_equal(line, 2); assert_int_equal(col, 5);
	dd_file_position(&f, 11, &line, &col);     /* the empty line */
	assert_int_equal(line, 3); assert_int_equal(col, 1);
	dd_file_position(&f, 15, &line, &col);
	assert_int_equal(line, 4); assert_int_equal(col, 4);
	assert_int_equal(f.n_lines, 4);
	dd_arena_free(a);
}

static void test_utf8(void **state)
{
	(void)state;
	assert_int_equal(dd_utf8_first_invalid("plain", 5), -1);
	assert_int_equal(dd_utf8_first_invalid("caf\xc3\xa9", 5), -1);
	assert_int_equal(dd_utf8_first_invalid("\xf0\x9f\x98\x80 ok", 7), -1);
	assert_int_equal(dd_utf8_first_invalid("ab\xff", 3), 2);
	assert_int_equal(dd_utf8_first_invalid("ab\0cd", 5), 2);
	assert_int_equal(dd_utf8_first_invalid("a\xc3", 2), 1);          /* truncated sequence */
	assert_int_equal(dd_utf8_first_invalid("\xc0\xaf", 2), 0);       /* overlong */
	assert_int_equal(dd_utf8_first_invalid("\xed\xa0\x80", 3), 0);   /* surrogate */
	assert_int_equal(dd_utf8_first_invalid("\xf4\x90\x80\x80", 4), 0); /* above U+10FFFF */
}

static void test_blank_psql(void **state)
{
	(void)state;
	char text[] =
		"\\connect db\n"
		"SELECT 1;\n"
		"COPY t (a) FROM stdin;\n"
		"1\t'x\n"
		"\\.\n"
		"SELECT 'a\n"
		"\\not a command' ;\n"
		"  \\set x 1\n";
	size_t len = strlen(text);
	dd_blank_psql(text, len);
	assert_int_equal(strlen(text), len);
	const char *want = "           \nSELECT 1;\nCOPY t (a) FROM stdin;\n    \n  \nSELECT";
	assert_memory_equal(text, want, strlen(want));
	/* a backslash line inside a string literal is SQL and stays */
	assert_non_null(strstr(text, "\\not a command"));
	assert_null(strstr(text, "\\set"));
	assert_null(strstr(text, "connect"));
}

static void test_lexer(void **state)
{
	(void)state;
	const char *s = "  -- c\n /* a /* b */ */ \"Q\"\"x\" E'a\\'b' $t$ ; $t$ foo.bar;";
	int len = (int)strlen(s);
	dd_tok t = dd_lex_next(s, len, 0);
	assert_int_equal(t.kind, DD_TOK_QIDENT);
	assert_int_equal(t.end - t.start, 6);
	t = dd_lex_next(s, len, t.end);
	assert_int_equal(t.kind, DD_TOK_STRING);
	assert_memory_equal(s + t.start, "E'a\\'b'", 7);
	t = dd_lex_next(s, len, t.end);
	assert_int_equal(t.kind, DD_TOK_STRING);   /* dollar quote hides the semicolon */
	t = dd_lex_next(s, len, t.end);
	assert_int_equal(t.kind, DD_TOK_IDENT);
	t = dd_lex_next(s, len, t.end);
	assert_int_equal(t.kind, DD_TOK_DOT);
	t = dd_lex_next(s, len, t.end);
	t = dd_lex_next(s, len, t.end);
	assert_int_equal(t.kind, DD_TOK_SEMI);
	t = dd_lex_next(s, len, t.end);
	assert_int_equal(t.kind, DD_TOK_EOF);
	t = dd_lex_next("'open", 5, 0);
	assert_int_equal(t.kind, DD_TOK_UNTERMINATED);
}

/* The decoded text of the first token of s. */
static const char *decoded(dd_arena *a, const char *s)
{
	int len = (int)strlen(s);
	return dd_tok_ident(a, s, dd_lex_next(s, len, 0));
}

static void test_idents(void **state)
{
	(void)state;
	dd_arena *a = dd_arena_new();
	assert_string_equal(decoded(a, "WeightKg"), "weightkg");
	assert_string_equal(decoded(a, "Caf\xc3\x89"), "caf\xc3\x89");          /* only ASCII folds */
	assert_string_equal(decoded(a, "\"Or\"\"ders\""), "Or\"ders");
	assert_string_equal(decoded(a, "U&\"d\\0061t\\+000061\""), "data");
	assert_string_equal(decoded(a, "u&\"caf\\00e9 \\\\\""), "caf\xc3\xa9 \\");
	assert_string_equal(decoded(a, "U&\"\\D83D\\DE00\""), "\xf0\x9f\x98\x80"); /* a UTF-16 pair */
	assert_string_equal(decoded(a, "U&\"d!0061t\\a\" /* c */ UESCAPE '!'"), "dat\\a");
	assert_string_equal(decoded(a, "U&\"a\"\"b\""), "a\"b");
	assert_string_equal(decoded(a, "U&\"a!0062\"\n-- c\nUESCAPE\n'!'"), "ab");
	assert_string_equal(decoded(a, "U&\"a!0062\" uescapes '!'"), "a!0062");   /* not UESCAPE */
	assert_string_equal(decoded(a, "U&\"a!0062\" UESCAPE"), "a!0062");        /* the text ends */
	/* the length in full, whatever fits */
	char small[4];
	const char *q = "\"abcdefgh\"";
	size_t n = dd_tok_decode(q, dd_lex_next(q, (int)strlen(q), 0), small, sizeof small);
	assert_int_equal(n, 8);
	assert_string_equal(small, "abc");

	/* pg_mbcliplen: never half a character */
	assert_int_equal(dd_utf8_clip("abc", 3, 63), 3);
	assert_int_equal(dd_utf8_clip("ab\xc3\xa9", 4, 3), 2);
	assert_int_equal(dd_utf8_clip("ab\xc3\xa9", 4, 4), 4);
	assert_int_equal(dd_utf8_clip("a\xf0\x9f\x98\x80", 5, 4), 1);

	/* a name of the tree is cut to 63 bytes; its token in the source is whole */
	char text[512], cut[64];
	char longname[80];
	memset(longname, 'x', 70);
	longname[70] = '\0';
	memcpy(cut, longname, 63);
	cut[63] = '\0';
	snprintf(text, sizeof text, "CREATE INDEX %s ON t (\"%s\")", longname, longname);
	dd_file f = make_file(a, text);
	dd_stmt st = { 0 };
	st.file = &f;
	st.offset = 0;
	st.len = (int)f.len;
	dd_loc l = dd_stmt_find_ident(&st, 0, cut);
	assert_int_equal(l.offset, 13);
	assert_int_equal(l.len, 70);
	l = dd_stmt_find_ident(&st, 13 + 70, cut);   /* the quoted one, quotes and all */
	assert_int_equal(l.offset, 13 + 70 + 7);
	assert_int_equal(l.len, 72);
	assert_int_equal(dd_stmt_find_ident(&st, 0, longname).len, 70);   /* the whole name too */
	cut[62] = '\0';
	assert_int_equal(dd_stmt_find_ident(&st, 0, cut).len, 0);          /* not a shorter prefix */

	/* 62 ASCII bytes and a 2-byte character: PostgreSQL keeps 62 bytes */
	memset(longname, 'y', 62);
	memcpy(longname + 62, "\xc3\xa9z", 4);
	snprintf(text, sizeof text, "CREATE TYPE U&\"%.62s\\00E9z\" AS ENUM ('a'); CREATE TYPE %s AS ENUM ()", longname, longname);
	f = make_file(a, text);
	st.len = (int)f.len;
	memcpy(cut, longname, 62);
	cut[62] = '\0';
	l = dd_stmt_find_ident(&st, 0, cut);
	assert_int_equal(l.offset, 12);
	assert_int_equal(l.len, 3 + 62 + 5 + 1 + 1);
	l = dd_stmt_find_ident(&st, l.offset + l.len, cut);
	assert_memory_equal(f.text + l.offset, longname, 65);
	assert_int_equal(l.len, 65);
	dd_arena_free(a);
}

static void test_split(void **state)
{
	(void)state;
	const char *s =
		"CREATE TABLE a (x int);\n"
		"SELEC 1;\n"
		"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END;\n"
		"CREATE RULE r AS ON INSERT TO a DO ALSO (NOTIFY a; NOTIFY b);\n"
		"  ;  \n"
		"INSERT INTO a VALUES ('unterminated);\n"
		"CREATE TABLE b (y int);\n";
	int *starts, *lens;
	size_t n = dd_split_statements(s, (int)strlen(s), &starts, &lens);
	assert_int_equal(n, 5);
	assert_memory_equal(s + starts[0], "CREATE TABLE a (x int)", 22);
	assert_int_equal(lens[0], 22);
	assert_memory_equal(s + starts[1], "SELEC 1", 7);
	assert_int_equal(lens[1], 7);
	assert_memory_equal(s + starts[2], "CREATE FUNCTION", 15);
	assert_memory_equal(s + starts[2] + lens[2] - 3, "END", 3);
	assert_memory_equal(s + starts[3] + lens[3] - 1, ")", 1);
	assert_memory_equal(s + starts[4], "INSERT", 6);   /* swallows the rest, as PostgreSQL would */
	free(starts);
	free(lens);
}

static void test_map(void **state)
{
	(void)state;
	dd_arena *a = dd_arena_new();
	dd_map m = { 0 };
	char keys[1000][16];
	for (int i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		dd_map_put(&m, a, keys[i], (void *)(intptr_t)(i + 1));
	}
	for (int i = 0; i < 1000; i += 2)
		dd_map_del(&m, keys[i]);
	for (int i = 0; i < 1000; i++)
		assert_int_equal((intptr_t)dd_map_get(&m, keys[i]), i % 2 ? i + 1 : 0);
	dd_map_put(&m, a, "k0", (void *)7);
	assert_int_equal((intptr_t)dd_map_get(&m, "k0"), 7);
	assert_int_equal(m.live, 501);
	dd_map_free(&m);
	dd_arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions), cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_blank_psql), cmocka_unit_test(test_lexer),
		cmocka_unit_test(test_split), cmocka_unit_test(test_map),
		cmocka_unit_test(test_idents),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
