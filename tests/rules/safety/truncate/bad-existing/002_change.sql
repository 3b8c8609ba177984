-- +goose Up
TRUNCATE users;
-- +goose Down
-- nothing to undo
SELECT 1;
