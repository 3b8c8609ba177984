/* inflect: English plurals of lower-case words, and the words that cannot be a noun. Depends on util. */
#ifndef DDLINT_INFLECT_H
#define DDLINT_INFLECT_H

#include "util.h"

bool dd_is_plural(dd_arena *a, const char *word);
char *dd_pluralize(dd_arena *a, const char *word);
char *dd_singularize(dd_arena *a, const char *word);
bool dd_inflect_uncountable(const char *word);

/* What a lower-case word is, as the last word of a name. DD_WORD_NOUN: it may be a noun (every
 * word the lists and endings below do not claim). */
typedef enum {
	DD_WORD_NOUN,
	DD_WORD_PREPOSITION,   /* by, to, for, with, in, ... */
	DD_WORD_PARTICIPLE,    /* queued, published, seen, written, unpaid (not feed, seed, bed, shed) */
	DD_WORD_ADVERB,        /* only, daily, recently, manually (not family, supply, anomaly) */
	DD_WORD_ADJECTIVE,     /* current, latest, pending: adjectives written after their noun */
} dd_word_class;
dd_word_class dd_word_class_of(const char *word);
/* Do a verb and the preposition after it make a noun: check in (check-ins), sign up, add on? */
bool dd_is_phrasal_noun(const char *verb, const char *particle);
/* Do the n words a name ends on (lower-case, the last one last) end on a noun? Not when the last
 * is a preposition, a participle, an adverb or a postpositive adjective, unless it is the
 * particle of a phrasal noun (check_in) that does not follow to (users_to_sign_up). */
bool dd_ends_on_noun(const char *const *words, size_t n);

#endif
