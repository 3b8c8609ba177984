-- migrate:up
ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user_id;
ALTER TABLE users VALIDATE CONSTRAINT chk_users_age;

-- migrate:down
SELECT 1;
