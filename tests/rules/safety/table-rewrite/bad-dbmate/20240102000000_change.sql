-- migrate:up
CLUSTER users USING idx_users_age;
ALTER TABLE users SET TABLESPACE pg_default;
ALTER TABLE orders SET UNLOGGED;
ALTER TABLE orders SET LOGGED;

-- migrate:down
SELECT 1;
