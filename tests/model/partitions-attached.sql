-- Partitions attached after they are made, as pg_dump writes them, and later: they get what
-- PostgreSQL clones onto a partition (keys, foreign keys, indexes), and the ALTER TABLE actions
-- on the partitioned table (without ONLY) reach them.
CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, account_id bigint, kind text) PARTITION BY RANGE (at);
CREATE TABLE events_2025 (id bigint NOT NULL, at date NOT NULL, account_id bigint, kind text);
CREATE TABLE events_default (id bigint NOT NULL, at date NOT NULL, account_id bigint, kind text);
ALTER TABLE ONLY events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE ONLY events ATTACH PARTITION events_default DEFAULT;
ALTER TABLE ONLY events ADD CONSTRAINT events_pkey PRIMARY KEY (id, at);
ALTER TABLE ONLY events_2025 ADD CONSTRAINT events_2025_pkey PRIMARY KEY (id, at);
ALTER TABLE ONLY events_default ADD CONSTRAINT events_default_pkey PRIMARY KEY (id, at);
CREATE INDEX idx_events_kind ON ONLY events USING btree (kind);
CREATE INDEX events_2025_kind_idx ON events_2025 USING btree (kind);
CREATE INDEX events_default_kind_idx ON events_default USING btree (kind);
ALTER INDEX events_pkey ATTACH PARTITION events_2025_pkey;
ALTER INDEX events_pkey ATTACH PARTITION events_default_pkey;
ALTER INDEX idx_events_kind ATTACH PARTITION events_2025_kind_idx;
ALTER INDEX idx_events_kind ATTACH PARTITION events_default_kind_idx;
ALTER TABLE events ADD CONSTRAINT events_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);
-- attached later: it gets the key, the foreign key and the index; its own equivalent index is kept
CREATE TABLE events_2026 (id bigint NOT NULL, at date NOT NULL, account_id bigint, kind text);
CREATE INDEX events_2026_kind ON events_2026 (kind);
ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX idx_events_account_id ON events (account_id);
-- actions on the partitioned table reach every partition
ALTER TABLE events ADD COLUMN source text NOT NULL DEFAULT 'api', ADD COLUMN batch_id bigint REFERENCES accounts (id);
ALTER TABLE events ALTER COLUMN kind SET NOT NULL;
ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind <> '');
ALTER TABLE events DROP COLUMN source;
-- a partition detached keeps what it had
ALTER TABLE events DETACH PARTITION events_default;
