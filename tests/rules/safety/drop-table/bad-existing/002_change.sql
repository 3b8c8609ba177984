-- +goose Up
DROP TABLE users;
-- +goose Down
CREATE TABLE users (id bigint PRIMARY KEY, email text, nickname text);
