-- +goose NO TRANSACTION
-- +goose Up
CREATE DATABASE scratch;
-- +goose Down
-- a down undoes its own up
DROP DATABASE scratch;
