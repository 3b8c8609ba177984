-- +goose NO TRANSACTION
-- +goose Up
VACUUM users;
VACUUM (ANALYZE) orders;
ANALYZE users;
VACUUM (FULL false) users;

-- +goose Down
SELECT 1;
