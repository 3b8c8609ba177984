/*
 * .ddlint.yml: finding it, reading it (every mistake is an error with its
 * position), and applying it to a run. Also the include/exclude globs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "config.h"
#include "migrate.h"

static const char *const top_keys[] = { "extends", "fail_on", "include", "exclude", "rules", "suppressions", "migrations", "safety", NULL };

/* ---- globs: *, ?, [..], and ** across directories ---- */

const char *dd_glob_check(const char *p)
{
	for (; *p; p++) {
		if (*p == '[') {
			const char *q = p + 1;
			if (*q == '!' || *q == '^')
				q++;
			if (*q == ']')
				q++;
			while (*q && *q != ']')
				q++;
			if (!*q)
				return "unclosed '['";
			p = q;
		} else if (*p == '\\') {
			if (!p[1])
				return "trailing backslash";
			p++;
		}
	}
	return NULL;
}

static bool class_match(const char **pp, char c)
{
	const char *p = *pp + 1;
	bool neg = false, ok = false;
	if (*p == '!' || *p == '^') {
		neg = true;
		p++;
	}
	bool first = true;
	while (*p && (*p != ']' || first)) {
		first = false;
		if (p[1] == '-' && p[2] && p[2] != ']') {
			if (c >= p[0] && c <= p[2])
				ok = true;
			p += 3;
		} else {
			if (c == *p)
				ok = true;
			p++;
		}
	}
	*pp = *p ? p + 1 : p;
	return ok != neg;
}

bool dd_glob_match(const char *p, const char *s)
{
	while (*p) {
		if (p[0] == '*' && p[1] == '*') {
			p += 2;
			bool slash = *p == '/';
			if (slash)
				p++;
			/* ** matches any run of characters, '/' included; "**" + "/" may match nothing */
			if (slash && dd_glob_match(p, s))
				return true;
			for (const char *t = s; *t; t++)
				if (dd_glob_match(p, t + 1) && (!slash || *t == '/'))
					return true;
			return !*p;
		}
		if (*p == '*') {
			p++;
			for (const char *t = s;; t++) {
				if (dd_glob_match(p, t))
					return true;
				if (!*t || *t == '/')
					return false;
			}
		}
		if (!*s)
			return false;
		if (*p == '?') {
			if (*s == '/')
				return false;
		} else if (*p == '[') {
			if (*s == '/' || !class_match(&p, *s))
				return false;
			s++;
			continue;
		} else {
			if (*p == '\\' && p[1])
				p++;
			if (*p != *s)
				return false;
		}
		p++;
		s++;
	}
	return !*s;
}

/* ---- loading ---- */

#define FAIL(v, ...) do { fail(err, errsize, path, (v), __VA_ARGS__); return -1; } while (0)

static void fail(char *err, size_t errsize, const char *path, const dd_value *v, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void fail(char *err, size_t errsize, const char *path, const dd_value *v, const char *fmt, ...)
{
	int n = snprintf(err, errsize, "%s:%d:%d: ", path, v ? v->line : 1, v ? v->column : 1);
	if (n < 0 || (size_t)n >= errsize)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err + n, errsize - (size_t)n, fmt, ap);
	va_end(ap);
}

static int read_globs(dd_arena *a, const dd_value *v, const char *path, const char *key, const char ***out,
		      size_t *n, char *err, size_t errsize)
{
	/* a key given twice adds to the list: check only what this value adds (found by fuzzing) */
	size_t first = *n;
	if (v->kind == DD_VAL_SCALAR) {
		DD_PUSH(a, out, n, v->text);
	} else if (v->kind == DD_VAL_LIST) {
		for (size_t i = 0; i < v->n_items; i++) {
			if (v->items[i]->kind != DD_VAL_SCALAR)
				FAIL(v->items[i], "'%s' expects a list of globs (strings)", key);
			DD_PUSH(a, out, n, v->items[i]->text);
		}
	} else {
		FAIL(v, "'%s' expects a list of globs, like [\"db/**/*.sql\"]", key);
	}
	for (size_t i = first; i < *n; i++) {
		const char *why = dd_glob_check((*out)[i]);
		if (why) {
			const dd_value *at = v->kind == DD_VAL_LIST ? v->items[i - first] : v;
			FAIL(at, "invalid glob '%s' in '%s': %s", (*out)[i], key, why);
		}
	}
	return 0;
}

static void list_options(char *buf, size_t size, const dd_rule *r)
{
	buf[0] = '\0';
	size_t k = 0;
	for (const dd_option *o = r->options; o && o->name; o++)
		k += (size_t)snprintf(buf + k, k < size ? size - k : 0, "%s%s", k ? ", " : "", o->name);
	if (!k)
		snprintf(buf, size, "it has none");
}

static int read_rule(dd_arena *a, dd_config *c, const char *id, const dd_value *idnode, const dd_value *v,
		     const char *path, char *err, size_t errsize)
{
	int ri = dd_rule_find(id);
	if (ri < 0) {
		const char **ids = dd_arena_alloc(a, (dd_rules_count + 1) * sizeof *ids);
		for (size_t i = 0; i < dd_rules_count; i++)
			ids[i] = dd_rules[i]->id;
		const char *near = dd_did_you_mean(id, ids, dd_rules_count);
		if (near)
			FAIL(idnode, "unknown rule '%s'; did you mean '%s'?", id, near);
		FAIL(idnode, "unknown rule '%s'; 'ddlint rules' lists them", id);
	}
	const dd_rule *r = dd_rules[ri];
	dd_rule_setting *s = dd_arena_alloc(a, sizeof *s);
	s->id = r->id;
	s->node = idnode;
	const dd_value *sev = v;
	if (v->kind == DD_VAL_MAP) {
		sev = dd_value_get(v, "severity");
		for (size_t i = 0; i < v->n_items; i++) {
			const char *k = v->keys[i];
			if (strcmp(k, "severity") == 0)
				continue;
			const dd_option *o = r->options;
			while (o && o->name && strcmp(o->name, k) != 0)
				o++;
			if (!o || !o->name) {
				char names[512];
				list_options(names, sizeof names, r);
				const char *cands[32];
				size_t nc = 0;
				for (const dd_option *x = r->options; x && x->name && nc < 32; x++)
					cands[nc++] = x->name;
				const char *near = dd_did_you_mean(k, cands, nc);
				if (near)
					FAIL(v->key_nodes[i], "rule '%s' has no option '%s'; did you mean '%s'?", r->id, k, near);
				FAIL(v->key_nodes[i], "rule '%s' has no option '%s' (options: %s; and severity)", r->id, k, names);
			}
			const dd_value *bad;
			const char *why = dd_option_check(o, v->items[i], &bad);
			if (why)
				FAIL(bad, "option '%s' of rule '%s': %s", k, r->id, why);
			size_t n_names = s->n_options;
			DD_PUSH(a, &s->option_names, &n_names, o->name);
			DD_PUSH(a, &s->option_values, &s->n_options, v->items[i]);
		}
	} else if (v->kind != DD_VAL_SCALAR) {
		FAIL(v, "rule '%s' expects a severity (error, warning, info, off) or a map of options", r->id);
	}
	if (sev) {
		if (sev->kind != DD_VAL_SCALAR || dd_severity_parse(sev->text, &s->severity) != 0) {
			/* YAML reads a bare off as false: accept it as off */
			if (sev->kind == DD_VAL_SCALAR && dd_value_bool(sev) == 0)
				s->severity = DD_SEV_OFF;
			else
				FAIL(sev, "severity of rule '%s' must be error, warning, info or off, not '%s'", r->id,
				     sev->kind == DD_VAL_SCALAR ? sev->text : "a list or map");
		}
		s->has_severity = true;
	}
	DD_PUSH(a, &c->rules, &c->n_rules, s);
	return 0;
}

int dd_config_parse(dd_arena *a, const char *path, const char *text, size_t len, dd_config **out,
		    char *err, size_t errsize)
{
	dd_config *c = dd_arena_alloc(a, sizeof *c);
	c->path = dd_arena_strdup(a, path);
	c->fail_on = -1;
	const char *slash = strrchr(path, '/');
	c->dir = slash ? dd_arena_strndup(a, path, (size_t)(slash - path)) : ".";
	if (slash == path)
		c->dir = "/";
	dd_value *root;
	if (memchr(text, '\0', len) || dd_utf8_first_invalid(text, len) >= 0) {
		snprintf(err, errsize, "%s:1:1: not a UTF-8 text file", path);
		return -1;
	}
	if (dd_yaml_parse(a, text, len, path, &root, err, errsize) != 0)
		return -1;
	c->root = root;
	if (root->kind == DD_VAL_NULL) {
		*out = c;
		return 0;
	}
	if (root->kind != DD_VAL_MAP)
		FAIL(root, "expected a map of settings (keys: extends, fail_on, include, exclude, rules, suppressions, migrations, safety)");
	for (size_t i = 0; i < root->n_items; i++) {
		const char *k = root->keys[i];
		const dd_value *v = root->items[i];
		if (strcmp(k, "extends") == 0) {
			if (v->kind != DD_VAL_SCALAR || (strcmp(v->text, "standard") != 0 && strcmp(v->text, "strict") != 0))
				FAIL(v, "'extends' expects standard or strict");
			c->strict = strcmp(v->text, "strict") == 0;
		} else if (strcmp(k, "fail_on") == 0) {
			dd_severity sev;
			if (v->kind == DD_VAL_SCALAR && strcmp(v->text, "never") == 0)
				c->fail_on = 4;
			else if (v->kind == DD_VAL_SCALAR && dd_severity_parse(v->text, &sev) == 0 && sev != DD_SEV_OFF)
				c->fail_on = (int)sev;
			else
				FAIL(v, "'fail_on' expects error, warning, info or never");
			c->fail_on_node = v;
		} else if (strcmp(k, "include") == 0) {
			if (read_globs(a, v, path, k, &c->include, &c->n_include, err, errsize) != 0)
				return -1;
		} else if (strcmp(k, "exclude") == 0) {
			if (read_globs(a, v, path, k, &c->exclude, &c->n_exclude, err, errsize) != 0)
				return -1;
		} else if (strcmp(k, "rules") == 0) {
			if (v->kind == DD_VAL_NULL)
				continue;
			if (v->kind != DD_VAL_MAP)
				FAIL(v, "'rules' expects a map of rule ids to a severity or options");
			for (size_t r = 0; r < v->n_items; r++)
				if (read_rule(a, c, v->keys[r], v->key_nodes[r], v->items[r], path, err, errsize) != 0)
					return -1;
		} else if (strcmp(k, "migrations") == 0) {
			/* one {dir, layout} map, or a list of them */
			size_t n = v->kind == DD_VAL_LIST ? v->n_items : 1;
			for (size_t r = 0; r < n; r++) {
				const dd_value *item = v->kind == DD_VAL_LIST ? v->items[r] : v;
				if (item->kind != DD_VAL_MAP)
					FAIL(item, "'migrations' expects {dir: PATH, layout: NAME} or a list of them");
				const char *dir = NULL, *layout = NULL;
				for (size_t q = 0; q < item->n_items; q++) {
					const dd_value *iv = item->items[q];
					if (strcmp(item->keys[q], "dir") == 0 && iv->kind == DD_VAL_SCALAR) {
						dir = iv->text;
					} else if (strcmp(item->keys[q], "layout") == 0 && iv->kind == DD_VAL_SCALAR) {
						bool ok = false;
						char known[512] = "";
						for (size_t l = 0; dd_migration_tool(l); l++) {
							ok = ok || strcmp(dd_migration_tool(l), iv->text) == 0;
							snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", l ? ", " : "",
								 dd_migration_tool(l));
						}
						if (!ok)
							FAIL(iv, "unknown layout '%s'; layouts: %s", iv->text, known);
						layout = iv->text;
					} else if (strcmp(item->keys[q], "dir") == 0 || strcmp(item->keys[q], "layout") == 0) {
						FAIL(iv, "'%s' expects a string", item->keys[q]);
					} else {
						FAIL(item->key_nodes[q], "unknown key '%s' in 'migrations'; accepted: dir, layout", item->keys[q]);
					}
				}
				if (!dir)
					FAIL(item, "a 'migrations' entry needs a dir");
				const char *full = dir[0] == '/' ? dir : dd_arena_sprintf(a, "%s/%s", c->dir, dir);
				DD_PUSH(a, &c->migration_dirs, &c->n_migration_dirs, full);
				size_t nl = c->n_migration_dirs - 1;
				DD_PUSH(a, &c->migration_layouts, &nl, layout);
			}
		} else if (strcmp(k, "suppressions") == 0) {
			if (v->kind != DD_VAL_MAP)
				FAIL(v, "'suppressions' expects a map: { require_reason: true }");
			for (size_t r = 0; r < v->n_items; r++) {
				if (strcmp(v->keys[r], "require_reason") != 0)
					FAIL(v->key_nodes[r], "unknown key '%s' in 'suppressions'; accepted: require_reason", v->keys[r]);
				int b = dd_value_bool(v->items[r]);
				if (b < 0)
					FAIL(v->items[r], "'require_reason' expects true or false");
				c->require_reason = b == 1;
			}
		} else if (strcmp(k, "safety") == 0) {
			if (v->kind != DD_VAL_MAP)
				FAIL(v, "'safety' expects a map: { assume_existing: true, postgres_version: 15 }");
			for (size_t r = 0; r < v->n_items; r++) {
				const dd_value *sv = v->items[r];
				if (strcmp(v->keys[r], "assume_existing") == 0) {
					int b = dd_value_bool(sv);
					if (b < 0)
						FAIL(sv, "'assume_existing' expects true or false");
					c->assume_existing = b == 1;
					c->assume_existing_node = sv;
				} else if (strcmp(v->keys[r], "postgres_version") == 0) {
					char *end = NULL;
					long ver = sv->kind == DD_VAL_SCALAR ? strtol(sv->text, &end, 10) : 0;
					if (!end || *end || ver < DD_PG_VERSION_MIN || ver > DD_PG_VERSION_MAX)
						FAIL(sv, "'postgres_version' expects a PostgreSQL major version from %d to %d",
						     DD_PG_VERSION_MIN, DD_PG_VERSION_MAX);
					c->postgres_version = (int)ver;
					c->postgres_version_node = sv;
				} else {
					FAIL(v->key_nodes[r], "unknown key '%s' in 'safety'; accepted: assume_existing, postgres_version",
					     v->keys[r]);
				}
			}
		} else {
			const char *near = dd_did_you_mean(k, top_keys, 8);
			if (near)
				FAIL(root->key_nodes[i], "unknown key '%s'; did you mean '%s'? (accepted keys: extends, fail_on, "
				     "include, exclude, rules, suppressions, migrations, safety)", k, near);
			FAIL(root->key_nodes[i], "unknown key '%s'; accepted keys: extends, fail_on, include, exclude, rules, "
			     "suppressions, migrations, safety", k);
		}
	}
	*out = c;
	return 0;
}

int dd_config_load(dd_arena *a, const char *path, dd_config **out, char *err, size_t errsize)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		snprintf(err, errsize, "cannot read config '%s': %s", path, strerror(errno));
		return -1;
	}
	dd_buf b = { 0 };
	char chunk[8192];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		dd_buf_add(&b, chunk, got);
		if (b.len > (1u << 20)) {
			fclose(fp);
			dd_buf_free(&b);
			snprintf(err, errsize, "cannot read config '%s': larger than 1 MiB", path);
			return -1;
		}
	}
	bool bad = ferror(fp);
	fclose(fp);
	if (bad) {
		dd_buf_free(&b);
		snprintf(err, errsize, "cannot read config '%s': %s", path, strerror(errno));
		return -1;
	}
	int rc = dd_config_parse(a, path, b.data ? b.data : "", b.len, out, err, errsize);
	dd_buf_free(&b);
	return rc;
}

void dd_config_apply(const dd_config *c, dd_run *run)
{
	if (!c)
		return;
	if (c->strict)
		for (size_t i = 0; i < dd_rules_count; i++)
			if (dd_rules[i]->severity == DD_SEV_OFF)
				dd_run_set_severity(run, dd_rules[i]->id, DD_SEV_WARNING);
	for (size_t i = 0; i < c->n_rules; i++) {
		const dd_rule_setting *s = c->rules[i];
		if (s->has_severity)
			dd_run_set_severity(run, s->id, s->severity);
		for (size_t k = 0; k < s->n_options; k++)
			dd_run_set_option(run, s->id, s->option_names[k], s->option_values[k]);
	}
	if (c->require_reason)
		run->severity[DD_RULE_SUPPRESSION_REASON] = DD_SEV_WARNING;
	run->assume_existing = c->assume_existing;
	if (c->postgres_version)
		run->postgres_version = c->postgres_version;
	for (size_t i = 0; i < c->n_migration_dirs; i++)
		dd_run_add_migration_dir(run, c->migration_dirs[i], c->migration_layouts[i]);
}

bool dd_config_selects(const dd_config *c, const char *file)
{
	if (!c || (!c->n_include && !c->n_exclude))
		return true;
	/* globs are relative to the config's directory */
	char *abs_file = realpath(file, NULL), *abs_dir = realpath(c->dir, NULL);
	const char *rel = file;
	if (abs_file && abs_dir) {
		size_t n = strlen(abs_dir);
		if (strncmp(abs_file, abs_dir, n) == 0 && (abs_file[n] == '/' || n == 1))
			rel = abs_file + n + (n == 1 ? 0 : 1);
	}
	bool ok = c->n_include == 0;
	for (size_t i = 0; i < c->n_include && !ok; i++)
		ok = dd_glob_match(c->include[i], rel);
	for (size_t i = 0; i < c->n_exclude && ok; i++)
		if (dd_glob_match(c->exclude[i], rel))
			ok = false;
	free(abs_file);
	free(abs_dir);
	return ok;
}

char *dd_config_find(const char *file)
{
	/* from the file's directory up to the root, or to the first directory holding .git */
	char *abs = realpath(file, NULL);
	if (!abs) {
		char *cwd = getcwd(NULL, 0);
		if (!cwd)
			return NULL;
		size_t n = strlen(cwd) + strlen(file) + 2;
		abs = dd_xmalloc(n);
		snprintf(abs, n, "%s/%s", cwd, file);
		free(cwd);
	}
	struct stat sb;
	if (stat(abs, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		char *slash = strrchr(abs, '/');
		if (slash)
			*(slash == abs ? slash + 1 : slash) = '\0';
	}
	size_t cap = strlen(abs) + 32;
	char *probe = dd_xmalloc(cap);
	for (;;) {
		snprintf(probe, cap, "%s/.ddlint.yml", strcmp(abs, "/") == 0 ? "" : abs);
		if (stat(probe, &sb) == 0 && S_ISREG(sb.st_mode)) {
			free(abs);
			return probe;
		}
		snprintf(probe, cap, "%s/.git", strcmp(abs, "/") == 0 ? "" : abs);
		if (stat(probe, &sb) == 0 || strcmp(abs, "/") == 0)
			break;
		char *slash = strrchr(abs, '/');
		if (!slash)
			break;
		*(slash == abs ? slash + 1 : slash) = '\0';
	}
	free(abs);
	free(probe);
	return NULL;
}
