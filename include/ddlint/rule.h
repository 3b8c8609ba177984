/*
 * The one header a rule includes: the rule descriptor, the schema model, and
 * the helpers a rule uses to read source text and report diagnostics.
 *
 * Ownership: the model, files and statements a rule receives live until the run
 * is freed (a statement's tree only while it is visited: see dd_stmt). Rules
 * never free anything. What the helpers below allocate (dd_alloc, dd_sprintf,
 * identifiers, expression texts, option lists) lives until the visit or finish
 * step that asked for it returns, and dd_report copies what it is given. A rule
 * that needs to carry something from one call to the next declares an init step
 * and keeps it in its state (dd_state), allocated with dd_run_alloc.
 */
#ifndef DDLINT_RULE_H
#define DDLINT_RULE_H

#include <stddef.h>
#include <stdbool.h>
#include <string.h>
#include <pg_query/pg_query.pb-c.h>
#include "../ddlint.h"

typedef struct dd_ctx dd_ctx;
typedef struct dd_model dd_model;

/* ---- source ---------------------------------------------------------- */

typedef struct dd_migration dd_migration;

struct dd_file {
	const char *path;        /* path diagnostics show */
	const char *text;        /* NUL-terminated; psql lines blanked */
	size_t len;
	bool report;             /* false: context only, never reported */
	size_t index;            /* position in the run's file order */
	int *line_starts;        /* byte offset of each line start */
	int n_lines;
	const char *fs_real;     /* real path it was read from, or NULL for a buffer */
	int role;                /* DD_ROLE_* within a migration directory */
	dd_migration *migration; /* the migration it belongs to, or NULL */
	/* The parts of a migration file the tool runs (a whole up or down file is one part), in file
	 * order; text outside them is not run (NULL for files outside migration directories). */
	struct dd_section *sections;
	size_t n_sections;
	/* In a migration directory (else NULL): its name there (dir/file for per-migration folders),
	 * the tool of the directory, and the version its name gives. */
	const char *dir_name, *dir_layout, *version;
	bool off_layout;         /* its name does not follow the tool's rules for migrations */
	const char *off_layout_why; /* what the tool does with it then ("golang-migrate skips it"), or NULL */
	const char *same_version; /* dir_name of another file of the same kind and version, or NULL */
};

enum { DD_ROLE_PLAIN, DD_ROLE_UP, DD_ROLE_DOWN, DD_ROLE_UP_AND_DOWN, DD_ROLE_REPEATABLE, DD_ROLE_OTHER };

/* How a migration tool runs a part of a migration (an up, a down, a section). */
typedef enum dd_txmode {
	DD_TXMODE_OWN,           /* in a transaction the tool opens for it */
	DD_TXMODE_OWN_OR_NONE,   /* the same, unless every statement is one that cannot run in a transaction (Flyway) */
	DD_TXMODE_IMPLICIT,      /* sent as one query: several statements run as one implicit transaction */
	DD_TXMODE_NONE,          /* statement by statement, each committed on its own (unless the SQL says BEGIN) */
	DD_TXMODE_RUN            /* in one transaction with every other migration of the run (Drizzle) */
} dd_txmode;

/* A part of a migration file as its tool runs it: the whole file, or a section between markers. */
typedef struct dd_section {
	int start, end;          /* byte range in the file */
	bool down;
	dd_txmode tx;
	const char *tx_why;      /* how the tool runs it, as a clause: "goose runs each migration in a transaction" */
	const char *tx_optout;   /* how to run it outside a transaction in this tool, or NULL when there is no way */
} dd_section;

/* One parsed statement: its tree, where it is, and what part of a migration it belongs to. */
typedef struct dd_stmt {
	dd_file *file;
	/* The tree: valid while the statement is visited (visit, statement, applied). Afterwards
	 * only statements of migrations keep theirs; the trees of other files are freed once
	 * replayed (NULL): a finish step that needs more of them records it in the rule's state. */
	PgQuery__Node *node;
	int offset, len;
	dd_migration *migration;  /* NULL outside migration directories */
	bool down;                /* part of a down (undo, revert) migration: never replayed into the model */
	const dd_section *section; /* the part of a migration file it is in, or NULL */
	/* Static SQL of a DO block: the DO statement (which comes just before its statements), and
	 * whether PostgreSQL may skip it or catch its error (under an IF or an exception handler). */
	const struct dd_stmt *block;
	bool guarded;
} dd_stmt;

/* A span of source: `len` bytes from `offset` in `file`. */
typedef struct dd_loc {
	const dd_file *file;
	int offset;
	int len;
} dd_loc;

/* ---- schema model ---------------------------------------------------- */

/* A type as PostgreSQL's format_type() would print it, plus its parts. */
typedef struct dd_type {
	const char *schema;      /* NULL for built-in types */
	const char *name;        /* canonical base name: "integer", "timestamp with time zone", "my_enum" */
	int n_mods;              /* typmods given (0, 1 or 2) */
	int mods[2];
	int array_dims;
	const char *text;        /* full display: "numeric(10,2)", "character varying(255)[]" */
	bool serial;             /* declared serial/bigserial/smallserial (or a nextval() default) */
} dd_type;

typedef struct dd_column {
	const char *name;
	dd_loc loc;              /* the column name in its definition */
	dd_type type;
	bool not_null;
	const char *default_expr; /* normalized expression text, or NULL */
	char identity;           /* 'a' (ALWAYS), 'd' (BY DEFAULT) or 0 */
	bool generated;          /* GENERATED ALWAYS AS (...) STORED */
	const char *comment;
	const dd_file *made_in;  /* the file whose statement created it: a rename keeps it (loc moves to the rename) */
} dd_column;

typedef enum dd_constraint_kind {
	DD_CON_PRIMARY, DD_CON_UNIQUE, DD_CON_CHECK, DD_CON_FOREIGN, DD_CON_EXCLUDE
} dd_constraint_kind;

typedef struct dd_table dd_table;
typedef struct dd_index dd_index;

typedef struct dd_constraint {
	dd_constraint_kind kind;
	const char *name;        /* given, or the one PostgreSQL generates */
	bool named;              /* name was written in the source */
	const char *implicit_name; /* what PostgreSQL would name it if unnamed (before numbering) */
	bool name_truncated;     /* the generated name was cut to 63 bytes */
	dd_loc loc;              /* the constraint clause (CONSTRAINT/REFERENCES/...) */
	dd_loc name_loc;         /* the name as written, or loc when unnamed */
	const char **columns;    /* constrained (referencing) columns */
	size_t n_columns;
	/* FOREIGN KEY */
	const char *ref_schema, *ref_table;
	const char **ref_columns; /* empty: the referenced table's primary key */
	size_t n_ref_columns;
	char on_delete, on_update; /* 'a' no action, 'r' restrict, 'c' cascade, 'n' set null, 'd' set default */
	char match;               /* 's' simple, 'f' full, 'p' partial */
	bool delete_explicit;     /* ON DELETE written in the source */
	bool deferrable, initially_deferred;
	bool not_valid;
	const char *expr;         /* CHECK expression text */
	dd_table *table;
	dd_index *index;          /* PRIMARY KEY / UNIQUE / EXCLUDE: its index */
	bool inherited;           /* cloned by PostgreSQL onto a partition */
} dd_constraint;

typedef struct dd_index_elem {
	const char *column;      /* a plain column, or NULL for an expression */
	const char *expr;        /* expression text when column is NULL */
	const char *expr_name;   /* the column name PostgreSQL derives for the expression, or NULL */
	const char *opclass;     /* or NULL */
	bool desc;
} dd_index_elem;

struct dd_index {
	const char *schema;
	const char *name;
	bool named;
	bool name_truncated;     /* the generated name was cut to 63 bytes */
	dd_loc loc;              /* the index name as written, or the statement */
	dd_table *table;
	dd_index_elem *elems;
	size_t n_elems;
	const char **include;
	size_t n_include;
	bool unique, primary;
	const char *method;      /* "btree", "gin", ... */
	const char *predicate;   /* WHERE text, or NULL */
	const PgQuery__Node *predicate_node;
	dd_constraint *constraint; /* the constraint it backs, or NULL */
	bool inherited;          /* created by PostgreSQL on a partition, for its partitioned table's */
	bool dropped;
};

struct dd_table {
	const char *schema;
	const char *name;
	dd_loc loc;              /* the table name in CREATE TABLE */
	dd_column **columns;
	size_t n_columns;
	dd_constraint **constraints;
	size_t n_constraints;
	dd_index **indexes;
	size_t n_indexes;
	struct dd_trigger **triggers;   /* dropped ones stay, flagged */
	size_t n_triggers;
	char persistence;        /* 'p' permanent, 'u' unlogged, 't' temporary */
	bool partitioned;        /* PARTITION BY */
	const char *parent_schema, *parent; /* PARTITION OF / ATTACH PARTITION parent */
	const char *comment;
	bool dropped;
	const dd_file *made_in;  /* the file whose statement created it: a rename keeps it (loc moves to the rename) */
};

typedef enum dd_typedef_kind { DD_TYPE_ENUM, DD_TYPE_DOMAIN, DD_TYPE_COMPOSITE, DD_TYPE_RANGE } dd_typedef_kind;

typedef struct dd_typedef {
	const char *schema, *name;
	dd_typedef_kind kind;
	dd_loc loc;
	const char **labels;     /* enum labels */
	size_t n_labels;
	dd_type base;            /* domain base type */
	bool dropped;
} dd_typedef;

typedef struct dd_view {
	const char *schema, *name;
	bool materialized;
	dd_loc loc;
	bool dropped;
} dd_view;

typedef struct dd_trigger {
	const char *name;
	const char *schema, *table;
	dd_loc loc;
	const char *timing;      /* "before", "after", "instead of" */
	bool on_insert, on_update, on_delete, on_truncate;
	bool for_each_row;
	const char *function;    /* qualified as written */
	bool dropped;
} dd_trigger;

typedef struct dd_function {
	const char *schema, *name;
	const char *args;        /* argument types, comma separated */
	const char *returns;
	const char *language;
	char volatility;         /* 'i' IMMUTABLE, 's' STABLE, 'v' VOLATILE (CREATE FUNCTION's default) */
	bool procedure;
	dd_loc loc;
	bool dropped;
} dd_function;

typedef struct dd_sequence {
	const char *schema, *name;
	dd_loc loc;
	const char *owned_by_table, *owned_by_column;
	bool dropped;
} dd_sequence;

typedef struct dd_schema {
	const char *name;
	dd_loc loc;
	bool dropped;
} dd_schema;

/* The model of the schema as replayed so far. Dropped objects stay in the
 * arrays with `dropped` set, so rules can tell "never existed" from "dropped";
 * the lookup functions below never return dropped objects. */
struct dd_model {
	dd_table **tables;       size_t n_tables;
	dd_index **indexes;      size_t n_indexes;
	dd_typedef **types;      size_t n_types;
	dd_view **views;         size_t n_views;
	dd_trigger **triggers;   size_t n_triggers;
	dd_function **functions; size_t n_functions;
	dd_sequence **sequences; size_t n_sequences;
	dd_schema **schemas;     size_t n_schemas;
	const char *default_schema; /* first entry of search_path, else "public" */
	struct dd_model_priv *priv;
};

/* Look up a table by schema (NULL: the search path) and name. */
dd_table *dd_model_table(const dd_model *m, const char *schema, const char *name);
dd_column *dd_table_column(const dd_table *t, const char *name);
dd_constraint *dd_table_primary_key(const dd_table *t);
/* A foreign key's ON DELETE / ON UPDATE action (dd_constraint.on_delete) in words, lower case:
 * "restrict", "cascade", "set null", "set default", else "no action". */
const char *dd_fk_action_name(char action);
dd_typedef *dd_model_type(const dd_model *m, const char *schema, const char *name);
dd_index *dd_model_index(const dd_model *m, const char *schema, const char *name);
dd_view *dd_model_view(const dd_model *m, const char *schema, const char *name);
/* The type a domain stands for (domains of domains followed); `t` itself otherwise. */
const dd_type *dd_model_base_type(const dd_model *m, const dd_type *t);
/* Was a table of that name dropped, with none created since? */
bool dd_model_dropped_table(const dd_model *m, const char *schema, const char *name);
/* Does the index use column `col`, as a key column or an INCLUDE column? */
bool dd_index_uses_column(const dd_index *ix, const char *col);
/* pg_catalog, information_schema and pg_temp: objects whose names are not the user's. */
bool dd_is_system_schema(const char *schema);
/* The bookkeeping table of a migration tool (schema_migrations, flyway_schema_history, ...):
 * its shape is the tool's, not the schema author's. */
bool dd_is_tool_table(const dd_table *t);
/* Resolve the schema an unqualified name is created in. */
const char *dd_model_schema_for(const dd_model *m, const char *schema);

/* ---- migrations --------------------------------------------------------- */

/* One version of a migration directory: its up, and its down when it has one. */
struct dd_migration {
	const char *dir;          /* the migration directory */
	const char *layout;       /* the tool: "golang-migrate", "flyway", "dbmate", "goose", "prisma", "diesel",
				     "sqitch", "drizzle", "liquibase", "node-pg-migrate", "sql-migrate", "pop",
				     "sqlx", "atlas", "postgres-migrations", "plain" */
	const char *version;      /* as the tool reads it ("0003", "1.12.15", "20170831230457", a folder or change name) */
	const char *name;
	dd_file *up, *down;       /* down may be the up's own file (sections), or NULL */
	bool down_expected;       /* the tool has downs for it */
	bool down_optional;       /* the tool's downs are a feature few use (Flyway undo) */
	const char *down_hint;    /* where its down would go: "0003_x.down.sql", "a -- migrate:down section" */
	bool reported;            /* some part of it is being reported */
	dd_stmt **up_stmts, **down_stmts;
	size_t n_up, n_down;
};

/* What PostgreSQL refuses to run inside a transaction block ("CREATE INDEX CONCURRENTLY",
 * "VACUUM", ...), or NULL for a statement that can run in one. */
const char *dd_stmt_outside_transaction(const PgQuery__Node *stmt);
typedef enum dd_tx_control { DD_TX_NONE, DD_TX_BEGIN, DD_TX_COMMIT, DD_TX_ROLLBACK } dd_tx_control;
/* BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK, or none of them. */
dd_tx_control dd_stmt_transaction_control(const PgQuery__Node *stmt);
/* Every statement of the run in replay order (down statements included, flagged). */
dd_stmt *const *dd_ctx_statements(const dd_ctx *ctx, size_t *n);
/* The files of the run in the order they are replayed. */
dd_file *const *dd_ctx_files(const dd_ctx *ctx, size_t *n);

/* The migrations of the run, in the order they are applied. */
dd_migration *const *dd_ctx_migrations(const dd_ctx *ctx, size_t *n);

/* ---- option and config values ------------------------------------------ */

typedef enum dd_value_kind { DD_VAL_NULL, DD_VAL_SCALAR, DD_VAL_LIST, DD_VAL_MAP } dd_value_kind;

/* A YAML value: a scalar, a list or a map, with where it was written. */
typedef struct dd_value {
	dd_value_kind kind;
	const char *text;            /* scalar text ("" for null) */
	bool quoted;                 /* the scalar was quoted: a string even if it reads true or 1 */
	struct dd_value **items;     /* list items, or map values */
	const char **keys;           /* map keys, parallel to items */
	struct dd_value **key_nodes; /* map keys as values, for their positions */
	size_t n_items;
	const char *source;          /* file path, or where a default came from */
	int line, column;            /* 1-based */
} dd_value;

/* The value under `key` in a map, or NULL. */
const dd_value *dd_value_get(const dd_value *map, const char *key);
/* A scalar read as a boolean (true/false/yes/no/on/off); -1 when it is not one. */
int dd_value_bool(const dd_value *v);

/* ---- rules ------------------------------------------------------------ */

typedef enum dd_option_type {
	DD_OPT_BOOL, DD_OPT_INT, DD_OPT_STRING,
	DD_OPT_LIST,      /* a list of strings */
	DD_OPT_PATTERN,   /* a POSIX extended regular expression */
	DD_OPT_STRUCT     /* any YAML value, checked by `validate` */
} dd_option_type;

typedef struct dd_option {
	const char *name;
	dd_option_type type;
	const char *default_value; /* YAML text: true, 3, idx, [a, b], [{name: x}] */
	const char *doc;
	/* DD_OPT_STRUCT: return NULL when `v` is acceptable, else a message; *at receives the offending value. */
	const char *(*validate)(const dd_value *v, const dd_value **at);
} dd_option;

typedef struct dd_rule {
	const char *id;           /* "<category>/<name>", the file's path under rules/ */
	const char *summary;      /* one line */
	dd_severity severity;     /* default */
	const char *description;  /* what it checks, in full */
	const char *why;
	const char *bad;          /* SQL the rule reports */
	const char *good;         /* SQL the rule accepts */
	const dd_option *options; /* terminated by an entry with name NULL; may be NULL */
	/* Statement kinds visited (PgQuery__Node node_case), terminated by 0. */
	const int *visits;
	/* Called for each visited statement, with the model as it stood before it. */
	void (*visit)(dd_ctx *ctx, const PgQuery__Node *stmt);
	/* Called once after every file has been replayed. */
	void (*finish)(dd_ctx *ctx);
	/* Optional, for rules that follow the replay: called once before it, the result is the
	 * rule's state for the run (dd_state); allocate it with dd_run_alloc. */
	void *(*init)(dd_ctx *ctx);
	/* Called for every statement in replay order, down statements included (never applied to
	 * the model), with the model as it stood before the statement. */
	void (*statement)(dd_ctx *ctx, const dd_stmt *st);
	/* Called after a statement (not a down one) has been applied to the model. */
	void (*applied)(dd_ctx *ctx, const dd_stmt *st);
	/* The command whose findings these are when linting never reports them ("verify": `ddlint
	 * verify` runs the migrations on PostgreSQL), or NULL for a rule of linting. */
	const char *command;
} dd_rule;

/* The running rule's state, as its init returned it (NULL without init). */
void *dd_state(dd_ctx *ctx);
/* Zeroed memory that lives as long as the run (for a rule's state). */
void *dd_run_alloc(dd_ctx *ctx, size_t size);
/* A copy of s that lives as long as the run. */
char *dd_run_strdup(dd_ctx *ctx, const char *s);
/* Grow a run-lifetime array of pointers by one item (capacity is implicit). */
void dd_run_push(dd_ctx *ctx, void ***items, size_t *n, void *item);

/* ---- reversibility: what a migration's down does to the model ---------------------- */

typedef struct dd_snapshot dd_snapshot;
/* A DROP (without IF EXISTS) of the down that PostgreSQL would reject where it runs: the model,
 * as the up and the down's statements before it leave it, has no such object. */
typedef struct dd_down_miss {
	const dd_stmt *stmt;
	const char *kind;        /* "table", "index", "view", "sequence", "type" */
	const char *schema, *name;
} dd_down_miss;
/* The objects of the model as it stands now that the up and the down of migration m can
 * change (every object their statements name, and what belongs to those). It lives until
 * dd_snapshot_undo, or the end of the run. */
dd_snapshot *dd_snapshot_take(dd_ctx *ctx, const dd_migration *m);
/* Apply the down of the snapshot's migration to a copy of the model as it stands now, compare
 * with the snapshot and free it: *left_over receives the objects the down leaves (present
 * after it, not before the up), *missing those it does not restore (present before the up,
 * not after the down), each as sorted lines ("table public.users") in scratch memory; *misses
 * the drops PostgreSQL would reject, in order. */
void dd_snapshot_undo(dd_ctx *ctx, dd_snapshot *s, const char *const **left_over, size_t *n_left_over,
		      const char *const **missing, size_t *n_missing, const struct dd_down_miss **misses, size_t *n_misses);

/* ---- what a statement does to a live database (the safety/ rules) ------------------ */

/* The PostgreSQL major versions `safety.postgres_version` accepts, and its default. */
enum { DD_PG_VERSION_MIN = 10, DD_PG_VERSION_MAX = 18, DD_PG_VERSION_DEFAULT = 15 };
/* The major version of the server the migrations run on (safety.postgres_version). */
int dd_ctx_postgres_version(const dd_ctx *ctx);
/* Does statement st act on an object that exists before the change it belongs to, so that
 * running it takes locks on (or rewrites, or breaks) something in use? `created` is the file
 * whose statement created the object (a table's or a column's made_in, another object's
 * loc.file), or NULL when the run does not create it
 * (made outside the files: it exists). The change is the statement's migration; a down is
 * never judged (it undoes its own up); a file outside migration directories is judged only
 * with safety.assume_existing, and then the file is the change. */
bool dd_stmt_on_existing(const dd_ctx *ctx, const dd_stmt *st, const dd_file *created);

/* The model, the statement being visited and its location. */
const dd_model *dd_ctx_model(const dd_ctx *ctx);
const dd_file *dd_ctx_file(const dd_ctx *ctx);
int dd_ctx_stmt_offset(const dd_ctx *ctx);
/* The statement being visited (NULL in init and finish steps). */
const dd_stmt *dd_ctx_stmt(const dd_ctx *ctx);
int dd_ctx_stmt_len(const dd_ctx *ctx);

/* Options of the running rule (defaults unless configured). */
bool dd_opt_bool(dd_ctx *ctx, const char *name);
long dd_opt_int(dd_ctx *ctx, const char *name);
const char *dd_opt_string(dd_ctx *ctx, const char *name);
/* A list option as an array of strings; *n receives the count. */
const char *const *dd_opt_list(dd_ctx *ctx, const char *name, size_t *n);
/* Any option as its YAML value. */
const dd_value *dd_opt_value(dd_ctx *ctx, const char *name);
/* Does `s` match the pattern option `name`? */
bool dd_opt_match(dd_ctx *ctx, const char *name, const char *s);

/* Is a finding at loc kept? Not in a context file (an earlier migration, --context): dd_report
 * and dd_checked drop what is there, so a rule may skip judging an object defined there. */
bool dd_loc_reported(dd_loc loc);
/* Report a diagnostic for the running rule at `loc`. object and suggestion may be NULL. */
void dd_report(dd_ctx *ctx, dd_loc loc, const char *object, const char *suggestion,
	       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The running rule judged `object` (defined at loc), whether or not it reports it: what the
 * compliance report (ddlint report) counts as checked; the objects checked without a finding
 * pass. `object` is the qualified name a finding about it would give (a finding about a column
 * counts against its table when the rule checks tables); NULL: the statement at loc. Each rule
 * says what it counts (README "Compliance report"). A macro: its arguments are not even
 * evaluated unless a report asked for the counts (dd_checking), so a lint pays nothing. */
bool dd_checking(const dd_ctx *ctx);
void dd_checked_object(dd_ctx *ctx, dd_loc loc, const char *object);
#define dd_checked(ctx, ...) /* (ctx, loc, object); variadic for a compound literal loc */ \
	do { \
		if (dd_checking(ctx)) \
			dd_checked_object((ctx), __VA_ARGS__); \
	} while (0)

/* Scratch memory for rules: zeroed memory and strings that live until the visit or finish step returns. */
void *dd_alloc(dd_ctx *ctx, size_t size);
char *dd_strdup(dd_ctx *ctx, const char *s);
char *dd_sprintf(dd_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "schema.name" (or "schema.table.column" with col non-NULL). */
char *dd_qualified(dd_ctx *ctx, const char *schema, const char *name, const char *col);

/*
 * The identifier written at `offset` (quotes removed, case as written) and
 * its span. Returns NULL when no identifier starts there.
 */
const char *dd_ident_at(dd_ctx *ctx, const dd_file *file, int offset, dd_loc *span, bool *quoted);

/* The span of the last component of a possibly qualified name starting at `offset`. */
dd_loc dd_name_loc(const dd_file *file, int offset);
/* The 1-based line of a byte offset of the file. */
int dd_file_line(const dd_file *f, int offset);

/*
 * Search the statement being visited, from byte offset `from` on, for the
 * identifier `name` (as PostgreSQL would fold it). Returns its span, or a span
 * of length 0 at the statement start when absent.
 */
dd_loc dd_find_ident(dd_ctx *ctx, int from, const char *name);
/* The same in another statement (a migration's, kept), from its start. */
dd_loc dd_stmt_find_name(dd_ctx *ctx, const dd_stmt *st, const char *name);

/* A column (or domain) of the final model, for rules about types and column names. */
typedef struct dd_coldef {
	const char *schema, *table;   /* the table, or the domain's schema and name */
	const char *column;           /* NULL for a domain */
	dd_type type;                 /* normalized as format_type prints it */
	dd_loc loc;                   /* the column (or domain) name where it was defined */
	bool is_domain;
} dd_coldef;

/*
 * Call fn for each column of each table of the model (temporary tables, partitions and
 * system schemas left out) and each domain. For finish steps: what is judged is the
 * schema once every file has been replayed, as PostgreSQL would hold it.
 */
void dd_each_column(dd_ctx *ctx, void (*fn)(dd_ctx *ctx, const dd_coldef *def, void *arg), void *arg);

/* The tables a rule judges, one by one: start with *i = 0, stop at NULL. Dropped tables and
 * those of system schemas are left out, and what `skip` names: DD_SKIP_TEMP (temporary
 * tables), DD_SKIP_PARTITIONS (partitions: their parent is judged), DD_SKIP_TOOL_TABLES
 * (a migration tool's bookkeeping table, dd_is_tool_table). */
enum { DD_SKIP_TEMP = 1, DD_SKIP_PARTITIONS = 2, DD_SKIP_TOOL_TABLES = 4 };
const dd_table *dd_next_table(const dd_ctx *ctx, size_t *i, unsigned skip);
/* "schema.table.column" (or "schema.domain") of a coldef. */
const char *dd_coldef_object(dd_ctx *ctx, const dd_coldef *def);
/* Reports a column or domain of the wrong type: "column 't.c' is X; use FIX" with FIX as the fix. */
void dd_report_coldef_type(dd_ctx *ctx, const dd_coldef *def, const char *fix);

/* A name a statement defines or renames to, as written in the source. */
typedef struct dd_defname {
	const char *kind;         /* "table", "column", "index", "constraint", "schema", "view", "type",
				     "domain", "function", "procedure", "trigger", "sequence" */
	const char *name;         /* as written, quotes removed, case kept */
	const char *folded;       /* as PostgreSQL stores it (truncated to 63 bytes) */
	bool quoted;
	dd_loc loc;               /* the identifier */
	const char *object;       /* qualified name */
} dd_defname;

/* Statement kinds that define names. */
extern const int dd_defname_visits[];
/* Call fn for each name the statement defines (objects in pg_catalog and information_schema excepted),
 * at its place in the statement; not for a statement of a context file, where nothing is reported. */
void dd_each_defined_name(dd_ctx *ctx, const PgQuery__Node *stmt,
			  void (*fn)(dd_ctx *ctx, const dd_defname *name, void *arg), void *arg);
/* PostgreSQL's keyword category of a lower-case word: 0 none, 1 unreserved, 2 column name,
 * 3 type or function name, 4 reserved. */
int dd_keyword_kind(const char *word);

/* A name in snake_case (weightKg -> weight_kg, HTTPServer -> http_server, "Order Items" ->
 * order_items), or NULL when nothing of it is left or it would start with a digit. */
const char *dd_snake_case(dd_ctx *ctx, const char *s);
/* A name the rule suggests, made to fit PostgreSQL's 63 bytes (README "Suggested names"): unchanged
 * when it fits; else its words are abbreviated (configuration -> config), the longest first, until
 * it fits, and when that is not enough it is cut on a character boundary and "_" plus six hex
 * digits of a hash of the whole name are appended. `keep` (or NULL), when the name ends with it,
 * stays at its end ("_enum", "_at"), so the shortened name still follows the rule. Every rule that
 * suggests a name passes it through here, and accepts a name equal to what this gives. */
const char *dd_fit_name(dd_ctx *ctx, const char *name, const char *keep);
/* Does s end with suffix? */
bool dd_has_suffix(const char *s, const char *suffix);
/* Are the n bytes at s snake_case words: runs of a-z and 0-9 joined by single underscores? */
bool dd_is_snake_words(const char *s, size_t n);
/* Does table t have a one-column foreign key from `column` to a table named `table`? */
bool dd_table_references(const dd_table *t, const char *column, const char *table);

/* English plurals of lower-case words (irregular and uncountable nouns included). */
bool dd_word_is_plural(dd_ctx *ctx, const char *word);
const char *dd_word_plural(dd_ctx *ctx, const char *word);
const char *dd_word_singular(dd_ctx *ctx, const char *word);
/* Do the words a name ends on (lower-case, in order, the judged one last) end on a noun? Not when
 * the last is a preposition (by, to, for), a past participle (queued, published, seen), an adverb
 * (only, daily, recently) or an adjective written after its noun (current, pending); unless it is
 * the particle of a noun made with the word before (check_in, sign_up, add_on). */
bool dd_words_end_on_noun(const char *const *words, size_t n);

/* SQL expression text in PostgreSQL's normal form (NOW() -> now()), or NULL when it does not parse. */
const char *dd_normalize_expr(dd_ctx *ctx, const char *text);
/* Parse a type name ("timestamptz", "numeric(10,2)"); false when it does not parse. */
bool dd_parse_type(dd_ctx *ctx, const char *text, dd_type *out);
/* The same type for the standard: same base name, schema and array-ness (typmods ignored). */
bool dd_type_same(const dd_type *a, const dd_type *b);

/* Text of a node as a normalized SQL expression (deparsed). */
const char *dd_expr_text(dd_ctx *ctx, const PgQuery__Node *expr);

/* Call fn on every Node of a parse tree, in pre-order. */
void dd_walk_tree(const ProtobufCMessage *tree, void (*fn)(const PgQuery__Node *node, void *arg), void *arg);

/* The text of a String node, or NULL for any other node. */
const char *dd_string_node(const PgQuery__Node *n);

/* The last String of a name list (e.g. ["pg_catalog","int4"] -> "int4"), or "". */
const char *dd_name_last(PgQuery__Node *const *names, size_t n);

/* ---- locks and rewrites a statement causes (the safety/ rules; src/locks.c) ------------ */

/* PostgreSQL's table-level lock modes, weakest first (the order of the "Explicit Locking" chapter). */
typedef enum dd_lockmode {
	DD_LOCK_NONE, DD_LOCK_ACCESS_SHARE, DD_LOCK_ROW_SHARE, DD_LOCK_ROW_EXCLUSIVE,
	DD_LOCK_SHARE_UPDATE_EXCLUSIVE, DD_LOCK_SHARE, DD_LOCK_SHARE_ROW_EXCLUSIVE, DD_LOCK_EXCLUSIVE,
	DD_LOCK_ACCESS_EXCLUSIVE
} dd_lockmode;
/* "ACCESS EXCLUSIVE", ...; and back (any case, spaces or underscores), DD_LOCK_NONE when unknown. */
const char *dd_lockmode_name(dd_lockmode mode);
dd_lockmode dd_lockmode_parse(const char *text);
/* What blocks behind the mode: "reads and writes", "writes", "schema changes and VACUUM". */
const char *dd_lockmode_blocks(dd_lockmode mode);

/* A table-level lock a statement takes on a table (or materialized view). */
typedef struct dd_lock {
	const char *schema, *name;
	dd_lockmode mode;         /* the strongest the statement takes on it */
	bool existing;            /* the table exists before the change (dd_stmt_on_existing) */
	const char *what;         /* the part of the statement that takes it: "ALTER TABLE ... SET NOT NULL" */
	/* The statement reads, rebuilds or rewrites the whole table (an index build, a constraint's
	 * scan, a rewrite, an UPDATE/DELETE): long on a big table. NULL when it does not. */
	const char *long_why;
} dd_lock;
/* The locks statement st takes, one per table, with the model as it stood before it (call it
 * from a `statement` step). Statements that take none, or whose tables ddlint cannot name
 * (REINDEX SCHEMA, VACUUM of every table), give 0. The array lives until the step returns. */
size_t dd_stmt_locks(dd_ctx *ctx, const dd_stmt *st, const dd_lock **locks);

/* The table a RangeVar names in the model (NULL when the run does not create it), and whether
 * statement st acts on it as on an existing table (temporary tables never are). */
dd_table *dd_rangevar_table(const dd_ctx *ctx, const PgQuery__RangeVar *rv);
bool dd_rangevar_existing(const dd_ctx *ctx, const dd_stmt *st, const PgQuery__RangeVar *rv);
/* The schema of that table: the model's, else the one the name resolves to (written, or the
 * first of the search path). */
const char *dd_rangevar_schema(dd_ctx *ctx, const PgQuery__RangeVar *rv);
/* "schema.table" or "schema.table.col" (col NULL: the table) as the model names the table a
 * RangeVar names, else as written. */
const char *dd_rangevar_name(dd_ctx *ctx, const PgQuery__RangeVar *rv, const char *col);
/* The ALTER TABLE that statement st is, when it alters a table (not a view, an index...) as an
 * existing one (dd_rangevar_existing) in an up; NULL otherwise. */
const PgQuery__AlterTableStmt *dd_alter_existing_table(dd_ctx *ctx, const dd_stmt *st);
/* Its i-th command, or NULL for an item that is not an ALTER TABLE command. */
const PgQuery__AlterTableCmd *dd_alter_cmd(const PgQuery__AlterTableStmt *as, size_t i);
/* A built-in VOLATILE function called in expr (per PostgreSQL 15's pg_proc, plus uuid-ossp's,
 * pgcrypto's and PostgreSQL 16-18's), or NULL. */
const char *dd_expr_volatile(const PgQuery__Node *expr);
/* Does ADD COLUMN cd rewrite the table on PostgreSQL `version`? NULL when not, else why
 * ("its default calls the volatile function random()", "it is a stored generated column"). */
const char *dd_add_column_rewrites(dd_ctx *ctx, const PgQuery__ColumnDef *cd, int version);
/* Does ALTER COLUMN ... TYPE from `from` to `to` rewrite the table (USING expression aside)?
 * NULL when PostgreSQL changes it without a rewrite (binary coercible, a longer length, a
 * larger precision), else a short reason. */
const char *dd_type_change_rewrites(const dd_type *from, const dd_type *to);
/* The type a TypeName names, as the model writes types (dd_type). */
void dd_typename_type(dd_ctx *ctx, const PgQuery__TypeName *tn, dd_type *out);
/* Does SET NOT NULL on t.col scan the table? Not on PostgreSQL 12+ when a validated CHECK
 * (col IS NOT NULL) is there; *not_valid is set when such a CHECK is there but NOT VALID. */
bool dd_set_not_null_scans(const dd_ctx *ctx, const dd_table *t, const char *col, bool *not_valid);

/* The transaction each statement runs in, as the migration's tool runs it (dd_section.tx,
 * explicit BEGIN/COMMIT/ROLLBACK). Keep one in a rule's state, zeroed, and step it over every
 * statement in replay order: it returns the transaction's id, 0 for a statement that runs on
 * its own (autocommit). Ids are not reused within a run. */
typedef struct dd_txtrack {
	const dd_file *file;
	const dd_section *section;
	bool down;
	bool wrapped;             /* the part runs in the tool's or an implicit transaction */
	unsigned long id, next;
} dd_txtrack;
unsigned long dd_txtrack_step(dd_ctx *ctx, dd_txtrack *t, const dd_stmt *st);

#endif
