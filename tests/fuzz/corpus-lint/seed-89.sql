CREATE TABLE notes (id uuid PRIMARY KEY, updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE events (id uuid, updated_at timestamptz) PARTITION BY HASH (id);
CREATE TABLE events_0 PARTITION OF events FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE tags (id uuid PRIMARY KEY, name text);
