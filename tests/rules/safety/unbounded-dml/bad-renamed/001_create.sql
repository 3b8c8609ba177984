-- +goose Up
CREATE TABLE replication_target (id bigint PRIMARY KEY, kind text);
