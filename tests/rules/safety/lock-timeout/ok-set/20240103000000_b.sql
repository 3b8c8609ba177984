-- migrate:up
SET LOCAL lock_timeout TO 2000;
DROP INDEX idx_users_age;

-- migrate:down
SELECT 1;
