CREATE TABLE accounts (id uuid PRIMARY KEY);
CREATE TABLE documents (
    id uuid PRIMARY KEY,
    is_archived boolean NOT NULL DEFAULT false,
    archived_at timestamptz,
    archived_by uuid REFERENCES accounts (id)
);
-- half of the default scheme: not soft delete under these options
CREATE TABLE notes (id uuid PRIMARY KEY, deleted_at timestamptz);
