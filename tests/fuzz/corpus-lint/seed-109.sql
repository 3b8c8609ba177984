CREATE TABLE sessions (
    id uuid PRIMARY KEY,
    started_at timestamptz NOT NULL,
    ended_at timestamp(3) with time zone,
    -- casts inside defaults are not column types
    day_start timestamptz DEFAULT date_trunc('day', now()::timestamp) AT TIME ZONE 'UTC',
    born_on date,
    alarm time
);
ALTER TABLE sessions ALTER COLUMN ended_at TYPE timestamptz;
CREATE TEMP TABLE scratch (t timestamp);
