/*
 * migrate: migration directories — detect each directory's layout, order its migrations by
 * version, read earlier migrations as context, mark up and down. Depends on run.
 */
#ifndef DDLINT_MIGRATE_H
#define DDLINT_MIGRATE_H

#include "run.h"

/* Detect migration directories, add earlier migrations as context, order files, mark up and down. */
void dd_migrations_plan(struct dd_run *run);

#endif
