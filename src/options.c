/* options: the values of the rules' options in a run (see options.h). */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "options.h"
#include "value.h"

struct dd_rule_opts {
	size_t n;
	const dd_value **values;   /* per declared option; NULL until read or set */
	regex_t **patterns;        /* compiled DD_OPT_PATTERN values */
};

void dd_options_init(dd_run *run)
{
	run->opts = dd_arena_alloc(run->arena, (dd_rules_count + 1) * sizeof *run->opts);
	for (size_t i = 0; i < dd_rules_count; i++) {
		size_t n = 0;
		for (const dd_option *o = dd_rules[i]->options; o && o->name; o++)
			n++;
		run->opts[i].n = n;
		run->opts[i].values = dd_arena_alloc(run->arena, (n + 1) * sizeof *run->opts[i].values);
		run->opts[i].patterns = dd_arena_alloc(run->arena, (n + 1) * sizeof *run->opts[i].patterns);
	}
}

void dd_options_free(dd_run *run)
{
	for (size_t i = 0; run->opts && i < dd_rules_count; i++)
		for (size_t k = 0; k < run->opts[i].n; k++)
			if (run->opts[i].patterns[k]) {
				regfree(run->opts[i].patterns[k]);
				free(run->opts[i].patterns[k]);
			}
}

static int option_index(const dd_rule *r, const char *name)
{
	int i = 0;
	for (const dd_option *o = r->options; o && o->name; o++, i++)
		if (strcmp(o->name, name) == 0)
			return i;
	return -1;
}

static bool is_int(const char *s)
{
	char *end;
	if (!*s)
		return false;
	strtol(s, &end, 10);
	return *end == '\0';
}

/* glibc's regcomp copies the tree of a repeated part once per repetition, so
 * stacked or nested repetition ("a+++...", "((a{0,99}){0,99}){0,99}") can take
 * gigabytes before it returns (found by fuzz_config). The copies a pattern
 * needs are estimated here (the product of the counts around each atom) and a
 * pattern needing more than RE_DUP_MAX (32767) is refused with a reason. */
static bool pattern_too_repetitive(const char *p)
{
	enum { LIMIT = 32767, MAX_DEPTH = 64 };
	long gmax[MAX_DEPTH] = {1};
	int depth = 0;
	long cur = 0;   /* copies of the atom just read; 0 when there is none */
#define COMMIT() do { if (cur > gmax[depth]) gmax[depth] = cur; } while (0)
	for (size_t i = 0; p[i]; i++) {
		char c = p[i];
		if (c == '*' || c == '+') {
			cur *= 2;
		} else if (c == '?') {
			/* optional: no copy */
		} else if (c == '{' && p[i + 1] >= '0' && p[i + 1] <= '9') {
			long m = 0, n = -1;
			for (i++; p[i] >= '0' && p[i] <= '9'; i++)
				m = m < LIMIT ? m * 10 + (p[i] - '0') : m;
			if (p[i] == ',') {
				n = m + 1;   /* "{m,}": m copies and a star */
				if (p[i + 1] >= '0' && p[i + 1] <= '9')
					for (n = 0, i++; p[i] >= '0' && p[i] <= '9'; i++)
						n = n < LIMIT ? n * 10 + (p[i] - '0') : n;
				else
					i++;
			}
			long times = n > m ? n : m;
			cur *= times > 0 ? times : 1;
			if (p[i] != '}')
				return false;   /* malformed interval: regcomp reports it */
		} else if (c == '(') {
			COMMIT();
			if (++depth == MAX_DEPTH)
				return true;
			gmax[depth] = 1;
			cur = 0;
		} else if (c == ')' && depth > 0) {
			COMMIT();
			cur = gmax[depth--];
		} else if (c == '|' || c == '^' || c == '$') {
			COMMIT();
			cur = 0;
		} else {
			COMMIT();
			cur = 1;
			if (c == '\\' && p[i + 1]) {
				i++;
			} else if (c == '[') {
				size_t j = i + 1;
				if (p[j] == '^')
					j++;
				if (p[j] == ']')
					j++;
				while (p[j] && p[j] != ']') {
					if (p[j] == '[' && (p[j + 1] == ':' || p[j + 1] == '.' || p[j + 1] == '=')) {
						char end = p[j + 1];
						for (j += 2; p[j] && !(p[j] == end && p[j + 1] == ']'); j++)
							;
						if (p[j])
							j++;
					}
					if (p[j])
						j++;
				}
				if (!p[j])
					return false;   /* unterminated bracket: regcomp reports it */
				i = j;
			}
		}
		if (cur > LIMIT)
			return true;
	}
	COMMIT();
#undef COMMIT
	return false;
}

const char *dd_option_check(const dd_option *o, const dd_value *v, const dd_value **at)
{
	*at = v;
	switch (o->type) {
	case DD_OPT_BOOL:
		return dd_value_bool(v) < 0 ? "expected true or false" : NULL;
	case DD_OPT_INT:
		return v->kind != DD_VAL_SCALAR || !is_int(v->text) ? "expected a whole number" : NULL;
	case DD_OPT_STRING:
		return v->kind != DD_VAL_SCALAR ? "expected a string" : NULL;
	case DD_OPT_PATTERN: {
		if (v->kind != DD_VAL_SCALAR)
			return "expected a regular expression";
		if (pattern_too_repetitive(v->text))
			return "regular expression repeats too much (nested or stacked repetition would need more than 32767 copies)";
		regex_t re;
		if (regcomp(&re, v->text, REG_EXTENDED | REG_NOSUB) != 0)
			return "invalid regular expression (POSIX extended syntax)";
		regfree(&re);
		return NULL;
	}
	case DD_OPT_LIST:
		if (v->kind != DD_VAL_LIST)
			return "expected a list of strings";
		for (size_t i = 0; i < v->n_items; i++)
			if (v->items[i]->kind != DD_VAL_SCALAR) {
				*at = v->items[i];
				return "expected a string";
			}
		return NULL;
	case DD_OPT_STRUCT:
		return o->validate ? o->validate(v, at) : NULL;
	}
	return NULL;
}

/* The value of option `oi` of rule `ri`: configured, or its default parsed once. */
static const dd_value *option_value(dd_run *run, int ri, int oi)
{
	struct dd_rule_opts *ro = &run->opts[ri];
	if (!ro->values[oi]) {
		const dd_option *o = &dd_rules[ri]->options[oi];
		dd_value *v;
		char err[256];
		char *where = dd_arena_sprintf(run->arena, "default of %s.%s", dd_rules[ri]->id, o->name);
		const char *text = o->default_value ? o->default_value : "";
		const dd_value *bad;
		if (dd_yaml_parse(run->arena, text, strlen(text), where, &v, err, sizeof err) != 0 ||
		    dd_option_check(o, v, &bad) != NULL) {
			/* a rule shipping a default that does not fit its own type is a programming error */
			fprintf(stderr, "ddlint: bad %s: %s\n", where, text);
			abort();
		}
		ro->values[oi] = v;
	}
	return ro->values[oi];
}

int dd_run_set_option(dd_run *run, const char *rule_id, const char *name, const dd_value *v)
{
	int ri = dd_rule_find(rule_id);
	int oi = ri >= 0 ? option_index(dd_rules[ri], name) : -1;
	if (oi < 0) {
		snprintf(run->error, sizeof run->error, "unknown option '%s' of rule '%s'", name, rule_id);
		return -1;
	}
	run->opts[ri].values[oi] = v;
	return 0;
}

static int declared_option(int ri, const char *name)
{
	int oi = option_index(dd_rules[ri], name);
	if (oi < 0) {
		/* a rule asking for an option it never declared is a programming error */
		fprintf(stderr, "ddlint: rule '%s' reads undeclared option '%s'\n", dd_rules[ri]->id, name);
		abort();
	}
	return oi;
}

const dd_value *dd_option_value(dd_run *run, int ri, const char *name)
{
	return option_value(run, ri, declared_option(ri, name));
}

bool dd_option_match(dd_run *run, int ri, const char *name, const char *s)
{
	int oi = declared_option(ri, name);
	const dd_value *v = option_value(run, ri, oi);
	struct dd_rule_opts *ro = &run->opts[ri];
	if (!ro->patterns[oi]) {
		regex_t *re = dd_xmalloc(sizeof *re);
		if (regcomp(re, v->text, REG_EXTENDED | REG_NOSUB) != 0) {
			free(re);
			return true;   /* checked when configured; cannot happen for a valid default */
		}
		ro->patterns[oi] = re;
	}
	return regexec(ro->patterns[oi], s, 0, NULL, 0) == 0;
}
