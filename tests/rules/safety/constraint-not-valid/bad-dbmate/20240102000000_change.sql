-- migrate:up
ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE users ADD CONSTRAINT chk_users_age CHECK (age >= 0);
ALTER TABLE orders ADD COLUMN buyer_id bigint REFERENCES users (id);

-- migrate:down
SELECT 1;
