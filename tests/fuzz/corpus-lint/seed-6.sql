CREATE DOMAIN doc AS jsonb;
CREATE TABLE events (id uuid PRIMARY KEY, payload jsonb NOT NULL, other doc, kind text, raw json);
CREATE INDEX idx_events_payload ON events USING gin (payload jsonb_path_ops);
CREATE INDEX idx_events_payload_kind ON events ((payload->>'kind'));
CREATE INDEX idx_events_other ON events USING gin (other);
CREATE INDEX idx_events_kind ON events (kind);
