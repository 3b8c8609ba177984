CREATE TABLE sessions (
    id uuid PRIMARY KEY,
    started_at timestamp NOT NULL,
    ended_at TIMESTAMP(3) WITHOUT TIME ZONE,
    checkpoints timestamp[]
);
ALTER TABLE sessions ADD COLUMN expires_at timestamp;
ALTER TABLE sessions ALTER COLUMN started_at TYPE pg_catalog.timestamp;
CREATE DOMAIN local_moment AS timestamp;
-- pg_dump spelling
CREATE TABLE public.logins (
    id uuid NOT NULL,
    "at" timestamp without time zone NOT NULL
);
