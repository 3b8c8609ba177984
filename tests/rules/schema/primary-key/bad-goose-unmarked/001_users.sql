-- +goose Up
CREATE TABLE users (id int PRIMARY KEY);
-- +goose Down
DROP TABLE users;
