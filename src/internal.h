/* Internal interfaces shared by the files under src/. Not installed. */
#ifndef DDLINT_INTERNAL_H
#define DDLINT_INTERNAL_H

#include <stdarg.h>
#include <stdint.h>
#include "ddlint/rule.h"

/* ---- arena: one per run, freed at once ---------------------------------- */

typedef struct dd_arena dd_arena;
dd_arena *dd_arena_new(void);
void dd_arena_free(dd_arena *a);
/* Free everything allocated so far; the arena can be used again. */
void dd_arena_reset(dd_arena *a);
void *dd_arena_alloc(dd_arena *a, size_t size);          /* zeroed */
char *dd_arena_strdup(dd_arena *a, const char *s);
char *dd_arena_strndup(dd_arena *a, const char *s, size_t n);
char *dd_arena_sprintf(dd_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *dd_arena_vsprintf(dd_arena *a, const char *fmt, va_list ap);
/* Append `item` to an arena array of pointers with implicit capacity. */
void dd_arena_push(dd_arena *a, void ***items, size_t *n, void *item);
#define DD_PUSH(a, arr, n, item) dd_arena_push((a), (void ***)(arr), (n), (void *)(item))
size_t dd_arena_bytes(const dd_arena *a);

/* s between two q characters, each q inside doubled, as SQL quotes literals and names (arena). */
char *dd_arena_quote(dd_arena *a, const char *s, char q);

/* ---- growable string (heap) -------------------------------------------- */

typedef struct dd_buf { char *data; size_t len, cap; } dd_buf;
void dd_buf_add(dd_buf *b, const char *s, size_t n);
void dd_buf_puts(dd_buf *b, const char *s);
void dd_buf_printf(dd_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dd_buf_free(dd_buf *b);

/* Natural order: runs of digits compare as numbers, so 2_x sorts before 10_x. */
int dd_natural_cmp(const char *a, const char *b);

/* ---- string map (open addressing, arena-owned keys) --------------------- */

typedef struct dd_map { char **keys; void **vals; uint64_t *hashes; size_t cap, used, live; } dd_map;
void *dd_map_get(const dd_map *m, const char *key);
void dd_map_put(dd_map *m, dd_arena *a, const char *key, void *val);
void dd_map_del(dd_map *m, const char *key);
void dd_map_free(dd_map *m);

/* ---- source: reading, checks, positions ---------------------------------- */

/* Index the lines of f->text. */
void dd_file_index_lines(dd_arena *a, dd_file *f);
/* 1-based line and column (in Unicode characters) of a byte offset. */
void dd_file_position(const dd_file *f, int offset, int *line, int *column);
/* Offset of the first byte that is NUL or not valid UTF-8, or -1. */
long dd_utf8_first_invalid(const char *s, size_t len);
/* Blank psql meta-command lines and COPY ... FROM stdin data, in place. */
void dd_blank_psql(char *text, size_t len);
/* The token that starts at byte `offset` of a statement's file (length 0 when none does); a
 * negative offset stands for the statement's start. */
dd_loc dd_stmt_token_loc(const dd_stmt *st, int offset);
/* The first identifier of the statement, from byte `from` on, that folds to `name`; when there is
 * none, a span of length 0 at the statement's start. */
dd_loc dd_stmt_find_ident(const dd_stmt *st, int from, const char *name);

/* ---- lexer (just enough SQL to split, find names and comments) ---------- */

typedef enum dd_tok_kind {
	DD_TOK_EOF, DD_TOK_IDENT, DD_TOK_QIDENT, DD_TOK_STRING, DD_TOK_NUMBER,
	DD_TOK_OP, DD_TOK_SEMI, DD_TOK_LPAREN, DD_TOK_RPAREN, DD_TOK_COMMA, DD_TOK_DOT,
	DD_TOK_OTHER, DD_TOK_UNTERMINATED
} dd_tok_kind;

typedef struct dd_tok { dd_tok_kind kind; int start, end; } dd_tok;

/* The next token at or after `pos` (whitespace and comments skipped). */
dd_tok dd_lex_next(const char *text, int len, int pos);
/* Split text into statements at top-level semicolons; returns the count and
 * heap arrays of starts and lengths (statements without tokens are dropped). */
size_t dd_split_statements(const char *text, int len, int **starts, int **lens);
/* Fold an identifier token as PostgreSQL would (unquoted: lower case). */
char *dd_tok_ident(dd_arena *a, const char *text, dd_tok t);

/* ---- parsing -------------------------------------------------------------- */


struct dd_run;

/*
 * A unit of parsing: a whole file, or a run of whole statements of a large one. Units are
 * parsed on worker threads, so parsing one touches nothing but the unit (and, for a whole
 * file, that file's text): trees, statements and syntax errors go to the unit's own arena,
 * and the run takes them over, in file order, on the thread that replays them.
 */
typedef struct dd_parsed { PgQuery__Node *node; int offset, len; } dd_parsed;
typedef struct dd_parse_error { int offset, len; const char *message; } dd_parse_error;
typedef struct dd_unit {
	dd_file *file;
	int start, len;              /* the byte range of file->text it covers */
	bool whole;                  /* the whole file: check its encoding and blank its psql lines first */
	bool keep;                   /* its trees outlive the replay (migration files) */
	dd_arena *arena;             /* trees, statements, errors; freed after the replay unless kept */
	dd_parsed **stmts; size_t n_stmts;
	dd_parse_error **errors; size_t n_errors;
	dd_stmt **made; size_t n_made; /* the run's statements made from stmts */
} dd_unit;
/* Cut a file into units of about `target` bytes (one unit when it is not much larger): a large
 * file is checked and blanked here, then cut between statements. Units go to the run's arena. */
void dd_plan_units(struct dd_run *run, dd_file *f, size_t target);
/* Parse one unit (thread-safe across units). */
void dd_parse_unit(dd_unit *u);

/* ---- ordered work pool (src/pool.c) ----------------------------------------------- */

/* Items 0..n-1 run on `threads` threads (the consumer's included), at most `window` items
 * ahead of the last one released. */
typedef struct dd_pool dd_pool;
dd_pool *dd_pool_start(size_t n, int threads, size_t window, void (*work)(void *arg, size_t i), void *arg);
/* Until item i is done; the caller runs it when no worker has started it. */
void dd_pool_wait(dd_pool *p, size_t i);
/* The consumer is done with items 0..i: workers may run further ahead. */
void dd_pool_release(dd_pool *p, size_t i);
/* Run what is left, join the workers, free the pool. */
void dd_pool_end(dd_pool *p);
/* Deparse an expression node into normalized SQL text (arena), or NULL. */
char *dd_deparse_expr(dd_arena *a, const PgQuery__Node *expr);
/* Parse sprintf(fmt, text) as one SELECT and return its only target expression, or NULL. */
const PgQuery__Node *dd_parse_select_expr(dd_arena *a, const char *fmt, const char *text);
/* A copy of a tree in another arena: for what must outlive the statement's own tree. */
PgQuery__Node *dd_node_copy(dd_arena *a, const PgQuery__Node *node);
/* Call fn with every non-empty string of a tree: names, literals, options. */
void dd_tree_strings(const ProtobufCMessage *msg, void (*fn)(const char *s, void *arg), void *arg);
/* Add `delta` to every location field of the tree. */
void dd_shift_locations(ProtobufCMessage *msg, int delta);

/* ---- types and names ------------------------------------------------------- */

/* Build a dd_type from a TypeName, resolving aliases the way format_type prints them. */
void dd_type_from_typename(dd_arena *a, const PgQuery__TypeName *tn, dd_type *out);
/* PostgreSQL's makeObjectName: name1[_name2][_label] truncated to 63 bytes. */
char *dd_make_object_name(dd_arena *a, const char *name1, const char *name2, const char *label);
/* Join names with '_' as ChooseIndexNameAddition does (stops past 63 bytes). */
char *dd_name_addition(dd_arena *a, const char *const *names, size_t n);
/* Column name PostgreSQL derives for an index expression, or NULL. */
const char *dd_figure_colname(const PgQuery__Node *expr);

/* ---- English plurals (src/inflect.c), lower-case words ----------------------------- */

bool dd_is_plural(dd_arena *a, const char *word);
char *dd_pluralize(dd_arena *a, const char *word);
char *dd_singularize(dd_arena *a, const char *word);
bool dd_inflect_uncountable(const char *word);

/* ---- model (src/model/) ----------------------------------------------------- */

#include "model.h"

/* ---- YAML ---------------------------------------------------------------------- */

/* Parse YAML text into a value tree (arena). On failure returns -1 and writes
 * "source:line:column: message" to err. An empty document is a null value. */
int dd_yaml_parse(dd_arena *a, const char *text, size_t len, const char *source, dd_value **out,
		  char *err, size_t errsize);

/* A value as one line of YAML flow style: [a, b], {name: x}, 'quoted: text'. */
char *dd_value_flow(dd_arena *a, const dd_value *v);

/* ---- config (.ddlint.yml) ----------------------------------------------------------- */

typedef struct dd_rule_setting {
	const char *id;
	const dd_value *node;        /* the rule id in the file */
	bool has_severity;
	dd_severity severity;
	const char **option_names;
	dd_value **option_values;
	size_t n_options;
} dd_rule_setting;

typedef struct dd_config {
	const char *path;            /* the file */
	const char *dir;             /* its directory: globs are relative to it */
	bool strict;                 /* extends: strict */
	int fail_on;                 /* dd_severity, 4 for never, -1 unset */
	const dd_value *fail_on_node;
	const char **include, **exclude;
	size_t n_include, n_exclude;
	dd_rule_setting **rules;
	size_t n_rules;
	bool require_reason;
	const char **migration_dirs, **migration_layouts;   /* migrations: dir and forced layout (or NULL) */
	size_t n_migration_dirs;
	dd_value *root;
} dd_config;

/* Read and check a config file. On failure returns -1 with "path:line:column: message" in err. */
int dd_config_load(dd_arena *a, const char *path, dd_config **out, char *err, size_t errsize);
int dd_config_parse(dd_arena *a, const char *path, const char *text, size_t len, dd_config **out,
		    char *err, size_t errsize);
/* Severities, options and suppression settings of the config, onto a run. */
void dd_config_apply(const dd_config *c, struct dd_run *run);
/* Does the config's include/exclude keep this file? */
bool dd_config_selects(const dd_config *c, const char *file);
/* The nearest .ddlint.yml above a file (heap string), stopping at a directory holding .git; or NULL. */
char *dd_config_find(const char *file);
/* NULL for a valid glob, else why not. */
const char *dd_glob_check(const char *glob);
bool dd_glob_match(const char *glob, const char *path);
/* The candidate nearest to word, when near enough; or NULL. */
const char *dd_did_you_mean(const char *word, const char *const *candidates, size_t n);

/* ---- the run ---------------------------------------------------------------- */

struct dd_run {
	dd_arena *arena;
	dd_file **files; size_t n_files;
	dd_stmt **stmts; size_t n_stmts;
	dd_diag **diags; size_t n_diags;
	dd_migration **migrations; size_t n_migrations;
	const char **forced_dirs, **forced_layouts; size_t n_forced;
	dd_diag *sorted;
	dd_severity *severity;   /* per registry entry */
	struct dd_rule_opts *opts; /* per registry entry: option values, compiled patterns */
	dd_model *model;
	dd_unit **units; size_t n_units;
	int jobs;                /* parser threads, the calling one included */
	bool linted;
	char error[1024];
};

/* The last file added stands for this path on disk (an editor's unsaved buffer). */
void dd_run_set_last_file_path(struct dd_run *run, const char *path);

/* Detect migration directories, add earlier migrations as context, order files, mark up and down. */
void dd_migrations_plan(struct dd_run *run);
/* Force the layout of a directory (NULL: detect it, but treat it as a migration directory). */
void dd_run_add_migration_dir(struct dd_run *run, const char *dir, const char *layout);

/* Mark diagnostics silenced by ddlint-disable comments; report unused and reasonless suppressions. */
void dd_apply_suppressions(struct dd_run *run);

void dd_run_add_diag(struct dd_run *run, const char *rule, const dd_loc *loc, const char *object,
		     const char *suggestion, const char *message);

/* Set a rule's option from a config value (validated by the caller with dd_option_check). */
int dd_run_set_option(struct dd_run *run, const char *rule_id, const char *name, const dd_value *v);
/* NULL when `v` fits the option's type, else a message; *at receives the offending value. */
const char *dd_option_check(const dd_option *o, const dd_value *v, const dd_value **at);

/* ---- registry (generated from rules/) ----------------------------------------- */

extern const dd_rule *const dd_rules[];
extern const char *const dd_rule_paths[];
extern const size_t dd_rules_count;
/* Index of a rule id in dd_rules, or -1. */
int dd_rule_find(const char *id);

/* ---- reporters: one file a format under src/report/ ------------------------------ */

#include <stdio.h>

typedef struct dd_report_opts {
	bool color;              /* ANSI colours */
	bool source;             /* show the source line and a caret under the column */
} dd_report_opts;

/* What a reporter writes: the diagnostics of one or more runs, sorted. */
typedef struct dd_result {
	dd_diag *diags;          /* suppressed ones included, flagged */
	size_t n, cap;
	size_t files;
	size_t counts[4];        /* unsuppressed, by dd_severity */
	size_t suppressed;
} dd_result;

/* Append a linted run's diagnostics (runs keep their order; within one, the run's order). */
void dd_result_add_run(dd_result *r, const struct dd_run *run);
void dd_result_free(dd_result *r);

typedef struct dd_reporter {
	const char *name;
	const char *summary;
	/* Write the report to `out`; returns 0, or -1 on a write error. */
	int (*write)(FILE *out, const dd_result *result, const dd_report_opts *opts);
} dd_reporter;

extern const dd_reporter *const dd_reporters[];
extern const dd_reporter dd_reporter_text, dd_reporter_json, dd_reporter_sarif, dd_reporter_github,
	dd_reporter_gitlab, dd_reporter_junit;
/* The offending line, trimmed (points into the file). */
const char *dd_diag_line_text(const dd_diag *d, size_t *len);
/* 16 hex digits, stable across edits elsewhere in the file. */
void dd_diag_fingerprint(const dd_result *r, size_t index, char out[17]);
/* A path as a URI: relative to the working directory when below it, else file://; heap string. */
char *dd_path_uri(const char *path);
/* Write a JSON document (indented, keys in order, a final newline) and release it; 0, or -1 on a write error. */
struct json_t;
int dd_write_json(FILE *out, struct json_t *doc);
const dd_reporter *dd_reporter_find(const char *name);

#endif
