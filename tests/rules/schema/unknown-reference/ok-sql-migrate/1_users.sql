-- +migrate Up
CREATE TABLE users (id int PRIMARY KEY);
-- +migrate Down
DROP TABLE users;
