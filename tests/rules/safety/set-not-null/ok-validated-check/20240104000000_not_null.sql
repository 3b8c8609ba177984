-- migrate:up
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users ALTER COLUMN id SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT chk_users_email_not_null;

-- migrate:down
SELECT 1;
