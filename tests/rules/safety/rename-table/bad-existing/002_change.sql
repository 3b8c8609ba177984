-- +goose Up
ALTER TABLE users RENAME TO accounts;
-- +goose Down
ALTER TABLE accounts RENAME TO users;
