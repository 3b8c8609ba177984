CREATE TABLE accounts (id uuid PRIMARY KEY);
CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE posts (
    id uuid PRIMARY KEY,
    author_id uuid REFERENCES accounts (id),
    reviewer_id uuid REFERENCES accounts (id),
    created_by uuid REFERENCES accounts (id),
    deleted_by uuid REFERENCES users (id)
);
