DROP INDEX idx_accounts_a;
