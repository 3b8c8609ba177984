-- +goose Up
-- public exists on every database, though no file creates it
DROP SCHEMA public;
CREATE SCHEMA public;
