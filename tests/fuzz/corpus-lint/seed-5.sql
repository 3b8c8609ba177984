CREATE TABLE events (id uuid PRIMARY KEY, payload jsonb NOT NULL, kind text);
CREATE INDEX idx_events_payload ON events (payload);
CREATE INDEX idx_events_kind_payload ON events USING btree (kind, payload);
