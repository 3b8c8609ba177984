/* verify/model-differs: PostgreSQL's catalog and ddlint's model disagree after a migration. Reported by `ddlint verify`. */
#include "ddlint/rule.h"

const dd_rule dd_rule_verify_model_differs = {
	.id = "verify/model-differs",
	.summary = "ddlint verify: PostgreSQL's catalog differs from ddlint's schema model (a ddlint bug)",
	.severity = DD_SEV_INFO,
	.description =
		"Reported by `ddlint verify` only. After each migration's up, the catalog is compared with "
		"ddlint's own model of the schema as the migrations so far leave it (`ddlint model`): tables, "
		"columns (type, NOT NULL, whether there is a default), constraints, indexes, enum types, views "
		"and triggers. A difference means the rules reasoned about a schema that is not the real one: "
		"a ddlint bug worth reporting, unless it is one of the documented limits of the model (CREATE "
		"TABLE AS, dynamic SQL in DO blocks, what functions do). Reported at the up of the migration "
		"that brings a difference (one a migration before it left is not reported again), with the "
		"differing lines; info by default, so it never fails a build.",
	.why = "Every other rule trusts the model; where it is wrong, findings are missed or wrong.",
	.bad = "-- file: 0002_copy.up.sql (the model does not follow CREATE TABLE AS)\n"
	       "CREATE TABLE users_copy AS SELECT * FROM users;\n",
	.good = "-- file: 0002_copy.up.sql\nCREATE TABLE users_copy (LIKE users);\n",
	.command = "verify",
};
