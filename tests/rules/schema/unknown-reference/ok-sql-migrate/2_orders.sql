-- +migrate Up
CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));
-- +migrate Down
DROP TABLE orders;
