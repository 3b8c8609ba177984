-- +goose Up
DROP SCHEMA reporting CASCADE;
-- +goose Down
CREATE SCHEMA reporting;
