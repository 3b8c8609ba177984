-- migrate:up
ALTER TABLE users VALIDATE CONSTRAINT chk_users_email_not_null;

-- migrate:down
SELECT 1;
