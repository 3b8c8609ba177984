/* naming/snake-case: user-defined names are lower snake_case, judged as written in the source. */
#include <ctype.h>
#include <stdlib.h>
#include "ddlint/rule.h"

#define DEFAULT_PATTERN "^[a-z][a-z0-9]*(_[a-z0-9]+)*$"

static bool default_match(const char *s)
{
	/* The default pattern, without a regex engine: it runs on every name. */
	if (!(*s >= 'a' && *s <= 'z'))
		return false;
	bool prev_us = false;
	for (const char *p = s; *p; p++) {
		if (*p == '_') {
			if (prev_us || p[1] == '\0')
				return false;
			prev_us = true;
		} else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			prev_us = false;
		} else {
			return false;
		}
	}
	return true;
}

static bool matches(dd_ctx *ctx, const char *name)
{
	if (strcmp(dd_opt_string(ctx, "pattern"), DEFAULT_PATTERN) == 0)
		return default_match(name);
	return dd_opt_match(ctx, "pattern", name);
}

/* weightKg -> weight_kg, HTTPServer -> http_server, "Order Items" -> order_items */
static char *to_snake(dd_ctx *ctx, const char *s)
{
	size_t n = strlen(s);
	char *out = dd_sprintf(ctx, "%*s", (int)(n * 2 + 2), "");
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isupper(c)) {
			bool prev_lower = i > 0 && (islower((unsigned char)s[i - 1]) || isdigit((unsigned char)s[i - 1]));
			bool next_lower = i + 1 < n && islower((unsigned char)s[i + 1]);
			bool prev_upper = i > 0 && isupper((unsigned char)s[i - 1]);
			if (k > 0 && out[k - 1] != '_' && (prev_lower || (prev_upper && next_lower)))
				out[k++] = '_';
			out[k++] = (char)tolower(c);
		} else if (isalnum(c)) {
			out[k++] = (char)c;
		} else if (k > 0 && out[k - 1] != '_') {
			out[k++] = '_';
		}
	}
	while (k > 0 && out[k - 1] == '_')
		k--;
	out[k] = '\0';
	if (k == 0 || isdigit((unsigned char)out[0]))
		return NULL;
	return out;
}

/* Check the identifier written at `offset` (the tree's `name` when none is found there). */
static void check_at(dd_ctx *ctx, const char *what, int offset, const char *name, const char *object)
{
	dd_loc span = { dd_ctx_file(ctx), offset, 0 };
	const char *written = dd_ident_at(ctx, dd_ctx_file(ctx), offset, &span, NULL);
	if (!written)
		written = name;
	if (!written || !*written || matches(ctx, written))
		return;
	char *fix = to_snake(ctx, written);
	dd_report(ctx, span, object, fix, "%s name '%s' is not snake_case%s%s%s", what, written,
		  fix ? " (use '" : "", fix ? fix : "", fix ? "')" : "");
}

/* Names without a location in the tree: find them in the statement text. */
static void check_find(dd_ctx *ctx, const char *what, int from, const char *name, const char *object)
{
	if (!name || !*name)
		return;
	dd_loc l = dd_find_ident(ctx, from, name);
	check_at(ctx, what, l.len ? l.offset : -1, name, object);
}

static const char *schema_of(dd_ctx *ctx, const char *schema)
{
	return dd_model_schema_for(dd_ctx_model(ctx), schema);
}

static void check_rangevar(dd_ctx *ctx, const char *what, const PgQuery__RangeVar *rv)
{
	if (!rv || dd_is_system_schema(rv->schemaname))
		return;
	dd_loc l = dd_name_loc(dd_ctx_file(ctx), rv->location);
	check_at(ctx, what, l.len ? l.offset : -1, rv->relname,
		 dd_qualified(ctx, schema_of(ctx, rv->schemaname), rv->relname, NULL));
}

static void check_constraint(dd_ctx *ctx, const PgQuery__Constraint *c, const char *object_prefix)
{
	if (!c->conname || !*c->conname)
		return;
	check_find(ctx, "constraint", c->location, c->conname, dd_sprintf(ctx, "%s.%s", object_prefix, c->conname));
}

static void check_column(dd_ctx *ctx, const PgQuery__ColumnDef *cd, const char *table_obj)
{
	check_at(ctx, "column", cd->location, cd->colname, dd_sprintf(ctx, "%s.%s", table_obj, cd->colname));
	for (size_t i = 0; i < cd->n_constraints; i++)
		if (cd->constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
			check_constraint(ctx, cd->constraints[i]->constraint, table_obj);
}

static void check_names_list(dd_ctx *ctx, const char *what, PgQuery__Node *const *names, size_t n)
{
	if (!n)
		return;
	const char *schema = n >= 2 ? dd_string_node(names[n - 2]) : NULL;
	if (dd_is_system_schema(schema))
		return;
	const char *name = dd_name_last(names, n);
	check_find(ctx, what, dd_ctx_stmt_offset(ctx), name, dd_qualified(ctx, schema_of(ctx, schema), name, NULL));
}

static void visit(dd_ctx *ctx, const PgQuery__Node *stmt)
{
	switch (stmt->node_case) {
	case PG_QUERY__NODE__NODE_CREATE_STMT: {
		const PgQuery__CreateStmt *cs = stmt->create_stmt;
		if (dd_is_system_schema(cs->relation->schemaname))
			return;
		check_rangevar(ctx, "table", cs->relation);
		const char *obj = dd_qualified(ctx, schema_of(ctx, cs->relation->schemaname), cs->relation->relname, NULL);
		for (size_t i = 0; i < cs->n_table_elts; i++) {
			const PgQuery__Node *n = cs->table_elts[i];
			if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
				check_column(ctx, n->column_def, obj);
			else if (n->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
				check_constraint(ctx, n->constraint, obj);
		}
		for (size_t i = 0; i < cs->n_constraints; i++)
			if (cs->constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
				check_constraint(ctx, cs->constraints[i]->constraint, obj);
		break;
	}
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
		const PgQuery__AlterTableStmt *as = stmt->alter_table_stmt;
		if (!as->relation || dd_is_system_schema(as->relation->schemaname))
			return;
		const char *obj = dd_qualified(ctx, schema_of(ctx, as->relation->schemaname), as->relation->relname, NULL);
		for (size_t i = 0; i < as->n_cmds; i++) {
			if (as->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
				continue;
			const PgQuery__AlterTableCmd *cmd = as->cmds[i]->alter_table_cmd;
			if (!cmd->def)
				continue;
			if ((cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn ||
			     cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse) &&
			    cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
				check_column(ctx, cmd->def->column_def, obj);
			else if (cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
				 (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint ||
				  cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse ||
				  cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddIndexConstraint))
				check_constraint(ctx, cmd->def->constraint, obj);
		}
		break;
	}
	case PG_QUERY__NODE__NODE_INDEX_STMT: {
		const PgQuery__IndexStmt *is = stmt->index_stmt;
		if (!is->idxname || !*is->idxname || dd_is_system_schema(is->relation->schemaname))
			return;
		check_find(ctx, "index", dd_ctx_stmt_offset(ctx), is->idxname,
			   dd_qualified(ctx, schema_of(ctx, is->relation->schemaname), is->idxname, NULL));
		break;
	}
	case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: {
		const char *name = stmt->create_schema_stmt->schemaname;
		check_find(ctx, "schema", dd_ctx_stmt_offset(ctx), name, name);
		break;
	}
	case PG_QUERY__NODE__NODE_VIEW_STMT:
		check_rangevar(ctx, "view", stmt->view_stmt->view);
		break;
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
		const PgQuery__CreateTableAsStmt *ct = stmt->create_table_as_stmt;
		if (ct->into && ct->into->rel)
			check_rangevar(ctx, ct->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? "view" : "table",
				       ct->into->rel);
		break;
	}
	case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
		check_rangevar(ctx, "sequence", stmt->create_seq_stmt->sequence);
		break;
	case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
		check_names_list(ctx, "type", stmt->create_enum_stmt->type_name, stmt->create_enum_stmt->n_type_name);
		break;
	case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
		check_names_list(ctx, "domain", stmt->create_domain_stmt->domainname, stmt->create_domain_stmt->n_domainname);
		break;
	case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
		check_names_list(ctx, "type", stmt->create_range_stmt->type_name, stmt->create_range_stmt->n_type_name);
		break;
	case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
		check_rangevar(ctx, "type", stmt->composite_type_stmt->typevar);
		break;
	case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: {
		const PgQuery__CreateFunctionStmt *fs = stmt->create_function_stmt;
		check_names_list(ctx, fs->is_procedure ? "procedure" : "function", fs->funcname, fs->n_funcname);
		break;
	}
	case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: {
		const PgQuery__CreateTrigStmt *ts = stmt->create_trig_stmt;
		if (dd_is_system_schema(ts->relation->schemaname))
			return;
		check_find(ctx, "trigger", dd_ctx_stmt_offset(ctx), ts->trigname,
			   dd_qualified(ctx, schema_of(ctx, ts->relation->schemaname), ts->relation->relname, ts->trigname));
		break;
	}
	case PG_QUERY__NODE__NODE_RENAME_STMT: {
		const PgQuery__RenameStmt *rs = stmt->rename_stmt;
		const char *what = NULL;
		switch (rs->rename_type) {
		case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: what = "table"; break;
		case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: what = "column"; break;
		case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: what = "constraint"; break;
		case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: what = "index"; break;
		case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
		case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: what = "view"; break;
		case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: what = "sequence"; break;
		case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: what = "type"; break;
		case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: what = "domain"; break;
		case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: what = "schema"; break;
		case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: what = "trigger"; break;
		case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION: what = "function"; break;
		case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: what = "procedure"; break;
		default: return;
		}
		/* the new name follows TO, the last identifier of the statement */
		const char *schema = rs->relation ? rs->relation->schemaname : NULL;
		if (dd_is_system_schema(schema))
			return;
		const char *obj = rs->relation ? dd_qualified(ctx, schema_of(ctx, schema), rs->relation->relname,
							      rs->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ? NULL : rs->newname)
					       : rs->newname;
		dd_loc to = dd_find_ident(ctx, dd_ctx_stmt_offset(ctx), "to");
		check_find(ctx, what, to.len ? to.offset + to.len : dd_ctx_stmt_offset(ctx), rs->newname, obj);
		break;
	}
	default:
		break;
	}
}

static const int visits[] = {
	PG_QUERY__NODE__NODE_CREATE_STMT, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT, PG_QUERY__NODE__NODE_INDEX_STMT,
	PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT, PG_QUERY__NODE__NODE_VIEW_STMT,
	PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT, PG_QUERY__NODE__NODE_CREATE_SEQ_STMT,
	PG_QUERY__NODE__NODE_CREATE_ENUM_STMT, PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT,
	PG_QUERY__NODE__NODE_CREATE_RANGE_STMT, PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT,
	PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT, PG_QUERY__NODE__NODE_CREATE_TRIG_STMT,
	PG_QUERY__NODE__NODE_RENAME_STMT, 0
};

static const dd_option options[] = {
	{ "pattern", DD_OPT_PATTERN, "'" DEFAULT_PATTERN "'", "POSIX extended regular expression every name must match", NULL },
	{ 0 }
};

const dd_rule dd_rule_naming_snake_case = {
	.id = "naming/snake-case",
	.summary = "User-defined names are lower snake_case",
	.severity = DD_SEV_ERROR,
	.description =
		"Checks the name of every schema, table, column, view, index, constraint, type, domain, "
		"function, procedure, trigger and sequence that the SQL defines or renames to, as written in "
		"the source: an unquoted weightKg is folded to weightkg by PostgreSQL, but it is still "
		"reported, with weight_kg as suggestion. Enum labels and names in pg_catalog or "
		"information_schema are not checked.",
	.why = "Mixed case only survives when quoted, so every later query has to quote it the same way; "
	       "folded names (weightkg) are hard to read. One convention makes names predictable.",
	.bad = "CREATE TABLE \"UserAccounts\" (\n    id uuid PRIMARY KEY,\n    weightKg numeric(6,2)\n);\n",
	.good = "CREATE TABLE user_accounts (\n    id uuid PRIMARY KEY,\n    weight_kg numeric(6,2)\n);\n",
	.options = options,
	.visits = visits,
	.visit = visit,
};
