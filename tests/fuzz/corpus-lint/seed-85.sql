CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE documents (
    id uuid PRIMARY KEY,
    is_deleted boolean NOT NULL DEFAULT FALSE,
    deleted_at timestamptz,
    deleted_by uuid REFERENCES users (id)
);
CREATE TABLE tags (id uuid PRIMARY KEY, name text);
