-- +goose NO TRANSACTION
-- +goose Up
CREATE TABLE users (id uuid PRIMARY KEY);
CREATE INDEX idx_users_id ON users (id);
-- +goose Down
DROP TABLE users;
