CREATE TABLE events (id uuid PRIMARY KEY, payload jsonb NOT NULL);
-- a unique index is for uniqueness: GIN cannot be unique
CREATE UNIQUE INDEX uq_events_payload ON events (payload);
