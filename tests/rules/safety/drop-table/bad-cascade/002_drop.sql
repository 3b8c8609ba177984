-- +goose Up
DROP TABLE users CASCADE;
