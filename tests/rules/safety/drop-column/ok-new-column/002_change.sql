-- +goose Up
-- a column added by this migration is not in use yet
ALTER TABLE users ADD COLUMN tmp_flag boolean;
ALTER TABLE users DROP COLUMN tmp_flag;
