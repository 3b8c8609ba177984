/* verify/up-fails: an up migration that PostgreSQL rejects. Reported by `ddlint verify` (src/verify/). */
#include "ddlint/rule.h"

const dd_rule dd_rule_verify_up_fails = {
	.id = "verify/up-fails",
	.summary = "ddlint verify: PostgreSQL rejects the up migration",
	.severity = DD_SEV_ERROR,
	.description =
		"Reported by `ddlint verify` only, which applies each migration to a real PostgreSQL as its "
		"tool would (in a transaction or statement by statement, section by section). When the up "
		"fails, the finding is at the file, line and column of PostgreSQL's error position (else at "
		"the statement that failed), with PostgreSQL's message and SQLSTATE. The migrations after it "
		"are not verified: they would run on a schema the failed one should have changed.",
	.why = "A migration that does not apply on an empty database with every migration before it "
	       "applied will not apply in production either; finding out at deploy time is the costly way.",
	.bad = "-- file: 0002_add_email.up.sql (0001 created users without a column id2)\n"
	       "CREATE INDEX idx_users_id2 ON users (id2);\n",
	.good = "-- file: 0002_add_email.up.sql\nALTER TABLE users ADD COLUMN email text;\n",
	.command = "verify",
};
