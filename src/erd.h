/*
 * erd (src/erd/): entity-relationship diagrams of the schema model. graph.c picks the tables
 * (--schema, --table, --exclude, --around/--depth) and works out the relationships and their
 * cardinality; one file a format writes them (Mermaid, DBML, Graphviz DOT, PlantUML), each
 * quoting what comes from SQL (names, types, comments) as that format needs. Depends on model.
 */
#ifndef DDLINT_ERD_H
#define DDLINT_ERD_H

#include <stdio.h>
#include "model.h"

typedef enum dd_erd_format { DD_ERD_MERMAID, DD_ERD_DBML, DD_ERD_DOT, DD_ERD_PLANTUML } dd_erd_format;

/* Which tables: in one of `schemas` (none: every schema), matching one of `tables` (globs, on
 * the name or on schema.name; none: all), none of `exclude`; with `around`, only the tables
 * at most `depth` foreign keys away from it (either direction). */
typedef struct dd_erd_filter {
	const char *const *schemas; size_t n_schemas;
	const char *const *tables;  size_t n_tables;
	const char *const *exclude; size_t n_exclude;
	const char *around;
	int depth;
} dd_erd_filter;

/* A foreign key between two shown tables: `child` references `parent`. */
typedef struct dd_erd_rel {
	const dd_table *child, *parent;
	const dd_constraint *fk;
	const char *const *parent_columns; /* the referenced columns (the primary key's when the FK names none) */
	size_t n_parent_columns;
	bool one_to_one;     /* the FK columns are unique in the child (a primary key or unique key within them) */
	bool required;       /* every FK column is NOT NULL: each child row has a parent */
} dd_erd_rel;

typedef struct dd_erd {
	dd_arena *arena;
	const dd_model *model;
	const dd_table **tables; size_t n_tables;      /* sorted by schema, then name */
	dd_erd_rel *rels; size_t n_rels;               /* in table order, then constraint order */
	const dd_typedef **enums; size_t n_enums;      /* the enums the shown columns use, sorted */
	const char **schemas; size_t n_schemas;        /* of the shown tables, sorted */
	const char **urls;   /* NULL, or a link per table (DOT: the node's URL, e.g. its docs page) */
} dd_erd;

/* Build the diagram of model `m`; -1 with a message in err when the filter names no table
 * (an --around table that is not there). Free with dd_erd_free. */
int dd_erd_build(dd_erd *g, const dd_model *m, const dd_erd_filter *f, char *err, size_t errsize);
void dd_erd_free(dd_erd *g);
/* Index of table t in g->tables, or -1 when it is not shown. */
long dd_erd_table_index(const dd_erd *g, const dd_table *t);
/* Is column `col` of t part of its primary key / of a foreign key / unique on its own? */
bool dd_erd_is_pk(const dd_table *t, const char *col);
bool dd_erd_is_fk(const dd_table *t, const char *col);
bool dd_erd_is_unique(const dd_table *t, const char *col);
/* The name a diagram shows: "name" when every shown table is in one schema, else "schema.name". */
const char *dd_erd_label(const dd_erd *g, const char *schema, const char *name);

/* "mermaid", "dbml", "dot", "plantuml"; -1 for anything else. */
int dd_erd_format_parse(const char *name, dd_erd_format *out);
/* Write the diagram; 0, or -1 on a write error. */
int dd_erd_write(FILE *out, const dd_erd *g, dd_erd_format fmt);
int dd_erd_write_mermaid(FILE *out, const dd_erd *g);
int dd_erd_write_dbml(FILE *out, const dd_erd *g);
int dd_erd_write_dot(FILE *out, const dd_erd *g);
int dd_erd_write_plantuml(FILE *out, const dd_erd *g);

#endif
