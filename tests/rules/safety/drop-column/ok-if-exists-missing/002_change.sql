-- +goose Up
-- the table has no such column: nothing is dropped
ALTER TABLE users DROP COLUMN IF EXISTS legacy;
