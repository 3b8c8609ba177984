/*
 * The command line's grammar: one table of commands and one of options (like git's), from
 * which parsing, dispatch and the usage text all come.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <pg_query.h>
#include "cli.h"

static void *grow(void *p, size_t n, size_t size) { return dd_xrealloc(p, (n + 1) * size); }

/* ---- ddlint verify's options ---- */
static int set_database(cli *c, const char *name, const char *val) { c->verify.database = val; return 0; }
static int set_temp_server(cli *c, const char *name, const char *val) { c->verify.temp_server = true; return 0; }
static int set_create_database(cli *c, const char *name, const char *val) { c->verify.create_database = true; return 0; }
static int set_allow_nonempty(cli *c, const char *name, const char *val) { c->verify.allow_nonempty = true; return 0; }
static int set_pg_bin(cli *c, const char *name, const char *val) { c->verify.pg_bin = val; return 0; }
static int set_from(cli *c, const char *name, const char *val) { c->verify.from = val; return 0; }
static int set_to(cli *c, const char *name, const char *val) { c->verify.to = val; return 0; }
static int set_statement_timeout(cli *c, const char *name, const char *val)
{
	char *end;
	errno = 0;
	long n = strtol(val, &end, 10);
	if (errno || end == val || *end || n < 0 || n > 86400) {
		fprintf(stderr, "ddlint: --statement-timeout takes seconds from 0 (none) to 86400, not '%s'\n", val);
		return -1;
	}
	c->verify.statement_timeout = (int)n;
	return 0;
}

/* ---- options ---- */

/* A handler sets what its option means; it returns 0, or -1 after printing why. */
typedef int (*option_fn)(cli *c, const char *name, const char *val);

typedef struct option {
	const char *name;        /* "--format" */
	char short_name;         /* 'j', or 0 */
	const char *arg;         /* the value's name in the usage, or NULL for a flag */
	const char *help;
	option_fn set;
} option;

static int parse_fail_on(const char *s)
{
	if (strcmp(s, "never") == 0)
		return 4;
	dd_severity sev;
	if (dd_severity_parse(s, &sev) != 0 || sev == DD_SEV_OFF)
		return -1;
	return (int)sev;
}

bool dd_cli_prefix_matches(const char *prefix, const char *id)
{
	size_t n = strlen(prefix);
	if (n && prefix[n - 1] == '/')
		n--;
	return strncmp(prefix, id, n) == 0 && (id[n] == '\0' || id[n] == '/');
}

static bool prefix_known(const char *prefix)
{
	for (size_t i = 0; i < dd_rules_count; i++)
		if (dd_cli_prefix_matches(prefix, dd_rules[i]->id))
			return true;
	return false;
}

static int unknown_format(const char *val)
{
	fprintf(stderr, "ddlint: unknown format '%s'; use one of:", val);
	for (size_t k = 0; dd_reporters[k]; k++)
		fprintf(stderr, " %s", dd_reporters[k]->name);
	fputc('\n', stderr);
	return -1;
}

static int set_format(cli *c, const char *name, const char *val)
{
	const dd_reporter *fmt = dd_reporter_find(val);
	c->format_name = val;
	if (!fmt) {
		/* erd has formats of its own: checked once the command is known (dd_cli_parse) */
		if (!c->command || c->command->own_formats)
			return 0;
		return unknown_format(val);
	}
	c->targets = grow(c->targets, c->n_targets, sizeof *c->targets);
	c->targets[c->n_targets].format = fmt;
	c->targets[c->n_targets++].output = NULL;
	return 0;
}

static int set_output(cli *c, const char *name, const char *val)
{
	if (c->n_targets == 0) {   /* --output alone: the default text report goes there */
		c->targets = grow(c->targets, 0, sizeof *c->targets);
		c->targets[0].format = &dd_reporter_text;
		c->targets[0].output = NULL;
		c->n_targets = 1;
	}
	if (c->targets[c->n_targets - 1].output) {
		fprintf(stderr, "ddlint: --output '%s' follows another --output; give each --format its own\n", val);
		return -1;
	}
	c->targets[c->n_targets - 1].output = val;
	return 0;
}

static int set_stdin_name(cli *c, const char *name, const char *val) { c->stdin_name = val; return 0; }
static int set_config(cli *c, const char *name, const char *val) { c->config_path = val; return 0; }
static int set_pg_dump(cli *c, const char *name, const char *val) { c->pg_dump = val; return 0; }
static int set_changed_since(cli *c, const char *name, const char *val) { c->changed_since = val; return 0; }
static int set_no_config(cli *c, const char *name, const char *val) { c->no_config = true; return 0; }
static int set_color(cli *c, const char *name, const char *val) { c->color = 1; return 0; }
static int set_no_color(cli *c, const char *name, const char *val) { c->color = 0; return 0; }
static int set_baseline(cli *c, const char *name, const char *val) { c->baseline = val; return 0; }
static int set_no_baseline(cli *c, const char *name, const char *val) { c->no_baseline = true; return 0; }
static int set_show_baselined(cli *c, const char *name, const char *val) { c->show_baselined = true; return 0; }
static int set_update(cli *c, const char *name, const char *val) { c->update = true; return 0; }

/* --schema: a schema's name for erd and docs (repeatable), the schema file for verify (once) */
static int add_schema(cli *c, const char *name, const char *val)
{
	c->erd_schemas = grow(c->erd_schemas, c->n_erd_schemas, sizeof *c->erd_schemas);
	c->erd_schemas[c->n_erd_schemas++] = val;
	c->verify.schema = val;
	return 0;
}

static int add_erd_table(cli *c, const char *name, const char *val)
{
	c->erd_tables = grow(c->erd_tables, c->n_erd_tables, sizeof *c->erd_tables);
	c->erd_tables[c->n_erd_tables++] = val;
	return 0;
}

static int add_erd_exclude(cli *c, const char *name, const char *val)
{
	c->erd_exclude = grow(c->erd_exclude, c->n_erd_exclude, sizeof *c->erd_exclude);
	c->erd_exclude[c->n_erd_exclude++] = val;
	return 0;
}

static int set_around(cli *c, const char *name, const char *val) { c->around = val; return 0; }
static int set_check(cli *c, const char *name, const char *val) { c->check = true; return 0; }

static int set_depth(cli *c, const char *name, const char *val)
{
	char *end;
	errno = 0;
	long n = strtol(val, &end, 10);
	if (errno || end == val || *end || n < 0 || n > 1000) {
		fprintf(stderr, "ddlint: --depth takes a number of foreign keys from 0 to 1000, not '%s'\n", val);
		return -1;
	}
	c->depth = (int)n;
	return 0;
}

static int add_context(cli *c, const char *name, const char *val)
{
	c->context = grow(c->context, c->n_context, sizeof *c->context);
	c->context[c->n_context++] = val;
	return 0;
}

static int set_jobs(cli *c, const char *name, const char *val)
{
	char *end;
	errno = 0;
	long n = strtol(val, &end, 10);
	if (errno || end == val || *end || n < 1 || n > 1024) {
		fprintf(stderr, "ddlint: --jobs takes a number of threads from 1 to 1024, not '%s'\n", val);
		return -1;
	}
	c->jobs = (int)n;
	return 0;
}

static int set_fail_on(cli *c, const char *name, const char *val)
{
	c->fail_on = parse_fail_on(val);
	if (c->fail_on < 0) {
		fprintf(stderr, "ddlint: --fail-on takes error, warning, info or never, not '%s'\n", val);
		return -1;
	}
	return 0;
}

static int set_rule(cli *c, const char *name, const char *val)
{
	const char *e = strrchr(val, '=');
	char id[128];
	dd_severity sev;
	snprintf(id, sizeof id, "%.*s", e ? (int)(e - val) : (int)strlen(val), val);
	if (!e || dd_severity_parse(e + 1, &sev) != 0) {
		fprintf(stderr, "ddlint: --rule takes ID=SEVERITY with error, warning, info or off, not '%s'\n", val);
		return -1;
	}
	int ri = dd_rule_find(id);
	if (ri < 0) {
		fprintf(stderr, "ddlint: --rule: unknown rule '%s'; 'ddlint rules' lists them\n", id);
		return -1;
	}
	c->rule_ids = grow(c->rule_ids, c->n_rules, sizeof *c->rule_ids);
	c->rule_sevs = grow(c->rule_sevs, c->n_rules, sizeof *c->rule_sevs);
	c->rule_ids[c->n_rules] = dd_rules[ri]->id;
	c->rule_sevs[c->n_rules++] = sev;
	return 0;
}

static int add_prefix(const char *name, const char *val, const char ***list, size_t *n)
{
	if (!prefix_known(val)) {
		fprintf(stderr, "ddlint: %s: no rule id or category '%s'; 'ddlint rules' lists them\n", name, val);
		return -1;
	}
	*list = grow(*list, *n, sizeof **list);
	(*list)[(*n)++] = val;
	return 0;
}

static int add_select(cli *c, const char *name, const char *val) { return add_prefix(name, val, &c->select, &c->n_select); }
static int add_ignore(cli *c, const char *name, const char *val) { return add_prefix(name, val, &c->ignore, &c->n_ignore); }

/* --help and --version end the parse with status 0. */
static int show_help(cli *c, const char *name, const char *val) { c->exit_now = 0; dd_cli_usage(stdout); return -1; }
static int show_version(cli *c, const char *name, const char *val)
{
	c->exit_now = 0;
	/* the parser's version comes from libpg_query's own header, as compiled in */
	printf("ddlint %s\nparser: libpg_query, PostgreSQL %s grammar (PG_VERSION_NUM %d)\n", DDLINT_VERSION, PG_VERSION,
	       PG_VERSION_NUM);
	return -1;
}

static const option options[] = {
	{ "--format", 0, "FORMAT", "text (default), json, sarif, github, gitlab or junit; repeatable (erd: mermaid, dbml, dot, plantuml; report: text, json, markdown; docs: html, markdown)", set_format },
	{ "--output", 0, "FILE", "write the report of the --format before it to FILE (a summary still goes to stderr)", set_output },
	{ "--stdin-filename", 0, "NAME", "name for standard input in diagnostics and config lookup (default <stdin>)", set_stdin_name },
	{ "--config", 0, "PATH", "use this config file for every input (no lookup)", set_config },
	{ "--context", 0, "PATH", "read PATH (file or directory) into the schema model, never report on it (repeatable)", add_context },
	{ "--pg-dump", 0, "PATH", "the pg_dump that 'ddlint inspect' runs (default: pg_dump on PATH)", set_pg_dump },
	{ "--changed-since", 0, "REF", "report only what changed since the merge base of git REF and HEAD", set_changed_since },
	{ "--no-config", 0, NULL, "ignore every .ddlint.yml", set_no_config },
	{ "--fail-on", 0, "SEVERITY", "error, warning (default), info or never: exit 1 at or above it", set_fail_on },
	{ "--rule", 0, "ID=SEVERITY", "set a rule's severity: error, warning, info or off (repeatable)", set_rule },
	{ "--select", 0, "PREFIX", "run only the rules with this id or category (repeatable)", add_select },
	{ "--ignore", 0, "PREFIX", "turn off the rules with this id or category (repeatable)", add_ignore },
	{ "--jobs", 'j', "N", "parse on N threads (default: the number of cores); results never depend on it", set_jobs },
	{ "--baseline", 0, "FILE", "the baseline of accepted findings (default: .ddlint-baseline.json beside the .ddlint.yml)", set_baseline },
	{ "--no-baseline", 0, NULL, "report every finding, ignoring any baseline", set_no_baseline },
	{ "--show-baselined", 0, NULL, "json and sarif: keep the baselined findings, marked", set_show_baselined },
	{ "--update", 0, NULL, "ddlint baseline: drop what is gone from the baseline, add nothing", set_update },
	{ "--schema", 0, "NAME|FILE", "erd, docs: only the tables of schema NAME (repeatable); verify: compare with the schema FILE (a pg_dump)", add_schema },
	{ "--table", 0, "GLOB", "erd, docs: only the tables whose name or schema.name matches (repeatable)", add_erd_table },
	{ "--exclude", 0, "GLOB", "erd, docs: leave out the tables whose name or schema.name matches (repeatable)", add_erd_exclude },
	{ "--around", 0, "TABLE", "erd, docs: only TABLE and the tables within --depth foreign keys of it", set_around },
	{ "--depth", 0, "N", "erd, docs: how many foreign keys from the --around table (default 1)", set_depth },
	{ "--check", 0, NULL, "docs: exit 1 when the site in --output DIR differs from what the SQL gives", set_check },
	{ "--temp-server", 0, NULL, "ddlint verify: on a throwaway PostgreSQL started here (initdb, Unix socket only)", set_temp_server },
	{ "--database", 0, "CONNINFO", "ddlint verify: on this empty database (a libpq connection string or URI)", set_database },
	{ "--create-database", 0, NULL, "ddlint verify: on a scratch database created (and dropped) on the --database server", set_create_database },
	{ "--allow-nonempty", 0, NULL, "ddlint verify: accept a --database that already has tables", set_allow_nonempty },
	{ "--pg-bin", 0, "DIR", "ddlint verify: the server programs for --temp-server (default: pg_config --bindir)", set_pg_bin },
	{ "--statement-timeout", 0, "SECONDS", "ddlint verify: cancel a statement after this long (default 60, 0: never)", set_statement_timeout },
	{ "--from", 0, "VERSION", "ddlint verify: verify from this migration on (earlier ones are only applied)", set_from },
	{ "--to", 0, "VERSION", "ddlint verify: verify up to this migration, run none after it", set_to },
	{ "--color", 0, NULL, "force colours on (default: on a terminal, unless NO_COLOR)", set_color },
	{ "--no-color", 0, NULL, "force colours off", set_no_color },
	{ "--version", 0, NULL, "print the version", show_version },
	{ "--help", 0, NULL, "print this help", show_help },
	{ NULL, 0, NULL, NULL, NULL }
};

/* ---- commands ---- */

static const dd_command commands[] = {
	{ "rules", NULL, "", "list every rule with its default severity", dd_run_cmd_rules, false },
	{ "explain", NULL, "RULE", "show a rule's documentation", dd_run_cmd_explain, false },
	{ "model", "dump", "[PATH...]", "print the schema model as JSON", dd_run_cmd_model, false },
	{ "init", NULL, "[DIR]", "write a commented .ddlint.yml (never overwrites one)", dd_run_cmd_init, false },
	{ "config", NULL, "[PATH]", "show the configuration that applies to PATH, and from where", dd_run_cmd_config, false },
	{ "plan", "migrations", "[PATH...]", "show the migration directories found: layout, order, downs", dd_run_cmd_plan, false },
	{ "inspect", "db", "CONNINFO", "lint the schema of a live database (pg_dump --schema-only)", dd_run_cmd_inspect, false },
	{ "baseline", NULL, "[PATH...]", "record the current findings as accepted (--output FILE, --update)", dd_run_cmd_baseline, false },
	{ "docs", NULL, "[PATH...]", "write the schema's documentation into --output DIR: --format html or markdown", dd_run_cmd_docs, true },
	{ "erd", NULL, "[PATH...]", "draw the schema: --format mermaid, dbml, dot or plantuml", dd_run_cmd_erd, true },
	{ "report", NULL, "[PATH...]", "compliance per rule, objects checked and passed: --format text, json or markdown", dd_run_cmd_compliance, true },
	{ "lsp", NULL, "", "run as a language server on stdin/stdout (LSP 3.17), for editors", dd_run_cmd_lsp, false },
	{ "verify", NULL, "[PATH...]", "run the migrations up, down and up again on PostgreSQL (--temp-server or --database)", dd_run_cmd_verify, false },
	{ NULL, NULL, NULL, NULL, NULL, false }
};

void dd_cli_usage(FILE *out)
{
	fprintf(out, "usage: %-30s %s\n", "ddlint [options] [PATH...]", "lint files, directories (*.sql, recursively) or - (stdin)");
	for (const dd_command *k = commands; k->name; k++) {
		char synopsis[64];
		snprintf(synopsis, sizeof synopsis, "ddlint %s %s", k->name, k->args);
		fprintf(out, "       %-30s %s\n", synopsis, k->summary);
	}
	fputs("\noptions:\n", out);
	for (const option *o = options; o->name; o++) {
		char left[64];
		if (o->short_name)
			snprintf(left, sizeof left, "-%c %s, %s %s", o->short_name, o->arg, o->name, o->arg);
		else
			snprintf(left, sizeof left, "%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(out, "  %-24s %s\n", left, o->help);
	}
	fputs("  --                       the arguments that follow are paths (to lint a directory named rules: -- rules)\n\n"
	      "The old names of model, plan and inspect (dump, migrations, db) are paths to lint where a file\n"
	      "or directory of that name is here, and commands elsewhere.\n\n"
	      "exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, config or read errors\n", out);
}

static const option *find_option(const char *name, size_t len, char short_name)
{
	for (const option *o = options; o->name; o++)
		if (short_name ? o->short_name == short_name : strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

static bool path_exists(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0;
}

/* The command named by the first word, if it is one. Command names are chosen not to be the
 * names of directories people keep SQL in; an old name (db, migrations, dump were) is a command
 * only where no file or directory of that name is here, else the word is a path to lint. */
static const dd_command *find_command(const char *word)
{
	for (const dd_command *k = commands; k->name; k++) {
		if (strcmp(word, k->name) == 0)
			return k;
		if (k->old_name && strcmp(word, k->old_name) == 0) {
			if (path_exists(word))
				return NULL;
			fprintf(stderr, "ddlint: 'ddlint %s' is now 'ddlint %s'; the old name works only where no '%s' is here\n",
				word, k->name, word);
			return k;
		}
	}
	return NULL;
}

/* `ddlint __docs WHAT`, never in the usage: the tables above as tab-separated lines, for the man
 * page and the shell completions the build generates (scripts/gen-docs.sh), so they cannot drift. */
static int docs(const char *what)
{
	if (strcmp(what, "commands") == 0) {
		for (const dd_command *k = commands; k->name; k++)
			printf("%s\t%s\t%s\n", k->name, k->args[0] ? k->args : "-", k->summary);
	} else if (strcmp(what, "options") == 0) {
		for (const option *o = options; o->name; o++)
			printf("%s\t%c\t%s\t%s\n", o->name, o->short_name ? o->short_name : '-', o->arg ? o->arg : "-", o->help);
	} else if (strcmp(what, "formats") == 0) {
		for (size_t k = 0; dd_reporters[k]; k++)
			printf("%s\n", dd_reporters[k]->name);
		fputs("mermaid\ndbml\ndot\nplantuml\nmarkdown\nhtml\n", stdout);   /* erd's, report's and docs' */
	} else if (strcmp(what, "rules-man") == 0) {
		return dd_cmd_rules_man();
	} else {
		fprintf(stderr, "ddlint: __docs takes commands, options, formats or rules-man\n");
		return 2;
	}
	return 0;
}

int dd_cli_parse(cli *c, int argc, char **argv)
{
	bool only_paths = false;
	c->exit_now = 2;
	if (argc == 3 && strcmp(argv[1], "__docs") == 0) {
		c->exit_now = docs(argv[2]);
		return -1;
	}
	c->paths = dd_xcalloc((size_t)argc + 1, sizeof *c->paths);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_paths || a[0] != '-' || a[1] == '\0') {
			/* the first word may name a command; everything else is a path (or '-') */
			const dd_command *k = !only_paths && !c->command && c->n_paths == 0 ? find_command(a) : NULL;
			if (k)
				c->command = k;
			else
				c->paths[c->n_paths++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_paths = true;
			continue;
		}
		/* --name, --name=value, --name value, -j N, -jN */
		const char *eq = a[1] == '-' ? strchr(a, '=') : NULL;
		const option *o = a[1] == '-' ? find_option(a, eq ? (size_t)(eq - a) : strlen(a), 0)
					       : a[2] == '\0' || a[1] == 'j' ? find_option(NULL, 0, a[1]) : NULL;
		if (!o) {
			fprintf(stderr, "ddlint: unknown option '%.*s'\n", eq ? (int)(eq - a) : (int)strlen(a), a);
			dd_cli_usage(stderr);
			return -1;
		}
		const char *val = NULL;
		if (o->arg) {
			val = eq ? eq + 1 : a[1] != '-' && a[2] ? a + 2 : i + 1 < argc ? argv[++i] : NULL;
			if (!val) {
				fprintf(stderr, "ddlint: option '%s' needs a value\n", a[1] == '-' ? o->name : a);
				dd_cli_usage(stderr);
				return -1;
			}
		} else if (eq) {
			fprintf(stderr, "ddlint: option '%s' takes no value\n", o->name);
			return -1;
		}
		if (o->set(c, o->name, val) != 0)
			return -1;
	}
	if (c->format_name && !dd_reporter_find(c->format_name) && !(c->command && c->command->own_formats))
		return unknown_format(c->format_name);
	if (c->n_targets == 0) {
		c->targets = grow(NULL, 0, sizeof *c->targets);
		c->targets[0].format = &dd_reporter_text;
		c->targets[0].output = NULL;
		c->n_targets = 1;
	}
	size_t to_stdout = 0;
	for (size_t i = 0; i < c->n_targets; i++)
		to_stdout += c->targets[i].output == NULL;
	if (to_stdout > 1) {
		fprintf(stderr, "ddlint: only one --format can go to standard output; give the others --output FILE\n");
		return -1;
	}
	return 0;
}
