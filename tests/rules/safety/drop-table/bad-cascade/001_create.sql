-- +goose Up
CREATE TABLE users (id bigint PRIMARY KEY, email text, nickname text);
CREATE VIEW active_users AS SELECT * FROM users;
