/* Subcommands: rules, explain, init, config. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"

int dd_cmd_rules(void)
{
	for (size_t i = 0; i < dd_rules_count; i++)
		printf("%-28s %-8s %s\n", dd_rules[i]->id, dd_severity_name(dd_rules[i]->severity), dd_rules[i]->summary);
	return 0;
}

static void print_indented(const char *text)
{
	const char *p = text;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		printf("    %.*s\n", (int)n, p);
		p += n + (e ? 1 : 0);
	}
}

int dd_cmd_explain(const char *id)
{
	int i = dd_rule_find(id);
	if (i < 0) {
		fprintf(stderr, "ddlint: unknown rule '%s'; 'ddlint rules' lists them\n", id);
		return 2;
	}
	const dd_rule *r = dd_rules[i];
	printf("%s (default severity: %s)\n\n%s\n\n", r->id, dd_severity_name(r->severity), r->summary);
	if (r->command)
		printf("Reported by `ddlint %s` only, never when linting.\n\n", r->command);
	printf("What it checks\n    %s\n\n", r->description);
	printf("Why\n    %s\n\n", r->why);
	printf("Bad\n");
	print_indented(r->bad);
	printf("\nGood\n");
	print_indented(r->good);
	printf("\nOptions\n");
	if (!r->options || !r->options[0].name)
		printf("    none\n");
	for (const dd_option *o = r->options; o && o->name; o++)
		printf("    %s (default: %s)\n        %s\n", o->name, o->default_value, o->doc);
	return 0;
}


int dd_cmd_init(const char *dir)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/.ddlint.yml", dir);
	struct stat sb;
	if (stat(path, &sb) == 0) {
		fprintf(stderr, "ddlint: '%s' already exists; not overwriting it\n", path);
		return 2;
	}
	FILE *out = fopen(path, "wx");
	if (!out) {
		fprintf(stderr, "ddlint: cannot write '%s': %s\n", path, strerror(errno));
		return 2;
	}
	fprintf(out,
		"# ddlint configuration. Every rule is listed with its default severity and\n"
		"# options; uncomment and change what your schema needs. `ddlint explain RULE`\n"
		"# documents each rule, `ddlint config FILE` shows what applies to a file.\n"
		"\n"
		"# extends: standard        # standard (the defaults below) or strict (every rule on)\n"
		"# fail_on: warning         # error | warning | info | never: the exit status is 1 at or above it\n"
		"# include: [\"**/*.sql\"]     # globs, relative to this file\n"
		"# exclude: [\"db/seeds/**\"]\n"
		"# suppressions:\n"
		"#   require_reason: false   # true: every ddlint-disable comment needs \"-- reason\"\n"
		"# safety:                  # the safety/ rules: what a migration does to a live database\n"
		"#   assume_existing: false  # true: judge plain schema files too, as changes to existing tables\n"
		"#   postgres_version: 15    # major version of the server migrations run on\n"
		"\n"
		"rules:\n");
	/* "#id:" and "#  key:" lines uncomment to valid YAML; "# text" lines are prose */
	for (size_t i = 0; i < dd_rules_count; i++) {
		const dd_rule *r = dd_rules[i];
		fprintf(out, "  # %s\n", r->summary);
		if (!r->options || !r->options[0].name) {
			fprintf(out, "  #%s: %s\n", r->id, dd_severity_name(r->severity));
			continue;
		}
		fprintf(out, "  #%s:\n  #  severity: %s\n", r->id, dd_severity_name(r->severity));
		for (const dd_option *o = r->options; o->name; o++)
			fprintf(out, "  #  %s: %s    # %s\n", o->name, o->default_value, o->doc);
	}
	if (fclose(out) != 0) {
		fprintf(stderr, "ddlint: cannot write '%s': %s\n", path, strerror(errno));
		return 2;
	}
	printf("wrote %s\n", path);
	return 0;
}

static const char *where(const dd_value *v, char *buf, size_t size)
{
	if (!v)
		return "default";
	snprintf(buf, size, "%s:%d", v->source, v->line);
	return buf;
}

int dd_cmd_config(const char *path, const dd_config *c, const char *origin)
{
	char b1[4200];
	printf("# effective configuration for %s\n", path);
	printf("# config file: %s\n", origin);
	if (c && (c->n_include || c->n_exclude))
		printf("# this file is %s by include/exclude\n", dd_config_selects(c, path) ? "selected" : "skipped");
	const dd_value *ext = c && c->root ? dd_value_get(c->root, "extends") : NULL;
	printf("extends: %-24s # %s\n", c && c->strict ? "strict" : "standard", where(ext, b1, sizeof b1));
	static const char *const fails[] = { "off", "info", "warning", "error", "never" };
	printf("fail_on: %-24s # %s\n", c && c->fail_on >= 0 ? fails[c->fail_on] : "warning",
	       c && c->fail_on >= 0 ? where(c->fail_on_node, b1, sizeof b1) : "default");
	printf("suppressions:\n  require_reason: %-13s # %s\n", c && c->require_reason ? "true" : "false",
	       c && c->require_reason ? "config" : "default");
	printf("safety:\n  assume_existing: %-12s # %s\n", c && c->assume_existing ? "true" : "false",
	       c && c->assume_existing_node ? where(c->assume_existing_node, b1, sizeof b1) : "default");
	char ver[16];
	snprintf(ver, sizeof ver, "%d", c && c->postgres_version ? c->postgres_version : DD_PG_VERSION_DEFAULT);
	printf("  postgres_version: %-11s # %s\n", ver,
	       c && c->postgres_version_node ? where(c->postgres_version_node, b1, sizeof b1) : "default");
	printf("rules:\n");
	for (size_t i = 0; i < dd_rules_count; i++) {
		const dd_rule *r = dd_rules[i];
		const dd_rule_setting *s = NULL;
		for (size_t k = 0; c && k < c->n_rules; k++)
			if (strcmp(c->rules[k]->id, r->id) == 0)
				s = c->rules[k];
		dd_severity sev = r->severity;
		const char *sev_from = "default";
		if (c && c->strict && sev == DD_SEV_OFF) {
			sev = DD_SEV_WARNING;
			sev_from = "extends: strict";
		}
		if (c && c->require_reason && strcmp(r->id, "suppression-reason") == 0 && sev == DD_SEV_OFF) {
			sev = DD_SEV_WARNING;
			sev_from = "suppressions.require_reason";
		}
		if (s && s->has_severity) {
			sev = s->severity;
			sev_from = where(s->node, b1, sizeof b1);
		}
		printf("  %s:\n    severity: %-20s # %s\n", r->id, dd_severity_name(sev), sev_from);
		for (const dd_option *o = r->options; o && o->name; o++) {
			const dd_value *v = NULL;
			for (size_t k = 0; s && k < s->n_options; k++)
				if (strcmp(s->option_names[k], o->name) == 0)
					v = s->option_values[k];
			if (v) {
				char b2[4200];
				dd_arena *a = dd_arena_new();
				printf("    %s: %s  # %s\n", o->name, dd_value_flow(a, v), where(v, b2, sizeof b2));
				dd_arena_free(a);
			} else {
				printf("    %s: %s  # default\n", o->name, o->default_value);
			}
		}
	}
	return 0;
}

static const char *txmode_name(dd_txmode t)
{
	switch (t) {
	case DD_TXMODE_OWN: return "transaction";
	case DD_TXMODE_OWN_OR_NONE: return "transaction unless all statements refuse one";
	case DD_TXMODE_IMPLICIT: return "one query";
	case DD_TXMODE_NONE: return "no transaction";
	case DD_TXMODE_RUN: return "one transaction for all";
	}
	return "?";
}

/* How a file's first part (up) or first down part runs, or NULL. */
static const dd_section *first_section(const dd_file *f, bool down)
{
	for (size_t s = 0; f && s < f->n_sections; s++)
		if (f->sections[s].down == down)
			return &f->sections[s];
	return NULL;
}

static bool in_dir(const dd_file *f, const char *root)
{
	size_t n = strlen(root);
	return f->fs_real && strncmp(f->fs_real, root, n) == 0 && f->fs_real[n] == '/';
}

static void plan_text(const dd_run *run)
{
	for (size_t k = 0; k < run->n_migration_dirs; k++) {
		const dd_migration_dir *md = run->migration_dirs[k];
		size_t count = 0;
		for (size_t i = 0; i < run->n_migrations; i++)
			count += strcmp(run->migrations[i]->dir, md->root) == 0;
		printf("%s: %s, %zu migration%s (%s)\n", md->root, md->tool, count, count == 1 ? "" : "s", md->why);
		for (size_t i = 0; i < run->n_migrations; i++) {
			const dd_migration *m = run->migrations[i];
			if (strcmp(m->dir, md->root) != 0)
				continue;
			const char *up = m->up ? m->up->path : "-";
			const char *down = !m->down ? "no down" : m->down == m->up ? "down section" : m->down->path;
			const dd_section *s = first_section(m->up, false);
			printf("  %-24s %s  [%s; %s]\n", m->version, up, down, s ? txmode_name(s->tx) : "empty");
		}
		for (size_t i = 0; i < run->n_files; i++) {
			const dd_file *f = run->files[i];
			if (!in_dir(f, md->root))
				continue;
			if (f->off_layout && f->role != DD_ROLE_OTHER)
				printf("  misnamed: %s: %s%s\n", f->dir_name,
				       f->off_layout_why ? f->off_layout_why : "it does not follow the tool's names",
				       f->role == DD_ROLE_DOWN ? "" : f->version ? "; replayed where its version puts it, for the model"
				       : "; replayed after the migrations, for the model");
			else if (f->off_layout || (f->role == DD_ROLE_OTHER && f->off_layout_why))
				printf("  not a migration: %s: %s\n", f->dir_name, f->off_layout_why);
			else if (f->same_version)
				printf("  %s: version %s is used by '%s' too; versions must be unique\n", f->dir_name, f->version, f->same_version);
		}
	}
	if (!run->n_migration_dirs)
		printf("no migration directory found\n");
}

static json_t *jstr(const char *s) { return s ? json_string(s) : json_null(); }

static int plan_json(const dd_run *run)
{
	json_t *dirs = json_array();
	for (size_t k = 0; k < run->n_migration_dirs; k++) {
		const dd_migration_dir *md = run->migration_dirs[k];
		json_t *ms = json_array(), *others = json_array();
		for (size_t i = 0; i < run->n_migrations; i++) {
			const dd_migration *m = run->migrations[i];
			if (strcmp(m->dir, md->root) != 0)
				continue;
			const dd_section *up = first_section(m->up, false), *down = first_section(m->down, true);
			json_array_append_new(ms, json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:b}", "version", jstr(m->version),
							    "name", jstr(m->name), "up", jstr(m->up ? m->up->path : NULL),
							    "down", jstr(m->down ? m->down->path : NULL),
							    "up_transaction", jstr(up ? txmode_name(up->tx) : NULL),
							    "down_transaction", jstr(down ? txmode_name(down->tx) : NULL),
							    "down_section", m->down && m->down == m->up));
		}
		for (size_t i = 0; i < run->n_files; i++) {
			const dd_file *f = run->files[i];
			if (in_dir(f, md->root) && (f->off_layout || (f->role == DD_ROLE_OTHER && f->off_layout_why)))
				json_array_append_new(others, json_pack("{s:o, s:o, s:b}", "file", jstr(f->path), "why",
									jstr(f->off_layout_why ? f->off_layout_why : "it does not follow the tool's names"),
									"replayed", f->role != DD_ROLE_OTHER));
		}
		json_array_append_new(dirs, json_pack("{s:s, s:s, s:s, s:o, s:o}", "dir", md->root, "tool", md->tool, "why", md->why,
						      "migrations", ms, "not_migrations", others));
	}
	json_t *doc = json_pack("{s:s, s:o}", "version", DDLINT_VERSION, "directories", dirs);
	return dd_write_json(stdout, doc);
}

int dd_cmd_migrations(dd_run *run, bool json)
{
	/* plan only: tools, order, pairing, transactions */
	dd_migrations_plan(run);
	if (json)
		return plan_json(run) == 0 ? 0 : 2;
	plan_text(run);
	return 0;
}

/* Text as roff: a backslash is \e, a line starting with . or ' is protected, trailing blanks
 * go; in fill mode (literal false) a blank line is .sp. */
static void man_text(const char *text, bool literal)
{
	const char *p = text;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n == 0)
			fputs(literal ? "\n" : ".sp\n", stdout);
		else {
			if (p[0] == '.' || p[0] == '\'')
				fputs("\\&", stdout);
			for (size_t i = 0; i < n; i++)
				if (p[i] == '\\')
					fputs("\\e", stdout);
				else
					putchar(p[i]);
			putchar('\n');
		}
		p = e ? e + 1 : p + strlen(p);
	}
}

int dd_cmd_rules_man(void)
{
	printf(".SH RULES\n");
	for (size_t i = 0; i < dd_rules_count; i++) {
		const dd_rule *r = dd_rules[i];
		printf(".SS %s\n", r->id);
		man_text(r->summary, false);
		printf(".PP\nDefault severity: \\fB%s\\fR.\n.PP\n", dd_severity_name(r->severity));
		if (r->command)
			printf("Reported by \\fBddlint %s\\fR only, never when linting.\n.PP\n", r->command);
		man_text(r->description, false);
		printf(".PP\n\\fIWhy:\\fR\n");
		man_text(r->why, false);
		printf(".PP\n\\fIBad:\\fR\n.RS\n.nf\n");
		man_text(r->bad, true);
		printf(".fi\n.RE\n.PP\n\\fIGood:\\fR\n.RS\n.nf\n");
		man_text(r->good, true);
		printf(".fi\n.RE\n");
		if (r->options && r->options[0].name) {
			printf(".PP\n\\fIOptions:\\fR\n");
			for (const dd_option *o = r->options; o->name; o++) {
				printf(".TP\n\\fB%s\\fR (default: ", o->name);
				man_text(o->default_value, false);
				printf(")\n");
				man_text(o->doc, false);
			}
		}
	}
	return 0;
}
