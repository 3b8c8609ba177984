/*
 * names: types and object names as PostgreSQL forms them (format_type, makeObjectName,
 * ChooseIndexName, FigureColname). Depends on parse.
 */
#ifndef DDLINT_NAMES_H
#define DDLINT_NAMES_H

#include "parse.h"

/* Build a dd_type from a TypeName, resolving aliases the way format_type prints them. */
void dd_type_from_typename(dd_arena *a, const PgQuery__TypeName *tn, dd_type *out);
/* PostgreSQL's makeObjectName: name1[_name2][_label] truncated to 63 bytes. */
char *dd_make_object_name(dd_arena *a, const char *name1, const char *name2, const char *label);
/* Join names with '_' as ChooseIndexNameAddition does (stops past 63 bytes). */
char *dd_name_addition(dd_arena *a, const char *const *names, size_t n);
/* A suggested name cut down to 63 bytes (README "Suggested names"): unchanged when it fits; else
 * its words are abbreviated, longest first, until it fits, and when that is not enough it is cut
 * on a character boundary and "_" plus six hex digits of the FNV-1a hash of the whole name are
 * appended. `keep` (or NULL), when the name ends with it, stays at the end, after the hash. */
const char *dd_shorten_name(dd_arena *a, const char *name, const char *keep);
/* Column name PostgreSQL derives for an index expression, or NULL. */
const char *dd_figure_colname(const PgQuery__Node *expr);

#endif
