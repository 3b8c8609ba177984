-- +goose Up
CREATE TABLE users (id bigint PRIMARY KEY, email text, nickname text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);
CREATE TABLE sessions (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
