/* verify/up-not-repeatable: the up fails, or builds another schema, after its down. Reported by `ddlint verify`. */
#include "ddlint/rule.h"

const dd_rule dd_rule_verify_up_not_repeatable = {
	.id = "verify/up-not-repeatable",
	.summary = "ddlint verify: the up fails, or builds another schema, when applied again after its down",
	.severity = DD_SEV_ERROR,
	.description =
		"Reported by `ddlint verify` only. After a migration's up and down, the up is applied again: "
		"when PostgreSQL rejects it (its message and SQLSTATE, at its error position), or when the "
		"catalog it leaves differs from the one the first up left (one finding an object), the up "
		"cannot be rolled back and forward again, which is what a failed deploy followed by a fixed "
		"one does.",
	.why = "Rolling back and deploying again is the usual way out of a bad release; an up that only "
	       "works once (a sequence left behind, data the down does not remove) blocks it.",
	.bad = "-- file: 0002_tags.up.sql\nCREATE SEQUENCE tag_seq;\nCREATE TABLE tags (id bigint PRIMARY KEY);\n"
	       "-- file: 0002_tags.down.sql\nDROP TABLE tags;\n",
	.good = "-- file: 0002_tags.down.sql\nDROP TABLE tags;\nDROP SEQUENCE tag_seq;\n",
	.command = "verify",
};
