CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE memberships (
    user_id uuid NOT NULL,
    team_id uuid NOT NULL,
    PRIMARY KEY (user_id, team_id)
);
-- the key may come in a later statement, as pg_dump writes it
CREATE TABLE public.teams (id uuid NOT NULL);
ALTER TABLE ONLY public.teams ADD CONSTRAINT teams_pkey PRIMARY KEY (id);
-- temporary tables are not part of the schema
CREATE TEMP TABLE scratch (x int);
-- a partition takes its key from the partitioned table
CREATE TABLE events (id uuid, created_at timestamptz NOT NULL, PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- a table that is dropped needs no key
CREATE TABLE old_stuff (x int);
DROP TABLE old_stuff;
