-- DROP ... CASCADE takes the foreign keys that reference what it drops: none is left unindexed.
CREATE TABLE users (id uuid PRIMARY KEY, handle text UNIQUE);
CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid REFERENCES users (id));
CREATE TABLE follows (id uuid PRIMARY KEY, handle text REFERENCES users (handle));
DROP TABLE users CASCADE;
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id uuid PRIMARY KEY);
CREATE TABLE payments (id uuid PRIMARY KEY, invoice_id uuid REFERENCES billing.invoices (id));
DROP SCHEMA billing CASCADE;
-- a column dropped with CASCADE takes the keys that reference it
CREATE TABLE teams (id uuid PRIMARY KEY, code text UNIQUE);
CREATE TABLE members (id uuid PRIMARY KEY, team_code text REFERENCES teams (code));
ALTER TABLE teams DROP COLUMN code CASCADE;
