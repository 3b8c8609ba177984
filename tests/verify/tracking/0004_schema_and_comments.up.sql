-- every object of the schema changes its name
ALTER SCHEMA side RENAME TO history;
COMMENT ON TABLE app.accounts IS NULL;
DROP POLICY accounts_own ON app.accounts;
ALTER DOMAIN app.amount DROP CONSTRAINT amount_positive;
