CREATE TABLE accounts (id int PRIMARY KEY, a int, b int, c int, d int, e int);
CREATE INDEX idx_accounts_a ON accounts (a);
