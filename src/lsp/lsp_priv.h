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
	size_t start, end;           /* bytes of the document's text */
	long sl, sc, el, ec;         /* 0-based lines, UTF-16 characters */
} lsp_diag;

typedef struct lsp_doc {
	char *uri;
	char *path;                  /* the file it stands for (file: URIs), or NULL */
	char *text;
	size_t len;
	long version;
	bool dirty;                  /* to be linted and published */
	lsp_diag *diags;             /* as last published */
	size_t n_diags;
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

#endif
