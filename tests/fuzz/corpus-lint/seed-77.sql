CREATE TABLE projects (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- added by a later statement
CREATE TABLE tasks (id uuid PRIMARY KEY);
ALTER TABLE tasks ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
                  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- migration bookkeeping, temporary tables and partitions are not judged
CREATE TABLE schema_migrations (version text PRIMARY KEY);
CREATE TEMP TABLE scratch (x int);
CREATE TABLE events (id uuid, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now()) PARTITION BY RANGE (created_at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
