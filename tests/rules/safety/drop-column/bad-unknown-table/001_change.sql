-- +goose Up
-- a table the files never create exists on the server
ALTER TABLE profiles DROP COLUMN bio;
