/* Unit tests of the plural/singular engine (src/inflect.c): regular, irregular and uncountable words. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "inflect.h"

/* singular, plural */
static const char *const pairs[][2] = {
	/* regular -s */
	{ "user", "users" }, { "order", "orders" }, { "item", "items" }, { "account", "accounts" },
	{ "product", "products" }, { "customer", "customers" }, { "invoice", "invoices" },
	{ "payment", "payments" }, { "session", "sessions" }, { "token", "tokens" }, { "role", "roles" },
	{ "permission", "permissions" }, { "team", "teams" }, { "project", "projects" }, { "task", "tasks" },
	{ "comment", "comments" }, { "post", "posts" }, { "tag", "tags" }, { "file", "files" },
	{ "event", "events" }, { "log", "logs" }, { "message", "messages" }, { "notification", "notifications" },
	{ "subscription", "subscriptions" }, { "plan", "plans" }, { "price", "prices" }, { "coupon", "coupons" },
	{ "profile", "profiles" }, { "article", "articles" }, { "page", "pages" }, { "image", "images" },
	{ "upload", "uploads" }, { "device", "devices" }, { "rate", "rates" }, { "review", "reviews" },
	{ "vote", "votes" }, { "like", "likes" }, { "follower", "followers" }, { "member", "members" },
	{ "organization", "organizations" }, { "tenant", "tenants" }, { "region", "regions" },
	{ "schedule", "schedules" }, { "job", "jobs" }, { "worker", "workers" }, { "queue", "queues" },
	{ "webhook", "webhooks" }, { "key", "keys" }, { "day", "days" }, { "holiday", "holidays" },
	{ "journey", "journeys" }, { "survey", "surveys" }, { "delay", "delays" }, { "toy", "toys" },
	{ "employee", "employees" }, { "attendee", "attendees" }, { "fee", "fees" }, { "tree", "trees" },
	{ "photo", "photos" }, { "video", "videos" }, { "studio", "studios" }, { "radio", "radios" },
	{ "portfolio", "portfolios" }, { "piano", "pianos" }, { "logo", "logos" }, { "memo", "memos" },
	{ "demo", "demos" }, { "todo", "todos" }, { "zero", "zeros" }, { "repo", "repos" },
	/* -y to -ies */
	{ "category", "categories" }, { "country", "countries" }, { "city", "cities" },
	{ "company", "companies" }, { "entry", "entries" }, { "policy", "policies" }, { "reply", "replies" },
	{ "history", "histories" }, { "query", "queries" }, { "story", "stories" }, { "property", "properties" },
	{ "currency", "currencies" }, { "dependency", "dependencies" }, { "activity", "activities" },
	{ "library", "libraries" }, { "delivery", "deliveries" }, { "inquiry", "inquiries" },
	{ "party", "parties" }, { "strategy", "strategies" }, { "summary", "summaries" },
	/* -s, -x, -z, -ch, -sh to -es */
	{ "address", "addresses" }, { "class", "classes" }, { "process", "processes" }, { "business", "businesses" },
	{ "box", "boxes" }, { "tax", "taxes" }, { "suffix", "suffixes" }, { "prefix", "prefixes" },
	{ "inbox", "inboxes" }, { "mailbox", "mailboxes" }, { "fax", "faxes" }, { "match", "matches" },
	{ "batch", "batches" }, { "branch", "branches" }, { "search", "searches" }, { "watch", "watches" },
	{ "patch", "patches" }, { "switch", "switches" }, { "dish", "dishes" }, { "wish", "wishes" },
	{ "crash", "crashes" }, { "hash", "hashes" }, { "push", "pushes" }, { "flash", "flashes" },
	{ "buzz", "buzzes" }, { "glass", "glasses" }, { "pass", "passes" }, { "access", "accesses" },
	{ "witness", "witnesses" }, { "loss", "losses" },
	/* -e words that keep their e */
	{ "case", "cases" }, { "purchase", "purchases" }, { "response", "responses" }, { "license", "licenses" },
	{ "database", "databases" }, { "phase", "phases" }, { "release", "releases" }, { "expense", "expenses" },
	{ "course", "courses" }, { "house", "houses" }, { "warehouse", "warehouses" }, { "cause", "causes" },
	{ "clause", "clauses" }, { "use", "uses" }, { "excuse", "excuses" }, { "size", "sizes" },
	{ "prize", "prizes" }, { "cache", "caches" }, { "niche", "niches" }, { "headache", "headaches" },
	{ "archive", "archives" }, { "reserve", "reserves" }, { "drive", "drives" }, { "move", "moves" },
	{ "objective", "objectives" }, { "curve", "curves" }, { "wave", "waves" }, { "glove", "gloves" },
	{ "initiative", "initiatives" }, { "incentive", "incentives" }, { "shoe", "shoes" }, { "toe", "toes" },
	{ "canoe", "canoes" }, { "movie", "movies" }, { "cookie", "cookies" }, { "zombie", "zombies" },
	{ "tie", "ties" }, { "pie", "pies" }, { "calorie", "calories" }, { "rookie", "rookies" },
	{ "selfie", "selfies" }, { "hoodie", "hoodies" },
	/* words in -us, -is, -as */
	{ "status", "statuses" }, { "bus", "buses" }, { "campus", "campuses" }, { "bonus", "bonuses" },
	{ "virus", "viruses" }, { "census", "censuses" }, { "surplus", "surpluses" }, { "chorus", "choruses" },
	{ "circus", "circuses" }, { "menu", "menus" }, { "sku", "skus" }, { "guru", "gurus" },
	{ "haiku", "haikus" }, { "emu", "emus" }, { "taxi", "taxis" }, { "ski", "skis" }, { "emoji", "emojis" },
	{ "api", "apis" }, { "kpi", "kpis" }, { "uri", "uris" }, { "wiki", "wikis" }, { "analysis", "analyses" },
	{ "basis", "bases" }, { "crisis", "crises" }, { "thesis", "theses" }, { "diagnosis", "diagnoses" },
	{ "hypothesis", "hypotheses" }, { "synopsis", "synopses" }, { "axis", "axes" }, { "alias", "aliases" },
	{ "canvas", "canvases" }, { "atlas", "atlases" }, { "bias", "biases" }, { "gas", "gases" },
	{ "idea", "ideas" }, { "area", "areas" }, { "formula", "formulas" }, { "schema", "schemas" },
	{ "quota", "quotas" }, { "persona", "personas" }, { "agenda", "agendas" }, { "pizza", "pizzas" },
	/* irregular */
	{ "person", "people" }, { "man", "men" }, { "woman", "women" }, { "child", "children" },
	{ "tooth", "teeth" }, { "foot", "feet" }, { "mouse", "mice" }, { "goose", "geese" }, { "ox", "oxen" },
	{ "index", "indexes" }, { "matrix", "matrices" }, { "vertex", "vertices" }, { "appendix", "appendices" },
	{ "criterion", "criteria" }, { "phenomenon", "phenomena" }, { "cactus", "cacti" },
	{ "fungus", "fungi" }, { "nucleus", "nuclei" }, { "radius", "radii" }, { "stimulus", "stimuli" },
	{ "syllabus", "syllabi" }, { "alumnus", "alumni" }, { "quiz", "quizzes" }, { "leaf", "leaves" },
	{ "life", "lives" }, { "knife", "knives" }, { "wife", "wives" }, { "half", "halves" },
	{ "shelf", "shelves" }, { "wolf", "wolves" }, { "thief", "thieves" }, { "hero", "heroes" },
	{ "potato", "potatoes" }, { "tomato", "tomatoes" }, { "echo", "echoes" }, { "veto", "vetoes" },
	{ "chief", "chiefs" }, { "roof", "roofs" }, { "proof", "proofs" }, { "belief", "beliefs" },
	{ "chef", "chefs" }, { "cafe", "cafes" }, { "curriculum", "curricula" }, { "bacterium", "bacteria" },
	{ "forum", "forums" }, { "album", "albums" }, { "museum", "museums" }, { "stadium", "stadiums" },
	{ "premium", "premiums" }, { "datum", "data" }, { "medium", "media" }, { "millennium", "millennia" },
	/* acronyms in -i and -u */
	{ "jti", "jtis" }, { "tpu", "tpus" }, { "psu", "psus" }, { "mcu", "mcus" }, { "cli", "clis" },
};

static const char *const uncountables[] = {
	"data", "media", "news", "series", "metadata", "settings", "feedback", "equipment", "information",
	"species", "sheep", "fish", "software", "staff", "analytics", "statistics", "inventory", "audio",
	"money", "traffic", "credentials",
};

static void test_pairs(void **state)
{
	(void)state;
	dd_arena *a = dd_arena_new();
	size_t n = sizeof pairs / sizeof *pairs;
	assert_true(n >= 200);
	for (size_t i = 0; i < n; i++) {
		const char *s = pairs[i][0], *p = pairs[i][1];
		char *got = dd_pluralize(a, s);
		if (strcmp(got, p) != 0)
			fail_msg("pluralize(%s) = %s, expected %s", s, got, p);
		if (strcmp(p, "data") != 0 && strcmp(p, "media") != 0) {
			got = dd_singularize(a, p);
			if (strcmp(got, s) != 0)
				fail_msg("singularize(%s) = %s, expected %s", p, got, s);
			if (dd_is_plural(a, s))
				fail_msg("is_plural(%s) is true", s);
		}
		if (!dd_is_plural(a, p))
			fail_msg("is_plural(%s) is false", p);
		if (strcmp(dd_pluralize(a, p), p) != 0)
			fail_msg("pluralize(%s) changes a plural to %s", p, dd_pluralize(a, p));
	}
	dd_arena_free(a);
}

static void test_uncountable(void **state)
{
	(void)state;
	dd_arena *a = dd_arena_new();
	for (size_t i = 0; i < sizeof uncountables / sizeof *uncountables; i++) {
		const char *w = uncountables[i];
		if (!dd_is_plural(a, w))
			fail_msg("%s is not accepted as plural", w);
		assert_string_equal(dd_pluralize(a, w), w);
		assert_string_equal(dd_singularize(a, w), w);
	}
	dd_arena_free(a);
}

/* -is and -us words of the shape of an acronym's plural that are not one */
static void test_not_acronyms(void **state)
{
	(void)state;
	dd_arena *a = dd_arena_new();
	const char *const words[] = { "this", "thus", "plus", "bus", "status", "redis", "axis", "chassis" };
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(dd_singularize(a, words[i]), words[i]) != 0)
			fail_msg("singularize(%s) = %s", words[i], dd_singularize(a, words[i]));
	assert_false(dd_is_plural(a, "this"));
	assert_false(dd_is_plural(a, "plus"));
	dd_arena_free(a);
}

static const struct {
	const char *word;
	dd_word_class class;
} classes[] = {
	/* prepositions */
	{ "by", DD_WORD_PREPOSITION }, { "to", DD_WORD_PREPOSITION }, { "for", DD_WORD_PREPOSITION },
	{ "from", DD_WORD_PREPOSITION }, { "of", DD_WORD_PREPOSITION }, { "in", DD_WORD_PREPOSITION },
	{ "on", DD_WORD_PREPOSITION }, { "at", DD_WORD_PREPOSITION }, { "with", DD_WORD_PREPOSITION },
	{ "per", DD_WORD_PREPOSITION }, { "via", DD_WORD_PREPOSITION }, { "without", DD_WORD_PREPOSITION },
	/* participles: regular, irregular, prefixed */
	{ "queued", DD_WORD_PARTICIPLE }, { "published", DD_WORD_PARTICIPLE }, { "archived", DD_WORD_PARTICIPLE },
	{ "stopped", DD_WORD_PARTICIPLE }, { "applied", DD_WORD_PARTICIPLE }, { "linearized", DD_WORD_PARTICIPLE },
	{ "used", DD_WORD_PARTICIPLE }, { "agreed", DD_WORD_PARTICIPLE }, { "seen", DD_WORD_PARTICIPLE },
	{ "done", DD_WORD_PARTICIPLE }, { "taken", DD_WORD_PARTICIPLE }, { "written", DD_WORD_PARTICIPLE },
	{ "sent", DD_WORD_PARTICIPLE }, { "paid", DD_WORD_PARTICIPLE }, { "unseen", DD_WORD_PARTICIPLE },
	{ "rewritten", DD_WORD_PARTICIPLE }, { "prepaid", DD_WORD_PARTICIPLE }, { "withheld", DD_WORD_PARTICIPLE },
	/* adverbs */
	{ "only", DD_WORD_ADVERB }, { "daily", DD_WORD_ADVERB }, { "hourly", DD_WORD_ADVERB },
	{ "recently", DD_WORD_ADVERB }, { "manually", DD_WORD_ADVERB }, { "previously", DD_WORD_ADVERB },
	{ "exactly", DD_WORD_ADVERB }, { "successfully", DD_WORD_ADVERB }, { "temporarily", DD_WORD_ADVERB },
	/* adjectives after their noun */
	{ "current", DD_WORD_ADJECTIVE }, { "latest", DD_WORD_ADJECTIVE }, { "pending", DD_WORD_ADJECTIVE },
	/* nouns that end like the words above */
	{ "bed", DD_WORD_NOUN }, { "testbed", DD_WORD_NOUN }, { "feed", DD_WORD_NOUN }, { "seed", DD_WORD_NOUN },
	{ "speed", DD_WORD_NOUN }, { "need", DD_WORD_NOUN }, { "breed", DD_WORD_NOUN }, { "shed", DD_WORD_NOUN },
	{ "watershed", DD_WORD_NOUN }, { "red", DD_WORD_NOUN }, { "embed", DD_WORD_NOUN }, { "hundred", DD_WORD_NOUN },
	{ "sled", DD_WORD_NOUN }, { "present", DD_WORD_NOUN }, { "family", DD_WORD_NOUN }, { "supply", DD_WORD_NOUN },
	{ "reply", DD_WORD_NOUN }, { "anomaly", DD_WORD_NOUN }, { "assembly", DD_WORD_NOUN }, { "ally", DD_WORD_NOUN },
	{ "rally", DD_WORD_NOUN }, { "tally", DD_WORD_NOUN }, { "jelly", DD_WORD_NOUN }, { "butterfly", DD_WORD_NOUN },
	{ "subfamily", DD_WORD_NOUN }, { "monopoly", DD_WORD_NOUN }, { "token", DD_WORD_NOUN }, { "garden", DD_WORD_NOUN },
	{ "thought", DD_WORD_NOUN }, { "shot", DD_WORD_NOUN }, { "read", DD_WORD_NOUN }, { "set", DD_WORD_NOUN },
	{ "like", DD_WORD_NOUN }, { "till", DD_WORD_NOUN }, { "still", DD_WORD_NOUN }, { "user", DD_WORD_NOUN },
	{ "thread", DD_WORD_NOUN }, { "bread", DD_WORD_NOUN }, { "ping", DD_WORD_NOUN },
};

static void test_word_classes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof classes / sizeof *classes; i++)
		if (dd_word_class_of(classes[i].word) != classes[i].class)
			fail_msg("class of %s is %d, expected %d", classes[i].word, (int)dd_word_class_of(classes[i].word),
			         (int)classes[i].class);
}

static void test_ends_on_noun(void **state)
{
	(void)state;
	const char *const published_by[] = { "versions", "published", "by" };
	const char *const presence_to[] = { "users", "to", "send", "full", "presence", "to" };
	const char *const check_in[] = { "user", "check", "in" };
	const char *const to_log_in[] = { "users", "to", "log", "in" };
	const char *const sign_up[] = { "sign", "up" };
	const char *const up[] = { "up" };
	const char *const session[] = { "session" };
	assert_false(dd_ends_on_noun(published_by, 3));
	assert_false(dd_ends_on_noun(presence_to, 6));
	assert_true(dd_ends_on_noun(check_in, 3));
	assert_false(dd_ends_on_noun(to_log_in, 4));
	assert_true(dd_ends_on_noun(sign_up, 2));
	assert_false(dd_ends_on_noun(up, 1));
	assert_true(dd_ends_on_noun(session, 1));
	assert_false(dd_ends_on_noun(session, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pairs), cmocka_unit_test(test_uncountable), cmocka_unit_test(test_not_acronyms),
		cmocka_unit_test(test_word_classes), cmocka_unit_test(test_ends_on_noun),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
