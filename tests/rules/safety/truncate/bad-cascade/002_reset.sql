-- +goose Up
TRUNCATE users, sessions CASCADE;
