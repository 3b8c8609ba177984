/* libpg_query glue: parse a file into statements, survive broken ones, deparse expressions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <stdint.h>
#include <pg_query.h>
#include "parse.h"
#include "grammar.h"

static void *arena_pb_alloc(void *data, size_t size) { return dd_arena_alloc(data, size); }
static void arena_pb_free(void *data, void *ptr) { (void)data; (void)ptr; }

PgQuery__ParseResult *dd_parse_result_unpack(dd_arena *a, PgQueryProtobuf pb)
{
	ProtobufCAllocator alloc = { arena_pb_alloc, arena_pb_free, a };
	return pg_query__parse_result__unpack(&alloc, pb.len, (const uint8_t *)pb.data);
}

/* Byte offset of the `chars`-th character (0-based) of s, bounded by len. */
static int char_to_byte(const char *s, int len, int chars)
{
	int i = 0;
	while (i < len && chars > 0) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		chars--;
	}
	return i;
}

dd_parsed *dd_add_parsed(dd_unit *u, PgQuery__RawStmt *raw, int limit)
{
	if (!raw->stmt)
		return NULL;
	const dd_file *f = u->file;
	int loc = raw->stmt_location > 0 ? raw->stmt_location : 0;
	int end = raw->stmt_len > 0 ? loc + raw->stmt_len : limit;
	/* RawStmt locations start right after the previous semicolon: skip to the first token. */
	dd_tok t = dd_lex_next(f->text, end, loc);
	if (t.kind != DD_TOK_EOF)
		loc = t.start;
	dd_parsed *p = dd_arena_alloc(u->arena, sizeof *p);
	p->node = raw->stmt;
	p->offset = loc;
	p->len = end - loc;
	p->guarded = u->guarded;
	DD_PUSH(u->arena, &u->stmts, &u->n_stmts, p);
	if (raw->stmt->node_case == PG_QUERY__NODE__NODE_DO_STMT)
		dd_parse_do_block(u, raw->stmt->do_stmt, loc, end, (int)u->n_stmts);
	return p;
}

/* PostgreSQL quotes the rest of the input after an unterminated literal: keep messages to one short line. */
static void tidy_message(char *out, size_t size, const char *message)
{
	size_t k = 0;
	const char *near = strstr(message, "at or near \"");
	size_t quote_start = near ? (size_t)(near - message) + 12 : (size_t)-1;
	size_t quoted = 0;
	for (size_t i = 0; message[i] && k + 8 < size; i++) {
		char c = message[i];
		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if (i >= quote_start && message[i] != '"') {
			if (++quoted == 40) {
				memcpy(out + k, "...", 3);
				k += 3;
			}
			if (quoted >= 40)
				continue;
		}
		out[k++] = c;
	}
	out[k] = '\0';
}

static void add_error(dd_unit *u, int offset, int len, const char *message)
{
	dd_parse_error *e = dd_arena_alloc(u->arena, sizeof *e);
	e->offset = offset;
	e->len = len;
	e->message = dd_arena_strdup(u->arena, message);
	DD_PUSH(u->arena, &u->errors, &u->n_errors, e);
}

/* A syntax error at byte `at` of the statement `stmt` (`len` bytes from `start` in the file):
 * PostgreSQL's message, and when it is at syntax of a newer PostgreSQL, a note that says so. */
static void syntax_error(dd_unit *u, const char *stmt, int start, int len, int at, const char *raw_message)
{
	char message[768];
	int offset = start + at;
	tidy_message(message, 512, raw_message);
	size_t n = strlen(message);
	dd_newer_syntax(stmt, len, at, raw_message, message + n, sizeof message - n);
	const dd_file *f = u->file;
	int span = 0;
	dd_tok t = dd_lex_next(f->text, (int)f->len, offset);
	if (t.start == offset && t.kind != DD_TOK_EOF)
		span = t.end - t.start;
	if (t.kind == DD_TOK_UNTERMINATED)
		span = 1;
	add_error(u, offset, span, message);
}

/* Parse text[start, start+len) of the unit's file, a copy of which is `piece` (NUL-terminated). */
static bool parse_text(dd_unit *u, const char *piece, int start, int len, bool report_error)
{
	PgQueryProtobufParseResult r = pg_query_parse_protobuf(piece);
	bool ok = !r.error;
	if (r.error && report_error) {
		int at = r.error->cursorpos > 0 ? char_to_byte(piece, len, r.error->cursorpos - 1) : 0;
		if (r.error->cursorpos <= 0) {
			dd_tok t = dd_lex_next(piece, len, 0);
			at = t.kind == DD_TOK_EOF ? 0 : t.start;
		}
		syntax_error(u, piece, start, len, at, r.error->message);
	} else if (!r.error) {
		PgQuery__ParseResult *pr = dd_parse_result_unpack(u->arena, r.parse_tree);
		for (size_t i = 0; pr && i < pr->n_stmts; i++) {
			/* every location, stmt_location included, becomes a file offset */
			if (start)
				dd_shift_locations(&pr->stmts[i]->base, start);
			dd_add_parsed(u, pr->stmts[i], start + len);
		}
	}
	pg_query_free_protobuf_parse_result(r);
	return ok;
}

static char *copy_range(const char *text, int start, int len)
{
	char *piece = dd_xmalloc((size_t)len + 1);
	memcpy(piece, text + start, (size_t)len);
	piece[len] = '\0';
	return piece;
}

/* The encoding check every file gets before it is parsed; false when it fails (reported). */
static bool check_encoding(dd_unit *u)
{
	const dd_file *f = u->file;
	long bad = dd_utf8_first_invalid(f->text, f->len);
	if (bad < 0)
		return true;
	unsigned char c = (unsigned char)f->text[bad];
	/* The positions of the rest of the file cannot be trusted: index only up to here. */
	char msg[128];
	if (c == 0)
		snprintf(msg, sizeof msg, "file contains a NUL byte; it is not a SQL text file");
	else
		snprintf(msg, sizeof msg, "file is not valid UTF-8 (byte 0x%02x); convert it to UTF-8", c);
	add_error(u, (int)bad, 1, msg);
	return false;
}

void dd_parse_unit(dd_unit *u)
{
	dd_file *f = u->file;
	if (u->whole) {
		if (!check_encoding(u))
			return;
		dd_blank_psql((char *)f->text, f->len);
	}
	/* the whole file parses from its own text; a part of one from a copy */
	char *copy = u->start == 0 && (size_t)u->len == f->len ? NULL : copy_range(f->text, u->start, u->len);
	bool ok = parse_text(u, copy ? copy : f->text, u->start, u->len, false);
	free(copy);
	if (ok)
		return;
	/* Some statement is broken: split, and parse each statement on its own. */
	int *starts, *lens;
	size_t n = dd_split_statements(f->text + u->start, u->len, &starts, &lens);
	for (size_t i = 0; i < n; i++) {
		char *piece = copy_range(f->text, u->start + starts[i], lens[i]);
		parse_text(u, piece, u->start + starts[i], lens[i], true);
		free(piece);
	}
	free(starts);
	free(lens);
}

static dd_unit *new_unit(dd_arena *a, dd_file *f, int start, int len, bool whole, dd_unit ***units, size_t *n)
{
	dd_unit *u = dd_arena_alloc(a, sizeof *u);
	u->file = f;
	u->start = start;
	u->len = len;
	u->whole = whole;
	u->keep = f->migration != NULL;
	DD_PUSH(a, units, n, u);
	return u;
}

void dd_plan_units(dd_arena *a, dd_file *f, size_t target, dd_unit ***units, size_t *n_units)
{
	bool valid = dd_utf8_first_invalid(f->text, f->len) < 0;
	bool parts = f->n_sections > 1 || (f->n_sections == 1 && (f->sections[0].start > 0 || (size_t)f->sections[0].end < f->len));
	if (parts && valid) {
		/* a tool that sends each section on its own: each is parsed on its own (a statement may
		 * end at its section's end without a semicolon), and text outside them is not run */
		dd_blank_psql((char *)f->text, f->len);
		for (size_t s = 0; s < f->n_sections; s++)
			if (f->sections[s].end > f->sections[s].start)
				new_unit(a, f, f->sections[s].start, f->sections[s].end - f->sections[s].start, false, units, n_units);
		return;
	}
	if (f->len <= 2 * target || !valid) {
		new_unit(a, f, 0, (int)f->len, true, units, n_units);
		return;
	}
	dd_blank_psql((char *)f->text, f->len);
	int *starts, *lens;
	size_t n = dd_split_statements(f->text, (int)f->len, &starts, &lens);
	/* a unit runs from the start of its first statement to the start of the next unit's */
	int from = 0;
	for (size_t i = 1; i < n; i++)
		if ((size_t)(starts[i] - from) >= target) {
			new_unit(a, f, from, starts[i] - from, false, units, n_units);
			from = starts[i];
		}
	new_unit(a, f, from, (int)f->len - from, false, units, n_units);
	free(starts);
	free(lens);
}

PgQuery__Node *dd_node_copy(dd_arena *a, const PgQuery__Node *node)
{
	size_t len = pg_query__node__get_packed_size(node);
	uint8_t *buf = dd_xmalloc(len ? len : 1);
	pg_query__node__pack(node, buf);
	ProtobufCAllocator alloc = { arena_pb_alloc, arena_pb_free, a };
	PgQuery__Node *copy = pg_query__node__unpack(&alloc, len, buf);
	free(buf);
	return copy;
}

/*
 * Walking a tree by reflection. What matters of each message type (its location fields and
 * the fields that hold messages) is worked out once, for every type reachable from a parse
 * result, so a walk never scans the scalar fields nor the hundreds of alternatives of a Node.
 */
typedef struct walk_plan {
	const ProtobufCMessageDescriptor *d;
	unsigned n_loc, n_sub;
	unsigned loc[2];                         /* offsets of location and stmt_location */
	const ProtobufCFieldDescriptor **sub;    /* the message fields */
	unsigned n_str;
	const ProtobufCFieldDescriptor **str;    /* the (single) string fields */
} walk_plan;

enum { PLAN_SLOTS = 1024, PLAN_FIELDS = 8192 };
static walk_plan plans[PLAN_SLOTS];
static const ProtobufCFieldDescriptor *plan_fields[PLAN_FIELDS];
static size_t n_plan_fields;
static pthread_once_t plans_once = PTHREAD_ONCE_INIT;

static size_t plan_slot(const ProtobufCMessageDescriptor *d)
{
	size_t h = ((uintptr_t)d >> 4) % PLAN_SLOTS;
	while (plans[h].d && plans[h].d != d)
		h = (h + 1) % PLAN_SLOTS;
	return h;
}

static void plan_type(const ProtobufCMessageDescriptor *d)
{
	size_t h = plan_slot(d);
	if (plans[h].d)
		return;
	walk_plan *p = &plans[h];
	p->d = d;
	p->str = plan_fields + n_plan_fields;
	for (unsigned i = 0; i < d->n_fields && n_plan_fields < PLAN_FIELDS; i++)
		if (d->fields[i].type == PROTOBUF_C_TYPE_STRING && d->fields[i].label != PROTOBUF_C_LABEL_REPEATED) {
			plan_fields[n_plan_fields++] = &d->fields[i];
			p->n_str++;
		}
	p->sub = plan_fields + n_plan_fields;
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *fd = &d->fields[i];
		if (fd->type == PROTOBUF_C_TYPE_INT32 && fd->label != PROTOBUF_C_LABEL_REPEATED && p->n_loc < 2 &&
		    (strcmp(fd->name, "location") == 0 || strcmp(fd->name, "stmt_location") == 0))
			p->loc[p->n_loc++] = fd->offset;
		if (fd->type == PROTOBUF_C_TYPE_MESSAGE && n_plan_fields < PLAN_FIELDS) {
			plan_fields[n_plan_fields++] = fd;
			p->n_sub++;
		}
	}
	for (unsigned i = 0; i < p->n_sub; i++)
		plan_type(p->sub[i]->descriptor);
}

static void make_plans(void) { plan_type(&pg_query__parse_result__descriptor); }

static const walk_plan *plan_of(const ProtobufCMessageDescriptor *d)
{
	const walk_plan *p = &plans[plan_slot(d)];
	return p->d ? p : NULL;
}

typedef void (*msg_fn)(ProtobufCMessage *msg, const walk_plan *plan, void *arg);

static void walk_plans(ProtobufCMessage *msg, msg_fn fn, void *arg)
{
	const walk_plan *p = plan_of(msg->descriptor);
	if (!p)
		return;
	fn(msg, p, arg);
	char *base = (char *)msg;
	if (msg->descriptor == &pg_query__node__descriptor) {
		/* a Node holds one of its alternatives: the field whose number is node_case */
		const ProtobufCFieldDescriptor *fd =
			protobuf_c_message_descriptor_get_field(msg->descriptor, ((PgQuery__Node *)msg)->node_case);
		ProtobufCMessage *sub = fd ? *(ProtobufCMessage **)(base + fd->offset) : NULL;
		if (sub)
			walk_plans(sub, fn, arg);
		return;
	}
	for (unsigned i = 0; i < p->n_sub; i++) {
		const ProtobufCFieldDescriptor *fd = p->sub[i];
		if ((fd->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) && *(uint32_t *)(base + fd->quantifier_offset) != fd->id)
			continue;
		if (fd->label == PROTOBUF_C_LABEL_REPEATED) {
			size_t n = *(size_t *)(base + fd->quantifier_offset);
			ProtobufCMessage **arr = *(ProtobufCMessage ***)(base + fd->offset);
			for (size_t k = 0; k < n; k++)
				if (arr[k])
					walk_plans(arr[k], fn, arg);
		} else {
			ProtobufCMessage *sub = *(ProtobufCMessage **)(base + fd->offset);
			if (sub)
				walk_plans(sub, fn, arg);
		}
	}
}

/* Visit every message of a tree in pre-order. */
static void walk_messages(ProtobufCMessage *msg, msg_fn fn, void *arg)
{
	pthread_once(&plans_once, make_plans);
	walk_plans(msg, fn, arg);
}

static void shift_one(ProtobufCMessage *msg, const walk_plan *p, void *arg)
{
	int delta = *(int *)arg;
	for (unsigned i = 0; i < p->n_loc; i++) {
		int32_t *v = (int32_t *)((char *)msg + p->loc[i]);
		if (*v >= 0)
			*v += delta;
	}
}

void dd_shift_locations(ProtobufCMessage *msg, int delta)
{
	walk_messages(msg, shift_one, &delta);
}

struct string_walk { void (*fn)(const char *, void *); void *arg; };

static void strings_one(ProtobufCMessage *msg, const walk_plan *p, void *arg)
{
	struct string_walk *w = arg;
	for (unsigned i = 0; i < p->n_str; i++) {
		const char *s = *(const char **)((char *)msg + p->str[i]->offset);
		if (s && *s)
			w->fn(s, w->arg);
	}
}

void dd_tree_strings(const ProtobufCMessage *msg, void (*fn)(const char *s, void *arg), void *arg)
{
	struct string_walk w = { fn, arg };
	walk_messages((ProtobufCMessage *)msg, strings_one, &w);
}

struct node_walk { void (*fn)(const PgQuery__Node *, void *); void *arg; };

static void node_one(ProtobufCMessage *msg, const walk_plan *p, void *arg)
{
	struct node_walk *w = arg;
	if (msg->descriptor == &pg_query__node__descriptor)
		w->fn((const PgQuery__Node *)msg, w->arg);
}

void dd_walk_tree(const ProtobufCMessage *msg, void (*fn)(const PgQuery__Node *, void *), void *arg)
{
	struct node_walk w = { fn, arg };
	walk_messages((ProtobufCMessage *)msg, node_one, &w);
}

static bool plain_name(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || *s == '_'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/*
 * The expressions most defaults are (0, 'x', true, now(), CURRENT_TIMESTAMP) in the text
 * the deparser would give them, without its cost: a round trip through protobuf per
 * expression was the largest part of a lint. NULL when the expression is not that simple.
 */
static char *fast_deparse(dd_arena *a, const PgQuery__Node *e)
{
	switch (e->node_case) {
	case PG_QUERY__NODE__NODE_A_CONST: {
		const PgQuery__AConst *c = e->a_const;
		if (c->isnull)
			return dd_arena_strdup(a, "NULL");
		switch (c->val_case) {
		case PG_QUERY__A__CONST__VAL_IVAL: return dd_arena_sprintf(a, "%d", c->ival->ival);
		case PG_QUERY__A__CONST__VAL_FVAL: return dd_arena_strdup(a, c->fval->fval);
		case PG_QUERY__A__CONST__VAL_BOOLVAL: return dd_arena_strdup(a, c->boolval->boolval ? "true" : "false");
		case PG_QUERY__A__CONST__VAL_SVAL: {
			const char *v = c->sval->sval;
			if (strchr(v, '\\'))
				return NULL;   /* the deparser writes E'' strings for these */
			return dd_arena_quote(a, v, '\'');
		}
		default: return NULL;
		}
	}
	case PG_QUERY__NODE__NODE_FUNC_CALL: {
		const PgQuery__FuncCall *f = e->func_call;
		if (f->n_args || f->agg_star || f->agg_distinct || f->over || f->agg_filter || f->n_agg_order ||
		    f->func_variadic || f->n_funcname < 1 || f->n_funcname > 2)
			return NULL;
		const char *n1 = dd_string_node(f->funcname[0]), *n2 = f->n_funcname == 2 ? dd_string_node(f->funcname[1]) : NULL;
		if (!n1 || !plain_name(n1) || (f->n_funcname == 2 && (!n2 || !plain_name(n2))))
			return NULL;
		return n2 ? dd_arena_sprintf(a, "%s.%s()", n1, n2) : dd_arena_sprintf(a, "%s()", n1);
	}
	case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
		switch (e->sqlvalue_function->op) {
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE: return dd_arena_strdup(a, "current_date");
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP: return dd_arena_strdup(a, "current_timestamp");
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME: return dd_arena_strdup(a, "current_time");
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP: return dd_arena_strdup(a, "localtimestamp");
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME: return dd_arena_strdup(a, "localtime");
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER: return dd_arena_strdup(a, "current_user");
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER: return dd_arena_strdup(a, "session_user");
		default: return NULL;
		}
	default:
		return NULL;
	}
}

char *dd_deparse_expr(dd_arena *a, const PgQuery__Node *expr)
{
	if (!expr)
		return NULL;
	char *fast = fast_deparse(a, expr);
	if (fast)
		return fast;
	/* Wrap the expression as "SELECT <expr>", deparse, strip the SELECT. */
	PgQuery__ResTarget rt = PG_QUERY__RES_TARGET__INIT;
	rt.val = (PgQuery__Node *)expr;
	PgQuery__Node target = PG_QUERY__NODE__INIT;
	target.node_case = PG_QUERY__NODE__NODE_RES_TARGET;
	target.res_target = &rt;
	PgQuery__Node *targets[1] = { &target };
	PgQuery__SelectStmt sel = PG_QUERY__SELECT_STMT__INIT;
	sel.n_target_list = 1;
	sel.target_list = targets;
	sel.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
	sel.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
	PgQuery__Node stmt = PG_QUERY__NODE__INIT;
	stmt.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
	stmt.select_stmt = &sel;
	PgQuery__RawStmt raw = PG_QUERY__RAW_STMT__INIT;
	raw.stmt = &stmt;
	PgQuery__RawStmt *raws[1] = { &raw };
	PgQuery__ParseResult pr = PG_QUERY__PARSE_RESULT__INIT;
	pr.version = PG_VERSION_NUM;
	pr.n_stmts = 1;
	pr.stmts = raws;
	size_t len = pg_query__parse_result__get_packed_size(&pr);
	uint8_t *buf = dd_xmalloc(len ? len : 1);
	pg_query__parse_result__pack(&pr, buf);
	PgQueryProtobuf pb = { len, (char *)buf };
	PgQueryDeparseResult d = pg_query_deparse_protobuf(pb);
	char *out = NULL;
	if (!d.error && d.query && strncmp(d.query, "SELECT ", 7) == 0)
		out = dd_arena_strdup(a, d.query + 7);
	pg_query_free_deparse_result(d);
	free(buf);
	return out;
}

/* Parse prefix + text as one SELECT and return the first target's expression (arena), or NULL. */
const PgQuery__Node *dd_parse_select_expr(dd_arena *a, const char *prefix, const char *text)
{
	size_t n = strlen(prefix) + strlen(text) + 1;
	char *sql = dd_xmalloc(n);
	snprintf(sql, n, "%s%s", prefix, text);
	PgQueryProtobufParseResult r = pg_query_parse_protobuf(sql);
	free(sql);
	const PgQuery__Node *out = NULL;
	if (!r.error) {
		PgQuery__ParseResult *pr = dd_parse_result_unpack(a, r.parse_tree);
		if (pr && pr->n_stmts == 1 && pr->stmts[0]->stmt &&
		    pr->stmts[0]->stmt->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) {
			const PgQuery__SelectStmt *ss = pr->stmts[0]->stmt->select_stmt;
			if (ss->n_target_list == 1 && ss->target_list[0]->node_case == PG_QUERY__NODE__NODE_RES_TARGET)
				out = ss->target_list[0]->res_target->val;
		}
	}
	pg_query_free_protobuf_parse_result(r);
	return out;
}

/* ---- what a statement means for transactions ---- */

dd_tx_control dd_stmt_transaction_control(const PgQuery__Node *stmt)
{
	if (stmt->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT)
		return DD_TX_NONE;
	switch (stmt->transaction_stmt->kind) {
	case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
	case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START: return DD_TX_BEGIN;
	case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT: return DD_TX_COMMIT;
	case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK: return DD_TX_ROLLBACK;
	default: return DD_TX_NONE;
	}
}

static bool has_concurrently(PgQuery__Node *const *params, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (params[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
		    strcmp(params[i]->def_elem->defname, "concurrently") == 0)
			return true;
	return false;
}

const char *dd_stmt_outside_transaction(const PgQuery__Node *stmt)
{
	switch (stmt->node_case) {
	case PG_QUERY__NODE__NODE_INDEX_STMT:
		return stmt->index_stmt->concurrent ? "CREATE INDEX CONCURRENTLY" : NULL;
	case PG_QUERY__NODE__NODE_DROP_STMT:
		return stmt->drop_stmt->concurrent ? "DROP INDEX CONCURRENTLY" : NULL;
	case PG_QUERY__NODE__NODE_REINDEX_STMT:
		return has_concurrently(stmt->reindex_stmt->params, stmt->reindex_stmt->n_params) ? "REINDEX CONCURRENTLY" : NULL;
	case PG_QUERY__NODE__NODE_VACUUM_STMT:
		return stmt->vacuum_stmt->is_vacuumcmd ? "VACUUM" : NULL;
	case PG_QUERY__NODE__NODE_CREATEDB_STMT: return "CREATE DATABASE";
	case PG_QUERY__NODE__NODE_DROPDB_STMT: return "DROP DATABASE";
	case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT: return "ALTER SYSTEM";
	case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT: return "CREATE TABLESPACE";
	case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT: return "DROP TABLESPACE";
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
		const PgQuery__AlterTableStmt *as = stmt->alter_table_stmt;
		for (size_t i = 0; i < as->n_cmds; i++) {
			const PgQuery__Node *c = as->cmds[i];
			if (c->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD &&
			    c->alter_table_cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition && c->alter_table_cmd->def &&
			    c->alter_table_cmd->def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD &&
			    c->alter_table_cmd->def->partition_cmd->concurrent)
				return "DETACH PARTITION CONCURRENTLY";
		}
		return NULL;
	}
	default:
		return NULL;
	}
}

/* ---- reading trees ---- */

const char *dd_string_node(const PgQuery__Node *n)
{
	if (n && n->node_case == PG_QUERY__NODE__NODE_STRING && n->string)
		return n->string->sval;
	return NULL;
}

const char *dd_name_last(PgQuery__Node *const *names, size_t n)
{
	const char *s = n ? dd_string_node(names[n - 1]) : NULL;
	return s ? s : "";
}
