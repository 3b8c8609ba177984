-- +goose Up
UPDATE users SET nickname = email WHERE nickname IS NULL;
DELETE FROM users WHERE email IS NULL;
