CREATE TABLE users (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid NOT NULL REFERENCES users (id)
);
CREATE TABLE audit_events (id uuid PRIMARY KEY, payload jsonb);
