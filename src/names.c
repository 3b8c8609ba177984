/* Types as format_type() prints them, and the names PostgreSQL generates for unnamed objects. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include "names.h"
#include "inflect.h"

#define NAMEDATALEN 64

struct alias { const char *from, *to; };

/* Built-in names and their canonical spelling (format_type output). */
static const struct alias aliases[] = {
	{ "int4", "integer" }, { "int", "integer" }, { "integer", "integer" },
	{ "int8", "bigint" }, { "bigint", "bigint" },
	{ "int2", "smallint" }, { "smallint", "smallint" },
	{ "serial", "integer" }, { "serial4", "integer" },
	{ "bigserial", "bigint" }, { "serial8", "bigint" },
	{ "smallserial", "smallint" }, { "serial2", "smallint" },
	{ "float4", "real" }, { "real", "real" },
	{ "float8", "double precision" }, { "float", "double precision" },
	{ "numeric", "numeric" }, { "decimal", "numeric" },
	{ "bool", "boolean" }, { "boolean", "boolean" },
	{ "varchar", "character varying" }, { "bpchar", "character" },
	{ "timestamp", "timestamp without time zone" },
	{ "timestamptz", "timestamp with time zone" },
	{ "time", "time without time zone" }, { "timetz", "time with time zone" },
	{ "varbit", "bit varying" }, { "char", "\"char\"" },
	{ NULL, NULL }
};

static const char *canonical(const char *name, bool *serial)
{
	*serial = strstr(name, "serial") != NULL;
	for (const struct alias *a = aliases; a->from; a++)
		if (strcmp(a->from, name) == 0)
			return a->to;
	return NULL;
}

/* A user name as format_type prints it: quoted unless plain lower case (keywords, which
 * format_type also quotes, are left as they are: built-in names such as interval are keywords). */
static const char *quote_ident(dd_arena *a, const char *name)
{
	bool plain = (*name >= 'a' && *name <= 'z') || *name == '_';
	for (const char *p = name; *p && plain; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '$';
	if (plain)
		return name;
	return dd_arena_quote(a, name, '"');
}

void dd_type_from_typename(dd_arena *a, const PgQuery__TypeName *tn, dd_type *out)
{
	memset(out, 0, sizeof *out);
	if (!tn || tn->n_names == 0) {
		out->name = out->text = "unknown";
		return;
	}
	const char *schema = tn->n_names >= 2 ? dd_string_node(tn->names[tn->n_names - 2]) : NULL;
	const char *base = dd_name_last(tn->names, tn->n_names);
	bool builtin_schema = !schema || strcmp(schema, "pg_catalog") == 0;
	const char *canon = NULL;
	if (builtin_schema)
		canon = canonical(base, &out->serial);
	if (!canon)
		out->serial = false;
	out->schema = builtin_schema ? NULL : dd_arena_strdup(a, schema);
	out->name = canon ? canon : dd_arena_strdup(a, base);
	out->array_dims = (int)tn->n_array_bounds;
	for (size_t i = 0; i < tn->n_typmods && out->n_mods < 2; i++) {
		const PgQuery__Node *m = tn->typmods[i];
		if (m->node_case == PG_QUERY__NODE__NODE_A_CONST && m->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL)
			out->mods[out->n_mods++] = m->a_const->ival->ival;
	}

	/* PostgreSQL stores numeric(p) as numeric(p,0) */
	if (canon && strcmp(canon, "numeric") == 0 && out->n_mods == 1) {
		out->mods[1] = 0;
		out->n_mods = 2;
	}
	char mods[64] = "";
	if (out->n_mods == 1)
		snprintf(mods, sizeof mods, "(%d)", out->mods[0]);
	else if (out->n_mods == 2)
		snprintf(mods, sizeof mods, "(%d,%d)", out->mods[0], out->mods[1]);
	if (canon && strcmp(canon, "interval") == 0)
		mods[0] = '\0';   /* interval typmods encode fields; not shown */
	const char *arr = out->array_dims ? "[]" : "";
	const char *tz = NULL;
	if (canon && strncmp(canon, "timestamp ", 10) == 0)
		tz = canon + 9;
	else if (canon && strncmp(canon, "time ", 5) == 0)
		tz = canon + 4;
	if (tz && mods[0])   /* precision sits after the base word: timestamp(3) with time zone */
		out->text = dd_arena_sprintf(a, "%.*s%s%s%s", (int)(tz - canon), canon, mods, tz, arr);
	else if (out->schema && strcmp(out->schema, "public") != 0)
		out->text = dd_arena_sprintf(a, "%s.%s%s%s", quote_ident(a, out->schema), quote_ident(a, out->name), mods, arr);
	else
		out->text = dd_arena_sprintf(a, "%s%s%s", canon ? out->name : quote_ident(a, out->name), mods, arr);
}

char *dd_make_object_name(dd_arena *a, const char *name1, const char *name2, const char *label)
{
	size_t overhead = 0, n1 = strlen(name1), n2 = 0;
	if (name2) {
		n2 = strlen(name2);
		overhead++;
	}
	if (label)
		overhead += strlen(label) + 1;
	size_t avail = NAMEDATALEN - 1 - overhead;
	/* PostgreSQL shortens the longer part first, one byte at a time. */
	while (n1 + n2 > avail) {
		if (n1 > n2)
			n1--;
		else
			n2--;
	}
	n1 = dd_utf8_clip(name1, strlen(name1), n1);
	if (name2)
		n2 = dd_utf8_clip(name2, strlen(name2), n2);
	return dd_arena_sprintf(a, "%.*s%s%.*s%s%s", (int)n1, name1, name2 ? "_" : "", (int)n2,
				name2 ? name2 : "", label ? "_" : "", label ? label : "");
}

/*
 * Shortening a suggested name (README "Suggested names"). The words a schema's names are made of
 * and the abbreviations most schemas already use for them; a plural is abbreviated as its
 * singular plus s (organizations -> orgs).
 */
static const struct alias abbreviations[] = {
	{ "account", "acct" }, { "address", "addr" }, { "administrator", "admin" },
	{ "application", "app" }, { "attribute", "attr" }, { "authentication", "authn" },
	{ "authorization", "authz" }, { "average", "avg" }, { "calculation", "calc" },
	{ "certificate", "cert" }, { "configuration", "config" }, { "customer", "cust" },
	{ "database", "db" }, { "department", "dept" }, { "description", "descr" },
	{ "destination", "dest" }, { "development", "dev" }, { "document", "doc" },
	{ "employee", "emp" }, { "environment", "env" }, { "history", "hist" },
	{ "identifier", "id" }, { "information", "info" }, { "language", "lang" },
	{ "library", "lib" }, { "location", "loc" }, { "management", "mgmt" }, { "manager", "mgr" },
	{ "maximum", "max" }, { "message", "msg" }, { "minimum", "min" },
	{ "notification", "notif" }, { "number", "num" }, { "object", "obj" },
	{ "operation", "op" }, { "organisation", "org" }, { "organization", "org" },
	{ "package", "pkg" }, { "parameter", "param" }, { "percentage", "pct" },
	{ "permission", "perm" }, { "position", "pos" }, { "preference", "pref" },
	{ "previous", "prev" }, { "property", "prop" }, { "quantity", "qty" },
	{ "reference", "ref" }, { "repository", "repo" }, { "request", "req" },
	{ "response", "resp" }, { "schedule", "sched" }, { "sequence", "seq" }, { "source", "src" },
	{ "specification", "spec" }, { "statistics", "stats" }, { "synchronization", "sync" },
	{ "system", "sys" }, { "temporary", "tmp" }, { "timestamp", "ts" },
	{ "transaction", "txn" }, { "version", "ver" },
	{ NULL, NULL }
};

/* The abbreviation of a word (n bytes at w), or NULL. */
static const char *abbreviation(dd_arena *a, const char *w, size_t n)
{
	char *word = dd_arena_strndup(a, w, n);
	for (int i = 0; abbreviations[i].from; i++)
		if (strcmp(word, abbreviations[i].from) == 0)
			return abbreviations[i].to;
	if (n < 4 || word[n - 1] != 's')
		return NULL;
	const char *one = dd_singularize(a, word);
	for (int i = 0; abbreviations[i].from; i++)
		if (strcmp(one, abbreviations[i].from) == 0)
			return dd_arena_sprintf(a, "%ss", abbreviations[i].to);
	return NULL;
}

/* 32-bit FNV-1a. */
static uint32_t fnv1a(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

const char *dd_shorten_name(dd_arena *a, const char *name, const char *keep)
{
	const size_t max = NAMEDATALEN - 1, hash_len = 7;   /* "_" and six hex digits */
	size_t n = strlen(name);
	if (n <= max)
		return name;
	size_t tail = keep && dd_has_suffix(name, keep) ? strlen(keep) : 0;
	if (tail + hash_len + 1 > max || tail == n)
		tail = 0;
	/* the words before the kept tail, abbreviated one at a time, the longest first (of two
	 * of the same length, the later one), until the name fits */
	char *body = dd_arena_strndup(a, name, n - tail);
	for (;;) {
		size_t len = strlen(body);
		if (len + tail <= max)
			return dd_arena_sprintf(a, "%s%s", body, name + n - tail);
		size_t best_at = 0, best_len = 0;
		const char *best = NULL;
		for (size_t s = 0; s < len;) {
			size_t e = s;
			while (e < len && body[e] != '_')
				e++;
			const char *abbr = e - s >= best_len ? abbreviation(a, body + s, e - s) : NULL;
			if (abbr && strlen(abbr) < e - s) {
				best = abbr;
				best_at = s;
				best_len = e - s;
			}
			s = e + 1;
		}
		if (!best)
			break;
		body = dd_arena_sprintf(a, "%.*s%s%s", (int)best_at, body, best, body + best_at + best_len);
	}
	/* still too long: cut on a character boundary, and say which name it was with a hash */
	size_t len = strlen(body);
	size_t cut = dd_utf8_clip(body, len, max - tail - hash_len);
	while (cut > 0 && body[cut - 1] == '_')
		cut--;
	return dd_arena_sprintf(a, "%.*s%s%06x%s", (int)cut, body, cut ? "_" : "", (unsigned)(fnv1a(name) >> 8),
				name + n - tail);
}

char *dd_name_addition(dd_arena *a, const char *const *names, size_t n)
{
	char buf[NAMEDATALEN * 2] = "";
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		if (len > 0)
			buf[len++] = '_';
		size_t l = strlen(names[i]);
		if (l > NAMEDATALEN - 1)
			l = NAMEDATALEN - 1;
		memcpy(buf + len, names[i], l);
		len += l;
		buf[len] = '\0';
		if (len >= NAMEDATALEN)
			break;
	}
	return dd_arena_strdup(a, buf);
}

/* FigureColnameInternal of parse_target.c, for the cases index expressions use. */
static int figure(const PgQuery__Node *n, const char **name)
{
	if (!n)
		return 0;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_COLUMN_REF: {
		const PgQuery__ColumnRef *c = n->column_ref;
		for (size_t i = c->n_fields; i > 0; i--) {
			const char *s = dd_string_node(c->fields[i - 1]);
			if (s) {
				*name = s;
				return 2;
			}
		}
		return 0;
	}
	case PG_QUERY__NODE__NODE_A_INDIRECTION: {
		const PgQuery__AIndirection *ind = n->a_indirection;
		for (size_t i = ind->n_indirection; i > 0; i--) {
			const char *s = dd_string_node(ind->indirection[i - 1]);
			if (s) {
				*name = s;
				return 2;
			}
		}
		return figure(ind->arg, name);
	}
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		*name = dd_name_last(n->func_call->funcname, n->func_call->n_funcname);
		return 2;
	case PG_QUERY__NODE__NODE_A_EXPR:
		if (n->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF) {
			*name = "nullif";
			return 2;
		}
		return 0;
	case PG_QUERY__NODE__NODE_TYPE_CAST: {
		int s = figure(n->type_cast->arg, name);
		if (s == 0 && n->type_cast->type_name) {
			*name = dd_name_last(n->type_cast->type_name->names, n->type_cast->type_name->n_names);
			return 1;
		}
		return s;
	}
	case PG_QUERY__NODE__NODE_COLLATE_CLAUSE:
		return figure(n->collate_clause->arg, name);
	case PG_QUERY__NODE__NODE_CASE_EXPR: {
		int s = figure(n->case_expr->defresult, name);
		if (s <= 1) {
			*name = "case";
			return 1;
		}
		return s;
	}
	case PG_QUERY__NODE__NODE_A_ARRAY_EXPR: *name = "array"; return 2;
	case PG_QUERY__NODE__NODE_ROW_EXPR: *name = "row"; return 2;
	case PG_QUERY__NODE__NODE_COALESCE_EXPR: *name = "coalesce"; return 2;
	case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
		*name = n->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? "greatest" : "least";
		return 2;
	case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
		switch (n->sqlvalue_function->op) {
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE: *name = "current_date"; return 2;
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME:
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N: *name = "current_time"; return 2;
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP:
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N: *name = "current_timestamp"; return 2;
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME:
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N: *name = "localtime"; return 2;
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP:
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N: *name = "localtimestamp"; return 2;
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER: *name = "current_user"; return 2;
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER: *name = "session_user"; return 2;
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER: *name = "user"; return 2;
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE: *name = "current_role"; return 2;
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG: *name = "current_catalog"; return 2;
		case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA: *name = "current_schema"; return 2;
		default: return 0;
		}
	default:
		return 0;
	}
}

const char *dd_figure_colname(const PgQuery__Node *expr)
{
	const char *name = NULL;
	figure(expr, &name);
	return name;
}
