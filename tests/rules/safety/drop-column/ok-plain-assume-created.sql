CREATE TABLE users (id bigint PRIMARY KEY, email text, nickname text);
ALTER TABLE users DROP COLUMN nickname;
