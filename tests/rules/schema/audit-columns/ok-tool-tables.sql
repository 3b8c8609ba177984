-- The bookkeeping tables of migration tools are the tool's, not the schema author's: every
-- table dd_is_tool_table knows is skipped, not only those an option used to list.
CREATE TABLE knex_migrations (id serial PRIMARY KEY, name varchar(255), batch integer, migration_time timestamptz);
CREATE TABLE knex_migrations_lock (index serial PRIMARY KEY, is_locked integer);
CREATE TABLE gorp_migrations (id text PRIMARY KEY, applied_at timestamptz);
CREATE TABLE dbmate_migrations (version varchar(128) PRIMARY KEY);
CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL);
