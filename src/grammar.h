/*
 * grammar: the grammar ddlint parses with (libpg_query's, PostgreSQL 15) against newer
 * PostgreSQL: the syntax of PostgreSQL 16 and later that it rejects, recognised where a
 * statement fails to parse. Part of the parse module; depends on source.
 */
#ifndef DDLINT_GRAMMAR_H
#define DDLINT_GRAMMAR_H

#include "source.h"

/* "15.1": the PostgreSQL version of the grammar ddlint parses with (libpg_query's headers). */
const char *dd_grammar_version(void);

/*
 * The statement `stmt` (`len` bytes) failed to parse with PostgreSQL's `message` at byte `at`
 * of it. When the failure is at syntax that a newer PostgreSQL accepts (a NOT NULL table
 * constraint, JSON_TABLE, MERGE ... RETURNING, ...), write into `note` what to append to the
 * message (the grammar ddlint uses, the construct and the version that has it) and return true;
 * else (a real mistake, as far as ddlint can tell) return false and leave `note` alone.
 */
bool dd_newer_syntax(const char *stmt, int len, int at, const char *message, char *note, size_t size);

#endif
