/*
 * The ddlint command line: parse the arguments (args.c), then run the command; the default one
 * lints. Linting: each input gets its config, one run per config, then the reports.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "baseline.h"
#include "cli.h"
#include "verify/verify.h"

static void *grow(void *p, size_t n, size_t size) { return dd_xrealloc(p, (n + 1) * size); }

/* ---- configs: loaded once each, by path ---- */

static int load_config(cli *c, const char *path, const dd_config **out)
{
	config_cache *cc = &c->configs;
	for (size_t i = 0; i < cc->n; i++)
		if (strcmp(cc->paths[i], path) == 0) {
			*out = cc->configs[i];
			return 0;
		}
	char err[1024];
	dd_config *conf;
	if (dd_config_load(cc->arena, path, &conf, err, sizeof err) != 0) {
		fprintf(stderr, "ddlint: %s\n", err);
		snprintf(cc->error, sizeof cc->error, "%s", err);
		snprintf(cc->error_path, sizeof cc->error_path, "%s", path);
		return -1;
	}
	cc->paths = grow(cc->paths, cc->n, sizeof *cc->paths);
	cc->configs = grow(cc->configs, cc->n, sizeof *cc->configs);
	cc->paths[cc->n] = dd_xstrdup(path);
	cc->configs[cc->n++] = conf;
	*out = conf;
	return 0;
}

/* The config for a path: --no-config, --config, or the nearest .ddlint.yml. */
static int config_for(cli *c, const char *path, const dd_config **out, char **origin)
{
	*out = NULL;
	if (origin)
		*origin = NULL;
	if (c->no_config)
		return 0;
	if (c->config_path) {
		if (origin)
			*origin = dd_xstrdup(c->config_path);
		return load_config(c, c->config_path, out);
	}
	char *found = dd_config_find(path);
	if (!found)
		return 0;
	int rc = load_config(c, found, out);
	if (origin)
		*origin = found;
	else
		free(found);
	return rc;
}

/* ---- one run ---- */

/* --select, --ignore and --rule, after the config: the command line wins. */
static void apply_cli(const cli *c, dd_run *run)
{
	for (size_t i = 0; i < dd_rules_count; i++) {
		bool keep = c->n_select == 0;
		for (size_t k = 0; k < c->n_select; k++)
			keep = keep || dd_cli_prefix_matches(c->select[k], dd_rules[i]->id);
		for (size_t k = 0; k < c->n_ignore; k++)
			keep = keep && !dd_cli_prefix_matches(c->ignore[k], dd_rules[i]->id);
		if (!keep)
			dd_run_set_severity(run, dd_rules[i]->id, DD_SEV_OFF);
	}
	for (size_t i = 0; i < c->n_rules; i++)
		dd_run_set_severity(run, c->rule_ids[i], c->rule_sevs[i]);
}

/* A buffer linted in place of the file `stands_for` (NULL: of no file): --stdin-filename, and
 * the documents of `ddlint lsp`. */
static int add_buffer(dd_run *run, const char *name, const char *stands_for, const char *text, size_t len)
{
	if (dd_run_add_buffer(run, name, text, len, true) != 0) {
		fprintf(stderr, "ddlint: %s\n", dd_run_error(run));
		return -1;
	}
	/* an editor's buffer stands for the file it names: its directory gives the migration context */
	if (stands_for)
		dd_run_set_last_file_path(run, stands_for);
	return 0;
}

static int read_stdin(dd_run *run, const char *name)
{
	char *text;
	size_t len;
	const char *why;
	if (dd_read_stream(stdin, &text, &len, &why) != 0) {
		fprintf(stderr, "ddlint: cannot read standard input: %s\n", why);
		return -1;
	}
	int rc = add_buffer(run, name, strcmp(name, "<stdin>") != 0 ? name : NULL, text, len);
	free(text);
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
static int add_context_files(const cli *c, dd_run *run)
{
	for (size_t i = 0; i < c->n_context; i++) {
		dd_inputs ctx = { 0 };
		int rc = dd_inputs_collect(&ctx, c->context[i], c->stdin_name);
		for (size_t k = 0; rc == 0 && k < ctx.n; k++)
			if (dd_run_add_path(run, ctx.items[k].path, ctx.items[k].display, false) != 0) {
				fprintf(stderr, "ddlint: %s\n", dd_run_error(run));
				rc = -1;
			}
		dd_inputs_free(&ctx);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* A run for the inputs from `first` on that share its config (all of them: one model); the
 * inputs added are marked done. Returns 2 when something could not be read, else 0. */
static int open_run(cli *c, dd_inputs *inputs, size_t first, bool all, bool *done, dd_run **out)
{
	int status = 0;
	const dd_config *conf = inputs->items[first].config;
	dd_run *run = dd_run_new();
	dd_run_set_jobs(run, c->jobs);
	run->parse_cache = c->parse_cache;
	dd_config_apply(conf, run);
	apply_cli(c, run);
	if (add_context_files(c, run) != 0)
		status = 2;
	for (size_t k = first; k < inputs->n; k++) {
		if (done[k] || (!all && inputs->items[k].config != conf))
			continue;
		done[k] = true;
		dd_input *in = &inputs->items[k];
		if (in->text) {
			if (add_buffer(run, in->display, strcmp(in->path, "-") != 0 ? in->path : NULL, in->text, in->len) != 0)
				status = 2;
		} else if (strcmp(in->path, "-") == 0) {
			if (read_stdin(run, in->display) != 0)
				status = 2;
		} else if (dd_run_add_path(run, in->path, in->display, true) != 0) {
			fprintf(stderr, "ddlint: %s\n", dd_run_error(run));
			status = 2;
		}
	}
	*out = run;
	return status;
}

/* ---- reports ---- */

static int write_reports(const cli *c, const dd_result *result)
{
	int status = 0;
	bool tty = isatty(STDOUT_FILENO);
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
		ro.show_baselined = c->show_baselined;
		int rc = tg->format->write(out, result, &ro);
		if (tg->output ? fclose(out) != 0 : fflush(out) != 0)
			rc = -1;
		if (rc != 0) {
			fprintf(stderr, "ddlint: cannot write the %s report%s%s: %s\n", tg->format->name,
				tg->output ? " to " : "", tg->output ? tg->output : "", strerror(errno));
			status = 2;
		}
	}
	return status;
}

/* The summary line on stderr, when a text report or a report to a file was written. */
static void print_summary(const cli *c, const dd_result *result)
{
	bool summary = false;
	for (size_t t = 0; t < c->n_targets; t++)
		summary = summary || c->targets[t].format == &dd_reporter_text || c->targets[t].output;
	if (!summary)
		return;
	const size_t *n = result->counts;
	fprintf(stderr, "%zu error%s, %zu warning%s, %zu info%s in %zu file%s", n[DD_SEV_ERROR],
		n[DD_SEV_ERROR] == 1 ? "" : "s", n[DD_SEV_WARNING], n[DD_SEV_WARNING] == 1 ? "" : "s",
		n[DD_SEV_INFO], n[DD_SEV_INFO] == 1 ? "" : "s", result->files, result->files == 1 ? "" : "s");
	if (result->suppressed)
		fprintf(stderr, " (%zu suppressed)", result->suppressed);
	if (result->baseline) {
		size_t gone = result->baseline_gone;
		fprintf(stderr, " (%zu baselined", result->baselined);
		if (gone)
			fprintf(stderr, "; %zu in the baseline %s gone: `ddlint baseline --update` to drop them", gone, gone == 1 ? "is" : "are");
		fputc(')', stderr);
	}
	if (c->changed_since)
		fprintf(stderr, "; %zu outside the changes since %s left out", c->changed_left_out, c->changed_since);
	fputc('\n', stderr);
}

/* ---- linting ---- */

/* ---- baselines ---- */

/* The baseline file for a group of inputs with config `conf`: --output (writing it), --baseline,
 * else .ddlint-baseline.json beside the group's .ddlint.yml, else in the working directory; heap. */
static char *baseline_path(const cli *c, const dd_config *conf, bool writing)
{
	if (writing && c->targets[0].output)
		return dd_xstrdup(c->targets[0].output);
	if (c->baseline)
		return dd_xstrdup(c->baseline);
	const char *cfg = NULL;
	for (size_t i = 0; conf && i < c->configs.n; i++)
		if (c->configs.configs[i] == conf)
			cfg = c->configs.paths[i];
	const char *slash = cfg ? strrchr(cfg, '/') : NULL;
	if (!slash)
		return dd_xstrdup(".ddlint-baseline.json");
	size_t n = (size_t)(slash - cfg) + 32;
	char *path = dd_xmalloc(n);
	snprintf(path, n, "%.*s/.ddlint-baseline.json", (int)(slash - cfg), cfg);
	return path;
}

/* The baseline of a group (*out NULL when none applies); -1 after printing why it cannot be read.
 * Linting, a missing file is no baseline unless --baseline named it; `ddlint baseline` starts an
 * empty one, and --update reads the one there is. */
static int baseline_for(cli *c, baselines *bs, const dd_config *conf, lint_mode mode, dd_baseline **out)
{
	*out = NULL;
	if ((mode == LINT_REPORT && c->no_baseline) || mode == LINT_VERIFY)
		return 0;   /* verify's findings are of the run on PostgreSQL, not of linting */
	char *path = baseline_path(c, conf, mode == LINT_BASELINE);
	for (size_t i = 0; i < bs->n; i++)
		if (strcmp(bs->paths[i], path) == 0) {
			free(path);
			*out = bs->items[i];
			return 0;
		}
	dd_baseline *b = NULL;
	int rc = 0;
	if (mode == LINT_BASELINE && !c->update) {
		b = dd_baseline_new(path);
	} else {
		rc = dd_baseline_read(path, &b);
		if (rc == 1 && (c->baseline || mode == LINT_BASELINE)) {
			fprintf(stderr, "ddlint: no baseline '%s'%s\n", path, mode == LINT_BASELINE ? "; 'ddlint baseline' writes one" : "");
			rc = -1;
		}
	}
	if (rc < 0) {
		free(path);
		return -1;
	}
	bs->paths = grow(bs->paths, bs->n, sizeof *bs->paths);
	bs->items = grow(bs->items, bs->n, sizeof *bs->items);
	bs->paths[bs->n] = path;
	bs->items[bs->n++] = b;
	*out = b;
	return 0;
}

/* Write the baselines of `ddlint baseline` (tightened first with --update); 0, or 2. */
static int write_baselines(const cli *c, baselines *bs)
{
	int status = 0;
	for (size_t i = 0; i < bs->n; i++) {
		dd_baseline *b = bs->items[i];
		size_t before = dd_baseline_total(b);
		if (c->update)
			dd_baseline_tighten(b);
		if (dd_baseline_write(b) != 0) {
			status = 2;
			continue;
		}
		if (c->update)
			fprintf(stderr, "ddlint: %s: %zu finding%s kept, %zu gone dropped\n", dd_baseline_path(b),
				dd_baseline_total(b), dd_baseline_total(b) == 1 ? "" : "s", before - dd_baseline_total(b));
		else
			fprintf(stderr, "ddlint: %s: %zu finding%s recorded\n", dd_baseline_path(b), before, before == 1 ? "" : "s");
	}
	return status;
}

static void baselines_free(baselines *bs)
{
	for (size_t i = 0; i < bs->n; i++) {
		free(bs->paths[i]);
		dd_baseline_free(bs->items[i]);
	}
	free(bs->paths);
	free(bs->items);
}

/* Each input gets its config; inputs its config excludes drop out. */
static int select_inputs(cli *c, dd_inputs *inputs)
{
	size_t kept = 0;
	for (size_t i = 0; i < inputs->n; i++) {
		dd_input *in = &inputs->items[i];
		if (config_for(c, lookup_path(in), &in->config, NULL) != 0)
			return -1;
		if (in->config && !dd_config_selects(in->config, lookup_path(in))) {
			free(in->path);
			free(in->display);
			continue;
		}
		inputs->items[kept++] = *in;
	}
	inputs->n = kept;
	return 0;
}

/* Lint the inputs (or, for model and plan, print what those print) into *out: what the
 * reports are written from. One run per config: files under different .ddlint.yml are different
 * projects; the model and the plan are of all the inputs together. Returns the exit status;
 * out->complete when the reports are to be written. */
int dd_cli_lint(cli *c, dd_inputs *inputs, lint_mode mode, int status, dd_linted *out)
{
	memset(out, 0, sizeof *out);
	if (select_inputs(c, inputs) != 0)
		return 2;
	dd_changes *changes = NULL;
	if (mode == LINT_BASELINE && c->changed_since) {
		fprintf(stderr, "ddlint: a baseline records every finding: --changed-since does not go with 'ddlint baseline'\n");
		return 2;
	}
	if (mode == LINT_REPORT && c->changed_since && !(changes = dd_changes_load(c->changed_since)))
		return 2;
	out->changes = changes;
	/* verify: the migrations run on PostgreSQL while they are replayed (src/verify/) */
	dd_verify *verify = NULL;
	if (mode == LINT_VERIFY && !(verify = dd_verify_open(c)))
		return 2;
	dd_result result = { 0 };
	baselines bs = { 0 };
	/* the result points into each run's arena: runs live until the report is written */
	dd_run **runs = dd_xcalloc(inputs->n + 1, sizeof *runs);
	bool *done = dd_xcalloc(inputs->n + 1, sizeof *done);
	size_t n_runs = 0;
	for (size_t i = 0; i < inputs->n; i++) {
		if (done[i])
			continue;
		dd_run *run;
		if (open_run(c, inputs, i, mode == LINT_MODEL || mode == LINT_PLAN || mode == LINT_ERD || mode == LINT_COMPLIANCE || mode == LINT_DOCS || mode == LINT_VERIFY, done, &run) != 0)
			status = 2;
		runs[n_runs++] = run;
		if (verify && status != 0)
			goto done;
		if (verify)
			dd_verify_attach(verify, run);
		if (mode == LINT_PLAN) {
			status = dd_cmd_migrations(run, c->targets[0].format == &dd_reporter_json);
			goto done;
		}
		if (mode == LINT_ERD)   /* a diagram needs the model, not the findings */
			for (size_t k = 0; k < dd_rules_count; k++)
				dd_run_set_severity(run, dd_rules[k]->id, DD_SEV_OFF);
		if (mode == LINT_COMPLIANCE)
			dd_run_count_checked(run);
		if (dd_run_lint(run) != 0) {
			fprintf(stderr, "ddlint: %s\n", dd_run_error(run));
			status = 2;
			goto done;
		}
		if (mode == LINT_ERD || mode == LINT_COMPLIANCE || mode == LINT_DOCS) {
			int rc = mode == LINT_ERD ? dd_cli_erd(c, run) : mode == LINT_DOCS ? dd_cli_docs(c, run) : dd_cli_compliance(c, run);
			status = rc ? rc : status;
			goto done;
		}
		if (verify) {
			int vs = dd_verify_finish(verify, run);
			dd_verify_close(verify);
			verify = NULL;
			if (vs != 0) {
				status = vs;
				goto done;
			}
		}
		if (mode == LINT_MODEL) {
			if (dd_run_dump_json(run, stdout) != 0) {
				fprintf(stderr, "ddlint: cannot write the model: %s\n", strerror(errno));
				status = 2;
			}
			goto done;
		}
		/* the exit status follows each group's fail_on: --fail-on, else its config, else warning */
		const dd_config *conf = inputs->items[i].config;
		int fail_on = c->fail_on >= 0 ? c->fail_on : conf && conf->fail_on >= 0 ? conf->fail_on : DD_SEV_WARNING;
		size_t before[4], from = result.n;
		memcpy(before, result.counts, sizeof before);
		dd_result_add_run(&result, run);
		/* --changed-since first: a baseline records, and absorbs, what is left */
		if (changes)
			c->changed_left_out += dd_changes_filter(changes, run, &result, from);
		dd_baseline *b;
		if (baseline_for(c, &bs, conf, mode, &b) != 0) {
			status = 2;
			goto done;
		}
		for (size_t k = 0; b && k < run->n_files; k++)
			if (run->files[k]->report && run->files[k]->fs_real)
				dd_baseline_linted(b, run->files[k]->path);
		if (b && (mode == LINT_REPORT || c->update)) {
			dd_baseline_match(b, &result, from);
			result.baseline = true;
		} else if (b) {
			dd_baseline_record(b, &result, from);
		}
		if (mode == LINT_BASELINE)
			continue;
		for (int s = fail_on; s <= DD_SEV_ERROR; s++)
			if (result.counts[s] > before[s] && status == 0)
				status = 1;
	}
	if (inputs->n == 0 && status == 0)
		fprintf(stderr, "ddlint: no .sql files found\n");
	if (mode == LINT_BASELINE) {
		if (status != 0)
			fprintf(stderr, "ddlint: baseline not written: not every input could be read\n");
		else
			status = write_baselines(c, &bs);
		goto done;
	}
	/* with --changed-since, findings outside the changes are left out, not gone */
	for (size_t i = 0; !changes && i < bs.n; i++)
		if (bs.items[i])
			result.baseline_gone += dd_baseline_gone(bs.items[i]);
	out->complete = true;
done:
	dd_verify_close(verify);
	out->result = result;
	out->bs = bs;
	out->runs = runs;
	out->n_runs = n_runs;
	free(done);
	return status;
}

void dd_linted_free(dd_linted *l)
{
	dd_changes_free(l->changes);
	dd_result_free(&l->result);
	baselines_free(&l->bs);
	for (size_t i = 0; i < l->n_runs; i++)
		dd_run_free(l->runs[i]);
	free(l->runs);
	memset(l, 0, sizeof *l);
}

/* Lint the inputs and write the reports (or, for model and plan, what those print). */
static int lint(cli *c, dd_inputs *inputs, lint_mode mode, int status)
{
	dd_linted l;
	status = dd_cli_lint(c, inputs, mode, status, &l);
	if (l.complete) {
		int rc = write_reports(c, &l.result);
		if (rc)
			status = rc;
		print_summary(c, &l.result);
	}
	dd_linted_free(&l);
	return status;
}

/* The paths given (the working directory when none), collected and linted in `mode`. */
static int lint_paths(cli *c, lint_mode mode)
{
	int status = 0;
	dd_inputs inputs = { 0 };
	if (c->n_paths == 0)
		c->paths[c->n_paths++] = ".";
	for (size_t i = 0; i < c->n_paths; i++)
		if (dd_inputs_collect(&inputs, c->paths[i], c->stdin_name) != 0)
			status = 2;
	dd_inputs_dedup(&inputs);
	status = lint(c, &inputs, mode, status);
	dd_inputs_free(&inputs);
	return status;
}

/* ---- the commands of args.c's table ---- */

int dd_run_cmd_rules(cli *c) { return dd_cmd_rules(); }
int dd_run_cmd_model(cli *c) { return lint_paths(c, LINT_MODEL); }
int dd_run_cmd_plan(cli *c) { return lint_paths(c, LINT_PLAN); }
int dd_run_cmd_erd(cli *c) { return lint_paths(c, LINT_ERD); }
int dd_run_cmd_compliance(cli *c) { return lint_paths(c, LINT_COMPLIANCE); }
int dd_run_cmd_docs(cli *c) { return lint_paths(c, LINT_DOCS); }

int dd_run_cmd_baseline(cli *c)
{
	if (c->n_targets != 1 || c->targets[0].format != &dd_reporter_text) {
		fprintf(stderr, "ddlint: baseline writes no report: no --format (--output FILE names the baseline file)\n");
		return 2;
	}
	return lint_paths(c, LINT_BASELINE);
}

int dd_run_cmd_verify(cli *c)
{
	/* the findings are those of the verify/ rules: linting's are `ddlint`'s own */
	for (size_t i = 0; i < dd_rules_count; i++)
		if (!dd_rules[i]->command || strcmp(dd_rules[i]->command, "verify") != 0)
			c->ignore = dd_xrealloc(c->ignore, (c->n_ignore + 1) * sizeof *c->ignore),
			c->ignore[c->n_ignore++] = dd_rules[i]->id;
	return lint_paths(c, LINT_VERIFY);
}

int dd_run_cmd_explain(cli *c)
{
	if (c->n_paths != 1) {
		fprintf(stderr, "ddlint: explain takes one rule id; 'ddlint rules' lists them\n");
		return 2;
	}
	return dd_cmd_explain(c->paths[0]);
}

int dd_run_cmd_init(cli *c)
{
	if (c->n_paths > 1) {
		fprintf(stderr, "ddlint: init takes at most one directory\n");
		return 2;
	}
	return dd_cmd_init(c->n_paths ? c->paths[0] : ".");
}

int dd_run_cmd_config(cli *c)
{
	const char *path = c->n_paths ? c->paths[0] : ".";
	const dd_config *conf;
	char *origin;
	int status = 2;
	if (config_for(c, path, &conf, &origin) == 0)
		status = dd_cmd_config(path, conf, origin ? origin : c->no_config ? "none (--no-config)" :
				       "none found; built-in defaults");
	free(origin);
	return status;
}

int dd_run_cmd_inspect(cli *c)
{
	if (c->n_paths != 1) {
		fprintf(stderr, "ddlint: inspect takes one connection string, e.g. ddlint inspect 'host=localhost dbname=app'\n");
		return 2;
	}
	char *dump = dd_pg_dump_to_file(c->pg_dump ? c->pg_dump : "pg_dump", c->paths[0]);
	if (!dump)
		return 2;
	/* the dump is linted as pg_dump.sql, with the config of the working directory */
	dd_inputs inputs = { 0 };
	dd_inputs_add(&inputs, dump, "pg_dump.sql");
	inputs.items[0].lookup = ".";
	int status = lint(c, &inputs, LINT_REPORT, 0);
	dd_inputs_free(&inputs);
	unlink(dump);
	*strrchr(dump, '/') = '\0';
	rmdir(dump);
	free(dump);
	return status;
}

void dd_cli_configs_free(config_cache *cc)
{
	for (size_t i = 0; i < cc->n; i++)
		free(cc->paths[i]);
	free(cc->paths);
	free(cc->configs);
	dd_arena_free(cc->arena);
	memset(cc, 0, sizeof *cc);
}

static void cli_free(cli *c)
{
	dd_cli_configs_free(&c->configs);
	free(c->paths);
	free(c->rule_ids);
	free(c->rule_sevs);
	free(c->select);
	free(c->ignore);
	free(c->context);
	free(c->targets);
	free(c->erd_schemas);
	free(c->erd_tables);
	free(c->erd_exclude);
}

int main(int argc, char **argv)
{
	cli c = { 0 };
	c.stdin_name = "<stdin>";
	c.fail_on = -1;
	c.color = -1;
	c.depth = -1;
	c.verify.statement_timeout = -1;
	c.configs.arena = dd_arena_new();
	int status;
	if (dd_cli_parse(&c, argc, argv) != 0) {
		status = c.exit_now;
	} else {
		if (c.jobs == 0) {
			long cores = sysconf(_SC_NPROCESSORS_ONLN);
			c.jobs = cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
		}
		if (c.update && c.command != NULL && c.command->run != dd_run_cmd_baseline) {
			fprintf(stderr, "ddlint: --update is for 'ddlint baseline'\n");
			status = 2;
		} else if (c.update && !c.command) {
			fprintf(stderr, "ddlint: --update is for 'ddlint baseline'\n");
			status = 2;
		} else {
			status = c.command ? c.command->run(&c) : lint_paths(&c, LINT_REPORT);
		}
	}
	cli_free(&c);
	return status;
}
