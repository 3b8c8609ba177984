-- +goose Up
-- made by this migration: nothing uses it yet
CREATE TABLE users (id bigint PRIMARY KEY, email text, nickname text);
ALTER TABLE users RENAME TO accounts;
