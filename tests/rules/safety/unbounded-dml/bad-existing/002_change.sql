-- +goose Up
UPDATE users SET nickname = NULL;
DELETE FROM users;
-- +goose Down
-- nothing to undo
SELECT 1;
