ALTER SCHEMA history RENAME TO side;
COMMENT ON TABLE app.accounts IS 'who pays';
CREATE POLICY accounts_own ON app.accounts USING (account_id > 0);
ALTER DOMAIN app.amount ADD CONSTRAINT amount_positive CHECK (VALUE > 0);
