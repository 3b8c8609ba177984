-- +migrate Up
CREATE TABLE users (id uuid PRIMARY KEY, email text);
-- +migrate Down
DROP TABLE users;
