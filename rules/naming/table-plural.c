/* naming/table-plural: a table's name is plural: its last word is a plural English noun. */
#include <ctype.h>
#include <strings.h>
#include "ddlint/rule.h"

/* Parts that mark a copy of the table named before them: user_temp is judged by user. */
static const char *const markers[] = { "tmp", "temp", "bak", "old", "new", "staging", NULL };

typedef struct {
	size_t start, end;   /* bytes of the name */
	bool label;          /* 2024, v2, a, tmp: never the word judged */
} word;

static bool is_marker(const char *name, size_t start, size_t end)
{
	for (const char *const *m = markers; *m; m++)
		if (strlen(*m) == end - start && strncasecmp(name + start, *m, end - start) == 0)
			return true;
	return false;
}

static bool camel_break(const char *name, size_t i, size_t end)
{
	const unsigned char *s = (const unsigned char *)name;
	return isupper(s[i]) && (islower(s[i - 1]) || (isupper(s[i - 1]) && i + 1 < end && islower(s[i + 1])));
}

static void add(word *w, size_t *n, size_t start, size_t end, bool label)
{
	w[*n].start = start;
	w[*n].end = end;
	w[*n].label = label;
	(*n)++;
}

/*
 * The words of a name: its parts between underscores, and in a part written in camel case its
 * words (WorkflowRunTriggeredBy: Workflow Run Triggered By; APIToken: API Token). A part with
 * anything but letters, a word of one letter and a copy marker are labels (users_2024,
 * order_item_v2, PlanA, user_temp), passed over to find the word to judge.
 */
static size_t split_words(dd_ctx *ctx, const char *name, word **out)
{
	size_t len = strlen(name), n = 0;
	word *w = dd_alloc(ctx, (len + 1) * sizeof *w);
	for (size_t a = 0; a <= len;) {
		size_t b = a;
		while (b < len && name[b] != '_')
			b++;
		bool letters = b > a;
		for (size_t i = a; i < b; i++)
			if (!isalpha((unsigned char)name[i]))
				letters = false;
		if (!letters || is_marker(name, a, b)) {
			if (b > a)
				add(w, &n, a, b, true);
		} else {
			size_t s = a;
			for (size_t i = a + 1; i <= b; i++)
				if (i == b || camel_break(name, i, b)) {
					add(w, &n, s, i, i - s < 2);
					s = i;
				}
		}
		a = b + 1;
	}
	*out = w;
	return n;
}

static char *lower(dd_ctx *ctx, const char *s, size_t len)
{
	char *l = dd_strdup(ctx, s);
	l[len] = '\0';
	for (char *p = l; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return l;
}

/*
 * The plural in the case the word is written in: user -> users, User -> Users; a word in
 * capitals is an acronym in a name that has small letters (userID -> userIDs) and all of it
 * is in capitals otherwise (APP_USER -> APP_USERS).
 */
static char *recase(dd_ctx *ctx, const char *plural, const char *name, const word *w)
{
	char *out = dd_strdup(ctx, plural);
	size_t len = w->end - w->start, upper = 0;
	bool all_upper = true, small_letters = false;
	for (size_t i = 0; i < len; i++)
		if (!isupper((unsigned char)name[w->start + i]))
			all_upper = false;
	for (const char *p = name; *p; p++)
		if (islower((unsigned char)*p))
			small_letters = true;
	if (all_upper)   /* how many letters to capitalize */
		upper = small_letters && strncasecmp(out, name + w->start, len) == 0 ? len : strlen(out);
	else if (isupper((unsigned char)name[w->start]))
		upper = 1;
	for (size_t i = 0; i < upper; i++)
		out[i] = (char)toupper((unsigned char)out[i]);
	return out;
}

static void judge(dd_ctx *ctx, const char *what, const char *schema, const char *name, dd_loc loc)
{
	if (!dd_loc_reported(loc))
		return;   /* in a context file: nothing there is reported */
	dd_checked(ctx, loc, dd_qualified(ctx, schema, name, NULL));
	size_t n;
	const char *const *allow = dd_opt_list(ctx, "allow", &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(allow[i], name) == 0)
			return;
	word *w;
	n = split_words(ctx, name, &w);
	while (n > 0 && w[n - 1].label)
		n--;
	if (n == 0)
		return;
	/* the run of words the name ends on, lower-case, for the judged one and those before it */
	size_t first = n - 1;
	while (first > 0 && !w[first - 1].label)
		first--;
	const char **run = dd_alloc(ctx, (n - first) * sizeof *run);
	for (size_t i = first; i < n; i++)
		run[i - first] = lower(ctx, name + w[i].start, w[i].end - w[i].start);
	/* versions_published_by, execution_queued, stats_daily: a phrase whose noun is further left */
	if (!dd_words_end_on_noun(run, n - first))
		return;
	const char *last = run[n - 1 - first];
	if (dd_word_is_plural(ctx, last))
		return;
	const word *judged = &w[n - 1];
	const char *plural = recase(ctx, dd_word_plural(ctx, last), name, judged);
	const char *full = dd_sprintf(ctx, "%.*s%s%s", (int)judged->start, name, plural, name + judged->end);
	/* a name cut down to 63 bytes keeps its plural word (and what follows it) at the end, with
	 * the underscore before it */
	size_t keep = judged->start > 0 && name[judged->start - 1] == '_' ? judged->start - 1 : judged->start;
	const char *fix = dd_fit_name(ctx, full, keep > 0 ? full + keep : NULL);
	dd_report(ctx, loc, dd_qualified(ctx, schema, name, NULL), fix, "%s name '%s' is singular; use '%s'", what, name, fix);
}

static void finish(dd_ctx *ctx)
{
	const dd_model *m = dd_ctx_model(ctx);
	const dd_table *t;
	/* partitions are named after their parent plus a suffix */
	for (size_t i = 0; (t = dd_next_table(ctx, &i, DD_SKIP_TEMP | DD_SKIP_PARTITIONS | DD_SKIP_TOOL_TABLES)) != NULL;) {
		judge(ctx, "table", t->schema, t->name, t->loc);
	}
	if (!dd_opt_bool(ctx, "include_views"))
		return;
	for (size_t i = 0; i < m->n_views; i++) {
		const dd_view *v = m->views[i];
		if (!v->dropped && !dd_is_system_schema(v->schema))
			judge(ctx, "view", v->schema, v->name, v->loc);
	}
}

static const dd_option options[] = {
	{ "include_views", DD_OPT_BOOL, "false", "judge view names too", NULL },
	{ "allow", DD_OPT_LIST, "[]", "table names accepted as they are", NULL },
	{ 0 }
};

const dd_rule dd_rule_naming_table_plural = {
	.id = "naming/table-plural",
	.summary = "Table names are plural",
	.severity = DD_SEV_WARNING,
	.description =
		"Once every file has been replayed, the last word of each table's name must be a plural "
		"English noun: users, order_items, people, categories, addresses, statuses, analyses, "
		"jtis, kpis. The word is the last part between underscores made of letters, or the last "
		"word of a part in camel case (WorkflowRun is judged by Run); numbers, one-letter parts and "
		"the copy markers tmp, temp, bak, old, new and staging are passed over (users_2024 by "
		"users, user_temp by user). Uncountable nouns (data, media, news, series, metadata, "
		"settings, feedback, equipment, information, ...) are accepted. A name whose last word is "
		"not a noun is a phrase whose noun comes earlier, and is not judged: a preposition "
		"(versions_published_by, users_to_send_full_presence_to), a past participle "
		"(execution_queued, session_last_seen, email_sent), an adverb (authors_only, stats_daily) "
		"or an adjective written after its noun (room_stats_current, order_pending). Nouns that "
		"look like those are judged: feed, seed, bed, shed and embed are not participles, family, "
		"supply, reply and anomaly not adverbs, and check_in, sign_up and add_on are nouns "
		"(check_ins). A singular name is reported with its plural, in the case the word is written "
		"in, as suggestion (customer_address -> customer_addresses, user_temp -> users_temp, "
		"WorkflowRun -> WorkflowRuns). Partitions and temporary tables are not judged; views only "
		"with the option include_views. A suggestion longer than 63 bytes is shortened, with the "
		"plural word kept at its end (README \"Suggested names\").",
	.why = "A table holds many rows of one kind; a plural name says so and reads naturally in queries "
	       "(SELECT ... FROM users WHERE ...). Mixing singular and plural makes every name a guess.",
	.bad = "CREATE TABLE customer_address (\n    id uuid PRIMARY KEY\n);\n",
	.good = "CREATE TABLE customer_addresses (\n    id uuid PRIMARY KEY\n);\nCREATE TABLE people (\n    id uuid PRIMARY KEY\n);\n",
	.options = options,
	.finish = finish,
};
