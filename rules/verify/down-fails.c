/* verify/down-fails: a down migration that PostgreSQL rejects. Reported by `ddlint verify` (src/verify/). */
#include "ddlint/rule.h"

const dd_rule dd_rule_verify_down_fails = {
	.id = "verify/down-fails",
	.summary = "ddlint verify: PostgreSQL rejects the down migration",
	.severity = DD_SEV_ERROR,
	.description =
		"Reported by `ddlint verify` only. After a migration's up has applied, its down runs as the "
		"tool would run it; when PostgreSQL rejects it, the finding is at the file, line and column "
		"of PostgreSQL's error position (else at the statement that failed), with PostgreSQL's message "
		"and SQLSTATE. When the failed down leaves the database as the up left it (it ran in a "
		"transaction), the next migrations are still verified; otherwise they are not.",
	.why = "A rollback is needed when something has already gone wrong; a down that fails then turns "
	       "one incident into two.",
	.bad = "-- file: 0002_add_email.up.sql\nALTER TABLE users ADD COLUMN email text;\n"
	       "-- file: 0002_add_email.down.sql\nALTER TABLE users DROP COLUMN mail;\n",
	.good = "-- file: 0002_add_email.down.sql\nALTER TABLE users DROP COLUMN email;\n",
	.command = "verify",
};
