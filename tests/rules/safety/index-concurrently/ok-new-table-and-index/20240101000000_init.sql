-- migrate:up
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100), age integer, name text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric(10,2));
CREATE INDEX idx_users_age ON users (age);

-- migrate:down
DROP TABLE orders;
DROP TABLE users;
