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
/* -is and -us words that are not plurals of an acronym (see acronym_plural) */
static const char *const not_acronym_plurals[] = { "this", "thus", "plus", "pus", "bus", NULL };

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

/*
 * The plural of an acronym that ends in i or u: jtis, kpis, cpus, tpus. The -is and -us rules
 * take such words for singulars (analysis, status), so a stem of 3 to 5 letters that is all
 * consonants before its final i or u (jt-i, cp-u) is read as an acronym and the word as its
 * plural. English words of that shape are few and listed (this, thus, plus).
 */
static bool acronym_plural(const char *w)
{
	size_t n = strlen(w);
	if (n < 4 || n > 6 || w[n - 1] != 's' || (w[n - 2] != 'i' && w[n - 2] != 'u'))
		return false;
	for (size_t i = 0; i < n - 2; i++)
		if (vowel(w[i]) || w[i] == 'y' || w[i] < 'a' || w[i] > 'z')
			return false;
	for (const char *const *p = not_acronym_plurals; *p; p++)
		if (strcmp(*p, w) == 0)
			return false;
	return true;
}

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
	/* words in -us and -is are singular, but for the plurals of -u and -i words (menus, taxis)
	 * and of acronyms (jtis, cpus) */
	if (ends(w, "us"))
		return in(ends_in_u, stem) || acronym_plural(w) ? stem : dd_arena_strdup(a, w);
	if (ends(w, "is"))
		return in(ends_in_i, stem) || acronym_plural(w) ? stem : dd_arena_strdup(a, w);
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

/*
 * Words that cannot be the noun a name ends on. A table name whose last word is one of
 * these is a phrase (versions_published_by, execution_queued, session_last_seen, stats_daily):
 * its noun is somewhere before, and which word it is takes more than a word list to tell.
 */
static const char *const prepositions[] = {
	"about", "above", "across", "after", "against", "along", "alongside", "amid", "among",
	"amongst", "around", "as", "at", "atop", "before", "behind", "below", "beneath", "beside",
	"besides", "between", "beyond", "by", "despite", "down", "during", "except", "for", "from",
	"in", "inside", "into", "near", "of", "off", "on", "onto", "out", "outside", "over", "per",
	"since", "than", "through", "throughout", "thru", "to", "toward", "towards", "under",
	"underneath", "until", "unto", "up", "upon", "versus", "via", "vs", "with", "within",
	"without", NULL
};

/* A preposition that makes a noun with the verb before it: check_in (check_ins), sign_up. */
static const char *const phrasal_nouns[] = {
	"add_on", "back_up", "break_down", "build_up", "buy_in", "call_out", "cash_out", "catch_up",
	"check_in", "check_out", "check_up", "clean_up", "cut_off", "cut_over", "drop_down",
	"drop_in", "drop_off", "follow_up", "hand_off", "hand_out", "hand_over", "hook_up",
	"kick_off", "lay_off", "line_up", "lock_out", "log_in", "log_on", "log_out", "look_up",
	"make_over", "mark_up", "mix_up", "mock_up", "opt_in", "opt_out", "pay_out", "pick_up",
	"plug_in", "pop_up", "print_out", "push_up", "roll_out", "round_up", "run_down", "sell_off",
	"set_up", "shut_down", "sign_in", "sign_on", "sign_out", "sign_up", "spin_off", "stand_up",
	"start_up", "take_over", "tie_in", "time_out", "top_up", "trade_in", "trade_off",
	"try_out", "turn_over", "walk_in", "walk_through", "warm_up", "work_out", "write_off",
	"write_up", NULL
};

/* Past participles that do not end in -ed (prefixed forms: see participle) */
static const char *const irregular_participles[] = {
	"arisen", "awoken", "been", "beaten", "begun", "bent", "bitten", "bled", "blown", "born",
	"borne", "bought", "bred", "broken", "brought", "built", "burnt", "caught", "chosen",
	"clung", "crept", "dealt", "done", "drawn", "dreamt", "driven", "drunk", "dug", "dwelt",
	"eaten", "fallen", "fled", "flown", "flung", "forbidden", "forgiven", "forgotten", "fought",
	"found", "frozen", "given", "gone", "got", "gotten", "grown", "heard", "held", "hidden",
	"hung", "kept", "knelt", "known", "laid", "leapt", "learnt", "left", "lent", "lit", "lost",
	"made", "meant", "met", "mown", "paid", "proven", "ridden", "risen", "said", "seen", "sent",
	"sewn", "shaken", "shone", "shorn", "shown", "shrunk", "slain", "slept", "slid", "slung",
	"sold", "sought", "sown", "spent", "spilt", "spoilt", "spoken", "sped", "spun", "stolen",
	"stood", "struck", "strung", "stuck", "stung", "sung", "sunk", "sworn", "swept", "swum",
	"swung", "taken", "taught", "thrown", "told", "torn", "trodden", "understood", "wept",
	"woken", "won", "worn", "woven", "written", "wrung", NULL
};
/* Prefixes of participles: unseen, rewritten, prepaid, overdone, withheld; but pre-sent is present */
static const char *const participle_prefixes[] = {
	"un", "re", "pre", "over", "under", "mis", "out", "with", "up", "fore", "be", NULL
};
static const char *const prefixed_nouns[] = { "present", NULL };
/* Words in -ed that are nouns (-eed words are nouns unless listed in eed_participles) */
static const char *const ed_nouns[] = {
	"airbed", "biped", "coed", "cred", "daybed", "deathbed", "embed", "flatbed", "flowerbed",
	"hatred", "hotbed", "hundred", "infrared", "kindred", "moped", "quadruped", "riverbed",
	"roadbed", "seabed", "seedbed", "shed", "shred", "sickbed", "sled", "sunbed", "testbed",
	"toolshed", "waterbed", "watershed", "woodshed", NULL
};
static const char *const eed_participles[] = {
	"agreed", "decreed", "disagreed", "emceed", "freed", "guaranteed", "refereed", NULL
};

/* Adverbs: a list, and the endings of -ly adverbs that no common noun has (family, supply,
 * reply, anomaly, assembly, ally, rally, jelly end in -ly too) */
static const char *const adverbs[] = {
	"again", "ago", "ahead", "already", "also", "always", "anyway", "apart", "away", "daily",
	"early", "else", "elsewhere", "ever", "everywhere", "forever", "hourly", "instead", "later",
	"likely", "monthly", "much", "never", "newly", "nightly", "now", "often", "once", "only",
	"otherwise", "partly", "quarterly", "rarely", "soon", "then", "there", "together",
	"too", "twice", "very", "weekly", "yearly", "yet", NULL
};
static const char *const adverb_endings[] = {
	"ably", "ally", "ately", "edly", "ently", "antly", "fully", "ibly", "ingly", "ively",
	"lessly", "ously", "arily", "ctly", "ghtly", "stly", NULL
};

/* Adjectives that follow the noun they qualify in table names (room_stats_current) */
static const char *const postpositive_adjectives[] = {
	"current", "latest", "pending", "previous", NULL
};

static bool participle(const char *w)
{
	size_t n = strlen(w);
	if (in(irregular_participles, w))
		return true;
	for (const char *const *p = participle_prefixes; *p; p++) {
		size_t k = strlen(*p);
		if (n > k + 2 && strncmp(w, *p, k) == 0 && in(irregular_participles, w + k))
			return !in(prefixed_nouns, w);
	}
	/* regular: queued, published, archived, stopped, applied (not bed, red, fed, feed, seed) */
	if (n < 4 || !ends(w, "ed") || in(ed_nouns, w))
		return false;
	if (ends(w, "eed"))
		return in(eed_participles, w);
	return true;
}

static bool adverb(const char *w)
{
	if (in(adverbs, w))
		return true;
	size_t n = strlen(w);
	for (const char *const *p = adverb_endings; *p; p++)
		if (n >= strlen(*p) + 3 && ends(w, *p))
			return true;
	return false;
}

dd_word_class dd_word_class_of(const char *w)
{
	if (in(prepositions, w))
		return DD_WORD_PREPOSITION;
	if (participle(w))
		return DD_WORD_PARTICIPLE;
	if (adverb(w))
		return DD_WORD_ADVERB;
	if (in(postpositive_adjectives, w))
		return DD_WORD_ADJECTIVE;
	return DD_WORD_NOUN;
}

bool dd_is_phrasal_noun(const char *verb, const char *particle)
{
	size_t v = strlen(verb);
	for (const char *const *p = phrasal_nouns; *p; p++)
		if (strncmp(*p, verb, v) == 0 && (*p)[v] == '_' && strcmp(*p + v + 1, particle) == 0)
			return true;
	return false;
}

bool dd_ends_on_noun(const char *const *words, size_t n)
{
	if (n == 0)
		return false;
	const char *w = words[n - 1];
	switch (dd_word_class_of(w)) {
	case DD_WORD_NOUN:
		return true;
	case DD_WORD_PREPOSITION:
		/* check_in, user_sign_up; but users_to_sign_up is a verb after to */
		return n >= 2 && dd_is_phrasal_noun(words[n - 2], w) && !(n >= 3 && strcmp(words[n - 3], "to") == 0);
	case DD_WORD_PARTICIPLE:
	case DD_WORD_ADVERB:
	case DD_WORD_ADJECTIVE:
		break;
	}
	return false;
}
