/*
 * migrate (src/migrate/): migration directories as each tool runs them — which tool, which files
 * are migrations, their order, where the up and the down are, and how each part runs
 * (transactions). Depends on run.
 */
#ifndef DDLINT_MIGRATE_H
#define DDLINT_MIGRATE_H

#include "run.h"

/* Detect migration directories, add earlier migrations as context, order files, mark up and down. */
void dd_migrations_plan(struct dd_run *run);
/* The name of the i-th migration tool ddlint knows (for a configured layout), NULL past the last. */
const char *dd_migration_tool(size_t i);

#endif
