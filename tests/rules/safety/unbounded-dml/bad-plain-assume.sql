-- a plain schema file: the table may or may not exist on a server
UPDATE users SET nickname = NULL;
DELETE FROM users;
