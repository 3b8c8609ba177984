/* inflect: English plurals of lower-case words. Depends on util. */
#ifndef DDLINT_INFLECT_H
#define DDLINT_INFLECT_H

#include "util.h"

bool dd_is_plural(dd_arena *a, const char *word);
char *dd_pluralize(dd_arena *a, const char *word);
char *dd_singularize(dd_arena *a, const char *word);
bool dd_inflect_uncountable(const char *word);

#endif
