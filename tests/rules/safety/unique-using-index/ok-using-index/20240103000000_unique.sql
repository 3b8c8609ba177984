-- migrate:up
ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email;

-- migrate:down
SELECT 1;
