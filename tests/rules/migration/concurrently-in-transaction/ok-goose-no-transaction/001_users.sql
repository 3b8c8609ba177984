-- +goose Up
CREATE TABLE users (id uuid PRIMARY KEY, email text);
-- +goose Down
DROP TABLE users;
