-- +goose NO TRANSACTION
-- +goose Up
-- one statement is done or not
ALTER TABLE users ADD COLUMN nickname text;
-- +goose Down
ALTER TABLE users DROP COLUMN nickname;
