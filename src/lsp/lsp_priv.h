/* Within the lsp module: the server's state, shared by server.c and diag.c. */
#ifndef DDLINT_LSP_PRIV_H
#define DDLINT_LSP_PRIV_H

#include <jansson.h>
#include "cli/cli.h"
#include "lsp/lsp.h"

/* A finding as published: where it is in the document's text, in bytes and in LSP positions. */
typedef struct lsp_diag {
	const dd_rule *rule;
	dd_severity severity;
	char *message, *suggestion;
	char *object;                /* the finding's object (when rename is set) */
	size_t start, end;           /* bytes of the document's text */
	long sl, sc, el, ec;         /* 0-based lines, UTF-16 characters */
	bool rename;                 /* a naming rule's new name for a name in this file (rename.c) */
} lsp_diag;

/* Where else a name of the document may be used, as the last lint saw it (rename.c). */
typedef struct lsp_scope {
	bool set;
	char **dirs;                 /* the migration directories: searched with their folders */
	size_t n_dirs;
	char **files;                /* the lint's other files outside them (context) */
	size_t n_files;
	size_t (*downs)[2];          /* the document's down sections (bytes) */
	size_t n_downs;
	char *pair;                  /* the migration's down file, or NULL */
} lsp_scope;

typedef struct lsp_doc {
	char *uri;
	char *path;                  /* the file it stands for (file: URIs), or NULL */
	char *text;
	size_t len;
	long version;
	bool dirty;                  /* to be linted and published */
	lsp_diag *diags;             /* as last published */
	size_t n_diags;
	lsp_scope scope;             /* set when a finding may be renamed */
	struct lsp_doc *next;
} lsp_doc;

typedef struct lsp_server {
	const cli *base;             /* the command line of `ddlint lsp`: its options apply to every lint */
	dd_lsp_reader reader;
	int out_fd;
	bool initialized, shutdown, exiting;
	int exit_status;
	int debounce_ms;             /* initializationOptions.debounceMs: quiet time before a lint */
	bool watch_registration;     /* the client registers file watchers dynamically */
	lsp_doc *docs;
	char **config_errors;        /* config files with a published diagnostic */
	char **config_messages;      /* and its message */
	size_t n_config_errors;
	long next_id;                /* of the requests the server sends */
	struct dd_parse_cache *parse_cache; /* the earlier migrations' parses, by their bytes */
	char **roots;                /* the workspace folders (initialize), as paths */
	size_t n_roots;
} lsp_server;

/* server.c */
void lsp_send(lsp_server *s, json_t *msg);   /* steals msg */
void lsp_notify(lsp_server *s, const char *method, json_t *params);
void lsp_log(lsp_server *s, int type, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* diag.c */
/* Lint a document as `ddlint FILE` lints the saved file, keep its findings and publish them.
 * A config that cannot be read is published on the config file and shown. */
void lsp_lint_publish(lsp_server *s, lsp_doc *d);
void lsp_publish_empty(lsp_server *s, const char *uri);
json_t *lsp_hover(lsp_server *s, lsp_doc *d, long line, long character);
json_t *lsp_code_actions(lsp_server *s, lsp_doc *d, long sl, long sc, long el, long ec);
void lsp_diags_free(lsp_doc *d);
json_t *lsp_diag_json(const lsp_diag *g);

/* rename.c: the quick fix that renames a name nothing else uses yet */
/* Is the finding a naming rule's, with a new name, outside a down? (at lint time) */
bool lsp_rename_candidate(const dd_diag *x);
/* Keep where else the document's names may be used, from the lint's runs. */
void lsp_rename_scope(lsp_doc *d, dd_run *const *runs, size_t n_runs);
void lsp_scope_free(lsp_doc *d);
/* "Rename X to Y" for the finding, or NULL when it is not safe. *files: the other files the
 * lint can see, listed and read at the first call of a request (start with NULL; free with
 * lsp_files_free). */
typedef struct lsp_files lsp_files;
json_t *lsp_rename_action(lsp_server *s, lsp_doc *d, const lsp_diag *g, lsp_files **files);
void lsp_files_free(lsp_files *f);

#endif
