-- +goose NO TRANSACTION
-- +goose Up
CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE INDEX idx_users_email ON users (email);
ALTER TABLE users ADD COLUMN nickname text;
DROP INDEX idx_users_email;
CREATE VIEW v_users AS SELECT id FROM users;
CREATE TYPE mood AS ENUM ('ok');
-- +goose Down
DROP TABLE users CASCADE;
