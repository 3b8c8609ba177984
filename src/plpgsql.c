/*
 * The static SQL of a DO block (part of the parse module). libpg_query's PL/pgSQL parser gives
 * the block's statements as JSON, each SQL statement with its text and its line in the body; the
 * statements a successful run of the block executes are parsed again as SQL and placed at their
 * text in the file. What the block's successful path runs:
 *   - the body of every BEGIN ... END, whatever its EXCEPTION handlers (they run only on an error);
 *   - the THEN branch of an IF (the idempotent-migration idiom: IF NOT EXISTS (...) THEN ...);
 * and not: ELSIF/ELSE branches, CASE, loops (their bodies run 0 to n times), EXECUTE of a built
 * string (dynamic SQL), PERFORM, assignments. Statements under an IF or an exception handler are
 * marked guarded: PostgreSQL may skip them, or catch their error.
 */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <pg_query.h>
#include "parse.h"

typedef struct block {
	dd_unit *u;
	int body, body_end;   /* the body's bytes in the file */
	int cursor;           /* where the next statement's text is searched from */
	int parent;           /* index + 1 of the DO statement in u->stmts */
} block;

/* The first occurrence of needle in text[from, to), or -1. */
static int find_text(const char *text, int from, int to, const char *needle)
{
	size_t n = strlen(needle);
	const char *at = n && to > from ? memmem(text + from, (size_t)(to - from), needle, n) : NULL;
	return at ? (int)(at - text) : -1;
}

/* The offset of line `lineno` (1-based, the body's first line being the one it starts on). */
static int line_start(const block *b, int lineno)
{
	const char *text = b->u->file->text;
	int at = b->body;
	for (int l = 1; l < lineno && at < b->body_end; at++)
		if (text[at] == '\n')
			l++;
	return at;
}

static void add_statement(block *b, const char *query, int lineno, bool guarded)
{
	dd_unit *u = b->u;
	const char *text = u->file->text;
	int from = lineno > 0 ? line_start(b, lineno) : b->cursor;
	if (from < b->cursor)
		from = b->cursor;
	int at = find_text(text, from, b->body_end, query);
	if (at < 0)   /* not written as is (SELECT ... INTO loses its INTO): the line's first token */
		at = dd_lex_next(text, b->body_end, from).start;
	else
		b->cursor = at + (int)strlen(query);
	PgQueryProtobufParseResult r = pg_query_parse_protobuf(query);
	if (!r.error) {
		PgQuery__ParseResult *pr = dd_parse_result_unpack(u->arena, r.parse_tree);
		bool saved = u->guarded;
		u->guarded = saved || guarded;   /* a DO block inside this one: its statements too */
		for (size_t i = 0; pr && i < pr->n_stmts; i++) {
			dd_shift_locations(&pr->stmts[i]->base, at);
			dd_parsed *p = dd_add_parsed(u, pr->stmts[i], at + (int)strlen(query));
			if (p)
				p->block = b->parent;
		}
		u->guarded = saved;
	}
	pg_query_free_protobuf_parse_result(r);
}

static void walk(block *b, const json_t *stmts, bool guarded)
{
	size_t i;
	const json_t *item;
	json_array_foreach(stmts, i, item) {
		const char *kind;
		const json_t *s;
		json_object_foreach((json_t *)item, kind, s) {
			if (strcmp(kind, "PLpgSQL_stmt_block") == 0) {
				bool handled = json_object_get(s, "exceptions") != NULL;
				walk(b, json_object_get(s, "body"), guarded || handled);
			} else if (strcmp(kind, "PLpgSQL_stmt_if") == 0) {
				walk(b, json_object_get(s, "then_body"), true);
			} else if (strcmp(kind, "PLpgSQL_stmt_execsql") == 0) {
				const json_t *q = json_object_get(json_object_get(json_object_get(s, "sqlstmt"), "PLpgSQL_expr"), "query");
				if (json_is_string(q))
					add_statement(b, json_string_value(q), (int)json_integer_value(json_object_get(s, "lineno")), guarded);
			}
		}
	}
}

/* The body and language of a DO statement (DefElems "as" and "language"). */
static const char *do_body(const PgQuery__DoStmt *ds)
{
	const char *body = NULL, *language = "plpgsql";
	for (size_t i = 0; i < ds->n_args; i++) {
		const PgQuery__Node *n = ds->args[i];
		if (n->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || !n->def_elem->arg ||
		    n->def_elem->arg->node_case != PG_QUERY__NODE__NODE_STRING)
			continue;
		if (strcmp(n->def_elem->defname, "as") == 0)
			body = n->def_elem->arg->string->sval;
		else if (strcmp(n->def_elem->defname, "language") == 0)
			language = n->def_elem->arg->string->sval;
	}
	return body && strcmp(language, "plpgsql") == 0 ? body : NULL;
}

void dd_parse_do_block(dd_unit *u, const PgQuery__DoStmt *ds, int offset, int end, int parent)
{
	const char *body = do_body(ds);
	if (!body)
		return;
	const char *text = u->file->text;
	block b = { u, find_text(text, offset, end, body), 0, 0, parent };
	if (b.body < 0)
		return;   /* a body in quotes with doubled quotes: its statements cannot be placed */
	b.body_end = b.body + (int)strlen(body);
	b.cursor = b.body;
	char *source = dd_xmalloc((size_t)(end - offset) + 1);
	memcpy(source, text + offset, (size_t)(end - offset));
	source[end - offset] = '\0';
	PgQueryPlpgsqlParseResult r = pg_query_parse_plpgsql(source);
	free(source);
	/* a block PL/pgSQL rejects fails when it runs; its statements are not replayed */
	json_t *funcs = r.error ? NULL : json_loads(r.plpgsql_funcs, 0, NULL);
	pg_query_free_plpgsql_parse_result(r);
	size_t i;
	json_t *f;
	json_array_foreach(funcs, i, f) {
		json_t *action = json_object_get(json_object_get(f, "PLpgSQL_function"), "action");
		if (!action)
			continue;
		json_t *list = json_array();
		json_array_append(list, action);
		walk(&b, list, u->guarded);
		json_decref(list);
	}
	json_decref(funcs);
}
