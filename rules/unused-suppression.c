/* unused-suppression: a ddlint-disable comment that names an unknown rule or suppresses nothing. Reported by src/suppress.c. */
#include "ddlint/rule.h"

const dd_rule dd_rule_unused_suppression = {
	.id = "unused-suppression",
	.summary = "A suppression comment names an unknown rule or suppresses nothing",
	.severity = DD_SEV_WARNING,
	.description =
		"Reports a ddlint-disable comment (any form) that names a rule that does not exist (with the "
		"nearest rule id as suggestion), or that suppresses no finding in this run. A suppression "
		"whose rules are all turned off is not reported. These findings cannot themselves be "
		"suppressed by comments; turn the rule off in the config instead.",
	.why = "A suppression that silences nothing is stale: the problem was fixed, or the comment names "
	       "the wrong rule or line, and it would silently hide the next real finding there.",
	.bad = "CREATE TABLE users (\n    id uuid PRIMARY KEY -- ddlint-disable-line naming/snake-case\n);\n",
	.good = "CREATE TABLE Users ( -- ddlint-disable-line naming/snake-case -- legacy name, kept for the ORM\n"
		"    id uuid PRIMARY KEY\n);\n",
};
