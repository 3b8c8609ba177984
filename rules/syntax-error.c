/* syntax-error: statements PostgreSQL's parser rejects. Reported by the front end (src/parse.c). */
#include "ddlint/rule.h"

const dd_rule dd_rule_syntax_error = {
	.id = "syntax-error",
	.summary = "SQL that PostgreSQL's parser rejects, or a file that is not UTF-8 text",
	.severity = DD_SEV_ERROR,
	.description =
		"Every statement is parsed with PostgreSQL's own parser (libpg_query, PostgreSQL 15 grammar). "
		"A statement it rejects is reported at the line and column of PostgreSQL's error, with its "
		"message; the other statements of the file are still linted. A file that is not valid UTF-8, "
		"or that contains a NUL byte, is reported once at the first bad byte and not parsed. SQL that "
		"only PostgreSQL 16 or later accepts is a syntax error for this grammar; when the error is at "
		"such a construct (a NOT NULL table constraint, a subquery in FROM without an alias, JSON_TABLE, "
		"MERGE ... RETURNING, a virtual generated column, ...), the message adds that the statement may "
		"be valid on that PostgreSQL and which grammar ddlint parses with (README \"The grammar ddlint "
		"parses with\"). A statement that does not parse is not replayed into the schema model.",
	.why = "A migration that does not parse fails at deploy time; catching it at commit time is cheaper. "
	       "Nothing else can be checked about a statement that does not parse.",
	.bad = "CREATE TABLE users (\n    id uuid PRIMARY KEY,\n);\n",
	.good = "CREATE TABLE users (\n    id uuid PRIMARY KEY\n);\n",
};
