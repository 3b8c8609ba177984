-- migrate:up
ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE users ADD CONSTRAINT chk_users_age CHECK (age >= 0) NOT VALID;

-- migrate:down
SELECT 1;
