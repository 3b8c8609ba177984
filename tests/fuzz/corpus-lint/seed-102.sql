CREATE TABLE events (
    id uuid PRIMARY KEY,
    payload json NOT NULL,
    history JSON[]
);
ALTER TABLE events ADD COLUMN meta pg_catalog.json;
CREATE DOMAIN document AS json;
