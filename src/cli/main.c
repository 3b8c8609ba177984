/* The ddlint command line: options, config discovery, one run per config, the report. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pg_query.h>
#include "cli.h"

static const char usage[] =
	"usage: ddlint [options] [PATH...]     lint files, directories (*.sql, recursively) or - (stdin)\n"
	"       ddlint rules                   list every rule with its default severity\n"
	"       ddlint explain RULE            show a rule's documentation\n"
	"       ddlint dump [PATH...]          print the schema model as JSON\n"
	"       ddlint init                    write a commented .ddlint.yml here (never overwrites)\n"
	"       ddlint config [PATH]           show the configuration that applies to PATH, and from where\n"
	"       ddlint migrations [PATH...]    show the migration directories found: layout, order, downs\n"
	"       ddlint db CONNINFO             lint the schema of a live database (pg_dump --schema-only)\n"
	"\n"
	"options:\n"
	"  --format FORMAT          text (default), json, sarif, github, gitlab or junit; repeatable\n"
	"  --output FILE            write the report of the --format before it to FILE (a summary still goes to stderr)\n"
	"  --stdin-filename NAME    name for standard input in diagnostics and config lookup (default <stdin>)\n"
	"  --config PATH            use this config file for every input (no lookup)\n"
	"  --context PATH           read PATH (file or directory) into the schema model, never report on it (repeatable)\n"
	"  --pg-dump PATH           the pg_dump that 'ddlint db' runs (default: pg_dump on PATH)\n"
	"  --no-config              ignore every .ddlint.yml\n"
	"  --fail-on SEVERITY       error, warning (default), info or never: exit 1 at or above it\n"
	"  --rule ID=SEVERITY       set a rule's severity: error, warning, info or off (repeatable)\n"
	"  --select PREFIX          run only the rules with this id or category (repeatable)\n"
	"  --ignore PREFIX          turn off the rules with this id or category (repeatable)\n"
	"  -j N, --jobs N           parse on N threads (default: the number of cores); results never depend on it\n"
	"  --color, --no-color      force colours on or off (default: on a terminal, unless NO_COLOR)\n"
	"  --version                print the version\n"
	"  --help                   print this help\n"
	"  --                       the arguments that follow are paths (to lint a directory named rules: -- rules)\n"
	"\n"
	"exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, config or read errors\n";

typedef struct report_target { const dd_reporter *format; const char *output; } report_target;

typedef struct cli {
	report_target *targets;      /* --format (and its --output) in order; text to stdout when none */
	size_t n_targets;
	const char *stdin_name;
	const char *config_path;
	bool no_config;
	int fail_on;                 /* -1: from the config, else warning */
	int color;                   /* -1 auto */
	const char **rule_ids;       /* --rule */
	dd_severity *rule_sevs;
	size_t n_rules;
	const char **select, **ignore, **context;
	size_t n_select, n_ignore, n_context;
	const char *command;
	const char *pg_dump;
	int jobs;                    /* 0: the number of cores */
	char **paths;
	size_t n_paths;
} cli;

static void *grow(void *p, size_t n, size_t size)
{
	return dd_xrealloc(p, (n + 1) * size);
}

static int parse_fail_on(const char *s)
{
	if (strcmp(s, "never") == 0)
		return 4;
	dd_severity sev;
	if (dd_severity_parse(s, &sev) != 0 || sev == DD_SEV_OFF)
		return -1;
	return (int)sev;
}

static bool prefix_matches(const char *prefix, const char *id)
{
	size_t n = strlen(prefix);
	if (n && prefix[n - 1] == '/')
		n--;
	return strncmp(prefix, id, n) == 0 && (id[n] == '\0' || id[n] == '/');
}

static bool prefix_known(const char *prefix)
{
	for (size_t i = 0; i < dd_rules_count; i++)
		if (prefix_matches(prefix, dd_rules[i]->id))
			return true;
	return false;
}

static int parse_jobs(const char *val, int *jobs, int *status)
{
	char *end;
	errno = 0;
	long n = strtol(val, &end, 10);
	if (errno || end == val || *end || n < 1 || n > 1024) {
		fprintf(stderr, "ddlint: --jobs takes a number of threads from 1 to 1024, not '%s'\n", val);
		*status = 2;
		return -1;
	}
	*jobs = (int)n;
	return 0;
}

/* Parse the command line; returns -1 to exit with status *status. */
static int parse_args(cli *c, int argc, char **argv, int *status)
{
	bool only_paths = false;
	c->paths = dd_xcalloc((size_t)argc + 1, sizeof *c->paths);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!only_paths && strcmp(a, "--") == 0) {
			only_paths = true;
			continue;
		}
		if (!only_paths && a[0] == '-' && a[1] == '-') {
			char name[64];
			const char *eq = strchr(a, '=');
			snprintf(name, sizeof name, "%.*s", eq ? (int)(eq - a) : (int)strlen(a), a);
			static const char *const with_value[] = { "--format", "--stdin-filename", "--fail-on", "--rule",
								  "--config", "--select", "--ignore", "--context", "--output", "--pg-dump", "--jobs", NULL };
			const char *val = NULL;
			for (int k = 0; with_value[k]; k++)
				if (strcmp(name, with_value[k]) == 0) {
					if (eq)
						val = eq + 1;
					else if (i + 1 < argc)
						val = argv[++i];
					else {
						fprintf(stderr, "ddlint: option '%s' needs a value\n%s", name, usage);
						*status = 2;
						return -1;
					}
				}
			if (strcmp(name, "--help") == 0) {
				fputs(usage, stdout);
				*status = 0;
				return -1;
			} else if (strcmp(name, "--version") == 0) {
				printf("ddlint %s (PostgreSQL %s grammar)\n", DDLINT_VERSION, PG_VERSION);
				*status = 0;
				return -1;
			} else if (strcmp(name, "--format") == 0) {
				const dd_reporter *fmt = dd_reporter_find(val);
				c->targets = grow(c->targets, c->n_targets, sizeof *c->targets);
				c->targets[c->n_targets].format = fmt;
				c->targets[c->n_targets++].output = NULL;
				if (!fmt) {
					fprintf(stderr, "ddlint: unknown format '%s'; use one of:", val);
					for (size_t k = 0; dd_reporters[k]; k++)
						fprintf(stderr, " %s", dd_reporters[k]->name);
					fputc('\n', stderr);
					*status = 2;
					return -1;
				}
			} else if (strcmp(name, "--output") == 0) {
				if (c->n_targets == 0) {   /* --output alone: the default text report goes there */
					c->targets = grow(c->targets, 0, sizeof *c->targets);
					c->targets[0].format = &dd_reporter_text;
					c->targets[0].output = NULL;
					c->n_targets = 1;
				}
				if (c->targets[c->n_targets - 1].output) {
					fprintf(stderr, "ddlint: --output '%s' follows another --output; give each --format its own\n", val);
					*status = 2;
					return -1;
				}
				c->targets[c->n_targets - 1].output = val;
			} else if (strcmp(name, "--stdin-filename") == 0) {
				c->stdin_name = val;
			} else if (strcmp(name, "--config") == 0) {
				c->config_path = val;
			} else if (strcmp(name, "--context") == 0) {
				c->context = grow(c->context, c->n_context, sizeof *c->context);
				c->context[c->n_context++] = val;
			} else if (strcmp(name, "--pg-dump") == 0) {
				c->pg_dump = val;
			} else if (strcmp(name, "--jobs") == 0) {
				if (parse_jobs(val, &c->jobs, status) != 0)
					return -1;
			} else if (strcmp(name, "--no-config") == 0) {
				c->no_config = true;
			} else if (strcmp(name, "--fail-on") == 0) {
				c->fail_on = parse_fail_on(val);
				if (c->fail_on < 0) {
					fprintf(stderr, "ddlint: --fail-on takes error, warning, info or never, not '%s'\n", val);
					*status = 2;
					return -1;
				}
			} else if (strcmp(name, "--rule") == 0) {
				const char *e = strrchr(val, '=');
				char id[128];
				dd_severity sev;
				snprintf(id, sizeof id, "%.*s", e ? (int)(e - val) : (int)strlen(val), val);
				if (!e || dd_severity_parse(e + 1, &sev) != 0) {
					fprintf(stderr, "ddlint: --rule takes ID=SEVERITY with error, warning, info or off, not '%s'\n", val);
					*status = 2;
					return -1;
				}
				int ri = dd_rule_find(id);
				if (ri < 0) {
					fprintf(stderr, "ddlint: --rule: unknown rule '%s'; 'ddlint rules' lists them\n", id);
					*status = 2;
					return -1;
				}
				c->rule_ids = grow(c->rule_ids, c->n_rules, sizeof *c->rule_ids);
				c->rule_sevs = grow(c->rule_sevs, c->n_rules, sizeof *c->rule_sevs);
				c->rule_ids[c->n_rules] = dd_rules[ri]->id;
				c->rule_sevs[c->n_rules++] = sev;
			} else if (strcmp(name, "--select") == 0 || strcmp(name, "--ignore") == 0) {
				if (!prefix_known(val)) {
					fprintf(stderr, "ddlint: %s: no rule id or category '%s'; 'ddlint rules' lists them\n", name, val);
					*status = 2;
					return -1;
				}
				if (name[2] == 's') {
					c->select = grow(c->select, c->n_select, sizeof *c->select);
					c->select[c->n_select++] = val;
				} else {
					c->ignore = grow(c->ignore, c->n_ignore, sizeof *c->ignore);
					c->ignore[c->n_ignore++] = val;
				}
			} else if (strcmp(name, "--color") == 0) {
				c->color = 1;
			} else if (strcmp(name, "--no-color") == 0) {
				c->color = 0;
			} else {
				fprintf(stderr, "ddlint: unknown option '%s'\n%s", name, usage);
				*status = 2;
				return -1;
			}
			continue;
		}
		if (!only_paths && a[0] == '-' && a[1] == 'j') {   /* -j N, -jN */
			const char *val = a[2] ? a + 2 : i + 1 < argc ? argv[++i] : NULL;
			if (!val) {
				fprintf(stderr, "ddlint: option '-j' needs a value\n%s", usage);
				*status = 2;
				return -1;
			}
			if (parse_jobs(val, &c->jobs, status) != 0)
				return -1;
			continue;
		}
		if (!only_paths && a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "ddlint: unknown option '%s'\n%s", a, usage);
			*status = 2;
			return -1;
		}
		static const char *const commands[] = { "rules", "explain", "dump", "init", "config", "migrations", "db", NULL };
		bool is_command = false;
		for (int k = 0; !only_paths && !c->command && c->n_paths == 0 && commands[k]; k++)
			if (strcmp(a, commands[k]) == 0)
				is_command = true;
		if (is_command)
			c->command = a;
		else
			c->paths[c->n_paths++] = argv[i];
	}
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
		*status = 2;
		return -1;
	}
	return 0;
}

/* Configs are loaded once each, by path, into one arena. */
typedef struct config_cache {
	dd_arena *arena;
	char **paths;
	dd_config **configs;
	size_t n;
} config_cache;

static int load_config(config_cache *cc, const char *path, const dd_config **out)
{
	for (size_t i = 0; i < cc->n; i++)
		if (strcmp(cc->paths[i], path) == 0) {
			*out = cc->configs[i];
			return 0;
		}
	char err[1024];
	dd_config *c;
	if (dd_config_load(cc->arena, path, &c, err, sizeof err) != 0) {
		fprintf(stderr, "ddlint: %s\n", err);
		return -1;
	}
	cc->paths = grow(cc->paths, cc->n, sizeof *cc->paths);
	cc->configs = grow(cc->configs, cc->n, sizeof *cc->configs);
	cc->paths[cc->n] = dd_xstrdup(path);
	cc->configs[cc->n++] = c;
	*out = c;
	return 0;
}

/* The config for a path: --no-config, --config, or the nearest .ddlint.yml. */
static int config_for(const cli *c, config_cache *cc, const char *path, const dd_config **out, char **origin)
{
	*out = NULL;
	if (origin)
		*origin = NULL;
	if (c->no_config)
		return 0;
	if (c->config_path) {
		if (origin)
			*origin = dd_xstrdup(c->config_path);
		return load_config(cc, c->config_path, out);
	}
	char *found = dd_config_find(path);
	if (!found)
		return 0;
	int rc = load_config(cc, found, out);
	if (origin)
		*origin = found;
	else
		free(found);
	return rc;
}

static void apply_cli(const cli *c, dd_run *run)
{
	if (c->n_select)
		for (size_t i = 0; i < dd_rules_count; i++) {
			bool keep = false;
			for (size_t k = 0; k < c->n_select; k++)
				keep = keep || prefix_matches(c->select[k], dd_rules[i]->id);
			if (!keep)
				dd_run_set_severity(run, dd_rules[i]->id, DD_SEV_OFF);
		}
	for (size_t i = 0; i < dd_rules_count; i++)
		for (size_t k = 0; k < c->n_ignore; k++)
			if (prefix_matches(c->ignore[k], dd_rules[i]->id))
				dd_run_set_severity(run, dd_rules[i]->id, DD_SEV_OFF);
	for (size_t i = 0; i < c->n_rules; i++)
		dd_run_set_severity(run, c->rule_ids[i], c->rule_sevs[i]);
}

static int read_stdin(dd_run *run, const char *name)
{
	dd_buf b = { 0 };
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, stdin)) > 0)
		dd_buf_add(&b, chunk, got);
	if (ferror(stdin)) {
		fprintf(stderr, "ddlint: cannot read standard input: %s\n", strerror(errno));
		dd_buf_free(&b);
		return -1;
	}
	int rc = dd_run_add_buffer(run, name, b.data ? b.data : "", b.len, true);
	dd_buf_free(&b);
	/* an editor's buffer stands for the file it names: its directory gives the migration context */
	if (rc == 0 && strcmp(name, "<stdin>") != 0)
		dd_run_set_last_file_path(run, name);
	return rc;
}

/* The path a config is looked up for: standard input is found through its name. */
static const char *lookup_path(const dd_input *in)
{
	if (in->lookup)
		return in->lookup;
	return strcmp(in->path, "-") == 0 ? in->display : in->path;
}

/* --context files: read into every run's model before the linted files, never reported. */
static int add_context(const cli *c, dd_run *run)
{
	for (size_t i = 0; i < c->n_context; i++) {
		dd_inputs ctx = { 0 };
		if (dd_inputs_collect(&ctx, c->context[i], c->stdin_name) != 0) {
			dd_inputs_free(&ctx);
			return -1;
		}
		for (size_t k = 0; k < ctx.n; k++)
			if (dd_run_add_path(run, ctx.items[k].path, ctx.items[k].display, false) != 0) {
				fprintf(stderr, "ddlint: %s\n", dd_run_error(run));
				dd_inputs_free(&ctx);
				return -1;
			}
		dd_inputs_free(&ctx);
	}
	return 0;
}

static int lint(cli *c, dd_inputs *inputs, config_cache *cc, int status)
{
	/* each input gets its config; excluded files drop out */
	size_t kept = 0;
	for (size_t i = 0; i < inputs->n; i++) {
		dd_input *in = &inputs->items[i];
		if (config_for(c, cc, lookup_path(in), &in->config, NULL) != 0)
			return 2;
		if (in->config && !dd_config_selects(in->config, lookup_path(in))) {
			free(in->path);
			free(in->display);
			continue;
		}
		inputs->items[kept++] = *in;
	}
	inputs->n = kept;

	dd_result result = { 0 };
	/* the result points into each run's arena: runs live until the report is written */
	dd_run **runs = dd_xcalloc(inputs->n + 1, sizeof *runs);
	size_t n_runs = 0;
	bool dump = c->command && strcmp(c->command, "dump") == 0;
	bool list = c->command && strcmp(c->command, "migrations") == 0;
	/* one run per config: files under different .ddlint.yml are different projects */
	bool *done = dd_xcalloc(inputs->n + 1, sizeof *done);
	for (size_t i = 0; i < inputs->n; i++) {
		if (done[i])
			continue;
		const dd_config *conf = inputs->items[i].config;
		dd_run *run = dd_run_new();
		dd_run_set_jobs(run, c->jobs);
		dd_config_apply(conf, run);
		apply_cli(c, run);
		if (add_context(c, run) != 0)
			status = 2;
		for (size_t k = i; k < inputs->n; k++) {
			if (done[k] || (!dump && !list && inputs->items[k].config != conf))
				continue;
			done[k] = true;
			dd_input *in = &inputs->items[k];
			int rc = strcmp(in->path, "-") == 0 ? read_stdin(run, in->display)
							     : dd_run_add_path(run, in->path, in->display, true);
			if (rc != 0) {
				if (strcmp(in->path, "-") != 0)
					fprintf(stderr, "ddlint: %s\n", dd_run_error(run));
				status = 2;
			}
		}
		runs[n_runs++] = run;
		if (list) {
			status = dd_cmd_migrations(run);
			goto done;
		}
		if (dd_run_lint(run) != 0) {
			fprintf(stderr, "ddlint: %s\n", dd_run_error(run));
			status = 2;
			goto done;
		}
		if (dump) {
			if (dd_run_dump_json(run, stdout) != 0) {
				fprintf(stderr, "ddlint: cannot write the model: %s\n", strerror(errno));
				status = 2;
			}
			goto done;
		}
		/* the exit status follows each group's fail_on: --fail-on, else its config, else warning */
		int fail_on = c->fail_on >= 0 ? c->fail_on : conf && conf->fail_on >= 0 ? conf->fail_on : DD_SEV_WARNING;
		size_t before[4];
		memcpy(before, result.counts, sizeof before);
		dd_result_add_run(&result, run);
		for (int s = fail_on; s <= DD_SEV_ERROR; s++)
			if (result.counts[s] > before[s] && status == 0)
				status = 1;
	}
	if (inputs->n == 0 && status == 0)
		fprintf(stderr, "ddlint: no .sql files found\n");

	bool tty = isatty(STDOUT_FILENO);
	bool summary = false;
	for (size_t t = 0; t < c->n_targets; t++) {
		const report_target *tg = &c->targets[t];
		FILE *out = stdout;
		if (tg->output && !(out = fopen(tg->output, "w"))) {
			fprintf(stderr, "ddlint: cannot write '%s': %s\n", tg->output, strerror(errno));
			status = 2;
			continue;
		}
		dd_report_opts ro;
		ro.color = !tg->output && (c->color >= 0 ? c->color == 1 : (tty && !getenv("NO_COLOR")));
		ro.source = !tg->output && tty && tg->format == &dd_reporter_text;
		int rc = tg->format->write(out, &result, &ro);
		if (tg->output ? fclose(out) != 0 : fflush(out) != 0)
			rc = -1;
		if (rc != 0) {
			fprintf(stderr, "ddlint: cannot write the %s report%s%s: %s\n", tg->format->name,
				tg->output ? " to " : "", tg->output ? tg->output : "", strerror(errno));
			status = 2;
		}
		summary = summary || tg->format == &dd_reporter_text || tg->output;
	}
	if (summary) {
		size_t *n = result.counts;
		fprintf(stderr, "%zu error%s, %zu warning%s, %zu info%s in %zu file%s", n[DD_SEV_ERROR],
			n[DD_SEV_ERROR] == 1 ? "" : "s", n[DD_SEV_WARNING], n[DD_SEV_WARNING] == 1 ? "" : "s",
			n[DD_SEV_INFO], n[DD_SEV_INFO] == 1 ? "" : "s", result.files, result.files == 1 ? "" : "s");
		if (result.suppressed)
			fprintf(stderr, " (%zu suppressed)", result.suppressed);
		fputc('\n', stderr);
	}
done:
	dd_result_free(&result);
	for (size_t i = 0; i < n_runs; i++)
		dd_run_free(runs[i]);
	free(runs);
	free(done);
	return status;
}

int main(int argc, char **argv)
{
	cli c = { 0 };
	c.stdin_name = "<stdin>";
	c.fail_on = -1;
	c.color = -1;
	int status = 0;
	config_cache cc = { dd_arena_new(), NULL, NULL, 0 };
	dd_inputs inputs = { 0 };

	if (parse_args(&c, argc, argv, &status) != 0)
		goto out;
	if (c.jobs == 0) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		c.jobs = cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
	}
	if (c.command && strcmp(c.command, "rules") == 0) {
		status = dd_cmd_rules();
	} else if (c.command && strcmp(c.command, "explain") == 0) {
		if (c.n_paths != 1) {
			fprintf(stderr, "ddlint: explain takes one rule id; 'ddlint rules' lists them\n");
			status = 2;
		} else {
			status = dd_cmd_explain(c.paths[0]);
		}
	} else if (c.command && strcmp(c.command, "init") == 0) {
		status = c.n_paths > 1 ? 2 : dd_cmd_init(c.n_paths ? c.paths[0] : ".");
		if (c.n_paths > 1)
			fprintf(stderr, "ddlint: init takes at most one directory\n");
	} else if (c.command && strcmp(c.command, "config") == 0) {
		const char *path = c.n_paths ? c.paths[0] : ".";
		const dd_config *conf;
		char *origin;
		if (config_for(&c, &cc, path, &conf, &origin) != 0) {
			free(origin);
			status = 2;
		} else {
			status = dd_cmd_config(path, conf, origin ? origin : c.no_config ? "none (--no-config)" :
						"none found; built-in defaults");
			free(origin);
		}
	} else if (c.command && strcmp(c.command, "db") == 0) {
		if (c.n_paths != 1) {
			fprintf(stderr, "ddlint: db takes one connection string, e.g. ddlint db 'host=localhost dbname=app'\n");
			status = 2;
		} else {
			char *dump = dd_pg_dump_to_file(c.pg_dump ? c.pg_dump : "pg_dump", c.paths[0]);
			if (!dump) {
				status = 2;
			} else {
				/* the dump is linted as pg_dump.sql, with the config of the working directory */
				dd_inputs_add(&inputs, dump, "pg_dump.sql");
				inputs.items[0].lookup = ".";
				status = lint(&c, &inputs, &cc, status);
				unlink(dump);
				*strrchr(dump, '/') = '\0';
				rmdir(dump);
				free(dump);
			}
		}
	} else {
		if (c.n_paths == 0)
			c.paths[c.n_paths++] = ".";
		for (size_t i = 0; i < c.n_paths; i++)
			if (dd_inputs_collect(&inputs, c.paths[i], c.stdin_name) != 0)
				status = 2;
		status = lint(&c, &inputs, &cc, status);
	}
out:
	dd_inputs_free(&inputs);
	for (size_t i = 0; i < cc.n; i++)
		free(cc.paths[i]);
	free(cc.paths);
	free(cc.configs);
	dd_arena_free(cc.arena);
	free(c.paths);
	free(c.rule_ids);
	free(c.rule_sevs);
	free(c.select);
	free(c.ignore);
	free(c.context);
	free(c.targets);
	return status;
}
