/* verify/schema-drift: the committed schema file differs from what the migrations build. Reported by `ddlint verify --schema`. */
#include "ddlint/rule.h"

const dd_rule dd_rule_verify_schema_drift = {
	.id = "verify/schema-drift",
	.summary = "ddlint verify --schema: the committed schema file differs from what the migrations build",
	.severity = DD_SEV_ERROR,
	.description =
		"Reported by `ddlint verify --schema FILE` only. After every up of the migration directory, "
		"the schema file (a structure.sql, schema.sql or pg_dump --schema-only) is loaded into a second "
		"scratch database and both catalogs are compared like a down with the schema before its up: "
		"one finding an object that differs, where the schema file first names it, with the lines of the migrations' "
		"database (-) and of the schema file's (+). The bookkeeping tables of migration tools "
		"(schema_migrations, flyway_schema_history, ...) are left out. A schema file PostgreSQL "
		"rejects is one finding, with PostgreSQL's message and position.",
	.why = "Projects that commit both migrations and a schema dump drift apart when one is edited by "
	       "hand or a dump is not regenerated; new environments built from the dump then differ from "
	       "production, which was built by the migrations.",
	.bad = "-- file: db/migrations/0001_users.up.sql\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
	       "-- file: db/structure.sql (email was never added by a migration as NOT NULL)\n"
	       "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n",
	.good = "-- file: db/structure.sql\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n",
	.command = "verify",
};
