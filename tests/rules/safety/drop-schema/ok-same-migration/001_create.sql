-- +goose Up
-- made by this migration: nothing uses it yet
CREATE SCHEMA reporting;
CREATE TABLE reporting.daily (id bigint PRIMARY KEY);
DROP SCHEMA reporting CASCADE;
