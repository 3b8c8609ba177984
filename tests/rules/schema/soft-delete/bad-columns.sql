CREATE TABLE accounts (id uuid PRIMARY KEY);
CREATE TABLE users (id uuid PRIMARY KEY);
-- the default columns are nothing special here
CREATE TABLE documents (
    id uuid PRIMARY KEY,
    deleted_at timestamptz,
    archived_at timestamptz
);
CREATE TABLE notes (
    id uuid PRIMARY KEY,
    is_archived boolean NOT NULL DEFAULT true,
    archived_at timestamp,
    archived_by uuid REFERENCES users (id)
);
