#!/bin/sh
# gen.sh TABLES > file.sql: a schema that follows the standard, TABLES tables with a
# reference to the previous one, its index, the audit columns and their trigger.
awk -v n="$1" 'BEGIN {
	print "CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;"
	for (i = 0; i < n; i++) {
		t = "items_" i "_records"
		p = "items_" (i > 0 ? i - 1 : 0) "_records"
		printf "CREATE TABLE %s (\n    id uuid PRIMARY KEY,\n    name text NOT NULL,\n    amount numeric(12,2),\n", t
		printf "    %s_id uuid REFERENCES %s (id),\n", substr(p, 1, length(p) - 1), p
		printf "    is_active boolean NOT NULL DEFAULT true,\n"
		printf "    created_at timestamptz NOT NULL DEFAULT now(),\n    updated_at timestamptz NOT NULL DEFAULT now()\n);\n"
		printf "CREATE INDEX idx_%s_%s_id ON %s (%s_id);\n", t, substr(p, 1, length(p) - 1), t, substr(p, 1, length(p) - 1)
		printf "CREATE TRIGGER trg_%s_updated_at BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION set_updated_at();\n", t, t
	}
}'
