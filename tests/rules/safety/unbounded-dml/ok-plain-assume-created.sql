CREATE TABLE users (id bigint PRIMARY KEY, email text, nickname text);
UPDATE users SET nickname = NULL;
DELETE FROM users;
