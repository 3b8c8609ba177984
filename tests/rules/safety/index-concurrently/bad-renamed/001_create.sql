-- +goose Up
CREATE TABLE session_temp (id bigint PRIMARY KEY, token text);
