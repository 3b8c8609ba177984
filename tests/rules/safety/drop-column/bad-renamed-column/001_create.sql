-- +goose Up
CREATE TABLE users (id bigint PRIMARY KEY, username text);
