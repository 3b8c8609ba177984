-- +goose Up
BEGIN;
CREATE TABLE users (id uuid PRIMARY KEY);
COMMIT;
-- +goose Down
DROP TABLE users;
