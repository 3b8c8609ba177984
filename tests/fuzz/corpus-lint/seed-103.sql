CREATE TABLE events (
    id uuid PRIMARY KEY,
    payload jsonb NOT NULL,
    -- a user type that happens to be called json is not the built-in one
    other my_schema.json
);
ALTER TABLE events ALTER COLUMN payload TYPE jsonb;
