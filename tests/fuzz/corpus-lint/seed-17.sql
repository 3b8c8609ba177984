-- migrate:up
CREATE TABLE users (id uuid PRIMARY KEY);
