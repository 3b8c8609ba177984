CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL, CHECK (email <> ''));
-- columns added earlier in the same statement are visible to later actions
ALTER TABLE users ADD COLUMN nickname text, ALTER COLUMN nickname SET NOT NULL;
CREATE INDEX idx_users_lower_email ON users (lower(email)) INCLUDE (nickname) WHERE nickname IS NOT NULL;
-- a self reference inside CREATE TABLE
CREATE TABLE nodes (id uuid PRIMARY KEY, parent_id uuid REFERENCES nodes (id));
-- tables outside the linted files are not judged
CREATE INDEX idx_external ON external_table (whatever);
ALTER TABLE external_table ADD COLUMN x int;
CREATE TABLE links (id uuid PRIMARY KEY, ext_id uuid REFERENCES external_table (no_idea));
-- IF EXISTS forms do not fail
ALTER TABLE users DROP COLUMN IF EXISTS legacy;
DROP TABLE nodes;
ALTER TABLE IF EXISTS nodes ADD COLUMN x int;
-- LIKE and partitions bring their columns
CREATE TABLE users_copy (LIKE users, UNIQUE (email));
CREATE TABLE events (id uuid, at timestamptz) PARTITION BY RANGE (at);
CREATE TABLE events_1 PARTITION OF events (PRIMARY KEY (id, at)) FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
