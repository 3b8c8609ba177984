/*
 * English plurals for table names: is a word plural, its plural, its singular.
 * Used by naming/table-plural and naming/foreign-key-column. Lower-case words.
 *
 * Regular rules cover most names (users, categories, addresses, boxes); the
 * lists below hold what the rules get wrong: irregular pairs, uncountable
 * nouns, and singular words that end like plurals (status, analysis, canvas).
 */
#include <string.h>
#include "inflect.h"

static const char *const uncountable[] = {
	"data", "metadata", "media", "news", "series", "species", "settings", "feedback", "equipment",
	"information", "sheep", "fish", "deer", "moose", "bison", "aircraft", "software", "hardware",
	"firmware", "middleware", "staff", "personnel", "traffic", "music", "advice", "knowledge",
	"luggage", "baggage", "furniture", "evidence", "research", "homework", "money", "rice", "audio",
	"analytics", "statistics", "economics", "physics", "mathematics", "logistics", "ethics",
	"politics", "athletics", "gymnastics", "diabetes", "mumps", "headquarters", "means", "offspring",
	"salmon", "trout", "swine", "police", "cattle", "clothing", "jewelry", "jewellery", "merchandise",
	"livestock", "poultry", "corps", "chassis", "info", "inventory", "stock", "seafood", "wildlife",
	"pants", "jeans", "scissors", "shorts", "trousers", "pajamas", "tongs", "credentials",
	NULL
};

/* singular, plural */
static const char *const irregular[][2] = {
	{ "person", "people" }, { "man", "men" }, { "woman", "women" }, { "child", "children" },
	{ "tooth", "teeth" }, { "foot", "feet" }, { "mouse", "mice" }, { "goose", "geese" },
	{ "louse", "lice" }, { "ox", "oxen" }, { "datum", "data" }, { "medium", "media" },
	{ "analysis", "analyses" }, { "index", "indexes" }, { "matrix", "matrices" }, { "vertex", "vertices" },
	{ "appendix", "appendices" }, { "criterion", "criteria" }, { "phenomenon", "phenomena" },
	{ "cactus", "cacti" }, { "focus", "foci" }, { "fungus", "fungi" }, { "nucleus", "nuclei" },
	{ "radius", "radii" }, { "stimulus", "stimuli" }, { "syllabus", "syllabi" }, { "alumnus", "alumni" },
	{ "thesis", "theses" }, { "crisis", "crises" }, { "diagnosis", "diagnoses" }, { "basis", "bases" },
	{ "ellipsis", "ellipses" }, { "hypothesis", "hypotheses" }, { "oasis", "oases" },
	{ "parenthesis", "parentheses" }, { "synopsis", "synopses" }, { "axis", "axes" },
	{ "quiz", "quizzes" }, { "leaf", "leaves" }, { "life", "lives" }, { "knife", "knives" },
	{ "wife", "wives" }, { "half", "halves" }, { "self", "selves" }, { "shelf", "shelves" },
	{ "wolf", "wolves" }, { "calf", "calves" }, { "loaf", "loaves" }, { "thief", "thieves" },
	{ "elf", "elves" }, { "scarf", "scarves" }, { "hoof", "hooves" }, { "die", "dice" },
	{ "curriculum", "curricula" }, { "memorandum", "memoranda" }, { "bacterium", "bacteria" },
	{ "stratum", "strata" }, { "genus", "genera" }, { "corpus", "corpora" }, { "octopus", "octopuses" },
	{ "hero", "heroes" }, { "potato", "potatoes" }, { "tomato", "tomatoes" }, { "echo", "echoes" },
	{ "veto", "vetoes" }, { "torpedo", "torpedoes" }, { "volcano", "volcanoes" },
	{ "mosquito", "mosquitoes" }, { "domino", "dominoes" }, { "cargo", "cargoes" },
	{ "embargo", "embargoes" }, { "buffalo", "buffaloes" }, { "mango", "mangoes" },
	{ "tornado", "tornadoes" }, { "motto", "mottoes" }, { "chief", "chiefs" }, { "roof", "roofs" },
	{ "proof", "proofs" }, { "belief", "beliefs" }, { "chef", "chefs" }, { "safe", "safes" },
	{ "cafe", "cafes" }, { "giraffe", "giraffes" }, { "gas", "gases" }, { "bus", "buses" },
	{ "cookie", "cookies" }, { "movie", "movies" }, { "passerby", "passersby" },
	{ "schema", "schemas" }, { "lemma", "lemmas" }, { "forum", "forums" }, { "album", "albums" },
	{ "museum", "museums" }, { "stadium", "stadiums" }, { "premium", "premiums" },
	{ "vacuum", "vacuums" }, { "podium", "podiums" }, { "minimum", "minimums" },
	{ "maximum", "maximums" }, { "quantum", "quanta" }, { "millennium", "millennia" },
	{ "addendum", "addenda" }, { "erratum", "errata" }, { "automaton", "automata" },
	{ "larva", "larvae" }, { "alga", "algae" }, { "formula", "formulas" }, { "antenna", "antennas" },
	{ "nebula", "nebulae" }, { "vita", "vitae" }, { "status", "statuses" }, { "photo", "photos" },
	{ "canvas", "canvases" }, { "atlas", "atlases" }, { "alias", "aliases" }, { "bias", "biases" },
	{ NULL, NULL }
};

/* Singulars that end like plurals: words in -is, -us, -as, -ss stay as they are. */
static const char *const ends_in_i[] = {   /* plurals of -i words: taxis, apis */
	"taxi", "ski", "emoji", "api", "kpi", "uri", "wiki", "kiwi", "safari", "alibi", "bikini",
	"martini", "salami", "sushi", "yeti", "origami", "graffiti", "mini", "multi", "semi", "ui",
	"gui", "tsi", "pi", "hi", "ai", "ami", "ami", "nsi", "poi", "roi", "ssi", "ci", "midi", "ani",
	NULL
};
static const char *const ends_in_u[] = {   /* plurals of -u words: menus, skus */
	"menu", "emu", "gnu", "guru", "tofu", "haiku", "sudoku", "sku", "tutu", "kudzu", "impromptu",
	"bijou", "tabu", "zebu", "snafu", "tiramisu", "ecu", "cpu", "gpu", "mou", "edu", "vu", "nu", "mu",
	"tau", "bau", "lieu", "adieu", "bureau", "plateau", "chateau", "tableau", NULL
};
static const char *const ends_in_ie[] = {  /* movie, cookie: -ies is not -y */
	"movie", "cookie", "zombie", "tie", "pie", "lie", "calorie", "rookie", "hippie", "goalie",
	"smoothie", "selfie", "brownie", "genie", "prairie", "sortie", "freebie", "newbie", "techie",
	"birdie", "hoodie", "veggie", "beanie", "bootie", "auntie", "lingerie", "eyrie", "oldie",
	"goodie", "junkie", "rookie", "specie", "indie", "pixie", "quickie", "sweetie", "walkie",
	"talkie", "toughie", "cowrie", "coterie", "menagerie", "reverie", "boogie", NULL
};
static const char *const ends_in_oe[] = {  /* shoe, toe: -oes is not -o */
	"shoe", "toe", "canoe", "hoe", "oboe", "foe", "doe", "floe", "sloe", "woe", "roe", "aloe",
	"tiptoe", "horseshoe", "snowshoe", "mistletoe", "felloe", NULL
};
static const char *const ends_in_che[] = { /* cache, niche: -ches is not -ch */
	"cache", "niche", "quiche", "avalanche", "microfiche", "psyche", "headache", "moustache",
	"mustache", "panache", "cliche", "creche", "douche", "attache", "apache", "porsche", "ache",
	"tranche", "carte_blanche", "gouache", "pastiche", NULL
};
static const char *const ends_in_us[] = {  /* -uses is -us, not -use */
	"status", "bus", "campus", "bonus", "virus", "census", "apparatus", "prospectus", "consensus",
	"surplus", "genius", "sinus", "chorus", "circus", "citrus", "lotus", "walrus", "abacus", "onus",
	"opus", "exodus", "impetus", "minus", "plus", "nexus", "caucus", "uterus", "tinnitus", "hiatus",
	"rebus", "fetus", "foetus", "mucus", "thesaurus", "hippopotamus", "platypus", "octopus",
	"terminus", "stylus", "campus", "syllabus", "discus", "crocus", "hummus", "asparagus",
	"papyrus", "cirrus", "omnibus", "prospectus", "bogus", "focus", NULL
};
static const char *const ends_in_as[] = {  /* singular -as */
	"alias", "canvas", "gas", "atlas", "bias", "pancreas", "christmas", "texas", "kansas",
	"arkansas", "mas", "saas", "paas", "iaas", "faas", "dbaas", NULL
};

static bool in(const char *const *list, const char *w)
{
	for (; *list; list++)
		if (strcmp(*list, w) == 0)
			return true;
	return false;
}

static bool ends(const char *w, const char *suffix)
{
	size_t n = strlen(w), k = strlen(suffix);
	return n >= k && strcmp(w + n - k, suffix) == 0;
}

static bool vowel(char c) { return strchr("aeiou", c) != NULL; }

bool dd_inflect_uncountable(const char *w) { return in(uncountable, w); }

char *dd_pluralize(dd_arena *a, const char *w)
{
	size_t n = strlen(w);
	if (n == 0 || in(uncountable, w))
		return dd_arena_strdup(a, w);
	for (size_t i = 0; irregular[i][0]; i++) {
		if (strcmp(irregular[i][0], w) == 0)
			return dd_arena_strdup(a, irregular[i][1]);
		if (strcmp(irregular[i][1], w) == 0)
			return dd_arena_strdup(a, w);   /* already plural */
	}
	if (dd_is_plural(a, w))
		return dd_arena_strdup(a, w);
	if (ends(w, "sis"))
		return dd_arena_sprintf(a, "%.*ses", (int)(n - 2), w);
	if (ends(w, "s") || ends(w, "x") || ends(w, "z") || ends(w, "ch") || ends(w, "sh"))
		return dd_arena_sprintf(a, "%ses", w);
	if (n >= 2 && w[n - 1] == 'y' && !vowel(w[n - 2]))
		return dd_arena_sprintf(a, "%.*sies", (int)(n - 1), w);
	return dd_arena_sprintf(a, "%ss", w);
}

char *dd_singularize(dd_arena *a, const char *w)
{
	size_t n = strlen(w);
	if (n == 0 || in(uncountable, w))
		return dd_arena_strdup(a, w);
	for (size_t i = 0; irregular[i][0]; i++) {
		if (strcmp(irregular[i][1], w) == 0)
			return dd_arena_strdup(a, irregular[i][0]);
		if (strcmp(irregular[i][0], w) == 0)
			return dd_arena_strdup(a, w);   /* already singular */
	}
	if (!ends(w, "s"))
		return dd_arena_strdup(a, w);
	char *stem = dd_arena_strndup(a, w, n - 1);   /* without the s */
	/* words in -us and -is are singular, but for the plurals of -u and -i words (menus, taxis) */
	if (ends(w, "us"))
		return in(ends_in_u, stem) ? stem : dd_arena_strdup(a, w);
	if (ends(w, "is"))
		return in(ends_in_i, stem) ? stem : dd_arena_strdup(a, w);
	if (ends(w, "ss") || in(ends_in_as, w))
		return dd_arena_strdup(a, w);
	if (ends(w, "ies")) {
		if (in(ends_in_ie, stem))
			return stem;
		return dd_arena_sprintf(a, "%.*sy", (int)(n - 3), w);
	}
	if (ends(w, "ves"))
		return stem;   /* leaves, lives ... are irregular; reserves, archives are -ve */
	if (ends(w, "oes"))
		return in(ends_in_oe, stem) ? stem : dd_arena_strndup(a, w, n - 2);
	if (ends(w, "sses") || ends(w, "shes") || ends(w, "xes") || ends(w, "zzes"))
		return dd_arena_strndup(a, w, n - 2);
	if (ends(w, "ches"))
		return in(ends_in_che, stem) ? stem : dd_arena_strndup(a, w, n - 2);
	if (ends(w, "uses")) {
		char *us = dd_arena_strndup(a, w, n - 2);
		return in(ends_in_us, us) ? us : stem;
	}
	return stem;   /* users; cases, purchases, responses keep their e */
}

bool dd_is_plural(dd_arena *a, const char *w)
{
	if (in(uncountable, w))
		return true;
	for (size_t i = 0; irregular[i][0]; i++) {
		if (strcmp(irregular[i][1], w) == 0)
			return true;
		if (strcmp(irregular[i][0], w) == 0)
			return false;
	}
	size_t n = strlen(w);
	if (n < 2 || w[n - 1] != 's')
		return false;
	return strcmp(dd_singularize(a, w), w) != 0;
}
