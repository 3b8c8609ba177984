CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE documents (
    id uuid PRIMARY KEY,
    deleted_at timestamptz
);
CREATE TABLE notes (
    id uuid PRIMARY KEY,
    is_deleted boolean,
    deleted_at timestamp,
    deleted_by uuid
);
