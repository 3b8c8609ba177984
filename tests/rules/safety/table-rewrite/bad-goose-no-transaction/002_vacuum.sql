-- +goose NO TRANSACTION
-- +goose Up
VACUUM FULL users;
VACUUM (FULL, ANALYZE) orders;
VACUUM FULL;

-- +goose Down
SELECT 1;
