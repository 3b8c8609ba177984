-- +goose Up
-- renamed in this migration, the column is still the old one, in use
ALTER TABLE users RENAME COLUMN username TO login;
ALTER TABLE users DROP COLUMN login;
