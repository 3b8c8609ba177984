CREATE TABLE users (id bigint PRIMARY KEY, email text, nickname text);
ALTER TABLE users RENAME COLUMN nickname TO display_name;
