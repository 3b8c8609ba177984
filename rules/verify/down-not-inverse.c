/* verify/down-not-inverse: the down does not restore the schema before the up. Reported by `ddlint verify`. */
#include "ddlint/rule.h"

const dd_rule dd_rule_verify_down_not_inverse = {
	.id = "verify/down-not-inverse",
	.summary = "ddlint verify: the down does not restore the schema as it was before the up",
	.severity = DD_SEV_ERROR,
	.description =
		"Reported by `ddlint verify` only. The catalog (schemas, tables, columns with their types, "
		"defaults and NOT NULL, constraints, indexes, sequences, types, views, functions, triggers, "
		"extensions and comments) is listed before a migration's up and again after its down; each "
		"object that differs is one finding at the down (file or section), naming the object and "
		"what is left over or missing. Statistics, privileges, owners and the order of columns are "
		"not compared.",
	.why = "A down that leaves a column, an index or a type behind makes the next up fail (already "
	       "exists) or leaves a schema no migration describes.",
	.bad = "-- file: 0002_tags.up.sql\nCREATE TYPE tag_kind AS ENUM ('a', 'b');\n"
	       "CREATE TABLE tags (id uuid PRIMARY KEY, kind tag_kind);\n"
	       "-- file: 0002_tags.down.sql\nDROP TABLE tags;\n",
	.good = "-- file: 0002_tags.down.sql\nDROP TABLE tags;\nDROP TYPE tag_kind;\n",
	.command = "verify",
};
