-- migrate:up
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100), age integer, name text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric(10,2));
CREATE INDEX idx_users_age ON users (age);
ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE users ADD CONSTRAINT chk_users_age CHECK (age >= 0);

-- migrate:down
DROP TABLE orders;
DROP TABLE users;
