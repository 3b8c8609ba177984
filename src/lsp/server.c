/*
 * `ddlint lsp`: the loop and the protocol (LSP 3.17 over JSON-RPC 2.0).
 *
 * Reading: standard input is read as it comes (poll), cut into messages by reader.c, and every
 * message already there is handled before any lint: a burst of edits is linted once, at its
 * last version, and a $/cancelRequest finds the requests still waiting. Then the documents
 * changed are linted, after initializationOptions.debounceMs of quiet (0 by default: the time
 * a lint takes is the debounce, since edits made meanwhile wait in the pipe and are taken
 * together).
 *
 * Errors (JSON-RPC 2.0, section 5.1; LSP 3.17 "Response Message"): a body that is not JSON is a
 * Parse error (-32700) with id null; a message that is not a request, a notification or a
 * response is an Invalid Request (-32600); a request before initialize is ServerNotInitialized
 * (-32002), a notification then is dropped; a request after shutdown is an Invalid Request; an
 * unknown request is MethodNotFound (-32601), an unknown notification is ignored; missing or
 * wrong parameters are InvalidParams (-32602). A framing error has no id to answer: it is
 * logged (window/logMessage) and the reader finds the next message.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "lsp/lsp_priv.h"

enum {
	PARSE_ERROR = -32700, INVALID_REQUEST = -32600, METHOD_NOT_FOUND = -32601, INVALID_PARAMS = -32602,
	SERVER_NOT_INITIALIZED = -32002, REQUEST_CANCELLED = -32800
};

/* ---- output ---- */

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

void lsp_send(lsp_server *s, json_t *msg)
{
	json_object_set_new(msg, "jsonrpc", json_string("2.0"));
	char *body = json_dumps(msg, JSON_COMPACT);
	json_decref(msg);
	if (!body)
		return;
	char head[64];
	size_t n = strlen(body);
	int hl = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
	if (write_all(s->out_fd, head, (size_t)hl) != 0 || write_all(s->out_fd, body, n) != 0) {
		/* the client is gone */
		s->exiting = true;
		s->exit_status = 1;
	}
	free(body);
}

void lsp_notify(lsp_server *s, const char *method, json_t *params)
{
	lsp_send(s, json_pack("{s:s, s:o}", "method", method, "params", params));
}

void lsp_log(lsp_server *s, int type, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	/* the text may hold bytes of a message that were not UTF-8: keep it JSON */
	json_t *m = json_string(buf);
	if (!m)
		m = json_string("(a message that is not UTF-8)");
	lsp_notify(s, "window/logMessage", json_pack("{s:i, s:o}", "type", type, "message", m));
}

static void respond(lsp_server *s, json_t *id, json_t *result)
{
	lsp_send(s, json_pack("{s:O, s:o}", "id", id, "result", result ? result : json_null()));
}

static void respond_error(lsp_server *s, json_t *id, int code, const char *message)
{
	lsp_send(s, json_pack("{s:O, s:{s:i, s:s}}", "id", id ? id : json_null(), "error", "code", code, "message", message));
}

/* ---- documents ---- */

static lsp_doc *find_doc(lsp_server *s, const char *uri)
{
	for (lsp_doc *d = s->docs; d; d = d->next)
		if (strcmp(d->uri, uri) == 0)
			return d;
	return NULL;
}

static void doc_free(lsp_doc *d)
{
	lsp_diags_free(d);
	free(d->uri);
	free(d->path);
	free(d->text);
	free(d);
}

static void mark_all(lsp_server *s)
{
	for (lsp_doc *d = s->docs; d; d = d->next)
		d->dirty = true;
}

static const char *param_uri(json_t *params)
{
	return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

static bool is_config_path(const char *path)
{
	const char *base = path ? strrchr(path, '/') : NULL;
	return base && (strcmp(base, "/.ddlint.yml") == 0 || strcmp(base, "/.ddlint-baseline.json") == 0);
}

static int did_open(lsp_server *s, json_t *params)
{
	json_t *td = json_object_get(params, "textDocument");
	const char *uri = json_string_value(json_object_get(td, "uri"));
	json_t *text = json_object_get(td, "text");
	if (!uri || !json_is_string(text))
		return -1;
	lsp_doc *d = find_doc(s, uri);
	if (!d) {
		d = dd_xcalloc(1, sizeof *d);
		d->uri = dd_xstrdup(uri);
		d->path = dd_lsp_uri_path(uri);
		d->next = s->docs;
		s->docs = d;
	}
	free(d->text);
	d->len = json_string_length(text);
	d->text = dd_xmalloc(d->len + 1);
	memcpy(d->text, json_string_value(text), d->len + 1);
	d->version = json_integer_value(json_object_get(td, "version"));
	d->dirty = true;
	if (is_config_path(d->path))   /* a config opened: the documents it applies to are linted again */
		mark_all(s);
	return 0;
}

/* One contentChanges entry: the whole text, or a range (UTF-16 positions) replaced. */
static int apply_change(lsp_doc *d, json_t *ch)
{
	json_t *text = json_object_get(ch, "text");
	if (!json_is_string(text))
		return -1;
	json_t *range = json_object_get(ch, "range");
	if (!range) {
		free(d->text);
		d->len = json_string_length(text);
		d->text = dd_xmalloc(d->len + 1);
		memcpy(d->text, json_string_value(text), d->len + 1);
		return 0;
	}
	json_t *st = json_object_get(range, "start"), *en = json_object_get(range, "end");
	json_t *sl = json_object_get(st, "line"), *sc = json_object_get(st, "character");
	json_t *el = json_object_get(en, "line"), *ec = json_object_get(en, "character");
	if (!json_is_integer(sl) || !json_is_integer(sc) || !json_is_integer(el) || !json_is_integer(ec))
		return -1;
	size_t from = dd_lsp_offset(d->text, d->len, (long)json_integer_value(sl), (long)json_integer_value(sc));
	size_t to = dd_lsp_offset(d->text, d->len, (long)json_integer_value(el), (long)json_integer_value(ec));
	if (to < from) {
		size_t t = from;
		from = to;
		to = t;
	}
	d->text = dd_lsp_splice(d->text, &d->len, from, to, json_string_value(text), json_string_length(text));
	return 0;
}

static int did_change(lsp_server *s, json_t *params)
{
	const char *uri = param_uri(params);
	json_t *changes = json_object_get(params, "contentChanges");
	if (!uri || !json_is_array(changes))
		return -1;
	lsp_doc *d = find_doc(s, uri);
	if (!d) {
		lsp_log(s, 2, "ddlint: didChange for %s, which is not open: ignored", uri);
		return 0;
	}
	size_t i;
	json_t *ch;
	json_array_foreach(changes, i, ch)
		if (apply_change(d, ch) != 0)
			return -1;
	json_t *v = json_object_get(json_object_get(params, "textDocument"), "version");
	if (json_is_integer(v))
		d->version = json_integer_value(v);
	d->dirty = true;
	if (is_config_path(d->path))
		mark_all(s);
	return 0;
}

static int did_save(lsp_server *s, json_t *params)
{
	const char *uri = param_uri(params);
	if (!uri)
		return -1;
	lsp_doc *d = find_doc(s, uri);
	json_t *text = json_object_get(params, "text");
	if (d && json_is_string(text)) {
		free(d->text);
		d->len = json_string_length(text);
		d->text = dd_xmalloc(d->len + 1);
		memcpy(d->text, json_string_value(text), d->len + 1);
	}
	/* a saved file may be the context (an earlier migration, a config) of every other one */
	mark_all(s);
	return 0;
}

static int did_close(lsp_server *s, json_t *params)
{
	const char *uri = param_uri(params);
	if (!uri)
		return -1;
	for (lsp_doc **p = &s->docs; *p; p = &(*p)->next)
		if (strcmp((*p)->uri, uri) == 0) {
			lsp_doc *d = *p;
			*p = d->next;
			lsp_publish_empty(s, d->uri);
			bool config = is_config_path(d->path);
			doc_free(d);
			if (config)
				mark_all(s);
			return 0;
		}
	lsp_log(s, 2, "ddlint: didClose for %s, which is not open: ignored", uri);
	return 0;
}

/* ---- lifecycle ---- */

static json_t *capabilities(void)
{
	return json_pack("{s:s, s:{s:b, s:i, s:{s:b}}, s:b, s:{s:[s]}, s:{s:{s:b}}}",
		"positionEncoding", "utf-16",
		"textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 1,
		"hoverProvider", 1,
		"codeActionProvider", "codeActionKinds", "quickfix",
		"workspace", "workspaceFolders", "supported", 0);
}

static void add_root(lsp_server *s, const char *uri)
{
	char *path = uri ? dd_lsp_uri_path(uri) : NULL;
	if (!path)
		return;
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		path[--n] = '\0';
	s->roots = dd_xrealloc(s->roots, (s->n_roots + 1) * sizeof *s->roots);
	s->roots[s->n_roots++] = path;
}

static void initialize(lsp_server *s, json_t *id, json_t *params)
{
	json_t *opts = json_object_get(params, "initializationOptions");
	json_t *db = json_object_get(opts, "debounceMs");
	if (json_is_integer(db) && json_integer_value(db) >= 0 && json_integer_value(db) <= 10000)
		s->debounce_ms = (int)json_integer_value(db);
	json_t *dyn = json_object_get(json_object_get(json_object_get(json_object_get(params, "capabilities"), "workspace"),
						     "didChangeWatchedFiles"), "dynamicRegistration");
	s->watch_registration = json_is_true(dyn);
	/* the workspace folders: the rename quick fix looks there for other uses of a name */
	json_t *folders = json_object_get(params, "workspaceFolders"), *f;
	size_t i;
	json_array_foreach(folders, i, f)
		add_root(s, json_string_value(json_object_get(f, "uri")));
	if (!json_array_size(folders))
		add_root(s, json_string_value(json_object_get(params, "rootUri")));
	s->initialized = true;
	respond(s, id, json_pack("{s:o, s:{s:s, s:s}}", "capabilities", capabilities(), "serverInfo", "name", "ddlint",
				 "version", DDLINT_VERSION));
}

/* After initialized: ask for the changes to SQL files, configs and baselines on disk. */
static void register_watchers(lsp_server *s)
{
	if (!s->watch_registration)
		return;
	json_t *watchers = json_pack("[{s:s}, {s:s}, {s:s}]", "globPattern", "**/*.sql", "globPattern", "**/.ddlint.yml",
				     "globPattern", "**/.ddlint-baseline.json");
	json_t *reg = json_pack("{s:[{s:s, s:s, s:{s:o}}]}", "registrations", "id", "ddlint-watch", "method",
				"workspace/didChangeWatchedFiles", "registerOptions", "watchers", watchers);
	lsp_send(s, json_pack("{s:I, s:s, s:o}", "id", (json_int_t)++s->next_id, "method", "client/registerCapability",
			      "params", reg));
}

/* ---- dispatch ---- */

typedef struct message {
	json_t *msg;
	bool cancelled;
} message;

static void request(lsp_server *s, const char *method, json_t *id, json_t *params)
{
	if (strcmp(method, "initialize") == 0) {
		if (s->initialized)
			respond_error(s, id, INVALID_REQUEST, "initialize was already sent");
		else if (params && !json_is_object(params))
			respond_error(s, id, INVALID_PARAMS, "initialize takes InitializeParams");
		else
			initialize(s, id, params);
		return;
	}
	if (!s->initialized) {
		respond_error(s, id, SERVER_NOT_INITIALIZED, "the server is not initialized: send initialize first");
		return;
	}
	if (s->shutdown) {
		respond_error(s, id, INVALID_REQUEST, "the server is shut down: only exit is left");
		return;
	}
	if (strcmp(method, "shutdown") == 0) {
		s->shutdown = true;
		respond(s, id, json_null());
		return;
	}
	if (strcmp(method, "textDocument/hover") == 0 || strcmp(method, "textDocument/codeAction") == 0) {
		const char *uri = param_uri(params);
		lsp_doc *d = uri ? find_doc(s, uri) : NULL;
		bool hover = method[13] == 'h';
		json_t *pos = json_object_get(params, hover ? "position" : "range");
		json_t *st = hover ? pos : json_object_get(pos, "start"), *en = hover ? pos : json_object_get(pos, "end");
		json_t *sl = json_object_get(st, "line"), *sc = json_object_get(st, "character");
		json_t *el = json_object_get(en, "line"), *ec = json_object_get(en, "character");
		if (!uri || !json_is_integer(sl) || !json_is_integer(sc) || !json_is_integer(el) || !json_is_integer(ec)) {
			respond_error(s, id, INVALID_PARAMS, hover ? "hover takes textDocument and position"
								   : "codeAction takes textDocument and range");
			return;
		}
		if (!d) {
			respond_error(s, id, INVALID_PARAMS, "the document is not open");
			return;
		}
		if (d->dirty)   /* answers are about the text as it is now */
			lsp_lint_publish(s, d);
		/* CodeActionContext.only: the kinds wanted; ours are all quickfix */
		json_t *only = json_object_get(json_object_get(params, "context"), "only");
		if (!hover && json_is_array(only)) {
			bool wanted = false;
			size_t k;
			json_t *kind;
			json_array_foreach(only, k, kind)
				wanted = wanted || (json_is_string(kind) && strncmp(json_string_value(kind), "quickfix", 8) == 0 &&
						    strchr(".", json_string_value(kind)[8]));
			if (!wanted) {
				respond(s, id, json_array());
				return;
			}
		}
		long l0 = (long)json_integer_value(sl), c0 = (long)json_integer_value(sc);
		long l1 = (long)json_integer_value(el), c1 = (long)json_integer_value(ec);
		respond(s, id, hover ? lsp_hover(s, d, l0, c0) : lsp_code_actions(s, d, l0, c0, l1, c1));
		return;
	}
	respond_error(s, id, METHOD_NOT_FOUND, "unknown method");
}

static void notification(lsp_server *s, const char *method, json_t *params)
{
	if (strcmp(method, "exit") == 0) {
		/* LSP 3.17, exit: 0 when shutdown came before, else 1 */
		s->exiting = true;
		s->exit_status = s->shutdown ? 0 : 1;
		return;
	}
	if (!s->initialized || s->shutdown)
		return;
	int rc = 0;
	if (strcmp(method, "initialized") == 0)
		register_watchers(s);
	else if (strcmp(method, "textDocument/didOpen") == 0)
		rc = did_open(s, params);
	else if (strcmp(method, "textDocument/didChange") == 0)
		rc = did_change(s, params);
	else if (strcmp(method, "textDocument/didSave") == 0)
		rc = did_save(s, params);
	else if (strcmp(method, "textDocument/didClose") == 0)
		rc = did_close(s, params);
	else if (strcmp(method, "workspace/didChangeConfiguration") == 0 ||
		 strcmp(method, "workspace/didChangeWatchedFiles") == 0)
		mark_all(s);   /* configs, baselines and earlier migrations are read again by each lint */
	if (rc != 0)
		lsp_log(s, 1, "ddlint: %s: invalid params: ignored", method);
}

/* A message: a request, a notification, or a response to the server's own requests. */
static void handle(lsp_server *s, message *m)
{
	json_t *msg = m->msg;
	if (!json_is_object(msg)) {
		respond_error(s, NULL, INVALID_REQUEST, json_is_array(msg) ? "batches are not part of LSP" : "a message is a JSON object");
		return;
	}
	json_t *id = json_object_get(msg, "id");
	json_t *method = json_object_get(msg, "method");
	json_t *params = json_object_get(msg, "params");
	bool id_ok = id && (json_is_integer(id) || json_is_string(id));
	if (!json_is_string(json_object_get(msg, "jsonrpc")) || strcmp(json_string_value(json_object_get(msg, "jsonrpc")), "2.0") != 0) {
		respond_error(s, id_ok ? id : NULL, INVALID_REQUEST, "jsonrpc must be \"2.0\"");
		return;
	}
	if (!method) {
		if (json_object_get(msg, "result") || json_object_get(msg, "error"))
			return;   /* a response to client/registerCapability */
		respond_error(s, id_ok ? id : NULL, INVALID_REQUEST, "no method");
		return;
	}
	if (!json_is_string(method) || (id && !id_ok) || (params && !json_is_object(params) && !json_is_array(params))) {
		respond_error(s, id_ok ? id : NULL, INVALID_REQUEST, "method must be a string, id a number or a string, params structured");
		return;
	}
	const char *name = json_string_value(method);
	if (id) {
		if (m->cancelled)
			respond_error(s, id, REQUEST_CANCELLED, "cancelled");
		else
			request(s, name, id, params);
	} else if (strcmp(name, "$/cancelRequest") != 0) {
		notification(s, name, params);
	}
}

/* The messages taken from the pipe at once: cancellations apply to the requests among them. */
static void handle_batch(lsp_server *s, message *ms, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		json_t *m = ms[i].msg;
		const char *method = json_string_value(json_object_get(m, "method"));
		if (!method || strcmp(method, "$/cancelRequest") != 0)
			continue;
		json_t *cid = json_object_get(json_object_get(m, "params"), "id");
		for (size_t k = 0; cid && k < i; k++)
			if (json_equal(json_object_get(ms[k].msg, "id"), cid) && json_object_get(ms[k].msg, "method"))
				ms[k].cancelled = true;
	}
	for (size_t i = 0; i < n && !s->exiting; i++)
		handle(s, &ms[i]);
}

/* Read what is in the pipe now into messages; false at the end of input. */
static bool read_input(lsp_server *s, message **ms, size_t *n, size_t *cap)
{
	char buf[65536];
	ssize_t got = read(STDIN_FILENO, buf, sizeof buf);
	if (got < 0)
		return errno == EINTR || errno == EAGAIN;
	if (got == 0)
		return false;
	dd_lsp_reader_feed(&s->reader, buf, (size_t)got);
	for (;;) {
		char *body, why[256];
		size_t len;
		dd_lsp_read r = dd_lsp_reader_next(&s->reader, &body, &len, why, sizeof why);
		if (r == DD_LSP_NEED_MORE)
			break;
		if (r != DD_LSP_MESSAGE) {
			lsp_log(s, 1, "ddlint: %s: skipped", why);
			continue;
		}
		json_error_t err;
		json_t *msg = json_loadb(body, len, 0, &err);
		free(body);
		if (!msg) {
			/* not JSON, or not UTF-8 (jansson checks every string) */
			char what[300];
			snprintf(what, sizeof what, "parse error: %s", err.text);
			respond_error(s, NULL, PARSE_ERROR, what);
			continue;
		}
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*ms = dd_xrealloc(*ms, *cap * sizeof **ms);
		}
		(*ms)[(*n)++] = (message){ msg, false };
	}
	return true;
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int dd_run_cmd_lsp(cli *c)
{
	if (c->n_paths) {
		fprintf(stderr, "ddlint: lsp takes no paths: the editor sends the documents\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	lsp_server s = { .base = c, .out_fd = STDOUT_FILENO, .parse_cache = dd_parse_cache_new() };
	message *ms = NULL;
	size_t n = 0, cap = 0;
	long quiet_since = now_ms();
	bool eof = false;
	while (!s.exiting) {
		bool dirty = false;
		for (lsp_doc *d = s.docs; d; d = d->next)
			dirty = dirty || d->dirty;
		int timeout = -1;
		if (dirty) {
			long left = quiet_since + s.debounce_ms - now_ms();
			timeout = left > 0 ? (int)left : 0;
		}
		struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
		int pr = eof ? 0 : poll(&pfd, 1, timeout);
		if (pr > 0) {
			if (!read_input(&s, &ms, &n, &cap))
				eof = true;
			handle_batch(&s, ms, n);
			for (size_t i = 0; i < n; i++)
				json_decref(ms[i].msg);
			n = 0;
			quiet_since = now_ms();
			continue;   /* more may be waiting: take it before linting */
		}
		if (pr < 0 && errno != EINTR)
			break;
		if (dirty && now_ms() - quiet_since >= s.debounce_ms) {
			for (lsp_doc *d = s.docs; d && !s.exiting; d = d->next)
				if (d->dirty)
					lsp_lint_publish(&s, d);
		} else if (eof) {
			break;   /* the client went away without exit */
		}
	}
	int status = s.exiting ? s.exit_status : 1;
	free(ms);
	while (s.docs) {
		lsp_doc *d = s.docs;
		s.docs = d->next;
		doc_free(d);
	}
	for (size_t i = 0; i < s.n_config_errors; i++) {
		free(s.config_errors[i]);
		free(s.config_messages[i]);
	}
	free(s.config_errors);
	free(s.config_messages);
	dd_lsp_reader_free(&s.reader);
	dd_parse_cache_free(s.parse_cache);
	for (size_t i = 0; i < s.n_roots; i++)
		free(s.roots[i]);
	free(s.roots);
	return status;
}
