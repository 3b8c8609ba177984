-- +goose NO TRANSACTION
-- +goose Up
DROP DATABASE IF EXISTS legacy_reports;
-- +goose Down
SELECT 1;
