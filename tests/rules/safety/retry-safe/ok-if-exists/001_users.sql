-- +goose NO TRANSACTION
-- +goose Up
CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, email text);
CREATE INDEX IF NOT EXISTS idx_users_email ON users (email);
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;
DROP INDEX IF EXISTS idx_users_email;
CREATE OR REPLACE VIEW v_users AS SELECT id FROM users;
-- +goose Down
DROP TABLE IF EXISTS users CASCADE;
