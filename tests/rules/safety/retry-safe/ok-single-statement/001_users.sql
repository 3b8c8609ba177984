-- +goose NO TRANSACTION
-- +goose Up
-- one statement is done or not
CREATE TABLE users (id bigint PRIMARY KEY, email text);
-- +goose Down
DROP TABLE users;
