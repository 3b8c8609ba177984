/* The ddlint command line. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <pg_query.h>
#include "internal.h"

static const char usage[] =
	"usage: ddlint [options] [PATH...]     lint files, directories (*.sql, recursively) or - (stdin)\n"
	"       ddlint rules                   list every rule with its default severity\n"
	"       ddlint explain RULE            show a rule's documentation\n"
	"       ddlint dump [PATH...]          print the schema model as JSON\n"
	"\n"
	"options:\n"
	"  --format FORMAT          text (default) or json\n"
	"  --stdin-filename NAME    name for standard input in diagnostics (default <stdin>)\n"
	"  --fail-on SEVERITY       error, warning (default), info or never: exit 1 at or above it\n"
	"  --rule ID=SEVERITY       set a rule's severity: error, warning, info or off (repeatable)\n"
	"  --color, --no-color      force colours on or off (default: on a terminal, unless NO_COLOR)\n"
	"  --version                print the version\n"
	"  --help                   print this help\n"
	"  --                       the arguments that follow are paths (to lint a directory named rules: -- rules)\n"
	"\n"
	"exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or read errors\n";

struct input { char *path; char *display; };

struct rule_override { const char *id; dd_severity sev; };

struct options {
	struct rule_override *overrides;
	size_t n_overrides;
	const dd_reporter *format;
	const char *stdin_name;
	int fail_on;   /* dd_severity, or 4 for never */
	int color;     /* -1 auto */
	struct input *inputs;
	size_t n_inputs, cap_inputs;
};

static void add_input(struct options *o, const char *path, const char *display)
{
	if (o->n_inputs == o->cap_inputs) {
		o->cap_inputs = o->cap_inputs ? o->cap_inputs * 2 : 16;
		o->inputs = realloc(o->inputs, o->cap_inputs * sizeof *o->inputs);
		if (!o->inputs) {
			fputs("ddlint: out of memory\n", stderr);
			exit(2);
		}
	}
	o->inputs[o->n_inputs].path = strdup(path);
	o->inputs[o->n_inputs].display = strdup(display);
	o->n_inputs++;
}

/* Natural order: runs of digits compare as numbers, so 2_x sorts before 10_x. */
static int natural_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			while (*a == '0') a++;
			while (*b == '0') b++;
			const char *ea = a, *eb = b;
			while (*ea >= '0' && *ea <= '9') ea++;
			while (*eb >= '0' && *eb <= '9') eb++;
			if (ea - a != eb - b)
				return ea - a < eb - b ? -1 : 1;
			int c = strncmp(a, b, (size_t)(ea - a));
			if (c)
				return c;
			a = ea;
			b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

static int input_cmp(const void *pa, const void *pb)
{
	const struct input *a = pa, *b = pb;
	int c = natural_cmp(a->display, b->display);
	return c ? c : strcmp(a->display, b->display);
}

struct dirstack { dev_t dev; ino_t ino; struct dirstack *up; };

static bool ends_with_sql(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcasecmp(name + n - 4, ".sql") == 0;
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	bool slash = n > 0 && dir[n - 1] == '/';
	char *p = malloc(n + strlen(name) + 2);
	if (!p)
		exit(2);
	sprintf(p, "%s%s%s", dir, slash || n == 0 ? "" : "/", name);
	return p;
}

/* Walk a directory for *.sql files; hidden entries skipped, symlink loops detected. */
static int walk(struct options *o, const char *path, const char *display, struct dirstack *up)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		fprintf(stderr, "ddlint: cannot read '%s': %s\n", path, strerror(errno));
		return -1;
	}
	for (struct dirstack *s = up; s; s = s->up)
		if (s->dev == sb.st_dev && s->ino == sb.st_ino) {
			fprintf(stderr, "ddlint: skipping '%s': symbolic link loop\n", path);
			return 0;
		}
	struct dirstack here = { sb.st_dev, sb.st_ino, up };
	DIR *d = opendir(path);
	if (!d) {
		fprintf(stderr, "ddlint: cannot read directory '%s': %s\n", path, strerror(errno));
		return -1;
	}
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *child = join(path, e->d_name);
		char *child_display = *display ? join(display, e->d_name) : strdup(e->d_name);
		struct stat cs;
		if (stat(child, &cs) != 0) {
			if (lstat(child, &cs) == 0 && S_ISLNK(cs.st_mode))
				fprintf(stderr, "ddlint: skipping '%s': broken symbolic link\n", child);
			else {
				fprintf(stderr, "ddlint: cannot read '%s': %s\n", child, strerror(errno));
				rc = -1;
			}
		} else if (S_ISDIR(cs.st_mode)) {
			if (walk(o, child, child_display, &here) != 0)
				rc = -1;
		} else if (S_ISREG(cs.st_mode) && ends_with_sql(e->d_name)) {
			add_input(o, child, child_display);
		}
		free(child);
		free(child_display);
	}
	closedir(d);
	return rc;
}

static int collect_path(struct options *o, const char *arg)
{
	if (strcmp(arg, "-") == 0) {
		add_input(o, "-", o->stdin_name);
		return 0;
	}
	struct stat sb;
	if (stat(arg, &sb) != 0) {
		fprintf(stderr, "ddlint: cannot read '%s': %s\n", arg, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		add_input(o, arg, arg);
		return 0;
	}
	size_t first = o->n_inputs;
	int rc = walk(o, arg, strcmp(arg, ".") == 0 ? "" : arg, NULL);
	qsort(o->inputs + first, o->n_inputs - first, sizeof *o->inputs, input_cmp);
	return rc;
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
	return rc;
}

static int cmd_rules(void)
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

static int cmd_explain(const char *id)
{
	int i = dd_rule_find(id);
	if (i < 0) {
		fprintf(stderr, "ddlint: unknown rule '%s'; 'ddlint rules' lists them\n", id);
		return 2;
	}
	const dd_rule *r = dd_rules[i];
	printf("%s (default severity: %s)\n\n%s\n\n", r->id, dd_severity_name(r->severity), r->summary);
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

static int parse_fail_on(const char *s)
{
	if (strcmp(s, "never") == 0)
		return 4;
	dd_severity sev;
	if (dd_severity_parse(s, &sev) != 0 || sev == DD_SEV_OFF)
		return -1;
	return (int)sev;
}

int main(int argc, char **argv)
{
	struct options o = { NULL, 0, &dd_reporter_text, "<stdin>", DD_SEV_WARNING, -1, NULL, 0, 0 };
	const char *command = NULL;
	char **paths = calloc((size_t)argc + 1, sizeof *paths);
	size_t n_paths = 0;
	if (!paths)
		return 2;
	bool only_paths = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		if (!only_paths && a[0] == '-' && a[1] == '-' && a[2] != '\0') {
			char name[64];
			const char *eq = strchr(a, '=');
			snprintf(name, sizeof name, "%.*s", eq ? (int)(eq - a) : (int)strlen(a), a);
			bool takes = strcmp(name, "--format") == 0 || strcmp(name, "--stdin-filename") == 0 ||
				     strcmp(name, "--fail-on") == 0 || strcmp(name, "--rule") == 0;
			if (takes) {
				if (eq)
					val = eq + 1;
				else if (i + 1 < argc)
					val = argv[++i];
				else {
					fprintf(stderr, "ddlint: option '%s' needs a value\n%s", name, usage);
					{ free(paths); return 2; }
				}
			}
			if (strcmp(name, "--help") == 0) {
				fputs(usage, stdout);
				{ free(paths); return 0; }
			} else if (strcmp(name, "--version") == 0) {
				printf("ddlint %s (PostgreSQL %s grammar)\n", DDLINT_VERSION, PG_VERSION);
				{ free(paths); return 0; }
			} else if (strcmp(name, "--format") == 0) {
				o.format = dd_reporter_find(val);
				if (!o.format) {
					fprintf(stderr, "ddlint: unknown format '%s'; use one of:", val);
					for (size_t k = 0; dd_reporters[k]; k++)
						fprintf(stderr, " %s", dd_reporters[k]->name);
					fputc('\n', stderr);
					{ free(paths); return 2; }
				}
			} else if (strcmp(name, "--stdin-filename") == 0) {
				o.stdin_name = val;
			} else if (strcmp(name, "--fail-on") == 0) {
				o.fail_on = parse_fail_on(val);
				if (o.fail_on < 0) {
					fprintf(stderr, "ddlint: --fail-on takes error, warning, info or never, not '%s'\n", val);
					{ free(paths); return 2; }
				}
			} else if (strcmp(name, "--rule") == 0) {
				const char *eqs = strrchr(val, '=');
				char id[128];
				dd_severity sev;
				snprintf(id, sizeof id, "%.*s", eqs ? (int)(eqs - val) : (int)strlen(val), val);
				if (!eqs || dd_severity_parse(eqs + 1, &sev) != 0) {
					fprintf(stderr, "ddlint: --rule takes ID=SEVERITY with error, warning, info or off, not '%s'\n", val);
					{ free(paths); free(o.overrides); return 2; }
				}
				if (dd_rule_find(id) < 0) {
					fprintf(stderr, "ddlint: --rule: unknown rule '%s'; 'ddlint rules' lists them\n", id);
					{ free(paths); free(o.overrides); return 2; }
				}
				o.overrides = realloc(o.overrides, (o.n_overrides + 1) * sizeof *o.overrides);
				if (!o.overrides)
					return 2;
				o.overrides[o.n_overrides].id = dd_rules[dd_rule_find(id)]->id;
				o.overrides[o.n_overrides++].sev = sev;
			} else if (strcmp(name, "--color") == 0) {
				o.color = 1;
			} else if (strcmp(name, "--no-color") == 0) {
				o.color = 0;
			} else {
				fprintf(stderr, "ddlint: unknown option '%s'\n%s", name, usage);
				{ free(paths); return 2; }
			}
			continue;
		}
		if (!only_paths && strcmp(a, "--") == 0) {
			only_paths = true;
			continue;
		}
		if (!only_paths && a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "ddlint: unknown option '%s'\n%s", a, usage);
			{ free(paths); return 2; }
		}
		if (!command && n_paths == 0 && !only_paths &&
		    (strcmp(a, "rules") == 0 || strcmp(a, "explain") == 0 || strcmp(a, "dump") == 0)) {
			/* a directory with a command's name is linted as ./rules or after -- */
			command = a;
			continue;
		}
		paths[n_paths++] = argv[i];
	}

	if (command && strcmp(command, "rules") == 0) {
		free(paths);
		return cmd_rules();
	}
	if (command && strcmp(command, "explain") == 0) {
		if (n_paths != 1) {
			fprintf(stderr, "ddlint: explain takes one rule id; 'ddlint rules' lists them\n");
			free(paths);
			return 2;
		}
		int rc = cmd_explain(paths[0]);
		free(paths);
		return rc;
	}

	int status = 0;
	if (n_paths == 0)
		paths[n_paths++] = ".";
	for (size_t i = 0; i < n_paths; i++)
		if (collect_path(&o, paths[i]) != 0)
			status = 2;
	free(paths);

	dd_run *run = dd_run_new();
	for (size_t i = 0; i < o.n_overrides; i++)
		dd_run_set_severity(run, o.overrides[i].id, o.overrides[i].sev);
	free(o.overrides);
	for (size_t i = 0; i < o.n_inputs; i++) {
		int rc = strcmp(o.inputs[i].path, "-") == 0 ? read_stdin(run, o.inputs[i].display)
							   : dd_run_add_path(run, o.inputs[i].path, o.inputs[i].display, true);
		if (rc != 0) {
			if (strcmp(o.inputs[i].path, "-") != 0)
				fprintf(stderr, "ddlint: %s\n", dd_run_error(run));
			status = 2;
		}
		free(o.inputs[i].path);
		free(o.inputs[i].display);
	}
	free(o.inputs);
	if (dd_run_file_count(run) == 0 && status == 0)
		fprintf(stderr, "ddlint: no .sql files found\n");

	if (dd_run_lint(run) != 0) {
		fprintf(stderr, "ddlint: %s\n", dd_run_error(run));
		dd_run_free(run);
		return 2;
	}

	if (command && strcmp(command, "dump") == 0) {
		if (dd_run_dump_json(run, stdout) != 0) {
			fprintf(stderr, "ddlint: cannot write the model: %s\n", strerror(errno));
			status = 2;
		}
		dd_run_free(run);
		return status;
	}

	bool tty = isatty(STDOUT_FILENO);
	dd_report_opts ro;
	ro.color = o.color >= 0 ? o.color == 1 : (tty && !getenv("NO_COLOR"));
	ro.source = tty && o.format == &dd_reporter_text;
	if (o.format->write(stdout, run, &ro) != 0 || fflush(stdout) != 0) {
		fprintf(stderr, "ddlint: cannot write the report: %s\n", strerror(errno));
		status = 2;
	}
	size_t counts[4];
	dd_run_counts(run, counts);
	if (o.format == &dd_reporter_text)
		fprintf(stderr, "%zu error%s, %zu warning%s, %zu info%s in %zu file%s\n",
			counts[DD_SEV_ERROR], counts[DD_SEV_ERROR] == 1 ? "" : "s",
			counts[DD_SEV_WARNING], counts[DD_SEV_WARNING] == 1 ? "" : "s",
			counts[DD_SEV_INFO], counts[DD_SEV_INFO] == 1 ? "" : "s",
			dd_run_file_count(run), dd_run_file_count(run) == 1 ? "" : "s");
	if (status == 0 && o.fail_on <= DD_SEV_ERROR)
		for (int s = o.fail_on; s <= DD_SEV_ERROR; s++)
			if (counts[s])
				status = 1;
	dd_run_free(run);
	return status;
}
