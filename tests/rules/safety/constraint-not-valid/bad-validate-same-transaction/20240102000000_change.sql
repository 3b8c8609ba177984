-- migrate:up
ALTER TABLE users ADD CONSTRAINT chk_users_age CHECK (age >= 0) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT chk_users_age;

-- migrate:down
SELECT 1;
