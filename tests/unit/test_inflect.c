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

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(test_pairs), cmocka_unit_test(test_uncountable) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
