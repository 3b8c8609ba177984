-- migrate:up
ALTER TABLE users ADD CONSTRAINT chk_users_email_not_null CHECK (email IS NOT NULL) NOT VALID;

-- migrate:down
SELECT 1;
