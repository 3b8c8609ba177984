CREATE TABLE accounts (id uuid PRIMARY KEY);
CREATE TABLE posts (
    id uuid PRIMARY KEY,
    author_id uuid REFERENCES accounts (id),
    account_id uuid REFERENCES accounts (id),
    editor_account_id uuid REFERENCES accounts (id)
);
