/* suppression-reason: with suppressions.require_reason, every suppression says why. Reported by src/suppress.c. */
#include "ddlint/rule.h"

const dd_rule dd_rule_suppression_reason = {
	.id = "suppression-reason",
	.summary = "A suppression comment gives its reason (when suppressions.require_reason is on)",
	.severity = DD_SEV_OFF,
	.description =
		"Off by default; suppressions: { require_reason: true } in the config turns it on (as a "
		"warning), and so does setting its severity. Reports a "
		"ddlint-disable comment without a reason after a second '--', as in "
		"-- ddlint-disable-line naming/snake-case -- legacy name used by the ORM.",
	.why = "A reason tells the next reader whether the suppression still applies; without one it can "
	       "only be kept forever or removed blindly.",
	.bad = "CREATE TABLE Users ( -- ddlint-disable-line naming/snake-case\n    id uuid PRIMARY KEY\n);\n",
	.good = "CREATE TABLE Users ( -- ddlint-disable-line naming/snake-case -- legacy name, kept for the ORM\n"
		"    id uuid PRIMARY KEY\n);\n",
};
