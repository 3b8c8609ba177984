-- +goose Up
-- dropped by an earlier migration: nothing left to drop
DROP TABLE IF EXISTS users;
