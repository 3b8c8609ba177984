-- the down of each later migration is replayed onto a copy of just what it names: the
-- names of everything else still count when PostgreSQL makes up a name
CREATE TABLE others (id uuid PRIMARY KEY, x text);
CREATE INDEX accounts_email_key ON others (x);
CREATE TABLE accounts (id uuid PRIMARY KEY, email text UNIQUE);
CREATE TABLE posts (id uuid PRIMARY KEY, account_id uuid REFERENCES accounts, title text);
CREATE INDEX ON posts (title);
CREATE INDEX ON posts (account_id);
