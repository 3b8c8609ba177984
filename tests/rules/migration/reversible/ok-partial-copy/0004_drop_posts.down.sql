-- the names made up here must come out as they did in 0001 (posts_title_idx went in 0003)
CREATE TABLE posts (id uuid PRIMARY KEY, account_id uuid REFERENCES accounts, title text);
CREATE INDEX ON posts (account_id);
