/*
 * The names a statement defines (or renames to), as written in the source:
 * what the naming rules judge. One walk serves naming/snake-case,
 * naming/identifier-length and naming/reserved-word.
 */
#include <string.h>
#include <pg_query.h>
#include "ctx.h"

const int dd_defname_visits[] = {
	PG_QUERY__NODE__NODE_CREATE_STMT, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT, PG_QUERY__NODE__NODE_INDEX_STMT,
	PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT, PG_QUERY__NODE__NODE_VIEW_STMT,
	PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT, PG_QUERY__NODE__NODE_CREATE_SEQ_STMT,
	PG_QUERY__NODE__NODE_CREATE_ENUM_STMT, PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT,
	PG_QUERY__NODE__NODE_CREATE_RANGE_STMT, PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT,
	PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT, PG_QUERY__NODE__NODE_CREATE_TRIG_STMT,
	PG_QUERY__NODE__NODE_RENAME_STMT, 0
};

typedef struct walk {
	dd_ctx *ctx;
	void (*fn)(dd_ctx *, const dd_defname *, void *);
	void *arg;
} walk;

static const char *schema_of(dd_ctx *ctx, const char *schema)
{
	return dd_model_schema_for(dd_ctx_model(ctx), schema);
}

/* Emit the identifier written at `offset` (the tree's `name` when none is found there). */
static void emit_at(walk *w, const char *kind, int offset, const char *name, const char *object)
{
	dd_defname d;
	memset(&d, 0, sizeof d);
	d.kind = kind;
	d.folded = name;
	d.object = object;
	d.loc.file = dd_ctx_file(w->ctx);
	d.loc.offset = offset >= 0 ? offset : dd_ctx_stmt_offset(w->ctx);
	d.name = dd_ident_at(w->ctx, d.loc.file, offset, &d.loc, &d.quoted);
	if (!d.name) {
		d.name = name;
		d.loc.len = 0;
	}
	if (!d.name || !*d.name)
		return;
	w->fn(w->ctx, &d, w->arg);
}

/* Names without a location in the tree: find them in the statement text. */
static void emit_find(walk *w, const char *kind, int from, const char *name, const char *object)
{
	if (!name || !*name)
		return;
	dd_loc l = dd_find_ident(w->ctx, from, name);
	emit_at(w, kind, l.len ? l.offset : -1, name, object);
}

static void emit_rangevar(walk *w, const char *kind, const PgQuery__RangeVar *rv)
{
	if (!rv || dd_is_system_schema(rv->schemaname))
		return;
	dd_loc l = dd_name_loc(dd_ctx_file(w->ctx), rv->location);
	emit_at(w, kind, l.len ? l.offset : -1, rv->relname,
		dd_qualified(w->ctx, schema_of(w->ctx, rv->schemaname), rv->relname, NULL));
}

static void emit_constraint(walk *w, const PgQuery__Constraint *c, const char *table_obj)
{
	if (c->conname && *c->conname)
		emit_find(w, "constraint", c->location, c->conname, dd_sprintf(w->ctx, "%s.%s", table_obj, c->conname));
	if (c->indexname && *c->indexname)
		return;   /* USING INDEX names an existing index */
}

static void emit_column(walk *w, const PgQuery__ColumnDef *cd, const char *table_obj)
{
	emit_at(w, "column", cd->location, cd->colname, dd_sprintf(w->ctx, "%s.%s", table_obj, cd->colname));
	for (size_t i = 0; i < cd->n_constraints; i++)
		if (cd->constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
			emit_constraint(w, cd->constraints[i]->constraint, table_obj);
}

static void emit_names_list(walk *w, const char *kind, PgQuery__Node *const *names, size_t n)
{
	if (!n)
		return;
	const char *schema = n >= 2 ? dd_string_node(names[n - 2]) : NULL;
	if (dd_is_system_schema(schema))
		return;
	const char *name = dd_name_last(names, n);
	emit_find(w, kind, dd_ctx_stmt_offset(w->ctx), name, dd_qualified(w->ctx, schema_of(w->ctx, schema), name, NULL));
}

static const char *rename_kind(PgQuery__ObjectType t)
{
	switch (t) {
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: return "table";
	case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: return "column";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: return "constraint";
	case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return "index";
	case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
	case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: return "view";
	case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return "sequence";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: return "type";
	case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: return "domain";
	case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: return "schema";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: return "trigger";
	case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION: return "function";
	case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: return "procedure";
	default: return NULL;
	}
}

void dd_each_defined_name(dd_ctx *ctx, const PgQuery__Node *stmt,
			  void (*fn)(dd_ctx *, const dd_defname *, void *), void *arg)
{
	const dd_file *f = dd_ctx_file(ctx);
	if (f && !f->report)
		return;   /* a context file's names are neither reported nor counted (dd_report, dd_checked) */
	walk w = { ctx, fn, arg };
	walk *wp = &w;
	switch (stmt->node_case) {
	case PG_QUERY__NODE__NODE_CREATE_STMT: {
		const PgQuery__CreateStmt *cs = stmt->create_stmt;
		if (dd_is_system_schema(cs->relation->schemaname))
			return;
		emit_rangevar(wp, "table", cs->relation);
		const char *obj = dd_qualified(ctx, schema_of(ctx, cs->relation->schemaname), cs->relation->relname, NULL);
		for (size_t i = 0; i < cs->n_table_elts; i++) {
			const PgQuery__Node *n = cs->table_elts[i];
			if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
				emit_column(wp, n->column_def, obj);
			else if (n->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
				emit_constraint(wp, n->constraint, obj);
		}
		for (size_t i = 0; i < cs->n_constraints; i++)
			if (cs->constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
				emit_constraint(wp, cs->constraints[i]->constraint, obj);
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
				emit_column(wp, cmd->def->column_def, obj);
			else if (cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
				 (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint ||
				  cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse ||
				  cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddIndexConstraint))
				emit_constraint(wp, cmd->def->constraint, obj);
		}
		break;
	}
	case PG_QUERY__NODE__NODE_INDEX_STMT: {
		const PgQuery__IndexStmt *is = stmt->index_stmt;
		if (!is->idxname || !*is->idxname || dd_is_system_schema(is->relation->schemaname))
			return;
		emit_find(wp, "index", dd_ctx_stmt_offset(ctx), is->idxname,
			  dd_qualified(ctx, schema_of(ctx, is->relation->schemaname), is->idxname, NULL));
		break;
	}
	case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: {
		const char *name = stmt->create_schema_stmt->schemaname;
		emit_find(wp, "schema", dd_ctx_stmt_offset(ctx), name, name);
		break;
	}
	case PG_QUERY__NODE__NODE_VIEW_STMT:
		emit_rangevar(wp, "view", stmt->view_stmt->view);
		break;
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
		const PgQuery__CreateTableAsStmt *ct = stmt->create_table_as_stmt;
		if (ct->into && ct->into->rel)
			emit_rangevar(wp, ct->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? "view" : "table", ct->into->rel);
		break;
	}
	case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
		emit_rangevar(wp, "sequence", stmt->create_seq_stmt->sequence);
		break;
	case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
		emit_names_list(wp, "type", stmt->create_enum_stmt->type_name, stmt->create_enum_stmt->n_type_name);
		break;
	case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
		emit_names_list(wp, "domain", stmt->create_domain_stmt->domainname, stmt->create_domain_stmt->n_domainname);
		break;
	case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
		emit_names_list(wp, "type", stmt->create_range_stmt->type_name, stmt->create_range_stmt->n_type_name);
		break;
	case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
		emit_rangevar(wp, "type", stmt->composite_type_stmt->typevar);
		break;
	case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: {
		const PgQuery__CreateFunctionStmt *fs = stmt->create_function_stmt;
		emit_names_list(wp, fs->is_procedure ? "procedure" : "function", fs->funcname, fs->n_funcname);
		break;
	}
	case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: {
		const PgQuery__CreateTrigStmt *ts = stmt->create_trig_stmt;
		if (dd_is_system_schema(ts->relation->schemaname))
			return;
		emit_find(wp, "trigger", dd_ctx_stmt_offset(ctx), ts->trigname,
			  dd_qualified(ctx, schema_of(ctx, ts->relation->schemaname), ts->relation->relname, ts->trigname));
		break;
	}
	case PG_QUERY__NODE__NODE_RENAME_STMT: {
		const PgQuery__RenameStmt *rs = stmt->rename_stmt;
		const char *kind = rename_kind(rs->rename_type);
		const char *schema = rs->relation ? rs->relation->schemaname : NULL;
		if (!kind || dd_is_system_schema(schema))
			return;
		const char *obj = rs->relation ? dd_qualified(ctx, schema_of(ctx, schema), rs->relation->relname,
							      rs->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ? NULL : rs->newname)
					       : rs->newname;
		/* the new name follows TO */
		dd_loc to = dd_find_ident(ctx, dd_ctx_stmt_offset(ctx), "to");
		emit_find(wp, kind, to.len ? to.offset + to.len : dd_ctx_stmt_offset(ctx), rs->newname, obj);
		break;
	}
	default:
		break;
	}
}

int dd_keyword_kind(const char *word)
{
	/* PostgreSQL's own keyword table, through its scanner: one token, and its category */
	PgQueryScanResult r = pg_query_scan(word);
	int kind = 0;
	if (!r.error) {
		PgQuery__ScanResult *sr = pg_query__scan_result__unpack(NULL, r.pbuf.len, (const uint8_t *)r.pbuf.data);
		if (sr && sr->n_tokens == 1 && sr->tokens[0]->start == 0 && sr->tokens[0]->end == (int)strlen(word))
			kind = (int)sr->tokens[0]->keyword_kind;
		if (sr)
			pg_query__scan_result__free_unpacked(sr, NULL);
	}
	pg_query_free_scan_result(r);
	return kind;
}
