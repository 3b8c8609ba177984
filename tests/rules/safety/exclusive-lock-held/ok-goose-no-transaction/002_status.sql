-- +goose NO TRANSACTION
-- +goose Up
ALTER TABLE users ADD COLUMN status text;
UPDATE users SET status = 'active';

-- +goose Down
SELECT 1;
