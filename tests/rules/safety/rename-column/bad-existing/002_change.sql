-- +goose Up
ALTER TABLE users RENAME COLUMN nickname TO display_name;
-- +goose Down
ALTER TABLE users RENAME COLUMN display_name TO nickname;
