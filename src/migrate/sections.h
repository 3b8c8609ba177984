/* Markers inside migration files (sections.c): private to src/migrate/. */
#ifndef DDLINT_MIGRATE_SECTIONS_H
#define DDLINT_MIGRATE_SECTIONS_H

#include "migrate_priv.h"

/* How the tool runs a section by default (tx, why, optout), and the why of a section the file
 * opts out of the tool's transaction (why_off). */
typedef struct sec_texts { dd_txmode tx; const char *why, *optout, *why_off; } sec_texts;

void dd_sections_dbmate(dd_run *run, dd_file *f, const sec_texts *tx);
void dd_sections_goose(dd_run *run, dd_file *f, const sec_texts *tx);
void dd_sections_sql_migrate(dd_run *run, dd_file *f, const sec_texts *tx);
void dd_sections_node_pg_migrate(dd_run *run, dd_file *f, const sec_texts *tx);
char *dd_sections_liquibase(dd_run *run, dd_file *f, const sec_texts *tx);

#endif
