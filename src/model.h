/*
 * model (src/model/): the schema as the statements replayed so far leave it (the structs are
 * public, in include/ddlint/rule.h), and the copies and fingerprints of the reversibility check.
 * Depends on names, parse, source and util.
 */
#ifndef DDLINT_MODEL_H
#define DDLINT_MODEL_H

#include "names.h"

/* An empty model; its objects go to `a`, its maps to the heap until dd_model_free. */
dd_model *dd_model_new(dd_arena *a);
void dd_model_free(dd_model *m);
/* Replay one statement, in order after those before it. */
void dd_model_apply(dd_model *m, const dd_stmt *st);
/* A copy of the model that can be changed without touching the original. With `only`, just
 * the objects dd_model_fingerprint would list for it, the original answering for the rest of
 * the names (m must then outlive the copy, unchanged). */
dd_model *dd_model_clone(dd_arena *a, const dd_model *m, const dd_map *only);
/* The model as sorted lines, one an object ("table public.users", "column ... type ...").
 * With `only`, just the objects named there, or in a schema named there, or belonging to
 * (or referencing, or a partition of) a table named there; NULL: every object. */
size_t dd_model_fingerprint(dd_arena *a, const dd_model *m, const dd_map *only, const char ***out);

#endif
